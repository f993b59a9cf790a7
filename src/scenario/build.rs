//! Raw scenario → validated [`Scenario`]: the sections in file order, the
//! city, the events, and the products the gram arithmetic must hold.
//!
//! Each section is checked by its own file (`sections.rs`, `generate.rs`,
//! `listed.rs`, `assemble.rs`, `events.rs`) with the checks of
//! `check.rs`. Every problem that does not follow from another is
//! gathered, so that one run reports a file's mistakes together; what
//! depends on a section with a problem (the events on the city, the
//! bound on grams on everything) is not checked.

use super::check::{Problem, Problems};
use super::locate::KeyPath;
use super::raw::*;
use crate::message;
use crate::model::config::{self as m, Scenario};

/// Validates `raw` and builds the scenario. `source` names the file. On
/// failure, every problem found, in the order of the file's sections.
pub fn build(raw: &RawScenario, source: &str) -> Result<Scenario, Vec<Problem>> {
    let mut ck = Problems::default();
    let root = KeyPath::root();
    let meta = root.key("scenario");
    let days = ck.int_in(&meta.key("days"), raw.scenario.days, 1, 3_650) as u32;
    if raw.scenario.name.trim().is_empty() {
        ck.at(&meta.key("name"), message!(SC_NOT_EMPTY));
    }

    let goods = super::sections::goods(&mut ck, raw);
    let city = city(&mut ck, raw);
    let households = super::sections::households(&mut ck, raw);
    let panic = super::sections::panic(&mut ck, raw);
    let stores = super::sections::store_rules(&mut ck, raw);
    let transport = super::sections::transport(&mut ck, raw);
    let closures = super::sections::closures(&mut ck, raw);
    let plan = super::sections::plan(&mut ck, raw);
    let reserves = super::sections::reserves(&mut ck, raw, &goods);
    let riders = super::sections::riders(&mut ck, raw);
    let monitoring = super::sections::monitoring(&mut ck, raw);
    let costs = super::sections::costs(&mut ck, raw);
    let score = super::sections::score(&mut ck, raw);

    let events = if raw.events.len() > super::limits::MAX_EVENTS {
        ck.at(
            &root.key("events").index(super::limits::MAX_EVENTS),
            message!(
                SC_TOO_MANY_ENTRIES,
                n = raw.events.len(),
                max = super::limits::MAX_EVENTS
            ),
        );
        Vec::new()
    } else {
        match &city {
            // Events name places: without a city they cannot be checked.
            Some(city) => super::events::events(&mut ck, raw, days, city),
            None => Vec::new(),
        }
    };

    let (Some(city), Some(panic), Some(closures), Some(plan)) = (city, panic, closures, plan)
    else {
        return Err(ck.0);
    };
    if !ck.is_empty() {
        return Err(ck.0);
    }
    let sc = Scenario {
        source: source.to_string(),
        name: raw.scenario.name.clone(),
        description: raw.scenario.description.clone(),
        days,
        seed: raw.scenario.seed,
        goods,
        city,
        households,
        panic,
        stores,
        transport,
        closures,
        plan,
        reserves,
        riders,
        monitoring,
        costs,
        score,
        events,
    };
    // The products the gram arithmetic must hold.
    let grams = super::limits::mass_bound_grams(&sc);
    if grams > super::limits::MAX_GRAMS {
        // Blame the largest term: transfers, production, or the city.
        let transfers = if sc
            .city
            .suppliers
            .iter()
            .any(|s| s.kind == m::SupplierKind::OtherRegion)
        {
            sc.plan.transfer_days
        } else {
            0.0
        };
        let production: f64 = sc.city.suppliers.iter().map(|s| s.production_share).sum();
        let key = match &raw.city {
            _ if transfers > 2.0 + production => root.key("plan").key("transfer_days"),
            Some(c) if c.production_share > 1.0 => root.key("city").key("production_share"),
            Some(_) => root.key("city").key("population"),
            None => root.key("places"),
        };
        ck.at(
            &key,
            message!(
                SC_MASS_TOO_LARGE,
                tonnes = format!("{:.3e}", grams / 1e6),
                max = format!("{:.0e}", super::limits::MAX_GRAMS / 1e6)
            ),
        );
        return Err(ck.0);
    }
    Ok(sc)
}

/// The city, generated from `[city]` or listed; `None` once a problem is
/// noted.
fn city(ck: &mut Problems, raw: &RawScenario) -> Option<m::City> {
    let root = KeyPath::root();
    let (nodes, stores, suppliers) = match &raw.city {
        Some(c) => {
            if !raw.places.is_empty() {
                ck.at(&root.key("places"), message!(SC_CITY_AND_PLACES));
                return None;
            }
            if !raw.stores.is_empty() || !raw.suppliers.is_empty() {
                let k = if raw.stores.is_empty() {
                    "suppliers"
                } else {
                    "stores"
                };
                ck.at(&root.key(k), message!(SC_CITY_AND_LISTS));
                return None;
            }
            super::generate::generate(ck, c, raw.scenario.seed)?
        }
        None => super::listed::listed(ck, raw)?,
    };
    ck.ok(super::assemble::assemble(nodes, stores, suppliers))
}
