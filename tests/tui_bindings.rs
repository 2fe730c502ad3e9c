//! The key tables are the dispatcher's contract: every binding of every screen's table and of
//! every pop-up's, sent to that screen in a state where it applies, changes the state, asks
//! the runner for an effect, or says something other than "does nothing here". A binding whose
//! arm is removed from its screen's update falls through to "does nothing" (or to nothing at
//! all) and fails here.

mod common;

use std::path::PathBuf;

use common::desk::*;
use dealdesk::domain::fields::Field;
use dealdesk::io::csv_import::read_prospects;
use dealdesk::io::export::FileFormat;
use dealdesk::io::import_file::ImportFile;
use dealdesk::tui::app::{App, Msg, SaveError};
use dealdesk::tui::dispatch::{keys as table_in_force, update};
use dealdesk::tui::kit::action::Action;
use dealdesk::tui::kit::keys::{Key, label};
use dealdesk::tui::modals::Modal;
use dealdesk::tui::modals::path_prompt::{ExportError, PendingExport};
use dealdesk::tui::screen::Screen;
use ratatui::crossterm::event::KeyCode;

/// A state to test a table in: how to reach it, and what to set up for one action first.
struct Case {
    name: &'static str,
    reach: fn() -> App,
    prepare: fn(&mut App, Action),
}

fn nothing(_: &mut App, _: Action) {}

/// Everything a key can change, apart from the notice (which is judged on its own).
fn fingerprint(app: &App) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{} {}\n{:?}\n{:?}\n{}",
        app.screen, app.back, app.modal, app.help, app.help_scroll, app.view, app.what_if, app.generation
    )
}

fn on_screen(app: &mut App, keys_pressed: &[KeyCode]) {
    keys(app, keys_pressed);
}

/// A line holding "ab" with the cursor between the letters, so that every editing key acts.
fn half_typed(app: &mut App) {
    type_text(app, "ab");
    press(app, KeyCode::Left);
}

fn portfolio() -> App {
    let mut app = demo_app();
    for _ in 0..20 {
        ch(&mut app, 'j');
    }
    app
}

fn prepare_portfolio(app: &mut App, action: Action) {
    match action {
        Action::ClearFilters => {
            ch(app, 'b');
        }
        Action::Compare => {
            ch(app, ' ');
            ch(app, ' ');
        }
        _ => {}
    }
}

fn filter() -> App {
    let mut app = demo_app();
    ch(&mut app, '/');
    type_text(&mut app, "er");
    press(&mut app, KeyCode::Left);
    app
}

fn prepare_filter(app: &mut App, action: Action) {
    if action == Action::Up {
        press(app, KeyCode::Down);
    }
}

fn form() -> App {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    retype(&mut app, "ab");
    press(&mut app, KeyCode::Left);
    app
}

fn prepare_form(app: &mut App, action: Action) {
    match action {
        Action::CycleChoice => focus(app, Field::DbtTrend),
        Action::PageUp => {
            press(app, KeyCode::PageDown);
        }
        // At 80×24 the live assessment is longer than its panel.
        Action::ScrollDown => resize(app, 80, 24),
        Action::ScrollUp => {
            resize(app, 80, 24);
            ctrl(app, 'f');
        }
        _ => {}
    }
}

fn terms() -> App {
    let mut app = demo_app();
    select(&mut app, "Xantra Logistics NV");
    ch(&mut app, 't');
    app
}

fn prepare_terms(app: &mut App, action: Action) {
    if action == Action::Reset {
        ch(app, '+');
    }
}

fn terms_typing() -> App {
    let mut app = terms();
    press(&mut app, KeyCode::Enter);
    half_typed(&mut app);
    app
}

fn compare() -> App {
    let mut app = demo_app();
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    ch(&mut app, 'c');
    app
}

fn prepare_compare(app: &mut App, action: Action) {
    if action == Action::Left {
        press(app, KeyCode::Right);
    }
}

fn matrix() -> App {
    let mut app = demo_app();
    ch(&mut app, 'm');
    app
}

fn prepare_matrix(app: &mut App, action: Action) {
    match action {
        Action::Up => on_screen(app, &[KeyCode::Down]),
        Action::Left => on_screen(app, &[KeyCode::Right]),
        _ => {}
    }
}

fn policy() -> App {
    let mut app = demo_app();
    ch(&mut app, 'p');
    app
}

fn prepare_policy(app: &mut App, action: Action) {
    match action {
        Action::Up | Action::PageUp | Action::Top => on_screen(app, &[KeyCode::Down]),
        Action::Left => on_screen(app, &[KeyCode::Right]),
        Action::NextPage | Action::PreviousPage => on_screen(app, &[KeyCode::Tab]),
        Action::New | Action::Delete => on_screen(app, &[KeyCode::BackTab, KeyCode::BackTab]),
        Action::Increase | Action::Decrease => {
            ch(app, '/');
            type_text(app, "delivery");
            press(app, KeyCode::Enter);
            let Screen::Policy(editor) = &app.screen else { panic!("the policy editor") };
            assert!(editor.leaf().is_some_and(|l| l.path.ends_with(".delivery")), "a choice");
        }
        _ => {}
    }
}

