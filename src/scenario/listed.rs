//! A listed city: `[[places]]`, `[[suppliers]]` and `[[stores]]` given one
//! by one, checked entry by entry, with every reference by name (a
//! parent, a district, a store's place and supplier) looked up and, when
//! it is not there, the nearest listed name offered.
//!
//! An entry with a problem is still known by its name, so that what
//! refers to it is not reported a second time.

use std::collections::HashMap;

use super::assemble::{Node, StoreSpec};
use super::check::{Problem, Problems, R, int_in, non_negative, problem};
use super::locate::KeyPath;
use super::raw::{RawPlace, RawScenario, RawStore, RawSupplier};
use super::suggest::{nearest, with_hint};
use crate::message;
use crate::model::config::{self as m, Level};

/// The places, stores and suppliers listed in `raw`; `None` once a
/// problem is noted.
pub(super) fn listed(
    ck: &mut Problems,
    raw: &RawScenario,
) -> Option<(Vec<Node>, Vec<StoreSpec>, Vec<m::Supplier>)> {
    let root = KeyPath::root();
    if raw.places.is_empty() {
        ck.at(&root, message!(SC_NO_CITY));
        return None;
    }
    if raw.places.len() > super::limits::MAX_PLACES {
        ck.at(
            &root.key("places").index(super::limits::MAX_PLACES),
            message!(
                SC_TOO_MANY_PLACES,
                n = raw.places.len(),
                max = super::limits::MAX_PLACES
            ),
        );
        return None;
    }
    let with_people = raw
        .places
        .iter()
        .filter(|p| matches!(p.level.as_str(), "building" | "site"))
        .count() as u64;
    if with_people > super::limits::MAX_PLACES_WITH_PEOPLE {
        ck.at(
            &root.key("places"),
            message!(
                SC_TOO_MANY_BUILDINGS,
                n = with_people,
                max = super::limits::MAX_PLACES_WITH_PEOPLE
            ),
        );
        return None;
    }
    let before = ck.len();
    // Every place by its name (the first of a name), even one with a problem.
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    let mut nodes: Vec<Option<Node>> = Vec::with_capacity(raw.places.len());
    for (i, p) in raw.places.iter().enumerate() {
        let pp = root.key("places").index(i);
        if by_name.contains_key(p.name.as_str()) {
            ck.at(&pp.key("name"), message!(SC_PLACE_TWICE, name = p.name));
            nodes.push(None);
            continue;
        }
        by_name.insert(p.name.as_str(), i);
        nodes.push(ck.ok(place(p, pp)));
    }
    let names = || raw.places.iter().map(|p| p.name.as_str());
    for (i, p) in raw.places.iter().enumerate() {
        let Some(want) = nodes[i].as_ref().and_then(|n| n.level.parent_level()) else {
            continue;
        };
        let pp = root.key("places").index(i);
        match (&p.parent, want) {
            (None, Level::City) => {}
            (Some(_), Level::City) => ck.at(&pp.key("parent"), message!(SC_DISTRICT_PARENT)),
            (None, l) => ck.at(
                &pp,
                message!(
                    SC_NEEDS_PARENT,
                    level = p.level,
                    name = p.name,
                    parent = l.key()
                ),
            ),
            (Some(parent), l) => {
                let Some(&pi) = by_name.get(parent.as_str()) else {
                    ck.at(
                        &pp.key("parent"),
                        with_hint(
                            message!(SC_PARENT_NOT_LISTED, parent, name = p.name),
                            nearest(parent, names()),
                        ),
                    );
                    continue;
                };
                // A parent with a problem of its own is already reported.
                let Some(got) = nodes[pi].as_ref().map(|n| n.level) else {
                    continue;
                };
                if got != l {
                    ck.at(
                        &pp.key("parent"),
                        message!(
                            SC_PARENT_LEVEL,
                            level = p.level,
                            want = l.key(),
                            parent,
                            got = got.key()
                        ),
                    );
                    continue;
                }
                if let Some(n) = nodes[i].as_mut() {
                    n.parent = Some(pi);
                }
                if let Some(n) = nodes[pi].as_mut() {
                    n.children.push(i);
                }
            }
        }
    }
    let level_of = |pi: usize| nodes[pi].as_ref().map(|n| n.level);
    let districts = || {
        raw.places
            .iter()
            .filter(|p| p.level == "district")
            .map(|p| p.name.as_str())
    };
    let mut suppliers: Vec<Option<m::Supplier>> = Vec::new();
    let mut sup_names: HashMap<&str, usize> = HashMap::new();
    for (i, s) in raw.suppliers.iter().enumerate() {
        let sp = root.key("suppliers").index(i);
        if sup_names.contains_key(s.name.as_str()) {
            ck.at(&sp.key("name"), message!(SC_SUPPLIER_TWICE, name = s.name));
            suppliers.push(None);
            continue;
        }
        sup_names.insert(s.name.as_str(), i);
        let district = |d: &str| match by_name.get(d) {
            Some(&pi) => match level_of(pi) {
                Some(Level::District) => Ok(Some(pi)),
                // A district with a problem of its own is already reported.
                None => Ok(None),
                Some(_) => Err(()),
            },
            None => Err(()),
        };
        let r = supplier(s, &sp, district, || nearest_of(s, districts()));
        suppliers.push(ck.ok(r));
    }
    let mut stores = Vec::new();
    let mut store_names = std::collections::HashSet::new();
    for (i, s) in raw.stores.iter().enumerate() {
        let sp = root.key("stores").index(i);
        if !store_names.insert(s.name.as_str()) {
            ck.at(&sp.key("name"), message!(SC_STORE_TWICE, name = s.name));
            continue;
        }
        let near_place = || nearest(&s.place, names());
        let near_supplier = || nearest(&s.supplier, raw.suppliers.iter().map(|x| x.name.as_str()));
        let spec = store(
            ck,
            s,
            &sp,
            (&by_name, &level_of),
            (&sup_names, &suppliers),
            (near_place, near_supplier),
        );
        stores.extend(spec);
    }
    if ck.len() > before {
        return None;
    }
    // Every district's place index becomes a district index in `assemble`.
    Some((
        nodes.into_iter().flatten().collect(),
        stores,
        suppliers.into_iter().flatten().collect(),
    ))
}

