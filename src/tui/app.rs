//! The desk's state and its top-level update: messages in, state changed, effects out.
//! No terminal and no IO here; the runner performs the effects.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseEvent};
use ratatui::layout::Rect;

use super::form::ProspectForm;
use super::history::{Change, History};
use super::line_edit::LineEdit;
use super::policy_editor::PolicyEditor;
use super::portfolio_state::PortfolioView;
use super::terms_editor::TermsEditor;
use super::theme::Theme;
use super::transfer::{ExportError, ImportPreview, PathPrompt, PendingExport};
use crate::domain::date::Date;
use crate::domain::matrix::Matrix;
use crate::domain::policy::Policy;
use crate::domain::prospect::{Prospect, Terms};
use crate::domain::summary::Summary;
use crate::io::csv_import::CsvImport;
use crate::portfolio::{Portfolio, Snapshot};
use crate::store::stream::Progress;

/// The screen under any overlay.
#[derive(Debug, Clone)]
pub enum Screen {
    /// No store yet: offer a new prospect, the demo or an import.
    Welcome,
    Portfolio,
    Prospect(Box<ProspectForm>),
    /// The what-if on one prospect's terms.
    Terms(Box<TermsEditor>),
    Compare(CompareView),
    Matrix(Box<MatrixView>),
    Policy(Box<PolicyEditor>),
    ImportPreview(Box<ImportPreview>),
}

/// Deals side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareView {
    pub ids: Vec<u64>,
    /// The selected column.
    pub column: usize,
    /// Whether columns show the edited terms (the session's what-if, else the agreed terms)
    /// rather than the suggested ones.
    pub edited: bool,
}

/// The band × segment grid and its selected cell.
#[derive(Debug, Clone)]
pub struct MatrixView {
    pub matrix: Matrix,
    /// The selected row: an index into `Band::VARIANTS`.
    pub band_index: usize,
    /// The selected column: an index into `Segment::VARIANTS`.
    pub segment_index: usize,
}

/// What to do once unsaved form changes are settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingExit {
    Back,
    Quit,
}

/// A pop-up that takes the keys until it returns.
#[derive(Debug, Clone)]
pub enum Modal {
    /// "Delete X?" (yes/no).
    ConfirmDelete {
        id: u64,
        name: String,
    },
    /// "Quit? n unsaved changes" (yes/no), for portfolio changes not yet on disk.
    ConfirmQuit,
    /// The form has unsaved changes: save, discard or stay.
    Unsaved(PendingExit),
    Decision(DecisionDialog),
    /// A path for an import or an export.
    Path(PathPrompt),
    /// A file being read for import, with how far it is.
    Reading {
        path: PathBuf,
        done: usize,
        total: usize,
    },
    /// The store file changed on disk: overwrite it, reload it, or leave it.
    ChangedOnDisk,
    /// Put the shipped defaults in the policy editor?
    ConfirmResetPolicy,
    /// Leave the policy editor and lose its edits?
    DiscardPolicy,
    /// The store could not be read: the message; the desk ends with it.
    LoadFailed(String),
    /// The user's policy file could not be used at start: the message, with the choice to
    /// continue on the defaults (the file is left as it is) or quit.
    BrokenPolicy(String),
    /// The export's file exists: replace it (yes/no)?
    ConfirmOverwrite(PendingExport),
}

/// The decision dialog: a status and a note for one prospect.
#[derive(Debug, Clone)]
pub struct DecisionDialog {
    pub id: u64,
    pub name: String,
    /// The highlighted status: an index into `Status::VARIANTS`.
    pub status_index: usize,
    pub note: LineEdit,
    /// The terms the decision agrees to, when it comes from the what-if.
    pub terms: Option<Terms>,
}

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

/// Something that happened: a key, the mouse, a resize, or the answer of an effect.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// A save finished: for which generation of the portfolio, and how.
    Saved {
        generation: u64,
        result: Result<(), SaveError>,
    },
    /// Files that complete a typed path.
    Completions {
        typed: String,
        candidates: Vec<String>,
    },
    /// Bytes of an import file read so far, of how many.
    ImportProgress {
        done: usize,
        total: usize,
    },
    /// An import file was read and checked, or could not be.
    ImportRead {
        path: PathBuf,
        result: Result<CsvImport, String>,
    },
    /// An export was written (where, how many prospects), or not.
    Exported(Result<(PathBuf, usize), ExportError>),
    /// The demo portfolio was copied to a temporary store.
    DemoOpened(Result<(PathBuf, Vec<Prospect>), String>),
    /// The store was reread from disk.
    Reloaded(Result<Vec<Prospect>, String>),
    /// A block of the store, read and evaluated, with how far the reading is.
    LoadChunk {
        prospects: Vec<Prospect>,
        summaries: Vec<Summary>,
        progress: Progress,
    },
    /// The store is read, or cannot be (the message names file, line and column).
    LoadDone(Result<(), String>),
    /// The policy file was written (where), or why not.
    PolicySaved(Result<(PathBuf, String), String>),
    /// A signal (or Ctrl-Z): the runner acts on it before `update` would see it.
    Signal(super::signals::Request),
}

