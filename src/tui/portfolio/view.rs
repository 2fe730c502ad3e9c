//! The portfolio table: filters and sort on top, the visible rows, the totals of what is shown.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};
use strum::VariantArray;

use crate::domain::prospect::Prospect;
use crate::domain::summary::{Basis, Summary};
use crate::domain::vocabulary::{Segment, Status};
use crate::portfolio::names;
use crate::portfolio::sort::{Column, SortDirection};
use crate::tui::app::App;
use crate::tui::kit::chrome::{chrome, has_banner};
use crate::tui::kit::layout;
use crate::tui::kit::theme::Theme;

fn arrow(direction: SortDirection) -> &'static str {
    match direction {
        SortDirection::Ascending => " ▲",
        SortDirection::Descending => " ▼",
    }
}

/// Whether the table is narrow enough to abbreviate (an 80-column terminal).
fn narrow(area: Rect) -> bool {
    area.width < 100
}

/// A segment in at most 6 characters when narrow (the column is 7 wide), else its label.
fn segment_text(segment: Segment, narrow: bool) -> &'static str {
    match segment {
        Segment::Strategic if narrow => "Strat.",
        other => other.label(),
    }
}

/// A status in at most 10 characters when narrow, else at most 11 (the column's widths).
fn status_text(status: Status, narrow: bool) -> &'static str {
    match status {
        Status::ApprovedWithConditions if narrow => "appr.cond.",
        Status::ApprovedWithConditions => "appr. cond.",
        Status::RoutedToPartner => "to partner",
        other => other.label(),
    }
}

/// Column widths; the name takes what is left.
fn widths(narrow: bool) -> [Constraint; 9] {
    let (segment, money, status) = if narrow { (7, 10, 10) } else { (9, 12, 11) };
    [
        Constraint::Min(12),
        Constraint::Length(4),
        Constraint::Length(5),
        Constraint::Length(segment),
        Constraint::Length(money),
        Constraint::Length(4),
        Constraint::Length(5),
        Constraint::Length(money),
        Constraint::Length(status),
    ]
}

pub fn render(frame: &mut Frame, app: &App) {
    let areas = layout::portfolio(frame.area(), has_banner(app));
    chrome(frame, app, &areas.frame, "portfolio", false);
    render_filters(frame, app, areas.filter);
    let t = app.theme;
    let view = &app.view;
    let narrow = narrow(areas.body);
    let header = Row::new(Column::VARIANTS.iter().map(|&c| {
        if view.sort.0 == c {
            Cell::from(format!("{}{}", c.title(), arrow(view.sort.1))).style(t.selected())
        } else {
            Cell::from(c.title())
        }
    }))
    .style(t.header());
    frame.render_widget(Table::new([header], widths(narrow)).column_spacing(1), areas.header);

    let height = areas.body.height as usize;
    let mut positions = Vec::new();
    let rows: Vec<Row> = view
        .rows()
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(height)
        .filter_map(|(pos, &index)| {
            let p = app.portfolio.prospect(index)?;
            let s = app.portfolio.summary(index)?;
            names::matches(view.query.text(), &p.name, &mut positions);
            let marked = view.marked.contains(&p.id);
            let row = row(p, s, &positions, marked, narrow, t);
            Some(if pos == view.selected { row.style(t.selected()) } else { row })
        })
        .collect();
    if rows.is_empty() {
        let text = if app.portfolio.is_empty() {
            "No prospects yet: n adds one."
        } else {
            "No prospect matches the filters: Esc clears them."
        };
        frame.render_widget(Paragraph::new(text).style(t.dim()), areas.body);
    } else {
        frame.render_widget(Table::new(rows, widths(narrow)).column_spacing(1), areas.body);
    }
    render_totals(frame, app, areas.totals);
}

