//! No screen saves a stale copy of a prospect over newer data (issue 13, item 1): the form
//! below the what-if, a form with edits when the prospect changed under it, the decision
//! dialog and the import preview, each against the portfolio's current version.

mod common;

use std::sync::Arc;

use common::desk::*;
use dealdesk::domain::fields::Field;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::vocabulary::Status;
use dealdesk::tui::app::{App, Msg};
use dealdesk::tui::dispatch::update;
use dealdesk::tui::history::Change;
use dealdesk::tui::modals::Modal;
use ratatui::crossterm::event::KeyCode;

const VANDAMME: &str = "Vandamme Staalbouw NV";

fn notice(app: &App) -> String {
    app.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default()
}

/// Another change to the prospect while a screen holds its copy (as an import or an undo
/// would make it).
fn changed_elsewhere(app: &mut App, name: &str, change: impl FnOnce(&mut Prospect)) {
    let before = prospect(app, name);
    let mut after = (*before).clone();
    change(&mut after);
    app.commit(Change::Put { before: Some(before), after: Arc::new(after) }, &mut Vec::new());
}

#[test]
fn a_decision_from_the_what_if_reaches_the_form_below_and_its_save_keeps_it() {
    let mut app = demo_app();
    open(&mut app, VANDAMME);
    ctrl(&mut app, 't');
    ctrl(&mut app, 's');
    let Some(Modal::Decision(_)) = &app.modal else { panic!("the decision dialog, found {:?}", app.modal) };
    press(&mut app, KeyCode::Up); // on hold → declined
    type_text(&mut app, "no security offered");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(form(&app).original.history.len(), 1, "the form shows the decision");
    assert_eq!(form(&app).draft.status, Status::Declined);
    focus(&mut app, Field::City);
    type_text(&mut app, "x");
    ctrl(&mut app, 's');
    let after = prospect(&app, VANDAMME);
    assert_eq!((after.status, after.history.len()), (Status::Declined, 1), "the decision is kept");
    assert!(after.city.as_deref().is_some_and(|c| c.ends_with('x')), "and the edit saved");
}

#[test]
fn edits_are_carried_onto_a_newer_version_that_changed_other_fields() {
    let mut app = demo_app();
    open(&mut app, VANDAMME);
    focus(&mut app, Field::City);
    retype(&mut app, "Aalst");
    changed_elsewhere(&mut app, VANDAMME, |p| p.contact = Some("Els Peeters".into()));
    ctrl(&mut app, 's');
    let after = prospect(&app, VANDAMME);
    assert_eq!(after.city.as_deref(), Some("Aalst"), "the user's edit");
    assert_eq!(after.contact.as_deref(), Some("Els Peeters"), "the other change is not overwritten");
}

#[test]
fn a_field_changed_both_here_and_elsewhere_refuses_the_save_and_says_which() {
    let mut app = demo_app();
    open(&mut app, VANDAMME);
    focus(&mut app, Field::City);
    retype(&mut app, "Aalst");
    changed_elsewhere(&mut app, VANDAMME, |p| p.city = Some("Gent".into()));
    ctrl(&mut app, 's');
    assert_eq!(prospect(&app, VANDAMME).city.as_deref(), Some("Gent"), "the newer value stays");
    let text = notice(&app);
    assert!(text.starts_with("Not saved:") && text.contains("City"), "{text}");
    assert!(form(&app).dirty(), "the user's text is kept to copy");
}

#[test]
fn a_decision_dialog_on_a_version_that_changed_records_nothing() {
    let mut app = demo_app();
    select(&mut app, VANDAMME);
    ch(&mut app, 'a');
    let Some(Modal::Decision(_)) = &app.modal else { panic!("the decision dialog, found {:?}", app.modal) };
    changed_elsewhere(&mut app, VANDAMME, |p| p.contact = Some("Els Peeters".into()));
    press(&mut app, KeyCode::Enter);
    let after = prospect(&app, VANDAMME);
    assert!(after.history.is_empty(), "nothing recorded on a stale copy");
    assert_eq!(after.contact.as_deref(), Some("Els Peeters"));
    assert!(notice(&app).starts_with("Nothing recorded"), "{}", notice(&app));
}

#[test]
fn an_import_previewed_before_a_prospect_changed_imports_nothing() {
    let mut app = demo_app();
    let registration = prospect(&app, VANDAMME).registration.clone().expect("a registration");
    let csv = format!("name;registration;country;city\n{VANDAMME};{registration};BE;Aalst\n");
    let file = dealdesk::io::import_file::read_import_file(csv.as_bytes(), None, &mut |_| {}).expect("a CSV");
    ch(&mut app, 'i');
    type_text(&mut app, "vandamme.csv");
    press(&mut app, KeyCode::Enter);
    update(&mut app, Msg::ImportRead { path: "vandamme.csv".into(), result: Ok(file) });
    changed_elsewhere(&mut app, VANDAMME, |p| p.contact = Some("Els Peeters".into()));
    press(&mut app, KeyCode::Enter);
    let after = prospect(&app, VANDAMME);
    assert_ne!(after.city.as_deref(), Some("Aalst"), "the plan rested on the older version");
    assert_eq!(after.contact.as_deref(), Some("Els Peeters"));
    assert!(notice(&app).starts_with("Nothing imported"), "{}", notice(&app));
}
