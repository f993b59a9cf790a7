//! The validated scenario: every rule and figure the model runs on, and the
//! static city (places, buildings, stores, suppliers).
//!
//! Values here have passed every check of `scenario::build`; nothing
//! downstream validates again. Quantities carry their unit in brackets.
//! Goods amounts inside the model are integer grams, so that conservation of
//! goods can be checked exactly.

use serde::Serialize;

use super::dist::Dist;
use crate::engine::SimTime;

/// Index of a goods category in [`Scenario::goods`].
pub type Cat = usize;

/// A whole validated scenario.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Where it came from (a path, or `<built-in default>`), for messages.
    pub source: String,
    /// Short name.
    pub name: String,
    /// What the scenario tests.
    pub description: String,
    /// Horizon [days].
    pub days: u32,
    /// Master seed when the command line gives none.
    pub seed: u64,
    /// Goods categories.
    pub goods: Vec<Goods>,
    /// The static city.
    pub city: City,
    /// Pantries and shopping.
    pub households: Households,
    /// Panic dynamics.
    pub panic: PanicRules,
    /// Store rules.
    pub stores: StoreRules,
    /// Transport rules.
    pub transport: TransportRules,
    /// Closure durations and escalation.
    pub closures: ClosureRules,
    /// The response plan.
    pub plan: Plan,
    /// Reserve tiers in call-up order.
    pub reserves: Vec<ReserveTier>,
    /// Last-mile riders.
    pub riders: RiderRules,
    /// Daily reports.
    pub monitoring: MonitoringRules,
    /// Costs and their split.
    pub costs: CostRules,
    /// Score weights.
    pub score: ScoreWeights,
    /// Scripted events, in time order (ties in file order).
    pub events: Vec<ScriptedEvent>,
}

impl Scenario {
    /// The end of the simulated period.
    pub fn horizon(&self) -> SimTime {
        SimTime(u64::from(self.days) * crate::engine::DAY)
    }

    /// An upper bound on the grams any counter of the model may reach
    /// over a run [g]: the whole city's need over the horizon (eaten,
    /// bought, spoiled), production, stocks at their highest, every
    /// reserve, and emergency transfers, summed over the categories.
    ///
    /// The daily dispatch sends at most one transfer a day per category,
    /// of `plan.transfer_days` of the city's need, so transfers add that
    /// many days of need for each day of the horizon (goods that spoil as
    /// fast as they come in are sent again every day). The scenario layer
    /// refuses a scenario whose bound is beyond what the counters hold,
    /// and the end of a run checks every counter against it.
    pub fn mass_bound_grams(&self) -> f64 {
        let pop = self.city.population as f64;
        let need_kg: f64 = self.goods.iter().map(|g| g.need_kg).sum();
        let production: f64 = self.city.suppliers.iter().map(|s| s.production_share).sum();
        let days = f64::from(self.days);
        let transfers = if self
            .city
            .suppliers
            .iter()
            .any(|s| s.kind == SupplierKind::OtherRegion)
        {
            days * self.plan.transfer_days
        } else {
            0.0
        };
        let cover = self.households.base_cover_days
            + self.households.hoard_extra_days
            + self.households.initial_cover_days.unwrap_or(0.0)
            + self.stores.initial_stock_days
            + self.stores.target_stock_days
            + self.stores.warehouse_stock_days
            + self.plan.point_cover_days
            + self.plan.transfer_days
            + self.plan.reserve_release_days;
        let reserves_kg: f64 = self.reserves.iter().map(|r| r.stock_kg).sum();
        (pop * need_kg * (days * (2.0 + production) + transfers + cover) + reserves_kg) * 1_000.0
    }

    /// What is valid but probably not meant: `validate` and `run` say so.
    pub fn warnings(&self) -> Vec<Warning> {
        self.city
            .stores
            .iter()
            .filter(|s| s.served == 0)
            .map(|s| Warning::StoreWithoutShoppers {
                store: s.name.clone(),
                place: self.city.places[s.place].name.clone(),
            })
            .collect()
    }
}

/// Something valid in a scenario that is probably not meant.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// No building shops at this store: every building near it has a
    /// nearer one. It sells nothing (it can still be designated a supplier).
    StoreWithoutShoppers {
        /// The store.
        store: String,
        /// Where it stands.
        place: String,
    },
}

