//! The portfolio table: filters and sort on top, the visible rows, the totals of what is shown.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::columns;
use crate::domain::format::{self, fit};
use crate::domain::money::Money;
use crate::domain::prospect::Prospect;
use crate::domain::summary::{Basis, Summary};
use crate::domain::vocabulary::{Segment, Status};
use crate::portfolio::query::Query;
use crate::portfolio::sort::{Column, SortDirection};
use crate::tui::app::App;
use crate::tui::kit::chrome::{chrome, has_banner, short_amount};
use crate::tui::kit::layout;
use crate::tui::kit::theme::Theme;

fn arrow(direction: SortDirection) -> &'static str {
    match direction {
        SortDirection::Ascending => " ▲",
        SortDirection::Descending => " ▼",
    }
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

/// An amount as wide as the column allows: grouped, else about three figures (`2.4M`), else
/// cut with "…".
fn amount(m: Money, width: usize) -> String {
    let grouped = m.grouped();
    if grouped.chars().count() <= width {
        return grouped;
    }
    fit(&short_amount(m), width)
}

/// A column's title, with the sort's arrow on the sorted column; a title cut to make room for
/// the arrow keeps the arrow.
fn title(column: Column, sort: (Column, SortDirection), width: usize) -> String {
    if sort.0 != column {
        return fit(column.title(), width);
    }
    let arrow = arrow(sort.1);
    let whole = format!("{}{arrow}", column.title());
    if whole.chars().count() <= width {
        whole
    } else {
        format!("{}{arrow}", fit(column.title(), width.saturating_sub(arrow.chars().count())))
    }
}

pub fn render(frame: &mut Frame, app: &App) {
    let areas = layout::portfolio(frame.area(), has_banner(app));
    chrome(frame, app, &areas.frame, "portfolio", false);
    render_filters(frame, app, areas.filter);
    let t = app.theme;
    let view = &app.view;
    let shown = columns::shown(areas.body.width);
    let widths: Vec<Constraint> = shown.iter().map(|(_, w)| Constraint::Length(*w)).collect();
    let header = Row::new(shown.iter().map(|&(c, w)| {
        let cell = Cell::from(title(c, view.sort, usize::from(w)));
        if view.sort.0 == c { cell.style(t.selected()) } else { cell }
    }))
    .style(t.header());
    frame.render_widget(Table::new([header], widths.clone()).column_spacing(1), areas.header);

    let height = areas.body.height as usize;
    let mut positions = Vec::new();
    let query = Query::new(view.query.text());
    let table = Cells { narrow: columns::narrow(areas.body.width), t };
    let rows: Vec<Row> = view
        .rows()
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(height)
        .filter_map(|(pos, &index)| {
            let p = app.portfolio.prospect(index)?;
            let s = app.portfolio.summary(index)?;
            query.positions(&p.name, &mut positions);
            let marked = view.marked.contains(&p.id);
            let cells = shown.iter().map(|&(c, w)| table.cell(c, usize::from(w), p, s, &positions, marked));
            let row = Row::new(cells.collect::<Vec<_>>());
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
        frame.render_widget(Table::new(rows, widths).column_spacing(1), areas.body);
    }
    render_totals(frame, app, areas.totals);
}

/// What the cells of one table need besides the prospect.
struct Cells {
    narrow: bool,
    t: Theme,
}

impl Cells {
    /// One cell, cut to its column's width with "…"; the name with the letters the filter
    /// matched highlighted and a ● when marked.
    fn cell(
        &self,
        column: Column,
        width: usize,
        p: &Prospect,
        s: &Summary,
        matched: &[usize],
        marked: bool,
    ) -> Line<'static> {
        let t = self.t;
        let right = |text: String| Line::from(fit(&text, width)).right_aligned();
        let money = |m: Option<Money>| m.map_or("—".to_string(), |m| amount(m, width));
        match column {
            Column::Name => name_cell(p, matched, marked, width, t),
            Column::Sector => Line::from(fit(p.sector.as_deref().unwrap_or("—"), width)),
            Column::City => Line::from(fit(p.city.as_deref().unwrap_or("—"), width)),
            Column::Band => {
                let band = format!("{}{}", s.band, if s.insufficient_data { "?" } else { "" });
                Line::styled(band, t.band(s.band))
            }
            Column::Score => right(s.score.map_or("—".into(), format::score)),
            Column::Pd => right(format::pd_percent(s.pd)),
            Column::Dbt => right(s.dbt_days.map_or("—".into(), |d| d.to_string())),
            Column::Segment => Line::from(s.segment.map_or("—", |x| segment_text(x, self.narrow))),
            Column::Volume => right(money(s.volume)),
            // Agreed terms are marked, as the compare screen marks edited ones.
            Column::Days => right(format!("{}{}", s.payment_days, agreed_mark(s.basis))),
            Column::Advance => right(format!("{}{}", s.advance, agreed_mark(s.basis))),
            Column::Exposure => right(money(Some(s.exposure))),
            Column::ExpectedLoss => right(money(Some(s.expected_loss))),
            Column::Profit => {
                let style = if s.risk_adjusted_profit.is_some_and(|m| m.is_negative()) {
                    t.bad()
                } else {
                    Style::new()
                };
                Line::styled(money(s.risk_adjusted_profit), style).right_aligned()
            }
            Column::Status => Line::from(status_text(s.status, self.narrow)),
        }
    }
}

/// The name, its matched letters highlighted, cut with "…" to the column.
fn name_cell(p: &Prospect, matched: &[usize], marked: bool, width: usize, t: Theme) -> Line<'static> {
    let mut spans: Vec<Span> = Vec::new();
    let mut room = width;
    if marked {
        spans.push(Span::styled("● ", t.key()));
        room = room.saturating_sub(2);
    }
    let cut = fit(&p.name, room);
    let whole = cut.chars().count() == p.name.chars().count();
    for (i, c) in cut.chars().enumerate() {
        let is_ellipsis = !whole && i + 1 == room;
        let style = if matched.contains(&i) && !is_ellipsis { t.highlight() } else { Style::new() };
        spans.push(Span::styled(c.to_string(), style));
    }
    Line::from(spans)
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
    if view.only_marked {
        spans.push(Span::styled("  M ", t.key()));
        spans.push(Span::styled("marked only", t.highlight()));
    }
    let (column, direction) = view.sort;
    spans.push(Span::styled("  <> ", t.key()));
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
    use strum::VariantArray;

    use super::*;

    #[test]
    fn segments_and_statuses_fit_their_columns() {
        // The widths of `columns::shown`: segment 7 narrow, status 10 narrow and 11 wide.
        assert!(Segment::VARIANTS.iter().all(|s| segment_text(*s, true).chars().count() <= 6));
        assert!(Status::VARIANTS.iter().all(|s| status_text(*s, true).chars().count() <= 10));
        assert!(Status::VARIANTS.iter().all(|s| status_text(*s, false).chars().count() <= 11));
        assert_eq!(status_text(Status::ApprovedWithConditions, true), "appr.cond.");
        assert_eq!(segment_text(Segment::Strategic, false), "Strategic");
    }
}
