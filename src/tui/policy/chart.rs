//! A scoring curve drawn: health (0 to 1) against the input, straight between its points, the
//! focused point marked, so that a credit manager sees the shape an edit gives it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph};

use super::sections::Block as Page;
use super::state::PolicyEditor;
use crate::tui::kit::theme::Theme;

/// A number on an axis: no more digits than it needs.
fn tick(x: f64) -> String {
    let text = format!("{x:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub fn curve_chart(frame: &mut Frame, e: &PolicyEditor, page: &Page, t: Theme, area: Rect) {
    let block = Block::bordered().title(format!(" health by {} ", page.title));
    let points: Vec<(f64, f64)> = page
        .rows
        .iter()
        .filter_map(|r| match r.cells.as_slice() {
            [Some(x), Some(y)] => Some((e.number(*x)?, e.number(*y)?)),
            _ => None,
        })
        .collect();
    if points.is_empty() {
        frame.render_widget(Paragraph::new("No points to draw").block(block), area);
        return;
    }
    let (lo, hi) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), (x, _)| (lo.min(*x), hi.max(*x)));
    let (lo, hi) = if hi - lo > f64::EPSILON { (lo, hi) } else { (lo - 1.0, hi + 1.0) };
    let row = e.place().row;
    let mark: Vec<(f64, f64)> = points.get(row).copied().into_iter().collect();
    let data = vec![
        Dataset::default().marker(Marker::Braille).graph_type(GraphType::Line).style(t.key()).data(&points),
        Dataset::default()
            .marker(Marker::Block)
            .graph_type(GraphType::Scatter)
            .style(t.warning())
            .data(&mark),
    ];
    let chart = Chart::new(data)
        .block(block)
        .x_axis(
            Axis::default()
                .title(page.columns.first().cloned().unwrap_or_default())
                .bounds([lo, hi])
                .labels([tick(lo), tick(hi)]),
        )
        .y_axis(Axis::default().title("health").bounds([0.0, 1.0]).labels(["0", "1"]));
    frame.render_widget(chart, area);
}
