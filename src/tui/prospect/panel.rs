//! The live assessment beside the form: score, band, PD, coverage, Altman Z'', the default grade
//! and the caps, the figures that do not agree, the reasons by weight, segment and channel, the
//! suggested terms with their "why", and the decisions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, LineGauge, Paragraph, Wrap};

use super::state::ProspectForm;
use crate::domain::decision::agrees_terms;
use crate::domain::evaluate::Evaluation;
use crate::domain::format;
use crate::domain::reason::ReasonKind;
use crate::domain::terms::review_text;
use crate::tui::app::App;
use crate::tui::kit::chrome::{has_banner, pair};
use crate::tui::kit::layout;
use crate::tui::kit::theme::Theme;
use crate::tui::kit::wrap;

/// The panel's text below the gauge, wrapped to the panel's width; its areas.
fn text_and_areas(app: &App, form: &ProspectForm, area: Rect) -> (Paragraph<'static>, Rect, Rect) {
    let inner = Block::bordered().inner(area);
    let [gauge, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let lines = wrap::hanging(lines(app, form), rest.width);
    (Paragraph::new(lines).wrap(Wrap { trim: false }), gauge, rest)
}

/// How far the panel can scroll: the lines that do not fit below the gauge.
pub fn max_scroll(app: &App, form: &ProspectForm) -> u16 {
    let area = layout::prospect(app.size, has_banner(app)).panel;
    let (text, _, rest) = text_and_areas(app, form, area);
    let total = u16::try_from(text.line_count(rest.width)).unwrap_or(u16::MAX);
    total.saturating_sub(rest.height)
}

pub fn render(frame: &mut Frame, app: &App, form: &ProspectForm, area: Rect) {
    let t = app.theme;
    let a = &form.evaluation.assessment;
    let (text, gauge_area, rest) = text_and_areas(app, form, area);
    let total = u16::try_from(text.line_count(rest.width)).unwrap_or(u16::MAX);
    let scroll = form.panel_scroll.min(total.saturating_sub(rest.height));
    let below = total.saturating_sub(rest.height).saturating_sub(scroll);
    let mut block = Block::bordered().title(" Live assessment ");
    let hint = match (below, scroll) {
        (0, 0) => None,
        (0, _) => Some(" ↑ Ctrl-B ".to_string()),
        (more, 0) => Some(format!(" ↓ {more} more: Ctrl-F ")),
        (more, _) => Some(format!(" ↓ {more} more: Ctrl-F · ↑ Ctrl-B ")),
    };
    if let Some(hint) = hint {
        block = block.title_bottom(Line::styled(hint, t.dim()));
    }
    frame.render_widget(block, area);

    let ratio = a.score.map_or(0.0, |s| (s / 100.0).clamp(0.0, 1.0));
    let label = match a.score {
        Some(s) => format!("Score {} ", format::score(s)),
        None => "Score — ".to_string(),
    };
    let gauge = LineGauge::default()
        .ratio(ratio)
        .label(label)
        .filled_symbol("█")
        .unfilled_symbol("░")
        .filled_style(t.band(a.band));
    frame.render_widget(gauge, gauge_area);
    frame.render_widget(text.scroll((scroll, 0)), rest);
}

/// Everything the panel says below the gauge.
fn lines(app: &App, form: &ProspectForm) -> Vec<Line<'static>> {
    let t = app.theme;
    let e = &form.evaluation;
    let a = &e.assessment;
    let mut lines = vec![headline(e, t)];
    let invalid = form.visible_errors();
    if invalid > 0 {
        lines.push(Line::styled(
            format!("{} counted as unknown", format::count(invalid, "invalid field")),
            t.warning(),
        ));
    }
    lines.extend(caps_and_warnings(e, t));
    lines.push(Line::styled("Reasons, largest first", t.header()));
    // The caps have their own lines above.
    let mut reasons: Vec<_> = a.reasons.iter().filter(|r| !matches!(r.kind, ReasonKind::Cap(_))).collect();
    reasons.sort_by(|x, y| x.points.total_cmp(&y.points).then(y.weight.total_cmp(&x.weight)));
    let (full, moved): (Vec<_>, Vec<_>) = reasons.into_iter().partition(|r| r.at_full_points());
    for r in moved {
        let style = if r.points < -0.05 { t.bad() } else { Style::new() };
        lines.push(Line::styled(format!(" {}", r.text()), style));
    }
    if !full.is_empty() {
        let names: Vec<&str> = full.iter().map(|r| r.factor.label()).collect();
        lines.push(Line::styled(format!(" At full points: {}", names.join(", ")), t.dim()));
    }
    if !a.missing.is_empty() {
        let names: Vec<&str> = a.missing.iter().map(|f| f.label()).collect();
        lines.push(Line::styled(format!(" Unknown: {}", names.join(", ")), t.dim()));
    }
    lines.extend(terms_lines(e, t));
    lines.extend(history_lines(form, t));
    lines
}

