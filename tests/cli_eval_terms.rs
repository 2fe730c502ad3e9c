//! `eval` on given terms (issue 12 item 13): `--terms` for every row, a CSV's term columns per
//! row, the suggestion then under `suggested_terms`, the deviations from policy, and a term
//! the law makes void refused with the row that holds it.

mod common;

use common::sandbox::{Sandbox, manifest_file};
use serde_json::Value;

fn demo() -> String {
    manifest_file("assets/demo.json")
}

fn named<'a>(all: &'a [Value], name: &str) -> &'a Value {
    all.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("{name}"))
}

const X: &str = "Xantra Logistics NV";
const GIVEN: &str = "days=14,advance=30,limit=277000,security=bank_guarantee,security_amount=96000";

#[test]
fn eval_terms_evaluates_the_given_terms_and_keeps_the_suggestion_beside_them() {
    let s = Sandbox::new();
    let all = s.run(&["eval", &demo(), "--format", "json", "--terms", GIVEN]).json();
    let x = named(&all, X);
    let (t, sug, e) = (&x["terms"], &x["suggested_terms"], &x["economics"]);
    assert_eq!((t["payment_days"].as_u64(), t["advance_pct"].as_f64()), (Some(14), Some(30.0)));
    assert_eq!(
        (&t["credit_limit"], &t["security"], &t["security_amount"]),
        (&Value::from("277000"), &Value::from("bank_guarantee"), &Value::from("96000"))
    );
    // The open part: 277 000 − 96 000 = 181 000, above X's cap of 43 000.
    assert_eq!(t["unsecured_limit"], "181000");
    assert!(t.get("why").is_none(), "given terms have no why: {t:#}");
    assert_eq!(
        (&sug["security_amount"], &sug["credit_limit"]),
        (&Value::from("381000"), &Value::from("424000"))
    );
    assert!(sug["why"].as_array().is_some_and(|w| !w.is_empty()) && sug["ask"].is_string(), "{sug:#}");
    // X needs 2 400 000·1.21·0.7·76/365 = 423 267.95 on these terms: the limit of 277 000
    // carries 2 400 000·277 000/423 267.95 = 1 570 636.28 of the volume.
    assert_eq!((&e["volume_sold"], &e["exposure"]), (&Value::from("1570636.28"), &Value::from("277000")));
    assert!(e["loss_at_default_months"].is_number() && e["raroc_pct"].is_number(), "{e:#}");
    assert!(e.get("return_on_exposure_pct").is_none(), "return on exposure is gone");
    let deviations: Vec<(&str, &str)> = x["deviations"]
        .as_array()
        .expect("deviations")
        .iter()
        .map(|d| (d["term"].as_str().unwrap_or(""), d["text"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        deviations,
        [
            ("credit_limit", "Unsecured limit 181 000 is above the cap 43 000"),
            ("security_amount", "The bank guarantee of 96 000 is smaller than the policy's 381 000")
        ]
    );
    // Without --terms the suggestion is evaluated, with no deviations and no second set.
    let all = s.run(&["eval", &demo(), "--format", "json"]).json();
    let x = named(&all, X);
    assert!(x.get("suggested_terms").is_none() && x["deviations"] == Value::Array(vec![]), "{x:#}");
    assert_eq!(x["terms"]["security_amount"], "381000");
}

#[test]
fn csv_term_columns_give_each_row_its_terms_and_win_over_the_flag() {
    let s = Sandbox::new();
    let csv = s.write(
        "p.csv",
        b"name;country;annual_volume;equity;dbt_days;payment_days;advance_pct;security;security_amount\n\
          Een NV;BE;100000;500000;0;14;12,5;credit_insurance;20.000\n\
          Twee NV;BE;100000;500000;0;;;;\n",
    );
    let all = s.run(&["eval", &csv, "--format", "json", "--terms", "days=21"]).json();
    let (one, two) = (named(&all, "Een NV"), named(&all, "Twee NV"));
    // A ';' file reads the decimal comma and the grouping dot: 12,5 % and 20 000.
    assert_eq!(
        (one["terms"]["payment_days"].as_u64(), one["terms"]["advance_pct"].as_f64()),
        (Some(14), Some(12.5))
    );
    assert_eq!(
        (&one["terms"]["security"], &one["terms"]["security_amount"]),
        (&Value::from("credit_insurance"), &Value::from("20000"))
    );
    // The second row's cells are empty: the flag's 21 days, the rest suggested.
    assert_eq!(two["terms"]["payment_days"].as_u64(), Some(21));
    assert_eq!(two["terms"]["advance_pct"], two["suggested_terms"]["advance_pct"]);
}

#[test]
fn a_void_term_and_a_bad_cell_are_refused_with_where_they_are() {
    let s = Sandbox::new();
    let run = s.run(&["eval", &demo(), "--terms", "days=90"]);
    assert_eq!(run.code, Some(1), "{}", run.all());
    run.says("Xantra Logistics NV: 90 days cannot be agreed: Belgian law of 2 August 2002")
        .says("a B2B payment term over 60 days is void (60 at most)");
    let csv = s.write("bad.csv", b"name,annual_volume,security,payment_days\nA NV,1000,gold,x\n");
    let run = s.run(&["eval", &csv]);
    assert_eq!(run.code, Some(1));
    run.says("1 bad row, nothing evaluated")
        .says("row 2: column security: 'gold' is not one of none, retention_of_title")
        .says("row 2: column payment_days: 'x' is not a number of days");
    let run = s.run(&["eval", &demo(), "--terms", "speed=3"]);
    assert_eq!(run.code, Some(2), "a bad flag is wrong usage: {}", run.all());
    run.says("'speed' is not a term");
}
