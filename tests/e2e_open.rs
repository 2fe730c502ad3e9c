//! End to end, a file opened directly and the demo kept away from the user's files: the real
//! binary in a pseudo-terminal (or, for usage errors, without one), in a sandbox whose HOME,
//! XDG folders and store are temporary.

mod common;

use std::path::Path;

use common::pty::{DEADLINE, Desk, Key};
use common::sandbox::{AS_OF, Sandbox, fixture};

/// Three good rows and row 4 with "veel" as its annual volume.
const ONE_BAD: &str = "desk_import_one_bad.csv";
const IMPORTED: [&str; 3] = ["Zuiderpoort Logistiek BV", "Ardenner Bakkerij SRL", "Kanaalzicht Drukwerk BV"];

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

/// The names in a store file.
fn stored_names(store: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(store).expect("the store");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    json["prospects"]
        .as_array()
        .expect("prospects")
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn open_shows_a_files_prospects_read_only_until_ctrl_s_saves_them_after_the_preview() {
    let sandbox = Sandbox::new();
    let store = sandbox.demo_copy();
    let before = std::fs::read(&store).unwrap();
    let file = fixture(ONE_BAD);
    let args = ["open", &file, "--store", arg(&store), "--as-of", AS_OF];
    let mut desk = Desk::start_with(&sandbox, &args, (120, 40), &[]);
    // The whole frame: the banner, the file's rows (evaluated) and the notice under them.
    let screen = desk.wait_until("the file's rows and the notice", DEADLINE, |s| {
        s.contains("3 of 3") && IMPORTED.iter().all(|n| s.contains(n)) && s.contains("1 bad row left out")
    });
    assert!(screen.contains(&format!("VIEWING {ONE_BAD} (read-only)")), "{screen}");
    let lock = store.with_extension("json.lock");
    assert!(!lock.exists(), "viewing takes no lock on the store");

    // As a viewer: nothing can be changed.
    desk.send("d");
    desk.wait_for("Read-only: viewing", DEADLINE);
    desk.send("n");
    desk.wait_for("Read-only: viewing", DEADLINE);
    assert_eq!(std::fs::read(&store).unwrap(), before, "nothing written while viewing");

    // Ctrl-S: the user's portfolio is read, then the import's preview of the file.
    desk.send_key(Key::CtrlS);
    desk.wait_for("3 new, 0 updated, 0 unchanged.", DEADLINE);
    desk.wait_for("1 bad row: a imports the valid rows", DEADLINE);
    desk.send("a");
    desk.wait_for("Imported from ", DEADLINE);
    desk.wait_until("the save on disk", DEADLINE, |s| s.contains("53 of 53") && s.contains("✓ saved"));
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
    let names = stored_names(&store);
    assert_eq!(names.len(), 53);
    assert!(IMPORTED.iter().all(|n| names.iter().any(|m| m == n)), "{names:?}");
}

#[test]
fn a_file_named_alone_opens_like_open_and_a_missing_one_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let store = sandbox.path("new/portfolio.json");
    let file = fixture("good.csv");
    let args = [file.as_str(), "--store", arg(&store), "--as-of", AS_OF];
    let mut desk = Desk::start_with(&sandbox, &args, (100, 30), &[]);
    let screen = desk.wait_until("the file's two rows", DEADLINE, |s| {
        s.contains("2 of 2") && s.contains("Alpha NV") && s.contains("Beta BV")
    });
    assert!(screen.contains("VIEWING good.csv"), "{screen}");
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
    assert!(!store.exists() && !store.parent().unwrap().exists(), "nothing was created for the store");

    // Saved into a portfolio that does not exist yet, in a folder that does not either.
    let mut desk = Desk::start_with(&sandbox, &args, (100, 30), &[]);
    desk.wait_for("2 of 2", DEADLINE);
    desk.send_key(Key::CtrlS);
    desk.wait_for("2 new, 0 updated, 0 unchanged.", DEADLINE);
    desk.send("a");
    desk.wait_until("the save on disk", DEADLINE, |s| s.contains("✓ saved") && s.contains("2 of 2"));
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
    assert_eq!(stored_names(&store), ["Alpha NV", "Beta BV"]);

    let missing = sandbox.run(&["nosuch.csv", "--store", arg(&store)]);
    assert_eq!(missing.code, Some(2), "{}", missing.all());
    assert!(
        missing.stderr.contains("nosuch.csv does not exist, and it is not a command"),
        "{}",
        missing.all()
    );
    let folder = sandbox.run(&["open", arg(sandbox.root()), "--store", arg(&store)]);
    assert_eq!(folder.code, Some(2), "{}", folder.all());
    assert!(folder.stderr.contains("is not a file"), "{}", folder.all());
}

