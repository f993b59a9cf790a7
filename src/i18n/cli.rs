//! The command line: help of every command and option, its messages and
//! errors, `validate`'s output, the sweep table, `scenarios` and `init`.

crate::catalogue! {
    N_SUPPLIERS { en: "{n} supplier(s)", zh: "{n} 家直接供货商" }
    ERROR_LINE { en: "error: {msg}", zh: "错误：{msg}" }
    ERROR_CAUSE { en: "{context}: {cause}", zh: "{context}：{cause}" }

    // ---- help: commands
    HELP_ABOUT {
        en: "baogong 保供: simulate and drill a city's emergency supply of daily necessities when an epidemic forces closures.",
        zh: "baogong 保供：模拟和演练疫情封控时城市生活必需品的应急保供。",
    }
    HELP_RUN {
        en: "Run one scenario (the built-in default if none is given) and report what happened",
        zh: "运行一个情景（不指定时运行内置默认情景）并报告结果",
    }
    HELP_VALIDATE {
        en: "Check a scenario file and print the resolved scenario, without running it",
        zh: "检查情景文件并显示解析后的情景，不运行",
    }
    HELP_SWEEP {
        en: "Run many seeded replications of several plan settings in parallel and compare them",
        zh: "并行运行多个预案设置的多次重复模拟，并与基准比较",
    }
    HELP_MERGE {
        en: "Combine the outputs of `sweep --shard K/N` into the files one whole sweep writes",
        zh: "把 `sweep --shard K/N` 各分片的输出合并为一次完整扫描的文件",
    }
    HELP_SCENARIOS {
        en: "List the scenarios built into the program, with their descriptions",
        zh: "列出程序内置的情景及其说明",
    }
    HELP_INIT {
        en: "Write a commented starter scenario to FILE (a generated city; with --listed a small listed one)",
        zh: "写出一个带注释的入门情景文件（按参数生成的城市；加 --listed 则为逐一列出的小城市）",
    }
    HELP_HELP_COMMAND {
        en: "Print this message or the help of the given command",
        zh: "显示本帮助或指定命令的帮助",
    }
    HELP_MORE {
        en: "Start with `baogong run`; `baogong COMMAND --help` explains a command.",
        zh: "入门：`baogong run`；`baogong 命令 --help` 查看某个命令的说明。",
    }
    HELP_USAGE { en: "Usage:", zh: "用法：" }
    HELP_COMMANDS { en: "Commands", zh: "命令" }
    HELP_COMMAND_VALUE { en: "COMMAND", zh: "命令" }
    HELP_ARGUMENTS { en: "Arguments", zh: "参数" }
    HELP_OPTIONS { en: "Options", zh: "选项" }
    HELP_OPTIONS_USAGE { en: "[OPTIONS]", zh: "[选项]" }

    // ---- help: options
    HELP_LANG {
        en: "Language of reports, tables and messages: en or zh. By default, from LC_ALL, LC_MESSAGES or LANG (zh_* gives Chinese)",
        zh: "报告、表格和提示的语言：en（英文）或 zh（中文）。默认依据 LC_ALL、LC_MESSAGES 或 LANG（zh_* 为中文）",
    }
    HELP_HELP { en: "Print help", zh: "显示帮助" }
    HELP_VERSION { en: "Print version", zh: "显示版本" }
    HELP_RUN_SCENARIO {
        en: "Scenario: a TOML file, or the name of a built-in scenario (see `baogong scenarios`). Without it, the built-in default runs",
        zh: "情景：TOML 文件，或内置情景的名称（见 `baogong scenarios`）。不指定时运行内置默认情景",
    }
    HELP_RUN_SEED {
        en: "Master seed. By default, the scenario's `[scenario] seed`",
        zh: "主随机种子。默认取情景的 `[scenario] seed`",
    }
    HELP_RUN_REPLICATION {
        en: "Replication index: with the seed, it fixes every random draw. By default, 0",
        zh: "重复编号：与随机种子一起确定全部随机抽样。默认 0",
    }
    HELP_RUN_OUT {
        en: "Directory for report.txt, report.html, daily.csv, closures.csv, closure_days.csv and costs.csv",
        zh: "输出目录：写入 report.txt、report.html、daily.csv、closures.csv、closure_days.csv 和 costs.csv",
    }
    HELP_RUN_FORMAT {
        en: "Report on standard output: text (a readable report, the default) or json",
        zh: "屏幕输出格式：text（可读报告，默认）或 json",
    }
    HELP_RUN_TRACE {
        en: "Also write events.csv, every event processed (needs --out)",
        zh: "另写 events.csv，记录处理的每个事件（需要 --out）",
    }
    HELP_RUN_SET {
        en: "Change one setting, KEY=VALUE (plan.point_riders=12); repeat for more",
        zh: "修改一项设置，格式 KEY=VALUE（如 plan.point_riders=12）；可重复使用",
    }
    HELP_RUN_ALL {
        en: "List every closure and every line of the timeline (by default, when there are many closures, a summary per level and the worst few)",
        zh: "列出全部封控和全部时间线（默认在封控较多时按层级汇总，只列最严重的几处）",
    }
    HELP_SWEEP_SCENARIO {
        en: "Scenario: a TOML file, possibly with a [sweep] table, or a built-in scenario's name. Without it, the built-in default",
        zh: "情景：TOML 文件（可含 [sweep] 表），或内置情景的名称。不指定时用内置默认情景",
    }
    HELP_SWEEP_REPLICATIONS {
        en: "Replications per setting. By default, [sweep] replications, or 100",
        zh: "每个设置的重复次数。默认取 [sweep] 的 replications，或 100",
    }
    HELP_SWEEP_GRID {
        en: "Sweep a setting over values, KEY=V1,V2,... (plan.green_channel=true,false); repeat for a cross product",
        zh: "让一项设置取多个值，格式 KEY=V1,V2,...（如 plan.green_channel=true,false）；重复使用得到全部组合",
    }
    HELP_SWEEP_SET {
        en: "Change one setting in every swept setting, KEY=VALUE; repeat for more",
        zh: "在所有比较的设置中修改一项设置，格式 KEY=VALUE；可重复使用",
    }
    HELP_SWEEP_SEED {
        en: "Master seed, common to every setting. By default, the scenario's",
        zh: "主随机种子，各设置共用。默认取情景中的种子",
    }
    HELP_SWEEP_BASELINE {
        en: "Label of the setting the others are compared with (or the start of labels). By default, the [sweep] table's baseline, or the first setting",
        zh: "作为比较基准的设置标签（或标签开头）。默认取 [sweep] 表的 baseline，或第一个设置",
    }
    HELP_SWEEP_THREADS {
        en: "Worker threads. By default, SLURM_CPUS_PER_TASK inside a Slurm job that sets it, else all cores; at most 1024",
        zh: "工作线程数。默认：在设置了 SLURM_CPUS_PER_TASK 的 Slurm 作业中取其值，否则使用全部处理器核心；最多 1024",
    }
    HELP_SWEEP_OUT {
        en: "Directory for sweep.json, replications.csv, summary.csv, summary.svg and summary.xlsx",
        zh: "输出目录：写入 sweep.json、replications.csv、summary.csv、summary.svg 和 summary.xlsx",
    }
    HELP_SWEEP_SHARD {
        en: "Run only shard K of N (K = 1..N) of the (setting, replication) pairs; merge the shard directories with `baogong merge`. `auto`: the share of this task of a Slurm job array",
        zh: "只运行（设置，重复）组合的第 K 个分片，共 N 片（K = 1..N）；再用 `baogong merge` 合并各分片目录。`auto`：取 Slurm 作业数组中本任务的分片",
    }
    HELP_MERGE_SHARDS {
        en: "Output directories of `sweep --shard K/N`, one per shard",
        zh: "`sweep --shard K/N` 的输出目录，每个分片一个",
    }
    HELP_MERGE_OUT { en: "Directory for the merged files", zh: "合并后文件的输出目录" }
    HELP_VALIDATE_SCENARIO {
        en: "Scenario: a TOML file, or the name of a built-in scenario",
        zh: "情景：TOML 文件，或内置情景的名称",
    }
    HELP_INIT_FILE {
        en: "The scenario file to write; an existing file is never overwritten",
        zh: "要写出的情景文件；不会覆盖已有文件",
    }
    HELP_INIT_LISTED {
        en: "A small city listed place by place (district, street, community, compounds, buildings) instead of a generated one",
        zh: "逐一列出地点（县(区)、乡镇(街道)、村(居)、小区、楼栋）的小城市，而不是按参数生成的城市",
    }
    HELP_HELP_SUBCOMMAND {
        en: "The command to explain",
        zh: "要查看说明的命令",
    }

    // ---- clap's errors, in Chinese (English keeps clap's own)
    CLAP_UNKNOWN_ARGUMENT { en: "unexpected argument '{arg}'", zh: "无法识别的参数 '{arg}'" }
    CLAP_INVALID_SUBCOMMAND { en: "unrecognized command '{command}'", zh: "没有命令 '{command}'" }
    CLAP_INVALID_VALUE { en: "invalid value '{value}' for '{arg}'", zh: "'{arg}' 的值 '{value}' 无效" }
    CLAP_POSSIBLE_VALUES { en: "possible values: {values}", zh: "可用的值：{values}" }
    CLAP_VALUE_VALIDATION {
        en: "invalid value '{value}' for '{arg}': {reason}",
        zh: "'{arg}' 的值 '{value}' 无效（{reason}）",
    }
    CLAP_NOT_A_NUMBER { en: "not a whole number", zh: "不是非负整数" }
    CLAP_TOO_LARGE { en: "number too large", zh: "数值太大" }
    CLAP_EMPTY { en: "empty", zh: "为空" }
    CLAP_OUT_OF_RANGE { en: "out of range: {detail}", zh: "超出范围：{detail}" }
    CLAP_VALUE_REQUIRED { en: "a value is required for '{arg}'", zh: "'{arg}' 需要一个值" }
    CLAP_MISSING_REQUIRED {
        en: "the following required arguments were not provided: {args}",
        zh: "缺少必需的参数：{args}",
    }
    CLAP_MISSING_COMMAND { en: "a command is required", zh: "需要指定一个命令" }
    CLAP_CONFLICT {
        en: "the argument '{arg}' cannot be used with '{other}'",
        zh: "参数 '{arg}' 不能与 '{other}' 一起使用",
    }
    CLAP_MULTIPLE {
        en: "the argument '{arg}' cannot be used multiple times",
        zh: "参数 '{arg}' 不能重复使用",
    }
    CLAP_TOO_MANY_VALUES { en: "unexpected value '{value}' for '{arg}'", zh: "'{arg}' 多出了值 '{value}'" }
    CLAP_OTHER { en: "invalid command line: {detail}", zh: "命令行有误：{detail}" }
    CLAP_DID_YOU_MEAN { en: "did you mean '{suggestion}'?", zh: "是否想输入 '{suggestion}'？" }
    CLAP_TRY_HELP { en: "For more information, try '{flag}'.", zh: "更多信息请用 '{flag}'。" }

    // ---- run and sweep
    PROGRESS_RUN {
        en: "{elapsed_precise} [{bar:40}] day {pos}/{len}, {eta} left",
        zh: "{elapsed_precise} [{bar:40}] 第 {pos}/{len} 天，约剩 {eta}",
    }
    PROGRESS_SWEEP {
        en: "{elapsed_precise} [{bar:40}] {pos}/{len} replications, {per_sec}, {eta} left",
        zh: "{elapsed_precise} [{bar:40}] {pos}/{len} 次重复，{per_sec}，约剩 {eta}",
    }
    CANNOT_RENDER_CSV { en: "cannot render the CSV files", zh: "无法生成 CSV 文件" }
    CANNOT_RENDER_SWEEP { en: "cannot render the sweep's files", zh: "无法生成扫描结果文件" }
    CANNOT_WRITE_RESULTS { en: "cannot write the results to {dir}", zh: "无法把结果写入 {dir}" }
    DEST_IS_DIRECTORY { en: "{path} is a directory", zh: "{path} 是一个目录" }
    CANNOT_WRITE_STDOUT { en: "cannot write to standard output", zh: "无法写入标准输出" }
    CANNOT_START_THREADS { en: "cannot start the worker threads", zh: "无法启动工作线程" }
    BUILT_IN_SOURCE { en: "<built-in {name}.toml>", zh: "<内置情景 {name}.toml>" }
    NO_SUCH_SCENARIO {
        en: "{file}: no such file, and no built-in scenario of that name; the built-in scenarios are: {names} (see `baogong scenarios`)",
        zh: "{file}：没有这个文件，也没有同名的内置情景；内置情景有：{names}（见 `baogong scenarios`）",
    }
    BAD_SHARD {
        en: "--shard {shard}: expected K/N with 1 ≤ K ≤ N, for example --shard 2/4, or auto in a Slurm job array",
        zh: "--shard {shard}：应为 K/N，且 1 ≤ K ≤ N，例如 --shard 2/4；在 Slurm 作业数组中也可用 auto",
    }
    SHARD_DONE {
        en: "shard {k}/{n} of `{scenario}`: {done} of {all} replications, written to {dir}",
        zh: "`{scenario}` 的第 {k}/{n} 分片：完成 {all} 次重复中的 {done} 次，已写入 {dir}",
    }
    SHARD_MERGE_HINT {
        en: "merge all {n} shard directories with `baogong merge SHARD_DIR... --out DIR`",
        zh: "全部 {n} 个分片完成后，用 `baogong merge 分片目录... --out 目录` 合并",
    }
    SWEEP_FILES_IN {
        en: "files: sweep.json, replications.csv, summary.csv, summary.svg, summary.xlsx in {dir}",
        zh: "文件：sweep.json、replications.csv、summary.csv、summary.svg、summary.xlsx，位于 {dir}",
    }
    MERGED {
        en: "merged {n} shards; files: sweep.json, replications.csv, summary.csv, summary.svg, summary.xlsx in {dir}",
        zh: "已合并 {n} 个分片；文件：sweep.json、replications.csv、summary.csv、summary.svg、summary.xlsx，位于 {dir}",
    }
    INVARIANTS_BROKEN {
        en: "{n} replication(s) broke the model's own invariants (see the invariant_breaches column); this is a bug in baogong, please report it with the scenario",
        zh: "{n} 次重复违反了模型自身的不变量（见 invariant_breaches 列）；这是 baogong 的缺陷，请连同情景文件一起报告",
    }

    // ---- the sweep table
    SWEEP_TITLE {
        en: "sweep of `{scenario}`: {settings} setting(s) × {replications} replications, common random numbers",
        zh: "`{scenario}` 的扫描：{settings} 个设置 × 每个 {replications} 次重复，采用共同随机数",
    }
    SWEEP_LEGEND {
        en: "score: lower is better; mean ± 95% CI half-width; vs baseline: paired difference ± 95% CI (better, worse, or no clear difference); outcomes: means",
        zh: "评分越低越好；均值 ± 95% 置信区间半宽；与基准比较：配对差值 ± 95% 置信区间（更好、更差或无明显差别）；各指标为均值",
    }
    SWEEP_COL_RANK { en: "rank", zh: "名次" }
    SWEEP_COL_SETTING { en: "setting", zh: "设置" }
    SWEEP_COL_SCORE { en: "score", zh: "评分" }
    SWEEP_COL_VS_BASELINE { en: "vs baseline", zh: "与基准比较" }
    SWEEP_COL_SHORTAGE { en: "shortage person-days", zh: "短缺人日" }
    SWEEP_COL_FIRST_GOODS { en: "hours to first goods", zh: "首批物资（小时）" }
    SWEEP_COL_COST { en: "cost 10,000 yuan", zh: "支出（万元）" }

    // ---- validate
    VALIDATE_OK { en: "{file}: valid", zh: "{file}：有效" }
    WARN_STORE_NO_SHOPPERS {
        en: "warning: no building shops at store `{store}` (in `{place}`): every building near it has a nearer store, so it sells nothing (it can still be designated a supplier)",
        zh: "警告：没有楼栋在门店「{store}」（位于「{place}」）购物：附近每栋楼都有更近的门店，它不会有销售（仍可被指定为直接供货商）",
    }
    VALIDATE_SCENARIO {
        en: "scenario `{name}`: {days} days, seed {seed}",
        zh: "情景 `{name}`：{days} 天，随机种子 {seed}",
    }
    VALIDATE_CITY {
        en: "city: {population} residents; {districts} districts, {streets} streets, {communities} communities, {compounds} compounds, {buildings} buildings, {sites} sites",
        zh: "城市：{population} 名居民；{districts} 个县(区)、{streets} 个乡镇(街道)、{communities} 个村(居)、{compounds} 个小区、{buildings} 栋楼栋、{sites} 个单位(场所)",
    }
    VALIDATE_STORES {
        en: "stores (key supply enterprises): {stores}",
        zh: "重点保供企业门店：{stores} 家",
    }
    VALIDATE_SUPPLIERS { en: "suppliers:", zh: "供货方：" }
    VALIDATE_COL_NAME { en: "name", zh: "名称" }
    VALIDATE_COL_KIND { en: "kind", zh: "类型" }
    VALIDATE_COL_DISTRICT { en: "district", zh: "县(区)" }
    VALIDATE_COL_STAFF { en: "staff", zh: "员工" }
    VALIDATE_COL_TRUCKS { en: "trucks", zh: "货车" }
    VALIDATE_GOODS { en: "goods:", zh: "商品：" }
    VALIDATE_COL_KEY { en: "key", zh: "键" }
    VALIDATE_COL_LABEL { en: "label", zh: "名称" }
    VALIDATE_COL_NEED { en: "kg/person/day", zh: "千克/人/天" }
    VALIDATE_COL_SHELF_LIFE { en: "shelf life days", zh: "保质期（天）" }
    VALIDATE_COL_PRICE { en: "yuan/kg", zh: "元/千克" }
    VALIDATE_PLAN { en: "plan:", zh: "预案：" }
    VALIDATE_PLAN_SUPPLIERS {
        en: "  suppliers designated: {rule} (one per {per} residents within a range)",
        zh: "  直接供货商：{rule}（范围内每 {per} 名居民一家）",
    }
    VALIDATE_PLAN_POINTS {
        en: "  distribution points: {rule} (one per {per} residents within a range)",
        zh: "  应急投放点：{rule}（范围内每 {per} 名居民一个）",
    }
    VALIDATE_PLAN_DELAYS {
        en: "  decision delay {decision} h, set-up delay {setup} h, {riders} riders per point, hours {open}:00-{close}:00",
        zh: "  决策用时 {decision} 小时，开设用时 {setup} 小时，每个投放点 {riders} 名配送员，开放时间 {open}:00-{close}:00",
    }
    VALIDATE_PLAN_REPLENISH {
        en: "  replenishment {normal}/day, {response}/day in a response; reorder below {reorder} days",
        zh: "  补货频次：平时每天 {normal} 次，应急响应时每天 {response} 次；库存低于 {reorder} 天时补货",
    }
    VALIDATE_PLAN_GREEN {
        en: "  green channel {green} (saves {saving}% of checkpoint delay), vehicle passes {passes}",
        zh: "  绿色通道{green}（节省 {saving}% 的检查站滞留时间），车辆通行证{passes}",
    }
    VALIDATE_PLAN_TRANSFER {
        en: "  emergency transfer below {transfer} days (size {transfer_size} days); reserves below {reserve} days (size {reserve_size} days)",
        zh: "  库存低于 {transfer} 天时紧急调运（每次 {transfer_size} 天）；低于 {reserve} 天时投放储备（每次 {reserve_size} 天）",
    }
    VALIDATE_PLAN_PUBLICITY {
        en: "  publicity when panic > {panic} after {delay} h",
        zh: "  恐慌指数超过 {panic} 时，{delay} 小时后开展舆论宣传、辟谣",
    }
    VALIDATE_RESERVES { en: "reserve tiers:", zh: "储备层级：" }
    VALIDATE_RESERVE_TIER {
        en: "  {name}: {kg} kg of {goods}, {hours} h, {cost} yuan/kg",
        zh: "  {name}：{goods} {kg} 千克，{hours} 小时到位，{cost} 元/千克",
    }
    VALIDATE_EVENTS { en: "events:", zh: "事件：" }
    VALIDATE_SWEEP {
        en: "sweep: {settings} setting(s) × {replications} replications, baseline `{baseline}`:",
        zh: "扫描：{settings} 个设置 × 每个 {replications} 次重复，基准 `{baseline}`：",
    }

    // ---- scenarios and init
    SCENARIOS_TITLE {
        en: "Built-in scenarios (run one with `baogong run NAME`; a file of that name in the current directory wins):",
        zh: "内置情景（用 `baogong run 名称` 运行；当前目录下同名文件优先）：",
    }
    SCENARIOS_COL_NAME { en: "name", zh: "名称" }
    SCENARIOS_COL_DESCRIPTION { en: "what it tests", zh: "内容" }
    INIT_EXISTS {
        en: "{file} already exists; choose another name or remove it first (init never overwrites a file)",
        zh: "{file} 已存在；请换一个文件名或先删除它（init 不会覆盖已有文件）",
    }
    INIT_CANNOT_WRITE { en: "cannot write {file}", zh: "无法写入 {file}" }
    INIT_CANNOT_WRITE_WHY { en: "cannot write {file}: {e}", zh: "无法写入 {file}：{e}" }
    INIT_WROTE {
        en: "wrote {file}: {what}. Next: `baogong validate {file}`, then `baogong run {file}`.",
        zh: "已写出 {file}：{what}。下一步：`baogong validate {file}`，然后 `baogong run {file}`。",
    }
    INIT_GENERATED { en: "a generated city of 200,000 residents", zh: "按参数生成的 20 万人城市" }
    INIT_LISTED { en: "a small city listed place by place", zh: "逐一列出地点的小城市" }

    // ---- output folders, interruption and resumption
    CANNOT_WRITE_PATH { en: "cannot write {path}", zh: "无法写入 {path}" }
    OUT_NOT_A_FOLDER_NAME {
        en: "--out {dir}: not a name a folder can be given",
        zh: "--out {dir}：不能用作输出目录的名称",
    }
    OUT_IS_A_FILE {
        en: "--out {dir} is a file, not a folder",
        zh: "--out {dir} 是一个文件，不是目录",
    }
    OUT_BUSY {
        en: "--out {dir}: another baogong process is writing there now",
        zh: "--out {dir}：另一个 baogong 进程正在写入该目录",
    }
    OUT_HAS_JOURNAL {
        en: "--out {dir}: an interrupted sweep's finished replications are kept in {staging}; add --resume to continue it, or --force to discard it and start over",
        zh: "--out {dir}：一次被中断的扫描已完成的重复保存在 {staging}；加 --resume 继续该扫描，或加 --force 丢弃它重新开始",
    }
    OUT_NOT_EMPTY {
        en: "--out {dir} already holds files ({list}); choose another folder, or add --force to replace them",
        zh: "--out {dir} 中已有文件（{list}）；请换一个目录，或加 --force 替换它们",
    }
    OUT_NOT_EMPTY_SWEEP {
        en: "--out {dir} already holds files ({list}); choose another folder, add --force to replace them, or --resume to continue the sweep there",
        zh: "--out {dir} 中已有文件（{list}）；请换一个目录，加 --force 替换它们，或加 --resume 继续该目录中的扫描",
    }
    OUT_IS_INPUT {
        en: "--out {dir} would overwrite the input {input}; choose another folder",
        zh: "--out {dir} 会覆盖输入 {input}；请换一个目录",
    }
    INTERRUPTED_SWEEP {
        en: "interrupted: {done} of {all} replications are done and kept in {staging}",
        zh: "已中断：{all} 次重复中已完成 {done} 次，保存在 {staging}",
    }
    RESUME_WITH { en: "to continue, run:\n  {command}", zh: "继续运行请执行：\n  {command}" }
    INTERRUPTED_NO_OUT {
        en: "interrupted after {done} of {all} replications; without --out nothing is kept",
        zh: "在 {all} 次重复中完成 {done} 次后中断；未指定 --out，没有保留结果",
    }
    INTERRUPTED_RUN {
        en: "interrupted; nothing was written to {dir}",
        zh: "已中断；没有向 {dir} 写入任何文件",
    }
    INTERRUPTED { en: "interrupted", zh: "已中断" }
    RESUMING {
        en: "resuming: {done} of {all} replications were already done",
        zh: "继续扫描：{all} 次重复中已有 {done} 次完成",
    }
    ALREADY_COMPLETE {
        en: "{dir} already holds this sweep, complete; nothing to do",
        zh: "{dir} 中已是这次扫描的完整结果；无需再运行",
    }
    RESUME_OTHER_SWEEP {
        en: "--resume: {dir} holds another sweep (its {fields} differ); run that sweep's own command, choose another folder, or use --force to replace it",
        zh: "--resume：{dir} 中是另一次扫描（{fields} 不同）；请用那次扫描自己的命令，换一个目录，或用 --force 替换它",
    }
    RESUME_NOT_A_SWEEP {
        en: "--resume: {dir} holds files but no sweep of baogong ({e}); choose another folder, or use --force to replace them",
        zh: "--resume：{dir} 中有文件，但不是 baogong 的扫描结果（{e}）；请换一个目录，或用 --force 替换它们",
    }
    JOURNAL_CANNOT_READ {
        en: "cannot read the journal {path}",
        zh: "无法读取记录文件 {path}",
    }
    HELP_SWEEP_RESUME {
        en: "Continue the sweep interrupted in --out DIR: only the replications not yet done are run (starts afresh if there is none)",
        zh: "继续在 --out 目录中被中断的扫描：只运行尚未完成的重复（若没有被中断的扫描则从头开始）",
    }
    HELP_SWEEP_FORCE {
        en: "Replace the files in --out DIR (and an interrupted sweep's journal); they go only when the new files are ready",
        zh: "替换 --out 目录中的文件（以及被中断扫描的记录）；新文件全部就绪后才替换",
    }
    HELP_RUN_MAX_EVENTS {
        en: "Stop the run, with exit code 2, after N simulated events; a scenario whose estimate is above N is refused before it starts. By default, 200000000",
        zh: "模拟 N 个事件后停止运行（退出码 2）；预估事件数超过 N 的情景在开始前即被拒绝。默认 200000000",
    }
    HELP_MAX_MEMORY {
        en: "Refuse, with exit code 2, a scenario whose estimated memory is above SIZE (in MB, or with a unit: 512M, 2G). By default, the machine's memory",
        zh: "预估内存超过 SIZE 的情景被拒绝（退出码 2）；SIZE 以 MB 计，也可带单位：512M、2G。默认为本机内存",
    }
    RUN_TOO_MANY_EVENTS {
        en: "this scenario is estimated at {events} events per replication, more than the limit of {limit} (--max-events); give a larger --max-events if you mean it, or make the scenario smaller",
        zh: "该情景每次重复运行预计需模拟 {events} 个事件，超过上限 {limit}（--max-events）；如确需运行，请给出更大的 --max-events，或缩小情景",
    }
    RUN_TOO_MUCH_MEMORY {
        en: "this scenario is estimated to need {need} MB of memory{per}, more than the limit of {limit} MB ({origin}); make the scenario smaller or give a larger --max-memory",
        zh: "该情景预计需要 {need} MB 内存{per}，超过上限 {limit} MB（{origin}）；请缩小情景，或给出更大的 --max-memory",
    }
    RUN_MEMORY_PER_THREADS {
        en: " ({threads} replications at once, {each} MB each)",
        zh: "（同时运行 {threads} 次重复，每次 {each} MB）",
    }
    RUN_MEMORY_ORIGIN_MACHINE { en: "this machine's memory", zh: "本机内存" }
    RUN_MEMORY_ORIGIN_OPTION { en: "given by --max-memory", zh: "由 --max-memory 给出" }
    RUN_EVENT_BUDGET {
        en: "stopped after {events} events, at day {day} {time}, past the limit of --max-events; nothing was written. The scenario makes more work than expected (a closure that escalates to a whole city, say): give a larger --max-events if you mean it",
        zh: "已模拟 {events} 个事件（第 {day} 天 {time}），超过 --max-events 上限，运行停止，未写入任何文件。该情景的工作量超出预期（例如封控逐级升级至全市）；如确需运行，请给出更大的 --max-events",
    }
    BAD_MEMORY_SIZE {
        en: "--max-memory `{value}`: expected a size in MB, or with a unit (512M, 2G)",
        zh: "--max-memory `{value}`：应为以 MB 计的大小，或带单位（如 512M、2G）",
    }
    VALIDATE_ESTIMATE {
        en: "estimate for one replication: about {events} events, {mb} MB of memory (escalation not counted)",
        zh: "单次重复运行预估：约 {events} 个事件，内存 {mb} MB（不含封控升级）",
    }
    HELP_RUN_FORCE {
        en: "Replace the files in --out DIR; they go only when the new files are ready",
        zh: "替换 --out 目录中的文件；新文件全部就绪后才替换",
    }
    HELP_MERGE_FORCE {
        en: "Replace the files in --out DIR; they go only when the merged files are ready",
        zh: "替换 --out 目录中的文件；合并后的文件全部就绪后才替换",
    }
}
