//! The subcommands on a team store, run as a user runs them: `store init`, `store grant`,
//! `store copy` (a round trip file → database → file), and `import`, `export`, `check`,
//! `policy` on the database, chosen by `--store`, `DEALDESK_STORE` or the config file.

mod common;

use common::postgres::database;
use common::sandbox::Sandbox;
use dealdesk::store;

/// `dealdesk --store URL ARGS`.
fn on(s: &Sandbox, url: &str, args: &[&str]) -> common::sandbox::Run {
    let mut all = vec!["--store", url];
    all.extend_from_slice(args);
    s.run(&all)
}

#[test]
fn store_copy_round_trips_file_to_database_to_file_with_every_decision() {
    let Some(db) = database("copy_round_trip") else { return };
    let s = Sandbox::new();
    let url = db.server.url(&db.name, &db.server.admin);
    let original = dealdesk::synth::portfolio(300, 7);
    let decisions: usize = original.iter().map(|p| p.history.len()).sum();
    assert!(decisions > 0, "the generated portfolio has decisions to carry");
    store::write_new(&s.path("a.json"), &original).unwrap();
    on(&s, &url, &["store", "init"]).ok();
    let there = s.run(&["store", "copy", "--from", &s.arg("a.json"), "--to", &url]).ok();
    assert!(
        there
            .stdout
            .contains(&format!("copied 300 prospects with {decisions} decisions from {}", s.arg("a.json"))),
        "{}",
        there.all()
    );
    let back = s.run(&["store", "copy", "--from", &url, "--to", &s.arg("b.json")]).ok();
    assert!(back.stdout.contains("copied 300 prospects with "), "{}", back.all());
    assert_eq!(store::load(&s.path("b.json")).unwrap(), original, "the same prospects and decisions");
    // A copy never mixes into a store that holds prospects already.
    let again = s.run(&["store", "copy", "--from", &s.arg("a.json"), "--to", &url]).failed();
    again.says("holds 300 prospects already");
    // One of each is said in the singular.
    let single = original.iter().find(|p| p.history.len() == 1).expect("a prospect with one decision");
    store::write_new(&s.path("one.json"), std::slice::from_ref(single)).unwrap();
    let one = s.run(&["store", "copy", "--from", &s.arg("one.json"), "--to", &s.arg("c.json")]).ok();
    assert!(one.stdout.contains("copied 1 prospect with 1 decision from "), "{}", one.all());
    s.run(&["store", "copy", "--from", &s.arg("one.json"), "--to", &s.arg("c.json")])
        .failed()
        .says("holds 1 prospect already");
}

