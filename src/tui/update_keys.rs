//! Keys and the mouse: the focused input or pop-up first, then the screen's key table.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use strum::VariantArray;

use super::action::Action;
use super::app::{App, DecisionDialog, Effect, Modal, Screen};
use super::form::ProspectForm;
use super::keymap::{self, Binding};
use super::line_edit::LineEdit;
use super::portfolio_state::cycle;
use super::transfer::PathPrompt;
use crate::domain::vocabulary::{Band, Segment, Status};

/// The key table in force: what the help overlay and the footer show.
pub fn active_table(app: &App) -> &'static [Binding] {
    if let Some(modal) = &app.modal {
        return modal_table(modal);
    }
    if app.help {
        return keymap::HELP;
    }
    match &app.screen {
        Screen::Welcome => keymap::WELCOME,
        Screen::Portfolio if app.view.typing => keymap::FILTER,
        Screen::Portfolio => keymap::PORTFOLIO,
        Screen::Prospect(_) => keymap::PROSPECT,
        Screen::Terms(editor) if editor.typing.is_some() => keymap::TERMS_TYPING,
        Screen::Terms(_) => keymap::TERMS,
        Screen::Compare(_) => keymap::COMPARE,
        Screen::Matrix(_) => keymap::MATRIX,
        Screen::Policy(editor) if editor.typing.is_some() => keymap::POLICY_TYPING,
        Screen::Policy(_) => keymap::POLICY,
        Screen::ImportPreview(_) => keymap::IMPORT_PREVIEW,
    }
}

/// The key table of a pop-up.
pub fn modal_table(modal: &Modal) -> &'static [Binding] {
    match modal {
        Modal::ConfirmDelete { .. } | Modal::ConfirmQuit | Modal::ConfirmOverwrite(_) => keymap::CONFIRM,
        Modal::Unsaved(_) => keymap::UNSAVED,
        Modal::Decision(_) => keymap::DECISION,
        Modal::Path(_) | Modal::Reading { .. } => keymap::PROMPT,
        Modal::ChangedOnDisk => keymap::CHANGED,
        Modal::ConfirmResetPolicy | Modal::DiscardPolicy => keymap::CONFIRM,
        Modal::BrokenPolicy(_) => keymap::BROKEN_POLICY,
        Modal::LoadFailed(_) => keymap::LOAD_FAILED,
    }
}

/// Applies an editing key (characters, Backspace, arrows…) to a line; false if it is not one.
pub fn edit_line(line: &mut LineEdit, key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('w') if ctrl => line.delete_word(),
        KeyCode::Char('u') if ctrl => line.clear(),
        KeyCode::Char(c) if !ctrl => line.insert(c),
        KeyCode::Backspace => line.backspace(),
        KeyCode::Delete => line.delete(),
        KeyCode::Left => line.left(),
        KeyCode::Right => line.right(),
        KeyCode::Home => line.home(),
        KeyCode::End => line.end(),
        _ => return false,
    }
    true
}

pub fn on_key(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    if app.modal.is_some() {
        super::update_modal::on_key(app, key, effects);
        return;
    }
    if app.help {
        match keymap::lookup(keymap::HELP, &key) {
            Some(Action::Up) => app.help_scroll = app.help_scroll.saturating_sub(1),
            Some(Action::Down) => {
                app.help_scroll = (app.help_scroll + 1).min(super::screens::help::max_scroll(app));
            }
            Some(_) => {
                app.help = false;
                app.help_scroll = 0;
            }
            None => {}
        }
        return;
    }
    match &app.screen {
        Screen::Welcome => welcome(app, key, effects),
        Screen::Portfolio if app.view.typing => filter(app, key),
        Screen::Portfolio => portfolio(app, key, effects),
        Screen::Prospect(_) => super::update_form::on_key(app, key, effects),
        Screen::Terms(_) => super::update_terms::on_terms_key(app, key),
        Screen::Compare(_) => super::update_terms::on_compare_key(app, key),
        Screen::Matrix(_) => super::update_terms::on_matrix_key(app, key),
        Screen::Policy(_) => super::update_policy::on_key(app, key, effects),
        Screen::ImportPreview(_) => super::transfer::on_preview_key(app, &key, effects),
    }
}

