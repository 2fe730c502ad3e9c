//! A file opened directly (`dealdesk open FILE`, `dealdesk FILE`): the desk shows its
//! prospects, evaluated, as a viewer would: read-only, with no store opened or written. Ctrl-S
//! opens the user's portfolio and, once it is read, the import's own preview of the file, from
//! which its prospects are saved into the portfolio (or not).

use std::path::{Path, PathBuf};

use super::app::{App, Effect};
use super::history::History;
use super::modals::Modal;
use crate::domain::format::count;
use crate::domain::prospect::Prospect;
use crate::io::import_file::ImportFile;
use crate::portfolio::Portfolio;

/// The file being viewed, and what was read of it.
#[derive(Debug, Clone)]
pub struct Viewing {
    pub path: PathBuf,
    /// The file as the import read it, once read (its rows still in it, for the preview).
    pub file: Option<ImportFile>,
    /// The user's portfolio is being opened to save the file's prospects into it.
    pub saving: bool,
}

/// A file's name without its folder, for the title (the store's full path is on the welcome
/// screen and in `dealdesk check`) and the messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Starts viewing a file: the desk is read-only while the file is read (with the import's
/// progress pop-up).
pub fn start(app: &mut App, path: PathBuf) {
    app.read_only = Some(format!(
        "viewing {}; nothing is saved until Ctrl-S adds its prospects to your portfolio, after a preview",
        file_name(&path)
    ));
    app.modal = Some(Modal::Reading { path: path.clone(), done: 0, total: 0 });
    app.viewing = Some(Viewing { path, file: None, saving: false });
}

/// Whether a file read for import is the one being viewed, read for the first time.
pub fn is_first_read(app: &App, path: &Path) -> bool {
    app.viewing.as_ref().is_some_and(|v| v.file.is_none() && v.path == path)
}

/// The file is read: its valid prospects become the portfolio shown (numbered 1, 2, …).
pub fn on_read(app: &mut App, result: Result<ImportFile, String>) {
    let Some(viewing) = app.viewing.as_mut() else { return };
    let name = file_name(&viewing.path);
    let file = match result {
        Ok(file) => file,
        Err(message) => return app.warn(format!("Cannot read {name}: {message}; q quits")),
    };
    // What an import would bring, read from a copy: the file keeps its rows for the preview.
    let brought = file.clone().bring(app.today);
    if let Some(reason) = brought.refused {
        return app.warn(format!("Cannot show {name}: {reason}; q quits"));
    }
    let prospects: Vec<Prospect> =
        (1u64..).zip(brought.incoming).map(|(id, incoming)| Prospect { id, ..incoming.prospect }).collect();
    let bad = file.bad_rows();
    let shown = count(prospects.len(), "prospect");
    viewing.file = Some(file);
    app.portfolio = Portfolio::new(prospects, &app.policy, app.today);
    app.view.invalidate();
    app.view.refresh(&app.portfolio);
    app.view.select_top();
    let left_out = if bad > 0 {
        format!("; {} left out (the preview lists them)", count(bad, "bad row"))
    } else {
        String::new()
    };
    app.say(format!("Read {shown} from {name}{left_out}"));
}

/// Ctrl-S while viewing: opens the user's portfolio to save the file's prospects into it.
/// False when no file is viewed (Ctrl-S saves as usual).
pub fn save_into_portfolio(app: &mut App, effects: &mut Vec<Effect>) -> bool {
    let Some(viewing) = app.viewing.as_mut() else { return false };
    if viewing.file.is_none() || viewing.saving {
        app.warn("The file is not read yet");
        return true;
    }
    viewing.saving = true;
    effects.push(Effect::OpenStore { policy: Box::new(app.policy.clone()), today: app.today });
    app.say(format!("Opening your portfolio {} …", app.store_path.display()));
    true
}

/// The user's portfolio is open (being read, or new and empty) or could not be opened.
pub fn on_store_opened(app: &mut App, result: Result<Option<String>, String>, loading: bool) {
    let read_only = match result {
        Ok(read_only) => read_only,
        Err(message) => {
            if let Some(viewing) = app.viewing.as_mut() {
                viewing.saving = false;
            }
            return app.warn(format!("Cannot open your portfolio: {message}; still viewing the file"));
        }
    };
    app.read_only = read_only;
    app.portfolio = Portfolio::default();
    app.history = History::default();
    app.view.invalidate();
    app.view.refresh(&app.portfolio);
    if loading {
        app.loading = Some(crate::store::stream::Progress { done: 0, total: 0, started_over: false });
    } else {
        preview(app);
    }
}

/// The portfolio is read: the file's preview, as `i` would show it, takes the screen.
pub fn preview(app: &mut App) {
    if !app.viewing.as_ref().is_some_and(|v| v.saving) {
        return;
    }
    if let Some(Viewing { path, file: Some(file), .. }) = app.viewing.take() {
        super::import::update::show_preview(app, path, file);
    }
}
