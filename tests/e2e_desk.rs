//! End to end: the real binary in a pseudo-terminal, real keystrokes, the screen parsed back.
//! Each test has its own sandbox (HOME, XDG folders, TMPDIR and store in a temporary folder).

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::pty::{DEADLINE, Desk, Key};
use common::sandbox::Sandbox;

const AS_OF: &str = "2026-11-28";

/// The portfolio has been drawn with its whole list.
const DEMO_LOADED: &str = "50 of 50";

/// The label column of the form, as the prospect screen pads it after the marker.
fn form_line(label: &str, value: &str) -> String {
    format!("›{label:<21}{value} ")
}

/// The band the live panel shows ("Band C (moderate) PD …"), from the headline row.
fn panel_band(screen: &str) -> Option<char> {
    let line = screen.lines().find(|l| l.contains(" PD ") && l.contains("coverage"))?;
    let at = line.find("Band ")? + "Band ".len();
    line[at..].chars().next()
}

/// The band column of the portfolio row that starts with `name`.
fn portfolio_band(screen: &str, name: &str) -> Option<String> {
    let line = screen.lines().find(|l| l.starts_with(name))?;
    line[name.len()..].split_whitespace().next().map(String::from)
}

/// The field the form's cursor marker "›" is on.
fn focused_field(screen: &str) -> Option<String> {
    let line = screen.lines().find_map(|l| l.split_once("│›"))?.1;
    Some(line.split("  ").next()?.trim().to_string())
}

/// The screen line on which the form's field `label` starts (a panel beside the form may
/// mention the same word on an earlier line, so the text alone does not say).
fn field_row(screen: &str, label: &str) -> Option<usize> {
    screen.lines().position(|l| {
        [format!("│ {label}  "), format!("│›{label}  ")].iter().any(|start| l.contains(start.as_str()))
    })
}

fn store_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("read the store");
    serde_json::from_str(&text).expect("the store is JSON")
}

fn prospect_named<'a>(store: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    store["prospects"]
        .as_array()
        .expect("a prospects array")
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not in the store: {store}"))
}

/// The title says every change is on disk, and no form has unsaved edits.
fn saved_on_disk(screen: &str) -> bool {
    let title = screen.lines().next().unwrap_or_default();
    title.contains("✓ saved") && !title.contains("unsaved") && !title.contains("not saved")
}

/// The title names the screen (" · Scheldeland Retail NV · portfolio.json · ").
fn title_names(screen: &str, what: &str) -> bool {
    screen.lines().next().is_some_and(|title| title.contains(&format!(" · {what}")))
}

/// The terminal is as the shell left it: main screen, visible cursor, no mouse reporting.
fn assert_restored(desk: &Desk) {
    desk.with_screen(|s| {
        assert!(!s.alternate_screen(), "still in the alternate screen");
        assert!(!s.hide_cursor(), "the cursor is still hidden");
        assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse capture left on");
    });
}

/// Filters the portfolio to `fragment` and keeps the filter; returns the screen.
fn filter_to(desk: &mut Desk, fragment: &str, total: usize) -> String {
    desk.send("/");
    desk.wait_for("Enter keep", DEADLINE);
    desk.send(fragment);
    let screen = desk.wait_for(&format!("/ {fragment}  b band"), DEADLINE);
    assert!(screen.contains(&format!("1 of {total}")), "{fragment:?} should match one prospect:\n{screen}");
    desk.send_key(Key::Enter);
    desk.wait_for("Enter open", DEADLINE)
}

