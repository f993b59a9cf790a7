//! Settings a sweep (or `run --set`) may change, and how a change is applied.
//!
//! A setting is a dotted key of the scenario file (`plan.point_riders`,
//! `plan.suppliers.street`) and a TOML value (`12`, `[5, 8]`, `false`,
//! `{ dist = "uniform", min = 1.0, max = 2.0 }`). The keys that may be set
//! are the scalar keys of the built-in `default.toml`, which documents every
//! key: all tables except the scenario's name, description and seed (the
//! seed is the sweep's, common to every setting) and the arrays of tables
//! (goods, places, stores, suppliers, reserves, events).
//!
//! Overrides are applied to the scenario *text* with `toml_edit`, and the
//! result goes through the same parsing and validation as a file, so a bad
//! value gets the same message as it would in the file.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use toml_edit::{Document, DocumentMut, Item, Table, Value};

use crate::message;
use crate::scenario::{Arg, DEFAULT_SCENARIO, Message, edit_distance};

/// Keys of `[scenario]` that cannot be swept.
const FIXED: [&str; 3] = ["scenario.name", "scenario.description", "scenario.seed"];

/// Every key that can be set, in the order of `default.toml` (read once).
pub fn settable_keys() -> &'static [String] {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let doc = Document::parse(DEFAULT_SCENARIO).expect("the built-in default scenario parses");
        let mut keys = Vec::new();
        collect(doc.as_table(), "", &mut keys);
        keys.retain(|k| !FIXED.contains(&k.as_str()));
        keys
    })
}

fn collect(t: &Table, prefix: &str, out: &mut Vec<String>) {
    for (k, item) in t.iter() {
        let path = if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        };
        match item {
            Item::Table(sub) => collect(sub, &path, out),
            Item::Value(_) => out.push(path),
            Item::ArrayOfTables(_) | Item::None => {}
        }
    }
}

/// Where an override came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `--set KEY=VALUE`.
    Set,
    /// `--grid KEY=V1,V2`.
    Grid,
    /// `[sweep.grid]` in the scenario file.
    FileGrid,
    /// `[[sweep.settings]]` named so in the scenario file.
    Named(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Set => f.write_str("--set"),
            Origin::Grid => f.write_str("--grid"),
            Origin::FileGrid => f.write_str("[sweep.grid]"),
            Origin::Named(n) => write!(f, "[[sweep.settings]] `{n}`"),
        }
    }
}

/// One key set to one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// Dotted key, `plan.point_riders`.
    pub key: String,
    /// The value as TOML text, `12` or `[5, 8]`.
    pub value: String,
    /// Where it came from.
    pub origin: Origin,
}

impl fmt::Display for Override {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.key, self.value)
    }
}

/// A bad `--set`/`--grid` argument or `[sweep]` entry: a message of the
/// catalogue, put into words in the command line's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideError(pub Message);

impl fmt::Display for OverrideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for OverrideError {}

impl OverrideError {
    /// The error in `lang`.
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        self.0.get(lang)
    }

    /// Its message, in every language.
    pub fn message(&self) -> &Message {
        &self.0
    }
}

/// The command a `--set` is given to, for what its message says of the
/// seed (which is not a setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// `baogong run`: the seed is `--seed`.
    Run,
    /// `baogong validate`: the checks do not depend on the seed.
    Validate,
    /// `baogong sweep`, and a scenario's `[sweep]` table: the seed is the
    /// sweep's own, common to every setting.
    Sweep,
}

/// Checks that `key` can be set; the error names the nearest key (the
/// settable keys are listed once for all errors, by [`valid_keys`]). Of
/// the seed, it says what a sweep does with it.
pub fn check_key(key: &str, origin: &Origin) -> Result<(), OverrideError> {
    check_key_for(key, "", origin, Command::Sweep)
}

/// [`check_key`] for a `--set KEY=VALUE` of `command`, `value` as given.
fn check_key_for(
    key: &str,
    value: &str,
    origin: &Origin,
    command: Command,
) -> Result<(), OverrideError> {
    let keys = settable_keys();
    if keys.iter().any(|k| k == key) {
        return Ok(());
    }
    let why = if FIXED.contains(&key) {
        if key == "scenario.seed" {
            // The value as the seed, if it is one.
            let seed = value.trim();
            let seed = if !seed.is_empty() && seed.bytes().all(|b| b.is_ascii_digit()) {
                seed
            } else {
                "N"
            };
            let why = match command {
                Command::Run => message!(OV_WHY_SEED_RUN, seed),
                Command::Validate => message!(OV_WHY_SEED_VALIDATE, seed),
                Command::Sweep => message!(OV_WHY_SEED),
            };
            Arg::Message(Box::new(why))
        } else {
            Arg::Message(Box::new(message!(OV_WHY_NAME)))
        }
    } else {
        match nearest(key, keys) {
            Some(k) => Arg::Message(Box::new(message!(OV_DID_YOU_MEAN, k))),
            None => Arg::Plain(String::new()),
        }
    };
    Err(OverrideError(
        message!(OV_NOT_SETTABLE, origin, key).arg("why", why),
    ))
}

