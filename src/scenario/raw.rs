//! Serde structs that mirror the scenario TOML one to one.
//!
//! Nothing here checks a value: ranges, references between sections and
//! units are checked in `build.rs`. Every table denies unknown keys, and
//! every field has a default (the `Default` impls below), so that a scenario
//! file states only what differs from the defaults. The defaults and their
//! sources are documented in `docs/sources.md` and in the comments of
//! `scenarios/default.toml`.

use serde::Deserialize;

/// A whole scenario file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawScenario {
    /// `[scenario]`: name, horizon, seed.
    pub scenario: RawMeta,
    /// `[[goods]]`: goods categories; absent means the six default ones
    /// (an empty list, `goods = []`, is an error).
    pub goods: Option<Vec<RawGoods>>,
    /// `[city]`: a generated city (instead of listing places).
    pub city: Option<RawCity>,
    /// `[[places]]`: places listed one by one.
    pub places: Vec<RawPlace>,
    /// `[[stores]]`: key supply enterprises listed one by one.
    pub stores: Vec<RawStore>,
    /// `[[suppliers]]`: warehouses, markets, production bases, other regions.
    pub suppliers: Vec<RawSupplier>,
    /// `[households]`: pantries and shopping.
    pub households: RawHouseholds,
    /// `[panic]`: panic dynamics.
    pub panic: RawPanic,
    /// `[store_rules]`: opening, capacity and stock rules of stores.
    pub store_rules: RawStoreRules,
    /// `[transport]`: trucks, travel and checkpoints.
    pub transport: RawTransport,
    /// `[closures]`: durations and escalation of closures.
    pub closures: RawClosures,
    /// `[plan]`: the response plan's settings.
    pub plan: RawPlan,
    /// `[[reserves]]`: reserve tiers, in call-up order.
    pub reserves: Vec<RawReserve>,
    /// `[riders]`: last-mile riders.
    pub riders: RawRiders,
    /// `[monitoring]`: daily reports.
    pub monitoring: RawMonitoring,
    /// `[costs]`: prices, subsidies and the split between levels.
    pub costs: RawCosts,
    /// `[score]`: weights of the plan's score.
    pub score: RawScore,
    /// `[[events]]`: scripted events.
    pub events: Vec<RawEvent>,
    /// `[sweep]`: the settings `baogong sweep` compares; ignored by `run`.
    pub sweep: Option<RawSweep>,
}

/// `[sweep]`: what a sweep of this scenario compares.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawSweep {
    /// Replications per setting when the command line gives none.
    pub replications: Option<i64>,
    /// Label of the setting the others are compared with. By default, the first.
    pub baseline: Option<String>,
    /// `[sweep.grid]`: `"key" = [v1, v2, ...]`; the cross product is swept,
    /// in the order written (the first key varies slowest).
    pub grid: toml::Table,
    /// `[[sweep.settings]]`: named settings, each a set of overrides.
    pub settings: Vec<RawSweepSetting>,
}

/// `[[sweep.settings]]`: one named setting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSweepSetting {
    /// Its label in the results.
    pub name: String,
    /// `"key" = value` overrides, as `--set` would give them.
    #[serde(default)]
    pub set: toml::Table,
}

/// `[scenario]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawMeta {
    /// Short name used in reports.
    pub name: String,
    /// One or two sentences on what the scenario tests.
    pub description: String,
    /// Horizon [days]. By default, 60.
    pub days: i64,
    /// Master seed when the command line gives none. By default, 1.
    pub seed: u64,
}

impl Default for RawMeta {
    fn default() -> Self {
        RawMeta {
            name: "unnamed".into(),
            description: String::new(),
            days: 60,
            seed: 1,
        }
    }
}

