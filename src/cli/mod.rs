//! The command line: arguments, and the batch subcommands that run without a terminal UI.

pub mod check;
pub mod clock;
pub mod demo;
pub mod eval;
pub mod eval_input;
pub mod export;
pub mod import;
pub mod output;
pub mod report;
pub mod review;
pub mod table;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context as _, Result, anyhow};
use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::date::Date;
use crate::domain::policy::{DEFAULT_POLICY_JSON, Policy};
use crate::domain::terms::given::GivenTerms;
use crate::store::paths;
use crate::store::policy_file::{PolicySource, load_policy};
use output::{OutputFailed, Report};

/// Triage B2B prospects: risk, volume segment and the delivery and payment terms that fit.
#[derive(Debug, Parser)]
#[command(name = "dealdesk", version, about, long_about = None)]
pub struct Cli {
    /// The portfolio file (default: portfolio.json in the user data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub store: Option<PathBuf>,
    /// A policy file to use instead of the user's or the built-in one.
    #[arg(long, global = true, value_name = "PATH")]
    pub policy: Option<PathBuf>,
    /// Evaluate as of this date instead of today (YYYY-MM-DD).
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Open a temporary copy of the built-in demo portfolio (your store is not touched).
    #[arg(long)]
    pub demo: bool,
    /// A file to open in the desk, as `open FILE` does (when it is not a command's name).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate prospects from a CSV or JSON file (or - for standard input) and print the
    /// assessment, suggested terms and economics.
    Eval {
        /// CSV or JSON file, or - for standard input.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
        /// Evaluate the valid rows and report the bad ones (default: any bad row stops the
        /// command before anything is written).
        #[arg(long)]
        skip_invalid: bool,
        /// Evaluate these terms instead of the suggestion, for every row:
        /// "days=14,advance=30,limit=277000,security=bank_guarantee,security_amount=96000"
        /// (a CSV's term columns win for their row).
        #[arg(long, value_name = "TERMS", value_parser = GivenTerms::parse_list)]
        terms: Option<GivenTerms>,
    },
    /// Bring prospects in from CSV, spreadsheet (.xlsx, .xls, .ods) or filed annual-accounts
    /// (NBB CSV) files or folders. A prospect already in the store (same registration number,
    /// or same name and country) is updated. Nothing of a file is imported when a row is bad,
    /// unless --skip-invalid.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The sheet to read in a workbook (default: the first).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Import the valid rows and report the bad ones.
        #[arg(long)]
        skip_invalid: bool,
        /// Check and report, but write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the portfolio as CSV (the import columns), an .xlsx workbook or JSON.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        /// Output file (default: standard output). A pipe or device is written into; an
        /// existing file is replaced only with --force; the store and its backup never.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Check the store and the policy; exits non-zero on any problem.
    Check {
        /// Give duplicate, missing or oversized ids new ones (the previous file is kept as .bak).
        #[arg(long)]
        repair: bool,
    },
    /// Open the desk on a file's prospects (whatever `import` reads), evaluated, read-only:
    /// nothing is written until Ctrl-S saves them into your portfolio, after the import's
    /// preview.
    Open { file: PathBuf },
    /// List the prospects due for review (their latest decision's review date has come, as of
    /// --as-of or today), the earliest due first: name, band, last decision, due date.
    Review {
        #[arg(long, value_enum, default_value_t = ReviewFormat::Table)]
        format: ReviewFormat,
    },
    /// Show the policy in force, or the built-in default.
    Policy {
        /// Print the built-in default policy (a starting point for your own).
        #[arg(long)]
        print_default: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
    /// One JSON object a line, for pipelines.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Xlsx,
}

fn parse_date(raw: &str) -> Result<Date, String> {
    Date::parse(raw)
}

/// Seconds since 1970 by the system clock.
pub fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// Today by the system clock (UTC).
pub fn today() -> Date {
    let days = i64::try_from(unix_now() / 86_400).unwrap_or(0);
    Date::from_days_since_epoch(days).unwrap_or(Date::EPOCH)
}

/// What every subcommand needs: the policy in force, the store path and the evaluation date.
pub struct Context {
    pub policy: Policy,
    pub policy_source: PolicySource,
    pub store: PathBuf,
    pub today: Date,
    /// `--as-of`: the day decisions are dated, instead of the clock's.
    pub as_of: Option<Date>,
}

impl Context {
    /// For batch work: a policy file that cannot be used is an error.
    fn from_cli(cli: &Cli) -> Result<Context> {
        let (policy, policy_source) = load_policy(cli.policy.as_deref(), paths::default_policy().as_deref())?;
        let (store, today, as_of) = (store_path(cli)?, cli.as_of.unwrap_or_else(today), cli.as_of);
        Ok(Context { policy, policy_source, store, today, as_of })
    }

