//! The model's words in a language: levels of places, causes of closures,
//! terms of the score, cost items, suppliers, goods, verdicts.

use super::{Lang, Msg, msg};
use crate::model::config::{Level, SupplierKind};
use crate::model::metrics::CostItem;
use crate::model::score::Term;

/// A level of places (`小区` for a compound).
pub fn level(lang: Lang, l: Level) -> &'static str {
    let m = match l {
        Level::City => msg::LEVEL_CITY,
        Level::District => msg::LEVEL_DISTRICT,
        Level::Street => msg::LEVEL_STREET,
        Level::Community => msg::LEVEL_COMMUNITY,
        Level::Compound => msg::LEVEL_COMPOUND,
        Level::Building => msg::LEVEL_BUILDING,
        Level::Site => msg::LEVEL_SITE,
    };
    m.get(lang)
}

/// A level given by its key in files (`compound`), as in
/// [`ClosureRow::level`](crate::model::metrics::ClosureRow::level); an
/// unknown key is shown as it is.
pub fn level_key(lang: Lang, key: &str) -> String {
    match key {
        "city" => level(lang, Level::City).to_string(),
        k => Level::parse(k).map_or_else(|| k.to_string(), |l| level(lang, l).to_string()),
    }
}

/// The cause of a closure (`scripted`, `escalation`, `random`).
pub fn cause(lang: Lang, key: &str) -> String {
    match key {
        "scripted" => msg::CAUSE_SCRIPTED.get(lang).to_string(),
        "escalation" => msg::CAUSE_ESCALATION.get(lang).to_string(),
        "random" => msg::CAUSE_RANDOM.get(lang).to_string(),
        k => k.to_string(),
    }
}

/// A term of the score, named by its outcome (`短缺人日`).
pub fn term(lang: Lang, t: Term) -> &'static str {
    let m = match t {
        Term::Shortage => msg::TERM_SHORTAGE,
        Term::FirstGoods => msg::TERM_FIRST_GOODS,
        Term::Stockout => msg::TERM_STOCKOUT,
        Term::Panic => msg::TERM_PANIC,
        Term::Cost => msg::TERM_COST,
        Term::Spoilage => msg::TERM_SPOILAGE,
    };
    m.get(lang)
}

/// The natural unit of a term's outcome ([`Term::outcome`]).
pub fn term_unit(lang: Lang, t: Term) -> &'static str {
    let m = match t {
        Term::Shortage => msg::UNIT_PERSON_DAYS,
        Term::FirstGoods | Term::Stockout => msg::UNIT_HOURS,
        Term::Panic => msg::UNIT_PANIC,
        Term::Cost => msg::UNIT_YUAN,
        Term::Spoilage => msg::UNIT_TONNES,
    };
    m.get(lang)
}

/// The unit of what a term's weight multiplies ([`Term::weighted_amount`]).
pub fn term_weighted_unit(lang: Lang, t: Term) -> &'static str {
    match t {
        Term::Cost => msg::UNIT_10K_YUAN.get(lang),
        t => term_unit(lang, t),
    }
}

/// A cost item.
pub fn cost_item(lang: Lang, i: CostItem) -> &'static str {
    let m = match i {
        CostItem::EmergencyTransport => msg::COST_EMERGENCY_TRANSPORT,
        CostItem::TransferSubsidy => msg::COST_TRANSFER_SUBSIDY,
        CostItem::ReserveRelease => msg::COST_RESERVE_RELEASE,
        CostItem::DoorDelivery => msg::COST_DOOR_DELIVERY,
        CostItem::Compensation => msg::COST_COMPENSATION,
    };
    m.get(lang)
}

/// A kind of supplier.
pub fn supplier_kind(lang: Lang, k: SupplierKind) -> &'static str {
    let m = match k {
        SupplierKind::Warehouse => msg::SUPPLIER_WAREHOUSE,
        SupplierKind::WholesaleMarket => msg::SUPPLIER_WHOLESALE_MARKET,
        SupplierKind::ProductionBase => msg::SUPPLIER_PRODUCTION_BASE,
        SupplierKind::OtherRegion => msg::SUPPLIER_OTHER_REGION,
    };
    m.get(lang)
}

/// The English name of a shipped goods key, if it is one.
fn shipped_goods(key: &str) -> Option<Msg> {
    Some(match key {
        "grain_oil" => msg::GOODS_GRAIN_OIL,
        "meat" => msg::GOODS_MEAT,
        "vegetables" => msg::GOODS_VEGETABLES,
        "eggs_milk" => msg::GOODS_EGGS_MILK,
        "aquatic" => msg::GOODS_AQUATIC,
        "hygiene" => msg::GOODS_HYGIENE,
        _ => return None,
    })
}

/// A goods category by its key and Chinese label: the label in Chinese
/// (the key if it has none); in English the name of a shipped category
/// (`grain and oil`), or else the key.
pub fn goods(lang: Lang, key: &str, label_zh: &str) -> String {
    match lang {
        Lang::Zh if !label_zh.trim().is_empty() => label_zh.to_string(),
        Lang::Zh => key.to_string(),
        Lang::En => shipped_goods(key).map_or_else(|| key.to_string(), |m| m.en.to_string()),
    }
}

/// A verdict of `sweep::files::verdict` (`baseline`, `lower`, `higher`,
/// `no clear difference`, `same`; also `better` and `worse`) in words: for
/// every outcome lower is better, so `lower` reads "better".
pub fn verdict(lang: Lang, key: &str) -> String {
    let m = match key {
        "baseline" => msg::VERDICT_BASELINE,
        "lower" | "better" => msg::VERDICT_BETTER,
        "higher" | "worse" => msg::VERDICT_WORSE,
        "no clear difference" => msg::VERDICT_NO_CLEAR,
        "same" => msg::VERDICT_SAME,
        k => return k.to_string(),
    };
    m.get(lang).to_string()
}

/// A district or the whole city: `in D1` / `city-wide`.
pub fn district_or_city(lang: Lang, district: Option<&str>) -> String {
    match district {
        Some(d) => crate::t!(lang, IN_DISTRICT, district = d),
        None => msg::CITY_WIDE.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_and_term_has_a_name() {
        for lang in Lang::ALL {
            for t in Term::ALL {
                assert!(!term(lang, t).is_empty());
                assert!(!term_unit(lang, t).is_empty());
            }
            for i in CostItem::ALL {
                assert!(!cost_item(lang, i).is_empty());
            }
        }
        assert_eq!(level_key(Lang::Zh, "compound"), "小区");
        assert_eq!(level_key(Lang::Zh, "city"), "全市");
        assert_eq!(goods(Lang::En, "grain_oil", "粮油"), "grain and oil");
        assert_eq!(goods(Lang::Zh, "grain_oil", "粮油"), "粮油");
        assert_eq!(goods(Lang::En, "rice", ""), "rice");
        assert_eq!(verdict(Lang::Zh, "lower"), "更好");
    }
}
