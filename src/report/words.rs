//! The words of the charts, the HTML page and the Excel workbook, in
//! English and Chinese: one table of `(en, zh)` pairs, so that each can
//! move into the message catalogue as it is.
//!
//! A `{name}` in a text is a placeholder, filled by [`fill`].

use crate::i18n::Lang;

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tr {
    /// English.
    pub en: &'static str,
    /// Chinese.
    pub zh: &'static str,
}

impl Tr {
    /// The text in `lang`.
    pub(crate) fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

const fn tr(en: &'static str, zh: &'static str) -> Tr {
    Tr { en, zh }
}

/// `t` in `lang` with each `{name}` replaced by its value.
pub(crate) fn fill(t: Tr, lang: Lang, args: &[(&str, String)]) -> String {
    let mut s = t.get(lang).to_string();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

// --- Time and units -------------------------------------------------------

/// A moment of the run: day and clock time.
pub(crate) const DAY_TIME: Tr = tr("day {n} {hm}", "第{n}天 {hm}");
/// The day axis.
pub(crate) const AXIS_DAY: Tr = tr("day", "天（第几天）");
/// Tonnes.
pub(crate) const UNIT_T: Tr = tr("t", "吨");
/// Kilograms.
pub(crate) const UNIT_KG: Tr = tr("kg", "千克");
/// Hours.
pub(crate) const UNIT_H: Tr = tr("h", "小时");
/// Yuan.
pub(crate) const UNIT_YUAN: Tr = tr("yuan", "元");
/// Person-days.
pub(crate) const UNIT_PERSON_DAYS: Tr = tr("person-days", "人·日");
/// Orders.
pub(crate) const UNIT_ORDERS: Tr = tr("orders", "单");
/// Days of need.
pub(crate) const UNIT_DAYS_OF_NEED: Tr = tr("days of need", "可供天数");

// --- Places and closures --------------------------------------------------

/// A level of place, by its key.
pub(crate) fn level(key: &str, lang: Lang) -> &'static str {
    let t = match key {
        "city" => tr("city", "全市"),
        "district" => tr("district", "县(区)"),
        "street" => tr("street", "乡镇(街道)"),
        "community" => tr("community", "村(居)"),
        "compound" => tr("compound", "小区"),
        "building" => tr("building", "楼栋"),
        "site" => tr("site", "单位(场所)"),
        _ => return "?",
    };
    t.get(lang)
}

/// How a closure began, by its key.
pub(crate) fn cause(key: &str, lang: Lang) -> &'static str {
    let t = match key {
        "scripted" => tr("scripted", "脚本事件"),
        "escalation" => tr("escalation", "升级"),
        "random" => tr("random", "随机"),
        _ => return "?",
    };
    t.get(lang)
}

/// The districts not drawn one by one.
pub(crate) const OTHER_DISTRICTS: Tr = tr("other {n} districts (mean)", "其余{n}个县(区)（平均）");

// --- The run's charts -----------------------------------------------------

