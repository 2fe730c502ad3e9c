//! The prospect form and decisions without a terminal: field editing and inline validation, the
//! unsaved-changes prompt, decisions from the portfolio and from the form, help.

mod common;
#[path = "tui_update_form/decisions.rs"]
mod decisions;

use common::desk::*;
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::fields::Field;
use dealdesk::domain::money::Money;
use dealdesk::domain::vocabulary::Status;
use dealdesk::tui::app::App;
use dealdesk::tui::modals::Modal;
use dealdesk::tui::prospect::state::PendingExit;
use dealdesk::tui::screen::Screen;
use ratatui::crossterm::event::KeyCode;
use strum::VariantArray;

fn warning(app: &App) -> String {
    let n = app.notice.as_ref().expect("a notice");
    assert!(n.error, "a warning, not a remark: {}", n.text);
    n.text.clone()
}

fn error_of(app: &App, field: Field) -> Option<String> {
    form(app).errors[field_index(field)].clone()
}

fn text_of(app: &App, field: Field) -> String {
    form(app).inputs[field_index(field)].text().to_string()
}

// ---- field editing and validation ----

#[test]
fn letters_in_a_money_field_show_an_error_keep_the_text_and_count_as_unknown() {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    let opened = form(&app).evaluation.clone();
    focus(&mut app, Field::Equity);
    assert!(form(&app).draft.equity.is_some());

    retype(&mut app, "12k€");
    let message = error_of(&app, Field::Equity).expect("an error for Equity");
    assert!(message.contains("12k€"), "the message quotes what was typed: {message}");
    assert_eq!(form(&app).invalid_count(), 1);
    assert_eq!(text_of(&app, Field::Equity), "12k€", "nothing typed is lost");
    assert_eq!(form(&app).draft.equity, None, "an invalid amount is unknown");
    let invalid = form(&app).evaluation.clone();
    assert_ne!(invalid, opened, "the assessment follows the unknown equity");

    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(text_of(&app, Field::Equity), "12k€", "moving away keeps it");

    retype(&mut app, "-2 000 000");
    assert_eq!(error_of(&app, Field::Equity), None);
    assert_eq!(form(&app).draft.equity, Some(Money::units(-2_000_000)));
    let corrected = &form(&app).evaluation;
    assert_ne!(corrected.assessment.score, invalid.assessment.score);
    assert!(corrected.assessment.score < opened.assessment.score);
}

#[test]
fn every_keystroke_re_evaluates() {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, Field::DbtDays);
    ctrl(&mut app, 'u');
    let mut scores = vec![form(&app).evaluation.assessment.score];
    for c in "95".chars() {
        ch(&mut app, c);
        scores.push(form(&app).evaluation.assessment.score);
    }
    assert_eq!(form(&app).draft.dbt_days, Some(95));
    assert!(scores[1] > scores[2], "9 then 95 days late: {scores:?}");
}

#[test]
fn ctrl_s_with_an_invalid_field_is_refused_and_sends_the_cursor_there() {
    let mut app = demo_app();
    let before = prospect(&app, "Kempen Plastics NV");
    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, Field::Cash);
    retype(&mut app, "lots");
    focus(&mut app, Field::Revenue);
    retype(&mut app, "1,2,3");
    focus(&mut app, Field::Name);
    app.notice = None;

    let effects = ctrl(&mut app, 's');
    assert!(saves(&effects).is_empty(), "{effects:?}");
    let text = warning(&app);
    assert!(text.contains('2') && text.contains("Revenue"), "{text}");
    assert_eq!(form(&app).focus, field_index(Field::Revenue), "the first bad field");
    assert_eq!(prospect(&app, "Kempen Plastics NV"), before);
    assert_eq!((app.generation, app.history_len()), (0, 0));
    assert_eq!(text_of(&app, Field::Cash), "lots");
}

/// The history has no public length; undo says whether there was anything.
trait HistoryLen {
    fn history_len(&self) -> usize;
}

impl HistoryLen for App {
    fn history_len(&self) -> usize {
        let mut history = self.history.clone();
        std::iter::from_fn(|| history.undo()).count()
    }
}

#[test]
fn the_registration_is_checked_against_the_country() {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    assert_eq!(error_of(&app, Field::Registration), None);
    focus(&mut app, Field::Country);
    retype(&mut app, "NL");
    assert_eq!(error_of(&app, Field::Country), None);
    assert!(error_of(&app, Field::Registration).is_some(), "a Belgian number is not a Dutch KvK number");
    assert_eq!(form(&app).draft.registration, None);
    retype(&mut app, "BE");
    assert_eq!(error_of(&app, Field::Registration), None);
}