/// The default grade, every cap (worst first) and every warning, each on its line.
fn caps_and_warnings(e: &Evaluation, t: Theme) -> Vec<Line<'static>> {
    let a = &e.assessment;
    let mut lines = Vec::new();
    if let Some(cause) = a.default_cause() {
        lines.push(Line::styled(format!("IN DEFAULT: {}", cause.advice()), t.bad()));
    }
    for cap in &a.caps {
        lines.push(Line::styled(format!(" ■ {}", cap.text()), t.warning()));
    }
    for w in &a.warnings {
        lines.push(Line::styled(format!(" ! {}", w.text), t.warning()));
    }
    lines
}

/// Band, PD, coverage and Altman Z'' on one line.
fn headline(e: &Evaluation, t: Theme) -> Line<'static> {
    let a = &e.assessment;
    let mut spans = vec![Span::styled(format!("Band {} ", a.band), t.band(a.band))];
    spans.push(Span::raw(format!("({}) ", a.band.description())));
    spans.extend(pair("PD", format!("{} % ", format::pd_percent(a.pd)), Style::new()));
    let coverage_style = if a.insufficient_data { t.warning() } else { Style::new() };
    spans.extend(pair("coverage", format!("{:.0} % ", a.coverage * 100.0), coverage_style));
    let z = match (a.altman_z2, a.zone) {
        (Some(z), Some(zone)) => format!("{z:.2} ({})", zone.label()),
        _ => "unknown".into(),
    };
    spans.extend(pair("Z''", z, Style::new()));
    if a.insufficient_data {
        spans.push(Span::styled(" INSUFFICIENT DATA", t.warning()));
    }
    Line::from(spans)
}

fn terms_lines(e: &Evaluation, t: Theme) -> Vec<Line<'static>> {
    let terms = &e.suggestion.terms;
    let mut lines = vec![Line::styled("Suggested terms", t.header())];
    let segment = e.segment.map_or("volume unknown".to_string(), |s| format!("segment {s}"));
    lines.push(Line::from(format!(" {segment} · channel {}", terms.channel.label())));
    lines.push(Line::from(format!(
        " {} days · {} % advance · limit {} · {} · {} · review {}",
        terms.payment_days,
        terms.advance_pct,
        terms.credit_limit.grouped(),
        terms.security.label(),
        terms.delivery.label(),
        review_text(terms.review_months)
    )));
    for why in &e.suggestion.why {
        lines.push(Line::styled(format!("  · {why}"), t.dim()));
    }
    match &e.economics {
        Some(x) => lines.push(Line::from(format!(
            " Risk-adj. profit {} ({}) · expected loss {} · financing {}",
            x.risk_adjusted_profit.grouped(),
            x.margin_pct.map_or("—".into(), format::percent),
            x.expected_loss.grouped(),
            x.financing_cost.grouped()
        ))),
        None => lines.push(Line::styled(" No economics: annual volume unknown", t.dim())),
    }
    for assumption in &e.assumptions {
        lines.push(Line::styled(format!("  assumed: {assumption}"), t.dim()));
    }
    lines
}

fn history_lines(form: &ProspectForm, t: Theme) -> Vec<Line<'static>> {
    let history = &form.original.history;
    if history.is_empty() {
        return vec![Line::styled("No decisions yet (Ctrl-D)", t.dim())];
    }
    let mut lines = vec![Line::styled("Decisions", t.header())];
    for d in history.iter().rev() {
        let score = d.score.map_or("—".into(), format::score);
        let note = if d.note.is_empty() { String::new() } else { format!(" “{}”", d.note) };
        // Older records kept no deviations: they say nothing, rather than "within policy".
        let policy = match &d.deviations {
            Some(list) if list.is_empty() && agrees_terms(d.status) => " · within policy",
            Some(list) if !list.is_empty() => " · outside policy:",
            _ => "",
        };
        lines.push(Line::from(format!(
            " {} {} · band {} ({score}) · {} d, {} % adv.{note}{policy}",
            d.date,
            d.status.label(),
            d.band,
            d.terms.payment_days,
            d.terms.advance_pct
        )));
        for deviation in d.deviations.iter().flatten() {
            lines.push(Line::styled(format!("   · {}", deviation.text), t.warning()));
        }
    }
    lines
}