/// A search for "min" (several values), the cursor inside the word.
fn policy_search() -> App {
    let mut app = policy();
    ch(&mut app, '/');
    type_text(&mut app, "min");
    press(&mut app, KeyCode::Left);
    app
}

fn policy_typing() -> App {
    let mut app = policy();
    press(&mut app, KeyCode::Enter);
    half_typed(&mut app);
    app
}

fn import_preview() -> App {
    let mut app = demo_app();
    ch(&mut app, 'i');
    type_text(&mut app, "tests/fixtures/desk_import_one_bad.csv");
    press(&mut app, KeyCode::Enter);
    let bytes = std::fs::read("tests/fixtures/desk_import_one_bad.csv").expect("the fixture");
    let result = read_prospects(&bytes).map(ImportFile::Rows).map_err(|e| e.to_string());
    let path = PathBuf::from("tests/fixtures/desk_import_one_bad.csv");
    update(&mut app, Msg::ImportRead { path, result });
    // Three problems, scrolled to the second, so that both scroll keys move.
    let Screen::ImportPreview(preview) = &mut app.screen else { panic!("the preview: {:?}", app.screen) };
    let ImportFile::Rows(import) = &mut preview.file else { panic!("rows: {:?}", preview.file) };
    let error = import.errors[0].clone();
    import.errors = vec![error.clone(), error.clone(), error];
    preview.scroll = 1;
    app
}

fn help() -> App {
    let mut app = demo_app();
    resize(&mut app, 80, 24);
    ch(&mut app, '?');
    press(&mut app, KeyCode::Down);
    app
}

fn welcome() -> App {
    app_with(Vec::new(), true)
}

fn confirm_delete() -> App {
    let mut app = demo_app();
    ch(&mut app, 'd');
    app
}

fn confirm_quit() -> App {
    let mut app = confirm_delete();
    ch(&mut app, 'y');
    ch(&mut app, 'q');
    app
}

fn reset_policy() -> App {
    let mut app = policy();
    ch(&mut app, 'D');
    app
}

fn discard_policy() -> App {
    let mut app = policy();
    ch(&mut app, '1');
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    app
}

fn unsaved() -> App {
    let mut app = form();
    press(&mut app, KeyCode::Esc);
    app
}

fn decision() -> App {
    let mut app = demo_app();
    ch(&mut app, 'a');
    half_typed(&mut app);
    app
}

fn prepare_decision(app: &mut App, action: Action) {
    if action == Action::Up {
        press(app, KeyCode::Down);
    }
}

fn import_prompt() -> App {
    let mut app = demo_app();
    ch(&mut app, 'i');
    half_typed(&mut app);
    app
}

fn export_prompt() -> App {
    let mut app = demo_app();
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Left);
    app
}

fn reading() -> App {
    let mut app = demo_app();
    ch(&mut app, 'i');
    type_text(&mut app, "tests/fixtures/good.csv");
    press(&mut app, KeyCode::Enter);
    app
}

fn changed_on_disk() -> App {
    let mut app = confirm_delete();
    ch(&mut app, 'y');
    update(&mut app, Msg::Saved { generation: 1, result: Err(SaveError::ChangedOnDisk) });
    app
}

fn broken_policy() -> App {
    let mut app = demo_app();
    app.modal = Some(Modal::BrokenPolicy("policy.json: line 1: expected value".into()));
    app
}

fn confirm_overwrite() -> App {
    let mut app = demo_app();
    let prospects = app.portfolio.prospects().cloned().collect();
    let pending = PendingExport { path: "out.csv".into(), format: FileFormat::Csv, prospects };
    update(&mut app, Msg::Exported(Err(ExportError::Exists(pending))));
    app
}

fn load_failed() -> App {
    let mut app = demo_app();
    app.modal = Some(Modal::LoadFailed("portfolio.json: line 3: expected value".into()));
    app
}

const CASES: &[Case] = &[
    Case { name: "welcome", reach: welcome, prepare: nothing },
    Case { name: "portfolio", reach: portfolio, prepare: prepare_portfolio },
    Case { name: "portfolio filter", reach: filter, prepare: prepare_filter },
    Case { name: "prospect form", reach: form, prepare: prepare_form },
    Case { name: "what-if", reach: terms, prepare: prepare_terms },
    Case { name: "what-if typing", reach: terms_typing, prepare: nothing },
    Case { name: "compare", reach: compare, prepare: prepare_compare },
    Case { name: "matrix", reach: matrix, prepare: prepare_matrix },
    Case { name: "policy", reach: policy, prepare: prepare_policy },
    Case { name: "policy typing", reach: policy_typing, prepare: nothing },
    Case { name: "policy search", reach: policy_search, prepare: nothing },
    Case { name: "import preview", reach: import_preview, prepare: nothing },
    Case { name: "help", reach: help, prepare: nothing },
    Case { name: "confirm delete", reach: confirm_delete, prepare: nothing },
    Case { name: "confirm quit", reach: confirm_quit, prepare: nothing },
    Case { name: "reset policy", reach: reset_policy, prepare: nothing },
    Case { name: "discard policy", reach: discard_policy, prepare: nothing },
    Case { name: "unsaved form", reach: unsaved, prepare: nothing },
    Case { name: "decision", reach: decision, prepare: prepare_decision },
    Case { name: "import prompt", reach: import_prompt, prepare: nothing },
    Case { name: "export prompt", reach: export_prompt, prepare: nothing },
    Case { name: "reading", reach: reading, prepare: nothing },
    Case { name: "changed on disk", reach: changed_on_disk, prepare: nothing },
    Case { name: "broken policy", reach: broken_policy, prepare: nothing },
    Case { name: "load failed", reach: load_failed, prepare: nothing },
    Case { name: "confirm overwrite", reach: confirm_overwrite, prepare: nothing },
];

