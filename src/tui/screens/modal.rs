//! Pop-ups: questions with their answers as keys, the decision dialog, the import prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use strum::VariantArray;

use super::{clear, footer};
use crate::domain::vocabulary::Status;
use crate::tui::app::{App, DecisionDialog, Modal, PendingExit, SaveState};
use crate::tui::layout;
use crate::tui::transfer::{PathPrompt, Purpose};
use crate::tui::update_keys::modal_table;

pub fn render(frame: &mut Frame, app: &App, modal: &Modal) {
    let t = app.theme;
    let (title, mut lines) = match modal {
        Modal::ConfirmDelete { name, .. } => {
            (" Delete ", vec![Line::raw(format!("Delete {name}? (u undoes it)"))])
        }
        Modal::ConfirmQuit => {
            let why = match &app.save_state {
                SaveState::Failed(message) => format!("The last save failed ({message})."),
                _ => "A save is still running.".to_string(),
            };
            (" Quit ", vec![Line::raw(why), Line::raw("Quit anyway and lose the changes not on disk?")])
        }
        Modal::Unsaved(exit) => {
            let what = if *exit == PendingExit::Quit { "quitting" } else { "leaving" };
            (
                " Unsaved changes ",
                vec![Line::raw(format!("This prospect has unsaved changes. Save them before {what}?"))],
            )
        }
        Modal::Decision(dialog) => {
            let mut lines = vec![Line::raw(format!("Decision on {}", dialog.name))];
            lines.extend(recorded(app, dialog));
            lines.push(Line::raw(""));
            for (i, status) in Status::VARIANTS.iter().enumerate() {
                let style =
                    if i == dialog.status_index { t.selected() } else { ratatui::style::Style::new() };
                let marker = if i == dialog.status_index { "›" } else { " " };
                lines.push(Line::styled(format!(" {marker} {}", status.label()), style));
            }
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                Span::styled("Note: ", t.key()),
                Span::raw(dialog.note.text().to_string()),
            ]));
            (" Record a decision ", lines)
        }
        Modal::Path(prompt) => path_prompt(app, prompt),
        Modal::Reading { path, done, total } => {
            let ratio = if *total == 0 { 0.0 } else { (*done as f64 / *total as f64).clamp(0.0, 1.0) };
            let filled = (ratio * 50.0).round() as usize;
            (
                " Reading ",
                vec![
                    Line::raw(format!("Reading and checking {}", path.display())),
                    Line::raw(format!(
                        "{}{} {:.0} %",
                        "█".repeat(filled),
                        "░".repeat(50 - filled),
                        ratio * 100.0
                    )),
                ],
            )
        }
        Modal::ConfirmResetPolicy => (
            " Reset the policy ",
            vec![Line::raw("Put the shipped defaults in the editor? Nothing is saved until Ctrl-S.")],
        ),
        Modal::DiscardPolicy => {
            (" Policy edits ", vec![Line::raw("Leave the policy editor and lose its unsaved edits?")])
        }
        Modal::LoadFailed(message) => (
            " The store cannot be read ",
            vec![
                Line::styled(message.clone(), t.error()),
                Line::raw(""),
                Line::raw("Nothing was changed or written. Fix or restore the file (its previous"),
                Line::raw("version is beside it as .bak), then start dealdesk again."),
            ],
        ),
        Modal::BrokenPolicy(message) => (
            " Your policy file cannot be used ",
            vec![
                Line::styled(message.clone(), t.error()),
                Line::raw(""),
                Line::raw("dealdesk can run on its built-in policy; your file is not touched."),
            ],
        ),
        Modal::ConfirmOverwrite(pending) => (
            " Replace the file? ",
            vec![
                Line::raw(format!("{} exists already.", pending.path.display())),
                Line::raw(format!("Replace it with this export of {} prospect(s)?", pending.prospects.len())),
            ],
        ),
        Modal::ChangedOnDisk => (
            " The store changed on disk ",
            vec![
                Line::raw(format!("{} was changed or deleted by something else", app.store_path.display())),
                Line::raw("since this desk read it. Nothing was overwritten."),
            ],
        ),
    };
    lines.push(Line::raw(""));
    lines.push(footer(app, modal_table(modal)));
    let width = 70.min(frame.area().width);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    // As high as its lines once wrapped, so that a long message (a path, an error) is whole.
    let height = u16::try_from(paragraph.line_count(width.saturating_sub(2))).unwrap_or(u16::MAX);
    let area = layout::centered(frame.area(), width, height.saturating_add(2));
    clear(frame, area);
    let block = Block::bordered().title(title).border_style(t.key());
    let inner = block.inner(area);
    frame.render_widget(paragraph.block(block), area);
    place_cursor(frame, modal, inner);
}

/// What the decision will record besides status and note: today's band and the terms.
fn recorded(app: &App, dialog: &DecisionDialog) -> [Line<'static>; 2] {
    let none = || [Line::raw(""), Line::raw("")];
    let Some(i) = app.portfolio.position(dialog.id) else { return none() };
    let (Some(p), Some(s)) = (app.portfolio.prospect(i), app.portfolio.summary(i)) else { return none() };
    let terms = dialog.terms.as_ref().or(p.agreed_terms.as_ref());
    let (days, advance) = terms.map_or((s.payment_days, s.advance), |t| (t.payment_days, t.advance_pct));
    let which = if dialog.terms.is_some() {
        "the edited terms"
    } else if p.agreed_terms.is_some() {
        "the agreed terms"
    } else {
        "the suggested terms"
    };
    let score = s.score.map_or("—".into(), |v| format!("{v:.1}"));
    let dim = app.theme.dim();
    [
        Line::styled(format!("Now {} · band {} ({score}) today", p.status.label(), s.band), dim),
        Line::styled(format!("Records {which}: {days} days, {advance} % advance"), dim),
    ]
}

/// The path prompt: what it does, the path, and the completions found.
fn path_prompt(app: &App, prompt: &PathPrompt) -> (&'static str, Vec<Line<'static>>) {
    let t = app.theme;
    let path = Line::from(vec![Span::styled("Path: ", t.key()), Span::raw(prompt.line.text().to_string())]);
    let mut lines = match prompt.purpose {
        Purpose::Import => vec![
            Line::raw("A CSV file: columns by header name, ; or , separated."),
            path,
            Line::styled("You will see every bad cell before anything is imported.", t.dim()),
        ],
        Purpose::Export => {
            let format = if prompt.json() { "JSON" } else { "CSV (the import columns)" };
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

/// Puts the terminal cursor at the end of the text being typed.
fn place_cursor(frame: &mut Frame, modal: &Modal, inner: Rect) {
    let (line, prefix, text) = match modal {
        Modal::Decision(d) => (4 + Status::VARIANTS.len() as u16 + 1, 6, &d.note),
        Modal::Path(p) => (1, 6, &p.line),
        _ => return,
    };
    let x = inner.x + prefix + text.cursor() as u16;
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y + line));
}