/// Says that a key means nothing here, and where to look.
pub fn unknown_key(app: &mut App, key: &KeyEvent, help: &str) {
    let name = match key.code {
        KeyCode::Char(c) => format!("'{c}'"),
        other => format!("{other:?}"),
    };
    app.warn(format!("{name} does nothing here; {help} lists the keys"));
}

fn welcome(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    match keymap::lookup(keymap::WELCOME, &key) {
        Some(Action::New) => new_prospect(app),
        Some(Action::OpenDemo) => effects.push(Effect::OpenDemo),
        Some(Action::Import) => app.modal = Some(Modal::Path(PathPrompt::import())),
        Some(Action::Help) => app.help = true,
        Some(Action::Quit) => effects.push(Effect::Quit),
        _ => unknown_key(app, &key, "?"),
    }
}

fn new_prospect(app: &mut App) {
    if !app.writable() {
        return;
    }
    let highest = app.portfolio.next_id().saturating_sub(1);
    let Some(id) = crate::store::ids::next_after(highest) else {
        return app.warn(format!("No id left for a new prospect (the largest is {highest})"));
    };
    let form = ProspectForm::blank(id, &app.policy, app.today);
    app.screen = Screen::Prospect(Box::new(form));
}

fn filter(app: &mut App, key: KeyEvent) {
    let height = app.page_height();
    match keymap::lookup(keymap::FILTER, &key) {
        Some(Action::Confirm) => app.view.typing = false,
        Some(Action::Cancel) => {
            app.view.typing = false;
            app.view.query.clear();
            app.view.refresh(&app.portfolio);
        }
        Some(Action::Up) => app.view.move_by(-1, height),
        Some(Action::Down) => app.view.move_by(1, height),
        _ => {
            if edit_line(&mut app.view.query, &key) {
                app.view.refresh(&app.portfolio);
                app.view.scroll_into_view(height);
            }
        }
    }
}

fn portfolio(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let Some(action) = keymap::lookup(keymap::PORTFOLIO, &key) else {
        unknown_key(app, &key, "?");
        return;
    };
    let height = app.page_height();
    let page = height as isize;
    let view = &mut app.view;
    match action {
        Action::Up => view.move_by(-1, height),
        Action::Down => view.move_by(1, height),
        Action::PageUp => view.move_by(-page, height),
        Action::PageDown => view.move_by(page, height),
        Action::Top => view.move_by(isize::MIN / 2, height),
        Action::Bottom => view.move_by(isize::MAX / 2, height),
        Action::Filter => view.typing = true,
        Action::CycleBand => {
            view.band = cycle(view.band, Band::VARIANTS);
            view.refresh(&app.portfolio);
        }
        Action::CycleSegment => {
            view.segment = cycle(view.segment, Segment::VARIANTS);
            view.refresh(&app.portfolio);
        }
        Action::CycleStatus => {
            view.status = cycle(view.status, Status::VARIANTS);
            view.refresh(&app.portfolio);
        }
        Action::ClearFilters => {
            view.query.clear();
            (view.band, view.segment, view.status) = (None, None, None);
            view.refresh(&app.portfolio);
        }
        Action::SortNext | Action::SortPrevious => {
            view.cycle_sort(action == Action::SortNext);
            view.refresh(&app.portfolio);
        }
        Action::Open => open_selected(app),
        Action::Terms => match selected(app) {
            Some(p) => super::update_terms::open_terms(app, p),
            None => app.warn("No prospect selected"),
        },
        Action::Mark => toggle_mark(app),
        Action::Compare => super::update_terms::open_compare(app),
        Action::Matrix => super::update_terms::open_matrix(app),
        Action::Policy => super::update_policy::open_policy(app),
        Action::Import if app.writable() => app.modal = Some(Modal::Path(PathPrompt::import())),
        Action::Export => app.modal = Some(Modal::Path(PathPrompt::export(app.view.filtered()))),
        Action::New => new_prospect(app),
        Action::Decide => decide_selected(app),
        Action::Delete => delete_selected(app),
        Action::Undo | Action::Redo => undo_redo(app, action == Action::Undo, effects),
        Action::Save if app.writable() => app.save_now(effects, false),
        Action::Help => app.help = true,
        Action::Quit if app.unsaved() => app.modal = Some(Modal::ConfirmQuit),
        Action::Quit => effects.push(Effect::Quit),
        _ => {}
    }
    let height = app.page_height();
    app.view.scroll_into_view(height);
}

