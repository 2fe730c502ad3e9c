//! The answers of the runner's effects that concern the whole desk: saves, the demo copy,
//! reloads, and the store's blocks as they load.

use std::path::{Path, PathBuf};

use super::app::{App, Effect, Nav, SaveError, SaveState};
use super::history::History;
use super::modals::Modal;
use super::screen::Screen;
use crate::domain::prospect::Prospect;
use crate::domain::summary::Summary;
use crate::portfolio::Portfolio;
use crate::store::stream::Progress;

/// How the notice of a failed save begins, so that a later success can clear it.
const SAVE_FAILED: &str = "Save failed: ";

pub fn on_saved(app: &mut App, generation: u64, result: Result<(), SaveError>, effects: &mut Vec<Effect>) {
    match result {
        Ok(()) => {
            app.saved_generation = app.saved_generation.max(generation);
            if generation == app.generation {
                app.save_state = SaveState::Saved;
                if app.notice.as_ref().is_some_and(|n| n.error && n.text.starts_with(SAVE_FAILED)) {
                    app.say("Saved: the retry worked and every change is on disk");
                }
                // The user asked to quit while this save ran: now nothing is lost (unless the
                // policy editor holds edits, which the question is still about).
                if matches!(app.modal, Some(Modal::ConfirmQuit)) && !super::quit::policy_edited(app) {
                    app.modal = None;
                    effects.push(Effect::Quit);
                }
            }
        }
        Err(SaveError::ChangedOnDisk) => {
            app.save_state = SaveState::Failed("the store changed on disk".into());
            app.modal = Some(Modal::ChangedOnDisk);
        }
        Err(SaveError::Failed(message)) => {
            app.warn(format!("{SAVE_FAILED}{message}. Changes kept here; Ctrl-S retries"));
            app.save_state = SaveState::Failed(message);
        }
    }
}

/// The runner copied the demo to a temporary store and now writes there.
pub fn on_demo(app: &mut App, result: Result<(PathBuf, Vec<Prospect>), String>) {
    match result {
        Ok((path, prospects)) => {
            replace_portfolio(app, prospects);
            app.policy_path = demo_policy_path(&path);
            app.store_path = path;
            app.demo = true;
            app.go(Nav::Replace(Screen::Portfolio));
            app.say("The demo portfolio: a temporary copy; your own store is not touched");
        }
        Err(message) => app.warn(format!("Cannot open the demo: {message}")),
    }
}

/// Where the demo's policy editor saves: the demo's temporary folder, beside its store.
pub fn demo_policy_path(demo_store: &Path) -> Option<PathBuf> {
    demo_store.parent().map(|dir| dir.join("policy.json"))
}

pub fn on_reloaded(app: &mut App, result: Result<Vec<Prospect>, String>) {
    match result {
        Ok(prospects) => {
            replace_portfolio(app, prospects);
            app.say("Reloaded the store from disk");
        }
        Err(message) => app.warn(format!("Cannot reload: {message}")),
    }
}

/// A new portfolio, clean, with nothing to undo.
fn replace_portfolio(app: &mut App, prospects: Vec<Prospect>) {
    app.portfolio = Portfolio::new(prospects, &app.policy, app.today);
    app.history = History::default();
    app.saved_generation = app.generation;
    app.save_state = SaveState::Saved;
    app.view.invalidate();
    app.view.refresh(&app.portfolio);
}

/// A block of the store has arrived: its rows appear at once (in file order until the whole
/// store is read and sorted).
pub fn on_load_chunk(app: &mut App, prospects: Vec<Prospect>, summaries: Vec<Summary>, progress: Progress) {
    if progress.started_over {
        app.portfolio = Portfolio::default();
        app.view.invalidate();
        app.view.refresh(&app.portfolio);
    }
    let start = app.portfolio.len();
    app.portfolio.extend(prospects, summaries);
    app.view.append(&app.portfolio, start);
    app.loading = Some(progress);
}

pub fn on_load_done(app: &mut App, result: Result<(), String>) {
    app.loading = None;
    match result {
        Ok(()) => {
            // Rows came in file order; sorted now, the first selection is the top row unless
            // the user chose another one meanwhile.
            let chosen = app.view.selected != 0;
            app.view.invalidate();
            app.view.refresh(&app.portfolio);
            if !chosen {
                app.view.select_top();
            }
            let height = app.page_height();
            app.view.scroll_into_view(height);
            // A file viewed, to be saved into the portfolio just read: its preview.
            super::viewing::preview(app);
        }
        Err(message) => {
            // Nothing read may be written back: the file stays as it is.
            app.portfolio = Portfolio::default();
            app.view.invalidate();
            app.view.refresh(&app.portfolio);
            app.read_only = Some("the store could not be read".into());
            app.fatal = Some(message.clone());
            app.modal = Some(Modal::LoadFailed(message));
        }
    }
}
