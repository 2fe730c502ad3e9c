//! A path for an import or an export, with completion of what is typed; an export writes the
//! whole portfolio or the rows the filters show.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode as K, KeyEvent};
use ratatui::text::{Line, Span};

use super::Modal;
use crate::domain::format::count as count_of;
use crate::domain::prospect::Prospect;
use crate::io::export::FileFormat;
use crate::tui::app::{App, Effect};
use crate::tui::kit::action::Action;
use crate::tui::kit::keys::{Binding, LINE_EDITING, QUIT, Table, bind, code, ctrl};
use crate::tui::kit::line_edit::LineEdit;

const GO: Binding = bind(&[code(K::Enter)], Action::Confirm, "go", Some("go"));
const COMPLETE: Binding = bind(&[code(K::Tab)], Action::Complete, "complete the path", Some("complete"));
const CANCEL: Binding = bind(&[code(K::Esc)], Action::Cancel, "cancel", Some("cancel"));

/// The import prompt's keys; the path takes the line-editing keys.
pub const IMPORT_KEYS: Table = Table(&[&[GO, COMPLETE, CANCEL], LINE_EDITING, QUIT]);

/// The export prompt's keys: the import's, and the choice of what to export.
pub const EXPORT_KEYS: Table = Table(&[
    &[
        GO,
        COMPLETE,
        bind(&[ctrl('a')], Action::ToggleScope, "export: whole portfolio / shown rows", None),
        CANCEL,
    ],
    LINE_EDITING,
    QUIT,
]);

/// What a path prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Import,
    Export,
}

/// A path being typed, with the completions last found for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub line: LineEdit,
    pub candidates: Vec<String>,
    /// For an export: the whole portfolio rather than the rows the filters show.
    pub whole: bool,
}

impl PathPrompt {
    pub fn import() -> PathPrompt {
        PathPrompt {
            purpose: Purpose::Import,
            line: LineEdit::default(),
            candidates: Vec::new(),
            whole: true,
        }
    }

    /// An export prompt: the rows shown when a filter is on, else the whole portfolio.
    pub fn export(filtered: bool) -> PathPrompt {
        let line = LineEdit::new("dealdesk-export.csv");
        PathPrompt { purpose: Purpose::Export, line, candidates: Vec::new(), whole: !filtered }
    }

    /// JSON for `.json`, a workbook for `.xlsx`, CSV otherwise.
    pub fn format(&self) -> FileFormat {
        FileFormat::for_name(self.line.text())
    }

    pub fn keys(&self) -> Table {
        match self.purpose {
            Purpose::Import => IMPORT_KEYS,
            Purpose::Export => EXPORT_KEYS,
        }
    }
}

/// An export the runner found would replace an existing file: it waits for the user's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingExport {
    pub path: PathBuf,
    pub format: FileFormat,
    pub prospects: Vec<Arc<Prospect>>,
}

/// Why the runner did not write an export.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportError {
    /// A file is there: ask before replacing it.
    Exists(PendingExport),
    Failed(String),
}