#[test]
fn raising_days_beyond_terms_changes_the_band_and_survives_a_restart() {
    let sandbox = Sandbox::new();
    let store = sandbox.demo_copy();
    let args = ["--store", store.to_str().unwrap(), "--as-of", AS_OF];
    let name = "Scheldeland Retail NV";
    let mut desk = Desk::start(&sandbox, &args);
    desk.wait_for(DEMO_LOADED, DEADLINE);
    let screen = filter_to(&mut desk, "scheldeland", 50);
    assert_eq!(portfolio_band(&screen, name).as_deref(), Some("C"));

    desk.send_key(Key::Enter);
    let mut screen = desk.wait_until("the prospect open", DEADLINE, |s| title_names(s, name));
    assert_eq!(panel_band(&screen), Some('C'), "{screen}");
    for _ in 0..8 {
        let focus = focused_field(&screen);
        if focus.as_deref() == Some("Days beyond terms") {
            break;
        }
        desk.send_key(Key::PageDown);
        screen =
            desk.wait_until("the cursor to move to the next group", DEADLINE, |s| focused_field(s) != focus);
    }
    assert!(screen.contains(&form_line("Days beyond terms", "24")), "{screen}");

    let mut raised = None;
    for days in [30, 40, 50, 60, 75, 90, 120, 180] {
        desk.send_key(Key::CtrlU);
        desk.send(&days.to_string());
        let screen = desk.wait_until(&format!("{days} days in the form and panel"), DEADLINE, |s| {
            s.contains(&form_line("Days beyond terms", &days.to_string()))
                && s.contains(&format!(" Days beyond terms {days}"))
        });
        let band = panel_band(&screen).expect("a band in the live panel");
        if band != 'C' {
            raised = Some((days, band));
            break;
        }
    }
    let (days, band) = raised.expect("raising days beyond terms to 180 never changed band C");
    assert!(band > 'C', "more days late should worsen the band, got {band}");

    desk.send_key(Key::CtrlS);
    desk.wait_for(&format!("Saved {name} (band {band})"), DEADLINE);
    desk.wait_until("the save on disk", DEADLINE, saved_on_disk);
    desk.send_key(Key::Esc);
    let screen = desk.wait_for("Enter open", DEADLINE);
    assert_eq!(portfolio_band(&screen, name), Some(band.to_string()));
    desk.send("q");
    let status = desk.wait_exit(DEADLINE);
    assert!(status.success(), "quit ended with {status}");
    assert_restored(&desk);

    let mut again = Desk::start(&sandbox, &args);
    again.wait_for(DEMO_LOADED, DEADLINE);
    let screen = filter_to(&mut again, "scheldeland", 50);
    assert_eq!(portfolio_band(&screen, name), Some(band.to_string()));
    again.send("q");
    again.wait_exit(DEADLINE);

    let json = store_json(&store);
    assert_eq!(prospect_named(&json, name)["dbt_days"], days);
}

#[test]
fn a_new_prospect_with_a_bad_belgian_number_is_corrected_and_saved() {
    let sandbox = Sandbox::new();
    let store = sandbox.path("fresh/portfolio.json");
    let args = ["--store", store.to_str().unwrap(), "--as-of", AS_OF];
    let mut desk = Desk::start(&sandbox, &args);
    desk.wait_for("Welcome to dealdesk", DEADLINE);
    desk.send("n");
    desk.wait_until("a blank form", DEADLINE, |s| title_names(s, "new prospect"));
    // The deal comes first; an amount typed as in a `;` file shows as read once left.
    let screen = desk.wait_until("the cursor on the volume", DEADLINE, |s| {
        // The whole form drawn, not a frame half over the welcome screen.
        focused_field(s).as_deref() == Some("Annual volume") && field_row(s, "Name").is_some()
    });
    let volume_row = field_row(&screen, "Annual volume");
    assert!(volume_row.is_some() && volume_row < field_row(&screen, "Name"), "the deal first:\n{screen}");
    desk.send("45.000");
    desk.send_key(Key::Tab);
    desk.wait_for(" Annual volume        45 000 ", DEADLINE);
    for _ in 0..3 {
        desk.send_key(Key::Tab);
    }
    desk.wait_until("the cursor on the name", DEADLINE, |s| focused_field(s).as_deref() == Some("Name"));
    let name = "Épicerie Quinte";
    desk.send(name);
    desk.wait_until("the name in the title", DEADLINE, |s| title_names(s, name));
    desk.send_key(Key::Tab);
    desk.send("BE");
    desk.send_key(Key::Tab);
    desk.send("0403.170.702");
    let screen = desk.wait_for("mod-97", DEADLINE);
    assert!(screen.contains("›Registration no.     0403.170.702"), "{screen}");
    assert!(screen.contains("1 invalid field"), "{screen}");

    desk.send_key(Key::CtrlU);
    desk.send("0403.170.701");
    desk.wait_until("the number corrected, its error gone", DEADLINE, |s| {
        s.contains(&form_line("Registration no.", "0403.170.701")) && !s.contains("mod-97")
    });
    desk.send_key(Key::CtrlS);
    desk.wait_for(&format!("Saved {name}"), DEADLINE);
    desk.wait_until("the save on disk", DEADLINE, saved_on_disk);
    desk.send_key(Key::Esc);
    let screen = desk.wait_for("1 of 1", DEADLINE);
    assert!(portfolio_band(&screen, name).is_some(), "{screen}");
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());

    let json = store_json(&store);
    let saved = prospect_named(&json, name);
    assert_eq!(saved["registration"], "0403.170.701");
    assert_eq!(saved["country"], "BE");
    assert_eq!(saved["annual_volume"], "45000");
}

