//! Keys on the portfolio and in its name filter, and the mouse on the table.

use ratatui::crossterm::event::{KeyEvent, MouseEvent, MouseEventKind};
use strum::VariantArray;

use super::columns;
use super::keys::{FILTER, KEYS};
use super::state::cycle;
use crate::domain::format::count;
use crate::domain::vocabulary::{Band, Segment, Status};
use crate::tui::app::{App, Effect};
use crate::tui::kit::action::Action;
use crate::tui::kit::layout;
use crate::tui::modals::Modal;
use crate::tui::modals::decision::DecisionDialog;
use crate::tui::modals::path_prompt::PathPrompt;
use crate::tui::{compare, matrix, policy, prospect, terms, viewing};

pub fn on_key(app: &mut App, key: &KeyEvent, effects: &mut Vec<Effect>) {
    if app.view.typing {
        filter(app, key);
        return;
    }
    let Some(action) = KEYS.lookup(key) else {
        app.unknown_key(key, "?");
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
        Action::DueForReview => {
            view.due_by = if view.due_by.is_some() { None } else { Some(app.today) };
            view.refresh(&app.portfolio);
        }
        Action::ClearFilters => {
            view.query.clear();
            (view.band, view.segment, view.status, view.due_by) = (None, None, None, None);
            view.only_marked = false;
            view.refresh(&app.portfolio);
        }
        Action::SortNext | Action::SortPrevious => {
            let step = if action == Action::SortNext { 1 } else { -1 };
            view.sort_by(columns::beside(app.size.width, view.sort.0, step));
            view.refresh(&app.portfolio);
        }
        Action::SortReverse => {
            view.reverse_sort();
            view.refresh(&app.portfolio);
        }
        Action::ClearMarks => {
            let cleared = view.marked.len();
            view.marked.clear();
            // Only the marked, with none marked, would be an empty table: all are shown again.
            if view.only_marked {
                view.only_marked = false;
                view.refresh(&app.portfolio);
            }
            app.say(format!("{} cleared", count(cleared, "mark")));
        }
        Action::OnlyMarked => {
            view.only_marked = !view.only_marked;
            view.refresh(&app.portfolio);
        }
        Action::Open => match view.selected_prospect(&app.portfolio) {
            Some(p) => prospect::update::open(app, &p),
            None => app.warn("No prospect selected: n adds one"),
        },
        Action::Terms => match view.selected_prospect(&app.portfolio) {
            Some(p) => terms::update::open(app, p),
            None => app.warn("No prospect selected"),
        },
        Action::Mark => toggle_mark(app),
        Action::Compare => compare::update::open(app),
        Action::Matrix => matrix::update::open(app),
        Action::Policy => policy::update::open(app),
        Action::Import if app.writable() => app.modal = Some(Modal::Path(PathPrompt::import())),
        Action::Export => app.modal = Some(Modal::Path(PathPrompt::export(app.view.filtered()))),
        Action::New => prospect::update::open_new(app),
        Action::Decide => decide_selected(app),
        Action::Delete => delete_selected(app),
        Action::Undo | Action::Redo => undo_redo(app, action == Action::Undo, effects),
        // Viewing a file, Ctrl-S saves its prospects into the portfolio (after the preview).
        Action::Save if !viewing::save_into_portfolio(app, effects) && app.writable() => {
            app.save_now(effects, false)
        }
        Action::Help => app.help = true,
        _ => {}
    }
    let height = app.page_height();
    app.view.scroll_into_view(height);
}

/// Keys while the name filter is typed: keep it, clear it, move among the matches, edit it.
fn filter(app: &mut App, key: &KeyEvent) {
    let height = app.page_height();
    match FILTER.lookup(key) {
        Some(Action::Confirm) => app.view.typing = false,
        Some(Action::Cancel) => {
            app.view.typing = false;
            app.view.query.clear();
            app.view.refresh(&app.portfolio);
        }
        Some(Action::Up) => app.view.move_by(-1, height),
        Some(Action::Down) => app.view.move_by(1, height),
        // The best match is on top: it is selected, as the query changes.
        Some(action) if app.view.query.apply(action, key) => {
            app.view.refresh(&app.portfolio);
            app.view.select_top();
        }
        _ => {}
    }
}

fn decide_selected(app: &mut App) {
    if !app.writable() {
        return;
    }
    if let Some(p) = app.view.selected_prospect(&app.portfolio) {
        app.modal = Some(Modal::Decision(DecisionDialog::on(&p)));
    }
}

/// Marks or unmarks the selected prospect for comparison, and moves down.
fn toggle_mark(app: &mut App) {
    let Some(p) = app.view.selected_prospect(&app.portfolio) else { return };
    match app.view.marked.iter().position(|id| *id == p.id) {
        Some(at) => {
            app.view.marked.remove(at);
        }
        None => app.view.marked.push(p.id),
    }
    if app.view.only_marked {
        app.view.refresh(&app.portfolio);
    }
    let height = app.page_height();
    app.view.move_by(1, height);
    app.say(format!("{} marked; c compares 2–4 marked prospects", app.view.marked.len()));
}

fn delete_selected(app: &mut App) {
    if !app.writable() {
        return;
    }
    if let Some(p) = app.view.selected_prospect(&app.portfolio) {
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
    let body = layout::portfolio(app.size, app.read_only.is_some() || app.demo).body;
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
