//! The what-if: suggested and edited terms side by side, every figure of both with its change
//! (volume sold, the unsecured part, months of profit a default takes, RAROC), the deviations
//! from policy and the warnings, the goal seek, what to ask for, and profit across payment days
//! (up to the legal ceiling) and advance.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, Wrap};
use strum::VariantArray;

use super::state::{TermsEditor, TermsField};
use crate::domain::economics::Economics;
use crate::domain::format;
use crate::domain::money::Money;
use crate::domain::prospect::Terms;
use crate::domain::vocabulary::{Channel, Delivery, Security};
use crate::tui::app::App;
use crate::tui::kit::chart::profit_chart;
use crate::tui::kit::chrome::{chrome, has_banner, short_amount};
use crate::tui::kit::layout;
use crate::tui::kit::theme::Theme;
use crate::tui::kit::wrap;
use rust_decimal::Decimal;

pub fn render(frame: &mut Frame, app: &App, e: &TermsEditor) {
    let f = layout::frame(frame.area(), has_banner(app));
    chrome(frame, app, &f, &format!("terms of {}", e.prospect.name), false);
    let width = f.body.width;
    let narrow = width < 100;
    // The editor's value columns: full choice names from 120 columns, shortened below.
    let value_width: u16 = match width {
        120.. => 18,
        100.. => 13,
        _ => 9,
    };
    // On a short terminal the charts give way to two lines of figures, and those to the
    // messages when they need the room: a warning is never cut for a chart.
    let messages_text = messages(app.theme, e, width);
    // The figures' 16 rows come first and whole (RAROC is their last row); the messages and
    // charts share what is left, so that no Min of theirs squeezes the figures.
    let rest = f.body.height.saturating_sub(FIGURES_HEIGHT);
    let (charts_height, charts_rows) = match f.body.height {
        26.. => (Constraint::Min(4), 4),
        _ if messages_text.line_count(width) <= usize::from(rest.saturating_sub(2)) => {
            (Constraint::Length(2), 2)
        }
        _ => (Constraint::Length(0), 0),
    };
    let [top, messages, charts] = Layout::vertical([
        Constraint::Length(FIGURES_HEIGHT),
        Constraint::Min(rest.saturating_sub(charts_rows).min(3)),
        charts_height,
    ])
    .areas(f.body);
    let editor_width = 2 * value_width + if width >= 120 { 28 } else { 16 };
    let [left, right] =
        Layout::horizontal([Constraint::Length(editor_width), Constraint::Min(30)]).areas(top);
    render_editor(frame, app.theme, e, left, value_width, width < 120);
    render_figures(frame, app.theme, e, right, narrow || right.width < 56);
    frame.render_widget(messages_text, messages);
    render_charts(frame, app.theme, e, charts);
}

/// The figures' panel: a header, the amounts and the measures, inside a border.
const FIGURES_HEIGHT: u16 = 1 + FIGURES.len() as u16 + MEASURES.len() as u16 + 2;

/// Choices in at most 9 characters, for 80-column terminals.
fn short_choice(field: TermsField, terms: &Terms) -> Option<&'static str> {
    Some(match field {
        TermsField::Delivery => match terms.delivery {
            Delivery::Standard => "standard",
            Delivery::Partial => "partial",
            Delivery::CashOnDelivery => "COD",
            Delivery::AfterPayment => "after pay",
        },
        TermsField::Security => match terms.security {
            Security::None => "none",
            Security::RetentionOfTitle => "ret.title",
            Security::CreditInsurance => "insurance",
            Security::BankGuarantee => "bank gtee",
            Security::LetterOfCredit => "L/C",
        },
        TermsField::Channel => match terms.channel {
            Channel::KeyAccount => "key acct",
            Channel::Direct => "direct",
            Channel::InsideSales => "inside",
            Channel::Partner => "partner",
            Channel::Wholesaler => "wholesale",
        },
        _ => return None,
    })
}

fn short_label(field: TermsField) -> &'static str {
    match field {
        TermsField::PaymentDays => "Days",
        TermsField::Advance => "Advance %",
        TermsField::Discount => "Discount %",
        TermsField::CreditLimit => "Limit",
        TermsField::Delivery => "Delivery",
        TermsField::Security => "Security",
        TermsField::Channel => "Channel",
        TermsField::DiscountDays => "Disc. days",
        TermsField::SecurityAmount => "Sec. amount",
        TermsField::MaxMonths => "Goal months",
    }
}

