//! Thin entry point: parse the command line, then run a batch subcommand or the desk.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches};
use dealdesk::cli::output::note;
use dealdesk::cli::{self, Cli, Command, Context};
use dealdesk::store::lock::describe_this_process;
use dealdesk::tui;

/// The program allocates through mimalloc: loading, evaluating and importing a portfolio make
/// millions of small allocations across threads, where the system allocator took a fifth of an
/// import's time (the benchmarks use it too, through their shared support).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Ends the program with a usage error (exit code 2), as clap reports its own.
fn usage_error(kind: ErrorKind, message: String) -> ! {
    Cli::command().error(kind, message).exit()
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let open = match (&cli.command, &cli.file) {
        (Some(Command::Open { file }), _) | (None, Some(file)) => Some(file.clone()),
        _ => None,
    };
    if cli.demo && (cli.command.is_some() || open.is_some()) {
        // A command and a file are the user's own, which the demo never reaches.
        let what = matches.subcommand_name().map_or_else(|| "a file".to_string(), |name| format!("`{name}`"));
        usage_error(
            ErrorKind::ArgumentConflict,
            format!(
                "--demo opens the desk on a temporary copy of the demo portfolio, away from your own \
                 files, and cannot be combined with {what}: run it without --demo"
            ),
        );
    }
    if let Some(file) = &open
        && !file.is_file()
    {
        let what = if file.exists() { "is not a file" } else { "does not exist" };
        let command = if cli.command.is_some() { "" } else { ", and it is not a command (see --help)" };
        usage_error(ErrorKind::InvalidValue, format!("{} {what}{command}", file.display()));
    }
    match &cli.command {
        Some(Command::Open { .. }) | None => desk(&cli, open),
        Some(command) => cli::run(&cli, command),
    }
}

/// The desk on the user's store, the demo, or a file opened to view.
fn desk(cli: &Cli, open: Option<PathBuf>) -> ExitCode {
    if !std::io::stdout().is_terminal() {
        note(
            "dealdesk: the desk needs a terminal, and standard output is not one.\n\
             For batch work use the subcommands: `dealdesk eval FILE` (assess prospects from CSV or JSON), \
             `dealdesk import FILE.csv`, `dealdesk export`; see `dealdesk --help`.",
        );
        return ExitCode::from(2);
    }
    let outcome = Context::for_desk(cli).and_then(|(ctx, policy_problem)| {
        let policy_path = cli::policy_path(cli, &ctx.store);
        tui::run(tui::Options {
            store: ctx.store,
            policy: ctx.policy,
            policy_path,
            policy_problem,
            today: ctx.today,
            demo: cli.demo,
            open,
            holder: describe_this_process(cli::unix_now()),
            as_of: cli.as_of,
        })
    });
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if let Some(&ended) = e.downcast_ref::<tui::signals::EndedBy>() => {
            note(format!("dealdesk: {ended}"));
            ExitCode::from(ended.exit_code())
        }
        Err(e) => {
            note(format!("dealdesk: {e:#}"));
            ExitCode::FAILURE
        }
    }
}
