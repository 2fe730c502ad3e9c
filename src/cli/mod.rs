//! The command line: arguments, and the batch subcommands that run without a terminal UI.

pub mod check;
pub mod clock;
pub mod demo;
pub mod eval;
pub mod eval_input;
pub mod export;
pub mod import;
mod json_out;
pub mod output;
pub mod report;
mod report_json;
pub mod review;
pub mod store_admin;
pub mod table;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context as _, Result, anyhow};
use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::date::Date;
use crate::domain::policy::{DEFAULT_POLICY_JSON, Policy};
use crate::domain::terms::given::GivenTerms;
use crate::store::backend::Backend;
use crate::store::location::{self, Chosen, Location};
use crate::store::paths;
use crate::store::policy_file::{PolicySource, load_policy};
use output::{OutputFailed, Report};

/// Triage B2B prospects: risk, volume segment and the delivery and payment terms that fit.
#[derive(Debug, Parser)]
#[command(name = "dealdesk", version, about, long_about = None)]
pub struct Cli {
    /// The portfolio: a file, or a team database as postgres://[user@]host[:port]/database
    /// (default: $DEALDESK_STORE, else the store entry of config.json in the user config
    /// directory, else portfolio.json in the user data directory).
    #[arg(long, global = true, value_name = "PATH|URL")]
    pub store: Option<OsString>,
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
    /// Set up and manage a team store (a PostgreSQL database), or copy between stores.
    Store {
        #[command(subcommand)]
        action: store_admin::Action,
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

/// What every subcommand needs: the policy in force, the store and the evaluation date.
pub struct Context {
    pub policy: Policy,
    pub policy_source: PolicySource,
    /// Whether the policy was named with `--policy` (which a team's policy does not replace).
    pub policy_explicit: bool,
    pub store: Location,
    /// Where the choice of store came from.
    pub chosen: Chosen,
    pub today: Date,
    /// `--as-of`: the day decisions are dated, instead of the clock's.
    pub as_of: Option<Date>,
}

impl Context {
    /// For batch work: a policy file that cannot be used is an error.
    fn from_cli(cli: &Cli) -> Result<Context> {
        let (policy, policy_source) = load_policy(cli.policy.as_deref(), paths::default_policy().as_deref())?;
        let (store, chosen) = choose_store(cli)?;
        let (today, as_of) = (cli.as_of.unwrap_or_else(today), cli.as_of);
        Ok(Context {
            policy,
            policy_source,
            policy_explicit: cli.policy.is_some(),
            store,
            chosen,
            today,
            as_of,
        })
    }

    /// Takes the team's policy from a store that keeps one, unless `--policy` named another.
    pub fn use_team_policy(&mut self, store: &mut dyn Backend) -> Result<()> {
        if self.policy_explicit {
            return Ok(());
        }
        if let Some(team) = store.team_policy()? {
            self.policy = team.policy;
            self.policy_source =
                PolicySource::Team { version: team.version, by: team.stamp.by, at: team.stamp.at };
        }
        Ok(())
    }

    /// For the desk: a policy file that cannot be used leaves the built-in policy in force and
    /// returns the problem, for the desk to show (the file is not touched).
    pub fn for_desk(cli: &Cli) -> Result<(Context, Option<String>)> {
        let (store, chosen) = choose_store(cli)?;
        let today = cli.as_of.unwrap_or_else(today);
        // A `--policy` file that does not exist yet is where the policy editor will save.
        let explicit = cli.policy.as_deref().filter(|p| p.exists());
        // A team evaluates with the team's policy (the desk reads it from the store), not with
        // each member's own file.
        let user_file = match (&cli.policy, &store) {
            (None, Location::File(_)) => paths::default_policy(),
            _ => None,
        };
        let (policy, policy_source, problem) = match load_policy(explicit, user_file.as_deref()) {
            Ok((policy, source)) => (policy, source, None),
            Err(e) => (Policy::default_policy(), PolicySource::Defaults, Some(e.to_string())),
        };
        let policy_explicit = cli.policy.is_some();
        Ok((
            Context { policy, policy_source, policy_explicit, store, chosen, today, as_of: cli.as_of },
            problem,
        ))
    }
}

/// Where the policy editor saves: `--policy PATH`, else the user's policy file; on a team
/// store without `--policy`, nowhere on disk (the editor saves the team's policy).
pub fn policy_path(cli: &Cli, store: &Location) -> Option<PathBuf> {
    match (&cli.policy, store) {
        (Some(path), _) => Some(path.clone()),
        (None, Location::File(_)) => paths::default_policy(),
        (None, Location::Postgres(_)) => None,
    }
}

/// The store: `--store`, else `DEALDESK_STORE`, else the config file's entry, else the default.
fn choose_store(cli: &Cli) -> Result<(Location, Chosen)> {
    location::choose(
        cli.store.as_deref(),
        std::env::var_os(location::STORE_VARIABLE),
        paths::config_file().as_deref(),
        paths::default_store(),
    )
    .map_err(|e| anyhow!("{e}"))
}

/// Runs a batch subcommand and turns its outcome into an exit code, printing errors.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let outcome = match command {
        Command::Policy { print_default: true } => print_default_policy(),
        _ => Context::from_cli(cli).and_then(|mut ctx| dispatch(&mut ctx, command)),
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

fn dispatch(ctx: &mut Context, command: &Command) -> Result<ExitCode> {
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
        Command::Policy { .. } => show_policy(ctx),
        Command::Store { action } => store_admin::run(ctx, action),
    }
}

/// The policy in force, as JSON: a team store's own policy when it keeps one.
fn show_policy(ctx: &mut Context) -> Result<ExitCode> {
    if ctx.store.postgres().is_some() {
        let mut store = crate::store::open(&ctx.store, &holder())?;
        ctx.use_team_policy(store.as_mut())?;
    }
    output::note(format!("policy in force: {}", ctx.policy_source));
    let mut report = Report::new();
    report.json(&ctx.policy.to_file_json())?;
    report.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Who this process is, for a file store's lock.
pub fn holder() -> String {
    crate::store::lock::describe_this_process(unix_now())
}

/// Every prospect of the store, without taking a file's lock (export, a dry run).
pub fn read_store(store: &Location) -> Result<Vec<crate::domain::prospect::Prospect>> {
    Ok(match store {
        Location::File(path) => crate::store::load(path)?,
        team => crate::store::backend::read_all(crate::store::open(team, &holder())?.as_mut())?,
    })
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