#[test]
fn a_new_prospect_with_a_bad_belgian_number_is_corrected_and_saved() {
    let mut app = demo_app();
    ch(&mut app, 'n');
    assert!(form(&app).is_new);
    focus(&mut app, Field::Name);
    type_text(&mut app, "Nieuwe Klant BV");
    focus(&mut app, Field::Country);
    type_text(&mut app, "BE");
    focus(&mut app, Field::Registration);
    type_text(&mut app, "0403.170.702");
    let message = error_of(&app, Field::Registration).expect("mod-97 error");
    assert!(message.contains("01"), "says what the check digits should be: {message}");
    assert!(saves(&ctrl(&mut app, 's')).is_empty());

    retype(&mut app, "0403.170.701");
    assert_eq!(error_of(&app, Field::Registration), None);
    let effects = ctrl(&mut app, 's');
    assert_eq!(saves(&effects), [(1, 51, false)]);
    assert!(!form(&app).is_new && !form(&app).dirty());
    let saved = prospect(&app, "Nieuwe Klant BV");
    assert!(saved.registration.as_deref().unwrap().contains("0403.170.701"));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Portfolio));
    assert_eq!(app.view.selected_id(&app.portfolio), Some(saved.id));
}

#[test]
fn command_letters_are_typed_into_the_focused_field() {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, Field::City);
    let effects = type_text(&mut app, "q?dn");
    assert!(effects.is_empty(), "q does not quit in a field");
    assert!(!app.help && app.modal.is_none());
    assert!(text_of(&app, Field::City).ends_with("q?dn"));
    press(&mut app, KeyCode::F(1));
    assert!(app.help, "F1 is the form's help");
    ch(&mut app, 'x');
    assert!(app.help && text_of(&app, Field::City).ends_with("q?dn"), "help eats keys");
    press(&mut app, KeyCode::Esc);
    assert!(!app.help);
    assert!(app.modal.is_none(), "Esc closed help only");
}

#[test]
fn an_edit_saved_in_the_form_is_undone_on_the_portfolio() {
    let mut app = demo_app();
    let before = prospect(&app, "Kempen Plastics NV");
    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, Field::City);
    retype(&mut app, "Geel-Oost");
    let effects = ctrl(&mut app, 's');
    assert_eq!(saves(&effects).len(), 1);
    assert_eq!(prospect(&app, "Kempen Plastics NV").city.as_deref(), Some("Geel-Oost"));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Portfolio), "saved, so no question");

    let effects = ch(&mut app, 'u');
    assert_eq!(saves(&effects).len(), 1);
    assert_eq!(prospect(&app, "Kempen Plastics NV"), before);
    ctrl(&mut app, 'r');
    assert_eq!(prospect(&app, "Kempen Plastics NV").city.as_deref(), Some("Geel-Oost"));
}

// ---- unsaved changes ----

#[test]
fn esc_with_unsaved_changes_asks_and_stay_keeps_the_edit() {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, Field::City);
    type_text(&mut app, " Noord");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.modal, Some(Modal::Unsaved(PendingExit::Back))));
    press(&mut app, KeyCode::Esc);
    assert!(app.modal.is_none());
    assert!(form(&app).dirty());
    assert!(text_of(&app, Field::City).ends_with(" Noord"));
}

#[test]
fn discard_goes_back_with_the_portfolio_unchanged() {
    let mut app = demo_app();
    let before = prospect(&app, "Kempen Plastics NV");
    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, Field::City);
    type_text(&mut app, " Noord");
    press(&mut app, KeyCode::Esc);
    let effects = ch(&mut app, 'd');
    assert!(effects.is_empty());
    assert!(matches!(app.screen, Screen::Portfolio));
    assert_eq!(prospect(&app, "Kempen Plastics NV"), before);
    assert_eq!(app.view.selected_id(&app.portfolio), Some(before.id));
}

#[test]
fn save_from_the_prompt_writes_the_change_and_goes_back() {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, Field::City);
    type_text(&mut app, " Noord");
    press(&mut app, KeyCode::Esc);
    let effects = ch(&mut app, 's');
    assert_eq!(saves(&effects), [(1, 50, false)]);
    assert!(matches!(app.screen, Screen::Portfolio));
    let after = prospect(&app, "Kempen Plastics NV");
    assert!(after.city.as_deref().unwrap().ends_with(" Noord"));
}

