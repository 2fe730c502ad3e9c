//! The real `dealdesk` binary evaluating prospects: `eval` of CSV, JSON and store files in both
//! formats, the public JSON contract, standard input, bad input, the demo portfolio's X and Y,
//! and the refusal to start the desk without a terminal.
//!
//! Every run gets a fixed date, a store in a temporary directory and a HOME / XDG directories of
//! its own, so neither today's date nor the user's files can change a result.

mod common;

use common::sandbox::{Sandbox, fixture, manifest_file};
use serde_json::Value;

/// A decimal written as a string: `-12345.60`, `178000` (no exponent, no grouping).
fn is_decimal_string(value: &Value) -> bool {
    let Some(text) = value.as_str() else {
        return false;
    };
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

fn number_in(value: &Value, low: f64, high: f64) -> bool {
    value.as_f64().is_some_and(|n| (low..=high).contains(&n))
}

/// Checks one object of `eval --format json` against the documented contract, field by field.
fn assert_contract(r: &Value) {
    let name = r["name"].as_str().expect("name is a string");
    let (terms, economics) = (&r["terms"], &r["economics"]);
    let bands = ["A", "B", "C", "D", "E"];
    let reason = |x: &Value| x["factor"].is_string() && x["points"].is_number() && x["text"].is_string();
    let cap = |x: &Value| {
        x["band"].as_str().is_some_and(|b| bands.contains(&b))
            && x["rule"].is_string()
            && x["why"].is_string()
    };
    let field_key = |f: &Value| f.as_str().and_then(dealdesk::domain::fields::Field::from_key).is_some();
    let warning = |x: &Value| {
        x["fields"].as_array().is_some_and(|f| !f.is_empty() && f.iter().all(field_key))
            && x["text"].is_string()
    };
    let amounts = [
        "average_receivable",
        "volume_sold",
        "expected_loss",
        "loss_at_default",
        "financing_cost",
        "cost_to_serve",
        "capital",
        "risk_adjusted_profit",
    ];
    let margin = &economics["risk_adjusted_margin_pct"];
    let number_or_null = |v: &Value| v.is_null() || v.is_number();
    let checks = [
        ("score", r["score"].is_null() || number_in(&r["score"], 0.0, 100.0)),
        ("band", r["band"].as_str().is_some_and(|b| bands.contains(&b))),
        ("pd", number_in(&r["pd"], 0.0, 1.0)),
        ("in_default", r["in_default"].is_boolean()),
        ("caps", r["caps"].as_array().is_some_and(|v| v.iter().all(cap))),
        ("warnings", r["warnings"].as_array().is_some_and(|v| v.iter().all(warning))),
        ("coverage", number_in(&r["coverage"], 0.0, 1.0)),
        ("insufficient_data", r["insufficient_data"].is_boolean()),
        ("altman_z2", r["altman_z2"].is_null() || r["altman_z2"].is_f64()),
        ("reasons", (r["reasons"].as_array()).is_some_and(|v| !v.is_empty() && v.iter().all(reason))),
        ("segment", r["segment"].is_null() || r["segment"].is_string()),
        ("channel", r["channel"].is_string()),
        ("terms.payment_days", terms["payment_days"].is_u64()),
        ("terms.advance_pct", number_in(&terms["advance_pct"], 0.0, 100.0)),
        ("terms.credit_limit", is_decimal_string(&terms["credit_limit"])),
        ("terms.unsecured_limit", is_decimal_string(&terms["unsecured_limit"])),
        ("terms.security_amount", is_decimal_string(&terms["security_amount"])),
        ("terms.delivery", terms["delivery"].is_string()),
        ("terms.security", terms["security"].is_string()),
        ("terms.review_months", terms["review_months"].is_u64()),
        (
            "terms.why",
            (terms["why"].as_array()).is_some_and(|v| !v.is_empty() && v.iter().all(Value::is_string)),
        ),
        ("economics", economics.is_object()),
        ("economics amounts", amounts.iter().all(|a| is_decimal_string(&economics[*a]))),
        ("economics.risk_adjusted_margin_pct", margin.is_null() || margin.is_number()),
        ("economics.loss_at_default_months", number_or_null(&economics["loss_at_default_months"])),
        ("economics.raroc_pct", number_or_null(&economics["raroc_pct"])),
        ("no return on exposure", economics.get("return_on_exposure_pct").is_none()),
        ("deviations", r["deviations"].is_array()),
    ];
    for (field, ok) in checks {
        assert!(ok, "{name}: {field} breaks the contract in {r:#}");
    }
}

fn by_name<'a>(records: &'a [Value], name: &str) -> &'a Value {
    records.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("{name} is in the output"))
}

const NAMES: [&str; 3] = ["Polder Bouwgroep BV", "Dupont, Fils & Cie SRL", "Kaashandel De Wit BV"];