#[test]
fn sigkill_right_after_saves_leaves_a_store_that_loads_with_them() {
    let sandbox = Sandbox::new();
    let store = sandbox.demo_copy();
    let args = ["--store", store.to_str().unwrap(), "--as-of", AS_OF];
    let mut desk = Desk::start(&sandbox, &args);
    desk.wait_for(DEMO_LOADED, DEADLINE);
    filter_to(&mut desk, "dijlevallei", 50);
    desk.send_key(Key::Enter);
    desk.wait_until("the prospect open", DEADLINE, |s| title_names(s, "Dijlevallei IT Services NV"));

    // Two saves in a row, each confirmed on screen, then no chance to clean up.
    let renamed = "Dijlevallei IT Services NV K9";
    desk.send(" K9");
    desk.send_key(Key::CtrlS);
    desk.wait_for(&format!("Saved {renamed}"), DEADLINE);
    desk.send_key(Key::Tab);
    desk.send_key(Key::Tab);
    desk.send_key(Key::CtrlU);
    desk.send("BE0403170701");
    desk.send_key(Key::CtrlS);
    desk.wait_until("the second save on disk", DEADLINE, |s| {
        s.contains(&form_line("Registration no.", "BE0403170701"))
            && s.contains(&format!("Saved {renamed}"))
            && saved_on_disk(s)
    });
    let status = desk.kill9();
    assert!(!status.success());
    // Nothing restored the terminal: the check the panic test relies on can tell.
    assert!(desk.with_screen(|s| s.alternate_screen()), "SIGKILL left no trace?");

    let prospects = dealdesk::store::load(&store).expect("the store loads after SIGKILL");
    assert_eq!(prospects.len(), 50);
    let renamed_prospect =
        prospects.iter().find(|p| p.name == renamed).expect("the renamed prospect is on disk");
    let json = store_json(&store);
    let on_disk = prospect_named(&json, renamed);
    assert_eq!(on_disk["registration"], "0403.170.701", "{on_disk}");
    assert_eq!(on_disk["id"], renamed_prospect.id);
}

#[test]
fn a_panic_leaves_the_terminal_restored() {
    let sandbox = Sandbox::new();
    let store = sandbox.demo_copy();
    let args = ["--store", store.to_str().unwrap(), "--as-of", AS_OF];
    let mut desk = Desk::start_with(&sandbox, &args, (100, 30), &[("DEALDESK_TEST_PANIC", "1")]);
    let status = desk.wait_exit(DEADLINE);
    assert!(!status.success(), "a panic must not exit with success");
    assert_restored(&desk);
    let screen = desk.screen();
    assert!(screen.contains("DEALDESK_TEST_PANIC"), "{screen}");
    assert!(!screen.contains("Enter open"), "the desk is still on screen:\n{screen}");
}