/// A goods category.
#[derive(Debug, Clone)]
pub struct Goods {
    /// Key (`meat`).
    pub name: String,
    /// Chinese label (`肉`).
    pub label_zh: String,
    /// Daily need [kg/person/day].
    pub need_kg: f64,
    /// Shelf life [days].
    pub shelf_life_days: f64,
    /// Price [yuan/kg].
    pub price: f64,
    /// How long it keeps in a household's pantry [days].
    pub pantry_life_days: f64,
}

/// Level of a place in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The whole city (implicit root).
    City,
    /// County/district 县(区).
    District,
    /// Township/street 乡镇(街道).
    Street,
    /// Village/community 村(居).
    Community,
    /// Residential compound 小区.
    Compound,
    /// Building 楼栋.
    Building,
    /// Workplace/site 单位(场所), under a street.
    Site,
}

impl Level {
    /// The key used in files and reports.
    pub fn key(self) -> &'static str {
        match self {
            Level::City => "city",
            Level::District => "district",
            Level::Street => "street",
            Level::Community => "community",
            Level::Compound => "compound",
            Level::Building => "building",
            Level::Site => "site",
        }
    }

    /// Parses a file key.
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "district" => Level::District,
            "street" => Level::Street,
            "community" => Level::Community,
            "compound" => Level::Compound,
            "building" => Level::Building,
            "site" => Level::Site,
            _ => return None,
        })
    }

    /// The level a place of this level must hang under.
    pub fn parent_level(self) -> Option<Level> {
        match self {
            Level::City => None,
            Level::District => Some(Level::City),
            Level::Street => Some(Level::District),
            Level::Community => Some(Level::Street),
            Level::Compound => Some(Level::Community),
            Level::Building => Some(Level::Compound),
            Level::Site => Some(Level::Street),
        }
    }
}

/// Values per closure level.
#[derive(Debug, Clone)]
pub struct PerLevel<T> {
    /// A building.
    pub building: T,
    /// A compound.
    pub compound: T,
    /// A community.
    pub community: T,
    /// A street.
    pub street: T,
    /// A site.
    pub site: T,
}

impl<T> PerLevel<T> {
    /// The value for `level` (district and city use the street's).
    pub fn get(&self, level: Level) -> &T {
        match level {
            Level::Building => &self.building,
            Level::Compound => &self.compound,
            Level::Community => &self.community,
            Level::Site => &self.site,
            _ => &self.street,
        }
    }
}

/// A place of the tree. Buildings (and sites) are numbered in depth-first
/// order, so every place covers a contiguous range of buildings.
#[derive(Debug, Clone)]
pub struct Place {
    /// Unique name.
    pub name: String,
    /// Level.
    pub level: Level,
    /// Enclosing place (`None` for districts: the city is implicit).
    pub parent: Option<usize>,
    /// Index of its district in [`City::districts`].
    pub district: usize,
    /// First building covered.
    pub first: usize,
    /// One past the last building covered.
    pub end: usize,
    /// Residents (and site headcounts) covered [persons].
    pub population: u64,
}

/// A building or site: the unit of demand.
#[derive(Debug, Clone)]
pub struct Building {
    /// Its place in the tree.
    pub place: usize,
    /// District index.
    pub district: usize,
    /// Residents [persons].
    pub residents: u32,
    /// Households.
    pub households: u32,
    /// The store where it shops.
    pub store: usize,
    /// The next stores it tries, nearest first, when its own is sealed or
    /// empty ([`Building::NO_STORE`] where there is none).
    pub next: [u32; 2],
}

impl Building {
    /// No store, in [`Building::next`].
    pub const NO_STORE: u32 = u32::MAX;
}

/// Kind of supplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplierKind {
    /// City warehouse 仓库.
    Warehouse,
    /// Wholesale market 批发市场.
    WholesaleMarket,
    /// Production base 生产基地 with daily output.
    ProductionBase,
    /// Other regions 异地: emergency transfers with a long lead time.
    OtherRegion,
}

/// A supplier.
#[derive(Debug, Clone)]
pub struct Supplier {
    /// Unique name.
    pub name: String,
    /// Kind.
    pub kind: SupplierKind,
    /// District index, if in the city.
    pub district: Option<usize>,
    /// Staff [persons].
    pub staff: u32,
    /// Trucks.
    pub trucks: u32,
    /// Production bases: output per day as a share of the city's need.
    pub production_share: f64,
    /// Other regions: lead time of a transfer [h].
    pub lead_time_hours: f64,
}

impl Supplier {
    /// Whether stores can be restocked from it (warehouse or market).
    pub fn is_depot(&self) -> bool {
        matches!(
            self.kind,
            SupplierKind::Warehouse | SupplierKind::WholesaleMarket
        )
    }
}