/// One table row, with the letters the filter matched highlighted.
fn row<'a>(p: &'a Prospect, s: &Summary, matched: &[usize], marked: bool, narrow: bool, t: Theme) -> Row<'a> {
    let mut name: Vec<Span> = Vec::new();
    if marked {
        name.push(Span::styled("● ", t.key()));
    }
    for (i, c) in p.name.chars().enumerate() {
        let style = if matched.contains(&i) { t.highlight() } else { Style::new() };
        name.push(Span::styled(c.to_string(), style));
    }
    let band = format!("{}{}", s.band, if s.insufficient_data { "?" } else { "" });
    let profit = s.risk_adjusted_profit.map_or("—".to_string(), |m| m.grouped());
    let profit_style =
        if s.risk_adjusted_profit.is_some_and(|m| m.is_negative()) { t.bad() } else { Style::new() };
    Row::new(vec![
        Line::from(name),
        Line::styled(band, t.band(s.band)),
        Line::from(s.score.map_or("—".into(), |v| format!("{v:.1}"))).right_aligned(),
        Line::from(s.segment.map_or("—", |x| segment_text(x, narrow))),
        Line::from(s.volume.map_or("—".into(), |v| v.grouped())).right_aligned(),
        // Agreed terms are marked, as the compare screen marks edited ones.
        Line::from(format!("{}{}", s.payment_days, agreed_mark(s.basis))).right_aligned(),
        Line::from(format!("{}{}", s.advance, agreed_mark(s.basis))).right_aligned(),
        Line::styled(profit, profit_style).right_aligned(),
        Line::from(status_text(s.status, narrow)),
    ])
}

/// `*` after the terms of a row on agreed terms.
fn agreed_mark(basis: Basis) -> &'static str {
    if matches!(basis, Basis::Agreed | Basis::Partner) { "*" } else { "" }
}

fn render_filters(frame: &mut Frame, app: &App, area: Rect) {
    let t = app.theme;
    let view = &app.view;
    let mut spans = vec![Span::styled(" / ", t.key())];
    if view.typing || !view.query.text().is_empty() {
        spans.push(Span::raw(view.query.text().to_string()));
    } else {
        spans.push(Span::styled("name", t.dim()));
    }
    let choice = |label: &str, value: Option<String>, key: &str| -> Vec<Span<'static>> {
        vec![
            Span::styled(format!("  {key} "), t.key()),
            Span::raw(format!("{label}: ")),
            match value {
                Some(v) => Span::styled(v, t.highlight()),
                None => Span::raw("all"),
            },
        ]
    };
    spans.extend(choice("band", view.band.map(|b| b.to_string()), "b"));
    spans.extend(choice("segment", view.segment.map(|s| s.label().to_string()), "v"));
    spans.extend(choice("status", view.status.map(|s| s.label().to_string()), "f"));
    if let Some(day) = view.due_by {
        spans.push(Span::styled("  R ", t.key()));
        spans.push(Span::styled(format!("due for review by {day}"), t.highlight()));
    }
    let (column, direction) = view.sort;
    spans.push(Span::styled("  s ", t.key()));
    spans.push(Span::raw(format!("sort: {}{}", column.title(), arrow(direction))));
    spans.push(Span::styled(format!("   {} of {}", view.rows().len(), app.portfolio.len()), t.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if view.typing {
        let x = area.x + 3 + view.query.cursor() as u16;
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

fn render_totals(frame: &mut Frame, app: &App, area: Rect) {
    let totals = app.view.totals();
    let names = if area.width >= 150 {
        ["shown", "volume", "exposure", "expected loss", "risk-adj. profit"]
    } else {
        ["shown", "vol", "exp", "EL", "RAP"]
    };
    let [shown, volume, exposure, loss, profit] = names;
    let sums = format!(
        " {} {shown} · {volume} {} · {exposure} {} · {loss} {} · {profit} {} ",
        totals.count,
        totals.volume().grouped(),
        totals.exposure().grouped(),
        totals.expected_loss().grouped(),
        totals.risk_adjusted_profit().grouped()
    );
    // What the sums count, said as fully as the line allows (the last one is cut if need be).
    let bases = [
        "· * agreed terms, routed ones through the partner; declined, on hold left out",
        "· *agreed, routed via partner; decl./hold out",
        "· *agreed; decl./hold out",
    ];
    let room = usize::from(area.width).saturating_sub(sums.chars().count());
    let basis = bases.iter().find(|b| b.chars().count() <= room).unwrap_or(&bases[2]);
    frame.render_widget(Paragraph::new(format!("{sums}{basis}")).style(app.theme.header()), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_and_statuses_fit_their_columns() {
        // The widths of `widths`: segment 7 narrow, status 10 narrow and 11 wide.
        assert!(Segment::VARIANTS.iter().all(|s| segment_text(*s, true).chars().count() <= 6));
        assert!(Status::VARIANTS.iter().all(|s| status_text(*s, true).chars().count() <= 10));
        assert!(Status::VARIANTS.iter().all(|s| status_text(*s, false).chars().count() <= 11));
        assert_eq!(status_text(Status::ApprovedWithConditions, true), "appr.cond.");
        assert_eq!(segment_text(Segment::Strategic, false), "Strategic");
    }
}