fn render_editor(frame: &mut Frame, t: Theme, e: &TermsEditor, area: Rect, value_width: u16, narrow: bool) {
    let rows: Vec<Row> = TermsField::VARIANTS
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let focused = i == e.focus;
            let show = |terms: &Terms| {
                if value_width < 13 { short_choice(*field, terms) } else { None }
                    .map_or_else(|| e.value(*field, terms), str::to_string)
            };
            let suggested = if *field == TermsField::MaxMonths { "—".into() } else { show(e.suggested()) };
            let edited = match (&e.typing, focused) {
                (Some(line), true) => format!("{}▏", line.text()),
                _ => show(&e.edited),
            };
            let changed = *field != TermsField::MaxMonths && suggested != edited;
            let label = if narrow { short_label(*field) } else { field.label() };
            let marker = if focused { "›" } else { " " };
            let row = Row::new(vec![
                Line::from(format!("{marker}{label}")),
                Line::styled(suggested, t.dim()),
                Line::styled(edited, if changed { t.highlight() } else { Style::new() }),
            ]);
            if focused { row.style(t.selected()) } else { row }
        })
        .collect();
    let header = Row::new(["Term", "Suggested", "Edited"]).style(t.header());
    let widths = [Constraint::Min(10), Constraint::Length(value_width), Constraint::Length(value_width)];
    let block = Block::bordered().title(" Terms ");
    frame.render_widget(Table::new(rows, widths).header(header).column_spacing(1).block(block), area);
}

/// One figure: how to read it from the economics, and whether more of it is better.
type Figure = (&'static str, &'static str, fn(&Economics) -> Money, bool);

/// The amounts, with the labels that fit an 80-column terminal.
const FIGURES: [Figure; 10] = [
    ("Gross margin", "Gross margin", |x| x.gross_margin, true),
    ("Discounts", "Discounts", |x| x.discounts, false),
    ("Volume sold", "Vol. sold", |x| x.volume_sold, true),
    ("Exposure", "Exposure", |x| x.exposure, false),
    ("Unsecured part", "Unsecured", |x| x.uncovered(), false),
    ("Expected loss", "Exp. loss", |x| x.expected_loss, false),
    ("Financing cost", "Financing", |x| x.financing_cost, false),
    ("Cost to serve", "Serve cost", |x| x.cost_to_serve, false),
    ("Security cost", "Security", |x| x.security_cost, false),
    ("Risk-adj. profit", "RA profit", |x| x.risk_adjusted_profit, true),
];

/// A measure beside the amounts: its labels, how to read it, its unit, what "none" means and
/// whether more of it is better.
type Measure =
    (&'static str, &'static str, fn(&Economics) -> Option<Decimal>, &'static str, &'static str, bool);

const MEASURES: [Measure; 3] = [
    ("Margin after risk", "Margin", |x| x.margin_pct, "%", "n/a", true),
    ("Months lost", "Months lost", |x| x.loss_at_default_months, "mo", "no profit", false),
    ("RAROC", "RAROC", |x| x.raroc_pct, "%", "n/a", true),
];

/// A change with its sign, styled better or worse (the sign carries it without colour).
fn delta(t: Theme, before: Money, after: Money, more_is_better: bool) -> Line<'static> {
    let d = after - before;
    if d == Money::ZERO {
        return Line::styled("=", t.dim()).right_aligned();
    }
    let better = d.is_positive() == more_is_better;
    let sign = if d.is_positive() { "+" } else { "" };
    Line::styled(format!("{sign}{}", d.grouped()), if better { t.good() } else { t.bad() }).right_aligned()
}

/// A measure's change: points for a percentage, months for months.
fn measure_delta(
    t: Theme,
    before: Option<Decimal>,
    after: Option<Decimal>,
    unit: &str,
    more_is_better: bool,
) -> Line<'static> {
    match (before, after) {
        (Some(b), Some(a)) if a != b => {
            let raw = a - b;
            let better = raw.is_sign_positive() == more_is_better;
            let style = if better { t.good() } else { t.bad() };
            let unit = if unit == "%" { "pt" } else { unit };
            Line::styled(format::change(raw, unit), style).right_aligned()
        }
        (Some(_), Some(_)) | (None, None) => Line::styled("=", t.dim()).right_aligned(),
        _ => Line::styled("—", t.dim()).right_aligned(),
    }
}

fn measure(value: Option<Decimal>, unit: &str, none: &str) -> String {
    value.map_or(none.into(), |v| format::tenths(v, unit))
}