/// `[[goods]]`: one goods category.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGoods {
    /// Key used elsewhere in the file (`meat`).
    pub name: String,
    /// Chinese label for bilingual reports (`肉`).
    #[serde(default)]
    pub label_zh: String,
    /// Daily need [kg/person/day].
    pub need_kg_per_person_day: f64,
    /// Shelf life [days]; stock held longer than this spoils.
    pub shelf_life_days: f64,
    /// Retail price [yuan/kg], for costs and spoilage.
    #[serde(default = "default_price")]
    pub price_yuan_per_kg: f64,
    /// How long it keeps in a household's pantry [days] (frozen, dry or
    /// chilled at home); a household cannot hoard more than this. By
    /// default, the shelf life.
    #[serde(default)]
    pub pantry_life_days: Option<f64>,
}

fn default_price() -> f64 {
    10.0
}

/// `[city]`: a city generated from a few figures with the scenario's seed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawCity {
    /// Residents [persons]. By default, 1,000,000.
    pub population: i64,
    /// Districts. By default, 3.
    pub districts: i64,
    /// Townships/streets per district. By default, 4.
    pub streets_per_district: i64,
    /// Villages/communities per street. By default, 13.
    pub communities_per_street: i64,
    /// Compounds per community. By default, 3.
    pub compounds_per_community: i64,
    /// Buildings per compound. By default, 14.
    pub buildings_per_compound: i64,
    /// Relative spread of building sizes, in [0, 1). By default, 0.3.
    pub size_spread: f64,
    /// Workplaces/sites per street. By default, 0.
    pub sites_per_street: i64,
    /// Headcount of each site [persons]. By default, 2,000.
    pub site_headcount: i64,
    /// Stores (key supply enterprises) per 10,000 residents. By default, 2.65.
    pub stores_per_10k: f64,
    /// Staff per store [persons]. By default, 12.
    pub store_staff: i64,
    /// Delivery vans per store. By default, 2.
    pub store_vans: i64,
    /// Warehouses / wholesale markets per district. By default, 1.
    pub warehouses_per_district: i64,
    /// Staff per warehouse [persons]. By default, 120.
    pub warehouse_staff: i64,
    /// Trucks per warehouse. By default, 30.
    pub warehouse_trucks: i64,
    /// Trucks per production base. By default, 30.
    pub base_trucks: i64,
    /// Production bases feeding the city's warehouses. By default, 2.
    pub production_bases: i64,
    /// Daily output of all bases together, as a share of the city's normal
    /// daily need of each category. By default, 1.15.
    pub production_share: f64,
    /// Whether other regions can send emergency transfers. By default, true.
    pub other_regions: bool,
}

impl Default for RawCity {
    fn default() -> Self {
        RawCity {
            population: 1_000_000,
            districts: 3,
            streets_per_district: 4,
            communities_per_street: 13,
            compounds_per_community: 3,
            buildings_per_compound: 14,
            size_spread: 0.3,
            sites_per_street: 0,
            site_headcount: 2_000,
            stores_per_10k: 2.65,
            store_staff: 12,
            store_vans: 2,
            warehouses_per_district: 1,
            warehouse_staff: 120,
            warehouse_trucks: 30,
            base_trucks: 30,
            production_bases: 2,
            production_share: 1.15,
            other_regions: true,
        }
    }
}

/// `[[places]]`: one place of the tree.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlace {
    /// Unique name.
    pub name: String,
    /// `district`, `street`, `community`, `compound`, `building` or `site`.
    pub level: String,
    /// Name of the enclosing place; omitted for a district (the city is implicit).
    #[serde(default)]
    pub parent: Option<String>,
    /// Residents [persons]; buildings only.
    #[serde(default)]
    pub residents: Option<i64>,
    /// Headcount [persons]; sites only.
    #[serde(default)]
    pub headcount: Option<i64>,
}

/// `[[stores]]`: one key supply enterprise.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStore {
    /// Unique name.
    pub name: String,
    /// The place (street, community or compound) where it stands.
    pub place: String,
    /// Name of the warehouse or market that restocks it.
    pub supplier: String,
    /// Staff [persons]. By default, 12.
    #[serde(default = "default_store_staff")]
    pub staff: i64,
    /// Delivery vans. By default, 2.
    #[serde(default = "default_store_vans")]
    pub vans: i64,
}