/// Whether `e` says that a key is not a setting, and not one of those
/// the scenario fixes (its name, description and seed): it then wants the
/// list of [`valid_keys`] after it.
pub fn is_not_settable(e: &OverrideError) -> bool {
    e.0.id.key == "OV_NOT_SETTABLE"
        && e.0.args.iter().any(|(k, a)| {
            *k == "key" && matches!(a, Arg::Plain(key) if !FIXED.contains(&key.as_str()))
        })
}

/// "valid keys:" and every settable key, table by table, a line each.
pub fn valid_keys() -> Message {
    message!(OV_VALID_KEYS, valid = list_by_table(settable_keys()))
}

/// The keys grouped by table, one line per table: `  plan: a, b, c`.
pub fn list_by_table(keys: &[String]) -> String {
    let mut lines: Vec<(String, Vec<&str>)> = Vec::new();
    for k in keys {
        let (table, leaf) = k.rsplit_once('.').unwrap_or(("", k));
        match lines.last_mut() {
            Some((t, leaves)) if t == table => leaves.push(leaf),
            _ => lines.push((table.to_string(), vec![leaf])),
        }
    }
    lines
        .iter()
        .map(|(t, leaves)| format!("  {t}: {}", leaves.join(", ")))
        .collect::<Vec<_>>()
        .join("\n")
}

fn nearest<'a>(key: &str, keys: &'a [String]) -> Option<&'a str> {
    let leaf = |k: &str| k.rsplit('.').next().unwrap_or(k).to_string();
    keys.iter()
        .map(|k| {
            let whole = edit_distance(key, k);
            let by_leaf = edit_distance(&leaf(key), &leaf(k)) + 1;
            (whole.min(by_leaf), k.as_str())
        })
        .min()
        .filter(|(d, _)| *d <= 3)
        .map(|(_, k)| k)
}

/// Normalizes a value written on the command line: TOML if it parses as a
/// TOML value (`12`, `true`, `[5, 8]`, `"text"`), otherwise a string.
pub fn value_text(raw: &str) -> String {
    let raw = raw.trim();
    match Value::from_str(raw) {
        Ok(v) => render(&v),
        Err(_) => Value::from(raw).to_string().trim().to_string(),
    }
}

/// A value's TOML text without surrounding decoration.
fn render(v: &Value) -> String {
    let mut v = v.clone();
    match &mut v {
        Value::Array(a) => a.fmt(),
        Value::InlineTable(t) => t.fmt(),
        _ => {}
    }
    v.decor_mut().clear();
    v.to_string()
}

/// Parses `KEY=VALUE` (`--set`) as `sweep` takes it.
pub fn parse_set(arg: &str) -> Result<Override, OverrideError> {
    parse_set_for(arg, Command::Sweep)
}

/// Parses `KEY=VALUE` (`--set`) given to `command`.
pub fn parse_set_for(arg: &str, command: Command) -> Result<Override, OverrideError> {
    let (key, value) = split_arg(arg, "--set", "KEY=VALUE")?;
    check_key_for(&key, value, &Origin::Set, command)?;
    Ok(Override {
        key,
        value: value_text(value),
        origin: Origin::Set,
    })
}

/// Parses `KEY=V1,V2,...` (`--grid`); commas inside brackets, braces or
/// quotes do not split (`plan.suppliers.street=[5,8],[8,12]`).
pub fn parse_grid(arg: &str) -> Result<(String, Vec<String>), OverrideError> {
    let (key, values) = split_arg(arg, "--grid", "KEY=V1,V2,...")?;
    check_key(&key, &Origin::Grid)?;
    let values: Vec<String> = split_top_level(values)
        .into_iter()
        .map(|v| value_text(&v))
        .collect();
    if values.iter().any(|v| v == "\"\"") {
        return Err(OverrideError(message!(OV_EMPTY_VALUE, arg)));
    }
    Ok((key, values))
}

fn split_arg<'a>(arg: &'a str, flag: &str, form: &str) -> Result<(String, &'a str), OverrideError> {
    match arg.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() && !v.trim().is_empty() => {
            Ok((k.trim().to_string(), v))
        }
        _ => Err(OverrideError(message!(OV_BAD_FORM, flag, arg, form))),
    }
}

fn split_top_level(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut cur = String::new();
    for ch in s.chars() {
        match quote {
            Some(q) => {
                if ch == q {
                    quote = None;
                }
            }
            None => match ch {
                '"' | '\'' => quote = Some(ch),
                '[' | '{' => depth += 1,
                ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(std::mem::take(&mut cur));
                    continue;
                }
                _ => {}
            },
        }
        cur.push(ch);
    }
    parts.push(cur);
    parts
}