#[test]
fn subcommands_work_on_the_database_as_on_the_file() {
    let Some(db) = database("subcommands") else { return };
    let s = Sandbox::new();
    let url = db.server.url(&db.name, &db.server.admin);
    assert!(on(&s, &url, &["check"]).failed().stdout.contains("run `dealdesk store init` there first"));
    on(&s, &url, &["store", "init"]).ok();
    // Aerts NV comes approved in January 2024: the import records that as a decision of the
    // importing role, dated as the file says.
    let csv = s.write(
        "in.csv",
        b"name;country;registration;status;decided_at\n\
          Aerts NV;BE;0443.246.943;approved;2024-01-15T10:00:00+01:00\nBrouwer BV;NL;33041413;;\n",
    );
    let dry = on(&s, &url, &["import", "--dry-run", &csv]).ok();
    assert!(dry.stdout.contains("dry run: 2 new, 0 updated, 0 unchanged"), "{}", dry.stdout);
    let import = on(&s, &url, &["import", &csv]).ok();
    assert!(import.stdout.contains("2 new, 0 updated, 0 unchanged"), "{}", import.stdout);
    assert!(import.stdout.contains(&format!("postgres: {} on ", db.name)), "{}", import.stdout);
    assert!(import.stdout.contains(": 2 prospects in all"), "{}", import.stdout);
    // The same companies again, one with a new revenue: updated, not added.
    let again = s.write(
        "again.csv",
        b"name;country;registration;revenue\nAerts NV;BE;0443.246.943;2500000\nBrouwer BV;NL;33041413;\n",
    );
    let import = on(&s, &url, &["import", &again]).ok();
    assert!(import.stdout.contains("0 new, 1 updated, 1 unchanged"), "{}", import.stdout);
    assert!(import.stdout.contains(": 2 prospects in all"), "{}", import.stdout);
    let exported = on(&s, &url, &["export", "--format", "json"]).json();
    let names: Vec<&str> = exported.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["Aerts NV", "Brouwer BV"]);
    let decision = &exported[0]["history"][0];
    assert_eq!(
        (decision["status"].as_str(), decision["decided_by"].as_str(), decision["note"].as_str()),
        (Some("approved"), Some(db.server.admin.as_str()), Some("imported from in.csv")),
        "{decision:#}"
    );
    // The review comes due on the database as on the file: by 28 November 2026, more than 24
    // months after the decision (no band of the default policy waits longer than 12).
    let review = on(&s, &url, &["review", "--format", "json"]);
    let listed = review.json();
    let due: Vec<(&str, &str)> =
        listed.iter().filter_map(|d| Some((d["name"].as_str()?, d["decided_on"].as_str()?))).collect();
    assert_eq!(due, [("Aerts NV", "2024-01-15")], "{}", review.all());
    let check = on(&s, &url, &["check"]).ok();
    assert!(check.stdout.contains("2 prospects, schema migration 3"), "{}", check.stdout);
    assert!(check.stdout.contains(&format!("you: {} — may edit", db.server.admin)), "{}", check.stdout);
    // The team's policy is the one in force once the credit role saved one.
    let policy = on(&s, &url, &["policy"]).ok();
    policy.says("policy in force: the built-in defaults");
    let mut team = store::postgres::PgStore::open(db.location().postgres().unwrap()).unwrap();
    store::backend::Backend::save_team_policy(&mut team, dealdesk::domain::policy::DEFAULT_POLICY_JSON, None)
        .unwrap();
    on(&s, &url, &["policy"]).ok().says("policy in force: the team policy, version 1, saved by");
    // eval reads no store at all: a database that is down does not matter to it.
    let down = "postgresql:///nowhere?host=%2Fno%2Fsuch%2Fdir";
    on(&s, down, &["eval", &csv]).ok();
    assert!(on(&s, down, &["check"]).failed().stdout.contains("cannot be reached"));
}

#[test]
fn grant_gives_a_role_exactly_one_level_and_check_says_what_it_may_do() {
    let Some(db) = database("grant") else { return };
    let s = Sandbox::new();
    let url = db.server.url(&db.name, &db.server.admin);
    on(&s, &url, &["store", "init"]).ok();
    let ann = db.role("ann");
    let ann_url = db.server.url(&db.name, &ann);
    on(&s, &url, &["store", "grant", &ann, "credit"]).ok();
    assert!(on(&s, &ann_url, &["check"]).ok().stdout.contains("may edit prospects, the team policy"));
    on(&s, &url, &["store", "grant", &ann, "read"]).ok();
    let check = on(&s, &ann_url, &["check"]).ok();
    assert!(check.stdout.contains("may read only (your role"), "{}", check.stdout);
    let csv = s.write("in.csv", b"name\nAerts NV\n");
    on(&s, &ann_url, &["import", &csv]).failed().says("read-only");
    on(&s, &url, &["store", "grant", "no_such_role_here", "read"])
        .failed()
        .says("there is no role no_such_role_here");
}

#[test]
fn the_store_variable_and_the_config_file_name_the_database() {
    let Some(db) = database("chosen") else { return };
    let s = Sandbox::new();
    let url = db.server.url(&db.name, &db.server.admin);
    s.command(&["store", "init"]).env("DEALDESK_STORE", &url).output().unwrap();
    let by_variable = s.command(&["check"]).env("DEALDESK_STORE", &url).output().unwrap();
    assert!(String::from_utf8_lossy(&by_variable.stdout).contains("schema migration 3"));
    std::fs::create_dir_all(s.path("config/dealdesk")).unwrap();
    std::fs::write(s.path("config/dealdesk/config.json"), format!("{{\"store\": \"{url}\"}}")).unwrap();
    let by_config = s.run(&["check"]).ok();
    assert!(by_config.stdout.contains(&format!("store: postgres: {} on", db.name)), "{}", by_config.stdout);
}
