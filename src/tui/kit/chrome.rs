//! What every screen shares around its body: the title with the save state, the banner, the
//! notice line and the footer of keys; and small text helpers for cells and panels.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::keys::{self, Table};
use super::layout::FrameAreas;
use super::theme::Theme;
use crate::domain::format::count;
use crate::domain::money::Money;
use crate::tui::app::{App, SaveState};
use crate::tui::viewing;

/// Whether the banner line is shown (read-only or demo).
pub fn has_banner(app: &App) -> bool {
    app.read_only.is_some() || app.demo
}

/// The title, banner and notice every screen shares; `form_edited` when the screen is a form
/// with changes not saved into the portfolio yet. The footer is drawn by the dispatcher, from
/// the key table in force.
pub fn chrome(frame: &mut Frame, app: &App, f: &FrameAreas, screen: &str, form_edited: bool) {
    let t = app.theme;
    let save = match &app.save_state {
        _ if app.loading.is_some() => {
            Span::styled(format!("reading {} %…", app.loading.map_or(0, |p| p.percent())), t.warning())
        }
        SaveState::Failed(_) => Span::styled("✗ save failed", t.error()),
        _ if app.viewing.is_some() => Span::styled("viewing a file", t.warning()),
        _ if form_edited => Span::styled("● form not saved (Ctrl-S)", t.warning()),
        SaveState::Saved if app.unsaved() => Span::styled("● not saved", t.warning()),
        SaveState::Saved => Span::styled("✓ saved", t.good()),
        SaveState::Saving => Span::styled("saving…", t.dim()),
    };
    let title = Line::from(vec![
        Span::styled(" dealdesk ", t.title()),
        save,
        Span::raw(format!(
            " · {screen} · {} · {}",
            viewing::file_name(app.viewing.as_ref().map_or(&app.store_path, |v| &v.path)),
            count(app.portfolio.len(), "prospect")
        )),
    ]);
    frame.render_widget(Paragraph::new(title), f.title);
    if has_banner(app) {
        let text = match &app.read_only {
            Some(_) if let Some(v) = &app.viewing => {
                format!(
                    " VIEWING {} (read-only): Ctrl-S adds its prospects to your portfolio ",
                    viewing::file_name(&v.path)
                )
            }
            Some(holder) => {
                format!(" READ-ONLY: {holder} ")
            }
            None => " DEMO: a temporary copy of the demo portfolio; your own store is not touched ".into(),
        };
        frame.render_widget(Paragraph::new(text).style(t.banner()), f.banner);
    }
    if let Some(notice) = &app.notice {
        let style = if notice.error { t.error() } else { Style::new() };
        frame.render_widget(Paragraph::new(Span::styled(format!(" {}", notice.text), style)), f.notice);
    }
}

/// The footer: the table's footer keys.
pub fn footer(t: Theme, table: Table) -> Line<'static> {
    let mut spans = Vec::new();
    for b in table.bindings() {
        if let (Some(short), Some(key)) = (b.footer, b.keys.first()) {
            spans.push(Span::styled(format!(" {}", keys::label(key)), t.key()));
            spans.push(Span::raw(format!(" {short} ")));
        }
    }
    Line::from(spans)
}

/// A line of `label: value` pairs for panels.
pub fn pair(label: &str, value: String, value_style: Style) -> Vec<Span<'static>> {
    vec![Span::raw(format!("{label} ")), Span::styled(value, value_style)]
}

/// An amount in about three significant figures for tight cells: `2.4M`, `345k`, `9 870`.
pub fn short_amount(amount: Money) -> String {
    let v = amount.to_f64();
    match v.abs() {
        a if a >= 1e6 => format!("{:.1}M", v / 1e6),
        a if a >= 1e4 => format!("{:.0}k", v / 1e3),
        _ => amount.grouped(),
    }
}

/// Clears an area before drawing a pop-up over it.
pub fn clear(frame: &mut Frame, area: Rect) {
    frame.render_widget(ratatui::widgets::Clear, area);
}
