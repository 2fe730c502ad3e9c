//! Thin entry point: parse the command line, then run a batch subcommand or the desk.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use dealdesk::cli::output::note;
use dealdesk::cli::{self, Cli, Context};
use dealdesk::store::lock::describe_this_process;
use dealdesk::tui;

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Some(command) = &cli.command {
        if cli.demo {
            // A command works on the user's own files, which the demo never reaches.
            let name = matches.subcommand_name().unwrap_or("a command");
            Cli::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    format!(
                        "--demo opens the desk on a temporary copy of the demo portfolio and cannot be \
                         combined with `{name}`, which works on your own files: run `dealdesk {name}` \
                         without --demo"
                    ),
                )
                .exit();
        }
        return cli::run(&cli, command);
    }
    if !std::io::stdout().is_terminal() {
        note(
            "dealdesk: the desk needs a terminal, and standard output is not one.\n\
             For batch work use the subcommands: `dealdesk eval FILE` (assess prospects from CSV or JSON), \
             `dealdesk import FILE.csv`, `dealdesk export`; see `dealdesk --help`.",
        );
        return ExitCode::from(2);
    }
    let outcome = Context::for_desk(&cli).and_then(|(ctx, policy_problem)| {
        tui::run(tui::Options {
            store: ctx.store,
            policy: ctx.policy,
            policy_path: cli::policy_path(&cli),
            policy_problem,
            today: ctx.today,
            demo: cli.demo,
            holder: describe_this_process(cli::unix_now()),
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