#[test]
fn demo_with_a_command_or_a_file_is_a_usage_error_that_touches_nothing() {
    let sandbox = Sandbox::new();
    let store = sandbox.path("portfolio.json");
    let good = fixture("good.csv");
    for args in [
        vec!["--demo", "import", &good, "--store", arg(&store)],
        vec!["--demo", "export", "--store", arg(&store)],
        vec!["--demo", &good, "--store", arg(&store)],
    ] {
        let run = sandbox.run(&args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.all());
        assert!(run.stderr.contains("--demo opens the desk on a temporary copy"), "{}", run.all());
        assert!(!store.exists(), "{args:?} wrote the store");
    }
}

/// The demo opened from the welcome screen (not with `--demo`, which `e2e_demo` covers) saves
/// its policy edits in its temporary folder too, and says so.
#[test]
fn the_demo_opened_from_the_welcome_screen_saves_its_policy_in_its_temporary_folder() {
    let sandbox = Sandbox::new();
    let store = sandbox.path("fresh/portfolio.json");
    let args = ["--store", arg(&store), "--as-of", AS_OF];
    let mut desk = Desk::start_with(&sandbox, &args, (120, 40), &[]);
    desk.wait_for("Welcome to dealdesk", DEADLINE);
    desk.send("d");
    desk.wait_for("50 of 50", DEADLINE);
    desk.send("p");
    let screen = desk.wait_until("the editor's header", DEADLINE, |s| {
        s.contains("Saves to the demo's temporary folder") && s.contains("policy.json")
    });
    let tmp = sandbox.path("tmp");
    assert!(
        screen.contains(&tmp.display().to_string()),
        "the demo's folder is in the sandbox's TMPDIR:\n{screen}"
    );
    // The first value (band A's minimum score, 80) changed to 85 and saved.
    desk.send_key(Key::Enter);
    desk.send_key(Key::CtrlU);
    desk.send("85");
    desk.send_key(Key::Enter);
    desk.wait_for("●", DEADLINE);
    desk.send_key(Key::CtrlS);
    desk.wait_for("Policy saved to the demo's temporary folder (not your own policy file); ", DEADLINE);
    desk.send_key(Key::Esc);
    // (A key sent right after Esc would read as Alt and that key.)
    desk.wait_for(" · portfolio · ", DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
    let own = sandbox.path("config/dealdesk/policy.json");
    assert!(!own.exists(), "the user's policy file was written");
}

#[test]
fn a_workbook_and_a_filing_open_as_import_reads_them() {
    let sandbox = Sandbox::new();
    let store = sandbox.path("portfolio.json");
    // The workbook's row 3 has 12.5 employees: its two good rows are shown.
    for (file, shown, name) in [
        ("sheets/prospects.xlsx", "2 of 2", "Société Générale"),
        ("nbb/profinance.csv", "1 of 1", "Profinance"),
    ] {
        let path = fixture(file);
        let args = ["open", &path, "--store", arg(&store), "--as-of", AS_OF];
        let mut desk = Desk::start_with(&sandbox, &args, (120, 40), &[]);
        let screen = desk.wait_until(file, DEADLINE, |s| s.contains(shown) && s.contains(name));
        assert!(screen.contains("VIEWING "), "{screen}");
        desk.send("q");
        assert!(desk.wait_exit(DEADLINE).success());
        assert!(!store.exists(), "{file}: viewing wrote the store");
    }
}
