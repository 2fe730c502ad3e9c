//! The first screen when there is no store yet.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::keys::KEYS;
use crate::tui::app::App;
use crate::tui::kit::action::Action;
use crate::tui::kit::chrome::{chrome, has_banner};
use crate::tui::kit::{keys, layout};

pub fn render(frame: &mut Frame, app: &App) {
    let t = app.theme;
    let areas = layout::frame(frame.area(), has_banner(app));
    chrome(frame, app, &areas, "welcome", false);
    let mut lines = vec![
        Line::styled("Welcome to dealdesk", t.title()),
        Line::raw(""),
        Line::raw("See at once how risky a prospect is and which volume segment it belongs to,"),
        Line::raw("and fit delivery and payment terms to both: you can do business with almost"),
        Line::raw("anyone on the right terms."),
        Line::raw(""),
        Line::raw(format!("There is no portfolio yet at {}.", app.store_path.display())),
        Line::raw(""),
    ];
    for b in KEYS.bindings().filter(|b| b.action != Action::Help) {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<8}", keys::keys_label(b)), t.key()),
            Span::raw(b.desc),
        ]));
    }
    let area = layout::centered(areas.body, 84, 16);
    let block = Block::bordered();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}
