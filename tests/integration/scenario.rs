//! Scenario files: every shipped file loads, and bad input never panics but
//! gets one clear message naming the file, the line and the key.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use baogong::scenario::{ScenarioError, load_default, load_file, load_str};

const TINY: &str = include_str!("../../scenarios/tiny.toml");

/// The name under which test sources are loaded.
const FILE: &str = "x.toml";

/// A minimal explicit city: one of each level, one warehouse, one store.
const MINI: &str = r#"[scenario]
name = "mini"
days = 5

[[places]]
name = "D"
level = "district"

[[places]]
name = "S"
level = "street"
parent = "D"

[[places]]
name = "C"
level = "community"
parent = "S"

[[places]]
name = "K"
level = "compound"
parent = "C"

[[places]]
name = "B"
level = "building"
parent = "K"
residents = 100

[[suppliers]]
name = "W"
kind = "warehouse"
district = "D"

[[stores]]
name = "Shop"
place = "C"
supplier = "W"
"#;

/// `src` with the first `from` replaced by `to`; `from` must occur.
fn replaced(src: &str, from: &str, to: &str) -> String {
    assert!(src.contains(from), "`{from}` is not in the source");
    src.replacen(from, to, 1)
}

/// The 1-based number of the only line of `src` that contains `needle`.
fn line_of(src: &str, needle: &str) -> usize {
    let hits: Vec<usize> = src
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(hits.len(), 1, "`{needle}` must be on exactly one line");
    hits[0]
}

/// Loads `src`, which must fail, without panicking.
fn error_of(src: &str) -> ScenarioError {
    match catch_unwind(|| load_str(src, FILE)) {
        Ok(Ok(_)) => panic!("the scenario loaded, but it should not:\n{src}"),
        Ok(Err(e)) => e,
        Err(_) => panic!("load_str panicked on:\n{src}"),
    }
}

/// Checks that `err` points at `line` and `key`, and that its one-line
/// message reads `x.toml:LINE:COL: key `KEY`: ...`.
fn assert_points_at(err: &ScenarioError, line: usize, key: &str) {
    let loc = err
        .location
        .unwrap_or_else(|| panic!("no location in: {err}"));
    assert_eq!(loc.line, line, "wrong line in: {err}");
    assert!(loc.column >= 1, "columns are 1-based: {err}");
    assert_eq!(err.key, key, "wrong key in: {err}");
    assert_eq!(err.file, FILE);
    let text = err.to_string();
    let prefix = format!("{FILE}:{line}:{}: key `{key}`: ", loc.column);
    assert!(
        text.starts_with(&prefix),
        "`{text}` does not start with `{prefix}`"
    );
    assert!(
        !err.message.to_string().trim().is_empty(),
        "empty message: {text}"
    );
    assert!(!text.contains('\n'), "the message is not one line: {text}");
}

/// Checks that the message (not only the key) mentions `what`.
fn assert_says(err: &ScenarioError, what: &str) {
    assert!(
        err.message.to_string().contains(what),
        "`{}` does not mention `{what}`",
        err.message
    );
}

// ------------------------------------------------------------ good files

#[test]
fn mini_and_tiny_load() {
    for (name, src) in [("mini", MINI), ("tiny", TINY)] {
        if let Err(e) = load_str(src, FILE) {
            panic!("{name}: {e}");
        }
    }
}

#[test]
fn every_shipped_scenario_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the scenarios directory is readable")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(
        files.iter().any(|p| p.ends_with("tiny.toml")),
        "tiny.toml is missing from {files:?}"
    );
    assert!(files.len() >= 2, "too few scenarios: {files:?}");
    for f in &files {
        if let Err(e) = load_file(f) {
            panic!("{}: {e}", f.display());
        }
    }
}

#[test]
fn compiled_in_default_loads() {
    let sc = load_default().unwrap_or_else(|e| panic!("{e}"));
    assert!(sc.days >= 1);
    assert!(sc.city.population > 0);
}

// ------------------------------------------------------------- bad keys