#[test]
fn eval_json_of_csv_json_array_and_store_file_keeps_the_contract_and_agrees() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let (csv, array) = (fixture("prospects.csv"), fixture("prospects.json"));
    let store_file = fixture("store.json");
    let outputs = [
        sandbox.run(&["eval", &csv, "--format", "json", "--store", &store]),
        sandbox.run(&["--store", &store, "eval", "--format", "json", &array]),
        sandbox.run(&["eval", "--store", &store, &store_file, "--format=json"]),
    ]
    .map(|run| run.json());
    for records in &outputs {
        let names: Vec<&str> = records.iter().filter_map(|r| r["name"].as_str()).collect();
        assert_eq!(names, NAMES);
        records.iter().for_each(assert_contract);
    }
    assert_eq!(outputs[0], outputs[1], "CSV and JSON array disagree");
    assert_eq!(outputs[1], outputs[2], "JSON array and store file disagree");

    let records = &outputs[0];
    let dupont = by_name(records, NAMES[1]);
    assert!(dupont["altman_z2"].is_null(), "no balance sheet: {dupont}");
    assert_eq!(dupont["insufficient_data"], true);
    let polder = by_name(records, NAMES[0]);
    assert!(polder["altman_z2"].is_f64());
    assert_eq!(polder["insufficient_data"], false);
    assert_eq!(polder["segment"], "strategic");
    let de_wit = by_name(records, NAMES[2]);
    assert_eq!((&de_wit["segment"], &de_wit["channel"]), (&"small".into(), &"partner".into()));
    assert!(!sandbox.path("portfolio.json").exists(), "eval wrote");
}

#[test]
fn eval_table_shows_names_bands_and_risk_adjusted_profit() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let csv = fixture("prospects.csv");
    let json = sandbox.run(&["eval", &csv, "--format=json", "--store", &store]).json();
    for input in [csv.clone(), fixture("prospects.json")] {
        let run = sandbox.run(&["--store", &store, "eval", &input, "--format", "table"]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let header = run.stdout.lines().next().expect("a header line");
        for column in ["Name", "Band", "Segment", "Risk-adj. profit"] {
            assert!(header.contains(column), "no {column} column: {header}");
        }
        for record in &json {
            let name = record["name"].as_str().unwrap();
            let line = (run.stdout.lines().find(|l| l.starts_with(name)))
                .unwrap_or_else(|| panic!("{name} has a line:\n{}", run.stdout));
            let band_cell = line[name.len()..].split_whitespace().next().unwrap();
            assert_eq!(band_cell.trim_end_matches('?'), record["band"], "{line}");
        }
        // The default format is the table.
        let default = sandbox.run(&["eval", &input, "--store", &store]);
        assert_eq!(default.stdout, run.stdout);
        let footer = "as of 2026-11-28 under the built-in defaults";
        assert!(run.stdout.contains(footer), "{}", run.stdout);
    }
}

#[test]
fn eval_reads_standard_input() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let (csv, json) = (fixture("prospects.csv"), fixture("prospects.json"));
    let from_file = sandbox.run(&["eval", &csv, "--format=json", "--store", &store]);
    for file in [&csv, &json] {
        let bytes = std::fs::read(file).unwrap();
        let args = ["eval", "-", "--format", "json", "--store", &store];
        assert_eq!(sandbox.pipe(&args, Some(&bytes)).json(), from_file.json());
    }
    let bytes = std::fs::read(&csv).unwrap();
    let table = sandbox.pipe(&["--store", &store, "eval", "-"], Some(&bytes));
    assert_eq!(table.code, Some(0), "{}", table.stderr);
    for name in NAMES {
        assert!(table.stdout.contains(name), "no {name}:\n{}", table.stdout);
    }
}

#[test]
fn eval_of_bad_json_fails_naming_the_field_path() {
    let sandbox = Sandbox::new();
    let file = fixture("bad_field.json");
    let run = sandbox.run(&["eval", &file, "--store", &sandbox.store()]).failed();
    assert!(run.stdout.is_empty(), "printed a result: {}", run.stdout);
    assert!(run.stderr.contains("[1].dbt_days"), "{}", run.stderr);
    assert!(run.stderr.contains("lots"), "{}", run.stderr);
}

