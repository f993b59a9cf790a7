//! Command-line arguments (clap derive): raw values only.
//!
//! The help texts are not the doc comments: [`command`] builds the clap
//! `Command` at run time and puts every description, heading and the usage
//! line into the chosen language from the message catalogue, so that
//! `baogong --lang zh run --help` is Chinese throughout.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use baogong::i18n::{Lang, Msg, msg};

#[derive(Debug, Parser)]
#[command(name = "baogong", version)]
pub(crate) struct Cli {
    #[arg(long, global = true, value_enum, value_name = "en|zh")]
    pub(crate) lang: Option<LangArg>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangArg {
    En,
    Zh,
}

impl LangArg {
    pub(crate) fn lang(self) -> Lang {
        match self {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
        }
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    Run(RunArgs),
    Validate(ValidateArgs),
    Sweep(SweepArgs),
    Merge(MergeArgs),
    Scenarios,
    Init(InitArgs),
}

/// Output format of `run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct RunArgs {
    pub(crate) scenario: Option<PathBuf>,
    #[arg(long, allow_negative_numbers = true)]
    pub(crate) seed: Option<u64>,
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    pub(crate) replication: u64,
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    #[arg(long, requires = "out")]
    pub(crate) trace: bool,
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub(crate) sets: Vec<String>,
    #[arg(long)]
    pub(crate) all: bool,
    #[arg(long, requires = "out")]
    pub(crate) force: bool,
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..), allow_negative_numbers = true)]
    pub(crate) max_events: Option<u64>,
    #[arg(long, value_name = "SIZE")]
    pub(crate) max_memory: Option<String>,
}

/// Most worker threads of a sweep.
pub(crate) const MAX_THREADS: i64 = 1_024;

#[derive(Debug, Args)]
pub(crate) struct SweepArgs {
    pub(crate) scenario: Option<PathBuf>,
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..), allow_negative_numbers = true)]
    pub(crate) replications: Option<u64>,
    #[arg(long = "grid", value_name = "KEY=V1,V2,...")]
    pub(crate) grids: Vec<String>,
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub(crate) sets: Vec<String>,
    #[arg(long, allow_negative_numbers = true)]
    pub(crate) seed: Option<u64>,
    #[arg(long, value_name = "LABEL")]
    pub(crate) baseline: Option<String>,
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=MAX_THREADS), allow_negative_numbers = true)]
    pub(crate) threads: Option<u32>,
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    #[arg(long, value_name = "K/N|auto", requires = "out")]
    pub(crate) shard: Option<String>,
    #[arg(long, requires = "out", conflicts_with = "force")]
    pub(crate) resume: bool,
    #[arg(long, requires = "out")]
    pub(crate) force: bool,
    #[arg(long, value_name = "SIZE")]
    pub(crate) max_memory: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct MergeArgs {
    #[arg(required = true, value_name = "SHARD_DIR")]
    pub(crate) shards: Vec<PathBuf>,
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    pub(crate) scenario: PathBuf,
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub(crate) sets: Vec<String>,
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    pub(crate) file: PathBuf,
    #[arg(long)]
    pub(crate) listed: bool,
}

/// The description of a subcommand (`None`: the program itself).
fn about(sub: Option<&str>) -> Option<Msg> {
    Some(match sub {
        None => msg::HELP_ABOUT,
        Some("run") => msg::HELP_RUN,
        Some("validate") => msg::HELP_VALIDATE,
        Some("sweep") => msg::HELP_SWEEP,
        Some("merge") => msg::HELP_MERGE,
        Some("scenarios") => msg::HELP_SCENARIOS,
        Some("init") => msg::HELP_INIT,
        Some("help") => msg::HELP_HELP_COMMAND,
        Some(_) => return None,
    })
}

