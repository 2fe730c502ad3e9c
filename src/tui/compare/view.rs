//! Deals side by side: one column per prospect, on suggested or edited terms (the security and
//! its amount, the open part of the limit, the volume sold, months of profit a default takes,
//! RAROC, deviations), and the verdict with what to do with each deal.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, Wrap};

use crate::domain::terms::deviations::deviations;
use crate::domain::terms::security::unsecured_limit;
use rust_decimal::Decimal;

use super::state::CompareView;
use crate::domain::compare::{Side, todo, verdict};
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
    "Segment, channel",
    "Volume (sold)",
    "Gross margin %",
    "Terms",
    "Security",
    "Limit (open)",
    "Expected loss",
    "Financing cost",
    "Cost to serve",
    "Security cost",
    "Risk-adj. profit",
    "Margin after risk",
    "Months lost",
    "RAROC",
    "Deviations",
];

/// The text of row `i` (in `LABELS` order) for one column.
fn cell(i: usize, c: &DealColumn) -> String {
    let money =
        |get: fn(&Economics) -> Money| c.economics.as_ref().map_or("—".into(), |e| get(e).grouped());
    let ratio = |get: fn(&Economics) -> Option<Decimal>, unit: &str, none: &str| {
        c.economics.as_ref().map_or("—".into(), |e| get(e).map_or(none.into(), |m| format::tenths(m, unit)))
    };
    let a = &c.evaluation.assessment;
    let t = &c.terms;
    match i {
        0 => format!("{} ({})", a.band, a.score.map_or("—".into(), format::score)),
        1 => format!("{}, {}", c.evaluation.segment.map_or("—".into(), |s| s.to_string()), t.channel.label()),
        2 => {
            let volume = c.prospect.annual_volume.map_or("—".into(), |v| v.grouped());
            match &c.economics {
                Some(x) if Some(x.volume_sold) != c.prospect.annual_volume => {
                    format!("{volume} ({})", x.volume_sold.grouped())
                }
                _ => volume,
            }
        }
        3 => c.evaluation.deal.as_ref().map_or("—".into(), |d| format!("{} %", d.margin)),
        4 => {
            let mark = if c.edited { "*" } else { "" };
            format!("{}{mark} days, {} % adv.", t.payment_days, t.advance_pct)
        }
        5 if t.security_amount.is_positive() => {
            format!("{} {}", t.security.label(), t.security_amount.grouped())
        }
        5 => t.security.label().to_string(),
        6 => format!(
            "{} ({})",
            t.credit_limit.grouped(),
            unsecured_limit(t.credit_limit, t.security, t.security_amount).grouped()
        ),
        7 => money(|e| e.expected_loss),
        8 => money(|e| e.financing_cost),
        9 => money(|e| e.cost_to_serve),
        10 => money(|e| e.security_cost),
        11 => money(|e| e.risk_adjusted_profit),
        12 => ratio(|e| e.margin_pct, "%", "n/a"),
        13 => ratio(|e| e.loss_at_default_months, "mo", "no profit"),
        14 => ratio(|e| e.raroc_pct, "%", "n/a"),
        _ => match deviations(t, &c.evaluation.suggestion).len() {
            0 => "within policy".into(),
            n => format!("{n} from policy"),
        },
    }
}

pub fn render(frame: &mut Frame, app: &App, view: &CompareView) {
    let t = app.theme;
    let f = layout::frame(frame.area(), has_banner(app));
    let which = if view.edited { "edited terms" } else { "suggested terms" };
    chrome(frame, app, &f, &format!("compare on {which}"), false);
    let cols = columns(app, view);
    // On a short terminal the frame goes, so that every row of figures still fits; the verdict
    // takes the rest.
    let framed = f.body.height >= 24;
    let table_height = LABELS.len() as u16 + 1 + if framed { 2 } else { 0 };
    let [table_area, verdict_area] =
        Layout::vertical([Constraint::Length(table_height), Constraint::Min(3)]).areas(f.body);

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
    let block = if framed { Block::bordered() } else { Block::default() };
    frame.render_widget(Table::new(rows, widths).header(header).column_spacing(1).block(block), table_area);

    let sides: Vec<Side> = cols
        .iter()
        .map(|c| Side {
            name: &c.prospect.name,
            economics: c.economics.as_ref(),
            terms: &c.terms,
            deviations: deviations(&c.terms, &c.evaluation.suggestion).len(),
        })
        .collect();
    let months = app.policy.capital.max_loss_months;
    // Where the whole verdict does not fit, what to do with each deal goes first.
    let full = verdict(&sides, months);
    let fits = Paragraph::new(full.as_str()).wrap(Wrap { trim: true }).line_count(verdict_area.width)
        <= usize::from(verdict_area.height);
    let shown = if fits || sides.len() < 2 { full } else { format!("{}.", todo(&sides, months)) };
    let mut text = vec![Line::styled(shown, t.title())];
    if cols.iter().any(|c| c.edited) {
        text.push(Line::styled("* edited in the what-if or agreed in a decision", t.dim()));
    }
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), verdict_area);
}