fn render_figures(frame: &mut Frame, t: Theme, e: &TermsEditor, area: Rect, narrow: bool) {
    let block = Block::bordered().title(" Deal economics ");
    let (Some(s), Some(x)) = (&e.evaluation.economics, &e.economics) else {
        let text = Paragraph::new("No economics: the annual volume is unknown.").block(block);
        frame.render_widget(text, area);
        return;
    };
    let mut rows: Vec<Row> = FIGURES
        .iter()
        .map(|(long, short, get, more_is_better)| {
            let (before, after) = (get(s), get(x));
            let style = if *long == "Risk-adj. profit" { t.header() } else { Style::new() };
            Row::new(vec![
                Line::from(if narrow { *short } else { *long }),
                Line::from(before.grouped()).right_aligned(),
                Line::from(after.grouped()).right_aligned(),
                delta(t, before, after, *more_is_better),
            ])
            .style(style)
        })
        .collect();
    rows.extend(MEASURES.iter().map(|(long, short, get, unit, none, more_is_better)| {
        Row::new(vec![
            Line::from(if narrow { *short } else { *long }),
            Line::from(measure(get(s), unit, none)).right_aligned(),
            Line::from(measure(get(x), unit, none)).right_aligned(),
            measure_delta(t, get(s), get(x), unit, *more_is_better),
        ])
    }));
    let w: u16 = if narrow { 9 } else { 11 };
    let widths = [Constraint::Min(12), Constraint::Length(w), Constraint::Length(w), Constraint::Length(w)];
    let header = Row::new(vec![
        Line::from("Figure"),
        Line::from("Suggested").right_aligned(),
        Line::from("Edited").right_aligned(),
        Line::from("Change").right_aligned(),
    ])
    .style(t.header());
    frame.render_widget(Table::new(rows, widths).header(header).column_spacing(1).block(block), area);
}

/// Errors, deviations, warnings, the goal seek's answer and what to ask for, wrapped to `width`
/// with each continuation under its text.
fn messages(t: Theme, e: &TermsEditor, width: u16) -> Paragraph<'static> {
    let mut lines: Vec<Line> = Vec::new();
    if let Some(error) = &e.error {
        lines.push(Line::styled(format!("✗ {error}"), t.error()));
    }
    for d in &e.deviations {
        lines.push(Line::styled(format!("≠ Outside policy: {}", d.text), t.warning()));
    }
    for w in &e.warnings {
        lines.push(Line::styled(format!("⚠ {w}"), t.warning()));
    }
    if let Some(seek) = &e.seek {
        lines.push(Line::from(vec![Span::styled("Goal seek: ", t.key()), Span::raw(seek.clone())]));
    }
    if lines.is_empty() {
        let band = e.evaluation.assessment.band;
        let segment = e.segment().map_or("volume unknown".to_string(), |s| s.to_string());
        lines.push(Line::styled(
            format!(
                "Band {band} × {segment}: within policy. +/− change the focused term; a seeks the least \
                 advance on risk, p the best terms within policy."
            ),
            t.dim(),
        ));
    }
    if let Some(ask) = &e.ask {
        lines.push(Line::styled(ask.clone(), t.dim()));
    }
    // Not trimmed: the continuations' indent is the point.
    Paragraph::new(wrap::hanging(lines, width)).wrap(Wrap { trim: false })
}

fn render_charts(frame: &mut Frame, t: Theme, e: &TermsEditor, area: Rect) {
    if area.height < 6 {
        render_sensitivity_lines(frame, t, e, area);
        return;
    }
    let [days, advance] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let edited = &e.edited;
    // The days chart stops at the legal ceiling: no longer term is on offer.
    let ceiling = e.by_days.last().map_or(60.0, |(d, _)| f64::from(*d));
    profit_chart(frame, t, &e.by_days, edited.payment_days, ceiling, "payment days", days);
    let current =
        rust_decimal::prelude::ToPrimitive::to_u32(&edited.advance_pct.percent().round()).unwrap_or(0);
    profit_chart(frame, t, &e.by_advance, current, 100.0, "advance %", advance);
}

/// On a short terminal, the sensitivity as two lines of figures instead of charts.
fn render_sensitivity_lines(frame: &mut Frame, t: Theme, e: &TermsEditor, area: Rect) {
    let line = |what: &str, unit: &str, every: u32, series: &[(u32, Money)]| -> Line<'static> {
        let points: Vec<String> = series
            .iter()
            .filter(|(x, _)| x % every == 0)
            .map(|(x, m)| format!("{x}{unit} {}", short_amount(*m)))
            .collect();
        Line::from(vec![Span::styled(format!("Profit by {what}: "), t.key()), Span::raw(points.join(" · "))])
    };
    let lines = if e.by_days.is_empty() {
        vec![Line::styled("No sensitivity without an annual volume", t.dim())]
    } else {
        vec![line("days", "d", 30, &e.by_days), line("advance", "%", 25, &e.by_advance)]
    };
    frame.render_widget(Paragraph::new(lines), area);
}
