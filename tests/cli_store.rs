//! The real `dealdesk` binary working on a store: `import` of Benelux spreadsheet CSV (value by
//! value, dry run, bad rows, --skip-invalid, unknown headers), `export` → `import` round trips,
//! `check` on good, corrupt and newer stores and broken policies, the lock against a second
//! writer, and a user policy that moves a band.
//!
//! Every run gets a fixed date, a store in a temporary directory and a HOME / XDG directories of
//! its own, so neither today's date nor the user's files can change a result.

mod common;

use std::fs;
use std::path::Path;

use common::sandbox::{Sandbox, bytes, fixture, manifest_file};
use serde_json::{Value, json};

/// A `;` file as Excel in Belgium saves it: BOM, CRLF, decimal commas, thousands dots, quoted
/// delimiters, Dutch and French booleans, columns in no particular order.
const BENELUX_CSV: &[u8] = b"\xEF\xBB\xBFname;country;registration;revenue;equity;late_filing;\
tax_debt;margin_pct;annual_volume;city;dbt_days\r\n\
\"Dupont; Fils & Cie\";BE;BE 0403.170.701;1.234.567,89;-12.345,6;ja;0;18,5;250.000;Li\xC3\xA8ge;12\r\n\
Van Dam BV;NL;3304 1413;250000;;NEE;;;;Delft;\r\n\
Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale SA;FR;RCS Paris 552 120 222;1.000;0;oui;1.500,50;12,25;;Paris;3\r\n\
Boulangerie Reuter SARL;LU;;;;Non;;;;Wiltz;\r\n";

#[test]
fn a_benelux_semicolon_file_imports_value_by_value() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let file = sandbox.write("export.csv", BENELUX_CSV);
    sandbox.run(&["import", &file, "--store", &store]).ok();
    let prospects = sandbox.export_json(&store);
    assert_eq!(prospects.len(), 4);

    let expected = [
        json!({"name": "Dupont; Fils & Cie", "country": "BE", "registration": "0403.170.701",
               "revenue": "1234567.89", "equity": "-12345.60", "late_filing": true,
               "tax_debt": "0", "margin_pct": "18.5", "annual_volume": "250000",
               "city": "Liège", "dbt_days": 12, "status": "new"}),
        json!({"name": "Van Dam BV", "country": "NL", "registration": "33041413",
               "revenue": "250000", "equity": null, "late_filing": false, "tax_debt": null,
               "margin_pct": null, "annual_volume": null, "city": "Delft", "dbt_days": null}),
        json!({"name": "Société Générale SA", "country": "FR",
               "registration": "RCS Paris 552 120 222", "revenue": "1000", "equity": "0",
               "late_filing": true, "tax_debt": "1500.50", "margin_pct": "12.25",
               "annual_volume": null, "city": "Paris", "dbt_days": 3}),
        json!({"name": "Boulangerie Reuter SARL", "country": "LU", "registration": null,
               "revenue": null, "equity": null, "late_filing": false, "city": "Wiltz"}),
    ];
    for (prospect, expected) in prospects.iter().zip(&expected) {
        for (key, value) in expected.as_object().expect("an object") {
            assert_eq!(&prospect[key], value, "{key} of {prospect}");
        }
    }
    let ids: Vec<u64> = prospects.iter().filter_map(|p| p["id"].as_u64()).collect();
    assert_eq!(ids, [1, 2, 3, 4]);
}

#[test]
fn a_dry_run_writes_nothing() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let file = sandbox.write("export.csv", BENELUX_CSV);
    let run = sandbox.run(&["--store", &store, "import", "--dry-run", &file]);
    assert!(run.ok().stdout.contains("4 prospect"));
    assert!(!sandbox.path("portfolio.json").exists(), "dry run wrote");

    // Into an existing store: the file stays byte for byte as it was.
    sandbox.import_good(&store);
    let before = bytes(&store);
    sandbox.run(&["import", &file, "--store", &store, "--dry-run"]).ok();
    assert_eq!(bytes(&store), before, "the dry run changed the store");
    assert_eq!(sandbox.export_json(&store).len(), 2);
}

#[test]
fn bad_rows_are_all_reported_and_nothing_is_imported() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    sandbox.import_good(&store);
    let before = bytes(&store);

    let bad = fixture("bad_rows.csv");
    let run = sandbox.run(&["--store", &store, "import", &bad]).failed();
    run.says("row 3, column revenue").says("row 5, column late_filing").says("row 5, column bureau_score");
    assert!(!run.stderr.contains("row 2,") && !run.stderr.contains("row 4,"));
    assert_eq!(bytes(&store), before, "the store changed");

    // A dry run of the same file fails the same way.
    sandbox.run(&["import", &bad, "--dry-run", "--store", &store]).failed();
    assert_eq!(bytes(&store), before, "the store changed");
}