/// Chart: sales against need.
pub(crate) const CH_SALES: Tr = tr(
    "Sales against need, all goods, per day",
    "每日销售量与需求量（全部商品）",
);
/// Series: need.
pub(crate) const S_NEED: Tr = tr("residents' need", "居民需求量");
/// Series: sales.
pub(crate) const S_SALES: Tr = tr("sold by stores", "门店销售量");
/// Series: online sales.
pub(crate) const S_ONLINE: Tr = tr("of which online", "其中线上订单");
/// Series: handed out at points.
pub(crate) const S_POINTS: Tr = tr("handed out at points", "应急投放点发放量");
/// Chart: store stock in days.
pub(crate) const CH_STOCK: Tr = tr(
    "Store stock at the end of each day, in days of the city's need",
    "每日末门店库存可供天数（按全市需求）",
);
/// Chart: unmet need.
pub(crate) const CH_UNMET: Tr = tr(
    "Unmet need per day: residents short of a category for a day",
    "每日未满足需求：缺少某类商品的人·日",
);
/// Chart: panic.
pub(crate) const CH_PANIC: Tr = tr(
    "Panic per district at the end of each day (0 calm, 1 full hoarding)",
    "各县(区)每日末恐慌指数（0 平静，1 全面囤货）",
);
/// Axis: panic.
pub(crate) const AXIS_PANIC: Tr = tr("panic", "恐慌指数");
/// Chart: goods at points.
pub(crate) const CH_POINTS: Tr = tr(
    "Goods handed out at distribution points per day",
    "应急投放点每日发放量",
);
/// Chart: closures as a timeline.
pub(crate) const CH_GANTT: Tr = tr(
    "Closures and the response: sealed, suppliers designated, points open, first goods, reopened",
    "封控与响应：封控、指定直接供货商、投放点开放、首批物资送达、解封",
);
/// Note: only some closures drawn.
pub(crate) const NOTE_SHOWN: Tr = tr(
    "{shown} of {all} closures drawn: the largest by residents; the table below lists every one.",
    "共{all}处封控，图中画出居民最多的{shown}处；下表列出全部。",
);
/// Gantt legend: designated.
pub(crate) const M_DESIGNATED: Tr = tr("suppliers designated", "指定直接供货商");
/// Gantt legend: points open.
pub(crate) const M_POINTS_OPEN: Tr = tr("points open", "投放点开放");
/// Gantt legend: first goods.
pub(crate) const M_FIRST_GOODS: Tr = tr("first goods at the points", "首批物资送达投放点");
/// Gantt legend: absorbed.
pub(crate) const M_ABSORBED: Tr = tr("absorbed by a larger closure", "并入更大范围的封控");
/// Gantt legend: still sealed.
pub(crate) const M_STILL_SEALED: Tr = tr("still sealed at the end", "结束时仍在封控");
/// Chart: the response in hours.
pub(crate) const CH_RESPONSE: Tr = tr(
    "Hours from sealing to each step of the response",
    "从封控到各项响应措施的小时数",
);
/// Axis: hours after sealing.
pub(crate) const AXIS_HOURS_AFTER: Tr = tr("hours after sealing", "封控后小时数");
/// Orders chart: the bars.
pub(crate) const S_ORDERS: Tr = tr("orders delivered and waiting", "已配送与等待中的订单");
/// Chart: orders per closure.
pub(crate) const CH_ORDERS: Tr = tr(
    "Orders at the distribution points of each closure, and their mean wait",
    "各封控区应急投放点订单及平均等待时长",
);
/// Series: orders served.
pub(crate) const S_SERVED: Tr = tr("delivered", "已配送");
/// Series: orders waiting.
pub(crate) const S_WAITING: Tr = tr(
    "still waiting when the points closed (the backlog)",
    "投放点关闭时仍在等待（积压）",
);
/// Series: mean wait.
pub(crate) const S_WAIT: Tr = tr("mean wait of an order", "订单平均等待时长");
/// Note: the orders chart covers only some closures.
pub(crate) const NOTE_ORDERS_SHOWN: Tr = tr(
    "{shown} of {all} closures with orders drawn: those with the most orders.",
    "共{all}处封控有订单，图中画出订单最多的{shown}处。",
);
/// No closure: no chart.
pub(crate) const NO_CLOSURES: Tr = tr("No place was sealed in this run.", "本次运行没有封控。");
/// Closures, but no goods at points.
pub(crate) const NO_POINT_GOODS: Tr = tr(
    "No goods were handed out at distribution points in this run.",
    "本次运行应急投放点没有发放物资。",
);
/// No orders: no chart.
pub(crate) const NO_ORDERS: Tr = tr(
    "No order was placed at a distribution point in this run.",
    "本次运行应急投放点没有订单。",
);

// --- The page -------------------------------------------------------------

