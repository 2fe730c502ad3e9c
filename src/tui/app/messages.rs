//! The desk's messages and requests: what comes in (`Msg`, with `SaveError`), the changes of
//! screen asked for while one is handled (`Nav`), and what goes out to the runner (`Effect`,
//! with the store's `StoreJob`).

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use crate::domain::date::Date;
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::domain::summary::Summary;
use crate::io::import_file::ImportFile;
use crate::portfolio::Snapshot;
use crate::store::backend::{Changed, Heard, Saved, Theirs};
use crate::store::stream::Progress;
use crate::tui::modals::path_prompt::ExportError;
use crate::tui::screen::Screen;

/// Something that happened: a key, the mouse, a resize, or the answer of an effect.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// A save finished: for which generation of the portfolio, and how.
    Saved {
        generation: u64,
        result: Result<Saved, SaveError>,
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
    /// A folder given to import: its importable files, in name order, or why it cannot be read.
    ImportFolder {
        folder: PathBuf,
        result: Result<Vec<PathBuf>, String>,
    },
    /// An import file was read and checked, or could not be.
    ImportRead {
        path: PathBuf,
        result: Result<ImportFile, String>,
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
    /// A shared store heard of another user's change (or regained its link).
    Heard(Heard),
    /// Prospects as other users left them, fetched after hearing of their change.
    Fetched(Result<Vec<Theirs>, String>),
    /// The team's policy was saved in the shared store (its version and text), or why not.
    TeamPolicySaved(Result<(i64, String), String>),
    /// The policy was saved (where, in words, and its text), or why not.
    PolicySaved(Result<(String, String), String>),
    /// The user's store was opened (to save a viewed file into it): why it is read-only if
    /// it is, and whether it is being read; or why it cannot be opened.
    StoreOpened {
        result: Result<Option<String>, String>,
        loading: bool,
    },
    /// A signal (or Ctrl-Z): the runner acts on it before `update` would see it.
    Signal(crate::tui::signals::Request),
}

/// Why a save failed, as far as the desk needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    ChangedOnDisk,
    Failed(String),
}

/// A change of screen, carried out once the message that asked for it is handled (the screen's
/// own state is lent to its update meanwhile).
#[derive(Debug)]
pub enum Nav {
    /// Show another screen, remembering the current one for Esc.
    Push(Screen),
    /// Back to the previous screen (the portfolio when there is none).
    Pop,
    /// Show another screen in place of this one.
    Replace(Screen),
    /// The portfolio, forgetting every screen to go back to.
    Home,
}

/// What the store must do, carried as it is from the desk's update to the saver thread.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreJob {
    /// Write this snapshot (generation n of the portfolio) to the store.
    Save {
        generation: u64,
        prospects: Snapshot,
        /// The prospects changed since the last save that succeeded (what a shared store
        /// writes).
        changed: Vec<Changed>,
        overwrite: bool,
    },
    /// Read these prospects as other users left them.
    Fetch(Vec<u64>),
    /// Read whatever other users changed while the link was down.
    CatchUp,
    /// This desk took another user's version of a prospect.
    Accept { id: u64, version: i64 },
    /// Save the team's policy after `base`, the version the editor started from.
    SaveTeamPolicy { text: String, base: Option<i64> },
    /// Read the whole store again.
    Reload,
}

/// What the runner must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Hand this to the store (on the saver thread).
    Store(StoreJob),
    OpenDemo,
    /// Open the user's store (after viewing a file) and read it under this policy.
    OpenStore {
        policy: Box<Policy>,
        today: Date,
    },
    /// List the files that could complete a typed path.
    Complete(String),
    /// Read and check a CSV file for import, reporting progress.
    ReadImport(PathBuf),
    /// Write these prospects to a file, as JSON or CSV.
    Export {
        path: PathBuf,
        format: crate::io::export::FileFormat,
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
