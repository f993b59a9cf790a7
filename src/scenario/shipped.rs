//! The scenarios shipped in `scenarios/`, compiled into the program so that
//! `baogong run building_to_street` works from any directory.

/// A shipped scenario.
#[derive(Debug, Clone, Copy)]
pub struct Shipped {
    /// Its name: the file name without `.toml` (`building_to_street`).
    pub name: &'static str,
    /// The file's text.
    pub text: &'static str,
}

macro_rules! shipped {
    ($($name:literal),* $(,)?) => {
        /// Every shipped scenario, the default first, then by name.
        pub const ALL: &[Shipped] = &[$(Shipped {
            name: $name,
            text: include_str!(concat!("../../scenarios/", $name, ".toml")),
        }),*];
    };
}

shipped!(
    "default",
    "building_to_street",
    "panic_buying",
    "shanghai",
    "site_closure",
    "supplier_rules",
    "tiny",
    "tiny_quiet",
);

/// The shipped scenario called `name` (`tiny` or `tiny.toml`).
pub fn find(name: &str) -> Option<&'static Shipped> {
    let name = name.strip_suffix(".toml").unwrap_or(name);
    ALL.iter().find(|s| s.name == name)
}

impl Shipped {
    /// The `description` of its `[scenario]` table, as written in the file.
    pub fn description(&self) -> String {
        toml::from_str::<toml::Table>(self.text)
            .ok()
            .and_then(|t| {
                t.get("scenario")?
                    .get("description")?
                    .as_str()
                    .map(str::to_string)
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_scenarios_is_shipped_and_valid() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("scenarios/")
            .filter_map(|e| {
                let p = e.ok()?.path();
                if p.extension()? != "toml" {
                    return None;
                }
                Some(p.file_stem()?.to_string_lossy().into_owned())
            })
            .collect();
        files.sort();
        let mut names: Vec<String> = ALL.iter().map(|s| s.name.to_string()).collect();
        names.sort();
        assert_eq!(files, names, "scenarios/*.toml and the shipped list differ");
        for s in ALL {
            crate::scenario::load_str(s.text, s.name).unwrap_or_else(|e| panic!("{e}"));
            assert!(!s.description().is_empty(), "{} has no description", s.name);
        }
        assert_eq!(find("tiny.toml").map(|s| s.name), Some("tiny"));
    }
}
