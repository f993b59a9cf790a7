//! Errors in scenario files, `--set` and `--grid`, sweeps and merges.

crate::catalogue! {
    SCENARIO_ERROR { en: "{at}: {message}", zh: "{at}：{message}" }
    SCENARIO_ERROR_KEY { en: "{at}: key `{key}`: {message}", zh: "{at}：键 `{key}`：{message}" }
    SETTING_ERROR { en: "setting `{label}`: {error}", zh: "设置 `{label}`：{error}" }
}
