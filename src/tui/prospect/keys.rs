//! The form's keys: characters belong to the fields, so commands use Ctrl, Tab, arrows and
//! F-keys.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::kit::action::Action as A;
use crate::tui::kit::help::{HelpPage, Section};
use crate::tui::kit::keys::{Binding, LINE_EDITING, QUIT, Table, bind, ch, code, ctrl};

const FORM: &[Binding] = &[
    bind(&[code(K::Tab), code(K::Down), code(K::Enter)], A::NextField, "next field", Some("next field")),
    bind(&[code(K::BackTab), code(K::Up)], A::PreviousField, "previous field", None),
    bind(&[code(K::PageDown)], A::PageDown, "next group", None),
    bind(&[code(K::PageUp)], A::PageUp, "previous group", None),
    bind(&[ctrl('f')], A::ScrollDown, "scroll the live assessment down a page", None),
    bind(&[ctrl('b')], A::ScrollUp, "scroll the live assessment up a page", None),
    bind(&[ch(' ')], A::CycleChoice, "next choice (choice fields; a space elsewhere)", None),
    bind(&[ctrl('s')], A::Save, "save", Some("save")),
    bind(&[ctrl('d')], A::Decide, "record a decision", Some("decide")),
    bind(&[ctrl('t')], A::Terms, "what-if on the terms", Some("terms")),
    bind(&[code(K::Esc)], A::Back, "back (asks if unsaved)", Some("back")),
    bind(&[code(K::F(1))], A::Help, "help", Some("help")),
];

pub const KEYS: Table = Table(&[FORM, LINE_EDITING, QUIT]);

pub const HELP: HelpPage = HelpPage {
    title: "Prospect form",
    sections: &[Section {
        heading: None,
        table: KEYS,
        notes: &["Type to edit the field; an empty field is unknown, not zero."],
    }],
};
