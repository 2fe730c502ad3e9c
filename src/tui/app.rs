//! The desk's shared state: the portfolio, the policy, the history, the notice, the screens
//! and the pop-up, the saving state; the messages that come in and the effects that go out.
//! Each screen's own state is in its folder; `dispatch` routes the messages. No terminal and
//! no IO here; the runner performs the effects.

mod messages;

pub use messages::{Effect, Msg, Nav, SaveError, StoreJob};

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::history::{Change, History};
use super::import::state::ImportQueue;
use super::kit::layout;
use super::kit::theme::Theme;
use super::modals::Modal;
use super::portfolio::state::PortfolioView;
use super::screen::Screen;
use super::team::{Dirty, Held, TeamDesk};
use super::viewing::Viewing;
use crate::domain::date::Date;
use crate::domain::decision::Stamp;
use crate::domain::policy::Policy;
use crate::domain::prospect::{Prospect, Terms};
use crate::portfolio::Portfolio;
use crate::store::stream::Progress;

/// How the last save went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Saving,
    Failed(String),
}

/// A line of feedback under the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// The whole state of the desk.
#[derive(Debug)]
pub struct App {
    pub policy: Policy,
    pub today: Date,
    /// The local date and time, set by the runner before each message (the desk reads no
    /// clock): what a decision records.
    pub now: DateTime<FixedOffset>,
    /// Who uses the desk (the OS user), for the decisions.
    pub user: String,
    /// `--as-of`: the day decisions are dated, instead of the clock's.
    pub as_of: Option<Date>,
    pub theme: Theme,
    pub portfolio: Portfolio,
    pub screen: Screen,
    /// The screens to go back to, most recent last.
    pub back: Vec<Screen>,
    /// Terms edited in the what-if during this session, by prospect id.
    pub what_if: HashMap<u64, Terms>,
    pub view: PortfolioView,
    pub modal: Option<Modal>,
    pub help: bool,
    /// Lines the help overlay is scrolled down by.
    pub help_scroll: usize,
    pub notice: Option<Notice>,
    /// The files of a folder still to import, each after the one previewed now.
    pub import_queue: ImportQueue,
    /// Why this instance may only read the store, in words ("… holds this store").
    pub read_only: Option<String>,
    /// How far the store is read, while it is being read.
    pub loading: Option<Progress>,
    /// A problem that ends the desk with an error once the user has seen it.
    pub fatal: Option<String>,
    /// Set when the portfolio is a temporary copy of the demo.
    pub demo: bool,
    /// A file opened to view, when the portfolio shown is its prospects.
    pub viewing: Option<Viewing>,
    /// The store file (a team store has none).
    pub store_path: PathBuf,
    /// Set on a shared store: who this user is there and what the desk keeps of it.
    pub team: Option<TeamDesk>,
    /// Prospects changed since the last save that succeeded.
    pub dirty: Dirty,
    /// Other users' changes waiting for this desk to let go of their prospects.
    pub held: Held,
    /// Where the policy editor saves: `--policy PATH` or the user's policy file (`None` with
    /// a team store: the team's policy).
    pub policy_path: Option<PathBuf>,
    pub save_state: SaveState,
    /// Bumped by every change; a save is current when it wrote the latest generation.
    pub generation: u64,
    pub saved_generation: u64,
    pub history: History,
    pub size: Rect,
    /// Changes of screen asked for while the current message is handled.
    nav: Vec<Nav>,
}

