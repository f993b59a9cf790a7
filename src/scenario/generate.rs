//! `[city]`: a city generated from a few figures (residents, districts,
//! streets, communities, compounds, buildings, stores, warehouses) with
//! the scenario's own seed, so that a file always describes the same city.

use rand::RngExt;

use super::assemble::{Node, StoreSpec};
use super::check::Problems;
use super::locate::KeyPath;
use super::raw::RawCity;
use crate::engine::{RngStreams, StreamId};
use crate::message;
use crate::model::config::{self as m, Level};

/// The places, stores and suppliers of the city `c` describes; `None`
/// once a problem is noted.
pub(super) fn generate(
    ck: &mut Problems,
    c: &RawCity,
    seed: u64,
) -> Option<(Vec<Node>, Vec<StoreSpec>, Vec<m::Supplier>)> {
    let before = ck.len();
    let cp = KeyPath::root().key("city");
    let pop = ck.int_in(&cp.key("population"), c.population, 1, 100_000_000);
    let nd = ck.int_in(&cp.key("districts"), c.districts, 1, 1_000);
    let ns = ck.int_in(
        &cp.key("streets_per_district"),
        c.streets_per_district,
        1,
        1_000,
    );
    let nc = ck.int_in(
        &cp.key("communities_per_street"),
        c.communities_per_street,
        1,
        1_000,
    );
    let nk = ck.int_in(
        &cp.key("compounds_per_community"),
        c.compounds_per_community,
        1,
        1_000,
    );
    let nb = ck.int_in(
        &cp.key("buildings_per_compound"),
        c.buildings_per_compound,
        1,
        1_000,
    );
    let sites = ck.int_in(&cp.key("sites_per_street"), c.sites_per_street, 0, 1_000);
    if ck.len() > before {
        return None;
    }
    let nbuild = nd * ns * nc * nk * nb;
    if nbuild + nd * ns * sites > super::limits::MAX_PLACES_WITH_PEOPLE {
        ck.at(
            &cp.key("buildings_per_compound"),
            message!(
                SC_TOO_MANY_BUILDINGS,
                n = nbuild + nd * ns * sites,
                max = super::limits::MAX_PLACES_WITH_PEOPLE
            ),
        );
        return None;
    }
    if nbuild > pop {
        ck.at(
            &cp.key("population"),
            message!(SC_POP_TOO_SMALL, pop, nbuild),
        );
    }
    let spread = ck.ok(super::check::finite(&cp.key("size_spread"), c.size_spread));
    if let Some(spread) = spread
        && !(0.0..1.0).contains(&spread)
    {
        ck.at(&cp.key("size_spread"), message!(SC_SPREAD, spread));
    }
    let spread = spread.unwrap_or(0.0);
    let site_head = ck.int_in(&cp.key("site_headcount"), c.site_headcount, 1, 1_000_000);
    let per10k = ck.positive(&cp.key("stores_per_10k"), c.stores_per_10k);
    let store_staff = ck.int_in(&cp.key("store_staff"), c.store_staff, 1, 100_000) as u32;
    let store_vans = ck.int_in(&cp.key("store_vans"), c.store_vans, 0, 10_000) as u32;
    let nw = ck.int_in(
        &cp.key("warehouses_per_district"),
        c.warehouses_per_district,
        1,
        100,
    );
    let wstaff = ck.int_in(&cp.key("warehouse_staff"), c.warehouse_staff, 1, 1_000_000) as u32;
    let wtrucks = ck.int_in(
        &cp.key("warehouse_trucks"),
        c.warehouse_trucks,
        1,
        1_000_000,
    ) as u32;
    let nbase = ck.int_in(&cp.key("production_bases"), c.production_bases, 0, 1_000);
    let pshare = ck.non_negative(&cp.key("production_share"), c.production_share);

    if ck.len() > before {
        return None;
    }
    // The layout stream uses the scenario's own seed (not the run's), so
    // that a scenario file always describes the same city.
    let mut rng = RngStreams::new(seed, 0).stream(StreamId::Layout);
    let base = pop as f64 / nbuild as f64;
    let mut sizes: Vec<f64> = (0..nbuild)
        .map(|_| base * (1.0 + spread * (2.0 * rng.random::<f64>() - 1.0)))
        .collect();
    let total: f64 = sizes.iter().sum();
    for s in &mut sizes {
        *s *= pop as f64 / total;
    }
    let mut nodes: Vec<Node> = Vec::new();
    let add =
        |nodes: &mut Vec<Node>, name: String, level: Level, parent: Option<usize>, size: u64| {
            let id = nodes.len();
            nodes.push(Node {
                name,
                level,
                parent,
                size,
                children: Vec::new(),
                path: cp.clone(),
            });
            if let Some(p) = parent {
                nodes[p].children.push(id);
            }
            id
        };
    let mut b = 0usize;
    let mut communities = Vec::new();
    for d in 1..=nd {
        let dn = format!("D{d}");
        let di = add(&mut nodes, dn.clone(), Level::District, None, 0);
        for s in 1..=ns {
            let sn = format!("{dn}-S{s}");
            let si = add(&mut nodes, sn.clone(), Level::Street, Some(di), 0);
            for cc in 1..=nc {
                let cn = format!("{sn}-C{cc}");
                let ci = add(&mut nodes, cn.clone(), Level::Community, Some(si), 0);
                communities.push(ci);
                for k in 1..=nk {
                    let kn = format!("{cn}-K{k}");
                    let ki = add(&mut nodes, kn.clone(), Level::Compound, Some(ci), 0);
                    for bb in 1..=nb {
                        let size = sizes[b].round().max(1.0) as u64;
                        b += 1;
                        add(
                            &mut nodes,
                            format!("{kn}-B{bb}"),
                            Level::Building,
                            Some(ki),
                            size,
                        );
                    }
                }
            }
            for w in 1..=sites {
                add(
                    &mut nodes,
                    format!("{sn}-W{w}"),
                    Level::Site,
                    Some(si),
                    site_head,
                );
            }
        }
    }
    let mut suppliers = Vec::new();
    for d in 0..nd {
        for w in 0..nw {
            let name = if nw == 1 {
                format!("W-D{}", d + 1)
            } else {
                format!("W-D{}-{}", d + 1, w + 1)
            };
            suppliers.push(m::Supplier {
                name,
                kind: m::SupplierKind::Warehouse,
                district: Some(d as usize),
                staff: wstaff,
                trucks: wtrucks,
                production_share: 0.0,
                lead_time_hours: 0.0,
            });
        }
    }
    for i in 0..nbase {
        suppliers.push(m::Supplier {
            name: format!("Base-{}", i + 1),
            kind: m::SupplierKind::ProductionBase,
            district: None,
            staff: wstaff,
            trucks: wtrucks,
            production_share: pshare / nbase as f64,
            lead_time_hours: 0.0,
        });
    }
    if c.other_regions {
        suppliers.push(m::Supplier {
            name: "Other regions".into(),
            kind: m::SupplierKind::OtherRegion,
            district: None,
            staff: 0,
            trucks: 0,
            production_share: 0.0,
            lead_time_hours: 48.0,
        });
    }
    let nstores = ((pop as f64 / 10_000.0 * per10k).round() as u64).max(1);
    if nstores > nbuild {
        ck.at(
            &cp.key("stores_per_10k"),
            message!(SC_TOO_MANY_STORES, nstores, nbuild),
        );
        return None;
    }
    let nstores = nstores as usize;
    let mut stores = Vec::with_capacity(nstores);
    let mut count_in = vec![0usize; communities.len()];
    for i in 0..nstores {
        let ci = i * communities.len() / nstores;
        count_in[ci] += 1;
        let place = communities[ci];
        let district = (ci * nd as usize) / communities.len();
        stores.push(StoreSpec {
            name: format!("Store-{}-{}", nodes[place].name, count_in[ci]),
            place,
            supplier: district * nw as usize + i % nw as usize,
            staff: store_staff,
            vans: store_vans,
        });
    }
    Some((nodes, stores, suppliers))
}