/// A key supply enterprise (store).
#[derive(Debug, Clone)]
pub struct Store {
    /// Unique name.
    pub name: String,
    /// The place where it stands.
    pub place: usize,
    /// District index.
    pub district: usize,
    /// The depot that restocks it.
    pub supplier: usize,
    /// Staff [persons].
    pub staff: u32,
    /// Delivery vans.
    pub vans: u32,
    /// Residents of the buildings assigned to it [persons].
    pub served: u64,
}

/// The static city.
#[derive(Debug, Clone, Default)]
pub struct City {
    /// Every place; districts first is not guaranteed.
    pub places: Vec<Place>,
    /// Place index of each district.
    pub districts: Vec<usize>,
    /// Buildings and sites in depth-first order.
    pub buildings: Vec<Building>,
    /// Stores.
    pub stores: Vec<Store>,
    /// Suppliers.
    pub suppliers: Vec<Supplier>,
    /// Residents of the city [persons].
    pub population: u64,
    /// The places in depth-first order, for [`City::within`].
    pub tree: PlaceTree,
}

/// Each place's span in a depth-first order of the tree of places: a place
/// lies within another when its number falls in the other's span. So the
/// question takes two reads, where walking up the parents takes one read
/// of a cold place per level; the choice of suppliers asks it of every
/// store, and every vehicle to a point asks it once.
#[derive(Debug, Clone, Default)]
pub struct PlaceTree {
    /// Per place: its number, and the last number of its subtree.
    span: Vec<(u32, u32)>,
}

impl PlaceTree {
    /// The spans of `places` (parents given by index; a tree, as the
    /// scenario checks guarantee).
    pub fn new(places: &[Place]) -> PlaceTree {
        let n = places.len();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (i, p) in places.iter().enumerate() {
            match p.parent {
                Some(q) if q < n => children[q].push(i),
                _ => roots.push(i),
            }
        }
        let mut span = vec![(u32::MAX, 0); n];
        let mut next = 0u32;
        // (place, whether its subtree is done)
        let mut stack: Vec<(usize, bool)> = roots.iter().rev().map(|&r| (r, false)).collect();
        while let Some((x, done)) = stack.pop() {
            if done {
                span[x].1 = next - 1;
                continue;
            }
            span[x].0 = next;
            next += 1;
            stack.push((x, true));
            stack.extend(children[x].iter().rev().map(|&c| (c, false)));
        }
        // Places on a loop of parents are never reached from a root (each
        // place has one parent, so the walk reaches each at most once).
        if span.iter().any(|s| s.0 == u32::MAX) {
            return PlaceTree::default(); // a loop: keep to the walk up
        }
        PlaceTree { span }
    }
}

impl City {
    /// The index of the place named `name`.
    pub fn place_by_name(&self, name: &str) -> Option<usize> {
        self.places.iter().position(|p| p.name == name)
    }

    /// Whether place `inner` lies within place `outer` (or is it).
    pub fn within(&self, inner: usize, outer: usize) -> bool {
        let span = &self.tree.span;
        if span.len() == self.places.len() {
            let (i, o) = (span[inner], span[outer]);
            return o.0 <= i.0 && i.0 <= o.1;
        }
        self.within_by_parents(inner, outer)
    }

    /// [`City::within`] by walking up the parents of `inner`.
    fn within_by_parents(&self, inner: usize, outer: usize) -> bool {
        let mut p = Some(inner);
        while let Some(x) = p {
            if x == outer {
                return true;
            }
            p = self.places[x].parent;
        }
        false
    }
}

/// `[households]`.
#[derive(Debug, Clone)]
pub struct Households {
    /// Persons per household.
    pub persons_per_household: f64,
    /// Normal cover [days].
    pub base_cover_days: f64,
    /// Extra cover at full panic [days].
    pub hoard_extra_days: f64,
    /// Half-life of the wanted hoard after panic [days].
    pub hoard_half_life_days: f64,
    /// Cover at the start [days]; `None`: the steady state of the shopping rule.
    pub initial_cover_days: Option<f64>,
    /// Share of the pantry gap closed per day [1/day].
    pub refill_per_day: f64,
}

