//! Errors in scenario files, `--set` and `--grid`, sweeps and merges.

crate::catalogue! {
    SCENARIO_ERROR { en: "{at}: {message}", zh: "{at}：{message}" }
    SCENARIO_ERROR_KEY { en: "{at}: key `{key}`: {message}", zh: "{at}：键 `{key}`：{message}" }
    SETTING_ERROR { en: "setting `{label}`: {error}", zh: "设置 `{label}`：{error}" }
    SCENARIO_WARNING { en: "warning: {warning}", zh: "警告：{warning}" }
    SC_MORE_PROBLEMS {
        en: "{file}: {n} more problem(s) not listed; correct these and check again",
        zh: "{file}：另有 {n} 处问题未列出；请先改正以上各处再检查",
    }
    SC_AS_IS { en: "{detail}", zh: "{detail}" }
    SC_DID_YOU_MEAN {
        en: "{message}; did you mean `{mean}`?",
        zh: "{message}；是否想写 `{mean}`？",
    }
    SC_TOO_DEEP {
        en: "tables or lists nested {depth} deep; a scenario nests at most {max} (`[a.b.c]` is 3 deep): check this line",
        zh: "表或列表嵌套了 {depth} 层；情景文件最多嵌套 {max} 层（`[a.b.c]` 为 3 层）：请检查这一行",
    }

    // ---- scenario/warnings.rs: set-ups that run but make no sense
    SC_WARN_NEED_COARSE {
        en: "the daily need of `{name}` in the smallest building ({residents} residents) is {exact} g, which the model counts in whole grams as {rounded} g ({off}% off): give a larger need, or buildings with more residents",
        zh: "最小楼栋（{residents} 名居民）每天对 `{name}` 的需求为 {exact} 克，模型按整克计为 {rounded} 克（偏差 {off}%）：请加大人均需求，或让每栋楼居民更多",
    }
    SC_WARN_SECOND_REGION {
        en: "`{name}` is a second other_region supplier: only the first, `{first}`, sends emergency transfers, so `{name}` is never used",
        zh: "`{name}` 是第二个 other_region（外地）供货方：只有第一个 `{first}` 会紧急调运，`{name}` 不会被用到",
    }
    SC_WARN_LIFT_UNSEALED {
        en: "this event lifts `{name}`, but no event seals it (or a place around or inside it) before, and there are no random closures: it changes nothing",
        zh: "此事件解封 `{name}`，但此前没有事件封控它（或其上级、下级地点），也没有随机封控：它不会改变任何结果",
    }
    SC_WARN_RUMOUR_ZERO {
        en: "a rumour of strength 0 changes nothing: give a strength above 0, or remove the event",
        zh: "强度为 0 的谣言不会改变任何结果：请给出大于 0 的强度，或删除此事件",
    }
    SC_WARN_STAFF_ZERO {
        en: "a staff loss of share 0 changes nothing: give a share above 0, or remove the event",
        zh: "比例为 0 的员工缺岗不会改变任何结果：请给出大于 0 的比例，或删除此事件",
    }
    SC_WARN_CLOSE_REGION {
        en: "`{name}` is an other_region supplier: emergency transfers from other regions do not stop for `warehouse_closed`, so this event changes nothing; name a warehouse or wholesale market",
        zh: "`{name}` 是 other_region（外地）供货方：外地紧急调运不受 `warehouse_closed` 影响，此事件不会改变任何结果；请指定仓库或批发市场",
    }
    SC_WARN_CLOSE_BASE {
        en: "`{name}` is a production base, not a warehouse or wholesale market: `warehouse_closed` stops its deliveries to the warehouses for {hours} h; check that this is the supplier meant",
        zh: "`{name}` 是生产基地，不是仓库或批发市场：`warehouse_closed` 会使它对仓库的供货停止 {hours} 小时；请确认这是要指定的供货方",
    }
    SC_WARN_DEPOT_SHORT {
        en: "the {staff} staff of `{name}` can dispatch at most {can} t a day, and the residents of the stores it restocks need {need} t on a normal day ({short} of {all} warehouses are short like this): the city runs short with no event at all, and every outcome measures that; give more staff per warehouse, or more warehouses",
        zh: "`{name}` 的 {staff} 名员工每天最多发货 {can} 吨，而它所供门店的居民平日每天需要 {need} 吨（{all} 个仓库中有 {short} 个如此）：即使没有任何事件，城市也会短缺，各项结果衡量的都是这一点；请增加每个仓库的员工，或增加仓库",
    }
    SC_WARN_BASE_FLEET_SHORT {
        en: "the {trucks} trucks of the {bases} production base(s) can carry at most {carry} t a day ({trips} round trips each between districts), and the city needs {need} t of their output on a normal day: the city runs short with no event at all, and every outcome measures that; give the bases more trucks",
        zh: "{bases} 个生产基地共 {trucks} 辆货车每天最多运送 {carry} 吨（每辆在县(区)之间往返 {trips} 趟），而城市平日每天需要它们供应 {need} 吨：即使没有任何事件，城市也会短缺，各项结果衡量的都是这一点；请给生产基地更多货车",
    }

    // ---- scenario.rs: reading and parsing
    SC_CANNOT_READ { en: "cannot read the scenario file: {e}", zh: "无法读取情景文件：{e}" }
    SC_NOT_A_FILE {
        en: "not a regular file (a device, a pipe or a folder); give the path of a .toml scenario file",
        zh: "不是普通文件（而是设备、管道或文件夹）；请给出 .toml 情景文件的路径",
    }
    SC_FILE_TOO_LARGE {
        en: "the file has {size} bytes; a scenario file may have at most {max}",
        zh: "文件有 {size} 字节；情景文件最多 {max} 字节",
    }
    SC_NOT_UTF8 {
        en: "bytes that are not UTF-8 ({bytes}): save the file as UTF-8 (in Notepad, \"Save as\", encoding UTF-8), not GBK or GB2312",
        zh: "含有非 UTF-8 字节（{bytes}）：请将文件另存为 UTF-8 编码（记事本：“另存为”，编码选 UTF-8），而不是 GBK 或 GB2312",
    }
    SC_UNKNOWN_KEY {
        en: "unknown key `{key}`; valid keys here: {valid}",
        zh: "未知的键 `{key}`；这里可用的键：{valid}",
    }
    SC_UNKNOWN_KEY_MEAN {
        en: "unknown key `{key}`; did you mean `{mean}`? valid keys here: {valid}",
        zh: "未知的键 `{key}`；是否想写 `{mean}`？这里可用的键：{valid}",
    }
    SC_MISSING_KEY { en: "missing key `{key}`", zh: "缺少键 `{key}`" }
    SC_EXPECTED_DIST {
        en: "expected a number or a distribution table such as {{ dist = \"uniform\", min = 1.0, max = 2.0 }}",
        zh: "应为一个数，或分布表，如 {{ dist = \"uniform\", min = 1.0, max = 2.0 }}",
    }
    SC_EXPECTED_COUNT {
        en: "expected a count (2) or a range [min, max] ([2, 3])",
        zh: "应为一个数量（如 2）或范围 [最少, 最多]（如 [2, 3]）",
    }
    SC_INVALID_TYPE { en: "invalid type: {got}, expected {want}", zh: "类型不对：{got}，应为 {want}" }
    SC_UNKNOWN_VARIANT { en: "unknown value `{v}`, expected {want}", zh: "未知的取值 `{v}`，应为 {want}" }
    SC_DUPLICATE_KEY { en: "{detail}", zh: "键重复：{detail}" }
    SC_TOML_READER { en: "{detail}", zh: "TOML 格式错误：{detail}" }

    // ---- scenario/build.rs: values, references, the city
    SC_NOT_FINITE {
        en: "must be a finite number, not {v}",
        zh: "必须是有限的数，而不是 {v}",
    }
    SC_TOO_LARGE {
        en: "{v} is too large: at most {limit}{unit}",
        zh: "{v} 太大：最多 {limit}{unit}",
    }
    SC_TOO_SMALL {
        en: "{v} is too small: at least {limit}{unit}",
        zh: "{v} 太小：至少 {limit}{unit}",
    }
    SC_POSITIVE {
        en: "must be greater than 0, not {v}",
        zh: "必须大于 0，而不是 {v}",
    }
    SC_NON_NEGATIVE {
        en: "must be 0 or more, not {v}",
        zh: "必须大于或等于 0，而不是 {v}",
    }
    SC_SHARE {
        en: "must be a share between 0 and 1, not {v}",
        zh: "必须是 0 到 1 之间的比例，而不是 {v}",
    }
    SC_INT_AT_LEAST {
        en: "must be an integer of at least {lo}, not {v}",
        zh: "必须是不小于 {lo} 的整数，而不是 {v}",
    }
    SC_INT_RANGE {
        en: "must be an integer from {lo} to {hi}, not {v}",
        zh: "必须是 {lo} 到 {hi} 之间的整数，而不是 {v}",
    }
    SC_NO_VALUE {
        en: "has no value and no default",
        zh: "没有取值，也没有默认值",
    }
    SC_COUNT_RANGE {
        en: "counts must be from 1 to 1000, not {lo}..{hi}",
        zh: "数量必须在 1 到 1000 之间，而不是 {lo}..{hi}",
    }
    SC_MIN_MAX {
        en: "[min, max] has min {lo} larger than max {hi}",
        zh: "[最少, 最多] 中最少 {lo} 大于最多 {hi}",
    }
    SC_NOT_EMPTY {
        en: "must not be empty",
        zh: "不能为空",
    }
    SC_REFILL_ZERO {
        en: "must be greater than 0: households would never shop",
        zh: "必须大于 0：否则居民永远不会购物",
    }
    SC_CLOSE_AFTER_OPEN {
        en: "must be later than open_hour ({open}), not {close}",
        zh: "必须晚于 open_hour（{open}），而不是 {close}",
    }
    SC_LATE_MISSING {
        en: "late_probability + missing_probability must not exceed 1",
        zh: "late_probability 与 missing_probability 之和不能超过 1",
    }
    SC_SPLIT_ZERO {
        en: "the province:city:county split must not be all zero",
        zh: "省:市:县(区) 分担比例不能全为 0",
    }
    SC_GOODS_TWICE {
        en: "goods category `{name}` is listed twice",
        zh: "商品类别 `{name}` 重复列出",
    }
    SC_POINT_HOURS {
        en: "closing hour {pc} must be later than opening hour {po}",
        zh: "关闭时间 {pc} 必须晚于开放时间 {po}",
    }
    SC_CLOCK {
        en: "must be a clock time HH:MM such as \"08:10\", not \"{s}\"",
        zh: "必须是 \"时:分\" 格式的时刻，如 \"08:10\"，而不是 \"{s}\"",
    }
    SC_DAY_AFTER {
        en: "day {day} is after the horizon: the scenario runs {days} days",
        zh: "第 {day} 天超出了模拟期：情景只运行 {days} 天",
    }
    SC_EVENT_KIND {
        en: "unknown event kind `{other}`; use seal, lift, rumour, staff_loss, warehouse_closed, riders_added or checkpoint_delay",
        zh: "未知的事件类型 `{other}`；可用 seal（封控）、lift（解封）、rumour（谣言）、staff_loss（员工不能到岗）、warehouse_closed（仓库关闭）、riders_added（增加配送员）或 checkpoint_delay（检查站滞留）",
    }
    SC_EVENT_TAKES_NO {
        en: "a `{kind}` event takes no `{k}`",
        zh: "`{kind}` 事件没有 `{k}` 这个键",
    }
    SC_EVENT_NEEDS {
        en: "a `{kind}` event needs `{k}`",
        zh: "`{kind}` 事件需要 `{k}`",
    }
    SC_UNKNOWN_PLACE {
        en: "unknown place `{name}`",
        zh: "未知的地点 `{name}`",
    }
    SC_UNKNOWN_DISTRICT {
        en: "unknown district `{name}`",
        zh: "未知的县(区) `{name}`",
    }
    SC_SEAL_DISTRICT {
        en: "a whole district cannot be sealed; seal its streets",
        zh: "不能封控整个县(区)；请封控其下的乡镇(街道)",
    }
    SC_UNKNOWN_SUPPLIER {
        en: "unknown supplier `{name}`",
        zh: "未知的供货方 `{name}`",
    }
    SC_CITY_AND_PLACES {
        en: "give either a generated [city] or [[places]], not both",
        zh: "[city]（按参数生成）和 [[places]]（逐一列出）只能二选一",
    }
    SC_CITY_AND_LISTS {
        en: "a generated [city] makes its own stores and suppliers; remove this list or the [city] table",
        zh: "按参数生成的 [city] 会自己生成门店和供货方；请删除这个列表或 [city] 表",
    }
    SC_TOO_MANY_BUILDINGS {
        en: "the city would have {n} buildings and sites; at most {max}",
        zh: "城市将有 {n} 栋楼和单位(场所)；最多 {max}",
    }
    SC_TOO_MANY_PLACES {
        en: "{n} places are listed; at most {max}",
        zh: "列出了 {n} 个地点；最多 {max}",
    }
    SC_TOO_MANY_ENTRIES {
        en: "{n} entries are listed; at most {max}",
        zh: "列出了 {n} 项；最多 {max}",
    }
    SC_GOODS_EMPTY {
        en: "`goods = []` lists no goods category; leave `goods` out for the six default categories, or list each with [[goods]]",
        zh: "`goods = []` 没有列出任何商品类别；要用默认的六类商品，请删去 `goods`；否则用 [[goods]] 逐一列出",
    }
    SC_MASS_TOO_LARGE {
        en: "the city's need over the horizon, with production, stocks, reserves and emergency transfers (at most one a day), comes to {tonnes} t, more than the model's counters hold ({max} t); lower the population, the needs per person, the production share, the days of a transfer or the number of days",
        zh: "整个情景期内全市需求量（含生产、库存、储备和紧急调运，调运每天至多一次）达 {tonnes} 吨，超出模型计数所能容纳的 {max} 吨；请减少人口、人均需求、生产比例、每次调运的天数或情景天数",
    }
    SC_POP_TOO_SMALL {
        en: "{pop} residents cannot fill {nbuild} buildings",
        zh: "{pop} 名居民住不满 {nbuild} 栋楼",
    }
    SC_SPREAD {
        en: "must be at least 0 and less than 1, not {spread}",
        zh: "必须大于或等于 0 且小于 1，而不是 {spread}",
    }
    SC_TOO_MANY_STORES {
        en: "gives {nstores} stores for {nbuild} buildings; at most one store per building",
        zh: "得到 {nstores} 家门店而只有 {nbuild} 栋楼；每栋楼最多一家门店",
    }
    SC_NO_CITY {
        en: "the scenario has no city: give a [city] table or list [[places]]",
        zh: "情景没有城市：请给出 [city] 表，或用 [[places]] 逐一列出地点",
    }
    SC_UNKNOWN_LEVEL {
        en: "unknown level `{level}`; use district, street, community, compound, building or site",
        zh: "未知的层级 `{level}`；可用 district（县(区)）、street（乡镇(街道)）、community（村(居)）、compound（小区）、building（楼栋）或 site（单位(场所)）",
    }
    SC_PLACE_TWICE {
        en: "place `{name}` is listed twice",
        zh: "地点 `{name}` 重复列出",
    }
    SC_BUILDING_RESIDENTS {
        en: "a building has `residents`, not `headcount`",
        zh: "楼栋用 `residents`（居民），不用 `headcount`",
    }
    SC_SITE_HEADCOUNT {
        en: "a site has `headcount`, not `residents`",
        zh: "单位(场所)用 `headcount`（人数），不用 `residents`",
    }
    SC_BUILDING_NEEDS_RESIDENTS {
        en: "building `{name}` needs `residents`",
        zh: "楼栋 `{name}` 需要 `residents`（居民）",
    }
    SC_SITE_NEEDS_HEADCOUNT {
        en: "site `{name}` needs `headcount`",
        zh: "单位(场所) `{name}` 需要 `headcount`（人数）",
    }
    SC_ONLY_BUILDINGS_RESIDENTS {
        en: "only buildings have residents; `{name}` is a {level}",
        zh: "只有楼栋有 residents（居民）；`{name}` 是 {level}",
    }
    SC_ONLY_SITES_HEADCOUNT {
        en: "only sites have a headcount; `{name}` is a {level}",
        zh: "只有单位(场所)有 headcount（人数）；`{name}` 是 {level}",
    }
    SC_DISTRICT_PARENT {
        en: "a district has no parent (the city is implicit)",
        zh: "县(区)没有 parent（上一级就是全市）",
    }
    SC_NEEDS_PARENT {
        en: "{level} `{name}` needs a `parent` ({parent})",
        zh: "{level} `{name}` 需要 `parent`（上一级，{parent}）",
    }
    SC_PARENT_NOT_LISTED {
        en: "parent `{parent}` of `{name}` is not listed in [[places]]",
        zh: "`{name}` 的上一级 `{parent}` 没有在 [[places]] 中列出",
    }
    SC_SUPPLIER_TWICE {
        en: "supplier `{name}` is listed twice",
        zh: "供货方 `{name}` 重复列出",
    }
    SC_SUPPLIER_KIND {
        en: "unknown supplier kind `{other}`; use warehouse, wholesale_market, production_base or other_region",
        zh: "未知的供货方类型 `{other}`；可用 warehouse（仓库）、wholesale_market（批发市场）、production_base（生产基地）或 other_region（外地）",
    }
    SC_DISTRICT_NOT_LISTED {
        en: "district `{d}` is not listed in [[places]]",
        zh: "县(区) `{d}` 没有在 [[places]] 中列出",
    }
    SC_NEEDS_DISTRICT {
        en: "{kind} `{name}` needs a `district`",
        zh: "{kind} `{name}` 需要 `district`（所在县(区)）",
    }
    SC_BASE_NEEDS_SHARE {
        en: "production base `{name}` needs `production_share`",
        zh: "生产基地 `{name}` 需要 `production_share`（日产量比例）",
    }
    SC_ONLY_BASE_SHARE {
        en: "only a production_base has a production_share",
        zh: "只有 production_base（生产基地）有 production_share",
    }
    SC_ONLY_REGION_LEAD {
        en: "only an other_region has a lead_time_hours",
        zh: "只有 other_region（外地）有 lead_time_hours",
    }
    SC_STORE_TWICE {
        en: "store `{name}` is listed twice",
        zh: "门店 `{name}` 重复列出",
    }
    SC_STORE_PLACE {
        en: "place `{place}` of store `{name}` is not listed in [[places]]",
        zh: "门店 `{name}` 的地点 `{place}` 没有在 [[places]] 中列出",
    }
    SC_STORE_LEVEL {
        en: "a store stands in a street, community or compound",
        zh: "门店必须位于乡镇(街道)、村(居)或小区",
    }
    SC_STORE_NO_SUPPLIER {
        en: "store `{name}` has no supplier",
        zh: "门店 `{name}` 没有供货方",
    }
    SC_STORE_SUPPLIER_KIND {
        en: "supplier `{supplier}` of store `{name}` is not a warehouse or wholesale market",
        zh: "门店 `{name}` 的供货方 `{supplier}` 不是仓库或批发市场",
    }
    SC_STORE_SUPPLIER_NOT_LISTED {
        en: "supplier `{supplier}` of store `{name}` is not listed in [[suppliers]]",
        zh: "门店 `{name}` 的供货方 `{supplier}` 没有在 [[suppliers]] 中列出",
    }
    SC_NO_DISTRICT {
        en: "the city has no district",
        zh: "城市没有县(区)",
    }
    SC_NO_BUILDING {
        en: "the city has no building: list places with level = \"building\" and residents",
        zh: "城市没有楼栋：请列出 level = \"building\" 并带 residents 的地点",
    }
    SC_COMPOUND_EMPTY {
        en: "compound `{name}` has no building",
        zh: "小区 `{name}` 没有楼栋",
    }
    SC_NO_STORE {
        en: "the city has no store: list at least one [[stores]]",
        zh: "城市没有门店：请至少列出一个 [[stores]]",
    }
    SC_NO_DEPOT {
        en: "the city has no warehouse or wholesale market to restock its stores",
        zh: "城市没有给门店补货的仓库或批发市场",
    }
    SC_UNKNOWN_GOODS {
        en: "unknown goods category `{name}`; the scenario has: {names}",
        zh: "未知的商品类别 `{name}`；情景中的类别有：{names}",
    }
    SC_PARENT_LEVEL {
        en: "a {level} must be inside a {want}, but `{parent}` is a {got}",
        zh: "{level} 必须位于 {want} 之内，但 `{parent}` 是 {got}",
    }

    // ---- sweeps and --set/--grid
    OV_NOT_SETTABLE {
        en: "{origin}: `{key}` is not a setting that can be changed{why}",
        zh: "{origin}：`{key}` 不是可以修改的设置{why}",
    }
    OV_VALID_KEYS {
        en: "valid keys:\n{valid}",
        zh: "可用的键：\n{valid}",
    }
    OV_WHY_SEED {
        en: "; the seed is the sweep's own (--seed), common to every setting",
        zh: "；随机种子属于扫描本身（--seed），各设置共用",
    }
    OV_WHY_SEED_RUN {
        en: "; the seed is not a setting of the scenario: give it as `--seed {seed}`",
        zh: "；随机种子不是情景的设置：请用 `--seed {seed}` 给出",
    }
    OV_WHY_SEED_VALIDATE {
        en: "; the checks of validate do not depend on the seed: give it to a run as `baogong run --seed {seed}`, or write `seed = {seed}` under [scenario]",
        zh: "；validate 的检查与随机种子无关：运行时请用 `baogong run --seed {seed}` 给出，或在 [scenario] 中写 `seed = {seed}`",
    }
    OV_WHY_NAME {
        en: "; it only names the scenario",
        zh: "；它只是情景的名称或说明",
    }
    OV_DID_YOU_MEAN {
        en: "; did you mean `{k}`?",
        zh: "；是否想写 `{k}`？",
    }
    OV_EMPTY_VALUE {
        en: "--grid {arg}: an empty value; write the values separated by commas, KEY=V1,V2",
        zh: "--grid {arg}：有空值；请用逗号分隔各个值，KEY=V1,V2",
    }
    OV_BAD_FORM {
        en: "{flag} {arg}: expected {form}, for example {flag} plan.point_riders=12",
        zh: "{flag} {arg}：格式应为 {form}，例如 {flag} plan.point_riders=12",
    }
    OV_NO_PARSE {
        en: "the scenario does not parse: {e}",
        zh: "情景文件无法解析：{e}",
    }
    OV_NOT_TOML {
        en: "{origin}: `{value}` is not a TOML value; quote text as \"...\"",
        zh: "{origin}：`{value}` 不是 TOML 值；文字请加引号 \"...\"",
    }
    OV_CANNOT_SET {
        en: "{origin} {set}: {why}",
        zh: "{origin} {set}：{why}",
    }
    OV_EMPTY_KEY {
        en: "an empty key",
        zh: "键为空",
    }
    OV_NOT_A_TABLE {
        en: "`{walked}` is not a table in this scenario",
        zh: "`{walked}` 在这个情景中不是表",
    }
    SW_LIST_OF_VALUES {
        en: "expected a non-empty list of values, such as [1, 2, 3]",
        zh: "应为非空的取值列表，如 [1, 2, 3]",
    }
    SW_VALUE_TWICE {
        en: "{origin}: `{k}` lists the value {v} twice",
        zh: "{origin}：`{k}` 重复列出了取值 {v}",
    }
    SW_NEEDS_NAME {
        en: "a setting needs a name",
        zh: "设置需要一个名称",
    }
    SW_NAMED_TWICE {
        en: "two settings are named `{name}`",
        zh: "有两个设置都叫 `{name}`",
    }
    SW_TOO_MANY_SETTINGS {
        en: "the sweep has {n} settings; at most {max} are allowed",
        zh: "扫描有 {n} 个设置；最多允许 {max} 个",
    }
    SW_AT_LEAST_ONE {
        en: "must be at least 1",
        zh: "至少为 1",
    }
    SW_REPLICATIONS_ONE {
        en: "--replications must be at least 1",
        zh: "--replications 至少为 1",
    }
    SW_NO_SUCH_BASELINE {
        en: "no setting is labelled `{b}`; the settings are: {labels}",
        zh: "没有标签为 `{b}` 的设置；设置有：{labels}",
    }
    SW_FLAG_BASELINE {
        en: "--baseline: {m}",
        zh: "--baseline：{m}",
    }
    // ---- scenario/dist.rs: distributions ({ dist = "uniform", min = 1, max = 2 })
    DIST_NON_NEGATIVE {
        en: "must be a number >= 0, not {v}",
        zh: "必须是大于或等于 0 的数，而不是 {v}",
    }
    DIST_KEY_NON_NEGATIVE {
        en: "`{name}` must be a number >= 0, not {v}",
        zh: "`{name}` 必须是大于或等于 0 的数，而不是 {v}",
    }
    DIST_NEEDS {
        en: "a {dist} distribution needs `{name}`",
        zh: "{dist} 分布需要 `{name}`",
    }
    DIST_TAKES_NO {
        en: "a {dist} distribution takes no `{name}`",
        zh: "{dist} 分布没有 `{name}` 这个键",
    }
    DIST_MIN_ABOVE_MAX {
        en: "`min` ({lo}) is larger than `max` ({hi})",
        zh: "`min`（{lo}）大于 `max`（{hi}）",
    }
    DIST_MIN_MODE_MAX {
        en: "needs min <= mode <= max, not {lo}, {mode}, {hi}",
        zh: "需要 min <= mode <= max，而不是 {lo}、{mode}、{hi}",
    }
    DIST_LOGNORMAL_MEAN {
        en: "a lognormal distribution needs `mean` > 0",
        zh: "lognormal（对数正态）分布需要 `mean` > 0",
    }
    DIST_BAD {
        en: "bad {dist} distribution: {e}",
        zh: "{dist} 分布无效：{e}",
    }
    DIST_UNKNOWN {
        en: "unknown distribution `{other}`; use uniform, exponential, triangular or lognormal",
        zh: "未知的分布 `{other}`；可用 uniform（均匀）、exponential（指数）、triangular（三角）或 lognormal（对数正态）",
    }

    // ---- sweep/files.rs: merging the shards of a sweep
    MG_NO_SHARDS {
        en: "no shard directories given",
        zh: "没有给出分片目录",
    }
    MG_CANNOT_READ_MANIFEST {
        en: "{path}: cannot read it ({e}); is {dir} the output of `baogong sweep --shard`?",
        zh: "{path}：无法读取（{e}）；{dir} 是 `baogong sweep --shard` 的输出目录吗？",
    }
    MG_NOT_A_MANIFEST {
        en: "{path}: not a sweep manifest: {e}",
        zh: "{path}：不是扫描清单文件：{e}",
    }
    MG_FORMAT {
        en: "{path}: file layout {format} is not this version's ({want})",
        zh: "{path}：文件格式版本 {format} 与本程序的（{want}）不同",
    }
    MG_CANNOT_READ_ROWS {
        en: "{path}: cannot read it ({e})",
        zh: "{path}：无法读取（{e}）",
    }
    MG_AT {
        en: "{at}: {e}",
        zh: "{at}：{e}",
    }
    MG_COLUMNS {
        en: "{path}: its columns do not match its sweep.json",
        zh: "{path}：列与同一目录的 sweep.json 不一致",
    }
    MG_NOT_WHOLE_NUMBER {
        en: "{at}: column `{column}`: `{value}` is not a whole number",
        zh: "{at}：列 `{column}`：`{value}` 不是非负整数",
    }
    MG_NOT_A_NUMBER {
        en: "{at}: column `{column}`: `{value}` is not a number",
        zh: "{at}：列 `{column}`：`{value}` 不是数",
    }
    MG_NOT_ITS_ROW {
        en: "{at}: setting {setting}, replication {replication} does not belong to this shard of the sweep",
        zh: "{at}：设置 {setting} 的第 {replication} 次重复不属于扫描的这个分片",
    }
    MG_WHOLE_SWEEP {
        en: "{dir} holds a whole sweep, not a shard; there is nothing to merge",
        zh: "{dir} 是一次完整扫描的结果，不是分片；无需合并",
    }
    MG_DIFFERENT_SWEEPS {
        en: "{a} and {b} are shards of different sweeps (scenario, seed, replications, settings or version differ)",
        zh: "{a} 和 {b} 是不同扫描的分片（情景、随机种子、重复次数、设置或版本不同）",
    }
    MG_SHARD_COUNTS {
        en: "{dir} is one of {n} shards but {first} is one of {first_n}",
        zh: "{dir} 是 {n} 个分片之一，而 {first} 是 {first_n} 个分片之一",
    }
    MG_SHARD_TWICE {
        en: "shard {k}/{n} is given twice: {a} and {b}",
        zh: "第 {k}/{n} 分片给了两次：{a} 和 {b}",
    }
    MG_INCOMPLETE {
        en: "the set of shards is incomplete: missing {missing}",
        zh: "分片不全：缺少 {missing}",
    }
    MG_ROWS {
        en: "{dir}: replications.csv has {rows} rows ({distinct} distinct) but its shard has {want} replications; the shard is incomplete or damaged",
        zh: "{dir}：replications.csv 有 {rows} 行（其中 {distinct} 行互不相同），而该分片应有 {want} 次重复；分片不完整或已损坏",
    }

    FROM_OVERRIDE {
        en: "{message} (from {origin} {set})",
        zh: "{message}（来自 {origin} {set}）",
    }

    MG_SHARD_RANGE {
        en: "{path}: shard {k} of {n} is impossible (a shard is 1 to n of n ≥ 1)",
        zh: "{path}：第 {k}/{n} 分片不成立（分片序号应为 1 到 n，且 n ≥ 1）",
    }
    MG_BASELINE_RANGE {
        en: "{path}: baseline {baseline} is not one of its {settings} settings",
        zh: "{path}：基准 {baseline} 不在它的 {settings} 个设置之中",
    }
    MG_COUNTS {
        en: "{path}: {settings} setting(s) × {replications} replications is not a sweep baogong can merge (at least 1 of each, at most {max} settings and 2^63 pairs)",
        zh: "{path}：{settings} 个设置 × {replications} 次重复不是可以合并的扫描（各至少 1 个，设置至多 {max} 个，组合至多 2^63 个）",
    }
    MG_OTHER_COLUMNS {
        en: "{path}: its columns are not those of this version of baogong; merge it with the version that made it",
        zh: "{path}：其列与本版本 baogong 的不同；请用生成它的版本合并",
    }
    MG_TOO_LARGE {
        en: "{path}: larger than any sweep.json baogong writes",
        zh: "{path}：比 baogong 写出的任何 sweep.json 都大",
    }
    MG_VALUE_TOO_LARGE {
        en: "{at}: column `{column}`: {value} is larger than any value a run writes (at most {max} in size); the file was changed after the sweep wrote it",
        zh: "{at}：列 `{column}`：{value} 超出任何运行所能写出的值（绝对值最多 {max}）；该文件在扫描写出后被改动过",
    }
    MG_NOT_FINITE {
        en: "{at}: column `{column}`: `{value}` is not a finite number",
        zh: "{at}：列 `{column}`：`{value}` 不是有限的数",
    }
    MG_BREACH {
        en: "{at}: setting {setting} (`{label}`), replication {replication} broke the model's invariants {n} time(s); its results cannot be trusted and are not merged",
        zh: "{at}：设置 {setting}（`{label}`）的第 {replication} 次重复违反模型不变量 {n} 次；其结果不可信，不予合并",
    }
    MG_ENDS_EARLY {
        en: "{path}: ends before setting {setting}, replication {replication}; the shard is incomplete or damaged",
        zh: "{path}：在设置 {setting} 的第 {replication} 次重复之前就结束了；分片不完整或已损坏",
    }
    MG_EXTRA_ROWS {
        en: "{at}: a row beyond the replications of its shard; the shard is damaged",
        zh: "{at}：超出该分片重复次数的多余行；分片已损坏",
    }
    MG_WRONG_ROW {
        en: "{at}: setting {setting}, replication {replication}, where setting {want_setting}, replication {want_replication} was expected; rows missing, repeated or out of order",
        zh: "{at}：此处是设置 {setting} 的第 {replication} 次重复，应为设置 {want_setting} 的第 {want_replication} 次重复；有行缺失、重复或顺序错乱",
    }
    MG_MORE_SHARDS {
        en: "the set of shards is incomplete: the sweep has {n} shards and {given} are given (missing {missing})",
        zh: "分片不全：该扫描共 {n} 个分片，只给了 {given} 个（缺少 {missing}）",
    }

    // ---- sweep bounds
    SW_GRID_KEY_TWICE {
        en: "--grid gives `{k}` twice; give each key once, with all its values: --grid {k}=V1,V2,V3",
        zh: "--grid 两次给出 `{k}`；每个键只给一次，并列出其全部取值：--grid {k}=V1,V2,V3",
    }
    SW_REPLICATIONS_MAX {
        en: "{r} replications per setting; at most {max}",
        zh: "每个设置 {r} 次重复运行；最多 {max} 次",
    }
    SW_REPLICATIONS_MAX_ARG {
        en: "--replications {r}: at most {max} replications per setting",
        zh: "--replications {r}：每个设置最多 {max} 次重复运行",
    }
    SW_TOO_MANY_RUNS {
        en: "{settings} setting(s) × {replications} replications = {runs} runs; at most {max} in one sweep (split it with --shard, or give fewer replications)",
        zh: "{settings} 个设置 × {replications} 次重复 = {runs} 次运行；一次扫描最多 {max} 次（可用 --shard 拆分，或减少重复次数）",
    }

    // ---- scenario/hints.rs: the TOML reader's errors in a planner's words
    SC_FULL_WIDTH {
        en: "`{ch}` is a {name} from a Chinese keyboard: write the half-width `{half}` instead",
        zh: "`{ch}` 是{name}（中文输入法）：请改为半角的 `{half}`",
    }
    SC_TYPE_EXAMPLE { en: ", for example `{leaf} = {v}`", zh: "，例如 `{leaf} = {v}`" }
    SC_TYPE_WHOLE {
        en: "`{leaf}` takes a whole number{unit} without a unit or quotes, not {got}{eg}",
        zh: "`{leaf}` 应为整数{unit}，不带单位、不加引号，而不是 {got}{eg}",
    }
    SC_TYPE_NOT_WHOLE {
        en: "`{leaf}` takes a whole number, without a decimal point, not {got}{eg}",
        zh: "`{leaf}` 应为整数，不带小数点，而不是 {got}{eg}",
    }
    SC_TYPE_NUMBER {
        en: "`{leaf}` takes a number{unit} without a unit or quotes, not {got}{eg}",
        zh: "`{leaf}` 应为数值{unit}，不带单位、不加引号，而不是 {got}{eg}",
    }
    SC_TYPE_BOOL {
        en: "`{leaf}` takes `true` or `false`, without quotes",
        zh: "`{leaf}` 应为 `true`（是）或 `false`（否），不加引号",
    }
    SC_TYPE_TEXT {
        en: "`{leaf}` takes a text in straight double quotes, for example `{leaf} = \"鼓楼区\"`",
        zh: "`{leaf}` 应为用半角双引号括起的文字，例如 `{leaf} = \"鼓楼区\"`",
    }
    SC_TYPE_NOT_ARRAY {
        en: "`{leaf}` is one table: write `[{leaf}]`, not `[[{leaf}]]`",
        zh: "`{leaf}` 是单个表：请写 `[{leaf}]`，而不是 `[[{leaf}]]`",
    }
    SC_TYPE_ARRAY {
        en: "`{leaf}` is a list of tables: write each one as `[[{leaf}]]`, not `[{leaf}]`",
        zh: "`{leaf}` 是表的列表：每一项请写作 `[[{leaf}]]`，而不是 `[{leaf}]`",
    }
    SC_HEADER_UNCLOSED {
        en: "unclosed table header: write `{fix}`",
        zh: "表头缺少右方括号：请写 `{fix}`",
    }
    SC_HEADER_FIX {
        en: "a table header is a line of its own, `[name]`, or `[[name]]` for each entry of a list: write `{fix}`",
        zh: "表头应单独成行，写作 `[名称]`，列表的每一项写作 `[[名称]]`：请写 `{fix}`",
    }
    SC_HEADER_FULL_WIDTH {
        en: "`{ch}` is a {name} from a Chinese keyboard: write the table header in half-width characters, `{fix}`",
        zh: "`{ch}` 是{name}（中文输入法）：表头请用半角字符，写作 `{fix}`",
    }
    SC_HEADER_UNREAD {
        en: "{detail}; a table header is `[name]`, or `[[name]]` for each entry of a list: the keys under this one, up to the next header, are not read",
        zh: "{detail}；表头应写作 `[名称]`，列表的每一项写作 `[[名称]]`：此表头之下直到下一个表头的键均未读取",
    }
}
