//! The grid's keys.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::kit::action::Action as A;
use crate::tui::kit::help::{HelpPage, Section};
use crate::tui::kit::keys::{Binding, QUIT, Table, bind, ch, code};

const MATRIX: &[Binding] = &[
    bind(&[code(K::Up), ch('k')], A::Up, "band above", None),
    bind(&[code(K::Down), ch('j')], A::Down, "band below", None),
    bind(&[code(K::Left), ch('h')], A::Left, "larger segment", None),
    bind(&[code(K::Right), ch('l')], A::Right, "smaller segment", None),
    bind(&[code(K::Enter)], A::Open, "show this cell's prospects", Some("filter to cell")),
    bind(&[code(K::Esc), ch('q')], A::Back, "back to the portfolio", Some("back")),
    bind(&[ch('?')], A::Help, "help", Some("help")),
];

pub const KEYS: Table = Table(&[MATRIX, QUIT]);

pub const HELP: HelpPage = HelpPage {
    title: "Risk × volume matrix",
    sections: &[Section { heading: None, table: KEYS, notes: &[] }],
};