#[test]
fn unknown_key_at_top_level() {
    let src = format!("bogus = 1\n{TINY}");
    let err = error_of(&src);
    assert_points_at(&err, 1, "bogus");
    assert_says(&err, "unknown key `bogus`");
}

#[test]
fn unknown_key_in_a_table() {
    let src = format!("{TINY}\n[plan]\ngreen_chanel = true\n");
    let err = error_of(&src);
    assert_points_at(&err, line_of(&src, "green_chanel"), "plan.green_chanel");
    assert_says(&err, "unknown key `green_chanel`");
    // The message suggests the nearest key and lists the keys that exist.
    assert_says(&err, "did you mean `green_channel`?");
    assert_says(&err, "valid keys here: suppliers,");
}

#[test]
fn unknown_key_in_an_array_of_tables() {
    let src = replaced(
        MINI,
        "level = \"street\"\n",
        "level = \"street\"\nsize = 3\n",
    );
    let err = error_of(&src);
    assert_points_at(&err, 12, "places[1].size");
    assert_says(&err, "unknown key `size`");
}

#[test]
fn wrong_type() {
    let src = replaced(TINY, "days = 20 ", "days = \"sixty\" ");
    let err = error_of(&src);
    assert_points_at(&err, line_of(&src, "\"sixty\""), "scenario.days");
    assert_says(&err, "sixty");
}

// -------------------------------------------------------------- bad values

#[test]
fn negative_quantity() {
    let src = format!(
        "{TINY}\n[[goods]]\nname = \"rice\"\nneed_kg_per_person_day = -0.3\nshelf_life_days = 100.0\n"
    );
    let err = error_of(&src);
    assert_points_at(
        &err,
        line_of(&src, "need_kg_per_person_day"),
        "goods[0].need_kg_per_person_day",
    );
    assert_says(&err, "-0.3");
}

#[test]
fn zero_where_zero_makes_no_sense() {
    let src = format!("{TINY}\n[transport]\ntruck_capacity_kg = 0.0\n");
    let err = error_of(&src);
    assert_points_at(
        &err,
        line_of(&src, "truck_capacity_kg"),
        "transport.truck_capacity_kg",
    );
    assert_says(&err, "greater than 0");
}

#[test]
fn place_without_its_parent() {
    // The street's `parent = "D"` (line 12) removed: its header is on line 9.
    let src = replaced(MINI, "parent = \"D\"\n", "");
    let err = error_of(&src);
    assert_points_at(&err, 9, "places[1]");
    assert_says(&err, "needs a `parent`");
}

#[test]
fn place_with_an_unknown_parent() {
    let src = replaced(MINI, "parent = \"C\"", "parent = \"Nowhere\"");
    let err = error_of(&src);
    assert_points_at(&err, 22, "places[3].parent");
    assert_says(&err, "`Nowhere`");
}

#[test]
fn store_with_no_supplier() {
    let src = replaced(MINI, "supplier = \"W\"", "supplier = \"\"");
    let err = error_of(&src);
    assert_points_at(&err, 38, "stores[0].supplier");
    assert_says(&err, "no supplier");
}

#[test]
fn store_with_an_unknown_supplier() {
    let src = replaced(MINI, "supplier = \"W\"", "supplier = \"W-Nowhere\"");
    let err = error_of(&src);
    assert_points_at(&err, 38, "stores[0].supplier");
    assert_says(&err, "`W-Nowhere`");
}

#[test]
fn event_after_the_horizon() {
    let src = format!("{MINI}\n[[events]]\nkind = \"seal\"\nday = 6\nplace = \"B\"\n");
    let err = error_of(&src);
    assert_points_at(&err, 42, "events[0].day");
    assert_says(&err, "after the horizon");
}

#[test]
fn event_on_the_last_day_is_fine() {
    let src = format!("{MINI}\n[[events]]\nkind = \"seal\"\nday = 5\nplace = \"B\"\n");
    if let Err(e) = load_str(&src, FILE) {
        panic!("{e}");
    }
}

#[test]
fn unknown_event_kind() {
    let src = replaced(TINY, "kind = \"seal\"", "kind = \"flood\"");
    let err = error_of(&src);
    assert_points_at(&err, line_of(&src, "\"flood\""), "events[0].kind");
    assert_says(&err, "`flood`");
}

