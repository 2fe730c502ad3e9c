//! Finding 5 of issue 15: a failing standard output (`import f.csv | true`, `> /dev/full`,
//! `check | head -c1`) panicked after the store was written, so a caller that retried
//! imported twice. Now every subcommand ends with a message and exit code 3, never a panic,
//! and a command that had saved says so.
#![cfg(unix)]

mod common;

use common::hardening as sandbox;

use std::fs::{File, OpenOptions};
use std::process::Stdio;

use sandbox::{Run, Sandbox, arg, names};

/// The exit code for a report that could not be written (README, "Command line").
const OUTPUT_FAILED: i32 = 3;

/// Runs with standard output a pipe whose reader is gone before the command starts.
fn with_closed_stdout(s: &Sandbox, args: &[&str]) -> Run {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    Run::from(s.command(args).stdout(writer).stderr(Stdio::piped()).output().expect("runs"))
}

/// Runs with standard output the full device.
fn with_full_stdout(s: &Sandbox, args: &[&str]) -> Option<Run> {
    let full: File = OpenOptions::new().write(true).open("/dev/full").ok()?;
    Some(Run::from(s.command(args).stdout(full).stderr(Stdio::piped()).output().expect("runs")))
}

fn assert_clean_failure(run: &Run, what: &str, reason: &str) {
    assert_eq!(run.code, Some(OUTPUT_FAILED), "{what}: {}", run.all());
    assert!(!run.stderr.contains("panicked"), "{what} panicked: {}", run.stderr);
    assert!(run.stderr.contains(reason), "{what}: no {reason:?} in {}", run.stderr);
}

#[test]
fn an_import_whose_report_cannot_be_written_says_it_saved_and_is_not_repeated() {
    let s = Sandbox::new();
    let store = s.store("st.json", &[(1, "Aerts NV")]);
    let csv = s.one_row_csv("Nieuw BV");
    let run = with_closed_stdout(&s, &["import", &arg(&csv), "--store", &arg(&store)]);
    assert_clean_failure(&run, "import | true", "broken pipe");
    assert!(
        run.stderr.contains(&format!("imported 1 prospect into {} (2 in all)", store.display()))
            && run.stderr.contains("(saved); could not write the report"),
        "{}",
        run.stderr
    );
    assert_eq!(names(&store), ["Aerts NV", "Nieuw BV"], "saved once");

    if let Some(run) =
        with_full_stdout(&s, &["import", &arg(&s.one_row_csv("Derde BV")), "--store", &arg(&store)])
    {
        assert_clean_failure(&run, "import > /dev/full", "no space left on the device");
        assert!(run.stderr.contains("(saved)"), "{}", run.stderr);
        assert_eq!(names(&store), ["Aerts NV", "Nieuw BV", "Derde BV"]);
    } else {
        println!("skipped the full-disk case: /dev/full is not here");
    }
}

#[test]
fn every_subcommand_ends_cleanly_on_a_closed_or_full_standard_output() {
    let s = Sandbox::new();
    let store = s.store("st.json", &[(1, "Aerts NV"), (2, "Brouwerij NV")]);
    let (store, csv) = (arg(&store), arg(&s.one_row_csv("Nieuw BV")));
    let commands: [&[&str]; 8] = [
        &["check", "--store", &store],
        &["export", "--store", &store],
        &["export", "--format", "json", "--store", &store],
        &["eval", &csv],
        &["eval", "--format", "json", &csv],
        &["policy"],
        &["policy", "--print-default"],
        &["import", "--dry-run", &csv, "--store", &store],
    ];
    for args in commands {
        let what = args.join(" ");
        assert_clean_failure(&with_closed_stdout(&s, args), &format!("{what} | true"), "broken pipe");
        if let Some(run) = with_full_stdout(&s, args) {
            assert_clean_failure(&run, &format!("{what} > /dev/full"), "no space left on the device");
        }
    }
}