/// Page title.
pub(crate) const PAGE_TITLE: Tr = tr("baogong run report: {name}", "保供运行报告：{name}");
/// The run in one line.
pub(crate) const PAGE_META: Tr = tr(
    "{days} days · seed {seed} · replication {rep} · {residents} residents in {buildings} buildings · {stores} stores · {events} events simulated",
    "{days}天 · 种子 {seed} · 第{rep}次重复 · {residents}名居民，{buildings}栋楼 · {stores}家重点保供企业门店 · 模拟事件{events}个",
);
/// Contents.
pub(crate) const CONTENTS: Tr = tr("Contents", "目录");
/// Section: outcomes.
pub(crate) const SEC_OUTCOMES: Tr = tr("Outcomes", "结果");
/// Section: the city day by day.
pub(crate) const SEC_CITY: Tr = tr("The city day by day", "全市逐日情况");
/// Section: closures.
pub(crate) const SEC_CLOSURES: Tr = tr("Closures and the response", "封控与响应");
/// Section: timeline.
pub(crate) const SEC_TIMELINE: Tr = tr("Timeline", "时间线");
/// Outcomes table: the measure.
pub(crate) const H_MEASURE: Tr = tr("measure", "指标");
/// Outcomes table: the value.
pub(crate) const H_VALUE: Tr = tr("value", "数值");
/// Outcomes table: what it means.
pub(crate) const H_MEANING: Tr = tr("what it means", "含义");
/// Outcome: shortage.
pub(crate) const O_SHORTAGE: Tr = tr("shortage", "短缺");
/// Meaning: shortage.
pub(crate) const O_SHORTAGE_M: Tr = tr(
    "need residents could not meet from their pantries, over a person's whole daily need",
    "居民家中存量无法满足的需求，按一人一天的全部需求折算",
);
/// Outcome: hours to first goods.
pub(crate) const O_FIRST: Tr = tr("hours to first goods", "首批物资到达时长");
/// Meaning: hours to first goods.
pub(crate) const O_FIRST_M: Tr = tr(
    "mean hours from a closure to the first goods at its distribution points, weighted by residents",
    "从封控开始到首批物资送达应急投放点的平均小时数，按居民人数加权",
);
/// Outcome: closures without goods.
pub(crate) const O_WITHOUT: Tr = tr("closures without goods", "未获物资的封控");
/// Meaning: closures without goods.
pub(crate) const O_WITHOUT_M: Tr = tr(
    "closures whose points never received goods",
    "应急投放点始终未收到物资的封控区数",
);
/// Outcome: stock-out hours.
pub(crate) const O_STOCKOUT: Tr = tr("store stock-out hours", "门店断货时长");
/// Meaning: stock-out hours.
pub(crate) const O_STOCKOUT_M: Tr = tr(
    "hours an open store showed an empty shelf, summed over stores and categories",
    "营业门店货架空置的小时数，按门店和品类累计",
);
/// Outcome: peak panic.
pub(crate) const O_PANIC: Tr = tr("peak panic", "恐慌峰值");
/// Meaning: peak panic.
pub(crate) const O_PANIC_M: Tr = tr(
    "highest panic of any district at any moment, 0 to 1 (the daily charts show it at midnights)",
    "任一县(区)任一时刻的最高恐慌指数，0至1（逐日图为每日零点的数值）",
);
/// Outcome: peak sales.
pub(crate) const O_PEAK_SALES: Tr = tr("peak sales over normal", "销售峰值倍数");
/// Meaning: peak sales.
pub(crate) const O_PEAK_SALES_M: Tr = tr(
    "highest daily sales of a category over its normal daily need",
    "某品类单日销售量与平常日需求量之比的最大值",
);
/// Outcome: cost.
pub(crate) const O_COST: Tr = tr("government cost", "政府支出");
/// Meaning: cost.
pub(crate) const O_COST_M: Tr = tr(
    "transport, subsidies, reserve releases, door delivery and compensation, all levels of government",
    "运输、补贴、储备投放、送货上门和补偿，各级政府合计",
);
/// Outcome: spoilage.
pub(crate) const O_SPOILAGE: Tr = tr("spoilage", "损耗");
/// Meaning: spoilage.
pub(crate) const O_SPOILAGE_M: Tr = tr(
    "goods spoiled in stores, warehouses and bases (the enterprises' loss)",
    "门店、仓库和基地中变质的商品（企业损失）",
);
/// Outcome: score.
pub(crate) const O_SCORE: Tr = tr("score", "综合得分");
/// Meaning: score.
pub(crate) const O_SCORE_M: Tr = tr(
    "the weighted sum of the outcomes above, with the weights of the scenario's [score]; lower is better",
    "以上结果按情景文件 [score] 中的权重加权求和；越低越好",
);
/// Section: per category.
pub(crate) const SEC_CATEGORIES: Tr = tr("Per goods category", "分品类");
/// Section: costs.
pub(crate) const SEC_COSTS: Tr = tr("Costs by government level [yuan]", "各级政府支出（元）");
/// Category table: category.
pub(crate) const H_CATEGORY: Tr = tr("category", "品类");
/// Category table: need.
pub(crate) const H_NEED_T: Tr = tr("need [t]", "需求（吨）");
/// Category table: unmet.
pub(crate) const H_UNMET_T: Tr = tr("unmet [t]", "未满足（吨）");
/// Category table: stock-out hours.
pub(crate) const H_STOCKOUT_H: Tr = tr("store stock-out [h]", "门店断货（小时）");
/// Category table: peak sales.
pub(crate) const H_PEAK_SALES: Tr = tr("peak sales / normal", "销售峰值倍数");
/// Category table: spoiled.
pub(crate) const H_SPOILED_T: Tr = tr("spoiled [t]", "损耗（吨）");
/// Category table: reserves released.
pub(crate) const H_RESERVE_T: Tr = tr("reserves released [t]", "储备投放（吨）");
/// Category table: transferred.
pub(crate) const H_TRANSFER_T: Tr = tr("emergency transfers [t]", "紧急调运（吨）");
/// Cost table: item.
pub(crate) const H_ITEM: Tr = tr("item", "项目");
/// Cost table: total.
pub(crate) const H_TOTAL: Tr = tr("total", "合计");
/// Cost table: province.
pub(crate) const H_PROVINCE: Tr = tr("province", "省");
/// Cost table: city.
pub(crate) const H_CITY: Tr = tr("city", "市");
/// Cost table: county.
pub(crate) const H_COUNTY: Tr = tr("county", "县(区)");
/// Cost table: every item.
pub(crate) const ALL_ITEMS: Tr = tr("all", "总计");
/// Cost item: transport.
pub(crate) const C_TRANSPORT: Tr = tr("emergency transport", "应急运输");
/// Cost item: transfer subsidies.
pub(crate) const C_TRANSFER: Tr = tr("transfer subsidies", "外地增量调运补贴");
/// Cost item: reserve releases.
pub(crate) const C_RESERVE: Tr = tr("reserve releases", "储备投放");
/// Cost item: door delivery.
pub(crate) const C_DOOR: Tr = tr("door delivery", "送货上门补贴");
/// Cost item: compensation.
pub(crate) const C_COMPENSATION: Tr = tr("compensation", "征用物资合理补偿");
/// Closures: how many.
pub(crate) const CLOSURES_COUNT: Tr = tr("{n} closures", "共{n}处封控");
/// Timeline kind: rumour.
pub(crate) const K_RUMOUR: Tr = tr("rumour", "谣言");
/// Closures table headers.
pub(crate) const H_ID: Tr = tr("no.", "编号");
/// Closures table: level.
pub(crate) const H_LEVEL: Tr = tr("level", "级别");
/// Closures table: place.
pub(crate) const H_PLACE: Tr = tr("place", "地点");
/// Closures table: cause.
pub(crate) const H_CAUSE: Tr = tr("cause", "原因");
/// Closures table: residents.
pub(crate) const H_RESIDENTS: Tr = tr("residents", "居民");
/// Closures table: sealed.
pub(crate) const H_SEALED: Tr = tr("sealed", "封控");
/// Closures table: end.
pub(crate) const H_END: Tr = tr("end", "结束");
/// Closures table: suppliers.
pub(crate) const H_SUPPLIERS: Tr = tr("suppliers designated", "直接供货商");
/// Closures table: points.
pub(crate) const H_POINTS: Tr = tr("distribution points", "应急投放点");
/// Closures table: first goods.
pub(crate) const H_FIRST: Tr = tr("hours to first goods", "首批物资到达（小时）");
/// Closures table: orders.
pub(crate) const H_ORDERS: Tr = tr("orders placed / delivered / waiting", "订单 下单/配送/等待");
/// Closures table: mean wait.
pub(crate) const H_WAIT: Tr = tr("mean wait [h]", "平均等待（小时）");
/// Closures table: shortage.
pub(crate) const H_SHORTAGE: Tr = tr("shortage [person-days]", "短缺（人·日）");
/// A closure still sealed at the end.
pub(crate) const STILL_SEALED: Tr = tr("still sealed", "仍在封控");
/// A closure absorbed by another.
pub(crate) const ABSORBED_BY: Tr = tr("{at}, absorbed by no. {n}", "{at}，并入第{n}号");
/// No first goods.
pub(crate) const NONE_ARRIVED: Tr = tr("none arrived", "未送达");
/// Timeline headers.
pub(crate) const H_WHEN: Tr = tr("when", "时间");
/// Timeline: kind.
pub(crate) const H_KIND: Tr = tr("kind", "类别");
/// Timeline: what happened.
pub(crate) const H_WHAT: Tr = tr("what happened", "事件");
/// Timeline kind: closure.
pub(crate) const K_CLOSURE: Tr = tr("closure", "封控");
/// Timeline kind: decision.
pub(crate) const K_DECISION: Tr = tr("decision", "决策");
/// Timeline kind: injected event.
pub(crate) const K_INJECT: Tr = tr("injected event", "注入事件");
/// Timeline kind: stock-out.
pub(crate) const K_STOCKOUT: Tr = tr("stock-out", "断货");
/// Timeline kind: panic.
pub(crate) const K_PANIC: Tr = tr("panic", "恐慌");
/// Timeline kind: supply.
pub(crate) const K_SUPPLY: Tr = tr("supply", "供应");
/// Nothing in the timeline.
pub(crate) const NOTHING_HAPPENED: Tr = tr("Nothing happened.", "无事件。");
/// Timeline: count.
pub(crate) const TIMELINE_COUNT: Tr = tr(
    "{n} entries: injected events, closures and the plan's decisions, stock-outs starting and ending, panic jumps, emergency transfers and reserve releases.",
    "共{n}条：注入事件、封控及预案决策、断货开始与结束、恐慌跃升、紧急调运和储备投放。",
);
/// Footer.
pub(crate) const FOOTER: Tr = tr(
    "Made by baogong {version}. The same scenario, seed and replication give the same page. The daily series are in daily.csv, the closures in closures.csv.",
    "由 baogong {version} 生成。相同的情景、种子和重复编号生成相同的页面。逐日数据见 daily.csv，封控明细见 closures.csv。",
);
/// Charts are drawn without a script: a note for old viewers.
pub(crate) const CITY_NOTE: Tr = tr(
    "All goods categories of the city; the per-district series are in daily.csv.",
    "全市各品类；分县(区)数据见 daily.csv。",
);

