//! The key tables are the dispatcher's contract: every binding of every screen's table and of
//! every pop-up's, sent to that screen in a state where it applies, changes the state, asks
//! the runner for an effect, or says something other than "does nothing here". A binding whose
//! arm is removed from its screen's update falls through to "does nothing" (or to nothing at
//! all) and fails here.

mod common;
#[path = "tui_bindings/states.rs"]
mod states;

use std::path::PathBuf;

use common::desk::*;
use dealdesk::domain::fields::Field;
use dealdesk::io::csv_import::read_prospects;
use dealdesk::io::export::FileFormat;
use dealdesk::io::import_file::ImportFile;
use dealdesk::store::backend::{Saved, Stamp, Theirs};
use dealdesk::tui::app::{App, Msg, SaveError};
use dealdesk::tui::dispatch::{keys as table_in_force, update};
use dealdesk::tui::kit::action::Action;
use dealdesk::tui::kit::keys::{Key, label};
use dealdesk::tui::modals::Modal;
use dealdesk::tui::modals::path_prompt::{ExportError, PendingExport};
use dealdesk::tui::screen::Screen;
use ratatui::crossterm::event::KeyCode;
use states::{form, *};

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
    Case { name: "stale", reach: stale, prepare: nothing },
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
        Modal::Stale(_) => "stale",
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
        "stale",
    ] {
        assert!(modals.contains(&name), "no case with the {name} pop-up");
    }
}