/// The description of argument `id` of a subcommand.
fn arg_help(sub: Option<&str>, id: &str) -> Option<Msg> {
    Some(match (sub, id) {
        (_, "lang") => msg::HELP_LANG,
        (_, "help") => msg::HELP_HELP,
        (_, "version") => msg::HELP_VERSION,
        (Some("run"), "scenario") => msg::HELP_RUN_SCENARIO,
        (Some("run"), "seed") => msg::HELP_RUN_SEED,
        (Some("run"), "replication") => msg::HELP_RUN_REPLICATION,
        (Some("run"), "out") => msg::HELP_RUN_OUT,
        (Some("run"), "format") => msg::HELP_RUN_FORMAT,
        (Some("run"), "trace") => msg::HELP_RUN_TRACE,
        (Some("run" | "validate"), "sets") => msg::HELP_RUN_SET,
        (Some("run"), "all") => msg::HELP_RUN_ALL,
        (Some("run"), "force") => msg::HELP_RUN_FORCE,
        (Some("run"), "max_events") => msg::HELP_RUN_MAX_EVENTS,
        (Some("run" | "sweep"), "max_memory") => msg::HELP_MAX_MEMORY,
        (Some("sweep"), "resume") => msg::HELP_SWEEP_RESUME,
        (Some("sweep"), "force") => msg::HELP_SWEEP_FORCE,
        (Some("merge"), "force") => msg::HELP_MERGE_FORCE,
        (Some("sweep"), "scenario") => msg::HELP_SWEEP_SCENARIO,
        (Some("sweep"), "replications") => msg::HELP_SWEEP_REPLICATIONS,
        (Some("sweep"), "grids") => msg::HELP_SWEEP_GRID,
        (Some("sweep"), "sets") => msg::HELP_SWEEP_SET,
        (Some("sweep"), "seed") => msg::HELP_SWEEP_SEED,
        (Some("sweep"), "baseline") => msg::HELP_SWEEP_BASELINE,
        (Some("sweep"), "threads") => msg::HELP_SWEEP_THREADS,
        (Some("sweep"), "out") => msg::HELP_SWEEP_OUT,
        (Some("sweep"), "shard") => msg::HELP_SWEEP_SHARD,
        (Some("merge"), "shards") => msg::HELP_MERGE_SHARDS,
        (Some("merge"), "out") => msg::HELP_MERGE_OUT,
        (Some("validate"), "scenario") => msg::HELP_VALIDATE_SCENARIO,
        (Some("init"), "file") => msg::HELP_INIT_FILE,
        (Some("init"), "listed") => msg::HELP_INIT_LISTED,
        (Some("help"), "subcommand") => msg::HELP_HELP_SUBCOMMAND,
        _ => return None,
    })
}

/// The help layout: clap's, with the headings in `lang`.
fn template(lang: Lang, has_subcommands: bool) -> String {
    let usage = msg::HELP_USAGE.get(lang);
    let sep = if usage.ends_with('：') { "" } else { " " };
    let tail = if has_subcommands {
        format!("\n\n{}", msg::HELP_MORE.get(lang))
    } else {
        String::new()
    };
    format!("{{about-with-newline}}\n{usage}{sep}{{usage}}\n\n{{all-args}}{{after-help}}{tail}")
}

/// Puts one command's texts into `lang`.
fn localize_one(mut c: clap::Command, sub: Option<&str>, lang: Lang) -> clap::Command {
    let has_subcommands = c.has_subcommands();
    if let Some(m) = about(sub) {
        c = c.about(m.get(lang)).long_about(None::<&str>);
    }
    c = c
        .help_template(template(lang, has_subcommands))
        .subcommand_help_heading(msg::HELP_COMMANDS.get(lang))
        .subcommand_value_name(msg::HELP_COMMAND_VALUE.get(lang));
    let ids: Vec<(String, bool)> = c
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let help = arg_help(sub, &id).map(|m| m.get(lang));
        let heading = if positional {
            msg::HELP_ARGUMENTS.get(lang)
        } else {
            msg::HELP_OPTIONS.get(lang)
        };
        c = c.mut_arg(&id, |a| {
            let a = a
                .help_heading(heading)
                .hide_default_value(true)
                .hide_possible_values(true);
            match help {
                Some(h) => a.help(h).long_help(None::<&str>),
                None => a,
            }
        });
    }
    if lang == Lang::Zh {
        // clap writes `[OPTIONS]` in the usage line whatever the language.
        let usage = c.render_usage().to_string();
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        c = c.override_usage(usage.replace("[OPTIONS]", msg::HELP_OPTIONS_USAGE.get(lang)));
    }
    c
}

/// The command line in `lang`: every description, heading and usage line.
pub(crate) fn command(lang: Lang) -> clap::Command {
    let mut c = Cli::command();
    // Build first, so that clap's own `--help`, `--version` and `help`
    // exist and can be put into the language too.
    c.build();
    let names: Vec<String> = c
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in &names {
        c = c.mut_subcommand(n, |s| localize_one(s, Some(n), lang));
    }
    localize_one(c, None, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has a description in the catalogue.
    #[test]
    fn every_command_and_argument_is_described() {
        let mut c = Cli::command();
        c.build();
        let mut missing = Vec::new();
        let mut check = |sub: Option<&str>, c: &clap::Command| {
            if about(sub).is_none() {
                missing.push(format!("command {sub:?}"));
            }
            for a in c.get_arguments() {
                if arg_help(sub, a.get_id().as_str()).is_none() {
                    missing.push(format!("{sub:?} --{}", a.get_id()));
                }
            }
        };
        check(None, &c);
        for s in c.get_subcommands() {
            check(Some(s.get_name()), s);
        }
        assert!(
            missing.is_empty(),
            "no help in the catalogue for {missing:?}"
        );
    }

    #[test]
    fn chinese_help_is_chinese() {
        let mut c = command(Lang::Zh);
        let help = c.render_help().to_string();
        assert!(help.contains("用法"), "{help}");
        assert!(!help.contains("Usage"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
        let mut run = command(Lang::Zh);
        let run = run.find_subcommand_mut("run").expect("run");
        let h = run.render_help().to_string();
        assert!(h.contains("选项"), "{h}");
        assert!(!h.contains("Options"), "{h}");
    }
}