/// `[panic]`.
#[derive(Debug, Clone)]
pub struct PanicRules {
    /// Half-life [days].
    pub half_life_days: f64,
    /// Jump per closure level.
    pub closure_push: PerLevel<f64>,
    /// Share felt in other districts.
    pub spill_share: f64,
    /// Push per day at all shelves empty [1/day].
    pub empty_shelf_push_per_day: f64,
    /// Random rumours [per day].
    pub rumours_per_day: f64,
    /// Jump from a random rumour.
    pub rumour_strength: f64,
    /// Share of panic removed by publicity.
    pub publicity_cut: f64,
    /// Days over which publicity acts [days].
    pub publicity_days: f64,
}

/// `[store_rules]`.
#[derive(Debug, Clone)]
pub struct StoreRules {
    /// Opening hour [h].
    pub open_hour: u64,
    /// Closing hour [h].
    pub close_hour: u64,
    /// Sales rounds per day.
    pub sales_rounds: u64,
    /// Sales capacity [kg/staff/h].
    pub kg_per_staff_hour: f64,
    /// Capacity share at low risk.
    pub crowd_limit_low: f64,
    /// Capacity share at medium risk.
    pub crowd_limit_medium: f64,
    /// Online share of demand at medium risk.
    pub online_share_medium: f64,
    /// Initial store stock [days].
    pub initial_stock_days: f64,
    /// Order-up-to level [days].
    pub target_stock_days: f64,
    /// Initial depot stock [days].
    pub warehouse_stock_days: f64,
}

/// `[transport]`.
#[derive(Debug, Clone)]
pub struct TransportRules {
    /// Truck payload [kg].
    pub truck_capacity_kg: f64,
    /// Van payload [kg].
    pub van_capacity_kg: f64,
    /// One-way travel inside a district [h].
    pub travel_local: Dist,
    /// One-way travel between districts [h].
    pub travel_cross: Dist,
    /// Delay at one checkpoint [h].
    pub checkpoint_delay: Dist,
    /// Time to issue passes [h].
    pub pass_delay_hours: f64,
    /// Cost per trip [yuan].
    pub trip_cost: f64,
    /// Depot dispatch capacity [kg/staff/day].
    pub warehouse_kg_per_staff_day: f64,
    /// Time per stop of a route [h].
    pub stop_hours: f64,
    /// Most hours of one route [h].
    pub route_hours: f64,
}

/// `[closures]`.
#[derive(Debug, Clone)]
pub struct ClosureRules {
    /// Duration per level [days].
    pub duration_days: PerLevel<Dist>,
    /// Escalation rate per level [1/day].
    pub escalation_per_day: PerLevel<f64>,
    /// Random new building closures [1/day].
    pub new_buildings_per_day: f64,
}

/// A count rule: between `min` and `max`, one per `per` persons.
#[derive(Debug, Clone, Copy)]
pub struct CountRule {
    /// Fewest.
    pub min: u32,
    /// Most.
    pub max: u32,
}

impl CountRule {
    /// The count for a closure of `population` persons with one per `per`.
    pub fn count(&self, population: u64, per: f64) -> u32 {
        let want = (population as f64 / per.max(1.0)).ceil() as u64;
        (want.min(u64::from(self.max)) as u32).max(self.min)
    }
}

/// The response plan's settings (`[plan]`).
#[derive(Debug, Clone)]
pub struct Plan {
    /// Suppliers designated per level.
    pub suppliers: PerLevel<CountRule>,
    /// Residents per supplier [persons].
    pub people_per_supplier: f64,
    /// Points per level.
    pub points: PerLevel<CountRule>,
    /// Residents per point [persons].
    pub people_per_point: f64,
    /// Decision delay [h].
    pub decision_delay_hours: f64,
    /// Set-up delay [h].
    pub setup_delay_hours: f64,
    /// Servers per point.
    pub point_riders: u32,
    /// Call riders from outside when the pool is short.
    pub outside_riders: bool,
    /// Delay of that call [h].
    pub outside_riders_hours: f64,
    /// Point opening hour [h].
    pub point_open: u64,
    /// Point closing hour [h].
    pub point_close: u64,
    /// Order interval of a sealed household [days].
    pub order_interval_days: f64,
    /// Point stock target [days].
    pub point_cover_days: f64,
    /// Reorders per day, normal.
    pub replenish_per_day: u32,
    /// Reorders per day, response.
    pub replenish_per_day_response: u32,
    /// Reorder point [days].
    pub reorder_point_days: f64,
    /// Panic that starts the response.
    pub response_panic: f64,
    /// Green channel on.
    pub green_channel: bool,
    /// Share of checkpoint delay removed.
    pub green_channel_saving: f64,
    /// Vehicle passes issued.
    pub vehicle_passes: bool,
    /// Transfer trigger [days].
    pub transfer_trigger_days: f64,
    /// Transfer size [days].
    pub transfer_days: f64,
    /// Reserve trigger [days].
    pub reserve_trigger_days: f64,
    /// Release size [days].
    pub reserve_release_days: f64,
    /// Publicity trigger (panic level).
    pub publicity_trigger_panic: f64,
    /// Publicity delay [h].
    pub publicity_delay_hours: f64,
}

