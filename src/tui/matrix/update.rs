//! Keys of the grid: move between cells, or show a cell's prospects in the portfolio.

use ratatui::crossterm::event::KeyEvent;
use strum::VariantArray;

use super::keys::KEYS;
use super::state::MatrixView;
use crate::domain::matrix::Matrix;
use crate::domain::vocabulary::{Band, Segment};
use crate::tui::app::{App, Nav};
use crate::tui::kit::action::Action;
use crate::tui::screen::Screen;

pub fn open(app: &mut App) {
    let matrix = Matrix::build(app.portfolio.summaries());
    app.go(Nav::Push(Screen::Matrix(Box::new(MatrixView { matrix, band_index: 0, segment_index: 0 }))));
}

pub fn on_key(app: &mut App, view: &mut MatrixView, key: &KeyEvent) {
    match KEYS.lookup(key) {
        Some(Action::Up) => view.band_index = view.band_index.saturating_sub(1),
        Some(Action::Down) => view.band_index = (view.band_index + 1).min(Band::VARIANTS.len() - 1),
        Some(Action::Left) => view.segment_index = view.segment_index.saturating_sub(1),
        Some(Action::Right) => view.segment_index = (view.segment_index + 1).min(Segment::VARIANTS.len() - 1),
        Some(Action::Open) => {
            let (band, segment) = (Band::VARIANTS[view.band_index], Segment::VARIANTS[view.segment_index]);
            app.go(Nav::Pop);
            let v = &mut app.view;
            v.band = Some(band);
            v.segment = Some(segment);
            v.status = None;
            v.query.clear();
            v.refresh(&app.portfolio);
            // The cell's rows from the top, wherever the table was scrolled to.
            v.select_top();
            app.say(format!("Showing band {band} × {segment}; Esc clears the filter"));
        }
        Some(Action::Back) => app.go(Nav::Pop),
        Some(Action::Help) => app.help = true,
        _ => app.unknown_key(key, "?"),
    }
}