fn default_store_staff() -> i64 {
    12
}
fn default_store_vans() -> i64 {
    2
}

/// `[[suppliers]]`: a warehouse, wholesale market, production base or other region.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSupplier {
    /// Unique name.
    pub name: String,
    /// `warehouse`, `wholesale_market`, `production_base` or `other_region`.
    pub kind: String,
    /// District where it stands; other regions have none.
    #[serde(default)]
    pub district: Option<String>,
    /// Staff [persons]; warehouses and markets. By default, 120.
    #[serde(default)]
    pub staff: Option<i64>,
    /// Trucks. By default, 30.
    #[serde(default)]
    pub trucks: Option<i64>,
    /// Production bases: daily output as a share of the normal daily need of
    /// the city, per category.
    #[serde(default)]
    pub production_share: Option<f64>,
    /// Other regions: lead time of an emergency transfer [h]. By default, 48.
    #[serde(default)]
    pub lead_time_hours: Option<f64>,
}

/// `[households]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawHouseholds {
    /// Persons per household. By default, 2.62.
    pub persons_per_household: f64,
    /// Days of cover a household keeps in normal times [days]. By default, 3.
    pub base_cover_days: f64,
    /// Extra days of cover a household wants at full panic (hoarding), for
    /// goods that keep; no category is hoarded beyond its pantry life
    /// [days]. By default, 14.
    pub hoard_extra_days: f64,
    /// Half-life of the hoard a household wants once panic has passed: it
    /// keeps its stockpile and eats it down slowly [days]. By default, 28.
    pub hoard_half_life_days: f64,
    /// Days of cover in the pantry at the start [days]. By default, the
    /// steady state of the shopping rule, so that day 1 is a normal day.
    pub initial_cover_days: Option<f64>,
    /// Share of the gap between desired and actual pantry that shopping
    /// closes per day [1/day]. By default, 0.5.
    pub refill_per_day: f64,
}

impl Default for RawHouseholds {
    fn default() -> Self {
        RawHouseholds {
            persons_per_household: 2.62,
            base_cover_days: 3.0,
            hoard_extra_days: 14.0,
            hoard_half_life_days: 28.0,
            initial_cover_days: None,
            refill_per_day: 0.5,
        }
    }
}

/// Per-level values: building, compound, community, street, site. A level
/// left out keeps its default, so `[plan.suppliers] compound = 3` changes
/// one level only.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerLevel<T> {
    /// A sealed building.
    pub building: Option<T>,
    /// A sealed residential compound.
    pub compound: Option<T>,
    /// A sealed village/community.
    pub community: Option<T>,
    /// A township/street under lockdown.
    pub street: Option<T>,
    /// A sealed workplace/site.
    pub site: Option<T>,
}

impl<T> PerLevel<T> {
    /// All five levels given.
    pub fn new(building: T, compound: T, community: T, street: T, site: T) -> Self {
        PerLevel {
            building: Some(building),
            compound: Some(compound),
            community: Some(community),
            street: Some(street),
            site: Some(site),
        }
    }
}

/// `[panic]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawPanic {
    /// Half-life of panic without new shocks [days]. By default, 2.5.
    pub half_life_days: f64,
    /// Jump of the district's panic when a closure of each level is announced.
    pub closure_push: PerLevel<f64>,
    /// Share of a closure's jump felt in the other districts. By default, 0.3.
    pub spill_share: f64,
    /// Push per day when every store of the district shows an empty shelf
    /// [1/day]. By default, 0.4.
    pub empty_shelf_push_per_day: f64,
    /// Random rumours [per day, city-wide]. By default, 0.
    pub rumours_per_day: f64,
    /// Jump of panic from a random rumour. By default, 0.4.
    pub rumour_strength: f64,
    /// Share of panic (and of the hoard households want) that a publicity
    /// message removes. By default, 0.3.
    pub publicity_cut: f64,
    /// Days over which a publicity message takes effect [days]. By default, 3.
    pub publicity_days: f64,
}

