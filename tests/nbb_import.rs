//! Filed annual accounts (NBB CSV) into the portfolio: every mapped field of both real filings
//! worked out by hand from the codes in the file, the micro model without turnover, updates that
//! keep the deal, a second import that changes nothing, and periods that must not go back.

mod common;

use std::fs;

use common::sandbox::{Sandbox, fixture};
use dealdesk::domain::date::Date;
use dealdesk::domain::import_plan::{Incoming, Plan};
use dealdesk::domain::money::{Money, NumberStyle, Pct};
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::vocabulary::{Insolvency, Status};
use dealdesk::io::nbb::read_filing;
use dealdesk::io::nbb_rubrics::to_incoming;
use rust_decimal::dec;

/// The import's plan, a status in a row recorded as a decision imported from "rows.csv".
fn plan(existing: &[&Prospect], incoming: Vec<Incoming>) -> Plan {
    dealdesk::domain::import_plan::plan(existing, incoming, &common::domain::decider("rows.csv"))
}

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

fn money(text: &str) -> Option<Money> {
    Some(Money::parse(text, NumberStyle::Point).unwrap())
}

fn incoming(name: &str) -> (Incoming, Vec<String>) {
    let filing = read_filing(&fs::read(fixture(&format!("nbb/{name}"))).unwrap()).unwrap();
    to_incoming(&filing, today()).unwrap()
}

#[test]
fn the_full_model_of_profinance_maps_field_by_field() {
    let (item, notes) = incoming("profinance.csv");
    assert!(notes.is_empty(), "{notes:?}");
    let p = &item.prospect;
    assert_eq!(p.name, "Profinance"); // "Entity name"
    assert_eq!(p.registration.as_deref(), Some("0443.246.943")); // "Entity number" 0443246943
    assert_eq!(p.country.as_deref(), Some("BE")); // "Entity country" België
    assert_eq!(p.city.as_deref(), Some("Lokeren")); // "Entity city"
    assert_eq!(p.accounts_date, Date::new(2024, 12, 31)); // "Accounting period end date"
    assert_eq!(p.revenue, money("383495.91")); // 70
    assert_eq!(p.ebit, money("-4163.25")); // 9901
    assert_eq!(p.net_result, money("334861.19")); // 9904
    assert_eq!(p.total_assets, money("9273680.09")); // 20/58
    assert_eq!(p.equity, money("8896856.47")); // 10/15
    assert_eq!(p.current_assets, money("2021674.29")); // 29/58
    assert_eq!(p.inventory, money("13640.63")); // 3
    // 50/53 + 54/58 = 406 930 + 267 792.57
    assert_eq!(p.cash, money("674722.57"));
    assert_eq!(p.current_liabilities, money("22823.62")); // 42/48
    // 10/49 − 10/15 = 9 273 680.09 − 8 896 856.47 (= 17/49 in the file, no provisions)
    assert_eq!(p.total_liabilities, money("376823.62"));
    // 13 + 14 = 8 796 856.47 + 0 (14 is not in the filing)
    assert_eq!(p.retained_earnings, money("8796856.47"));
    assert_eq!(p.employees, Some(1)); // 9087 = 1
    assert_eq!(p.insolvency, None, "liquidation flag FALSE says nothing about proceedings");
    assert!(item.keeps_newer_accounts);
}

#[test]
fn the_abbreviated_model_of_somnis_maps_field_by_field() {
    let (item, notes) = incoming("somnis.csv");
    assert!(notes.is_empty(), "{notes:?}");
    let p = &item.prospect;
    assert_eq!(p.name, "Somnis Bedding");
    assert_eq!(p.registration.as_deref(), Some("0454.352.156")); // 0454352156
    assert_eq!((p.country.as_deref(), p.city.as_deref()), (Some("BE"), Some("Lokeren")));
    assert_eq!(p.revenue, money("22276938.71")); // 70
    assert_eq!(p.ebit, money("252577.61")); // 9901
    assert_eq!(p.net_result, money("64227.15")); // 9904
    assert_eq!(p.total_assets, money("13674938.31")); // 20/58
    assert_eq!(p.equity, money("4620497.72")); // 10/15
    assert_eq!(p.current_assets, money("11763123.32")); // 29/58
    assert_eq!(p.inventory, money("3692600.78")); // 3
    // 50/53 + 54/58 = 15 000 + 200 454.53
    assert_eq!(p.cash, money("215454.53"));
    assert_eq!(p.current_liabilities, money("8794004.49")); // 42/48
    // 10/49 − 10/15 = 13 674 938.31 − 4 620 497.72
    assert_eq!(p.total_liabilities, money("9054440.59"));
    // 13 + 14 = 2 120 497.72 + 0
    assert_eq!(p.retained_earnings, money("2120497.72"));
    assert_eq!(p.employees, Some(58)); // 9087 = 57.8 FTE, rounded
}