#[test]
fn without_a_terminal_it_exits_2_and_points_to_eval() {
    let sandbox = Sandbox::new();
    let store = sandbox.path("portfolio.json");
    let output = Command::new(env!("CARGO_BIN_EXE_dealdesk"))
        .args(["--store", store.to_str().unwrap()])
        .envs(sandbox.env())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run dealdesk");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.contains("eval"), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(output.stdout.is_empty());
    assert!(!store.exists(), "no store is created without a terminal");
}

#[test]
fn a_small_terminal_says_so_until_it_is_resized() {
    let sandbox = Sandbox::new();
    let store = sandbox.demo_copy();
    let args = ["--store", store.to_str().unwrap(), "--as-of", AS_OF];
    let mut desk = Desk::start_with(&sandbox, &args, (60, 20), &[]);
    let too_small = "terminal too small (need 80×24, have 60×20)";
    // The first frame is complete once its last act, hiding the cursor, is on screen.
    desk.wait_until_state("the first frame", DEADLINE, |s| {
        s.contents().contains(too_small) && s.hide_cursor()
    });
    // A key the desk has read and answered proves it hears resizes (see the ignored test).
    let mark = desk.output_mark();
    desk.send("j");
    desk.wait_drawn_since(mark, DEADLINE);
    desk.resize(100, 30);
    let screen = desk.wait_for(DEMO_LOADED, DEADLINE);
    assert!(!screen.contains("too small"), "{screen}");
    desk.resize(79, 24);
    desk.wait_for("terminal too small (need 80×24, have 79×24)", DEADLINE);
    desk.resize(80, 24);
    desk.wait_for(DEMO_LOADED, DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
}

/// A resize right after the first frame, before the input thread's first `event::read()` has
/// installed crossterm's SIGWINCH handler, is lost: the desk stays drawn at the old size until
/// a key arrives. A busy machine widens the window (seen in 1 of ~25 starts during a release
/// build, and in 3 of 6 runs of this test at load average 6); initialising the event reader
/// before the first draw should make it pass every time.
#[test]
fn a_resize_right_after_start_is_not_lost() {
    for round in 0..40 {
        let sandbox = Sandbox::new();
        let store = sandbox.demo_copy();
        let args = ["--store", store.to_str().unwrap(), "--as-of", AS_OF];
        let mut desk = Desk::start_with(&sandbox, &args, (60, 20), &[]);
        desk.wait_for("terminal too small", DEADLINE);
        desk.resize(100, 30);
        desk.wait_until(&format!("the portfolio after the resize, round {round}"), DEADLINE, |s| {
            s.contains(DEMO_LOADED)
        });
        desk.send("q");
        desk.wait_exit(DEADLINE);
    }
}

#[test]
fn a_second_instance_opens_read_only_with_a_banner() {
    let sandbox = Sandbox::new();
    let store = sandbox.demo_copy();
    let before = std::fs::read(&store).unwrap();
    let args = ["--store", store.to_str().unwrap(), "--as-of", AS_OF];
    let mut first = Desk::start(&sandbox, &args);
    let screen = first.wait_for(DEMO_LOADED, DEADLINE);
    assert!(!screen.contains("READ-ONLY"), "{screen}");

    let mut second = Desk::start(&sandbox, &args);
    let screen = second.wait_for("READ-ONLY", DEADLINE);
    // The OS user from the password database, not $USER (the sandbox sets it to e2e-tester).
    let user = dealdesk::store::user::os_user();
    assert!(screen.contains(&format!(" of {user} since ")), "the banner names the holder:\n{screen}");
    second.wait_for(DEMO_LOADED, DEADLINE);
    second.send("d");
    second.wait_for("Read-only: ", DEADLINE);
    second.send("q");
    assert!(second.wait_exit(DEADLINE).success());

    first.send("q");
    assert!(first.wait_exit(DEADLINE).success());
    assert_eq!(std::fs::read(&store).unwrap(), before, "nobody wrote");
}