/// The nearest listed district to the one `s` names.
fn nearest_of<'a>(s: &RawSupplier, districts: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    nearest(s.district.as_deref().unwrap_or(""), districts)
}

/// One place, before its parent is looked up.
fn place(p: &RawPlace, pp: KeyPath) -> R<Node> {
    let Some(level) = Level::parse(&p.level) else {
        let levels = [
            "district",
            "street",
            "community",
            "compound",
            "building",
            "site",
        ];
        let mean = super::suggest::nearest_key(&p.level, &levels, &[]);
        return problem(
            &pp.key("level"),
            with_hint(message!(SC_UNKNOWN_LEVEL, level = p.level), mean),
        );
    };
    if p.name.trim().is_empty() {
        return problem(&pp.key("name"), message!(SC_NOT_EMPTY));
    }
    let size = match level {
        Level::Building => {
            if p.headcount.is_some() {
                return problem(&pp.key("headcount"), message!(SC_BUILDING_RESIDENTS));
            }
            let r = p.residents.ok_or_else(|| Problem {
                path: pp.clone(),
                message: message!(SC_BUILDING_NEEDS_RESIDENTS, name = p.name),
            })?;
            int_in(&pp.key("residents"), r, 1, 1_000_000)?
        }
        Level::Site => {
            if p.residents.is_some() {
                return problem(&pp.key("residents"), message!(SC_SITE_HEADCOUNT));
            }
            let r = p.headcount.ok_or_else(|| Problem {
                path: pp.clone(),
                message: message!(SC_SITE_NEEDS_HEADCOUNT, name = p.name),
            })?;
            int_in(&pp.key("headcount"), r, 1, 10_000_000)?
        }
        _ => {
            if p.residents.is_some() {
                return problem(
                    &pp.key("residents"),
                    message!(SC_ONLY_BUILDINGS_RESIDENTS, name = p.name, level = p.level),
                );
            }
            if p.headcount.is_some() {
                return problem(
                    &pp.key("headcount"),
                    message!(SC_ONLY_SITES_HEADCOUNT, name = p.name, level = p.level),
                );
            }
            0
        }
    };
    Ok(Node {
        name: p.name.clone(),
        level,
        parent: None,
        size,
        children: Vec::new(),
        path: pp,
    })
}