const MICRO: &str = "\"Reference number\",\"2025-1\"\n\"Entity number\",\"0403.170.701\"\n\
\"Accounting period end date\",\"2025-06-30\"\n\"Model code\",\"m07-f\"\n\"Currency\",\"EUR\"\n\
\"Entity name\",\"Micro BV\"\n\"Entity city\",\"Gent\"\n\"Entity country\",\"Belgique\"\n\
\"Liquidation flag\",\"FALSE\"\n\"9900\",\"41000\"\n\"20/58\",\"90000\"\n\"10/15\",\"30000\"\n\
\"10/49\",\"90000\"\n\"9904\",\"-2500.5\"\n\"70P\",\"120000\"\n";

fn micro(edit: impl FnOnce(String) -> String) -> Result<(Incoming, Vec<String>), String> {
    let filing = read_filing(edit(MICRO.to_string()).as_bytes()).map_err(|e| e.to_string())?;
    to_incoming(&filing, today())
}

#[test]
fn a_micro_model_without_turnover_leaves_revenue_unknown_and_says_so() {
    let (item, notes) = micro(|t| t).unwrap();
    let p = &item.prospect;
    assert_eq!(p.revenue, None, "gross margin 9900 is not revenue; 70P is last year's");
    assert!(notes.iter().any(|n| n.contains("revenue unknown") && n.contains("9900")), "{notes:?}");
    // Absent rubrics are zero: 9901, 29/58, 3, 50/53, 54/58, 42/48, 13, 14, 9087.
    assert_eq!((p.ebit, p.cash, p.employees), (Some(Money::ZERO), Some(Money::ZERO), Some(0)));
    assert_eq!(p.net_result, money("-2500.50"));
    // 10/49 − 10/15 = 90 000 − 30 000
    assert_eq!(p.total_liabilities, money("60000"));
    // Without 9900 either, the absent turnover is zero like any other rubric.
    let (item, _) = micro(|t| t.replace("\"9900\",\"41000\"\n", "")).unwrap();
    assert_eq!(item.prospect.revenue, Some(Money::ZERO));
}

#[test]
fn a_liquidation_flag_marks_the_prospect_in_liquidation_with_band_e() {
    let (item, notes) = micro(|t| t.replace("\"FALSE\"", "\"TRUE\"")).unwrap();
    assert_eq!(item.prospect.insolvency, Some(Insolvency::Liquidation));
    assert!(notes.iter().any(|n| n.contains("in liquidation")), "{notes:?}");
    let e = dealdesk::domain::evaluate::evaluate(
        &item.prospect,
        &dealdesk::domain::policy::Policy::default_policy(),
        today(),
    );
    assert_eq!(e.assessment.band, dealdesk::domain::vocabulary::Band::E);
    // A company being wound up is in default (issue 11's default grade), not merely band E.
    assert!(e.assessment.in_default);
    assert_eq!(e.assessment.reasons[0].text(), "In liquidation: in default (PD 100 %) whatever the score");
}

#[test]
fn another_currency_or_a_period_after_today_is_refused_with_the_reason() {
    let usd = micro(|t| t.replace("\"EUR\"", "\"USD\"")).unwrap_err();
    assert!(usd.contains("USD") && usd.contains("EUR"), "{usd}");
    let future = micro(|t| t.replace("2025-06-30", "2026-12-31")).unwrap_err();
    assert!(future.contains("2026-12-31") && future.contains("after today (2026-11-28)"), "{future}");
}