impl Default for RawPanic {
    fn default() -> Self {
        RawPanic {
            half_life_days: 2.5,
            closure_push: PerLevel::new(0.05, 0.1, 0.2, 0.35, 0.1),
            spill_share: 0.3,
            empty_shelf_push_per_day: 0.4,
            rumours_per_day: 0.0,
            rumour_strength: 0.4,
            publicity_cut: 0.3,
            publicity_days: 3.0,
        }
    }
}

/// `[store_rules]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawStoreRules {
    /// Opening hour [h of day]. By default, 8.
    pub open_hour: i64,
    /// Closing hour [h of day]. By default, 22.
    pub close_hour: i64,
    /// Sales rounds per day while open. By default, 4.
    pub sales_rounds_per_day: i64,
    /// Goods one staff member can sell per hour [kg/staff/h]. By default, 150.
    pub kg_per_staff_hour: f64,
    /// Share of the sales capacity allowed by crowd limits at low risk. By default, 0.8.
    pub crowd_limit_low: f64,
    /// Share allowed at medium risk (purchases by pass only). By default, 0.4.
    pub crowd_limit_medium: f64,
    /// Share of demand at medium risk that goes online (riders). By default, 0.5.
    pub online_share_medium: f64,
    /// Stock at the start [days of normal sales]. By default, 4.
    pub initial_stock_days: f64,
    /// Order-up-to level [days of normal sales]. By default, 5.
    pub target_stock_days: f64,
    /// Stock at warehouses at the start [days of the normal sales of the stores they serve]. By default, 7.
    pub warehouse_stock_days: f64,
}

impl Default for RawStoreRules {
    fn default() -> Self {
        RawStoreRules {
            open_hour: 8,
            close_hour: 22,
            sales_rounds_per_day: 4,
            kg_per_staff_hour: 150.0,
            crowd_limit_low: 0.8,
            crowd_limit_medium: 0.4,
            online_share_medium: 0.5,
            initial_stock_days: 4.0,
            target_stock_days: 5.0,
            warehouse_stock_days: 7.0,
        }
    }
}

/// A distribution: a bare number is a constant, a table names a law.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawDist {
    /// A constant.
    Const(f64),
    /// `{ dist = "uniform", min = .., max = .. }`, `{ dist = "exponential", mean = .. }`,
    /// `{ dist = "triangular", min = .., mode = .., max = .. }`, `{ dist = "lognormal", mean = .., sd = .. }`.
    Spec(RawDistSpec),
}

/// The table form of [`RawDist`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDistSpec {
    /// `uniform`, `exponential`, `triangular` or `lognormal`.
    pub dist: String,
    /// Lower bound.
    #[serde(default)]
    pub min: Option<f64>,
    /// Mode (triangular).
    #[serde(default)]
    pub mode: Option<f64>,
    /// Upper bound.
    #[serde(default)]
    pub max: Option<f64>,
    /// Mean (exponential, lognormal).
    #[serde(default)]
    pub mean: Option<f64>,
    /// Standard deviation (lognormal).
    #[serde(default)]
    pub sd: Option<f64>,
}

fn uniform(min: f64, max: f64) -> RawDist {
    RawDist::Spec(RawDistSpec {
        dist: "uniform".into(),
        min: Some(min),
        mode: None,
        max: Some(max),
        mean: None,
        sd: None,
    })
}

fn triangular(min: f64, mode: f64, max: f64) -> RawDist {
    RawDist::Spec(RawDistSpec {
        dist: "triangular".into(),
        min: Some(min),
        mode: Some(mode),
        max: Some(max),
        mean: None,
        sd: None,
    })
}