impl App {
    pub fn new(
        prospects: Vec<Prospect>,
        policy: Policy,
        today: Date,
        store_path: PathBuf,
        welcome: bool,
    ) -> App {
        let portfolio = Portfolio::new(prospects, &policy, today);
        let mut view = PortfolioView::default();
        view.refresh(&portfolio);
        App {
            policy,
            today,
            now: midnight(today),
            user: String::new(),
            as_of: None,
            theme: Theme::from_env(),
            portfolio,
            screen: if welcome { Screen::Welcome } else { Screen::Portfolio },
            back: Vec::new(),
            what_if: HashMap::new(),
            view,
            modal: None,
            help: false,
            help_scroll: 0,
            notice: None,
            import_queue: ImportQueue::default(),
            read_only: None,
            demo: false,
            viewing: None,
            loading: None,
            fatal: None,
            store_path,
            team: None,
            dirty: Dirty::default(),
            held: Held::default(),
            policy_path: None,
            save_state: SaveState::Saved,
            generation: 0,
            saved_generation: 0,
            history: History::default(),
            size: Rect::new(0, 0, 120, 40),
            nav: Vec::new(),
        }
    }

    /// Who decides and when, for a decision recorded now.
    pub fn stamp(&self) -> Stamp {
        Stamp { at: self.now, by: self.user.clone() }
    }

