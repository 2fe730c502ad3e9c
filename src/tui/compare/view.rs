//! Deals side by side: one column per prospect, on suggested or edited terms, and the verdict.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, Wrap};

use rust_decimal::Decimal;

use super::state::CompareView;
use crate::domain::compare::{Side, verdict};
use crate::domain::economics::Economics;
use crate::domain::evaluate::{Evaluation, evaluate};
use crate::domain::format;
use crate::domain::money::Money;
use crate::domain::prospect::{Prospect, Terms};
use crate::tui::app::App;
use crate::tui::kit::chrome::{chrome, has_banner};
use crate::tui::kit::layout;

/// One deal's column: the prospect, its evaluation and the terms it is compared on.
struct DealColumn<'a> {
    prospect: &'a Prospect,
    evaluation: Evaluation,
    terms: Terms,
    economics: Option<Economics>,
    edited: bool,
}

fn columns<'a>(app: &'a App, view: &CompareView) -> Vec<DealColumn<'a>> {
    view.ids
        .iter()
        .filter_map(|id| app.portfolio.position(*id).and_then(|i| app.portfolio.prospect(i)))
        .map(|p| {
            let evaluation = evaluate(p, &app.policy, app.today);
            let edited = if view.edited { app.edited_terms(p) } else { None };
            let terms = edited.clone().unwrap_or_else(|| evaluation.suggestion.terms.clone());
            let economics = evaluation.economics_on(&terms, &app.policy);
            DealColumn { prospect: p, evaluation, terms, economics, edited: edited.is_some() }
        })
        .collect()
}

const LABELS: [&str; 16] = [
    "Band (score)",
    "Segment",
    "Channel",
    "Volume",
    "Gross margin %",
    "Terms",
    "Security",
    "Credit limit",
    "Avg receivable",
    "Expected loss",
    "Financing cost",
    "Cost to serve",
    "Security cost",
    "Risk-adj. profit",
    "Margin after risk",
    "Return on exposure",
];

/// The text of row `i` (in `LABELS` order) for one column.
fn cell(i: usize, c: &DealColumn) -> String {
    let money =
        |get: fn(&Economics) -> Money| c.economics.as_ref().map_or("—".into(), |e| get(e).grouped());
    let pct = |v: Option<Decimal>| v.map_or("—".into(), format::percent);
    let a = &c.evaluation.assessment;
    match i {
        0 => format!("{} ({})", a.band, a.score.map_or("—".into(), format::score)),
        1 => c.evaluation.segment.map_or("—".into(), |s| s.to_string()),
        2 => c.terms.channel.label().to_string(),
        3 => c.prospect.annual_volume.map_or("—".into(), |v| v.grouped()),
        4 => c.evaluation.deal.as_ref().map_or("—".into(), |d| format!("{} %", d.margin)),
        5 => {
            let mark = if c.edited { "*" } else { "" };
            format!("{}{mark} days, {} % adv.", c.terms.payment_days, c.terms.advance_pct)
        }
        6 => c.terms.security.label().to_string(),
        7 => c.terms.credit_limit.grouped(),
        8 => money(|e| e.average_receivable),
        9 => money(|e| e.expected_loss),
        10 => money(|e| e.financing_cost),
        11 => money(|e| e.cost_to_serve),
        12 => money(|e| e.security_cost),
        13 => money(|e| e.risk_adjusted_profit),
        14 => pct(c.economics.as_ref().and_then(|e| e.margin_pct)),
        _ => pct(c.economics.as_ref().and_then(|e| e.return_on_exposure_pct)),
    }
}

pub fn render(frame: &mut Frame, app: &App, view: &CompareView) {
    let t = app.theme;
    let f = layout::frame(frame.area(), has_banner(app));
    let which = if view.edited { "edited terms" } else { "suggested terms" };
    chrome(frame, app, &f, &format!("compare on {which}"), false);
    let cols = columns(app, view);
    let [table_area, verdict_area] =
        Layout::vertical([Constraint::Min(10), Constraint::Length(3)]).areas(f.body);

    let header = Row::new(
        std::iter::once(Line::from(""))
            .chain(cols.iter().enumerate().map(|(i, c)| {
                let style = if i == view.column { t.selected() } else { t.header() };
                Line::styled(c.prospect.name.clone(), style)
            }))
            .collect::<Vec<_>>(),
    );
    let rows: Vec<Row> = LABELS
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let cells = cols.iter().map(|c| Line::from(cell(i, c)));
            Row::new(std::iter::once(Line::from(*label)).chain(cells).collect::<Vec<_>>())
        })
        .collect();
    let mut widths = vec![Constraint::Length(19)];
    widths.extend(cols.iter().map(|_| Constraint::Fill(1)));
    // On a short terminal the frame goes, so that every row of figures still fits.
    let block = if f.body.height >= 24 { Block::bordered() } else { Block::default() };
    frame.render_widget(Table::new(rows, widths).header(header).column_spacing(1).block(block), table_area);

    let sides: Vec<Side> =
        cols.iter().map(|c| Side { name: &c.prospect.name, economics: c.economics.as_ref() }).collect();
    let mut text = vec![Line::styled(verdict(&sides), t.title())];
    if cols.iter().any(|c| c.edited) {
        text.push(Line::styled("* edited in the what-if or agreed in a decision", t.dim()));
    }
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), verdict_area);
}