#[test]
fn skip_invalid_imports_the_good_rows_and_reports_the_bad() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let bad = fixture("bad_rows.csv");
    let run = sandbox.run(&["import", "--skip-invalid", &bad, "--store", &store]);
    run.ok().says("row 3, column revenue").says("row 5, column bureau_score");
    let prospects = sandbox.export_json(&store);
    let names: Vec<&str> = prospects.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["Goed BV", "Ook Goed SRL"]);
    assert_eq!(prospects[0]["revenue"], "1000");
    assert_eq!(prospects[1]["revenue"], "2000");
    assert_eq!(prospects[1]["late_filing"], true);
}

#[test]
fn an_unknown_header_is_an_error_naming_it() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("typo.csv", b"name;revenu;city\nA;1;Gent\n");
    let run = sandbox.run(&["import", &file, "--store", &sandbox.store()]);
    run.failed().says("'revenu'");
    assert!(!sandbox.path("portfolio.json").exists());
}

#[test]
fn csv_export_imports_back_to_the_same_portfolio() {
    let sandbox = Sandbox::new();
    let first = sandbox.arg("first.json");
    fs::copy(manifest_file("assets/demo.json"), &first).expect("copy the demo");
    let extra = sandbox.write("benelux.csv", BENELUX_CSV);
    sandbox.run(&["--store", &first, "import", &extra]).ok();

    let csv = sandbox.arg("out.csv");
    let export = ["export", "--format", "csv", "-o", &csv, "--store", &first];
    sandbox.run(&export).ok();
    let second = sandbox.arg("second.json");
    sandbox.run(&["import", &csv, "--store", &second]).ok();

    // The inputs come back as they were; a status comes back as a decision imported from the
    // CSV (which carries no history), an approval with the terms it agrees.
    let without_ids = |store: &str| -> Vec<(Value, Value)> {
        let mut prospects = sandbox.export_json(store);
        prospects
            .iter_mut()
            .map(|p| {
                let p = p.as_object_mut().expect("an object");
                p.remove("id");
                p.remove("agreed_terms");
                (p.remove("history").unwrap_or_default(), Value::Object(p.clone()))
            })
            .collect()
    };
    let (a, b) = (without_ids(&first), without_ids(&second));
    assert!(a.len() > 40, "{} prospects", a.len());
    assert_eq!(a.len(), b.len());
    for ((_, x), (history, y)) in a.iter().zip(&b) {
        assert_eq!(x, y);
        if y["status"] != "new" {
            assert_eq!(history[0]["note"], "imported from out.csv", "{y}");
            assert_eq!(history[0]["status"], y["status"], "{y}");
        }
    }
}

#[test]
fn check_passes_on_a_good_store() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    sandbox.import_good(&store);
    let run = sandbox.run(&["check", "--store", &store]).ok();
    assert!(run.stdout.contains("2 prospects"), "{}", run.stdout);
    // The demo portfolio is a good store too.
    sandbox.run(&["--store", &manifest_file("assets/demo.json"), "check"]).ok();
}

#[test]
fn check_on_a_corrupt_store_names_file_line_and_column_and_leaves_it_alone() {
    let sandbox = Sandbox::new();
    let broken = b"{\"schema\": 1, \"prospects\": [\n{\"id\":1,\"name\":\"A\"},\n\
                   {\"id\":2,\"name\": B}\n]}\n";
    let store = sandbox.write("portfolio.json", broken);
    let run = sandbox.run(&["check", "--store", &store]).failed();
    assert!(run.all().contains("portfolio.json:3:17"), "{}", run.all());
    assert_eq!(bytes(&store), broken);

    // Writers refuse it too, and leave it as it was.
    let import = sandbox.run(&["import", &fixture("good.csv"), "--store", &store]);
    import.failed().says("portfolio.json:3:17");
    assert_eq!(bytes(&store), broken);
    assert!(!sandbox.path("portfolio.json.bak").exists());

    // A truncated file.
    let demo = fs::read(manifest_file("assets/demo.json")).unwrap();
    let half = &demo[..demo.len() / 2];
    let truncated = sandbox.write("truncated.json", half);
    let run = sandbox.run(&["--store", &truncated, "check"]).failed();
    assert!(run.all().contains("truncated.json:"), "{}", run.all());
    assert_eq!(bytes(&truncated), half);
}