    /// Whether some change is not on disk yet.
    pub fn unsaved(&self) -> bool {
        self.generation != self.saved_generation
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice { text: text.into(), error: false });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice { text: text.into(), error: true });
    }

    /// Refuses a change when the store is someone else's; says why.
    pub fn writable(&mut self) -> bool {
        if let Some(p) = self.loading {
            self.warn(format!("Still reading the store ({} %); changes wait until it is read", p.percent()));
            return false;
        }
        match &self.read_only {
            Some(holder) => {
                let text = format!("Read-only: {holder}");
                self.warn(text);
                false
            }
            None => true,
        }
    }

    /// Applies a change to the portfolio, records it for undo and asks for a save.
    pub fn commit(&mut self, change: Change, effects: &mut Vec<Effect>) {
        self.apply(&change, false);
        self.history.record(change);
        self.request_save(effects);
    }

    /// Applies a change forwards, or reverts it; the prospects it touches are to be saved.
    pub fn apply(&mut self, change: &Change, revert: bool) {
        self.dirty.mark(change, self.generation + 1);
        match change {
            // Many changes at once (an import, its undo): the view does not follow each one
            // but is sorted and filtered again once, keeping the selected prospect.
            Change::Many(_) => {
                let selected = self.view.selected_id(&self.portfolio);
                self.view.invalidate();
                self.apply_to_portfolio(change, revert);
                self.view.rebuild(&self.portfolio, selected);
            }
            // One prospect: only its row moves, without sorting or rescanning the portfolio.
            _ => self.apply_to_portfolio(change, revert),
        }
    }

    fn apply_to_portfolio(&mut self, change: &Change, revert: bool) {
        match (change, revert) {
            (Change::Many(changes), false) => changes.iter().for_each(|c| self.apply_to_portfolio(c, false)),
            (Change::Many(changes), true) => {
                changes.iter().rev().for_each(|c| self.apply_to_portfolio(c, true))
            }
            (Change::Put { after, .. }, false) => self.put(after.clone()),
            (Change::Put { before: Some(before), .. }, true) => self.put(before.clone()),
            (Change::Put { before: None, after }, true) => self.take_out(after.id),
            (Change::Remove { prospect, .. }, false) => self.take_out(prospect.id),
            (Change::Remove { index, prospect }, true) => {
                let index = (*index).min(self.portfolio.len());
                self.portfolio.insert(index, prospect.clone(), &self.policy, self.today);
                self.view.inserted(&self.portfolio, index);
            }
        }
    }

    /// Replaces (or adds) a prospect in the portfolio and moves its row.
    pub fn put(&mut self, p: Arc<Prospect>) {
        let before = self.portfolio.position(p.id).and_then(|i| {
            self.portfolio.summary(i).map(|s| (self.portfolio.folded_name(i).to_string(), s.clone()))
        });
        let index = self.portfolio.upsert(p, &self.policy, self.today);
        self.view.changed(&self.portfolio, index, before.as_ref().map(|(name, s)| (name.as_str(), s)));
    }

    pub fn take_out(&mut self, id: u64) {
        let before = self.portfolio.position(id).and_then(|i| self.portfolio.summary(i).cloned());
        if let (Some((index, _)), Some(before)) = (self.portfolio.remove(id), before) {
            self.view.removed(index, &before);
        }
    }

    /// Queues a save of the portfolio as it is now.
    pub fn request_save(&mut self, effects: &mut Vec<Effect>) {
        self.generation += 1;
        self.save_now(effects, false);
    }

    /// Saves the current generation (also a retry after a failure).
    pub fn save_now(&mut self, effects: &mut Vec<Effect>, overwrite: bool) {
        if self.read_only.is_some() {
            return;
        }
        self.save_state = SaveState::Saving;
        effects.push(Effect::Store(StoreJob::Save {
            generation: self.generation,
            prospects: self.portfolio.snapshot(),
            changed: self.dirty.changed(&self.portfolio),
            overwrite,
        }));
    }

    /// Ids for `count` new prospects: after the highest in the portfolio (a file has one
    /// writer), or from the block a shared store reserved for this desk.
    pub fn new_ids(&mut self, count: usize) -> Result<std::ops::Range<u64>, String> {
        let Some(team) = &mut self.team else {
            return crate::store::ids::fresh(self.portfolio.next_id().saturating_sub(1), count);
        };
        let end = u64::try_from(count)
            .ok()
            .and_then(|n| team.next_id.checked_add(n))
            .filter(|end| *end <= team.end_id);
        match end {
            Some(end) => Ok(std::mem::replace(&mut team.next_id, end)..end),
            None => Err(format!(
                "this desk has {} id(s) left for new prospects, not {count}: reopen the desk for more",
                team.end_id.saturating_sub(team.next_id)
            )),
        }
    }

    /// Asks for a change of screen, made once the current message is handled.
    pub fn go(&mut self, nav: Nav) {
        self.nav.push(nav);
    }

    /// Makes the changes of screen asked for, in order; whether there were any.
    pub fn navigate(&mut self) -> bool {
        let moves = std::mem::take(&mut self.nav);
        let moved = !moves.is_empty();
        for nav in moves {
            match nav {
                Nav::Push(screen) => {
                    let previous = std::mem::replace(&mut self.screen, screen);
                    self.back.push(previous);
                }
                Nav::Pop => self.screen = self.back.pop().unwrap_or(Screen::Portfolio),
                Nav::Replace(screen) => self.screen = screen,
                Nav::Home => {
                    self.back.clear();
                    self.screen = Screen::Portfolio;
                }
            }
        }
        moved
    }

    /// Lends the current screen's state to `f` with the rest of the desk (the screen is out of
    /// `self.screen` meanwhile), then puts it back.
    pub fn with_screen<R>(&mut self, f: impl FnOnce(&mut App, &mut Screen) -> R) -> R {
        let mut screen = std::mem::replace(&mut self.screen, Screen::Portfolio);
        let result = f(self, &mut screen);
        self.screen = screen;
        result
    }

    /// Says that a key means nothing here, and where the keys are listed.
    pub fn unknown_key(&mut self, key: &KeyEvent, help: &str) {
        self.warn(super::kit::keys::unknown(key, help));
    }

    /// The terms a prospect is on for comparisons: this session's what-if, else the agreed
    /// terms, else `None` (the suggestion).
    pub fn edited_terms(&self, p: &Prospect) -> Option<Terms> {
        self.what_if.get(&p.id).cloned().or_else(|| p.agreed_terms.clone())
    }

    /// Lines of the portfolio table body visible on screen, for paging and the mouse.
    pub fn page_height(&self) -> usize {
        layout::portfolio(self.size, self.read_only.is_some() || self.demo).body.height as usize
    }
}

/// The start of a day in UTC: the desk's time until the runner gives the clock's.
fn midnight(day: Date) -> DateTime<FixedOffset> {
    let seconds = day.days_since_epoch().saturating_mul(86_400);
    DateTime::from_timestamp(seconds, 0).unwrap_or_default().fixed_offset()
}
