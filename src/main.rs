//! Thin entry point: parse the command line, then run a batch subcommand or the desk.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use dealdesk::cli::output::note;
use dealdesk::cli::{self, Cli, Context};
use dealdesk::store::lock::describe_this_process;
use dealdesk::tui;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
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
        let policy_path = cli::policy_path(&cli, &ctx.store);
        tui::run(tui::Options {
            store: ctx.store,
            policy: ctx.policy,
            policy_path,
            policy_problem,
            today: ctx.today,
            demo: cli.demo,
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