/// The longest text every candidate starts with.
fn common_prefix(candidates: &[String]) -> String {
    let Some(first) = candidates.first() else { return String::new() };
    let mut prefix: &str = first;
    for c in &candidates[1..] {
        let len: usize =
            prefix.chars().zip(c.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
        prefix = &prefix[..len];
    }
    prefix.to_string()
}

pub fn on_key(
    app: &mut App,
    mut prompt: PathPrompt,
    action: Option<Action>,
    key: &KeyEvent,
    effects: &mut Vec<Effect>,
) -> Option<Modal> {
    match action {
        Some(Action::Cancel) => return None,
        Some(Action::Complete) => effects.push(Effect::Complete(prompt.line.text().to_string())),
        Some(Action::ToggleScope) => prompt.whole = !prompt.whole,
        Some(Action::Confirm) => {
            let text = prompt.line.text().trim().to_string();
            if text.is_empty() {
                app.warn("Type the path of a file");
                return Some(Modal::Path(prompt));
            }
            let path = PathBuf::from(text);
            match prompt.purpose {
                Purpose::Import => {
                    app.import_queue.clear();
                    effects.push(Effect::ReadImport(path.clone()));
                    return Some(Modal::Reading { path, done: 0, total: 0 });
                }
                Purpose::Export => {
                    let prospects = if prompt.whole {
                        app.portfolio.prospects().cloned().collect()
                    } else {
                        app.view.rows().iter().filter_map(|&i| app.portfolio.prospect(i).cloned()).collect()
                    };
                    effects.push(Effect::Export {
                        path,
                        format: prompt.format(),
                        prospects,
                        overwrite: false,
                    });
                    return None;
                }
            }
        }
        Some(action) if prompt.line.apply(action, key) => prompt.candidates.clear(),
        _ => {}
    }
    Some(Modal::Path(prompt))
}

/// The runner's completions for what was typed: one fills it in, several fill in what they
/// share and are listed.
pub fn on_completions(app: &mut App, typed: &str, candidates: Vec<String>) {
    let Some(Modal::Path(prompt)) = &mut app.modal else { return };
    if prompt.line.text() != typed {
        return;
    }
    match candidates.len() {
        0 => app.warn(format!("No file or folder starts with '{typed}'")),
        1 => {
            prompt.line.set(&candidates[0]);
            prompt.candidates.clear();
        }
        _ => {
            let shared = common_prefix(&candidates);
            if shared.chars().count() > prompt.line.text().chars().count() {
                prompt.line.set(&shared);
            }
            prompt.candidates = candidates;
        }
    }
}

pub fn on_exported(app: &mut App, result: Result<(PathBuf, usize), ExportError>) {
    match result {
        Ok((path, count)) => {
            app.say(format!("Exported {} to {}", count_of(count, "prospect"), path.display()))
        }
        Err(ExportError::Exists(pending)) => app.modal = Some(Modal::ConfirmOverwrite(pending)),
        Err(ExportError::Failed(message)) => app.warn(format!("Export failed: {message}")),
    }
}

/// The path prompt: what it does, the path, and the completions found.
pub fn body(app: &App, prompt: &PathPrompt) -> (&'static str, Vec<Line<'static>>) {
    let t = app.theme;
    let path = Line::from(vec![Span::styled("Path: ", t.key()), Span::raw(prompt.line.text().to_string())]);
    let mut lines = match prompt.purpose {
        Purpose::Import => vec![
            Line::raw("A CSV, a workbook (.xlsx .xls .ods), NBB accounts, or a folder."),
            path,
            Line::styled("You will see every bad cell before anything is imported.", t.dim()),
        ],
        Purpose::Export => {
            let format = prompt.format().label();
            let scope = if prompt.whole {
                format!("all {} prospects", app.portfolio.len())
            } else {
                format!("the {} shown prospects", app.view.rows().len())
            };
            vec![
                Line::raw(format!("Exports {scope} as {format}.")),
                path,
                Line::styled("Ctrl-A: whole portfolio / shown rows", t.dim()),
            ]
        }
    };
    for candidate in prompt.candidates.iter().take(6) {
        lines.push(Line::styled(format!("  {candidate}"), t.dim()));
    }
    if prompt.candidates.len() > 6 {
        lines.push(Line::styled(format!("  … {} more", prompt.candidates.len() - 6), t.dim()));
    }
    let title = if prompt.purpose == Purpose::Import { " Import " } else { " Export " };
    (title, lines)
}

/// Where the path's text starts: (line in the box, column).
pub fn cursor(prompt: &PathPrompt) -> (u16, u16, &LineEdit) {
    (1, 6, &prompt.line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completion_fills_in_what_candidates_share() {
        let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            common_prefix(&c(&["data/prospects-2025.csv", "data/prospects-2026.csv"])),
            "data/prospects-202"
        );
        assert_eq!(common_prefix(&c(&["één.csv", "één-b.csv"])), "één");
        assert_eq!(common_prefix(&c(&[])), "");
    }
}