#[test]
fn event_missing_a_required_key() {
    let src = format!("{MINI}\n[[events]]\nkind = \"seal\"\nday = 2\n");
    let err = error_of(&src);
    // The event's table header: the key is missing, so its table is named.
    assert_points_at(&err, 40, "events[0]");
    assert_says(&err, "needs `place`");
}

#[test]
fn bad_clock_time() {
    let src = replaced(TINY, "time = \"09:00\"", "time = \"25:61\"");
    let err = error_of(&src);
    assert_points_at(&err, line_of(&src, "\"25:61\""), "events[0].time");
    assert_says(&err, "25:61");
}

#[test]
fn malformed_toml() {
    let src = replaced(TINY, "days = 20 ", "days = = 20 ");
    let err = error_of(&src);
    assert_points_at(&err, line_of(&src, "days = = 20"), "scenario.days");
}

#[test]
fn unterminated_table_header() {
    let src = format!("{MINI}\n[transport\ntruck_capacity_kg = 1.0\n");
    let err = error_of(&src);
    assert_points_at(&err, 40, "transport");
    assert_says(&err, "unclosed table");
}

#[test]
fn distribution_with_min_above_max() {
    let src = format!(
        "{TINY}\n[transport]\ntravel_hours_local = {{ dist = \"uniform\", min = 3.0, max = 1.0 }}\n"
    );
    let err = error_of(&src);
    assert_points_at(
        &err,
        line_of(&src, "travel_hours_local"),
        "transport.travel_hours_local",
    );
    assert_says(&err, "`min` (3) is larger than `max` (1)");
}

#[test]
fn count_rule_with_min_above_max() {
    let src = format!(
        "{MINI}\n[plan.suppliers]\nbuilding = 1\ncompound = [3, 2]\ncommunity = 1\nstreet = 1\nsite = 1\n"
    );
    let err = error_of(&src);
    assert_points_at(&err, 42, "plan.suppliers.compound");
    assert_says(&err, "min 3 larger than max 2");
}

// -------------------------------------------------------- never a panic

/// Loads `src` under `catch_unwind`; on a panic or a malformed error,
/// returns a description of the failure.
fn check_no_panic(src: &str, what: &str) -> Option<String> {
    let result = catch_unwind(AssertUnwindSafe(|| load_str(src, FILE)));
    match result {
        Err(_) => Some(format!("{what}: load_str panicked")),
        Ok(Ok(_)) => None,
        Ok(Err(e)) => {
            let text = e.to_string();
            let lines = src.lines().count().max(1);
            if !text.starts_with(FILE) {
                Some(format!("{what}: message does not name the file: {text}"))
            } else if text.contains('\n') {
                Some(format!("{what}: message is not one line: {text}"))
            } else if e
                .location
                .is_some_and(|l| l.line == 0 || l.line > lines + 1)
            {
                Some(format!("{what}: line outside the file: {text}"))
            } else {
                None
            }
        }
    }
}