/// Why a save failed, as far as the desk needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    ChangedOnDisk,
    Failed(String),
}

/// What the runner must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write this snapshot (generation n of the portfolio) to the store.
    Save {
        generation: u64,
        prospects: Snapshot,
        overwrite: bool,
    },
    Reload,
    OpenDemo,
    /// List the files that could complete a typed path.
    Complete(String),
    /// Read and check a CSV file for import, reporting progress.
    ReadImport(PathBuf),
    /// Write these prospects to a file, as JSON or CSV.
    Export {
        path: PathBuf,
        json: bool,
        prospects: Vec<Arc<Prospect>>,
        /// Replace a file that is there (the user said yes).
        overwrite: bool,
    },
    /// Write the policy file (atomically) with this text.
    SavePolicy {
        path: PathBuf,
        text: String,
    },
    Quit,
}

/// The whole state of the desk.
#[derive(Debug)]
pub struct App {
    pub policy: Policy,
    pub today: Date,
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
    /// Why this instance may only read the store, in words ("… holds this store").
    pub read_only: Option<String>,
    /// How far the store is read, while it is being read.
    pub loading: Option<Progress>,
    /// A problem that ends the desk with an error once the user has seen it.
    pub fatal: Option<String>,
    /// Set when the portfolio is a temporary copy of the demo.
    pub demo: bool,
    pub store_path: PathBuf,
    /// Where the policy editor saves: `--policy PATH` or the user's policy file.
    pub policy_path: Option<PathBuf>,
    pub save_state: SaveState,
    /// Bumped by every change; a save is current when it wrote the latest generation.
    pub generation: u64,
    pub saved_generation: u64,
    pub history: History,
    pub size: Rect,
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
            read_only: None,
            demo: false,
            loading: None,
            fatal: None,
            store_path,
            policy_path: None,
            save_state: SaveState::Saved,
            generation: 0,
            saved_generation: 0,
            history: History::default(),
            size: Rect::new(0, 0, 120, 40),
        }
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

    /// Applies a change forwards, or reverts it.
    pub fn apply(&mut self, change: &Change, revert: bool) {
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
    fn put(&mut self, p: Arc<Prospect>) {
        let before = self.portfolio.position(p.id).and_then(|i| {
            self.portfolio.summary(i).map(|s| (self.portfolio.folded_name(i).to_string(), s.clone()))
        });
        let index = self.portfolio.upsert(p, &self.policy, self.today);
        self.view.changed(&self.portfolio, index, before.as_ref().map(|(name, s)| (name.as_str(), s)));
    }

    fn take_out(&mut self, id: u64) {
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
        effects.push(Effect::Save {
            generation: self.generation,
            prospects: self.portfolio.snapshot(),
            overwrite,
        });
    }

    /// Shows another screen, remembering the current one for Esc.
    pub fn push(&mut self, screen: Screen) {
        let previous = std::mem::replace(&mut self.screen, screen);
        self.back.push(previous);
    }

    /// Goes back to the previous screen (the portfolio when there is none).
    pub fn pop(&mut self) {
        self.screen = self.back.pop().unwrap_or(Screen::Portfolio);
    }

    /// The terms a prospect is on for comparisons: this session's what-if, else the agreed
    /// terms, else `None` (the suggestion).
    pub fn edited_terms(&self, p: &Prospect) -> Option<Terms> {
        self.what_if.get(&p.id).cloned().or_else(|| p.agreed_terms.clone())
    }

    /// Lines of the portfolio table body visible on screen, for paging and the mouse.
    pub fn page_height(&self) -> usize {
        super::layout::portfolio(self.size, self.read_only.is_some() || self.demo).body.height as usize
    }
}

/// Handles one message; returns what the runner must do.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let mut effects = Vec::new();
    match msg {
        Msg::Key(key) if key.kind == KeyEventKind::Press => {
            super::update_keys::on_key(app, key, &mut effects);
        }
        Msg::Key(_) => {}
        Msg::Mouse(mouse) => super::update_keys::on_mouse(app, mouse),
        Msg::Resize(w, h) => {
            app.size = Rect::new(0, 0, w, h);
            let height = app.page_height();
            app.view.scroll_into_view(height);
        }
        Msg::Saved { generation, result } => {
            super::update_io::on_saved(app, generation, result, &mut effects)
        }
        Msg::Completions { typed, candidates } => super::transfer::on_completions(app, &typed, candidates),
        Msg::ImportProgress { done, total } => super::transfer::on_progress(app, done, total),
        Msg::ImportRead { path, result } => super::transfer::on_read(app, path, result),
        Msg::Exported(result) => super::transfer::on_exported(app, result),
        Msg::DemoOpened(result) => super::update_io::on_demo(app, result),
        Msg::Reloaded(result) => super::update_io::on_reloaded(app, result),
        Msg::PolicySaved(result) => super::update_policy::on_saved(app, result),
        Msg::LoadChunk { prospects, summaries, progress } => {
            super::update_io::on_load_chunk(app, prospects, summaries, progress)
        }
        Msg::LoadDone(result) => super::update_io::on_load_done(app, result),
        Msg::Signal(_) => {}
    }
    effects
}
