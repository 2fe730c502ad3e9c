//! The policy editor: where it saves and whether it is valid, the sections as tabs, the
//! focused section (a table, a grid per term, a curve with its chart, lists), and what the
//! focused value is: its name, what it means, its range and default, and any problem.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::chart::curve_chart;
use super::choices::choices;
use super::sections::{Section, SectionId};
use super::state::PolicyEditor;
use super::view_block::section_lines;
use crate::domain::format::count;
use crate::domain::policy_names::{full_name, label_of};
use crate::domain::policy_ranges::range_of;
use crate::tui::app::App;
use crate::tui::kit::chrome::{chrome, has_banner};
use crate::tui::kit::layout;
use crate::tui::kit::theme::Theme;

pub fn render(frame: &mut Frame, app: &App, e: &PolicyEditor) {
    let t = app.theme;
    let f = layout::frame(frame.area(), has_banner(app));
    chrome(frame, app, &f, "policy", false);
    let [head, tabs, body, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(3),
    ])
    .areas(f.body);
    let source = match &app.policy_path {
        None => "nowhere to save".into(),
        Some(p) if app.demo => format!("the demo's temporary folder ({})", p.display()),
        Some(p) => p.display().to_string(),
    };
    let status = match e.issues.len() {
        0 => Span::styled("valid", t.good()),
        n => Span::styled(format!("{}: cannot be saved", count(n, "problem")), t.error()),
    };
    let header = Line::from(vec![
        Span::raw(format!(" Saves to {source} · ")),
        status,
        Span::raw(format!(" · component weights sum to {}", e.weights_sum())),
    ]);
    frame.render_widget(Paragraph::new(header), head);
    frame.render_widget(Paragraph::new(tab_line(e, t)), tabs);
    if let Some(section) = e.section() {
        draw_section(frame, e, section, t, body);
    }
    frame.render_widget(Paragraph::new(detail_lines(e, t)), detail);
}

/// The sections, the focused one highlighted, and how to move between them.
fn tab_line(e: &PolicyEditor, t: Theme) -> Line<'static> {
    let now = e.section_id();
    let mut spans = vec![Span::raw(" ")];
    for s in &e.sections {
        let style = if Some(s.id) == now { t.selected() } else { t.dim() };
        spans.push(Span::styled(format!(" {} ", s.id.title()), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled("Tab/Shift-Tab", t.key()));
    Line::from(spans)
}

fn draw_section(frame: &mut Frame, e: &PolicyEditor, section: &Section, t: Theme, area: Rect) {
    let page = section.blocks.get(e.place().block);
    let title = match (section.paged, page) {
        (true, Some(p)) => {
            let of = format!("{} of {}", e.place().block + 1, section.blocks.len());
            match section.id {
                SectionId::Terms => format!(" Terms matrix: {} ({of}) · [ ] other terms ", p.title),
                _ => format!(" Curve: {} ({of}) · [ ] other curves ", p.title),
            }
        }
        _ => format!(" {} ", section.id.title()),
    };
    let block = Block::bordered().title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (list_area, chart_area) = match (section.id, page) {
        (SectionId::Curves, Some(_)) => {
            let [points, chart] =
                Layout::horizontal([Constraint::Length(36), Constraint::Min(20)]).areas(inner);
            (points, Some(chart))
        }
        _ => (inner, None),
    };
    let mut drawn = section_lines(e, section, t, list_area.width as usize);
    if let (SectionId::Curves, Some(p)) = (section.id, page) {
        let weight = p.rows.first().and_then(|r| r.cells.first().copied().flatten()).map(|i| weight_of(e, i));
        drawn.lines.insert(0, Line::styled(format!(" {}", weight.unwrap_or_default()), t.dim()));
        drawn.focus_line += 1;
    }
    let height = list_area.height as usize;
    let offset = drawn
        .focus_line
        .saturating_sub(height.saturating_sub(1) / 2)
        .min(drawn.lines.len().saturating_sub(height));
    let lines: Vec<Line> = drawn.lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(lines), list_area);
    if let (Some(chart), Some(p)) = (chart_area, page) {
        curve_chart(frame, e, p, t, chart);
    }
}