#[test]
fn eval_of_a_bad_store_format_file_names_the_field_path() {
    let sandbox = Sandbox::new();
    let file = fixture("bad_field_store.json");
    let args = ["--store", &sandbox.store(), "eval", &file, "--format", "json"];
    let run = sandbox.run(&args).failed();
    assert!(run.stderr.contains("bad_field_store.json:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("prospects[1].dbt_days"), "{}", run.stderr);
}

#[test]
fn eval_of_a_bad_csv_cell_fails_naming_row_and_column() {
    let sandbox = Sandbox::new();
    let csv = b"name,dbt_days,annual_volume\nGoed BV,5,10000\nFout BV,veel,20000\n";
    let run = sandbox.pipe(&["eval", "-", "--store", &sandbox.store()], Some(csv));
    let run = run.failed();
    assert!(run.stderr.contains("row 3, column dbt_days"), "{}", run.stderr);
}

/// The demo prospect whose note calls it the article's company `letter`, else `fallback`.
fn demo_name(letter: char, fallback: &str) -> String {
    let demo: Value = serde_json::from_str(include_str!("../assets/demo.json")).unwrap();
    let marker = format!("company {letter}:");
    let prospects = demo["prospects"].as_array().expect("demo prospects");
    (prospects.iter())
        .find(|p| p["note"].as_str().is_some_and(|n| n.contains(&marker)))
        .and_then(|p| p["name"].as_str())
        .unwrap_or(fallback)
        .to_string()
}

#[test]
fn the_demo_shows_x_on_adapted_terms_and_y_through_the_partner() {
    let sandbox = Sandbox::new();
    let demo = manifest_file("assets/demo.json");
    let args = ["eval", "--format", "json", &demo, "--store", &sandbox.store()];
    let records = sandbox.run(&args).json();
    assert!(records.len() >= 40, "{} demo prospects", records.len());
    records.iter().for_each(assert_contract);

    let x = by_name(&records, &demo_name('X', "Xantra Logistics NV"));
    assert!(["D", "E"].contains(&x["band"].as_str().unwrap()), "X: {x}");
    assert_eq!(x["segment"], "strategic", "X: {x}");
    let advance = x["terms"]["advance_pct"].as_f64().unwrap();
    let days = x["terms"]["payment_days"].as_u64().unwrap();
    assert!(advance > 0.0 || days < 30, "X not on adapted terms: {x}");
    assert!(advance < 100.0, "X refused (all in advance): {x}");
    assert!(is_decimal_string(&x["economics"]["risk_adjusted_profit"]));

    let y = by_name(&records, &demo_name('Y', "Ysendyck Delicatessen BV"));
    assert_eq!(y["segment"], "small", "Y: {y}");
    assert_eq!(y["channel"], "partner", "Y: {y}");
    assert_eq!(y["terms"]["advance_pct"].as_f64(), Some(0.0), "Y: {y}");
    assert!(is_decimal_string(&y["economics"]["risk_adjusted_profit"]));
    assert!(!sandbox.path("portfolio.json").exists(), "eval wrote");
}

#[test]
fn without_a_subcommand_or_a_terminal_it_exits_2_and_points_to_eval() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--store", &sandbox.store()]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("eval"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(!sandbox.path("portfolio.json").exists());
}

#[test]
fn eval_json_shows_the_default_grade_caps_and_warnings() {
    let sandbox = Sandbox::new();
    let prospects = r#"[
        {"name": "Bankrupt NV", "insolvency": "bankruptcy", "annual_volume": "100000"},
        {"name": "Listed BV", "tax_debt": true, "social_debt": "1200", "summons_authority": false, "annual_volume": "50000"},
        {"name": "Unbalanced SA", "total_assets": "1500000", "equity": "500000", "total_liabilities": "500000", "annual_volume": "50000"}
    ]"#;
    let file = sandbox.path("signals.json");
    std::fs::write(&file, prospects).unwrap();
    let file = file.display().to_string();
    let records = sandbox.run(&["eval", &file, "--format", "json", "--store", &sandbox.store()]).json();
    records.iter().for_each(assert_contract);

    let bankrupt = by_name(&records, "Bankrupt NV");
    assert_eq!(
        (&bankrupt["in_default"], &bankrupt["band"], &bankrupt["pd"]),
        (&Value::Bool(true), &Value::from("E"), &Value::from(1.0))
    );
    assert_eq!(
        bankrupt["caps"][0],
        serde_json::json!({"band": "E", "rule": "default_bankruptcy", "why": "Bankruptcy"})
    );
    let why = bankrupt["terms"]["why"].as_array().unwrap();
    assert!(
        why.iter().any(|w| w == "In default: contract only with the curator, cash before delivery"),
        "{why:?}"
    );
    assert_eq!(bankrupt["terms"]["review_months"], 0);
    assert_eq!(bankrupt["reasons"][0]["points"], 0.0);

    let listed = by_name(&records, "Listed BV");
    assert_eq!(listed["in_default"], false);
    let rules: Vec<&str> =
        listed["caps"].as_array().unwrap().iter().filter_map(|c| c["rule"].as_str()).collect();
    assert_eq!(rules, ["insufficient_data", "tax_debt_listing"]);

    let unbalanced = by_name(&records, "Unbalanced SA");
    let text = "Total assets 1 500 000 ≠ equity + total liabilities 1 000 000 (more than 2 % apart)";
    let want = serde_json::json!([{"fields": ["total_assets", "equity", "total_liabilities"], "text": text}]);
    assert_eq!(unbalanced["warnings"], want);
}