/// One reserve tier.
#[derive(Debug, Clone)]
pub struct ReserveTier {
    /// Name.
    pub name: String,
    /// Category held.
    pub category: Cat,
    /// Quantity [kg].
    pub stock_kg: f64,
    /// Latency [h].
    pub latency_hours: f64,
    /// Cost [yuan/kg].
    pub cost_per_kg: f64,
}

/// `[riders]`.
#[derive(Debug, Clone)]
pub struct RiderRules {
    /// Riders per 10,000 residents.
    pub per_10k: f64,
    /// Orders per rider per day.
    pub orders_per_rider_per_day: f64,
    /// Goods per order [kg].
    pub kg_per_order: f64,
}

/// `[monitoring]`.
#[derive(Debug, Clone)]
pub struct MonitoringRules {
    /// Report deadline [h of day].
    pub report_hour: u64,
    /// Probability a report is late.
    pub late_probability: f64,
    /// Probability a report is missing.
    pub missing_probability: f64,
}

/// `[costs]`.
#[derive(Debug, Clone)]
pub struct CostRules {
    /// Shares of province, city, county (sum 1).
    pub split: [f64; 3],
    /// Transfer subsidy [yuan/kg].
    pub transfer_subsidy: f64,
    /// Door delivery subsidy [yuan/order].
    pub door_delivery: f64,
    /// Compensation share of the price.
    pub compensation_share: f64,
}

/// `[score]`.
#[derive(Debug, Clone)]
pub struct ScoreWeights {
    /// Per shortage person-day.
    pub shortage_person_days: f64,
    /// Per mean hour to first goods.
    pub hours_to_first_goods: f64,
    /// Per stock-out hour.
    pub stockout_hours: f64,
    /// Per unit of peak panic.
    pub peak_panic: f64,
    /// Per 10,000 yuan.
    pub cost_10k_yuan: f64,
    /// Per tonne spoiled.
    pub spoilage_tonnes: f64,
}

/// What a scripted event does.
#[derive(Debug, Clone, PartialEq)]
pub enum ScriptedKind {
    /// Seal a place.
    Seal {
        /// Place index.
        place: usize,
    },
    /// End the closure of a place early.
    Lift {
        /// Place index.
        place: usize,
    },
    /// A rumour: panic jumps.
    Rumour {
        /// District index, or city-wide.
        district: Option<usize>,
        /// Jump.
        strength: f64,
    },
    /// Staff lost for a while.
    StaffLoss {
        /// District index, or city-wide.
        district: Option<usize>,
        /// Share of staff lost.
        share: f64,
        /// Duration [h].
        hours: f64,
    },
    /// A depot closed for a while.
    WarehouseClosed {
        /// Supplier index.
        supplier: usize,
        /// Duration [h].
        hours: f64,
    },
    /// Riders added city-wide.
    RidersAdded {
        /// Riders.
        count: u32,
    },
    /// Checkpoints hold convoys longer for a while.
    CheckpointDelay {
        /// Extra delay per checkpoint [h].
        extra_hours: f64,
        /// Duration [h].
        hours: f64,
    },
}

