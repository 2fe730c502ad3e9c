//! The prospect form: field keys, saving, and leaving with or without changes.

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::keys::KEYS;
use super::state::{PendingExit, ProspectForm};
use crate::domain::format::count as count_of;
use crate::domain::prospect::Prospect;
use crate::portfolio::revision::Freshness;
use crate::tui::app::{App, Effect, Nav};
use crate::tui::history::Change;
use crate::tui::kit::action::Action;
use crate::tui::kit::chrome::has_banner;
use crate::tui::kit::layout;
use crate::tui::modals::Modal;
use crate::tui::modals::decision::DecisionDialog;
use crate::tui::screen::Screen;
use crate::tui::terms;

/// Opens the form on a prospect of the portfolio.
pub fn open(app: &mut App, p: &Arc<Prospect>) {
    let form = ProspectForm::open(p, &app.policy, app.today);
    app.go(Nav::Replace(Screen::Prospect(Box::new(form))));
}

/// Opens an empty form for a new prospect, when the store may be written.
pub fn open_new(app: &mut App) {
    if !app.writable() {
        return;
    }
    let highest = app.portfolio.next_id().saturating_sub(1);
    let Some(id) = crate::store::ids::next_after(highest) else {
        return app.warn(format!("No id left for a new prospect (the largest is {highest})"));
    };
    let form = ProspectForm::blank(id, &app.policy, app.today);
    app.go(Nav::Replace(Screen::Prospect(Box::new(form))));
}

pub fn on_key(app: &mut App, f: &mut ProspectForm, key: &KeyEvent, effects: &mut Vec<Effect>) {
    let (policy, today) = (&app.policy, app.today);
    match KEYS.lookup(key) {
        Some(Action::Save) => {
            save(app, f, effects);
        }
        Some(Action::Decide) => decide(app, f, effects),
        Some(Action::Terms) => open_terms(app, f),
        Some(Action::Back) => leave(app, f, PendingExit::Back, effects),
        Some(Action::Help) => app.help = true,
        Some(Action::NextField) => f.move_focus(1),
        Some(Action::PreviousField) => f.move_focus(-1),
        Some(Action::PageDown) => f.jump_group(true),
        Some(Action::PageUp) => f.jump_group(false),
        Some(Action::ScrollDown) => f.panel_scroll = f.panel_scroll.saturating_add(panel_page(app)),
        Some(Action::ScrollUp) => f.panel_scroll = f.panel_scroll.saturating_sub(panel_page(app)),
        Some(Action::CycleChoice) => {
            if !f.cycle_choice(policy, today) {
                f.edit(|line| line.insert(' '), policy, today);
            }
        }
        Some(action) => {
            let mut handled = false;
            f.edit(|line| handled = line.apply(action, key), policy, today);
            if !handled {
                app.unknown_key(key, "F1");
            }
        }
        None => app.unknown_key(key, "F1"),
    }
}

/// A page of the live assessment: its lines below the gauge, less one kept for context.
fn panel_page(app: &App) -> u16 {
    let panel = layout::prospect(app.size, has_banner(app)).panel;
    panel.height.saturating_sub(4).max(1)
}

/// Saves the form into the portfolio. Refused, with the cursor sent to the first problem, while
/// a field is invalid. Returns whether it saved.
pub fn save(app: &mut App, f: &mut ProspectForm, effects: &mut Vec<Effect>) -> bool {
    if !app.writable() {
        return false;
    }
    if let Err(why) = catch_up(app, f) {
        app.warn(format!("Not saved: {why}"));
        return false;
    }
    if let Some(first) = f.first_error() {
        f.touch_all();
        let count = f.invalid_count();
        f.focus = first;
        let field = f.field().label();
        app.warn(format!(
            "Not saved: {}, first {field}; fix or empty them",
            count_of(count, "invalid field")
        ));
        return false;
    }
    let after = Arc::new(f.draft.clone());
    let band = f.evaluation.assessment.band;
    let is_new = f.is_new;
    f.mark_saved(&after);
    let before = if is_new {
        None
    } else {
        app.portfolio.position(after.id).and_then(|i| app.portfolio.prospect(i).cloned())
    };
    let name = after.name.clone();
    app.commit(Change::Put { before, after }, effects);
    app.say(format!("Saved {name} (band {band})"));
    true
}

/// Brings the form onto the portfolio's version of its prospect when that changed since the
/// form took its copy (a decision recorded from the what-if, an import), keeping the user's
/// edits. Refused, changing nothing, with the reason, when the newer version changed a field
/// the user edited or the prospect is no longer there: a stale copy never overwrites newer
/// data.
pub fn catch_up(app: &App, f: &mut ProspectForm) -> Result<(), String> {
    let Some(base) = &f.base else { return Ok(()) };
    let name = f.original.name.clone();
    match app.portfolio.freshness(base) {
        Freshness::Current => Ok(()),
        Freshness::Newer(newer) => f.rebase(&newer, &app.policy, app.today).map_err(|conflicts| {
            let fields: Vec<&str> = conflicts.iter().map(|c| c.label()).collect();
            format!(
                "{name} changed meanwhile ({}); Esc and open it again to see the change",
                fields.join(", ")
            )
        }),
        Freshness::Gone => Err(format!("{name} is no longer in the portfolio")),
    }
}

/// Records a decision on the prospect as the form shows it: unsaved valid edits are saved with it.
fn decide(app: &mut App, f: &mut ProspectForm, effects: &mut Vec<Effect>) {
    if !app.writable() {
        return;
    }
    if f.dirty() && !save(app, f, effects) {
        return;
    }
    match app.portfolio.current(f.original.id) {
        Some(p) => app.modal = Some(Modal::Decision(DecisionDialog::on(p))),
        None => app.warn("Save the prospect first (Ctrl-S)"),
    }
}

/// Opens the what-if on the saved prospect; unsaved edits must be saved first, so that the
/// terms and the decision they lead to rest on what is in the portfolio.
fn open_terms(app: &mut App, f: &ProspectForm) {
    if f.dirty() {
        app.warn("Save the prospect first (Ctrl-S), then Ctrl-T opens its terms");
        return;
    }
    let id = f.original.id;
    match app.portfolio.position(id).and_then(|i| app.portfolio.prospect(i).cloned()) {
        Some(p) => terms::update::open(app, p),
        None => app.warn("Save the prospect first (Ctrl-S)"),
    }
}

/// Leaves the form (or quits), asking first when it has unsaved changes.
fn leave(app: &mut App, f: &ProspectForm, exit: PendingExit, effects: &mut Vec<Effect>) {
    if f.dirty() {
        app.modal = Some(Modal::Unsaved(exit));
    } else {
        finish(app, f, exit, effects);
    }
}

/// Goes back to the portfolio (selecting the prospect) or quits.
pub fn finish(app: &mut App, f: &ProspectForm, exit: PendingExit, effects: &mut Vec<Effect>) {
    app.go(Nav::Replace(Screen::Portfolio));
    app.view.select_id(&app.portfolio, Some(f.original.id));
    let height = app.page_height();
    app.view.scroll_into_view(height);
    if exit == PendingExit::Quit {
        effects.push(Effect::Quit);
    }
}
