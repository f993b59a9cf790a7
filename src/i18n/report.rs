//! The text report of a run, its timeline and its tables.

crate::catalogue! {
    REPORT_TITLE {
        en: "baogong 保供 · scenario `{scenario}` · {days} days · seed {seed} · replication {replication}",
        zh: "baogong 保供 · 情景 `{scenario}` · {days} 天 · 随机种子 {seed} · 第 {replication} 次重复",
    }
    REPORT_CITY {
        en: "City: {residents} residents in {buildings} buildings, {stores} stores (key supply enterprises), {suppliers} suppliers; {events} events simulated.",
        zh: "城市：{residents} 名居民，{buildings} 栋楼（含单位(场所)），{stores} 家重点保供企业门店，{suppliers} 个供货方；共模拟 {events} 个事件。",
    }

    // ---- the timeline
    REPORT_TIMELINE {
        en: "Timeline: closures, the plan's decisions, injected events, empty shelves, panic",
        zh: "时间线：封控、预案决策、注入事件、货架断货、恐慌变化",
    }
    REPORT_MORE_LINES {
        en: "... {n} more lines (`run --all` shows every one; `--format json` has them all)",
        zh: "……另有 {n} 行（`run --all` 全部列出；`--format json` 含全部内容）",
    }
    REPORT_NOTHING_HAPPENED { en: "(nothing happened)", zh: "（无事发生）" }
    TL_SEALED {
        en: "{level} `{place}` sealed ({cause}, {residents} residents)",
        zh: "{level}「{place}」封控（{cause}，{residents} 名居民）",
    }
    TL_ABSORBS { en: "; absorbs closure(s) no. {ids}", zh: "；并入第 {ids} 号封控" }
    TL_DESIGNATED {
        en: "{n} supplier(s) designated for `{place}`: {stores}",
        zh: "为「{place}」指定 {n} 家直接供货商：{stores}",
    }
    TL_POINTS_OPENED {
        en: "{points} distribution point(s) open for `{place}`, {riders} riders",
        zh: "「{place}」开设 {points} 个应急投放点，配送员 {riders} 名",
    }
    TL_RIDERS_WANTED { en: " (of {wanted} wanted)", zh: "（按预案需 {wanted} 名）" }
    TL_RIDERS_CALLED {
        en: "{riders} riders and volunteers called from outside for `{place}`",
        zh: "为「{place}」从外部调派骑手和志愿者 {riders} 名",
    }
    TL_FIRST_GOODS {
        en: "first goods reach the points of `{place}`",
        zh: "首批物资送达「{place}」的应急投放点",
    }
    TL_REOPENED {
        en: "{level} `{place}` reopened (end of response)",
        zh: "{level}「{place}」解封（终止响应）",
    }
    TL_TRANSFER {
        en: "emergency transfer of {mass} of {goods} from other regions",
        zh: "从外地紧急调运{goods} {mass}（异地调剂）",
    }
    TL_RESERVE_RELEASE {
        en: "release {mass} of {goods} from {tier}",
        zh: "从「{tier}」投放储备{goods} {mass}",
    }
    TL_PUBLICITY_ORDERED {
        en: "publicity ordered (peak panic {panic})",
        zh: "决定开展舆论宣传、辟谣（恐慌峰值 {panic}）",
    }
    TL_PUBLICITY {
        en: "publicity: supply is stable (panic falls by {cut}% over the next days)",
        zh: "发布保供稳定信息（此后几天恐慌下降 {cut}%）",
    }
    TL_INJECTED { en: "injected: {what}", zh: "注入事件：{what}" }
    TL_STOCKOUT_STARTED {
        en: "shelves of {goods} empty in {district}",
        zh: "{district}：{goods}货架断货",
    }
    TL_STOCKOUT_ENDED {
        en: "shelves of {goods} refilled in {district}",
        zh: "{district}：{goods}货架恢复供应",
    }
    TL_PANIC_JUMP {
        en: "panic {place} jumps from {from} to {to}",
        zh: "{place}：恐慌指数从 {from} 升至 {to}",
    }

    // ---- scripted events (injects)
    EV_SEAL { en: "seal `{place}`", zh: "封控「{place}」" }
    EV_LIFT { en: "lift the closure of `{place}`", zh: "解除「{place}」的封控" }
    EV_RUMOUR { en: "rumour {place} (strength {strength})", zh: "{place}：出现谣言（强度 {strength}）" }
    EV_STAFF_LOSS {
        en: "{share}% of staff lost {place} for {hours} h",
        zh: "{place}：{share}% 的员工 {hours} 小时不能到岗",
    }
    EV_WAREHOUSE_CLOSED { en: "{supplier} closed for {hours} h", zh: "「{supplier}」关闭 {hours} 小时" }
    EV_RIDERS_ADDED { en: "{count} riders added", zh: "增加 {count} 名配送员" }
    EV_CHECKPOINT_DELAY {
        en: "checkpoints hold convoys {extra} h longer for {hours} h",
        zh: "{hours} 小时内，检查站对运输车队多滞留 {extra} 小时",
    }

    // ---- injected events and stock-outs
    REPORT_INJECTED { en: "Injected events (the scenario's script)", zh: "注入事件（情景脚本）" }
    REPORT_NO_INJECTED { en: "none", zh: "无" }
    REPORT_STOCKOUTS {
        en: "Empty shelves (stock-outs) by district and goods",
        zh: "货架断货（按县(区)和商品）",
    }
    REPORT_NO_STOCKOUTS { en: "none: no open store had an empty shelf", zh: "无：营业门店从未出现空货架" }
    REPORT_STOCKOUTS_NOTE {
        en: "(from the first store of the district with an empty shelf of those goods until no store shows one)",
        zh: "（从该县(区)第一家门店出现该类商品空货架起，到所有门店都不再空架为止）",
    }
    REPORT_STOCKOUTS_LONGEST {
        en: "the {shown} longest of {all} spells; `run --all` lists every one",
        zh: "共 {all} 次断货，此处列出时间最长的 {shown} 次；`run --all` 全部列出",
    }
    COL_DISTRICT { en: "district", zh: "县(区)" }
    COL_GOODS { en: "goods", zh: "商品" }
    COL_EMPTY_FROM { en: "empty from", zh: "断货开始" }
    COL_EMPTY_UNTIL { en: "until", zh: "恢复供应" }
    COL_HOURS { en: "hours", zh: "小时" }
    STILL_EMPTY { en: "still empty at the end", zh: "结束时仍断货" }

    // ---- closures
    CLOSURES_HEADING { en: "Closures", zh: "封控情况" }
    COL_NO { en: "no.", zh: "编号" }
    COL_LEVEL { en: "level", zh: "层级" }
    COL_PLACE { en: "place", zh: "地点" }
    COL_RESIDENTS { en: "residents", zh: "居民" }
    COL_SEALED_DAY { en: "sealed on day", zh: "封控日" }
    COL_ENDED_DAY { en: "ended on day", zh: "解封日" }
    COL_SUPPLIERS { en: "suppliers", zh: "直接供货商" }
    COL_POINTS { en: "points", zh: "投放点" }
    COL_FIRST_GOODS_H { en: "first goods after h", zh: "首批物资（小时）" }
    COL_ORDERS_SERVED { en: "orders served", zh: "已送达订单" }
    COL_MEAN_WAIT_H { en: "mean wait h", zh: "平均等待（小时）" }
    COL_SHORTAGE { en: "shortage person-days", zh: "短缺人日" }
    COL_CLOSURES { en: "closures", zh: "封控数" }
    COL_STILL_SEALED { en: "still sealed", zh: "仍在封控" }
    COL_MEAN_FIRST_GOODS_H { en: "mean first goods h", zh: "首批物资平均（小时）" }
    COL_NO_GOODS { en: "never got goods", zh: "未收到物资" }
    STILL_SEALED { en: "still sealed", zh: "仍在封控" }
    ENDED_ABSORBED { en: "{day} → no. {id}", zh: "{day}，并入 {id} 号" }
    NONE_ARRIVED { en: "none yet", zh: "尚未送达" }
    CLOSURES_NOTE {
        en: "(days as day numbers with tenths, day 1 = the first day; \"→ no. n\": absorbed by the larger closure n; suppliers: designated direct suppliers; points: emergency distribution points; first goods: hours from sealing to the first goods at its points; wait: from an order to a rider setting off; shortage: need its residents could not meet, over a person's daily need)",
        zh: "（日期为第几天，带一位小数，第 1 天为情景首日；“并入 n 号”：被更大范围的第 n 号封控合并；直接供货商：指定的保供企业数；投放点：应急投放点数；首批物资：从封控到首批物资送达投放点的小时数；平均等待：从下单到配送员出发；短缺人日：居民未能满足的需求折合的人日数）",
    }
    CLOSURES_SUMMARY_NOTE {
        en: "(by level, {n} closures in all; `run --all` lists every one)",
        zh: "（按层级汇总，共 {n} 处封控；`run --all` 逐一列出）",
    }
    CLOSURES_WORST {
        en: "the {n} worst (most shortage, then longest wait for goods):",
        zh: "最严重的 {n} 处（按短缺最多、物资最晚送达排序）：",
    }

    // ---- the city week by week
    WEEK_HEADING { en: "The city week by week (all goods)", zh: "全市逐周情况（全部商品）" }
    COL_DAYS { en: "days", zh: "天数" }
    COL_SALES_OVER_NEED { en: "sales / need", zh: "销量/需求" }
    COL_POINTS_T { en: "handed out at points t", zh: "投放点发放（吨）" }
    COL_UNMET_T { en: "unmet need t", zh: "未满足需求（吨）" }
    COL_STOCK_DAYS { en: "store stock, days of need", zh: "门店库存（可供天数）" }
    COL_MIDNIGHT_PANIC { en: "panic at midnight", zh: "午夜恐慌指数" }
    WEEK_NOTE_STOCK {
        en: "(store stock at the end of the week, in days of the city's need)",
        zh: "（门店库存为每周末的库存可供全市几天的需求）",
    }
    WEEK_NOTE_PANIC {
        en: "(panic here: the city's mean over districts at midnight, the highest of the week; the score's peak panic, {peak}, is the highest of any single district at any moment)",
        zh: "（此表恐慌指数为各县(区)在午夜的平均值，取每周最高；评分中的恐慌峰值 {peak} 是任一县(区)在任一时刻的最高值）",
    }

    // ---- goods categories
    CATEGORIES_HEADING { en: "Outcomes per goods category", zh: "各类商品结果" }
    COL_NEED_T { en: "need t", zh: "需求（吨）" }
    COL_STOCKOUT_H { en: "stock-out h", zh: "断货（小时）" }
    COL_PEAK_SALES { en: "peak sales / normal", zh: "销量峰值/平日" }
    COL_SPOILED_T { en: "spoiled t", zh: "损耗（吨）" }
    COL_SPOILED_SHARE { en: "spoiled share", zh: "损耗比例" }
    COL_RESERVE_T { en: "from reserves t", zh: "储备投放（吨）" }
    COL_TRANSFER_T { en: "transferred in t", zh: "外地调入（吨）" }
    CATEGORIES_NOTE {
        en: "(stock-out h: hours open stores showed an empty shelf, summed over stores; peak sales: the highest day's sales over a normal day's need; spoiled share: spoiled over the goods that passed through, i.e. stock at the start plus production, transfers and reserve releases)",
        zh: "（断货小时：营业门店空货架的小时数，各门店相加；销量峰值：单日最高销量与平日需求之比；损耗比例：损耗量占流经供应链商品的比例，即期初库存加生产、调入和储备投放）",
    }
    SPOILAGE_NOTE {
        en: "spoilage: {spoiled} in all, {share}% of the {through} that passed through stores, warehouses and bases",
        zh: "损耗：共 {spoiled}，占流经门店、仓库和基地商品（{through}）的 {share}%",
    }

    // ---- costs
    COSTS_HEADING { en: "Costs by government level [yuan]", zh: "各级政府支出（元）" }
    COL_ITEM { en: "item", zh: "项目" }
    COL_TOTAL { en: "total", zh: "合计" }
    COL_ALL { en: "all", zh: "总计" }
    COSTS_NOTE {
        en: "(split between province, city and county as the scenario's [costs] split; spoilage is the enterprises' loss, not a government cost)",
        zh: "（按情景 [costs] 的比例由省、市、县(区)分担；损耗由企业承担，不计入政府支出）",
    }

    // ---- the score
    SCORE_HEADING { en: "Score (lower is better)", zh: "评分（越低越好）" }
    COL_OUTCOME { en: "outcome", zh: "指标" }
    COL_VALUE { en: "value", zh: "数值" }
    COL_UNIT { en: "unit", zh: "单位" }
    COL_WEIGHT { en: "weight", zh: "权重" }
    COL_POINTS_SCORE { en: "points", zh: "得分" }
    SCORE_NOTE {
        en: "(points = value × weight, weights from the scenario's [score]; peak panic: the highest of any district at any moment, 0 calm to 1 full hoarding)",
        zh: "（得分 = 数值 × 权重，权重见情景 [score]；恐慌峰值为任一县(区)任一时刻的最高值，0 为平静，1 为全面囤货）",
    }
    WARN_NO_GOODS {
        en: "warning: {n} closure(s) never received goods at their points",
        zh: "警告：{n} 处封控的投放点始终没有收到物资",
    }
    PEAK_SALES { en: "peak sales / normal: {ratio}", zh: "销量峰值/平日：{ratio}" }

    // ---- monitoring and checks
    REPORT_MONITORING {
        en: "Monitoring: {on_time} daily reports on time, {late} late, {missing} missing (16:00 deadline).",
        zh: "监测：日报按时 {on_time} 份，迟报 {late} 份，缺报 {missing} 份（截止 16:00）。",
    }
    REPORT_CONSERVED {
        en: "Conservation of goods: exact in every category.",
        zh: "商品守恒：各类商品完全守恒。",
    }
    REPORT_NOT_CONSERVED {
        en: "Conservation of goods: OFF by {grams} g.",
        zh: "商品守恒：相差 {grams} 克，不守恒。",
    }
    REPORT_INVARIANT_BROKEN {
        en: "MODEL INVARIANT BROKEN: {breach}",
        zh: "模型不变量被破坏：{breach}",
    }

    // ---- the shipped scenarios' descriptions (the English is the file's own)
    DESC_DEFAULT {
        en: "A city of about one million; one building sealed on day 3 at 08:10, which may escalate to its compound, community and street.",
        zh: "约一百万人的城市；第 3 天 08:10 封控一栋楼，可能升级到所在小区、村(居)和乡镇(街道)。",
    }
    DESC_BUILDING_TO_STREET {
        en: "The four closure scenarios in escalation: a building (day 3), its compound (day 6), its community (day 9) and its street (day 13).",
        zh: "预案的四种封控情形逐级升级：一栋楼（第 3 天）、所在小区（第 6 天）、村(居)（第 9 天）、乡镇(街道)（第 13 天）。",
    }
    DESC_PANIC_BUYING {
        en: "Prevention level: four weeks of worsening rumours set off city-wide panic buying, as in March 2020; no closures.",
        zh: "防范管理：连续四周愈演愈烈的谣言引发全市抢购（如 2020 年 3 月）；没有封控。",
    }
    DESC_SHANGHAI {
        en: "A city of 25 million (16 districts, 240 streets), 60 days, 10 buildings sealed at random every day, escalating as in the default.",
        zh: "2500 万人的城市（16 个县(区)、240 个乡镇(街道)），60 天，每天随机封控 10 栋楼，并像默认情景一样升级。",
    }
    DESC_SITE_CLOSURE {
        en: "A workplace/site of 3,000 people sealed on day 4.",
        zh: "第 4 天封控一个 3000 人的单位(场所)。",
    }
    DESC_SUPPLIER_RULES {
        en: "One building, compound, community and street sealed on day 2 in different districts; the supplier-count rule against fewer and more suppliers.",
        zh: "第 2 天在不同县(区)同时封控一栋楼、一个小区、一个村(居)和一个乡镇(街道)；比较预案的直接供货商数量规则与更少、更多供货商。",
    }
    DESC_TINY {
        en: "A tiny explicit city of six buildings; one building sealed on day 2 at 09:00.",
        zh: "逐一列出的六栋楼小城市；第 2 天 09:00 封控一栋楼。",
    }
    DESC_TINY_QUIET {
        en: "The tiny explicit city with no events and no escalation: a control.",
        zh: "同一座六栋楼小城市，没有事件、不升级：作为对照。",
    }
}