#[test]
fn save_from_the_prompt_with_an_invalid_field_stays_on_the_form() {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, Field::Cash);
    retype(&mut app, "lots");
    focus(&mut app, Field::Name);
    press(&mut app, KeyCode::Esc);
    let effects = ch(&mut app, 's');
    assert!(effects.is_empty());
    assert!(app.modal.is_none());
    assert_eq!(form(&app).focus, field_index(Field::Cash));
    assert!(warning(&app).contains("Cash"));
}

#[test]
fn no_question_without_changes_or_after_typing_back_the_same_text() {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, Field::City);
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Backspace);
    assert!(!form(&app).dirty());
    press(&mut app, KeyCode::Esc);
    assert!(app.modal.is_none());
    assert!(matches!(app.screen, Screen::Portfolio));

    ch(&mut app, 'n');
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.modal, Some(Modal::Unsaved(PendingExit::Back))), "a new prospect asks");
    ch(&mut app, 'd');
    assert_eq!(app.portfolio.len(), 50);
}

#[test]
fn a_new_prospect_starts_with_the_deal_fields() {
    let mut app = demo_app();
    ch(&mut app, 'n');
    // Volume, margin, orders and requested days first, then the identity from the name on.
    let mut visited = vec![form(&app).field()];
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
        visited.push(form(&app).field());
    }
    assert_eq!(
        visited,
        [Field::AnnualVolume, Field::MarginPct, Field::OrdersPerYear, Field::RequestedDays, Field::Name]
    );
    // Shift-Tab from the first field wraps to the last one, the note (the status, read-only,
    // is passed over).
    for _ in 0..5 {
        press(&mut app, KeyCode::BackTab);
    }
    assert_eq!(form(&app).field(), Field::Note);
    // A prospect already in the portfolio keeps the table's order, the name first.
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'd');
    open(&mut app, "Kempen Plastics NV");
    assert_eq!(form(&app).field(), Field::Name);
}

#[test]
fn amounts_read_as_in_a_semicolon_file_and_show_what_was_read_on_leaving() {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, Field::AnnualVolume);
    retype(&mut app, "45.000");
    assert_eq!(form(&app).draft.annual_volume, Some(Money::units(45_000)));
    assert_eq!(text_of(&app, Field::AnnualVolume), "45.000", "as typed while the field has the cursor");
    press(&mut app, KeyCode::Tab);
    assert_eq!(text_of(&app, Field::AnnualVolume), "45 000", "the value read, once left");

    focus(&mut app, Field::Cash);
    retype(&mut app, "1.234,56");
    press(&mut app, KeyCode::Down);
    assert_eq!(text_of(&app, Field::Cash), "1 234.56");
    assert_eq!(form(&app).draft.cash, Some(Money::new(rust_decimal::dec!(1234.56))));

    // A pattern that reads two ways is refused, says how to write it, and keeps its text.
    focus(&mut app, Field::Employees);
    retype(&mut app, "1,200");
    let message = error_of(&app, Field::Employees).expect("refused");
    assert!(message.contains("could be 1 200 or 1,2") && message.contains("type 1.200 or 1200"), "{message}");
    press(&mut app, KeyCode::Tab);
    assert_eq!(text_of(&app, Field::Employees), "1,200", "an invalid field keeps its text");
    // Percentages keep the decimal point.
    focus(&mut app, Field::MarginPct);
    retype(&mut app, "12.5");
    press(&mut app, KeyCode::Tab);
    assert_eq!(text_of(&app, Field::MarginPct), "12.5");
}

#[test]
fn the_live_assessment_scrolls_to_the_suggested_terms_at_80x24() {
    let mut app = demo_app();
    resize(&mut app, 80, 24);
    open(&mut app, "Xantra Logistics NV");
    let shown = |app: &mut App| screen_text(&render(app, 80, 24)).join("\n");
    let before = shown(&mut app);
    assert!(!before.contains("Suggested terms"), "below the fold at 80×24:\n{before}");
    assert!(before.contains("more: Ctrl-F"), "the panel says there is more:\n{before}");
    let pages = (1..=3).find(|_| {
        ctrl(&mut app, 'f');
        shown(&mut app).contains("Suggested terms")
    });
    assert!(pages.is_some(), "reachable without saving:\n{}", shown(&mut app));
    assert!(!form(&app).dirty());
    // Scrolling stops at the end and comes back in as many pages.
    for _ in 0..20 {
        ctrl(&mut app, 'f');
    }
    let at_end = form(&app).panel_scroll;
    ctrl(&mut app, 'b');
    assert!(form(&app).panel_scroll < at_end, "Ctrl-B moves at once, not after the overshoot");
}
