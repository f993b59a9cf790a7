//! `baogong init FILE [--listed]`: a commented starter scenario.

use std::io::Write as _;

use super::args::InitArgs;
use super::{Failure, print};
use baogong::i18n::Lang;
use baogong::t;

/// The starter scenario: generated or listed, with comments in `lang`.
pub(crate) fn template(listed: bool, lang: Lang) -> &'static str {
    match (listed, lang) {
        (false, Lang::En) => include_str!("templates/generated.en.toml"),
        (false, Lang::Zh) => include_str!("templates/generated.zh.toml"),
        (true, Lang::En) => include_str!("templates/listed.en.toml"),
        (true, Lang::Zh) => include_str!("templates/listed.zh.toml"),
    }
}

pub(crate) fn init(a: InitArgs, lang: Lang) -> Result<(), Failure> {
    let file = a.file.display().to_string();
    // `create_new` refuses an existing file (or a link to one) atomically.
    let mut f = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&a.file)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Failure::Input(t!(lang, INIT_EXISTS, file)));
        }
        Err(e) => {
            return Err(Failure::Input(t!(lang, INIT_CANNOT_WRITE_WHY, file, e)));
        }
    };
    let text = template(a.listed, lang);
    if let Err(e) = f.write_all(text.as_bytes()).and_then(|()| f.sync_all()) {
        drop(f);
        let _ = std::fs::remove_file(&a.file);
        return Err(Failure::Other(anyhow::Error::new(e).context(t!(
            lang,
            INIT_CANNOT_WRITE,
            file
        ))));
    }
    let what = if a.listed {
        t!(lang, INIT_LISTED)
    } else {
        t!(lang, INIT_GENERATED)
    };
    let mut out = t!(lang, INIT_WROTE, file, what);
    out.push('\n');
    print(&out, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every starter scenario is valid.
    #[test]
    fn templates_are_valid_scenarios() {
        for listed in [false, true] {
            for lang in Lang::ALL {
                let text = template(listed, lang);
                baogong::scenario::load_str(text, "init.toml")
                    .unwrap_or_else(|e| panic!("listed {listed}, {lang:?}: {e}"));
            }
        }
    }
}
