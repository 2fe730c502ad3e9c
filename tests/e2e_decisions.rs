//! End to end, the decision record in the real binary: a decision recorded from the what-if is
//! not lost when the form below it is saved again (issue 13, item 1).

mod common;

use common::pty::{DEADLINE, Desk, Key};
use common::sandbox::Sandbox;
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
    for _ in 0..4 {
        desk.send_key(Key::Down);
    }
    desk.wait_for("› declined", DEADLINE);
    desk.send("too risky for now");
    desk.wait_for("Note: too risky for now", DEADLINE);
    desk.send_key(Key::Enter);
    desk.wait_for(&format!("Decision recorded for {X}: declined"), DEADLINE);
    desk.send_key(Key::Esc);
    // The form below took the decision: its status and its history show it.
    let screen = desk.wait_for(" Prospect ", DEADLINE);
    assert!(!screen.contains("No decisions yet"), "the form shows the decision:\n{screen}");
    desk.send_key(Key::CtrlS);
    desk.wait_for(&format!("Saved {X}"), DEADLINE);
    desk.wait_until("the save on disk", DEADLINE, saved_on_disk);
    desk.send_key(Key::Esc);
    desk.wait_for("Enter open", DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());

    let prospects = dealdesk::store::load(&store).expect("the store loads");
    let x = prospects.iter().find(|p| p.name == X).expect("X in the store");
    assert_eq!(x.status, Status::Declined, "the form's save kept the decision's status");
    let decision = x.history.last().expect("the decision is in the store");
    assert_eq!((decision.status, decision.note.as_str()), (Status::Declined, "too risky for now"));
    assert_eq!(x.history.len(), 1);
}
