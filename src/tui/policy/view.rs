//! The policy editor: one line per value with its default, marked when it differs, and each
//! problem under the value it concerns.

use std::collections::HashSet;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::state::{PolicyEditor, choices};
use crate::domain::format::count;
use crate::tui::app::App;
use crate::tui::kit::chrome::{chrome, has_banner};
use crate::tui::kit::layout;

/// A path as a person reads it: `bands › B › min score`, `… › curve › point 3 health`.
fn readable(path: &str) -> String {
    let (base, point) = match path.split_once('[') {
        Some((base, rest)) => {
            let numbers: Vec<usize> =
                rest.split(['[', ']']).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
            let point = match numbers.as_slice() {
                [i, 0] => format!(" › point {} input", i + 1),
                [i, _] => format!(" › point {} health", i + 1),
                [i] => format!(" › {}", i + 1),
                _ => String::new(),
            };
            (base, point)
        }
        None => (path, String::new()),
    };
    format!("{}{point}", base.replace('.', " › ").replace('_', " "))
}

pub fn render(frame: &mut Frame, app: &App, e: &PolicyEditor) {
    let t = app.theme;
    let f = layout::frame(frame.area(), has_banner(app));
    chrome(frame, app, &f, "policy", false);
    let [head, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(f.body);
    let source = match &app.policy_path {
        Some(p) if app.demo => format!("the demo's temporary folder, {}", p.display()),
        Some(p) => p.display().to_string(),
        None => "nowhere to save".into(),
    };
    let status = match e.issues.len() {
        0 => Span::styled("valid", t.good()),
        n => Span::styled(format!("{}: cannot be saved", count(n, "problem")), t.error()),
    };
    let header = vec![
        Line::from(vec![
            Span::raw(format!(" Saves to {source} · ")),
            status,
            Span::raw(format!(" · component weights sum to {}", e.weights_sum())),
        ]),
        Line::styled(" ● differs from the shipped default (shown in brackets)", t.dim()),
    ];
    frame.render_widget(Paragraph::new(header), head);

    let block = Block::bordered();
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let height = inner.height as usize;
    let offset = e.focus.saturating_sub(height / 2);
    let mut shown_issues = HashSet::new();
    let mut lines = Vec::new();
    let value_width = 22;
    let path_width = (inner.width as usize).saturating_sub(value_width + 14).max(20);
    for (i, leaf) in e.leaves.iter().enumerate().skip(offset) {
        if lines.len() >= height {
            break;
        }
        let focused = i == e.focus;
        let value = match (&e.typing, focused) {
            (Some(line), true) => format!("{}▏", line.text()),
            _ => e.value(leaf),
        };
        let differs = e.differs(leaf);
        let marker = if differs { "●" } else { " " };
        let mut spans = vec![
            Span::styled(if focused { "›" } else { " " }, t.key()),
            Span::styled(format!("{marker} "), t.warning()),
            Span::raw(format!("{:<path_width$} ", readable(&leaf.path))),
            Span::styled(
                format!("{value:<value_width$}"),
                if differs { t.highlight() } else { Style::new() },
            ),
        ];
        if differs {
            spans.push(Span::styled(format!(" ({})", e.default_value(leaf)), t.dim()));
        } else if !choices(&leaf.path).is_empty() && focused {
            spans.push(Span::styled(" +/− choose", t.dim()));
        }
        let line = Line::from(spans);
        lines.push(if focused { line.style(t.selected()) } else { line });
        if let Some(issue) = e.issue_for(leaf)
            && shown_issues.insert(issue.to_string())
        {
            lines.push(Line::styled(format!("     ✗ {issue}"), t.error()));
        }
    }
    if let Some(error) = &e.error {
        lines.insert(0, Line::styled(format!(" ✗ {error}"), t.error()));
        lines.truncate(height);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
