//! The portfolio as risk bands × volume segments: count, volume and exposure per cell, cells
//! shaded by expected loss, totals per row and column, and the selected cell's policy terms
//! with what its deals carry.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};
use strum::VariantArray;

use super::state::MatrixView;
use crate::domain::format::count;
use crate::domain::money::Money;
use crate::domain::summary::Totals;
use crate::domain::vocabulary::{Band, Segment};
use crate::tui::app::App;
use crate::tui::kit::chrome::{chrome, has_banner, short_amount};
use crate::tui::kit::layout;
use crate::tui::kit::theme::Theme;

/// A cell's two lines: count and volume, then exposure.
fn cell_text(t: &Totals, marker: &str) -> Vec<Line<'static>> {
    if t.count == 0 {
        return vec![Line::from(format!("{marker}—"))];
    }
    vec![
        Line::from(format!("{marker}{} · {}", t.count, short_amount(t.volume()))),
        Line::from(format!(" exp {}", short_amount(t.exposure()))),
    ]
}

/// Shading by expected loss relative to the worst cell; without colour, a marker says it.
fn heat(t: Theme, loss: Money, max: Money) -> (Style, &'static str) {
    if !max.is_positive() || !loss.is_positive() {
        return (Style::new(), " ");
    }
    let share = loss.to_f64() / max.to_f64();
    let (color, marker) = match share {
        s if s > 0.66 => (Color::Red, "▲"),
        s if s > 0.33 => (Color::Yellow, "△"),
        _ => (Color::Green, " "),
    };
    let style = if t.color { Style::new().fg(color) } else { Style::new() };
    (style, marker)
}

pub fn render(frame: &mut Frame, app: &App, view: &MatrixView) {
    let t = app.theme;
    let f = layout::frame(frame.area(), has_banner(app));
    chrome(frame, app, &f, "risk × volume matrix", false);
    let m = &view.matrix;
    let max = m.max_expected_loss();
    let [grid, legend] = Layout::vertical([Constraint::Length(16), Constraint::Min(2)]).areas(f.body);
    let header = Row::new(
        std::iter::once(Cell::from("Band \\ segment"))
            .chain(Segment::VARIANTS.iter().map(|s| Cell::from(s.label())))
            .chain(std::iter::once(Cell::from("All segments")))
            .collect::<Vec<_>>(),
    )
    .style(t.header());
    let mut rows: Vec<Row> = Band::VARIANTS
        .iter()
        .enumerate()
        .map(|(b, band)| {
            let mut cells =
                vec![Cell::from(Line::styled(format!("{band} {}", band.description()), t.band(*band)))];
            for (g, segment) in Segment::VARIANTS.iter().enumerate() {
                let totals = m.cell(*band, *segment);
                let (style, marker) = heat(t, totals.expected_loss(), max);
                let selected = (b, g) == (view.band_index, view.segment_index);
                let style = if selected { t.selected() } else { style };
                cells.push(Cell::from(cell_text(totals, marker)).style(style));
            }
            cells.push(Cell::from(cell_text(&m.by_band[b], " ")));
            Row::new(cells).height(2)
        })
        .collect();
    let mut totals = vec![Cell::from("All bands")];
    totals.extend(m.by_segment.iter().map(|t| Cell::from(cell_text(t, " "))));
    totals.push(Cell::from(cell_text(&m.total, " ")));
    rows.push(Row::new(totals).height(2).style(t.header()));
    let widths: Vec<Constraint> =
        std::iter::once(Constraint::Length(14)).chain((0..6).map(|_| Constraint::Fill(1))).collect();
    frame.render_widget(
        Table::new(rows, widths).header(header).column_spacing(1).block(Block::bordered()),
        grid,
    );
    let unknown = if m.unsegmented.count > 0 {
        let (n, verb) = (m.unsegmented.count, if m.unsegmented.count == 1 { "is" } else { "are" });
        format!(" {} with unknown volume {verb} not in the grid.", count(n, "prospect"))
    } else {
        String::new()
    };
    let text = format!(
        "Each cell: count · volume, then exposure. Shading by expected loss (▲ highest third, △ middle \
         third).{unknown} Enter shows the cell's prospects."
    );
    let (band, segment) = (Band::VARIANTS[view.band_index], Segment::VARIANTS[view.segment_index]);
    let lines = vec![
        Line::from(selected_cell(app, band, segment, m.cell(band, segment))),
        Line::styled(text, t.dim()),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }), legend);
}

/// The selected cell: the policy's terms for it and what its deals carry on their suggested
/// terms (how much of the exposure security covers, the volume the limits carry, RAROC).
fn selected_cell(app: &App, band: Band, segment: Segment, t: &Totals) -> String {
    let cell = app.policy.terms.get(band).cells.get(segment);
    let policy = format!(
        "{band} × {segment}: {} days, {} % advance, {}, {}",
        cell.payment_days,
        cell.advance_pct,
        cell.security.label(),
        cell.delivery.label()
    );
    if t.count == 0 {
        return format!("{policy}; no deals.");
    }
    let raroc = t.raroc_pct().map_or_else(
        || "no capital at risk".to_string(),
        |r| format!("RAROC {}", crate::domain::format::percent(r)),
    );
    // Short amounts without a space inside, so that a wrapped line never splits one.
    let short = |m: Money| short_amount(m).replace(' ', "");
    format!(
        "{policy}. {}: volume sold {} of {}, exposure {} ({} covered), expected loss {}, \
         risk-adj. profit {}, {raroc}.",
        count(t.count, "deal"),
        short(t.volume_sold()),
        short(t.volume()),
        short(t.exposure()),
        short(t.covered()),
        short(t.expected_loss()),
        short(t.risk_adjusted_profit())
    )
}