/// Applies `overrides` in order (a later one wins) to scenario text that
/// parses, and returns the new text.
pub fn apply(src: &str, overrides: &[Override]) -> Result<String, OverrideError> {
    let mut doc =
        DocumentMut::from_str(src).map_err(|e| OverrideError(message!(OV_NO_PARSE, e)))?;
    for o in overrides {
        let value = Value::from_str(&o.value).map_err(|_| {
            OverrideError(message!(OV_NOT_TOML, origin = o.origin, value = o.value))
        })?;
        set(doc.as_table_mut(), &o.key, value).map_err(|why| {
            OverrideError(
                message!(OV_CANNOT_SET, origin = o.origin, set = o)
                    .arg("why", Arg::Message(Box::new(why))),
            )
        })?;
    }
    Ok(doc.to_string())
}

fn set(root: &mut Table, key: &str, value: Value) -> Result<(), Message> {
    let segs: Vec<&str> = key.split('.').collect();
    let (leaf, parents) = segs.split_last().ok_or_else(|| message!(OV_EMPTY_KEY))?;
    let mut table: &mut dyn toml_edit::TableLike = root;
    let mut walked = String::new();
    for seg in parents {
        if !walked.is_empty() {
            walked.push('.');
        }
        walked.push_str(seg);
        if table.get(seg).is_none() {
            let mut t = Table::new();
            t.set_implicit(true);
            table.insert(seg, Item::Table(t));
        }
        table = table
            .get_mut(seg)
            .and_then(Item::as_table_like_mut)
            .ok_or_else(|| message!(OV_NOT_A_TABLE, walked))?;
    }
    let mut value = value;
    match table.get(leaf).and_then(Item::as_value) {
        // Keep the old value's spacing and trailing comment.
        Some(old) => *value.decor_mut() = old.decor().clone(),
        None => value.decor_mut().clear(),
    }
    table.insert(leaf, Item::Value(value));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_cover_the_plan_and_exclude_the_seed() {
        let keys = settable_keys();
        for k in [
            "plan.suppliers.building",
            "plan.suppliers.street",
            "plan.points.community",
            "plan.replenish_per_day",
            "plan.reorder_point_days",
            "plan.reserve_trigger_days",
            "plan.reserve_release_days",
            "plan.transfer_trigger_days",
            "plan.green_channel",
            "plan.green_channel_saving",
            "plan.point_riders",
            "plan.publicity_delay_hours",
            "plan.decision_delay_hours",
            "plan.setup_delay_hours",
            "scenario.days",
            "transport.checkpoint_delay_hours",
        ] {
            assert!(keys.iter().any(|x| x == k), "{k} missing");
        }
        assert!(!keys.iter().any(|k| k == "scenario.seed"));
        assert!(!keys.iter().any(|k| k.starts_with("events")));
    }

    #[test]
    fn unknown_key_suggests_and_lists() {
        let e = check_key("plan.green_chanel", &Origin::Grid)
            .unwrap_err()
            .to_string();
        assert!(e.contains("did you mean `plan.green_channel`?"), "{e}");
        assert!(!e.contains("valid keys"), "{e}");
        let all = valid_keys().to_string();
        assert!(
            all.contains("\n  plan.suppliers: building, compound"),
            "{all}"
        );
        let e = check_key("scenario.seed", &Origin::Set)
            .unwrap_err()
            .to_string();
        assert!(e.contains("the sweep's own (--seed)"), "{e}");
        let e = parse_set_for("scenario.seed=3", Command::Run)
            .unwrap_err()
            .to_string();
        assert!(e.contains("--seed 3") && !e.contains("sweep"), "{e}");
        let e = parse_set_for("scenario.seed=x", Command::Validate)
            .unwrap_err()
            .to_string();
        assert!(e.contains("run --seed N") && !e.contains("sweep"), "{e}");
    }

    #[test]
    fn grid_values_split_outside_brackets() {
        let (k, v) = parse_grid("plan.suppliers.street=[5,8], [8, 12],10").unwrap();
        assert_eq!(k, "plan.suppliers.street");
        assert_eq!(v, vec!["[5, 8]", "[8, 12]", "10"]);
        let (_, v) = parse_grid("plan.green_channel=true,false").unwrap();
        assert_eq!(v, vec!["true", "false"]);
        assert!(parse_grid("plan.green_channel").is_err());
        assert!(parse_grid("plan.green_channel=true,,false").is_err());
    }

    #[test]
    fn apply_replaces_adds_and_keeps_comments() {
        let src = "[plan]\npoint_riders = 10 # riders\n";
        let o = |k: &str, v: &str| Override {
            key: k.into(),
            value: v.into(),
            origin: Origin::Set,
        };
        let out = apply(
            src,
            &[
                o("plan.point_riders", "12"),
                o("plan.suppliers.street", "[5, 8]"),
                o("riders.kg_per_order", "5.5"),
            ],
        )
        .unwrap();
        assert!(out.contains("point_riders = 12 # riders"), "{out}");
        let doc: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(
            doc["plan"]["suppliers"]["street"].as_array().unwrap().len(),
            2
        );
        assert_eq!(doc["riders"]["kg_per_order"].as_float(), Some(5.5));
    }
}