    /// For the desk: a policy file that cannot be used leaves the built-in policy in force and
    /// returns the problem, for the desk to show (the file is not touched).
    pub fn for_desk(cli: &Cli) -> Result<(Context, Option<String>)> {
        let store = store_path(cli)?;
        let today = cli.as_of.unwrap_or_else(today);
        // A `--policy` file that does not exist yet is where the policy editor will save.
        let explicit = cli.policy.as_deref().filter(|p| p.exists());
        let user_file = if cli.policy.is_some() { None } else { paths::default_policy() };
        let (policy, policy_source, problem) = match load_policy(explicit, user_file.as_deref()) {
            Ok((policy, source)) => (policy, source, None),
            Err(e) => (Policy::default_policy(), PolicySource::Defaults, Some(e.to_string())),
        };
        Ok((Context { policy, policy_source, store, today, as_of: cli.as_of }, problem))
    }
}

/// Where the policy editor saves: `--policy PATH`, else the user's policy file.
pub fn policy_path(cli: &Cli) -> Option<PathBuf> {
    cli.policy.clone().or_else(paths::default_policy)
}

fn store_path(cli: &Cli) -> Result<PathBuf> {
    match &cli.store {
        Some(path) => Ok(path.clone()),
        None => paths::default_store()
            .ok_or_else(|| anyhow!("no home directory to keep the store in: pass --store PATH")),
    }
}

/// Runs a batch subcommand and turns its outcome into an exit code, printing errors.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let outcome = match command {
        Command::Policy { print_default: true } => print_default_policy(),
        _ => Context::from_cli(cli).and_then(|ctx| dispatch(&ctx, command)),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => match OutputFailed::find(&e) {
            Some(failed) => {
                output::note(format!("dealdesk: {failed}"));
                ExitCode::from(output::EXIT_OUTPUT)
            }
            None => {
                output::note(format!("dealdesk: {e:#}"));
                ExitCode::FAILURE
            }
        },
    }
}

fn print_default_policy() -> Result<ExitCode> {
    let mut report = Report::new();
    report.bytes(DEFAULT_POLICY_JSON.as_bytes())?;
    report.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn dispatch(ctx: &Context, command: &Command) -> Result<ExitCode> {
    match command {
        Command::Eval { file, format, skip_invalid, terms } => {
            eval::run(ctx, file, *format, *skip_invalid, &terms.clone().unwrap_or_default())
        }
        Command::Import { files, sheet, skip_invalid, dry_run } => {
            let options =
                import::Options { sheet: sheet.as_deref(), skip_invalid: *skip_invalid, dry_run: *dry_run };
            import::run(ctx, files, &options)
        }
        Command::Export { format, output, force } => export::run(ctx, *format, output.as_deref(), *force),
        Command::Check { repair } => check::run(ctx, *repair),
        // The entry point gives `open` to the desk; this is for a caller that did not.
        Command::Open { .. } => anyhow::bail!("`open` runs the desk: start it in a terminal"),
        Command::Review { format } => review::run(ctx, *format),
        Command::Policy { .. } => {
            output::note(format!("policy in force: {}", ctx.policy_source));
            let mut report = Report::new();
            report.json(&ctx.policy.to_file_json())?;
            report.finish()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Reads a whole input file, or standard input for `-`.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .context("cannot read standard input")?;
        Ok(bytes)
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
    }
}
