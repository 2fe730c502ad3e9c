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
        Screen::Terms(_) => ("What-if terms", keymap::TERMS),
        Screen::Compare(_) => ("Compare", keymap::COMPARE),
        Screen::Matrix(_) => ("Risk × volume matrix", keymap::MATRIX),
        Screen::Policy(_) => ("Policy", keymap::POLICY),
        Screen::ImportPreview(_) => ("Import preview", keymap::IMPORT_PREVIEW),
    }
}

/// Every line of the help for the screen under it.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = app.theme;
    let (_, bindings) = table(app);
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
            lines.push(Line::raw(" Type to edit the field; an empty field is unknown, not zero."));
            lines.push(Line::raw(" ←/→ Home/End move in the field; Ctrl-W deletes a word,"));
            lines.push(Line::raw(" Ctrl-U the whole field."));
        }
        Screen::Portfolio => {
            lines.push(Line::raw(""));
            lines.push(Line::raw(" Mouse: click selects a row, the wheel scrolls."));
            lines.push(Line::raw(" A ? after the band: too little data, so a cautious band."));
            lines.push(Line::raw(" ● before a name: marked for comparison."));
        }
        _ => {}
    }
    lines
}

/// How far the help can scroll in a terminal of this height.
pub fn max_scroll(app: &App) -> usize {
    let visible = usize::from(app.size.height.saturating_sub(2));
    lines(app).len().saturating_sub(visible)
}

pub fn render(frame: &mut Frame, app: &App) {
    let (title, _) = table(app);
    let lines = lines(app);
    let area = layout::centered(frame.area(), 76, lines.len() as u16 + 2);
    let visible = usize::from(area.height.saturating_sub(2));
    let offset = app.help_scroll.min(lines.len().saturating_sub(visible));
    let bottom = if lines.len() > visible { " ↑/↓ scroll · Esc closes " } else { " Esc closes " };
    clear(frame, area);
    let block = Block::bordered().title(format!(" Keys: {title} ")).title_bottom(bottom);
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)).block(block), area);
}
