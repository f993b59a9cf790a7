//! The languages of everything a user reads: reports, tables, charts,
//! messages and help. Chinese and English.

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Chinese (simplified).
    Zh,
}

impl Lang {
    /// Parses `en` or `zh` (also `zh_CN`, `zh-CN.UTF-8`, `en_US`, ...).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s == "zh" || s.starts_with("zh_") || s.starts_with("zh-") || s.starts_with("zh.") {
            Some(Lang::Zh)
        } else if s == "en" || s.starts_with("en_") || s.starts_with("en-") || s.starts_with("en.")
        {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the environment: `LC_ALL`, then `LC_MESSAGES`,
    /// then `LANG`; a `zh_*` locale gives Chinese, anything else English.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    /// Its code (`en`, `zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_locales() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), None);
    }
}
