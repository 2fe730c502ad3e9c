//! Finding 4 of issue 15 and the policy file's schema: every policy number has a range, checked
//! on load and in the editor; typed what-if values are bounded; arithmetic on user values does
//! not overflow. A policy of schema 1 lacking a field loads with that field's default, a typo
//! is refused with its path, a newer schema is refused and its file never rewritten; bytes
//! after the JSON are an error (finding 11).
#![cfg(unix)]

mod common;

use common::{hardening as sandbox, pty};

use std::fs;
use std::sync::Arc;
use std::time::{Duration, Instant};

use dealdesk::domain::economics::profit_by_payment_days;
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::policy_ranges;
use dealdesk::domain::prospect::Prospect;
use dealdesk::tui::kit::line_edit::LineEdit;
use dealdesk::tui::policy::state::PolicyEditor;
use dealdesk::tui::terms::state::{TermsEditor, TermsField};
use rust_decimal::Decimal;
use sandbox::{Sandbox, arg, wait_or_kill};
use serde_json::{Value, json};
use strum::VariantArray;

/// The shipped policy as JSON, with `edit` applied.
fn shipped_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut value = serde_json::to_value(Policy::default_policy()).unwrap();
    edit(&mut value);
    value.to_string()
}

#[test]
fn numbers_out_of_range_are_refused_on_load_with_their_path() {
    let s = Sandbox::new();
    let csv = arg(&s.write("p.csv", b"name,annual_volume,equity,dbt_days\nGroot NV,10000000,100000,40\n"));
    let cases: [(&str, Value, &str); 4] = [
        ("limits.fit_advance_step_pct", json!("0.0000000000000000000000000001"), "between 0.5 and 100"),
        ("limits.fit_advance_step_pct", json!(0.00001), "between 0.5 and 100"),
        ("scorecard.weights.payment", json!(1e308), "between 0 and 1000"),
        ("economics.max_payment_days", json!(4294967295u64), "between 0 and 365"),
    ];
    for (field, value, range) in cases {
        let (section, key) = field.split_once('.').unwrap();
        let text = shipped_with(|v| match key.split_once('.') {
            Some((group, key)) => v[section][group][key] = value.clone(),
            None => v[section][key] = value.clone(),
        });
        let policy = s.write("policy.json", text.as_bytes());
        let run = wait_or_kill(s.spawn(&["eval", &csv, "--policy", &arg(&policy)]), 20, "eval");
        assert_eq!(run.code, Some(1), "{field} = {value}: {}", run.all());
        run.says(&format!("{}: {field}: ", policy.display())).says(range);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[test]
fn the_editor_refuses_what_the_loader_refuses() {
    let mut editor = PolicyEditor::open(&Policy::default_policy());
    for (path, typed) in [
        ("limits.fit_advance_step_pct", "0.0000000000000000000000000001"),
        ("scorecard.weights.solvency", "1e308"),
    ] {
        editor.focus = editor.leaves.iter().position(|l| l.path == path).unwrap();
        editor.typing = Some(LineEdit::new(typed));
        editor.apply_typed();
        let leaf = editor.leaves[editor.focus].clone();
        let issue =
            editor.issue_for(&leaf).unwrap_or_else(|| panic!("{path} = {typed} passes: {:?}", editor.issues));
        assert!(issue.contains(" must be between ") && issue.contains("; it is "), "{issue}");
    }
    assert!(editor.policy().is_none(), "an invalid policy cannot be saved");
}

#[test]
fn typed_what_if_values_are_bounded_and_stepping_cannot_overflow() {
    let policy = Policy::default_policy();
    let prospect =
        Arc::new(Prospect { annual_volume: Some(Money::units(500_000)), ..common::domain::healthy() });
    let mut editor = TermsEditor::open(prospect, None, &policy, common::domain::today());
    let focus = |e: &mut TermsEditor, field: TermsField| {
        e.focus = TermsField::VARIANTS.iter().position(|f| *f == field).unwrap();
    };
    focus(&mut editor, TermsField::MaxMonths);
    let before = editor.max_months;
    editor.typing = Some(LineEdit::new("79000000000000000000000000000"));
    editor.commit_typed(&policy);
    assert!(
        editor.error.as_deref().is_some_and(|e| e.contains("not a number of months (1–120)")),
        "{:?}",
        editor.error
    );
    assert_eq!(editor.max_months, before);
    editor.typing = Some(LineEdit::new("120"));
    editor.commit_typed(&policy);
    editor.step(true, &policy);
    assert_eq!(editor.max_months, 120, "a step stops at the bound");
    editor.goal_seek(true, &policy);
    editor.goal_seek(false, &policy);

    focus(&mut editor, TermsField::CreditLimit);
    editor.typing = Some(LineEdit::new("1000000000000000"));
    editor.commit_typed(&policy);
    for _ in 0..3 {
        editor.step(true, &policy);
    }
    assert_eq!(editor.edited.credit_limit, Money::max_input(), "the limit stops at the largest amount");
}

/// Values no loaded policy can hold (validation refuses them) still cannot overflow or hang
/// the arithmetic, for a policy built in code.
#[test]
fn the_goal_seek_and_the_fit_are_bounded_whatever_the_policy_holds() {
    let mut policy = Policy::default_policy();
    policy.economics.max_payment_days = u32::MAX;
    let p = Prospect { annual_volume: Some(Money::units(500_000)), ..common::domain::healthy() };
    let e = evaluate(&p, &policy, common::domain::today());
    let (deal, terms) = (e.deal.as_ref().unwrap(), &e.suggestion.terms);
    // The sensitivity series stops at a year whatever ceiling it is given.
    let series = profit_by_payment_days(deal, terms, 5, u32::MAX, &policy);
    assert_eq!(series.last().map(|(d, _)| *d), Some(365));

    // A step of 1e-5 points took 30 s for 1 000 prospects: each fit walked 10^7 steps.
    policy.limits.fit_advance_step_pct = Pct::new(Decimal::new(1, 5));
    let big = Prospect {
        annual_volume: Some(Money::units(10_000_000)),
        equity: Some(Money::units(100_000)),
        ..common::domain::healthy()
    };
    let start = Instant::now();
    for _ in 0..200 {
        let e = evaluate(&big, &policy, common::domain::today());
        assert!(e.suggestion.terms.advance_pct > Pct::whole(90), "{:?}", e.suggestion.terms);
    }
    assert!(start.elapsed() < Duration::from_secs(10), "200 fits took {:?}", start.elapsed());
}

#[test]
fn a_schema_1_file_lacking_a_field_loads_with_its_default_and_a_typo_is_named() {
    let s = Sandbox::new();
    let mut old: Value = serde_json::to_value(Policy::default_policy()).unwrap();
    old["economics"].as_object_mut().unwrap().remove("target_margin_pct");
    old["economics"]["cost_of_capital_pct"] = json!("9");
    let file = s.write("old.json", old.to_string().as_bytes());
    let run = s.run(&["policy", "--policy", &arg(&file)]).ok();
    let loaded: Value = serde_json::from_str(&run.stdout).expect("the policy as JSON");
    assert_eq!(loaded["schema"], json!(3), "printed in the current schema");
    assert_eq!(loaded["economics"]["target_margin_pct"], json!("5"), "the shipped default");
    assert_eq!(loaded["economics"]["cost_of_capital_pct"], json!("9"), "the file's own value");

    let typo = s.write("typo.json", br#"{"schema": 2, "economics": {"cost_of_capitl_pct": "9"}}"#);
    let run = s.run(&["policy", "--policy", &arg(&typo)]);
    assert_eq!(run.code, Some(1), "{}", run.all());
    run.says("economics.cost_of_capitl_pct: unknown field `cost_of_capitl_pct`");
}

#[test]
fn a_newer_schema_is_refused_and_never_rewritten_even_from_the_editor() {
    let home = pty::Sandbox::new();
    let store = home.demo_copy();
    let policy = home.path("policy.json");
    let text =
        format!("{{\"schema\": 4, \"economics\": {{\"a_future_field\": 1}}, {}", &shipped_with(|_| {})[1..]);
    fs::write(&policy, &text).unwrap();
    let args =
        ["--store", store.to_str().unwrap(), "--policy", policy.to_str().unwrap(), "--as-of", sandbox::AS_OF];
    let mut desk = pty::Desk::start_with(&home, &args, (120, 40), &[]);
    // The pop-up's text with its frame and line breaks taken out, so that wrapped lines read
    // whole: what is inside its borders on each line, not the table rows drawn either side.
    let flat = |screen: &str| {
        let inside = screen.lines().filter_map(|l| {
            let (left, right) = (l.find('│')?, l.rfind('│')?);
            (left < right).then(|| &l[left + '│'.len_utf8()..right])
        });
        inside.flat_map(str::split_whitespace).collect::<Vec<_>>().join(" ")
    };
    desk.wait_until("the newer schema named", pty::DEADLINE, |s| {
        flat(s).contains("schema: 4 is newer than this dealdesk understands (3)")
    });
    desk.send("c");
    desk.wait_for("Running on the built-in policy", pty::DEADLINE);
    desk.send("p");
    desk.wait_for("Minimum score of band A", pty::DEADLINE);
    desk.send("\x13");
    desk.wait_for("has policy schema 4, newer than this dealdesk's 3: not overwritten", pty::DEADLINE);
    desk.send_key(pty::Key::Esc);
    desk.wait_for("Enter open", pty::DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(pty::DEADLINE).success());
    assert_eq!(fs::read_to_string(&policy).unwrap(), text, "byte for byte");
    assert!(!home.path("policy.json.bak").exists());
}

#[test]
fn bytes_after_the_policys_json_are_an_error_with_their_position() {
    let s = Sandbox::new();
    let text = format!(
        "{}\n\n  }}\n",
        serde_json::to_string_pretty(&Policy::default_policy().to_file_json()).unwrap()
    );
    let lines = text.lines().count();
    let file = s.write("policy.json", text.as_bytes());
    let run = s.run(&["check", "--policy", &arg(&file)]);
    assert_eq!(run.code, Some(1), "{}", run.all());
    run.says(&format!("trailing characters at line {lines} column 3"));
}

#[test]
fn the_ranges_are_documented_as_the_table_declares_them() {
    let doc = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ARCHITECTURE.md")).unwrap();
    let table = policy_ranges::markdown();
    assert!(doc.contains(&table), "docs/ARCHITECTURE.md lacks the current table of ranges:\n{table}");
}
