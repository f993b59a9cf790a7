//! Words of the pictures and files: the charts and tables of
//! `report.html`, the sweep's chart `summary.svg` and its workbook
//! `summary.xlsx`.

crate::catalogue! {
    /// The day axis.
    AXIS_DAY { en: "day", zh: "天（第几天）" }
    /// Orders.
    UNIT_ORDERS { en: "orders", zh: "单" }
    /// Days of need.
    UNIT_DAYS_OF_NEED { en: "days of need", zh: "可供天数" }
    /// The districts not drawn one by one.
    CHART_OTHER_DISTRICTS { en: "other {n} districts (mean)", zh: "其余{n}个县(区)（平均）" }
    /// Chart: sales against need.
    CHART_SALES { en: "Sales against need, all goods, per day", zh: "每日销售量与需求量（全部商品）" }
    /// Series: need.
    SERIES_NEED { en: "residents' need", zh: "居民需求量" }
    /// Series: sales.
    SERIES_SALES { en: "sold by stores", zh: "门店销售量" }
    /// Series: online sales.
    SERIES_ONLINE { en: "of which online", zh: "其中线上订单" }
    /// Series: handed out at points.
    SERIES_POINTS { en: "handed out at points", zh: "应急投放点发放量" }
    /// Chart: store stock in days.
    CHART_STOCK {
        en: "Store stock at the end of each day, in days of the city's need",
        zh: "每日末门店库存可供天数（按全市需求）",
    }
    /// Chart: unmet need.
    CHART_UNMET {
        en: "Unmet need per day: residents short of a category for a day",
        zh: "每日未满足需求：缺少某类商品的人日",
    }
    /// Chart: panic.
    CHART_PANIC {
        en: "Panic per district at the end of each day (0 calm, 1 full hoarding)",
        zh: "各县(区)每日末恐慌指数（0 平静，1 全面囤货）",
    }
    /// Axis: panic.
    AXIS_PANIC { en: "panic", zh: "恐慌指数" }
    /// Chart: goods at points.
    CHART_POINTS { en: "Goods handed out at distribution points per day", zh: "应急投放点每日发放量" }
    /// Chart: closures as a timeline.
    CHART_GANTT {
        en: "Closures and the response: sealed, suppliers designated, points open, first goods, reopened",
        zh: "封控与响应：封控、指定直接供货商、投放点开放、首批物资送达、解封",
    }
    /// Note: only some closures drawn.
    CHART_NOTE_SHOWN {
        en: "{shown} of {all} closures drawn: the largest by residents; the table below lists every one.",
        zh: "共{all}处封控，图中画出居民最多的{shown}处；下表列出全部。",
    }
    /// Gantt legend: designated.
    MARK_DESIGNATED { en: "suppliers designated", zh: "指定直接供货商" }
    /// Gantt legend: points open.
    MARK_POINTS_OPEN { en: "points open", zh: "投放点开放" }
    /// Gantt legend: first goods.
    MARK_FIRST_GOODS { en: "first goods at the points", zh: "首批物资送达投放点" }
    /// Gantt legend: absorbed.
    MARK_ABSORBED { en: "absorbed by a larger closure", zh: "并入更大范围的封控" }
    /// Gantt legend: still sealed.
    MARK_STILL_SEALED { en: "still sealed at the end", zh: "结束时仍在封控" }
    /// Chart: the response in hours.
    CHART_RESPONSE { en: "Hours from sealing to each step of the response", zh: "从封控到各项响应措施的小时数" }
    /// Axis: hours after sealing.
    AXIS_HOURS_AFTER { en: "hours after sealing", zh: "封控后小时数" }
    /// Orders chart: the bars.
    SERIES_ORDERS { en: "orders delivered and waiting", zh: "已配送与等待中的订单" }
    /// Chart: orders waiting per day.
    CHART_BACKLOG {
        en: "Orders waiting at each closure's distribution points at midnight (the backlog)",
        zh: "各封控区应急投放点每日零点仍在等待的订单（积压）",
    }
    /// Chart: mean wait per day.
    CHART_DAILY_WAIT {
        en: "Mean wait of the orders delivered each day, per closure",
        zh: "各封控区每日配送订单的平均等待时长",
    }
    /// Note under the daily wait chart.
    CHART_WAIT_NOTE {
        en: "The wait of the orders whose delivery started that day; a day without deliveries has no dot (the backlog chart above shows what still waits).",
        zh: "当天开始配送的订单的等待时长；当天没有配送则没有圆点（仍在等待的订单见上方积压图）。",
    }
    /// Note: the daily order charts cover only some closures.
    CHART_NOTE_BACKLOG_SHOWN {
        en: "{shown} of {all} closures with orders drawn: those with the largest backlog; the total orders of the others are in the chart below, every day in closure_days.csv.",
        zh: "共{all}处封控有订单，图中画出积压最多的{shown}处；其余封控的订单总数见下图，逐日数据见 closure_days.csv。",
    }
    /// Chart: orders per closure.
    CHART_ORDERS {
        en: "Orders of each closure in all: delivered, and still waiting when its points closed; their mean wait",
        zh: "各封控区订单合计：已配送的、投放点关闭时仍在等待的，以及平均等待时长",
    }
    /// Series: orders served.
    SERIES_SERVED { en: "delivered", zh: "已配送" }
    /// Series: orders waiting.
    SERIES_WAITING {
        en: "still waiting when the points closed (the backlog)",
        zh: "投放点关闭时仍在等待（积压）",
    }
    /// Series: mean wait.
    SERIES_WAIT { en: "mean wait of an order", zh: "订单平均等待时长" }
    /// Note: the orders chart covers only some closures.
    CHART_NOTE_ORDERS_SHOWN {
        en: "{shown} of {all} closures with orders drawn: those with the most orders.",
        zh: "共{all}处封控有订单，图中画出订单最多的{shown}处。",
    }
    /// No closure: no chart.
    CHART_NO_CLOSURES { en: "No place was sealed in this run.", zh: "本次运行没有封控。" }
    /// Closures, but no goods at points.
    CHART_NO_POINT_GOODS {
        en: "No goods were handed out at distribution points in this run.",
        zh: "本次运行应急投放点没有发放物资。",
    }
    /// No orders: no chart.
    CHART_NO_ORDERS {
        en: "No order was placed at a distribution point in this run.",
        zh: "本次运行应急投放点没有订单。",
    }
    /// Page title.
    HTML_TITLE { en: "baogong run report: {name}", zh: "保供运行报告：{name}" }
    /// The run in one line.
    HTML_META {
        en: "{days} days · seed {seed} · replication {rep} · {residents} residents in {buildings} buildings · {stores} stores · {events} events simulated",
        zh: "{days}天 · 种子 {seed} · 第{rep}次重复 · {residents}名居民，{buildings}栋楼 · {stores}家重点保供企业门店 · 模拟事件{events}个",
    }
    /// Contents.
    HTML_CONTENTS { en: "Contents", zh: "目录" }
    /// Section: outcomes.
    HTML_SEC_OUTCOMES { en: "Outcomes", zh: "结果" }
    /// Section: the city day by day.
    HTML_SEC_CITY { en: "The city day by day", zh: "全市逐日情况" }
    /// Section: closures.
    HTML_SEC_CLOSURES { en: "Closures and the response", zh: "封控与响应" }
    /// Section: timeline.
    HTML_SEC_TIMELINE { en: "Timeline", zh: "时间线" }
    /// Outcomes table: the measure.
    HTML_COL_MEASURE { en: "measure", zh: "指标" }
    /// Outcomes table: the value.
    HTML_COL_VALUE { en: "value", zh: "数值" }
    /// Outcomes table: what it means.
    HTML_COL_MEANING { en: "what it means", zh: "含义" }
    /// Outcome: shortage.
    HTML_OUT_SHORTAGE { en: "shortage", zh: "短缺" }
    /// Meaning: shortage.
    HTML_OUT_SHORTAGE_M {
        en: "need residents could not meet from their pantries, over a person's whole daily need",
        zh: "居民家中存量无法满足的需求，按一人一天的全部需求折算",
    }
    /// Outcome: hours to first goods.
    HTML_OUT_FIRST { en: "hours to first goods", zh: "首批物资到达时长" }
    /// Meaning: hours to first goods.
    HTML_OUT_FIRST_M {
        en: "mean hours from a closure to the first goods at its distribution points, weighted by residents",
        zh: "从封控开始到首批物资送达应急投放点的平均小时数，按居民人数加权",
    }
    /// Outcome: closures without goods.
    HTML_OUT_WITHOUT { en: "closures without goods", zh: "未获物资的封控" }
    /// Meaning: closures without goods.
    HTML_OUT_WITHOUT_M { en: "closures whose points never received goods", zh: "应急投放点始终未收到物资的封控区数" }
    /// Outcome: stock-out hours.
    HTML_OUT_STOCKOUT { en: "store stock-out hours", zh: "门店断货时长" }
    /// Meaning: stock-out hours.
    HTML_OUT_STOCKOUT_M {
        en: "hours an open store showed an empty shelf, summed over stores and categories",
        zh: "营业门店货架空置的小时数，按门店和品类累计",
    }
    /// Outcome: peak panic.
    HTML_OUT_PANIC { en: "peak panic", zh: "恐慌峰值" }
    /// Meaning: peak panic.
    HTML_OUT_PANIC_M {
        en: "highest panic of any district at any moment, 0 to 1 (the daily charts show it at midnights)",
        zh: "任一县(区)任一时刻的最高恐慌指数，0至1（逐日图为每日零点的数值）",
    }
    /// Outcome: peak sales.
    HTML_OUT_PEAK_SALES { en: "peak sales over normal", zh: "销售峰值倍数" }
    /// Meaning: peak sales.
    HTML_OUT_PEAK_SALES_M {
        en: "highest daily sales of a category over its normal daily need",
        zh: "某品类单日销售量与平常日需求量之比的最大值",
    }
    /// Outcome: cost.
    HTML_OUT_COST { en: "government cost", zh: "政府支出" }
    /// Meaning: cost.
    HTML_OUT_COST_M {
        en: "transport, subsidies, reserve releases, door delivery and compensation, all levels of government",
        zh: "运输、补贴、储备投放、送货上门和补偿，各级政府合计",
    }
    /// Outcome: spoilage.
    HTML_OUT_SPOILAGE { en: "spoilage", zh: "损耗" }
    /// Meaning: spoilage.
    HTML_OUT_SPOILAGE_M {
        en: "goods spoiled in stores, warehouses and bases (the enterprises' loss)",
        zh: "门店、仓库和基地中变质的商品（企业损失）",
    }
    /// Outcome: score.
    HTML_OUT_SCORE { en: "score", zh: "综合得分" }
    /// Meaning: score.
    HTML_OUT_SCORE_M {
        en: "the weighted sum of the outcomes above, with the weights of the scenario's [score]; lower is better",
        zh: "以上结果按情景文件 [score] 中的权重加权求和；越低越好",
    }
    /// Section: per category.
    HTML_SEC_CATEGORIES { en: "Per goods category", zh: "分品类" }
    /// Section: costs.
    HTML_SEC_COSTS { en: "Costs by government level [yuan]", zh: "各级政府支出（元）" }
    /// Category table: category.
    HTML_COL_CATEGORY { en: "category", zh: "品类" }
    /// Category table: need.
    HTML_COL_NEED_T { en: "need [t]", zh: "需求（吨）" }
    /// Category table: unmet.
    HTML_COL_UNMET_T { en: "unmet [t]", zh: "未满足（吨）" }
    /// Category table: stock-out hours.
    HTML_COL_STOCKOUT_H { en: "store stock-out [h]", zh: "门店断货（小时）" }
    /// Category table: peak sales.
    HTML_COL_PEAK_SALES { en: "peak sales / normal", zh: "销售峰值倍数" }
    /// Category table: spoiled.
    HTML_COL_SPOILED_T { en: "spoiled [t]", zh: "损耗（吨）" }
    /// Category table: reserves released.
    HTML_COL_RESERVE_T { en: "reserves released [t]", zh: "储备投放（吨）" }
    /// Category table: transferred.
    HTML_COL_TRANSFER_T { en: "emergency transfers [t]", zh: "紧急调运（吨）" }
    /// Cost table: item.
    HTML_COL_ITEM { en: "item", zh: "项目" }
    /// Cost table: total.
    HTML_COL_TOTAL { en: "total", zh: "合计" }
    /// Cost table: every item.
    HTML_ALL_ITEMS { en: "all", zh: "总计" }
    /// Closures: how many.
    HTML_CLOSURES_COUNT { en: "{n} closures", zh: "共{n}处封控" }
    /// Timeline kind: rumour.
    HTML_KIND_RUMOUR { en: "rumour", zh: "谣言" }
    /// Closures table headers.
    HTML_COL_ID { en: "no.", zh: "编号" }
    /// Closures table: level.
    HTML_COL_LEVEL { en: "level", zh: "级别" }
    /// Closures table: place.
    HTML_COL_PLACE { en: "place", zh: "地点" }
    /// Closures table: cause.
    HTML_COL_CAUSE { en: "cause", zh: "原因" }
    /// Closures table: residents.
    HTML_COL_RESIDENTS { en: "residents", zh: "居民" }
    /// Closures table: sealed.
    HTML_COL_SEALED { en: "sealed", zh: "封控" }
    /// Closures table: end.
    HTML_COL_END { en: "end", zh: "结束" }
    /// Closures table: suppliers.
    HTML_COL_SUPPLIERS { en: "suppliers designated", zh: "直接供货商" }
    /// Closures table: points.
    HTML_COL_POINTS { en: "distribution points", zh: "应急投放点" }
    /// Closures table: first goods.
    HTML_COL_FIRST { en: "hours to first goods", zh: "首批物资到达（小时）" }
    /// Closures table: orders.
    HTML_COL_ORDERS { en: "orders placed / delivered / waiting", zh: "订单 下单/配送/等待" }
    /// Closures table: mean wait.
    HTML_COL_WAIT { en: "mean wait [h]", zh: "平均等待（小时）" }
    /// Closures table: shortage.
    HTML_COL_SHORTAGE { en: "shortage [person-days]", zh: "短缺（人日）" }
    /// A closure still sealed at the end.
    HTML_STILL_SEALED { en: "still sealed", zh: "仍在封控" }
    /// A closure absorbed by another.
    HTML_ABSORBED_BY { en: "{at}, absorbed by no. {n}", zh: "{at}，并入第{n}号" }
    /// No first goods.
    CHART_NONE_ARRIVED { en: "none arrived", zh: "未送达" }
    /// Timeline headers.
    HTML_COL_WHEN { en: "when", zh: "时间" }
    /// Timeline: kind.
    HTML_COL_KIND { en: "kind", zh: "类别" }
    /// Timeline: what happened.
    HTML_COL_WHAT { en: "what happened", zh: "事件" }
    /// Timeline kind: closure.
    HTML_KIND_CLOSURE { en: "closure", zh: "封控" }
    /// Timeline kind: decision.
    HTML_KIND_DECISION { en: "decision", zh: "决策" }
    /// Timeline kind: injected event.
    HTML_KIND_INJECT { en: "injected event", zh: "注入事件" }
    /// Timeline kind: stock-out.
    HTML_KIND_STOCKOUT { en: "stock-out", zh: "断货" }
    /// Timeline kind: panic.
    HTML_KIND_PANIC { en: "panic", zh: "恐慌" }
    /// Timeline kind: supply.
    HTML_KIND_SUPPLY { en: "supply", zh: "供应" }
    /// Nothing in the timeline.
    HTML_NOTHING_HAPPENED { en: "Nothing happened.", zh: "无事件。" }
    /// Timeline: count.
    HTML_TIMELINE_COUNT {
        en: "{n} entries: injected events, closures and the plan's decisions, stock-outs starting and ending, panic jumps, emergency transfers and reserve releases.",
        zh: "共{n}条：注入事件、封控及预案决策、断货开始与结束、恐慌跃升、紧急调运和储备投放。",
    }
    /// Footer.
    HTML_FOOTER {
        en: "Made by baogong {version}. The same scenario, seed and replication give the same page. The daily series are in daily.csv, the closures in closures.csv.",
        zh: "由 baogong {version} 生成。相同的情景、种子和重复编号生成相同的页面。逐日数据见 daily.csv，封控明细见 closures.csv。",
    }
    /// Charts are drawn without a script: a note for old viewers.
    HTML_CITY_NOTE {
        en: "All goods categories of the city; the per-district series are in daily.csv.",
        zh: "全市各品类；分县(区)数据见 daily.csv。",
    }
    /// Sweep chart title.
    SVG_TITLE {
        en: "{scenario}: {n} settings × {reps} replications, common random numbers",
        zh: "{scenario}：{n}个方案 × 每个{reps}次重复，共用随机数",
    }
    /// Sweep chart subtitle.
    SVG_SUBTITLE {
        en: "Lower is better for every outcome. Left: mean with its 95% interval, and the 95th percentile. Right: paired difference from the baseline with its 95% interval.",
        zh: "每项结果都是越低越好。左：均值及其95%置信区间，以及第95百分位数。右：与基准方案的配对差值及其95%置信区间。",
    }
    /// Column of values.
    SVG_VALUES { en: "mean, 95% interval, 95th percentile", zh: "均值、95%置信区间、第95百分位数" }
    /// Column of differences.
    SVG_DIFF { en: "difference from the baseline", zh: "与基准方案之差" }
    /// Column of verdicts.
    SVG_VERDICT { en: "verdict", zh: "结论" }
    /// Legend: mean.
    SVG_MEAN { en: "mean", zh: "均值" }
    /// Legend: interval.
    SVG_CI { en: "95% confidence interval", zh: "95%置信区间" }
    /// Legend: p95.
    SVG_P95 { en: "95th percentile (the bad runs)", zh: "第95百分位数（较坏的情形）" }
    /// Log axis note.
    SVG_LOG { en: "logarithmic scale", zh: "对数刻度" }
    /// A value of zero on a log axis.
    SVG_ZERO {
        en: "what lies below its start (0, or the low end of an interval) at the left edge",
        zh: "低于起点的数值（如0或区间下端）画在左端",
    }
    /// Panel: score.
    PANEL_SCORE { en: "score [points]", zh: "综合得分（分）" }
    /// Panel: shortage.
    PANEL_SHORTAGE { en: "shortage [person-days]", zh: "短缺（人日）" }
    /// Panel: first goods.
    PANEL_FIRST { en: "mean hours to first goods [h]", zh: "首批物资平均到达时长（小时）" }
    /// Panel: cost.
    PANEL_COST { en: "government cost [yuan]", zh: "政府支出（元）" }
    /// Panel: stock-outs.
    PANEL_STOCKOUT { en: "store stock-out hours [h]", zh: "门店断货时长（小时）" }
    /// Panel: panic.
    PANEL_PANIC { en: "peak panic [0..1]", zh: "恐慌峰值（0至1）" }
    /// Panel: spoilage.
    PANEL_SPOILAGE { en: "spoilage [t]", zh: "损耗（吨）" }
    /// Sheet: summary.
    XLSX_SHEET_SUMMARY { en: "Summary", zh: "汇总" }
    /// Sheet: every column.
    XLSX_SHEET_ALL { en: "All columns", zh: "全部指标" }
    /// Sheet: about.
    XLSX_SHEET_ABOUT { en: "About", zh: "说明" }
    /// Header: setting number.
    XLSX_SETTING { en: "no.", zh: "编号" }
    /// Header: label.
    XLSX_LABEL { en: "setting", zh: "方案" }
    /// Header: mean.
    XLSX_MEAN { en: "mean", zh: "均值" }
    /// Header: CI low.
    XLSX_CI_LOW { en: "95% CI low", zh: "95%区间下限" }
    /// Header: CI high.
    XLSX_CI_HIGH { en: "95% CI high", zh: "95%区间上限" }
    /// Header: median.
    XLSX_MEDIAN { en: "median", zh: "中位数" }
    /// Header: p90.
    XLSX_P90 { en: "90th percentile", zh: "第90百分位数" }
    /// Header: p95.
    XLSX_P95 { en: "95th percentile", zh: "第95百分位数" }
    /// Header: share above 0.
    XLSX_SHARE { en: "share of runs above 0", zh: "大于0的重复占比" }
    /// Header: difference.
    XLSX_DIFF { en: "difference from baseline", zh: "与基准之差" }
    /// Header: difference CI low.
    XLSX_DIFF_LOW { en: "difference 95% CI low", zh: "差值95%区间下限" }
    /// Header: difference CI high.
    XLSX_DIFF_HIGH { en: "difference 95% CI high", zh: "差值95%区间上限" }
    /// Header: verdict.
    XLSX_VERDICT { en: "vs baseline", zh: "与基准相比" }
    /// Header: column.
    XLSX_COLUMN { en: "column", zh: "指标列" }
    /// Header: n.
    XLSX_N { en: "replications with a value", zh: "有值的重复次数" }
    /// Header: sd.
    XLSX_SD { en: "standard deviation", zh: "标准差" }
    /// Header: rank.
    XLSX_RANK { en: "rank (1 = lowest)", zh: "排名（1 = 最低）" }
    /// About sheet: lines.
    XLSX_ABOUT_SCENARIO { en: "scenario", zh: "情景" }
    /// About: seed.
    XLSX_ABOUT_SEED { en: "master seed", zh: "主种子" }
    /// About: replications.
    XLSX_ABOUT_REPS { en: "replications per setting", zh: "每个方案的重复次数" }
    /// About: baseline.
    XLSX_ABOUT_BASELINE { en: "baseline setting", zh: "基准方案" }
    /// About: version.
    XLSX_ABOUT_VERSION { en: "made by", zh: "生成程序" }
    /// About sheet: how to read it, note 1.
    XLSX_ABOUT_NOTE_1 {
        en: "Lower is better for every outcome and for the score.",
        zh: "每项结果和综合得分都是越低越好。",
    }
    /// About sheet: how to read it, note 2.
    XLSX_ABOUT_NOTE_2 {
        en: "Every setting meets the same outbreaks (common random numbers): the difference from the baseline is taken replication by replication (paired).",
        zh: "各方案面对相同的疫情进程（共用随机数）：与基准方案的差值逐次重复配对计算。",
    }
    /// About sheet: how to read it, note 3.
    XLSX_ABOUT_NOTE_3 {
        en: "95% CI: the 95% confidence interval of the mean (Student's t). 'Better' or 'worse' when the interval of the difference excludes 0; otherwise 'no clear difference'.",
        zh: "95%区间：均值的95%置信区间（t分布）。差值区间不含0时判为“更好”或“更差”，否则为“无明显差异”。",
    }
    /// About sheet: how to read it, note 4.
    XLSX_ABOUT_NOTE_4 {
        en: "Percentiles: linear interpolation between order statistics. A mean far above the median means a few bad runs (a street sealed, say) carry it.",
        zh: "百分位数：按顺序统计量线性插值。均值远高于中位数，说明少数较坏的情形（如整条街道封控）拉高了均值。",
    }
    /// About sheet: how to read it, note 5.
    XLSX_ABOUT_NOTE_5 {
        en: "The numbers here are rounded for reading; summary.csv and replications.csv keep full precision.",
        zh: "此处数字为便于阅读已取整；summary.csv 和 replications.csv 保留全部精度。",
    }
}