pub fn selected(app: &App) -> Option<std::sync::Arc<crate::domain::prospect::Prospect>> {
    let index = *app.view.rows().get(app.view.selected)?;
    app.portfolio.prospect(index).cloned()
}

fn open_selected(app: &mut App) {
    match selected(app) {
        Some(p) => {
            let form = ProspectForm::open(&p, &app.policy, app.today);
            app.screen = Screen::Prospect(Box::new(form));
        }
        None => app.warn("No prospect selected: n adds one"),
    }
}

fn decide_selected(app: &mut App) {
    if !app.writable() {
        return;
    }
    if let Some(p) = selected(app) {
        app.modal = Some(Modal::Decision(decision_dialog(&p)));
    }
}

/// The decision dialog for a prospect, starting from its current status.
pub fn decision_dialog(p: &crate::domain::prospect::Prospect) -> DecisionDialog {
    DecisionDialog {
        id: p.id,
        name: p.name.clone(),
        status_index: Status::VARIANTS.iter().position(|s| *s == p.status).unwrap_or(0),
        note: LineEdit::default(),
        terms: None,
    }
}

/// Marks or unmarks the selected prospect for comparison, and moves down.
fn toggle_mark(app: &mut App) {
    let Some(p) = selected(app) else { return };
    match app.view.marked.iter().position(|id| *id == p.id) {
        Some(at) => {
            app.view.marked.remove(at);
        }
        None => app.view.marked.push(p.id),
    }
    let height = app.page_height();
    app.view.move_by(1, height);
    app.say(format!("{} marked; c compares 2–4 marked prospects", app.view.marked.len()));
}

fn delete_selected(app: &mut App) {
    if !app.writable() {
        return;
    }
    if let Some(p) = selected(app) {
        app.modal = Some(Modal::ConfirmDelete { id: p.id, name: p.name.clone() });
    }
}

fn undo_redo(app: &mut App, undo: bool, effects: &mut Vec<Effect>) {
    if !app.writable() {
        return;
    }
    let change = if undo { app.history.undo() } else { app.history.redo() };
    match change {
        Some(change) => {
            app.apply(&change, undo);
            app.request_save(effects);
            let verb = if undo { "Undid" } else { "Redid" };
            app.say(format!("{verb} the {}", change.describe()));
        }
        None => app.say(if undo { "Nothing to undo" } else { "Nothing to redo" }),
    }
}

/// Mouse: a click selects a row, the wheel scrolls the table.
pub fn on_mouse(app: &mut App, mouse: MouseEvent) {
    if app.modal.is_some() || app.help || !matches!(app.screen, Screen::Portfolio) {
        return;
    }
    let body = super::layout::portfolio(app.size, app.read_only.is_some() || app.demo).body;
    let height = body.height as usize;
    match mouse.kind {
        MouseEventKind::Down(_) if mouse.row >= body.y && mouse.row < body.y + body.height => {
            let row = app.view.offset + usize::from(mouse.row - body.y);
            if row < app.view.rows().len() {
                app.view.selected = row;
            }
        }
        MouseEventKind::ScrollDown => app.view.scroll_by(3, height),
        MouseEventKind::ScrollUp => app.view.scroll_by(-3, height),
        _ => {}
    }
}
