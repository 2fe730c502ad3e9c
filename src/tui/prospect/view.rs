//! The prospect screen: the form, in labelled groups, with each error under its field; the
//! live assessment beside it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::panel;
use super::state::ProspectForm;
use crate::domain::fields::Field;
use crate::domain::format::fit;
use crate::domain::vocabulary::FieldGroup;
use crate::tui::app::App;
use crate::tui::kit::chrome::{chrome, has_banner};
use crate::tui::kit::layout;

/// Width of the label column.
const LABEL: u16 = 22;

/// One line of the form.
enum Entry {
    Group(FieldGroup),
    Field(usize),
    /// A line of a field's error, wrapped to the form's width so that it is read whole.
    Error(String),
}

/// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own).
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

fn entries(form: &ProspectForm, width: usize) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut group = None;
    for &i in &form.order {
        let field = &Field::ALL[i];
        if group != Some(field.group()) {
            group = Some(field.group());
            out.push(Entry::Group(field.group()));
        }
        out.push(Entry::Field(i));
        if let Some(message) = form.visible_error(i) {
            out.extend(
                wrapped(&format!("✗ {message}"), width.saturating_sub(2).max(10))
                    .into_iter()
                    .map(Entry::Error),
            );
        }
    }
    out
}

pub fn render(frame: &mut Frame, app: &App, form: &ProspectForm) {
    let areas = layout::prospect(frame.area(), has_banner(app));
    let name = if form.draft.name.is_empty() { "new prospect" } else { form.draft.name.as_str() };
    chrome(frame, app, &areas.frame, name, form.dirty());
    render_form(frame, app, form, areas.form);
    panel::render(frame, app, form, areas.panel);
}

fn render_form(frame: &mut Frame, app: &App, form: &ProspectForm, area: Rect) {
    let t = app.theme;
    let field = form.field();
    let hint = format!(" {} ", field.kind().hint());
    let block = Block::bordered().title(" Prospect ").title_bottom(Line::styled(hint, t.dim()));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let lines = entries(form, inner.width as usize);
    let height = inner.height as usize;
    let focus_line = lines.iter().position(|e| matches!(e, Entry::Field(i) if *i == form.focus)).unwrap_or(0);
    let offset = focus_line.saturating_sub(height / 2).min(lines.len().saturating_sub(height));
    let value_width = inner.width.saturating_sub(LABEL) as usize;

    let mut text = Vec::new();
    for (row, entry) in lines.iter().enumerate().skip(offset).take(height) {
        let line = match entry {
            Entry::Group(g) => Line::styled(g.label().to_string(), t.title()),
            Entry::Field(i) => {
                let field = Field::ALL[*i];
                let focused = *i == form.focus;
                // The status is shown, not typed: only a decision changes it.
                let decision = field == Field::Status;
                let label_style = if focused {
                    t.key()
                } else if decision {
                    t.dim()
                } else {
                    Style::new()
                };
                // A field a plausibility warning names is marked "!" (its text is in the panel).
                let warned = form.evaluation.assessment.warnings.iter().any(|w| w.fields.contains(&field));
                let (marker, marker_style) = match (focused, form.visible_error(*i).is_some(), warned) {
                    (true, _, _) => ("›", label_style),
                    (false, true, _) => ("✗", label_style),
                    (false, false, true) => ("!", t.warning()),
                    (false, false, false) => (" ", label_style),
                };
                let input = &form.inputs[*i];
                let (value, cursor) = if focused {
                    window(input.text(), input.cursor(), value_width)
                } else if decision {
                    (fit(form.original.status.label(), value_width), 0)
                } else {
                    (fit(input.text(), value_width), 0)
                };
                let mut spans = vec![
                    Span::styled(marker, marker_style),
                    Span::styled(format!("{:<w$}", field.label(), w = LABEL as usize - 1), label_style),
                    Span::styled(value.clone(), if decision { t.dim() } else { Style::new() }),
                ];
                // How the status changes, where it fits beside it.
                let hint = "  (Ctrl-D to decide)";
                if decision && value.chars().count() + hint.chars().count() <= value_width {
                    spans.push(Span::styled(hint, t.dim()));
                }
                if focused {
                    let x = inner.x + LABEL + cursor as u16;
                    let y = inner.y + (row - offset) as u16;
                    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), y));
                }
                Line::from(spans)
            }
            Entry::Error(part) => Line::styled(format!("  {part}"), t.error()),
        };
        text.push(line);
    }
    frame.render_widget(Paragraph::new(text), inner);
}

/// The part of the focused value around the cursor, and the cursor's column in it.
fn window(text: &str, cursor: usize, width: usize) -> (String, usize) {
    let start = if cursor >= width { cursor + 1 - width } else { 0 };
    let mut shown: String = text.chars().skip(start).take(width).collect();
    if start > 0 {
        // Say that the start is out of view.
        shown.replace_range(..shown.char_indices().nth(1).map_or(shown.len(), |(i, _)| i), "…");
    }
    (shown, cursor - start)
}
