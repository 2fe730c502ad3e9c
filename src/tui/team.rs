//! The desk on a shared store: which prospects changed since the last save (what a save to the
//! database writes), other users' changes reaching the open desk, and saves that another user
//! made stale. No IO: the saver fetches and saves; this decides what the desk does with it.
//!
//! Another user's change is applied at once to a prospect this desk has not touched, keeping
//! the selection on the prospect it was on; a prospect with unsaved changes here, or open on
//! a screen or in a dialog, keeps this desk's version until its save, which the database then
//! refuses as stale (the dialog offers reload, a copy, or an overwrite with the credit role).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::app::{App, Effect, StoreJob};
use super::history::Change;
use super::modals::Modal;
use super::screen::Screen;
use crate::domain::prospect::Prospect;
use crate::portfolio::Portfolio;
use crate::store::backend::{Changed, Heard, Theirs};

/// What the desk knows of its place in a team store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamDesk {
    /// The database and its host, as the title bar names them (never a password).
    pub label: String,
    /// The database role.
    pub user: String,
    /// Member of dealdesk_credit: edits the team policy, decides outside policy, overwrites.
    pub credit: bool,
    /// The version of the team policy in force (`None`: none saved yet, the defaults).
    pub policy_version: Option<i64>,
    /// The ids reserved for this desk's new prospects: `next..end`.
    pub next_id: u64,
    pub end_id: u64,
}

/// Prospects changed since the last save that succeeded, with the generation of their last
/// change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dirty(BTreeMap<u64, u64>);

impl Dirty {
    /// Records the prospects a change touches, as changed in `generation`.
    pub fn mark(&mut self, change: &Change, generation: u64) {
        match change {
            Change::Many(changes) => changes.iter().for_each(|c| self.mark(c, generation)),
            Change::Put { after, .. } => {
                self.0.insert(after.id, generation);
            }
            Change::Remove { prospect, .. } => {
                self.0.insert(prospect.id, generation);
            }
        }
    }

    pub fn contains(&self, id: u64) -> bool {
        self.0.contains_key(&id)
    }

    /// Each changed prospect as the portfolio holds it now (`None`: deleted).
    pub fn changed(&self, portfolio: &Portfolio) -> Vec<Changed> {
        let now = |id| portfolio.position(id).and_then(|i| portfolio.prospect(i)).cloned();
        self.0.keys().map(|&id| Changed { id, now: now(id) }).collect()
    }

    /// A save of `generation` went through, except for `stale`: what it wrote is clean unless
    /// it changed again since.
    pub fn saved(&mut self, generation: u64, stale: &[u64]) {
        self.0.retain(|id, changed| *changed > generation || stale.contains(id));
    }

    pub fn forget(&mut self, id: u64) {
        self.0.remove(&id);
    }
}

/// Ids the screens and the pop-up have open: a change from elsewhere waits for them.
fn open_ids(app: &App) -> Vec<u64> {
    let of = |screen: &Screen| match screen {
        Screen::Prospect(form) => Some(form.original.id),
        Screen::Terms(editor) => Some(editor.prospect.id),
        _ => None,
    };
    let mut ids: Vec<u64> = std::iter::once(&app.screen).chain(&app.back).filter_map(of).collect();
    if let Some(Modal::Decision(dialog)) = &app.modal {
        ids.push(dialog.id);
    }
    ids
}

/// Another user changed a prospect (or the link came back): fetch what changed.
pub fn on_heard(app: &App, heard: Heard, effects: &mut Vec<Effect>) {
    if app.team.is_none() {
        return;
    }
    effects.push(match heard {
        Heard::Changed { id, .. } => Effect::Store(StoreJob::Fetch(vec![id])),
        Heard::Reconnected => Effect::Store(StoreJob::CatchUp),
    });
}

