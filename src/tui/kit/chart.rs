//! A line chart of risk-adjusted profit across one term, with the current value marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph};

use super::theme::Theme;
use crate::domain::money::Money;

/// Risk-adjusted profit across one term, with the current value marked.
pub fn profit_chart(
    frame: &mut Frame,
    t: Theme,
    series: &[(u32, Money)],
    current: u32,
    max_x: f64,
    what: &str,
    area: Rect,
) {
    let block = Block::bordered().title(format!(" Profit by {what} "));
    if series.is_empty() {
        frame.render_widget(Paragraph::new("No volume: no chart").block(block), area);
        return;
    }
    let points: Vec<(f64, f64)> = series.iter().map(|(x, m)| (f64::from(*x), m.to_f64())).collect();
    let (lo, hi) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), (_, y)| (lo.min(*y), hi.max(*y)));
    let (lo, hi) = if (hi - lo).abs() < 1.0 { (lo - 1.0, hi + 1.0) } else { (lo, hi) };
    let at = points
        .iter()
        .min_by(|a, b| (a.0 - f64::from(current)).abs().total_cmp(&(b.0 - f64::from(current)).abs()));
    let marker_y = at.map_or(lo, |p| p.1);
    let mark = [(f64::from(current), marker_y)];
    let data = vec![
        Dataset::default().marker(Marker::Braille).graph_type(GraphType::Line).style(t.key()).data(&points),
        Dataset::default()
            .name("now")
            .marker(Marker::Block)
            .graph_type(GraphType::Scatter)
            .style(t.warning())
            .data(&mark),
    ];
    let y_labels = [
        Money::new(rust_decimal::Decimal::from_f64_retain(lo).unwrap_or_default()).grouped(),
        Money::new(rust_decimal::Decimal::from_f64_retain(hi).unwrap_or_default()).grouped(),
    ];
    let chart = Chart::new(data)
        .block(block)
        .x_axis(Axis::default().bounds([0.0, max_x]).labels(["0".to_string(), format!("{max_x:.0}")]))
        .y_axis(Axis::default().bounds([lo, hi]).labels(y_labels));
    frame.render_widget(chart, area);
}
