//! The help overlay: every key of the screen under it, from the same table the keys obey.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::clear;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::{self, Binding};
use crate::tui::layout;

/// The table of the screen under the overlay.
fn table(app: &App) -> (&'static str, &'static [Binding]) {
    match &app.screen {
        Screen::Welcome => ("Welcome", keymap::WELCOME),
        Screen::Portfolio => ("Portfolio", keymap::PORTFOLIO),
        Screen::Prospect(_) => ("Prospect form", keymap::PROSPECT),
    }
}

pub fn render(frame: &mut Frame, app: &App) {
    let t = app.theme;
    let (title, bindings) = table(app);
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {:<18}", keymap::keys_label(b)), t.key()),
                Span::raw(b.desc),
            ])
        })
        .collect();
    match &app.screen {
        Screen::Prospect(_) => {
            lines.push(Line::raw(""));
            lines.push(Line::raw(
                " Type to edit the field; an empty field is unknown, not zero.",
            ));
            lines.push(Line::raw(
                " ←/→ Home/End move in the field, Ctrl-W deletes a word, Ctrl-U the line.",
            ));
        }
        Screen::Portfolio => {
            lines.push(Line::raw(""));
            lines.push(Line::raw(" Mouse: click selects a row, the wheel scrolls."));
        }
        Screen::Welcome => {}
    }
    let height = lines.len() as u16 + 2;
    let area = layout::centered(frame.area(), 72, height);
    clear(frame, area);
    let block = Block::bordered()
        .title(format!(" Keys: {title} "))
        .title_bottom(" Esc closes ");
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
