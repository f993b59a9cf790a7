//! Scripted (injected) events and times in words, in a language: the
//! report layer's rendering of [`ScriptedKind`], with names instead of
//! indices.

use crate::engine::{DAY, SimTime};
use crate::i18n::{Lang, names};
use crate::model::Scenario;
use crate::model::config::ScriptedKind;
use crate::t;

/// A time as `day 2 09:00` / `第 2 天 09:00`.
pub fn when(lang: Lang, at: SimTime) -> String {
    let day = at.0 / DAY + 1;
    let s = at.0 % DAY;
    t!(
        lang,
        DAY_TIME,
        day,
        time = format!("{:02}:{:02}", s / 3_600, s % 3_600 / 60)
    )
}

/// A time given in hours since the start, as [`when`].
pub fn when_h(lang: Lang, at_h: f64) -> String {
    when(lang, SimTime((at_h * 3_600.0).round().max(0.0) as u64))
}

/// A number without needless decimals (`12`, `2.5`).
pub(crate) fn plain(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A scripted event in words.
pub fn describe(sc: &Scenario, lang: Lang, k: &ScriptedKind) -> String {
    let city = &sc.city;
    let place = |p: usize| {
        city.places
            .get(p)
            .map_or_else(|| format!("#{p}"), |p| p.name.clone())
    };
    let district = |d: &Option<usize>| {
        let name = d.and_then(|d| {
            city.districts
                .get(d)
                .and_then(|&i| city.places.get(i))
                .map(|p| p.name.as_str())
        });
        names::district_or_city(lang, name)
    };
    match k {
        ScriptedKind::Seal { place: p } => t!(lang, EV_SEAL, place = place(*p)),
        ScriptedKind::Lift { place: p } => t!(lang, EV_LIFT, place = place(*p)),
        ScriptedKind::Rumour {
            district: d,
            strength,
        } => t!(
            lang,
            EV_RUMOUR,
            place = district(d),
            strength = plain(*strength)
        ),
        ScriptedKind::StaffLoss {
            district: d,
            share,
            hours,
        } => t!(
            lang,
            EV_STAFF_LOSS,
            share = plain(share * 100.0),
            place = district(d),
            hours = plain(*hours)
        ),
        ScriptedKind::WarehouseClosed { supplier, hours } => t!(
            lang,
            EV_WAREHOUSE_CLOSED,
            supplier = city
                .suppliers
                .get(*supplier)
                .map_or_else(|| format!("#{supplier}"), |s| s.name.clone()),
            hours = plain(*hours)
        ),
        ScriptedKind::RidersAdded { count } => t!(lang, EV_RIDERS_ADDED, count),
        ScriptedKind::CheckpointDelay { extra_hours, hours } => t!(
            lang,
            EV_CHECKPOINT_DELAY,
            extra = plain(*extra_hours),
            hours = plain(*hours)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_numbers() {
        assert_eq!(when(Lang::En, SimTime(DAY + 9 * 3_600)), "day 2 09:00");
        assert_eq!(when(Lang::Zh, SimTime(DAY + 9 * 3_600)), "第 2 天 09:00");
        assert_eq!(plain(12.0), "12");
        assert_eq!(plain(2.5), "2.5");
        assert_eq!(plain(0.333), "0.33");
    }
}
