//! `eval` as a stream: `--format json` one record a line, `--format jsonl`, `--skip-invalid`, a bad row that stops the command
//! before the first record is written, input order kept across batches, and file text that
//! never reaches the terminal raw.

mod common;

use common::sandbox::Sandbox;
use serde_json::Value;

/// `n` prospects as CSV, each named by its row so that the order can be checked.
fn csv(n: usize, bad_row: Option<usize>) -> String {
    let mut text = String::from("name;dbt_days;annual_volume\n");
    for i in 0..n {
        let days = if Some(i + 2) == bad_row { "veel".to_string() } else { (i % 90).to_string() };
        text.push_str(&format!("P{i:05} BV;{days};{}\n", 10_000 + i));
    }
    text
}

#[test]
fn jsonl_writes_one_object_a_line_in_input_order_across_batches() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("many.csv", csv(10_000, None).as_bytes());
    let run = sandbox.run(&["eval", &file, "--format", "jsonl", "--store", &sandbox.store()]).ok();
    let names: Vec<String> = run
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).expect("each line is JSON")["name"].as_str().unwrap().to_string()
        })
        .collect();
    let want: Vec<String> = (0..10_000).map(|i| format!("P{i:05} BV")).collect();
    assert_eq!(names, want);
}

#[test]
fn json_is_one_array_with_one_record_a_line() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("few.csv", csv(3, None).as_bytes());
    let run = sandbox.run(&["eval", &file, "--format", "json", "--store", &sandbox.store()]).ok();
    let value: Value = serde_json::from_str(&run.stdout).unwrap();
    let records = value.as_array().expect("an array");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!((lines.len(), lines[0], lines[4]), (5, "[", "]"));
    for (line, record) in lines[1..4].iter().zip(records) {
        let line = line.strip_suffix(',').unwrap_or(line);
        assert_eq!(&serde_json::from_str::<Value>(line).unwrap(), record);
    }
    let empty = sandbox.write("empty.csv", b"name\n");
    let run = sandbox.run(&["eval", &empty, "--format", "json", "--store", &sandbox.store()]).ok();
    assert_eq!(run.stdout, "[]\n");
}

#[test]
fn a_bad_row_late_in_the_file_stops_eval_before_anything_is_written() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("late.csv", csv(9_000, Some(8_999)).as_bytes());
    for format in ["json", "jsonl", "table"] {
        let run = sandbox.run(&["eval", &file, "--format", format, "--store", &sandbox.store()]).failed();
        assert!(run.stdout.is_empty(), "{format}: half an output: {} bytes", run.stdout.len());
        run.says("row 8999, column dbt_days").says("--skip-invalid");
    }
    let run = sandbox
        .run(&["eval", &file, "--format", "jsonl", "--skip-invalid", "--store", &sandbox.store()])
        .ok();
    assert_eq!(run.stdout.lines().count(), 8_999);
    run.says("row 8999, column dbt_days").says("8999 prospects evaluated, 1 bad row skipped");
}

#[test]
fn names_with_escape_sequences_are_shown_escaped_in_the_table_and_in_errors() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("esc.csv", b"name;dbt_days\n\x1b[2JEvil\x1b]0:owned\x07 BV;5\nOK;\x1b[31m\n");
    let run = sandbox.run(&["eval", &file, "--skip-invalid", "--store", &sandbox.store()]).ok();
    assert!(!run.stdout.contains('\x1b') && !run.stderr.contains('\x1b'), "raw escape reached the terminal");
    assert!(run.stdout.contains("\\u{1b}[2JEvil"), "{}", run.stdout);
    assert!(run.stderr.contains("'\\u{1b}[31m' is not a number of days"), "{}", run.stderr);
    // JSON output is for programs: the name stays as it is, escaped by JSON itself.
    let json =
        sandbox.run(&["eval", &file, "--skip-invalid", "--format", "jsonl", "--store", &sandbox.store()]);
    let record: Value = serde_json::from_str(json.ok().stdout.lines().next().unwrap()).unwrap();
    assert_eq!(record["name"], "\u{1b}[2JEvil\u{1b}]0:owned\u{7} BV");
}

#[test]
fn a_store_file_streams_too() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let file = sandbox.write("many.csv", csv(5_000, None).as_bytes());
    sandbox.run(&["import", &file, "--store", &store]).ok();
    let run = sandbox.run(&["eval", &store, "--format", "jsonl", "--store", &store]).ok();
    assert_eq!(run.stdout.lines().count(), 5_000);
    assert!(run.stdout.lines().last().unwrap().contains("\"P04999 BV\""));
}
