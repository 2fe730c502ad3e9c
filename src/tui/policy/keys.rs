//! The policy editor's keys: one line per value.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::kit::action::Action as A;
use crate::tui::kit::help::{HelpPage, Section};
use crate::tui::kit::keys::{Binding, Key, LINE_EDITING, QUIT, Table, bind, ch, code, ctrl};

const POLICY: &[Binding] = &[
    bind(&[code(K::Up), ch('k')], A::Up, "previous value", None),
    bind(&[code(K::Down), ch('j')], A::Down, "next value", None),
    bind(&[code(K::PageUp)], A::PageUp, "page up", None),
    bind(&[code(K::PageDown)], A::PageDown, "page down", None),
    bind(&[code(K::Left), ch('h')], A::Left, "previous section", None),
    bind(&[code(K::Right), ch('l')], A::Right, "next section", Some("section")),
    bind(&[code(K::Enter)], A::Type, "edit the value (digits also start typing)", Some("edit")),
    bind(&[Key::Digit, ch('.')], A::StartTyping, "start typing a value with this character", None),
    bind(&[ch('+')], A::Increase, "next choice", None),
    bind(&[ch('-')], A::Decrease, "previous choice (elsewhere starts a negative value)", None),
    bind(&[ch('D')], A::Reset, "reset to the shipped defaults (asks)", Some("defaults")),
    bind(&[ctrl('s')], A::Save, "save the policy and re-evaluate the portfolio", Some("save")),
    bind(&[code(K::Esc), ch('q')], A::Back, "back (asks if edited)", Some("back")),
    bind(&[ch('?'), code(K::F(1))], A::Help, "help", Some("help")),
];

/// While a value is typed.
const TYPING: &[Binding] = &[
    bind(&[code(K::Enter)], A::Confirm, "apply the value", Some("apply")),
    bind(&[code(K::Esc)], A::Cancel, "cancel", Some("cancel")),
];

pub const KEYS: Table = Table(&[POLICY, QUIT]);

pub const TYPING_KEYS: Table = Table(&[TYPING, LINE_EDITING, QUIT]);

pub const HELP: HelpPage = HelpPage {
    title: "Policy",
    sections: &[
        Section { heading: None, table: KEYS, notes: &[] },
        Section { heading: Some("While a value is typed"), table: TYPING_KEYS, notes: &[] },
    ],
};
