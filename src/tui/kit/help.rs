//! The help overlay: every key of the screen under it, from the same tables the keys obey, in
//! sections (the screen's keys, then the keys while something is typed), with the screen's notes.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::action::Action;
use super::chrome::clear;
use super::keys::{self, Binding, QUIT, Table, bind, ch, code};
use super::layout;
use super::theme::Theme;
use crate::tui::app::App;

/// One screen's help.
#[derive(Debug, Clone, Copy)]
pub struct HelpPage {
    pub title: &'static str,
    pub sections: &'static [Section],
}

/// A table of keys with an optional heading, and notes under it.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    pub heading: Option<&'static str>,
    pub table: Table,
    pub notes: &'static [&'static str],
}

/// The overlay's own keys.
pub const KEYS: Table = Table(&[
    QUIT,
    &[
        bind(&[code(KeyCode::Up), ch('k')], Action::Up, "scroll up", None),
        bind(&[code(KeyCode::Down), ch('j')], Action::Down, "scroll down", None),
        bind(
            &[code(KeyCode::Esc), ch('q'), ch('?'), code(KeyCode::F(1))],
            Action::Back,
            "close help",
            Some("close"),
        ),
    ],
]);

fn binding_line(t: Theme, b: &Binding) -> Line<'static> {
    Line::from(vec![Span::styled(format!(" {:<18}", keys::keys_label(b)), t.key()), Span::raw(b.desc)])
}

/// Every line of a help page.
pub fn lines(page: &HelpPage, t: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (i, section) in page.sections.iter().enumerate() {
        if i > 0 {
            lines.push(Line::raw(""));
        }
        if let Some(heading) = section.heading {
            lines.push(Line::styled(format!(" {heading}"), t.header()));
        }
        lines.extend(section.table.bindings().map(|b| binding_line(t, b)));
        if !section.notes.is_empty() {
            lines.push(Line::raw(""));
            lines.extend(section.notes.iter().map(|n| Line::raw(format!(" {n}"))));
        }
    }
    lines
}

/// How far a page can scroll in a terminal of this height.
fn max_scroll(page: &HelpPage, height: u16) -> usize {
    let visible = usize::from(height.saturating_sub(2));
    lines(page, Theme { color: false }).len().saturating_sub(visible)
}

/// Keys while the overlay is up: scroll, or close.
pub fn on_key(app: &mut App, page: &HelpPage, key: &KeyEvent) {
    match KEYS.lookup(key) {
        Some(Action::Up) => app.help_scroll = app.help_scroll.saturating_sub(1),
        Some(Action::Down) => app.help_scroll = (app.help_scroll + 1).min(max_scroll(page, app.size.height)),
        Some(_) => {
            app.help = false;
            app.help_scroll = 0;
        }
        None => {}
    }
}

pub fn render(frame: &mut Frame, app: &App, page: &HelpPage) {
    let lines = lines(page, app.theme);
    let area = layout::centered(frame.area(), 76, lines.len() as u16 + 2);
    let visible = usize::from(area.height.saturating_sub(2));
    let offset = app.help_scroll.min(lines.len().saturating_sub(visible));
    let bottom = if lines.len() > visible { " ↑/↓ scroll · Esc closes " } else { " Esc closes " };
    clear(frame, area);
    let block = Block::bordered().title(format!(" Keys: {} ", page.title)).title_bottom(bottom);
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)).block(block), area);
}