/// Byte ranges of the numbers written in `line` (outside comments).
fn numbers_in(line: &str) -> Vec<(usize, usize)> {
    let code = line.split('#').next().unwrap_or("");
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i].is_ascii_digit()
            || (b[i] == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
            && (i == 0
                || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-' || b[i - 1] == b'_'));
        if starts {
            let mut j = i + 1;
            while j < b.len()
                && (b[j].is_ascii_digit()
                    || matches!(b[j], b'.' | b'e' | b'E' | b'_' | b'+' | b'-'))
            {
                j += 1;
            }
            out.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn mutated_scenarios_never_panic() {
    let lines: Vec<&str> = TINY.lines().collect();
    let mut variants: Vec<(String, String)> = Vec::new();

    // Every line deleted in turn.
    for i in 0..lines.len() {
        let mut v = lines.clone();
        v.remove(i);
        variants.push((format!("line {} deleted", i + 1), v.join("\n")));
    }
    // Every number replaced by odd values.
    let replacements = [
        "-1",
        "0",
        "1e308",
        "-1e308",
        "\"x\"",
        "nan",
        "inf",
        "-0.0",
        "9223372036854775807",
        "-9223372036854775808",
        "1e-308",
        "0.5",
    ];
    let mut numbers = 0;
    for (i, line) in lines.iter().enumerate() {
        for (a, b) in numbers_in(line) {
            numbers += 1;
            for r in replacements {
                let mut v = lines.clone();
                let changed = format!("{}{r}{}", &line[..a], &line[b..]);
                v[i] = &changed;
                variants.push((
                    format!("line {}: `{}` replaced by {r}", i + 1, &line[a..b]),
                    v.join("\n"),
                ));
            }
        }
    }
    assert!(numbers >= 10, "only {numbers} numbers found in tiny.toml");
    // Every string value emptied, and given an unknown name.
    for (i, line) in lines.iter().enumerate() {
        if let Some((k, v)) = line.split_once('=')
            && v.trim_start().starts_with('"')
        {
            for r in ["\"\"", "\"??\"", "\"Riverside\"", "\"Riverside-S1-C1\""] {
                let mut v = lines.clone();
                let changed = format!("{k}= {r}");
                v[i] = &changed;
                variants.push((format!("line {}: value set to {r}", i + 1), v.join("\n")));
            }
        }
    }
    // Cut short at the end of every line and in its middle.
    let mut cut = 0;
    for line in &lines {
        for at in [cut + line.len() / 2, cut + line.len()] {
            if TINY.is_char_boundary(at) {
                variants.push((format!("cut at byte {at}"), TINY[..at].to_string()));
            }
        }
        cut += line.len() + 1;
    }
    // Every line duplicated (duplicate keys, tables twice).
    for i in 0..lines.len() {
        let mut v = lines.clone();
        v.insert(i, lines[i]);
        variants.push((format!("line {} duplicated", i + 1), v.join("\n")));
    }

    let failures: Vec<String> = variants
        .iter()
        .filter_map(|(what, src)| check_no_panic(src, what))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} variants failed:\n{}",
        failures.len(),
        variants.len(),
        failures.join("\n")
    );
}

#[test]
fn odd_texts_never_panic() {
    let texts = [
        "",
        "\n",
        "#",
        "\u{feff}",
        "[",
        "[[",
        "[[places]]",
        "[[places]]\nname = \"D\"\nlevel = \"district\"\n",
        "[scenario]\ndays = 0\n",
        "[scenario]\ndays = 3651\n",
        "[city]\npopulation = 1\n",
        "[city]\npopulation = 100000000\ndistricts = 1000\nstreets_per_district = 1000\n",
        "[city]\nbuildings_per_compound = 0\n",
        "[city]\nsize_spread = 1.0\n",
        "[city]\nproduction_bases = 0\nother_regions = false\n",
        "a.b.c.d = 1",
        "\"\u{0}\" = 1",
        "[transport]\ntravel_hours_local = { dist = \"lognormal\", mean = 1e308, sd = 1e308 }\n[city]\n",
        "[transport]\ntravel_hours_local = { dist = \"exponential\", mean = 1e-308 }\n[city]\n",
        "[transport]\ntravel_hours_local = { dist = \"triangular\", min = 1, mode = 0, max = 2 }\n",
        "[closures.duration_days]\nbuilding = { dist = \"nope\" }\n",
        "[costs]\nsplit = [0, 0, 0]\n[city]\n",
        "[costs]\nsplit = [1, 2]\n",
        "[plan]\npoint_hours = [20, 8]\n[city]\n",
        "[plan.points]\nbuilding = [0, 1000000]\n",
    ];
    let failures: Vec<String> = texts
        .iter()
        .filter_map(|t| check_no_panic(t, &format!("{t:?}")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn absurd_store_density_is_an_error_not_a_panic() {
    // A million residents at 1e308 stores per 10,000 would be more stores
    // than memory can hold: the value must be refused with a message.
    let src = "[city]\nstores_per_10k = 1e308\n";
    let err = error_of(src);
    assert_points_at(&err, 2, "city.stores_per_10k");
}