/// The weight of a curve's input, from a point's path: "weight 60 in payment (35)".
fn weight_of(e: &PolicyEditor, point: usize) -> String {
    let Some(leaf) = e.leaves.get(point) else { return String::new() };
    let parts: Vec<&str> = leaf.path.split('.').collect();
    let [_, component, input, ..] = parts.as_slice() else { return String::new() };
    let find = |path: String| e.leaves.iter().find(|l| l.path == path).map(|l| e.value(l));
    let own = find(format!("scorecard.{component}.{input}.weight")).unwrap_or_default();
    let of = find(format!("scorecard.weights.{component}")).unwrap_or_default();
    format!("weight {own} in {component} (weight {of})")
}

/// The focused value: what it is, its range and default, its problem (or the search).
fn detail_lines(e: &PolicyEditor, t: Theme) -> Vec<Line<'static>> {
    let Some(leaf) = e.leaf() else { return Vec::new() };
    let label = label_of(&leaf.path);
    let mut name = full_name(&leaf.path);
    if let Some(first) = name.get(..1) {
        name = first.to_uppercase() + &name[1..];
    }
    let explain = label.map_or("", |l| l.explain);
    let unit = label.map_or("", |l| l.unit);
    let mut facts = Vec::new();
    let options = choices(&leaf.path);
    if !options.is_empty() {
        let all: Vec<&str> = options.iter().map(|(_, l)| *l).collect();
        facts.push(format!("one of: {} (Enter or +/−)", all.join(", ")));
    } else if let Some(r) = range_of(&leaf.path) {
        let unit = if unit == "score" { "" } else { unit };
        let bound = |x: f64| if x >= 1e6 { format!("{x:.0e}") } else { x.to_string() };
        facts.push(format!("from {} to {} {unit}", bound(r.min), bound(r.max)).trim_end().to_string());
    }
    // A segment's channel brings its cost to serve, which the channels table holds.
    if leaf.path.starts_with("segments.") && leaf.path.ends_with(".channel") {
        let cost = format!("channels.{}.cost_to_serve", e.value(leaf));
        if let Some(c) = e.leaves.iter().find(|l| l.path == cost) {
            facts.push(format!("costs {} € a year to serve", e.shown(c)));
        }
    }
    facts.push(format!("default {}", e.default_value(leaf)));
    facts.push(leaf.path.clone());
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!(" {name}: {}", e.shown(leaf)), t.title()),
            Span::raw(format!(" · {}", facts.join(" · "))),
        ]),
        Line::styled(format!(" {explain}"), t.dim()),
    ];
    let last = if let Some(search) = &e.search {
        let found = match search.hits.len() {
            0 if search.line.text().trim().is_empty() => {
                "type words of a value's name, or its path".to_string()
            }
            0 => "nothing found".to_string(),
            n => format!("{} of {n} found · ↑/↓ others · Enter stays · Esc goes back", search.at + 1),
        };
        Line::from(vec![
            Span::styled(format!(" Search: {}▏ ", search.line.text()), t.key()),
            Span::raw(found),
        ])
    } else if let Some(error) = &e.error {
        Line::styled(format!(" ✗ {error}"), t.error())
    } else if let Some(issue) = e.issue_for(leaf) {
        Line::styled(format!(" ✗ {issue}"), t.error())
    } else if let Some((_, first)) = e.first_issue() {
        Line::styled(format!(" Elsewhere: {first}"), t.warning())
    } else if e.section_id() == Some(SectionId::Curves) {
        Line::styled(" ● edited · a adds a point halfway to the next, x removes one · ] next curve", t.dim())
    } else {
        Line::styled(" ● edited (default in brackets) · / search · ] next term or curve", t.dim())
    };
    lines.push(last);
    lines
}