/// What a key did, or `None` when it did nothing a user could notice.
fn effect_of(case: &Case, action: Action, key: &Key) -> Option<String> {
    let mut app = (case.reach)();
    (case.prepare)(&mut app, action);
    let event = key.example();
    assert_eq!(
        table_in_force(&app).lookup(&event),
        Some(action),
        "{}: {} is not {action:?} here",
        case.name,
        label(key)
    );
    let (before, notice) = (fingerprint(&app), app.notice.clone());
    let effects = update(&mut app, Msg::Key(event));
    if !effects.is_empty() {
        return Some(format!("effects {effects:?}"));
    }
    if fingerprint(&app) != before {
        return Some("state changed".into());
    }
    match &app.notice {
        Some(n) if Some(n) != notice.as_ref() && !n.text.contains("does nothing here") => {
            Some(format!("said {:?}", n.text))
        }
        _ => None,
    }
}

#[test]
fn every_binding_of_every_table_does_something() {
    let mut failures = Vec::new();
    let mut walked = 0;
    for case in CASES {
        let table = table_in_force(&(case.reach)());
        for binding in table.bindings() {
            for key in binding.keys {
                walked += 1;
                if effect_of(case, binding.action, key).is_none() {
                    failures.push(format!("{}: {} ({}) did nothing", case.name, label(key), binding.desc));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {walked} keys did nothing:\n{}", failures.len(), failures.join("\n"));
    assert!(walked > 200, "only {walked} keys walked");
}

#[test]
fn no_key_is_bound_twice_in_a_table() {
    for case in CASES {
        let table = table_in_force(&(case.reach)());
        let all: Vec<Key> = table.bindings().flat_map(|b| b.keys.iter().copied()).collect();
        for (i, k) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(k), "{}: {} bound twice", case.name, label(k));
        }
    }
}

/// The screen a state shows; adding a screen breaks this match until the walk covers it.
fn screen_name(screen: &Screen) -> &'static str {
    match screen {
        Screen::Welcome => "welcome",
        Screen::Portfolio => "portfolio",
        Screen::Prospect(_) => "prospect",
        Screen::Terms(_) => "terms",
        Screen::Compare(_) => "compare",
        Screen::Matrix(_) => "matrix",
        Screen::Policy(_) => "policy",
        Screen::ImportPreview(_) => "import preview",
    }
}

/// Likewise for the pop-ups.
fn modal_name(modal: &Modal) -> &'static str {
    match modal {
        Modal::ConfirmDelete { .. } => "confirm delete",
        Modal::ConfirmQuit => "confirm quit",
        Modal::Unsaved(_) => "unsaved",
        Modal::Decision(_) => "decision",
        Modal::Path(_) => "path",
        Modal::Reading { .. } => "reading",
        Modal::ChangedOnDisk => "changed on disk",
        Modal::ConfirmResetPolicy => "reset policy",
        Modal::DiscardPolicy => "discard policy",
        Modal::LoadFailed(_) => "load failed",
        Modal::BrokenPolicy(_) => "broken policy",
        Modal::ConfirmOverwrite(_) => "confirm overwrite",
    }
}

#[test]
fn the_walk_reaches_every_screen_and_every_pop_up() {
    let mut screens: Vec<&str> = Vec::new();
    let mut modals: Vec<&str> = Vec::new();
    for case in CASES {
        let app = (case.reach)();
        match &app.modal {
            Some(modal) => modals.push(modal_name(modal)),
            None => screens.push(screen_name(&app.screen)),
        }
    }
    for name in ["welcome", "portfolio", "prospect", "terms", "compare", "matrix", "policy", "import preview"]
    {
        assert!(screens.contains(&name), "no case on the {name} screen");
    }
    for name in [
        "confirm delete",
        "confirm quit",
        "unsaved",
        "decision",
        "path",
        "reading",
        "changed on disk",
        "reset policy",
        "discard policy",
        "load failed",
        "broken policy",
        "confirm overwrite",
    ] {
        assert!(modals.contains(&name), "no case with the {name} pop-up");
    }
}