#[test]
fn check_on_a_newer_schema_names_it() {
    let sandbox = Sandbox::new();
    let newer = b"{\"schema\": 99, \"prospects\": [], \"owner\": \"dealdesk 9\"}\n";
    let store = sandbox.write("portfolio.json", newer);
    let run = sandbox.run(&["check", "--store", &store]).failed();
    assert!(run.all().contains("schema 99"), "{}", run.all());
    assert_eq!(bytes(&store), newer);
}

#[test]
fn check_on_a_broken_policy_names_the_field() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let file = sandbox.policy("p1.json", |p| p["bands"]["C"]["min_score"] = 90.into());
    let run = sandbox.run(&["check", "--policy", &file, "--store", &store]);
    assert!(run.failed().all().contains("bands.C.min_score"));

    let file = sandbox.policy("p2.json", |p| {
        p["segments"]["small"]["credit_cap"] = "lots".into();
    });
    let run = sandbox.run(&["--policy", &file, "check", "--store", &store]);
    assert!(run.failed().all().contains("segments.small.credit_cap"));

    // The unedited default passes.
    let file = sandbox.policy("p3.json", |_| {});
    sandbox.run(&["check", "--store", &store, "--policy", &file]).ok();
}

#[test]
fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let good = fixture("good.csv");
    sandbox.run(&["import", &good, "--store", &store]).ok();
    let before = bytes(&store);
    {
        let (_held, _prospects) = dealdesk::store::Store::open(Path::new(&store), "process 1 of test")
            .expect("the test takes the lock");
        let run = sandbox.run(&["import", &good, "--store", &store]).failed();
        run.says("process 1 of test");
        assert_eq!(bytes(&store), before, "the store changed under the lock");
    }
    // Released: the same import now goes through, and finds the same prospects already there.
    let run = sandbox.run(&["--store", &store, "import", &good]).ok();
    assert!(run.stdout.contains("0 new, 0 updated, 2 unchanged"), "{}", run.stdout);
    assert_eq!(sandbox.export_json(&store).len(), 2);
}

/// Name, band and score of each prospect of the fixture, under `--policy` when given.
fn bands(sandbox: &Sandbox, policy: Option<&str>) -> Vec<(String, String, f64)> {
    let (store, input) = (sandbox.store(), fixture("prospects.json"));
    let mut args = vec!["eval", "--format=json", &input, "--store", &store];
    args.extend(policy.iter().flat_map(|path| ["--policy", path]));
    let run = sandbox.run(&args).ok();
    let records: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let text = |v: &Value| v.as_str().unwrap().to_string();
    let score = |v: &Value| v.as_f64().unwrap_or(-1.0);
    records.iter().map(|r| (text(&r["name"]), text(&r["band"]), score(&r["score"]))).collect()
}

#[test]
fn a_user_policy_that_raises_a_band_threshold_moves_the_band() {
    let sandbox = Sandbox::new();
    let standard = bands(&sandbox, None);
    let (name, _, score) =
        standard.iter().find(|(_, band, _)| band == "B").expect("the fixture has a band B prospect").clone();

    let raised = score.floor() + 1.0;
    let file = sandbox.policy("stricter.json", |p| {
        let a_min = p["bands"]["A"]["min_score"].as_f64().unwrap();
        assert!(raised < a_min, "{name} scores {score}: too close to band A");
        p["bands"]["B"]["min_score"] = raised.into();
    });

    let stricter = bands(&sandbox, Some(&file));
    for ((n, before, s1), (_, after, s2)) in standard.iter().zip(&stricter) {
        assert_eq!(s1, s2, "{n}: the threshold moved the score");
        if *n == name {
            assert_eq!((before.as_str(), after.as_str()), ("B", "C"), "{n}");
        } else {
            assert_eq!(before, after, "{n}");
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn the_policy_in_the_user_config_directory_is_used_and_named() {
    let sandbox = Sandbox::new();
    fs::create_dir_all(sandbox.path("config/dealdesk")).unwrap();
    let user_policy = sandbox.policy("config/dealdesk/policy.json", |p| {
        p["bands"]["A"]["min_score"] = 99.into();
    });
    let (store, input) = (sandbox.store(), fixture("prospects.json"));
    let run = sandbox.run(&["eval", &input, "--store", &store]).ok();
    assert!(run.stdout.contains(&user_policy), "{}", run.stdout);
    let run = sandbox.run(&["check", "--store", &store]).ok();
    assert!(run.stdout.contains(&user_policy), "{}", run.stdout);
    let bands = bands(&sandbox, None);
    assert!(bands.iter().all(|(_, band, _)| band != "A"), "{bands:?}");
}
