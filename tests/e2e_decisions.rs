//! End to end, the decision record in the real binary: a decision recorded from the what-if is
//! not lost when the form below it is saved again (issue 13, item 1).

mod common;

use common::pty::{DEADLINE, Desk, Key};
use common::sandbox::Sandbox;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::vocabulary::Status;

const X: &str = "Xantra Logistics NV";

/// The desk on a copy of the demo store, at 120×40, with the portfolio drawn.
fn desk_on_demo(sandbox: &Sandbox) -> (Desk, std::path::PathBuf) {
    let store = sandbox.demo_copy();
    let args = ["--store", store.to_str().unwrap(), "--as-of", "2026-11-28"];
    let desk = Desk::start_with(sandbox, &args, (120, 40), &[]);
    desk.wait_for("50 of 50", DEADLINE);
    (desk, store)
}

/// Filters the portfolio to X and opens its form.
fn open_x(desk: &mut Desk) {
    desk.send("/");
    desk.wait_for("Enter keep", DEADLINE);
    desk.send("xantra");
    desk.wait_for("1 of 50", DEADLINE);
    desk.send_key(Key::Enter);
    desk.wait_for("Enter open", DEADLINE);
    desk.send_key(Key::Enter);
    desk.wait_for(" Prospect ", DEADLINE);
}

/// The title says every change is on disk (" dealdesk ✓ saved · …").
fn saved_on_disk(screen: &str) -> bool {
    screen.lines().next().is_some_and(|title| title.trim_start().starts_with("dealdesk ✓ saved"))
}

/// From a screen above the portfolio: Esc to it, quit, and X as the store holds it then.
fn quit_and_read_x(mut desk: Desk, store: &std::path::Path) -> Prospect {
    desk.send_key(Key::Esc);
    desk.wait_for("Enter open", DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
    let prospects = dealdesk::store::load(store).expect("the store loads");
    prospects.into_iter().find(|p| p.name == X).expect("X in the store")
}

#[test]
fn a_decision_from_the_what_if_survives_saving_the_form_below_it() {
    let sandbox = Sandbox::new();
    let (mut desk, store) = desk_on_demo(&sandbox);
    open_x(&mut desk);
    desk.send_key(Key::CtrlT);
    desk.wait_for(&format!("terms of {X}"), DEADLINE);
    desk.send_key(Key::CtrlS);
    desk.wait_for("Record a decision", DEADLINE);
    // From X's status (reviewing) down to declined: approved, w/ conditions, routed, declined.
    desk.decide(4, "declined", "too risky for now", X);
    desk.send_key(Key::Esc);
    // The form below took the decision: its status and its history show it.
    let screen = desk.wait_for(" Prospect ", DEADLINE);
    assert!(!screen.contains("No decisions yet"), "the form shows the decision:\n{screen}");
    desk.send_key(Key::CtrlS);
    desk.wait_for(&format!("Saved {X}"), DEADLINE);
    desk.wait_until("the save on disk", DEADLINE, saved_on_disk);
    let x = quit_and_read_x(desk, &store);
    assert_eq!(x.status, Status::Declined, "the form's save kept the decision's status");
    let decision = x.history.last().expect("the decision is in the store");
    assert_eq!((decision.status, decision.note.as_str()), (Status::Declined, "too risky for now"));
    assert_eq!(x.history.len(), 1);
}

#[test]
fn the_status_is_shown_not_typed_and_a_decision_records_who_when_and_its_own_note() {
    let sandbox = Sandbox::new();
    let (mut desk, store) = desk_on_demo(&sandbox);
    open_x(&mut desk);
    let user = dealdesk::store::user::os_user();
    // Shift-Tab from the name wraps to the last field, the note: it is editable. The status
    // above it shows its label, not its key, and says how it changes.
    desk.send_key(Key::BackTab);
    desk.wait_until("the cursor on the note", DEADLINE, |s| s.lines().any(|l| l.contains("›Note")));
    let screen = desk.screen();
    let status = screen.lines().find(|l| l.contains(" Status ")).unwrap_or_default();
    assert!(status.contains("reviewing") && status.contains("(Ctrl-D to decide)"), "{screen}");
    desk.send(" Met at the fair.");
    desk.send_key(Key::CtrlS);
    desk.wait_for(&format!("Saved {X}"), DEADLINE);
    // Tab from the note never lands on the status: it goes round to the name.
    desk.send_key(Key::Tab);
    desk.wait_until("the cursor on the name", DEADLINE, |s| s.lines().any(|l| l.contains("›Name")));

    // A second desk on the store is read-only and names this desk's user.
    let args = ["--store", store.to_str().unwrap(), "--as-of", "2026-11-28"];
    let mut second = Desk::start_with(&sandbox, &args, (120, 40), &[("USER", "")]);
    let screen = second.wait_for("holds this store", DEADLINE);
    assert!(screen.contains(&format!(" of {user} since ")), "the lock names the OS user:\n{screen}");
    assert!(!screen.contains("unknown user"), "{screen}");
    second.send("q");
    assert!(second.wait_exit(DEADLINE).success());

    desk.send_key(Key::CtrlD);
    desk.wait_for("Record a decision", DEADLINE);
    desk.decide(1, "approved", "agreed by phone", X);
    desk.wait_until("the decision on disk", DEADLINE, saved_on_disk);
    let x = quit_and_read_x(desk, &store);
    assert!(
        x.note.as_deref().is_some_and(|n| n.ends_with("Met at the fair.")),
        "the prospect's note: {:?}",
        x.note
    );
    let d = x.history.last().expect("the decision");
    assert_eq!((d.status, d.note.as_str()), (Status::Approved, "agreed by phone"));
    assert_eq!(d.decided_by.as_deref(), Some(user.as_str()));
    let at = d.decided_at.expect("a date and time");
    assert_eq!(at.date_naive().to_string(), "2026-11-28", "dated as of --as-of");
    assert_eq!(x.agreed_terms.as_ref(), Some(&d.terms), "an approval agrees its terms");
    let text = std::fs::read_to_string(&store).unwrap();
    assert!(text.starts_with("{\"schema\": 5,"), "written in the new schema");
}

#[test]
fn the_due_for_review_filter_shows_the_prospects_whose_review_has_come() {
    let sandbox = Sandbox::new();
    let store = sandbox.path("book.json");
    let day = |m, d| dealdesk::domain::date::Date::new(2026, m, d).unwrap();
    let book = [
        common::domain::decided(1, "Aerts BV", Status::Approved, day(8, 1), 3),
        common::domain::decided(2, "Brabo NV", Status::Approved, day(10, 1), 3),
        common::domain::decided(3, "Cools BV", Status::OnHold, day(5, 15), 6),
    ];
    dealdesk::store::write_new(&store, &book).expect("the store is written");
    let args = ["--store", store.to_str().unwrap(), "--as-of", "2026-11-28"];
    let mut desk = Desk::start_with(&sandbox, &args, (120, 40), &[]);
    desk.wait_for("3 of 3", DEADLINE);
    desk.send("R");
    let screen = desk.wait_for("2 of 3", DEADLINE);
    assert!(screen.contains("due for review by 2026-11-28"), "{screen}");
    assert!(
        screen.contains("Aerts BV") && screen.contains("Cools BV") && !screen.contains("Brabo NV"),
        "{screen}"
    );
    desk.send("R");
    desk.wait_for("3 of 3", DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
}