// --- Sweeps ---------------------------------------------------------------

/// Sweep chart title.
pub(crate) const SW_TITLE: Tr = tr(
    "{scenario}: {n} settings × {reps} replications, common random numbers",
    "{scenario}：{n}个方案 × 每个{reps}次重复，共用随机数",
);
/// Sweep chart subtitle.
pub(crate) const SW_SUBTITLE: Tr = tr(
    "Lower is better for every outcome. Left: mean with its 95% interval, and the 95th percentile. Right: paired difference from the baseline with its 95% interval.",
    "每项结果都是越低越好。左：均值及其95%置信区间，以及第95百分位数。右：与基准方案的配对差值及其95%置信区间。",
);
/// Column of values.
pub(crate) const SW_VALUES: Tr = tr(
    "mean, 95% interval, 95th percentile",
    "均值、95%置信区间、第95百分位数",
);
/// Column of differences.
pub(crate) const SW_DIFF: Tr = tr("difference from the baseline", "与基准方案之差");
/// Column of verdicts.
pub(crate) const SW_VERDICT: Tr = tr("verdict", "结论");
/// Legend: mean.
pub(crate) const SW_MEAN: Tr = tr("mean", "均值");
/// Legend: interval.
pub(crate) const SW_CI: Tr = tr("95% confidence interval", "95%置信区间");
/// Legend: p95.
pub(crate) const SW_P95: Tr = tr(
    "95th percentile (the bad runs)",
    "第95百分位数（较坏的情形）",
);
/// Legend: better.
pub(crate) const V_BETTER: Tr = tr("better", "更好");
/// Legend: worse.
pub(crate) const V_WORSE: Tr = tr("worse", "更差");
/// Legend: unclear.
pub(crate) const V_UNCLEAR: Tr = tr("no clear difference", "无明显差异");
/// Verdict: the same.
pub(crate) const V_SAME: Tr = tr("the same", "相同");
/// The baseline.
pub(crate) const V_BASELINE: Tr = tr("baseline", "基准方案");
/// Log axis note.
pub(crate) const SW_LOG: Tr = tr("logarithmic scale", "对数刻度");
/// A value of zero on a log axis.
pub(crate) const SW_ZERO: Tr = tr(
    "what lies below its start (0, or the low end of an interval) at the left edge",
    "低于起点的数值（如0或区间下端）画在左端",
);
/// Panel: score.
pub(crate) const P_SCORE: Tr = tr("score [points]", "综合得分（分）");
/// Panel: shortage.
pub(crate) const P_SHORTAGE: Tr = tr("shortage [person-days]", "短缺（人·日）");
/// Panel: first goods.
pub(crate) const P_FIRST: Tr = tr(
    "mean hours to first goods [h]",
    "首批物资平均到达时长（小时）",
);
/// Panel: cost.
pub(crate) const P_COST: Tr = tr("government cost [yuan]", "政府支出（元）");
/// Panel: stock-outs.
pub(crate) const P_STOCKOUT: Tr = tr("store stock-out hours [h]", "门店断货时长（小时）");
/// Panel: panic.
pub(crate) const P_PANIC: Tr = tr("peak panic [0..1]", "恐慌峰值（0至1）");
/// Panel: spoilage.
pub(crate) const P_SPOILAGE: Tr = tr("spoilage [t]", "损耗（吨）");

