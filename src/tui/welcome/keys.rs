//! The welcome screen's keys (the screen lists them too).

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::kit::action::Action as A;
use crate::tui::kit::help::{HelpPage, Section};
use crate::tui::kit::keys::{Binding, QUIT, Table, bind, ch, code};

const WELCOME: &[Binding] = &[
    bind(&[ch('n')], A::New, "new prospect", Some("new")),
    bind(&[ch('d')], A::OpenDemo, "open the demo portfolio", Some("demo")),
    bind(&[ch('i')], A::Import, "import a CSV file", Some("import")),
    bind(&[ch('?')], A::Help, "help", Some("help")),
    bind(&[ch('q'), code(K::Esc)], A::Quit, "quit", Some("quit")),
];

pub const KEYS: Table = Table(&[WELCOME, QUIT]);

pub const HELP: HelpPage =
    HelpPage { title: "Welcome", sections: &[Section { heading: None, table: KEYS, notes: &[] }] };