/// A prospect the account manager already works on: typed by hand, with a deal and a decision.
fn known_profinance() -> Prospect {
    let mut p = Prospect::named("Profinance NV (typed)");
    p.id = 7;
    p.country = Some("BE".into());
    p.registration = Some("0443.246.943".into());
    p.city = Some("Gent".into());
    p.accounts_date = Date::new(2023, 12, 31);
    p.revenue = Some(Money::units(350_000));
    p.dbt_days = Some(12);
    p.annual_volume = Some(Money::units(80_000));
    p.margin_pct = Some(Pct::new(dec!(22)));
    p.requested_payment_days = Some(45);
    p.status = Status::Approved;
    p.note = Some("met at the fair".into());
    p
}

#[test]
fn an_update_changes_the_figures_and_keeps_the_deal_payment_and_decision() {
    let before = known_profinance();
    let (item, _) = incoming("profinance.csv");
    let result = plan(&[&before], vec![item]);
    assert_eq!((result.new.len(), result.updated.len(), result.unchanged.len()), (0, 1, 0));
    let update = &result.updated[0];
    let after = &update.after;
    assert_eq!(after.id, 7);
    assert_eq!(after.name, "Profinance NV (typed)", "the name changes only for a new prospect");
    assert_eq!(after.revenue, money("383495.91"));
    assert_eq!(after.city.as_deref(), Some("Lokeren"));
    assert_eq!(after.accounts_date, Date::new(2024, 12, 31));
    for (kept, was) in [
        (after.dbt_days.map(|d| d.to_string()), before.dbt_days.map(|d| d.to_string())),
        (after.annual_volume.map(|m| m.to_string()), before.annual_volume.map(|m| m.to_string())),
        (after.requested_payment_days.map(|d| d.to_string()), Some("45".into())),
        (after.note.clone(), before.note.clone()),
    ] {
        assert_eq!(kept, was);
    }
    assert_eq!((after.margin_pct, after.status), (before.margin_pct, Status::Approved));
    let changed: Vec<(&str, &str, &str)> =
        update.changes.iter().map(|c| (c.column, c.old.as_str(), c.new.as_str())).collect();
    assert!(changed.contains(&("revenue", "350000", "383495.91")), "{changed:?}");
    assert!(changed.contains(&("city", "Gent", "Lokeren")), "{changed:?}");
    assert!(changed.contains(&("cash", "", "674722.57")), "{changed:?}");
    assert!(!changed.iter().any(|(k, ..)| ["name", "dbt_days", "status", "note"].contains(k)));
}

#[test]
fn the_same_filing_twice_changes_nothing_and_an_older_period_is_refused() {
    let (item, _) = incoming("profinance.csv");
    let first = plan(&[], vec![item.clone()]);
    let mut imported = first.new[0].1.clone();
    imported.id = 1;
    let again = plan(&[&imported], vec![item.clone()]);
    assert_eq!((again.new.len(), again.updated.len(), again.unchanged.len()), (0, 0, 1));

    // Accounts of 2025 on record: the 2024 filing must not take them back a year.
    let mut newer = imported.clone();
    newer.accounts_date = Date::new(2025, 12, 31);
    newer.revenue = Some(Money::units(999));
    let older = plan(&[&newer], vec![item]);
    assert!(older.updated.is_empty() && older.new.is_empty());
    assert!(older.refused[0].1.contains("an older period never replaces a newer one"), "{:?}", older.refused);
}