/// `[transport]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawTransport {
    /// Truck payload [kg]. By default, 2,000.
    pub truck_capacity_kg: f64,
    /// Store van payload [kg]. By default, 800.
    pub van_capacity_kg: f64,
    /// One-way travel inside a district [h].
    pub travel_hours_local: RawDist,
    /// One-way travel between districts [h]. Travel from another region is
    /// that supplier's `lead_time_hours`.
    pub travel_hours_cross: RawDist,
    /// Delay at one checkpoint without a green channel [h].
    pub checkpoint_delay_hours: RawDist,
    /// Time to issue vehicle passes for a sealed area [h]. By default, 6.
    pub pass_delay_hours: f64,
    /// Cost of one truck or van trip [yuan]. By default, 400.
    pub trip_cost_yuan: f64,
    /// Goods a warehouse staff member can dispatch per day [kg/staff/day]. By default, 4,000.
    pub warehouse_kg_per_staff_day: f64,
    /// Time at each stop of a route: unloading, and the short hop to the
    /// next stop [h]. By default, 0.25.
    pub stop_hours: f64,
    /// Most hours a vehicle spends on one route, out and back; a route
    /// takes no more stops than fit [h]. By default, 8.
    pub route_hours: f64,
}

impl Default for RawTransport {
    fn default() -> Self {
        RawTransport {
            truck_capacity_kg: 2_000.0,
            van_capacity_kg: 800.0,
            travel_hours_local: uniform(0.3, 1.0),
            travel_hours_cross: uniform(0.8, 2.0),
            checkpoint_delay_hours: triangular(0.5, 2.0, 6.0),
            pass_delay_hours: 6.0,
            trip_cost_yuan: 400.0,
            warehouse_kg_per_staff_day: 4_000.0,
            stop_hours: 0.25,
            route_hours: 8.0,
        }
    }
}

/// `[closures]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawClosures {
    /// Duration of a closure of each level [days].
    pub duration_days: PerLevel<RawDist>,
    /// Rate at which a closure of each level escalates to the enclosing place
    /// [per day]; a street does not escalate further.
    pub escalation_per_day: PerLevel<f64>,
    /// New buildings sealed at random across the city [per day]. By default, 0.
    pub new_buildings_per_day: f64,
}

impl Default for RawClosures {
    fn default() -> Self {
        RawClosures {
            duration_days: PerLevel::new(
                uniform(7.0, 14.0),
                uniform(10.0, 14.0),
                uniform(14.0, 21.0),
                uniform(14.0, 28.0),
                uniform(7.0, 14.0),
            ),
            escalation_per_day: PerLevel::new(0.05, 0.04, 0.03, 0.0, 0.0),
            new_buildings_per_day: 0.0,
        }
    }
}

/// A count rule: a number, or `[min, max]` scaled by population.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawCount {
    /// Exactly this many.
    Exact(i64),
    /// Between min and max, one per `people_per_*` residents.
    Range([i64; 2]),
}