/// One supplier; `district` finds a listed district's place index
/// (`Ok(None)` for one with a problem of its own), `nearest` the listed
/// district nearest to the one named.
fn supplier<'a>(
    s: &RawSupplier,
    sp: &KeyPath,
    district: impl Fn(&str) -> Result<Option<usize>, ()>,
    nearest: impl Fn() -> Option<&'a str>,
) -> R<m::Supplier> {
    let kind = match s.kind.as_str() {
        "warehouse" => m::SupplierKind::Warehouse,
        "wholesale_market" => m::SupplierKind::WholesaleMarket,
        "production_base" => m::SupplierKind::ProductionBase,
        "other_region" => m::SupplierKind::OtherRegion,
        other => {
            let kinds = [
                "warehouse",
                "wholesale_market",
                "production_base",
                "other_region",
            ];
            let mean = super::suggest::nearest_key(other, &kinds, &[]);
            return problem(
                &sp.key("kind"),
                with_hint(message!(SC_SUPPLIER_KIND, other), mean),
            );
        }
    };
    let district = match &s.district {
        Some(d) => match district(d) {
            Ok(pi) => pi,
            Err(()) => {
                return problem(
                    &sp.key("district"),
                    with_hint(message!(SC_DISTRICT_NOT_LISTED, d), nearest()),
                );
            }
        },
        None if matches!(
            kind,
            m::SupplierKind::Warehouse | m::SupplierKind::WholesaleMarket
        ) =>
        {
            return problem(
                sp,
                message!(SC_NEEDS_DISTRICT, kind = s.kind, name = s.name),
            );
        }
        None => None,
    };
    let production_share = match (kind, s.production_share) {
        (m::SupplierKind::ProductionBase, Some(v)) => non_negative(&sp.key("production_share"), v)?,
        (m::SupplierKind::ProductionBase, None) => {
            return problem(sp, message!(SC_BASE_NEEDS_SHARE, name = s.name));
        }
        (_, Some(_)) => {
            return problem(&sp.key("production_share"), message!(SC_ONLY_BASE_SHARE));
        }
        (_, None) => 0.0,
    };
    let lead = match (kind, s.lead_time_hours) {
        (m::SupplierKind::OtherRegion, Some(v)) => non_negative(&sp.key("lead_time_hours"), v)?,
        (m::SupplierKind::OtherRegion, None) => 48.0,
        (_, Some(_)) => {
            return problem(&sp.key("lead_time_hours"), message!(SC_ONLY_REGION_LEAD));
        }
        (_, None) => 0.0,
    };
    Ok(m::Supplier {
        name: s.name.clone(),
        kind,
        // Place index for now; `assemble` turns it into a district index.
        district,
        staff: int_in(&sp.key("staff"), s.staff.unwrap_or(120), 0, 1_000_000)? as u32,
        trucks: int_in(&sp.key("trucks"), s.trucks.unwrap_or(30), 0, 1_000_000)? as u32,
        production_share,
        lead_time_hours: lead,
    })
}

/// One store, each of its keys checked; `None` when one has a problem
/// (noted in `ck`) or refers to a place or supplier that has one.
/// The places are given by name and level, the suppliers by name and
/// entry, and the nearest place and supplier to the ones named.
fn store<'a>(
    ck: &mut Problems,
    s: &RawStore,
    sp: &KeyPath,
    (by_name, level_of): (&HashMap<&str, usize>, &impl Fn(usize) -> Option<Level>),
    (sup_names, suppliers): (&HashMap<&str, usize>, &[Option<m::Supplier>]),
    (nearest_place, nearest_supplier): (impl Fn() -> Option<&'a str>, impl Fn() -> Option<&'a str>),
) -> Option<StoreSpec> {
    let place = ck.ok(store_place(s, sp, by_name, level_of, nearest_place));
    let supplier = ck.ok(store_supplier(
        s,
        sp,
        sup_names,
        suppliers,
        nearest_supplier,
    ));
    let staff = ck.int_in(&sp.key("staff"), s.staff, 1, 100_000) as u32;
    let vans = ck.int_in(&sp.key("vans"), s.vans, 0, 10_000) as u32;
    Some(StoreSpec {
        name: s.name.clone(),
        place: place??,
        supplier: supplier??,
        staff,
        vans,
    })
}

/// A store's place; `Ok(None)` for one with a problem of its own.
fn store_place<'a>(
    s: &RawStore,
    sp: &KeyPath,
    by_name: &HashMap<&str, usize>,
    level_of: &impl Fn(usize) -> Option<Level>,
    nearest_place: impl Fn() -> Option<&'a str>,
) -> R<Option<usize>> {
    let Some(&place) = by_name.get(s.place.as_str()) else {
        return problem(
            &sp.key("place"),
            with_hint(
                message!(SC_STORE_PLACE, place = s.place, name = s.name),
                nearest_place(),
            ),
        );
    };
    let Some(level) = level_of(place) else {
        return Ok(None);
    };
    if matches!(level, Level::District | Level::Building | Level::Site) {
        return problem(&sp.key("place"), message!(SC_STORE_LEVEL));
    }
    Ok(Some(place))
}

/// A store's supplier, a depot; `Ok(None)` for one with a problem of its
/// own.
fn store_supplier<'a>(
    s: &RawStore,
    sp: &KeyPath,
    sup_names: &HashMap<&str, usize>,
    suppliers: &[Option<m::Supplier>],
    nearest_supplier: impl Fn() -> Option<&'a str>,
) -> R<Option<usize>> {
    if s.supplier.trim().is_empty() {
        return problem(
            &sp.key("supplier"),
            message!(SC_STORE_NO_SUPPLIER, name = s.name),
        );
    }
    match sup_names.get(s.supplier.as_str()) {
        Some(&j) => match &suppliers[j] {
            Some(x) if x.is_depot() => Ok(Some(j)),
            Some(_) => problem(
                &sp.key("supplier"),
                message!(SC_STORE_SUPPLIER_KIND, supplier = s.supplier, name = s.name),
            ),
            None => Ok(None),
        },
        None => problem(
            &sp.key("supplier"),
            with_hint(
                message!(
                    SC_STORE_SUPPLIER_NOT_LISTED,
                    supplier = s.supplier,
                    name = s.name
                ),
                nearest_supplier(),
            ),
        ),
    }
}
