//! Pop-ups: questions with their answers as keys, the decision dialog, the import prompt.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{clear, footer};
use crate::tui::app::{App, DecisionDialog, Modal, STATUSES, SaveState, Then};
use crate::tui::layout;
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
        Modal::Unsaved(then) => {
            let what = if *then == Then::Quit { "quitting" } else { "leaving" };
            (
                " Unsaved changes ",
                vec![Line::raw(format!("This prospect has unsaved changes. Save them before {what}?"))],
            )
        }
        Modal::Decision(dialog) => {
            let mut lines = vec![Line::raw(format!("Decision on {}", dialog.name))];
            lines.extend(recorded(app, dialog));
            lines.push(Line::raw(""));
            for (i, status) in STATUSES.iter().enumerate() {
                let style = if i == dialog.status { t.selected() } else { ratatui::style::Style::new() };
                let marker = if i == dialog.status { "›" } else { " " };
                lines.push(Line::styled(format!(" {marker} {}", status.label()), style));
            }
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                Span::styled("Note: ", t.key()),
                Span::raw(dialog.note.text().to_string()),
            ]));
            (" Record a decision ", lines)
        }
        Modal::ImportPath(path) => (
            " Import a CSV file ",
            vec![
                Line::raw("Columns by header name; ; or , separated; decimal comma or point."),
                Line::from(vec![Span::styled("Path: ", t.key()), Span::raw(path.text().to_string())]),
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
    let height = lines.len() as u16 + 2;
    let area = layout::centered(frame.area(), 70, height);
    clear(frame, area);
    let block = Block::bordered().title(title).border_style(t.key());
    let inner = block.inner(area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
    place_cursor(frame, modal, inner);
}

/// What the decision will record besides status and note: today's band and the terms.
fn recorded(app: &App, dialog: &DecisionDialog) -> [Line<'static>; 2] {
    let none = || [Line::raw(""), Line::raw("")];
    let Some(i) = app.book.position(dialog.id) else { return none() };
    let (Some(p), Some(s)) = (app.book.prospect(i), app.book.summary(i)) else { return none() };
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

/// Puts the terminal cursor at the end of the text being typed.
fn place_cursor(frame: &mut Frame, modal: &Modal, inner: Rect) {
    let (line, prefix, text) = match modal {
        Modal::Decision(d) => (4 + STATUSES.len() as u16 + 1, 6, &d.note),
        Modal::ImportPath(p) => (1, 6, p),
        _ => return,
    };
    let x = inner.x + prefix + text.cursor() as u16;
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y + line));
}
