//! The import preview's keys.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::kit::action::Action as A;
use crate::tui::kit::help::{HelpPage, Section};
use crate::tui::kit::keys::{Binding, QUIT, Table, bind, ch, code};

const PREVIEW: &[Binding] = &[
    bind(&[code(K::Up), ch('k')], A::Up, "scroll the problems up", None),
    bind(&[code(K::Down), ch('j')], A::Down, "scroll the problems down", None),
    bind(&[ch('a'), code(K::Enter)], A::Confirm, "import all valid rows", Some("import valid rows")),
    bind(&[ch('n'), code(K::Esc), ch('q')], A::Cancel, "import nothing (back)", Some("nothing")),
    bind(&[ch('f')], A::FixFile, "import nothing, fix the file first", Some("fix file first")),
    bind(&[ch('?')], A::Help, "help", None),
];

pub const KEYS: Table = Table(&[PREVIEW, QUIT]);

pub const HELP: HelpPage =
    HelpPage { title: "Import preview", sections: &[Section { heading: None, table: KEYS, notes: &[] }] };
