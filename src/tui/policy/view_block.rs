//! A section's blocks as lines: a table with its headings (a grid of cells, the focused one
//! highlighted) or a list of labelled values with their units, each edited value marked.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::sections::{Block, Section};
use super::state::PolicyEditor;
use crate::domain::policy_names::label_of;
use crate::tui::kit::theme::Theme;

/// Lines of blocks and the line of the focused value, to scroll to.
pub struct Drawn {
    pub lines: Vec<Line<'static>>,
    pub focus_line: usize,
}

/// The blocks a section shows: all of them, or in a paged section the focused page.
pub fn section_lines(e: &PolicyEditor, section: &Section, t: Theme, width: usize) -> Drawn {
    let mut drawn = Drawn { lines: Vec::new(), focus_line: 0 };
    let page = e.place().block;
    for (i, block) in section.blocks.iter().enumerate() {
        if section.paged && i != page {
            continue;
        }
        // A block named as its section (the bands table in Bands) needs no title of its own.
        if !section.paged && block.title != section.id.title() {
            if !drawn.lines.is_empty() {
                drawn.lines.push(Line::raw(""));
            }
            drawn.lines.push(Line::styled(format!(" {}", block.title), t.header()));
        }
        if block.is_table() {
            table(e, block, t, width, &mut drawn);
        } else {
            list(e, block, t, width, &mut drawn);
        }
    }
    drawn
}

/// A value's text in its cell: being typed, or as a person reads it, after "›" when focused
/// (visible without colour too) and marked "●" when edited.
fn cell_text(e: &PolicyEditor, leaf: usize) -> (String, bool) {
    let Some(l) = e.leaves.get(leaf) else { return (String::new(), false) };
    let focus = if leaf == e.focus { "›" } else { " " };
    if leaf == e.focus
        && let Some(line) = &e.typing
    {
        return (format!("{focus}{}▏", line.text()), false);
    }
    let differs = e.differs(l);
    (format!("{focus}{}{}", e.shown(l), if differs { "●" } else { "" }), differs)
}

fn cell_style(e: &PolicyEditor, leaf: usize, differs: bool, t: Theme) -> Style {
    let Some(l) = e.leaves.get(leaf) else { return Style::new() };
    let style = if e.issue_for(l).is_some() {
        t.error()
    } else if differs {
        t.highlight()
    } else {
        Style::new()
    };
    if leaf == e.focus { style.patch(t.selected()) } else { style }
}

fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        format!("{text:<width$}")
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn table(e: &PolicyEditor, block: &Block, t: Theme, width: usize, drawn: &mut Drawn) {
    let labels = block.rows.iter().map(|r| r.label.chars().count()).chain([block.corner.chars().count()]);
    let label_width = labels.max().unwrap_or(0).min(18) + 3;
    let n = block.columns.len().max(1);
    let room = width.saturating_sub(label_width) / n;
    let widest = block
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().flatten())
        .map(|&i| cell_text(e, i).0.chars().count())
        .max()
        .unwrap_or(0);
    let heads = block.columns.iter().map(|c| c.chars().count()).max().unwrap_or(0);
    let cell = (widest.max(heads) + 2).clamp(8, room.max(8));
    let heading: String = block.columns.iter().map(|c| format!(" {} ", fit(c, cell - 2))).collect();
    let corner = fit(&block.corner, label_width - 2);
    drawn.lines.push(Line::styled(format!(" {corner} {heading}"), t.header()));
    for row in &block.rows {
        let mut spans = vec![Span::raw(format!(" {} ", fit(&row.label, label_width - 2)))];
        for cell_leaf in &row.cells {
            match cell_leaf {
                Some(i) => {
                    let (text, differs) = cell_text(e, *i);
                    if *i == e.focus {
                        drawn.focus_line = drawn.lines.len();
                    }
                    spans.push(Span::styled(fit(&text, cell - 1), cell_style(e, *i, differs, t)));
                    spans.push(Span::raw(" "));
                }
                None => spans.push(Span::raw(format!("{:cell$}", "—"))),
            }
        }
        drawn.lines.push(Line::from(spans));
    }
}

fn list(e: &PolicyEditor, block: &Block, t: Theme, width: usize, drawn: &mut Drawn) {
    let label_width = (width / 2).clamp(20, 40);
    for row in &block.rows {
        let Some(&Some(i)) = row.cells.first() else { continue };
        let focused = i == e.focus;
        if focused {
            drawn.focus_line = drawn.lines.len();
        }
        let (text, differs) = cell_text(e, i);
        let unit = e.leaves.get(i).and_then(|l| label_of(&l.path)).map_or("", |l| l.unit);
        let default = match e.leaves.get(i) {
            Some(l) if differs => format!("  (default {})", e.default_value(l)),
            _ => String::new(),
        };
        let line = Line::from(vec![
            Span::raw(format!(" {} ", fit(&row.label, label_width))),
            Span::styled(format!("{text:>12} "), cell_style(e, i, differs, t)),
            Span::raw(format!(" {unit}")),
            Span::styled(default, t.dim()),
        ]);
        drawn.lines.push(line);
    }
}