// --- The workbook ---------------------------------------------------------

/// Sheet: summary.
pub(crate) const X_SHEET_SUMMARY: Tr = tr("Summary", "汇总");
/// Sheet: every column.
pub(crate) const X_SHEET_ALL: Tr = tr("All columns", "全部指标");
/// Sheet: about.
pub(crate) const X_SHEET_ABOUT: Tr = tr("About", "说明");
/// Header: setting number.
pub(crate) const X_SETTING: Tr = tr("no.", "编号");
/// Header: label.
pub(crate) const X_LABEL: Tr = tr("setting", "方案");
/// Header: mean.
pub(crate) const X_MEAN: Tr = tr("mean", "均值");
/// Header: CI low.
pub(crate) const X_CI_LOW: Tr = tr("95% CI low", "95%区间下限");
/// Header: CI high.
pub(crate) const X_CI_HIGH: Tr = tr("95% CI high", "95%区间上限");
/// Header: median.
pub(crate) const X_MEDIAN: Tr = tr("median", "中位数");
/// Header: p90.
pub(crate) const X_P90: Tr = tr("90th percentile", "第90百分位数");
/// Header: p95.
pub(crate) const X_P95: Tr = tr("95th percentile", "第95百分位数");
/// Header: share above 0.
pub(crate) const X_SHARE: Tr = tr("share of runs above 0", "大于0的重复占比");
/// Header: difference.
pub(crate) const X_DIFF: Tr = tr("difference from baseline", "与基准之差");
/// Header: difference CI low.
pub(crate) const X_DIFF_LOW: Tr = tr("difference 95% CI low", "差值95%区间下限");
/// Header: difference CI high.
pub(crate) const X_DIFF_HIGH: Tr = tr("difference 95% CI high", "差值95%区间上限");
/// Header: verdict.
pub(crate) const X_VERDICT: Tr = tr("vs baseline", "与基准相比");
/// Header: column.
pub(crate) const X_COLUMN: Tr = tr("column", "指标列");
/// Header: n.
pub(crate) const X_N: Tr = tr("replications with a value", "有值的重复次数");
/// Header: sd.
pub(crate) const X_SD: Tr = tr("standard deviation", "标准差");
/// Header: rank.
pub(crate) const X_RANK: Tr = tr("rank (1 = lowest)", "排名（1 = 最低）");
/// About sheet: lines.
pub(crate) const X_ABOUT_SCENARIO: Tr = tr("scenario", "情景");
/// About: seed.
pub(crate) const X_ABOUT_SEED: Tr = tr("master seed", "主种子");
/// About: replications.
pub(crate) const X_ABOUT_REPS: Tr = tr("replications per setting", "每个方案的重复次数");
/// About: baseline.
pub(crate) const X_ABOUT_BASELINE: Tr = tr("baseline setting", "基准方案");
/// About: version.
pub(crate) const X_ABOUT_VERSION: Tr = tr("made by", "生成程序");
/// About: reading notes.
pub(crate) const X_ABOUT_NOTES: [Tr; 5] = [
    tr(
        "Lower is better for every outcome and for the score.",
        "每项结果和综合得分都是越低越好。",
    ),
    tr(
        "Every setting meets the same outbreaks (common random numbers): the difference from the baseline is taken replication by replication (paired).",
        "各方案面对相同的疫情进程（共用随机数）：与基准方案的差值逐次重复配对计算。",
    ),
    tr(
        "95% CI: the 95% confidence interval of the mean (Student's t). 'Better' or 'worse' when the interval of the difference excludes 0; otherwise 'no clear difference'.",
        "95%区间：均值的95%置信区间（t分布）。差值区间不含0时判为“更好”或“更差”，否则为“无明显差异”。",
    ),
    tr(
        "Percentiles: linear interpolation between order statistics. A mean far above the median means a few bad runs (a street sealed, say) carry it.",
        "百分位数：按顺序统计量线性插值。均值远高于中位数，说明少数较坏的情形（如整条街道封控）拉高了均值。",
    ),
    tr(
        "The numbers here are rounded for reading; summary.csv and replications.csv keep full precision.",
        "此处数字为便于阅读已取整；summary.csv 和 replications.csv 保留全部精度。",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_both_languages() {
        let args = [("n", "3".to_string()), ("hm", "08:10".to_string())];
        assert_eq!(fill(DAY_TIME, Lang::En, &args), "day 3 08:10");
        assert_eq!(fill(DAY_TIME, Lang::Zh, &args), "第3天 08:10");
        for key in ["building", "compound", "community", "street", "site"] {
            assert_ne!(level(key, Lang::Zh), "?");
        }
    }
}