/// `[plan]`: the response plan's settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawPlan {
    /// Suppliers designated per closure level (the document's rule
    /// 1 / 2-3 / 3-4 / 5-8; a site by headcount).
    pub suppliers: PerLevel<RawCount>,
    /// Residents per designated supplier, to pick within a range [persons]. By default, 2,000.
    pub people_per_supplier: f64,
    /// Distribution points opened per closure level.
    pub points: PerLevel<RawCount>,
    /// Residents per distribution point, to pick within a range [persons]. By default, 3,000.
    pub people_per_point: f64,
    /// From a closure to its suppliers designated [h]. By default, 2.
    pub decision_delay_hours: f64,
    /// From designation to the points open [h]. By default, 6.
    pub setup_delay_hours: f64,
    /// Riders/packers serving each point (its servers), assigned from the
    /// district's riders. By default, 10.
    pub point_riders: i64,
    /// Whether the plan calls riders and volunteers from outside when the
    /// pool cannot staff the points. By default, true.
    pub outside_riders: bool,
    /// From that call to the riders at work [h]. By default, 24.
    pub outside_riders_hours: f64,
    /// Working hours of points, `[open, close]` [h of day]. By default, [8, 20].
    pub point_hours: [i64; 2],
    /// A sealed household places an order every this many days [days]. By default, 2.
    pub order_interval_days: f64,
    /// Stock a point aims to hold [days of need of its residents]. By default, 2.
    pub point_cover_days: f64,
    /// Store reorders per day in normal times. By default, 1.
    pub replenish_per_day: i64,
    /// Store reorders per day during a response (faster replenishment). By default, 3.
    pub replenish_per_day_response: i64,
    /// A store reorders when stock falls below this [days of normal sales]. By default, 3.
    pub reorder_point_days: f64,
    /// Panic level above which faster replenishment starts city-wide. By default, 0.15.
    pub response_panic: f64,
    /// Whether supply vehicles get a green channel at checkpoints. By default, true.
    pub green_channel: bool,
    /// Share of checkpoint delay that the green channel removes. By default, 0.75.
    pub green_channel_saving: f64,
    /// Whether vehicle passes are issued for sealed areas. By default, true.
    pub vehicle_passes: bool,
    /// Call an emergency transfer when warehouse stock of a category falls
    /// below this [days of city demand]. By default, 2.
    pub transfer_trigger_days: f64,
    /// Size of one transfer [days of city demand]. By default, 2.
    pub transfer_days: f64,
    /// Release reserves when commercial stock of a reserve category falls
    /// below this [days of city demand]. By default, 2.5.
    pub reserve_trigger_days: f64,
    /// Size of one release [days of city demand]. By default, 1.
    pub reserve_release_days: f64,
    /// Publish that supply is stable when panic anywhere exceeds this. By default, 0.3.
    pub publicity_trigger_panic: f64,
    /// From the trigger to publication [h]. By default, 12.
    pub publicity_delay_hours: f64,
}

impl Default for RawPlan {
    fn default() -> Self {
        RawPlan {
            suppliers: PerLevel::new(
                RawCount::Exact(1),
                RawCount::Range([2, 3]),
                RawCount::Range([3, 4]),
                RawCount::Range([5, 8]),
                RawCount::Range([1, 8]),
            ),
            people_per_supplier: 2_000.0,
            points: PerLevel::new(
                RawCount::Exact(1),
                RawCount::Exact(1),
                RawCount::Range([3, 4]),
                RawCount::Range([8, 30]),
                RawCount::Exact(1),
            ),
            people_per_point: 3_000.0,
            decision_delay_hours: 2.0,
            setup_delay_hours: 6.0,
            point_riders: 10,
            outside_riders: true,
            outside_riders_hours: 24.0,
            point_hours: [8, 20],
            order_interval_days: 2.0,
            point_cover_days: 2.0,
            replenish_per_day: 1,
            replenish_per_day_response: 3,
            reorder_point_days: 3.0,
            response_panic: 0.15,
            green_channel: true,
            green_channel_saving: 0.75,
            vehicle_passes: true,
            transfer_trigger_days: 2.0,
            transfer_days: 2.0,
            reserve_trigger_days: 2.5,
            reserve_release_days: 1.0,
            publicity_trigger_panic: 0.3,
            publicity_delay_hours: 12.0,
        }
    }
}

/// `[[reserves]]`: one tier of reserves, called up in file order
/// (own level, level above, emergency support).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReserve {
    /// Name of the tier (`city reserve`).
    pub name: String,
    /// Goods category held.
    pub category: String,
    /// Quantity held, the tier's cap [kg].
    pub stock_kg: f64,
    /// From the call to goods at the warehouses [h].
    pub latency_hours: f64,
    /// Cost of releasing one kg (price gap, handling) [yuan/kg]. By default, 8.
    #[serde(default = "default_reserve_cost")]
    pub cost_yuan_per_kg: f64,
}

fn default_reserve_cost() -> f64 {
    8.0
}

/// `[riders]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawRiders {
    /// Riders per 10,000 residents. By default, 7.2.
    pub per_10k_residents: f64,
    /// Orders a rider delivers per day. By default, 100.
    pub orders_per_rider_per_day: f64,
    /// Goods per order [kg]. By default, 6.
    pub kg_per_order: f64,
}

