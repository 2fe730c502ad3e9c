//! Re-importing updates, never duplicates (issue 13, item 6): the import plan matches on the
//! registration number, then on exact name and country; a CSV row updates the fields whose
//! cells it fills; `check` reports two prospects with one registration number.

mod common;

use common::sandbox::Sandbox;
use dealdesk::domain::import_plan::{FieldSet, Incoming, Plan};
use dealdesk::domain::money::Money;
use dealdesk::domain::prospect::Prospect;
use dealdesk::io::csv_import::read_prospects;

/// The import's plan, a status in a row recorded as a decision imported from "rows.csv".
fn plan(existing: &[&Prospect], incoming: Vec<Incoming>) -> Plan {
    dealdesk::domain::import_plan::plan(existing, incoming, &common::domain::decider("rows.csv"))
}

fn stored(id: u64, name: &str, country: &str, registration: Option<&str>) -> Prospect {
    Prospect {
        id,
        country: Some(country.into()),
        registration: registration.map(str::to_string),
        city: Some("Gent".into()),
        revenue: Some(Money::units(1000)),
        ..Prospect::named(name)
    }
}

/// The rows of a CSV as an import brings them in.
fn rows(text: &str) -> Vec<Incoming> {
    let import = read_prospects(text.as_bytes()).unwrap();
    assert!(import.is_clean(), "{:?}", import.errors);
    import.prospects.into_iter().map(|r| r.incoming()).collect()
}

#[test]
fn registration_first_then_exact_name_and_country() {
    let a = stored(1, "Aerts BV", "BE", Some("0403.170.701"));
    let b = stored(2, "Brouwerij NV", "BE", None);
    let c = stored(3, "Brouwerij NV", "NL", None);
    let text = "name;country;registration;city\n\
                Aerts Renamed BV;BE;BE0403170701;Gent\n\
                Brouwerij NV;BE;;Brugge\n\
                brouwerij nv;BE;;Brugge\n\
                Brouwerij NV;LU;;Wiltz\n";
    let result = plan(&[&a, &b, &c], rows(text));
    let updated: Vec<(u64, &str)> = result.updated.iter().map(|u| (u.after.id, u.label.as_str())).collect();
    // Row 2 is Aerts by its registration, whatever its name; row 3 is the Belgian Brouwerij.
    assert_eq!(updated, [(1, "row 2"), (2, "row 3")]);
    assert_eq!(result.updated[0].after.name, "Aerts Renamed BV");
    assert_eq!(result.updated[1].after.city.as_deref(), Some("Brugge"));
    let new: Vec<&str> = result.new.iter().map(|(label, _)| label.as_str()).collect();
    assert_eq!(new, ["row 4", "row 5"], "the name is exact, and so is the country");
    assert_eq!(result.summary(), "2 new, 2 updated, 0 unchanged");
}

#[test]
fn a_csv_row_changes_only_the_cells_it_fills() {
    let a = stored(1, "Aerts BV", "BE", Some("0403.170.701"));
    let result = plan(&[&a], rows("registration;name;country;city;revenue\n0403170701;Aerts BV;BE;;2.500\n"));
    assert_eq!(result.updated.len(), 1);
    let u = &result.updated[0];
    assert_eq!(u.after.city.as_deref(), Some("Gent"), "an empty cell changes nothing");
    assert_eq!(u.after.revenue, Some(Money::units(2500)));
    let changes: Vec<String> =
        u.changes.iter().map(|c| format!("{} {} → {}", c.column, c.old, c.new)).collect();
    assert_eq!(changes, ["revenue 1000 → 2500"]);
    // The same row again: unchanged.
    let again =
        plan(&[&u.after], rows("registration;name;country;city;revenue\n0403170701;Aerts BV;BE;;2.500\n"));
    assert_eq!(again.summary(), "0 new, 0 updated, 1 unchanged");
}

#[test]
fn repeats_in_one_file_make_one_prospect_and_duplicates_in_the_store_are_refused() {
    let text = "name;country;registration;city\nAerts BV;BE;0403170701;Gent\nAerts BV;BE;0403170701;Brugge\n";
    let result = plan(&[], rows(text));
    assert_eq!(result.new.len(), 1);
    assert_eq!(result.new[0].1.city.as_deref(), Some("Brugge"));
    assert_eq!(result.repeats, [("row 3".to_string(), "row 2".to_string())]);

    let (x, y) = (stored(4, "X", "BE", Some("0403.170.701")), stored(9, "Y", "BE", Some("0403.170.701")));
    let result = plan(&[&x, &y], rows(text));
    assert_eq!(result.refused.len(), 2);
    assert!(result.refused[0].1.contains("ids 4, 9"), "{:?}", result.refused);
    assert!(!result.changes_anything());
}

#[test]
fn a_field_set_holds_what_it_was_given() {
    use dealdesk::domain::fields::Field;
    let set = FieldSet::of(&[Field::Note, Field::Name, Field::Revenue]);
    assert_eq!(set.iter().collect::<Vec<_>>(), [Field::Name, Field::Revenue, Field::Note]);
    assert!(!set.contains(Field::City));
}

#[test]
fn the_command_updates_on_reimport_and_check_reports_a_shared_registration() {
    let sandbox = Sandbox::new();
    let store = sandbox.store();
    let first = sandbox.write("a.csv", b"name;country;registration;revenue\nAerts BV;BE;0403170701;1000\n");
    sandbox.run(&["import", &first, "--store", &store]).ok();
    let second = sandbox.write("b.csv", b"name;country;registration;revenue\nAerts BV;BE;0403170701;1500\n");
    let run = sandbox.run(&["import", &second, "--store", &store]).ok();
    assert!(run.stdout.contains("0 new, 1 updated, 0 unchanged"), "{}", run.stdout);
    assert!(run.stdout.contains("updated row 2: revenue 1000 → 1500"), "{}", run.stdout);
    assert_eq!(sandbox.export_json(&store).len(), 1);
    sandbox.run(&["check", "--store", &store]).ok();

    // Two prospects with one number, written by something else: check says so.
    let mut prospects = sandbox.export_json(&store);
    let mut twin = prospects[0].clone();
    twin["id"] = 2.into();
    twin["name"] = "Aerts Twin BV".into();
    prospects.push(twin);
    let text = format!(
        "{{\"schema\": 1, \"prospects\": [\n{}\n]}}\n",
        prospects.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(",\n")
    );
    std::fs::write(sandbox.path("portfolio.json"), text).unwrap();
    let check = sandbox.run(&["check", "--store", &store]).failed();
    assert!(
        check.stdout.contains("registration number 0403.170.701 is also that of prospect 1 (Aerts BV)"),
        "{}",
        check.stdout
    );
}
