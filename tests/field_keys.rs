//! The field table names each input once: its key is the CSV column and the JSON key. Here the
//! JSON a prospect serializes to (serde's names) is checked against the table, key by key, so
//! that renaming a member or a key on one side only fails.

use std::collections::BTreeSet;

use dealdesk::domain::fields::Field;
use dealdesk::domain::money::NumberStyle;
use dealdesk::domain::prospect::Prospect;
use serde_json::{Map, Value};

/// Members of a prospect that are not inputs: the store's id and the decision record.
const NOT_INPUTS: [&str; 3] = ["id", "agreed_terms", "history"];

/// A prospect with every field known, each value taken from the first demo prospect that has
/// it (fields in table order, so the country is set before the registration it checks).
fn every_field_known() -> Prospect {
    let demo = dealdesk::cli::demo::demo_prospects().expect("the demo portfolio loads");
    let mut p = Prospect::named("Every Field NV");
    for field in Field::ALL.iter().filter(|f| **f != Field::Name) {
        let text = demo.iter().map(|d| field.get(d)).find(|t| !t.is_empty());
        let text = text.unwrap_or_else(|| panic!("no demo prospect has {field:?}"));
        field.set(&mut p, &text, NumberStyle::Point).unwrap_or_else(|e| panic!("{field:?} = {text:?}: {e}"));
    }
    p
}

fn json_object(p: &Prospect) -> Map<String, Value> {
    match serde_json::to_value(p).expect("a prospect serializes") {
        Value::Object(map) => map,
        other => panic!("a prospect is a JSON object, not {other}"),
    }
}

#[test]
fn every_json_key_of_a_prospect_is_its_field_table_key() {
    let p = every_field_known();
    let json: BTreeSet<String> =
        json_object(&p).keys().filter(|k| !NOT_INPUTS.contains(&k.as_str())).cloned().collect();
    let table: BTreeSet<String> = Field::ALL.iter().map(|f| f.key().to_string()).collect();
    assert_eq!(json, table, "serde's keys and the field table's differ");
}

#[test]
fn each_key_carries_its_own_fields_value() {
    let p = every_field_known();
    let object = json_object(&p);
    for field in Field::ALL {
        // A prospect read from its name and this one key has this field's value, and only it.
        let mut one = Map::new();
        one.insert("name".into(), object["name"].clone());
        if *field == Field::Registration {
            one.insert("country".into(), object["country"].clone());
        }
        one.insert(field.key().into(), object[field.key()].clone());
        let read: Prospect = serde_json::from_value(Value::Object(one)).expect("the key reads back");
        assert_eq!(field.get(&read), field.get(&p), "{} reads into another member", field.key());
        assert!(!field.get(&read).is_empty(), "{} was not set", field.key());
    }
}
