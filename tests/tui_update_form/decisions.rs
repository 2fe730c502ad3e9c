//! Decisions from the portfolio and from the form: what is recorded (date, terms, band), Esc
//! that records nothing, a save before and after a decision, and a read-only store's refusal.

use super::*;

#[test]
fn a_decision_from_the_portfolio_is_recorded_with_date_terms_and_band() {
    let mut app = demo_app();
    let before = prospect(&app, "Scheldeland Retail NV");
    assert_eq!((before.status, before.history.len()), (Status::New, 0));
    let shown = app.portfolio.summary(app.portfolio.position(before.id).unwrap()).unwrap().clone();
    select(&mut app, "Scheldeland Retail NV");

    ch(&mut app, 'a');
    let Some(Modal::Decision(dialog)) = &app.modal else { panic!("decision dialog, found {:?}", app.modal) };
    assert_eq!((dialog.id, Status::VARIANTS[dialog.status_index]), (before.id, Status::New));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "volume confirmed; quarterly review");
    let effects = press(&mut app, KeyCode::Enter);

    assert!(app.modal.is_none());
    assert_eq!(saves(&effects), [(1, 50, false)]);
    let after = prospect(&app, "Scheldeland Retail NV");
    assert_eq!(after.status, Status::Approved);
    assert_eq!(after.history.len(), 1);
    let record = &after.history[0];
    assert_eq!(record.date, today());
    assert_eq!(record.status, Status::Approved);
    assert_eq!(record.note, "volume confirmed; quarterly review");
    assert_eq!(record.band, shown.band);
    assert_eq!(record.score, shown.score);
    let suggested = evaluate(&before, &app.policy, app.today).suggestion.terms;
    assert_eq!(record.terms, suggested);
    assert_eq!(
        (record.terms.payment_days, record.terms.advance_pct),
        (shown.payment_days, shown.advance),
        "the terms the table showed"
    );
    assert_eq!(after.agreed_terms.as_ref(), Some(&record.terms), "approved: terms agreed");
}

#[test]
fn esc_in_the_decision_dialog_records_nothing() {
    let mut app = demo_app();
    let before = prospect(&app, "Scheldeland Retail NV");
    select(&mut app, "Scheldeland Retail NV");
    ch(&mut app, 'a');
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "q");
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert!(app.modal.is_none());
    assert_eq!(prospect(&app, "Scheldeland Retail NV"), before);
}

#[test]
fn ctrl_d_in_the_form_records_a_decision_and_shows_it() {
    let mut app = demo_app();
    open(&mut app, "Vandamme Staalbouw NV");
    ctrl(&mut app, 'd');
    let Some(Modal::Decision(dialog)) = &app.modal else { panic!("decision dialog, found {:?}", app.modal) };
    assert_eq!(Status::VARIANTS[dialog.status_index], Status::OnHold);
    press(&mut app, KeyCode::Up);
    type_text(&mut app, "no security offered");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(saves(&effects).len(), 1);
    let after = prospect(&app, "Vandamme Staalbouw NV");
    assert_eq!((after.status, after.history.len()), (Status::Declined, 1));
    assert_eq!(after.history[0].date, today());
    assert!(!form(&app).dirty(), "the form is on the saved prospect");
    assert_eq!(form(&app).original.history.len(), 1, "its history shows the decision");
}

#[test]
fn a_save_after_a_decision_in_the_form_keeps_the_decided_status() {
    let mut app = demo_app();
    let before = prospect(&app, "Vandamme Staalbouw NV");
    open(&mut app, "Vandamme Staalbouw NV");
    ctrl(&mut app, 'd');
    press(&mut app, KeyCode::Up);
    type_text(&mut app, "no security offered");
    press(&mut app, KeyCode::Enter);
    assert_eq!(form(&app).draft.status, Status::Declined);
    assert_eq!(text_of(&app, Field::Status), "declined");
    focus(&mut app, Field::City);
    type_text(&mut app, "x");
    ctrl(&mut app, 's');
    let after = prospect(&app, "Vandamme Staalbouw NV");
    assert_eq!(after.status, Status::Declined, "the history says declined");
    assert_eq!(after.history[0].note, "no security offered", "the note is the decision's");
    assert_eq!(after.note, before.note, "the prospect's own note is kept");
    assert_eq!(after.city.as_deref().map(|c| c.ends_with('x')), Some(true), "the edit is saved");
}

#[test]
fn ctrl_d_on_a_form_with_valid_edits_saves_them_first() {
    let mut app = demo_app();
    open(&mut app, "Vandamme Staalbouw NV");
    focus(&mut app, Field::City);
    type_text(&mut app, " Zuid");
    let effects = ctrl(&mut app, 'd');
    assert_eq!(saves(&effects).len(), 1, "the edit is saved before deciding");
    assert!(matches!(app.modal, Some(Modal::Decision(_))));
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(saves(&effects).len(), 1);
    let after = prospect(&app, "Vandamme Staalbouw NV");
    assert!(after.city.as_deref().unwrap().ends_with(" Zuid"));
    assert_eq!(after.history.len(), 1);
}

#[test]
fn read_only_refuses_a_decision_from_the_form() {
    let mut app = demo_app();
    app.read_only = Some("process 1 of ann holds this store".into());
    let before = prospect(&app, "Vandamme Staalbouw NV");
    open(&mut app, "Vandamme Staalbouw NV");
    ctrl(&mut app, 'd');
    press(&mut app, KeyCode::Enter);
    assert_eq!(prospect(&app, "Vandamme Staalbouw NV"), before);
    assert!(warning(&app).contains("Read-only"));
}
