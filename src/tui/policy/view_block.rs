//! A section's blocks as lines: a table with its headings (a grid of cells, the focused one
//! highlighted) or a list of labelled values with their units, each edited value marked.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::choices::{choices, short_label};
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
fn cell_text(e: &PolicyEditor, leaf: usize, grid: bool) -> (String, bool) {
    let Some(l) = e.leaves.get(leaf) else { return (String::new(), false) };
    let focus = if leaf == e.focus { "›" } else { " " };
    if leaf == e.focus
        && let Some(line) = &e.typing
    {
        return (format!("{focus}{}▏", line.text()), false);
    }
    let differs = e.differs(l);
    let shown = match e.value(l) {
        key if grid && !choices(&l.path).is_empty() => short_label(&l.path, &key),
        _ => e.shown(l),
    };
    (format!("{focus}{shown}{}", if differs { "●" } else { "" }), differs)
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

/// Text broken at spaces into at most `most` lines of `width` characters; the last line cut
/// with "…" if the text is longer still.
fn wrap(text: &str, width: usize, most: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        let fits = lines.last().is_some_and(|l| l.chars().count() + 1 + word.chars().count() <= width);
        let full = lines.len() == most;
        match lines.last_mut() {
            Some(line) if fits || full => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.iter().map(|l| fit(l, width)).collect()
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
        .map(|&i| cell_text(e, i, true).0.chars().count())
        .max()
        .unwrap_or(0);
    let heads = block.columns.iter().map(|c| c.chars().count()).max().unwrap_or(0);
    let cell = (widest.max(heads) + 2).clamp(8, room.max(8));
    // Headings and values that do not fit take a second line.
    let heads: Vec<Vec<String>> = block.columns.iter().map(|c| wrap(c, cell - 2, 2)).collect();
    for line in 0..heads.iter().map(Vec::len).max().unwrap_or(1) {
        let corner =
            if line == 0 { fit(&block.corner, label_width - 2) } else { " ".repeat(label_width - 2) };
        let heading: String = heads
            .iter()
            .map(|h| format!(" {} ", h.get(line).cloned().unwrap_or_else(|| " ".repeat(cell - 2))))
            .collect();
        drawn.lines.push(Line::styled(format!(" {corner} {heading}"), t.header()));
    }
    for row in &block.rows {
        let cells: Vec<Option<(usize, Vec<String>, bool)>> = row
            .cells
            .iter()
            .map(|c| {
                let i = (*c)?;
                let (text, differs) = cell_text(e, i, true);
                let (marker, body) = text.split_at(text.chars().next().map_or(0, char::len_utf8));
                let mut lines = wrap(body, cell - 2, 2);
                for (k, line) in lines.iter_mut().enumerate() {
                    *line = format!("{}{line}", if k == 0 { marker } else { " " });
                }
                Some((i, lines, differs))
            })
            .collect();
        let height = cells.iter().flatten().map(|(_, l, _)| l.len()).max().unwrap_or(1);
        if row.cells.contains(&Some(e.focus)) {
            drawn.focus_line = drawn.lines.len();
        }
        for line in 0..height {
            let label =
                if line == 0 { fit(&row.label, label_width - 2) } else { " ".repeat(label_width - 2) };
            let mut spans = vec![Span::raw(format!(" {label} "))];
            for c in &cells {
                match c {
                    Some((i, lines, differs)) => {
                        let text = lines.get(line).cloned().unwrap_or_else(|| " ".repeat(cell - 1));
                        spans.push(Span::styled(text, cell_style(e, *i, *differs, t)));
                        spans.push(Span::raw(" "));
                    }
                    None if line == 0 => spans.push(Span::raw(format!("{:cell$}", " —"))),
                    None => spans.push(Span::raw(" ".repeat(cell))),
                }
            }
            drawn.lines.push(Line::from(spans));
        }
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
        let (text, differs) = cell_text(e, i, false);
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