/// Rows another user changed, as they are now: applied where this desk has nothing of its
/// own on them, held otherwise.
pub fn on_fetched(app: &mut App, result: Result<Vec<Theirs>, String>, effects: &mut Vec<Effect>) {
    match result {
        Ok(rows) => {
            for theirs in rows {
                app.held.insert(theirs.id, theirs);
            }
            settle(app, effects);
        }
        Err(message) => app.warn(format!("Cannot read another user's change: {message}")),
    }
}

/// Applies the held changes of prospects that are neither dirty nor open any more.
pub fn settle(app: &mut App, effects: &mut Vec<Effect>) {
    if app.held.is_empty() || app.loading.is_some() {
        return;
    }
    let open = open_ids(app);
    let ready: Vec<u64> =
        app.held.keys().copied().filter(|id| !app.dirty.contains(*id) && !open.contains(id)).collect();
    let mut names = Vec::new();
    for id in ready {
        if let Some(theirs) = app.held.remove(&id) {
            names.push(theirs.prospect.as_ref().map_or_else(|| format!("prospect {id}"), |p| p.name.clone()));
            take_theirs(app, theirs, effects);
        }
    }
    if let [only] = names.as_slice() {
        app.say(format!("{only} was changed by another user"));
    } else if !names.is_empty() {
        app.say(format!("{} prospects were changed by other users", names.len()));
    }
}

/// Puts another user's version of a prospect in the portfolio (not in this desk's undo) and
/// tells the store that later saves build on it.
pub fn take_theirs(app: &mut App, theirs: Theirs, effects: &mut Vec<Effect>) {
    match theirs.prospect {
        Some(p) => app.put(Arc::new(p)),
        None => app.take_out(theirs.id),
    }
    app.dirty.forget(theirs.id);
    effects.push(Effect::Store(StoreJob::Accept { id: theirs.id, version: theirs.stamp.version }));
}

/// The saved prospect as a new one beside theirs: this desk's version, kept under a new id.
pub fn keep_mine_as_copy(app: &mut App, theirs: Theirs, effects: &mut Vec<Effect>) -> Result<String, String> {
    let mine = app.portfolio.position(theirs.id).and_then(|i| app.portfolio.prospect(i)).cloned();
    let Some(mine) = mine else { return Err("this desk's version was deleted: nothing to keep".into()) };
    let id = app.new_ids(1)?.start;
    let copy = Prospect { id, name: format!("{} (my copy)", mine.name), ..(*mine).clone() };
    let name = copy.name.clone();
    take_theirs(app, theirs, effects);
    app.commit(Change::Put { before: None, after: Arc::new(copy) }, effects);
    Ok(name)
}

/// Why a change cannot be undone or redone: another user changed a prospect it touches
/// since (undoing would silently write over their change).
pub fn overtaken(app: &App, change: &Change, revert: bool) -> Option<String> {
    let now = |id| app.portfolio.position(id).and_then(|i| app.portfolio.prospect(i));
    let expected: Vec<(u64, Option<&Arc<Prospect>>)> = match (change, revert) {
        (Change::Many(changes), _) => {
            return changes.iter().find_map(|c| overtaken(app, c, revert));
        }
        (Change::Put { after, .. }, true) => vec![(after.id, Some(after))],
        (Change::Put { before, after }, false) => vec![(after.id, before.as_ref())],
        (Change::Remove { prospect, .. }, true) => vec![(prospect.id, None)],
        (Change::Remove { prospect, .. }, false) => vec![(prospect.id, Some(prospect))],
    };
    expected.into_iter().find_map(|(id, want)| {
        let same = match (now(id), want) {
            (Some(have), Some(want)) => Arc::ptr_eq(have, want) || have == want,
            (None, None) => true,
            _ => false,
        };
        (!same).then(|| now(id).or(want).map_or_else(|| format!("prospect {id}"), |p| p.name.clone()))
    })
}

/// Held changes, by prospect, for the stale dialog's "reload".
pub type Held = HashMap<u64, Theirs>;