#[test]
fn the_command_imports_a_folder_and_a_second_run_changes_nothing() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let folder = sandbox.path("filings");
    fs::create_dir(&folder).unwrap();
    for name in ["profinance.csv", "somnis.csv"] {
        fs::copy(fixture(&format!("nbb/{name}")), folder.join(name)).unwrap();
    }
    let folder = folder.display().to_string();
    let run = sandbox.run(&["import", &folder, "--store", &store]).ok();
    assert!(run.stderr.contains("read as filed annual accounts, model m01-f"), "{}", run.all());
    assert_eq!(run.stdout.matches("1 new, 0 updated, 0 unchanged").count(), 2, "{}", run.stdout);
    let prospects = sandbox.export_json(&store);
    let names: Vec<&str> = prospects.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["Profinance", "Somnis Bedding"]);
    let before = common::sandbox::bytes(&store);

    let again = sandbox.run(&["import", &folder, "--store", &store]).ok();
    assert_eq!(again.stdout.matches("0 new, 0 updated, 1 unchanged").count(), 2, "{}", again.stdout);
    assert_eq!(common::sandbox::bytes(&store), before, "nothing changed, nothing written");

    // A store of one prospect typed by hand with the same number is updated, the deal kept.
    let typed = sandbox.write(
        "typed.csv",
        b"name;country;registration;city;annual_volume;status\nProfinance NV;BE;0443246943;Gent;80.000;approved\n",
    );
    let second = sandbox.store().replace("portfolio", "second");
    sandbox.run(&["import", &typed, "--store", &second]).ok();
    let dry = sandbox.run(&["import", &fixture("nbb/profinance.csv"), "--store", &second, "--dry-run"]).ok();
    assert!(dry.stdout.contains("dry run: 0 new, 1 updated, 0 unchanged"), "{}", dry.stdout);
    assert!(dry.stdout.contains("city Gent → Lokeren"), "{}", dry.stdout);
    sandbox.run(&["import", &fixture("nbb/profinance.csv"), "--store", &second]).ok();
    let updated = sandbox.export_json(&second);
    assert_eq!(updated.len(), 1);
    assert_eq!(updated[0]["name"], "Profinance NV");
    assert_eq!(
        (updated[0]["annual_volume"].as_str(), updated[0]["status"].as_str()),
        (Some("80000"), Some("approved"))
    );
    assert_eq!(updated[0]["revenue"], "383495.91");
}

#[test]
fn a_correction_wins_over_the_filing_it_corrects_whatever_the_order_given() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let initial = sandbox
        .write("a-initial.csv", MICRO.replace("\"9900\",\"41000\"\n", "\"70\",\"100000\"\n").as_bytes());
    let correction = sandbox.write(
        "b-correction.csv",
        MICRO
            .replace("\"9900\",\"41000\"\n", "\"70\",\"120000\"\n")
            .replace("\"Liquidation flag\"", "\"Correction flag\",\"TRUE\"\n\"Liquidation flag\"")
            .as_bytes(),
    );
    // The correction named first: the batch still applies it after the filing it corrects.
    let run = sandbox.run(&["import", &correction, &initial, "--store", &store]).ok();
    assert!(
        run.stdout.contains("1 new, 0 updated") && run.stdout.contains("0 new, 1 updated"),
        "{}",
        run.stdout
    );
    let prospects = sandbox.export_json(&store);
    assert_eq!(prospects.len(), 1);
    assert_eq!(prospects[0]["revenue"], "120000", "the corrected turnover");
}

#[test]
fn eval_reads_a_filing_as_import_reads_it() {
    // The bug: `eval` took a filing for a prospect table ("unknown column 'Reference number'").
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let direct =
        sandbox.run(&["eval", &fixture("nbb/profinance.csv"), "--format", "json", "--store", &store]);
    let direct = direct.ok().json();
    assert_eq!(direct.len(), 1);
    assert_eq!(direct[0]["name"], "Profinance"); // "Entity name"
    // The same prospect imported, then evaluated from the store: the same record.
    sandbox.run(&["import", &fixture("nbb/profinance.csv"), "--store", &store]).ok();
    let stored = sandbox.run(&["eval", &store, "--format", "json", "--store", &store]).ok().json();
    assert_eq!(direct, stored);
    // A filing import refuses, eval refuses with the same reason.
    let edited = String::from_utf8(common::sandbox::bytes(&fixture("nbb/profinance.csv")))
        .unwrap()
        .replace("\"Currency\",\"EUR\"", "\"Currency\",\"USD\"");
    let usd = sandbox.write("usd.csv", edited.as_bytes());
    let refused = sandbox.run(&["eval", &usd, "--store", &store]).failed();
    assert!(refused.stderr.contains("its amounts are in USD"), "{}", refused.all());
}