impl Default for RawRiders {
    fn default() -> Self {
        RawRiders {
            per_10k_residents: 7.2,
            orders_per_rider_per_day: 100.0,
            kg_per_order: 6.0,
        }
    }
}

/// `[monitoring]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawMonitoring {
    /// Hour of the daily report deadline [h of day]. By default, 16.
    pub report_hour: i64,
    /// Probability that a store's report is late (seen the next day). By default, 0.05.
    pub late_probability: f64,
    /// Probability that a store's report is missing. By default, 0.02.
    pub missing_probability: f64,
}

impl Default for RawMonitoring {
    fn default() -> Self {
        RawMonitoring {
            report_hour: 16,
            late_probability: 0.05,
            missing_probability: 0.02,
        }
    }
}

/// `[costs]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawCosts {
    /// Split of every cost between province, city and county. By default, [4, 4, 2].
    pub split: [f64; 3],
    /// Subsidy for goods brought in by emergency transfer [yuan/kg]. By default, 1.5.
    pub transfer_subsidy_yuan_per_kg: f64,
    /// Subsidy per order delivered to a door from a point [yuan/order]. By default, 5.
    pub door_delivery_yuan_per_order: f64,
    /// Share of the price paid as compensation for goods requisitioned for
    /// points, at the end of response. By default, 0.2.
    pub compensation_share: f64,
}

impl Default for RawCosts {
    fn default() -> Self {
        RawCosts {
            split: [4.0, 4.0, 2.0],
            transfer_subsidy_yuan_per_kg: 1.5,
            door_delivery_yuan_per_order: 5.0,
            compensation_share: 0.2,
        }
    }
}

/// `[score]`: weights of the score (lower is better).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawScore {
    /// Per shortage person-day. By default, 0.03.
    pub shortage_person_days: f64,
    /// Per hour from a closure to first goods at its points (weighted by
    /// residents). By default, 10.
    pub hours_to_first_goods: f64,
    /// Per store stock-out hour. By default, 0.01.
    pub stockout_hours: f64,
    /// Per unit of peak panic (0..1). By default, 1,000.
    pub peak_panic: f64,
    /// Per 10,000 yuan of cost. By default, 4.
    pub cost_10k_yuan: f64,
    /// Per tonne spoiled. By default, 0.05.
    pub spoilage_tonnes: f64,
}

impl Default for RawScore {
    fn default() -> Self {
        RawScore {
            shortage_person_days: 0.03,
            hours_to_first_goods: 10.0,
            stockout_hours: 0.01,
            peak_panic: 1000.0,
            cost_10k_yuan: 4.0,
            spoilage_tonnes: 0.05,
        }
    }
}

/// `[[events]]`: one scripted event. Which keys apply depends on `kind`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// `seal`, `lift`, `rumour`, `staff_loss`, `warehouse_closed`,
    /// `riders_added` or `checkpoint_delay`.
    pub kind: String,
    /// Day (1 = the first day).
    pub day: i64,
    /// Clock time `HH:MM`. By default, `00:00`.
    #[serde(default)]
    pub time: Option<String>,
    /// `seal`, `lift`: the place.
    #[serde(default)]
    pub place: Option<String>,
    /// `rumour`, `staff_loss`: the district (omitted: city-wide).
    #[serde(default)]
    pub district: Option<String>,
    /// `rumour`: jump of panic.
    #[serde(default)]
    pub strength: Option<f64>,
    /// `staff_loss`: share of staff lost.
    #[serde(default)]
    pub share: Option<f64>,
    /// `staff_loss`, `checkpoint_delay`: how long [h].
    #[serde(default)]
    pub hours: Option<f64>,
    /// `warehouse_closed`: the supplier.
    #[serde(default)]
    pub supplier: Option<String>,
    /// `riders_added`: how many riders.
    #[serde(default)]
    pub count: Option<i64>,
    /// `checkpoint_delay`: extra delay per checkpoint [h].
    #[serde(default)]
    pub extra_hours: Option<f64>,
}
