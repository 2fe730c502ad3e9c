//! Drawing: the base screen, then the help overlay or a pop-up on top. Rendering only reads the
//! state, and builds rows for the visible window only.

pub mod compare;
pub mod help;
pub mod import;
pub mod matrix;
pub mod modal;
pub mod panel;
pub mod policy;
pub mod portfolio;
pub mod prospect;
pub mod terms;
pub mod welcome;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, SaveState, Screen};
use super::keymap::{self, Binding};
use super::layout;
use super::update_keys::active_table;
use crate::domain::money::Money;

pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if layout::too_small(area) {
        let text = format!(
            "terminal too small (need {}×{}, have {}×{})",
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT,
            area.width,
            area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    match &app.screen {
        Screen::Welcome => welcome::render(frame, app),
        Screen::Portfolio => portfolio::render(frame, app),
        Screen::Prospect(form) => prospect::render(frame, app, form),
        Screen::Terms(editor) => terms::render(frame, app, editor),
        Screen::Compare(view) => compare::render(frame, app, view),
        Screen::Matrix(view) => matrix::render(frame, app, view),
        Screen::Policy(editor) => policy::render(frame, app, editor),
        Screen::ImportPreview(preview) => import::render(frame, app, preview),
    }
    if app.help {
        help::render(frame, app);
    }
    if let Some(modal) = &app.modal {
        modal::render(frame, app, modal);
    }
}

/// Whether the banner line is shown (read-only or demo).
pub fn has_banner(app: &App) -> bool {
    app.read_only.is_some() || app.demo
}

/// The title, banner, notice and footer every screen shares.
pub fn chrome(frame: &mut Frame, app: &App, f: &layout::FrameAreas, screen: &str) {
    let t = app.theme;
    let form_edited = matches!(&app.screen, Screen::Prospect(form) if form.dirty());
    let save = match &app.save_state {
        _ if app.loading.is_some() => {
            Span::styled(format!("reading {} %…", app.loading.map_or(0, |p| p.percent())), t.warning())
        }
        SaveState::Failed(_) => Span::styled("✗ save failed", t.error()),
        _ if form_edited => Span::styled("● form not saved (Ctrl-S)", t.warning()),
        SaveState::Saved if app.unsaved() => Span::styled("● not saved", t.warning()),
        SaveState::Saved => Span::styled("✓ saved", t.good()),
        SaveState::Saving => Span::styled("saving…", t.dim()),
    };
    let title = Line::from(vec![
        Span::styled(" dealdesk ", t.title()),
        save,
        Span::raw(format!(
            " · {screen} · {} · {} prospect(s)",
            file_name(&app.store_path),
            app.portfolio.len()
        )),
    ]);
    frame.render_widget(Paragraph::new(title), f.title);
    if has_banner(app) {
        let text = match &app.read_only {
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
    frame.render_widget(Paragraph::new(footer(app, active_table(app))), f.footer);
}

/// The store's file name: the full path is on the welcome screen and in `dealdesk check`.
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The footer: the table's footer keys, and where help is.
pub fn footer(app: &App, table: &[Binding]) -> Line<'static> {
    let t = app.theme;
    let mut spans = Vec::new();
    for b in table {
        if let (Some(short), Some(key)) = (b.footer, b.keys.first()) {
            spans.push(Span::styled(format!(" {}", keymap::label(key)), t.key()));
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