impl ScriptedKind {
    /// The kind's key in files (`staff_loss`).
    pub fn key(&self) -> &'static str {
        match self {
            ScriptedKind::Seal { .. } => "seal",
            ScriptedKind::Lift { .. } => "lift",
            ScriptedKind::Rumour { .. } => "rumour",
            ScriptedKind::StaffLoss { .. } => "staff_loss",
            ScriptedKind::WarehouseClosed { .. } => "warehouse_closed",
            ScriptedKind::RidersAdded { .. } => "riders_added",
            ScriptedKind::CheckpointDelay { .. } => "checkpoint_delay",
        }
    }

    /// The event in words, with names instead of indices.
    pub fn describe(&self, sc: &Scenario) -> String {
        let city = &sc.city;
        let district = |d: &Option<usize>| {
            d.map_or("city-wide".to_string(), |d| {
                format!("in {}", city.places[city.districts[d]].name)
            })
        };
        match self {
            ScriptedKind::Seal { place } => format!("seal {}", city.places[*place].name),
            ScriptedKind::Lift { place } => {
                format!("lift the closure of {}", city.places[*place].name)
            }
            ScriptedKind::Rumour {
                district: d,
                strength,
            } => {
                format!("rumour {} (strength {strength})", district(d))
            }
            ScriptedKind::StaffLoss {
                district: d,
                share,
                hours,
            } => {
                format!(
                    "{:.0}% of staff lost {} for {hours} h",
                    share * 100.0,
                    district(d)
                )
            }
            ScriptedKind::WarehouseClosed { supplier, hours } => {
                format!("{} closed for {hours} h", city.suppliers[*supplier].name)
            }
            ScriptedKind::RidersAdded { count } => format!("{count} riders added"),
            ScriptedKind::CheckpointDelay { extra_hours, hours } => {
                format!("checkpoints hold convoys {extra_hours} h longer for {hours} h")
            }
        }
    }
}

/// A scripted event.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptedEvent {
    /// When.
    pub at: SimTime,
    /// What.
    pub kind: ScriptedKind,
}

impl Households {
    /// Pantry cover at the start [days]: as given, or the steady state of
    /// the shopping rule (buying at rate r = ln(1/(1 - refill)) per day
    /// towards `base_cover_days` balances eating one day's need a day when
    /// the pantry holds `base_cover_days - 1/r`).
    /// For a category that keeps `pantry_life` days, no more than that.
    pub fn start_cover_days(&self, pantry_life: f64) -> f64 {
        let base = self.base_cover_days.min(pantry_life);
        let steady = || {
            let r = -(1.0 - self.refill_per_day).max(1e-9).ln();
            (base - 1.0 / r).max(0.2 * base)
        };
        self.initial_cover_days
            .unwrap_or_else(steady)
            .min(pantry_life)
    }

    /// The cover a household wants of a category that keeps `pantry_life`
    /// days when its district's hoarding is `hoard` (0..1) [days].
    pub fn wanted_cover_days(&self, pantry_life: f64, hoard: f64) -> f64 {
        (self.base_cover_days + self.hoard_extra_days * hoard).min(pantry_life)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(level: Level, parent: Option<usize>, first: usize, end: usize) -> Place {
        Place {
            name: format!("{level:?}-{first}-{end}"),
            level,
            parent,
            district: 0,
            first,
            end,
            population: 0,
        }
    }

    /// Two districts, listed children before parents in part: a street
    /// whose one community covers the same buildings, an empty community,
    /// and a site beside the communities.
    fn city() -> City {
        let places = vec![
            place(Level::Community, Some(3), 0, 2), // 0
            place(Level::Building, Some(0), 0, 1),  // 1
            place(Level::Building, Some(0), 1, 2),  // 2
            place(Level::Street, Some(4), 0, 2),    // 3: one community
            place(Level::District, None, 0, 4),     // 4
            place(Level::Street, Some(4), 2, 4),    // 5
            place(Level::Community, Some(5), 2, 2), // 6: empty
            place(Level::Site, Some(5), 2, 4),      // 7
            place(Level::District, None, 4, 5),     // 8
            place(Level::Street, Some(8), 4, 5),    // 9
        ];
        City {
            tree: PlaceTree::new(&places),
            places,
            ..City::default()
        }
    }

    #[test]
    fn the_spans_answer_as_the_walk_up_does() {
        let city = city();
        assert_eq!(city.tree.span.len(), city.places.len());
        let mut inside = 0;
        for a in 0..city.places.len() {
            for b in 0..city.places.len() {
                let walk = city.within_by_parents(a, b);
                assert_eq!(city.within(a, b), walk, "{a} within {b}");
                inside += usize::from(walk);
            }
        }
        // Each place within itself and its ancestors: 10 places, 3 streets
        // with one ancestor, 3 places with two, 2 buildings with three.
        assert_eq!(inside, 10 + 3 + 3 * 2 + 2 * 3);
        assert!(
            !city.within(3, 0),
            "a street is not within its one community"
        );
        assert!(city.within(0, 3));
    }

    #[test]
    fn parents_that_loop_fall_back_to_the_walk_up() {
        let mut places = city().places;
        places[4].parent = Some(1); // district 4 under one of its buildings
        let tree = PlaceTree::new(&places);
        assert!(tree.span.is_empty());
    }
}
