//! The policy editor's keys: sections with Tab, values with the arrows, pages of the matrix and
//! the curves with [ and ], a search with /.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::kit::action::Action as A;
use crate::tui::kit::help::{HelpPage, Section};
use crate::tui::kit::keys::{Binding, Key, LINE_EDITING, QUIT, Table, bind, ch, code, ctrl};

const POLICY: &[Binding] = &[
    bind(&[code(K::Tab)], A::NextField, "next section", Some("section")),
    bind(&[code(K::BackTab)], A::PreviousField, "previous section", None),
    bind(&[code(K::Up), ch('k')], A::Up, "value above", None),
    bind(&[code(K::Down), ch('j')], A::Down, "value below", None),
    bind(&[code(K::Left), ch('h')], A::Left, "cell to the left; in a list, the previous section", None),
    bind(&[code(K::Right), ch('l')], A::Right, "cell to the right; in a list, the next section", None),
    bind(&[ch(']')], A::NextPage, "next term of the matrix, next curve", Some("term/curve")),
    bind(&[ch('[')], A::PreviousPage, "previous term of the matrix, previous curve", None),
    bind(&[code(K::PageUp)], A::PageUp, "page up", None),
    bind(&[code(K::PageDown)], A::PageDown, "page down", None),
    bind(&[ch('g'), code(K::Home)], A::Top, "first value of the section", None),
    bind(&[ch('G'), code(K::End)], A::Bottom, "last value of the section", None),
    bind(&[ch('/')], A::Filter, "search values by name or path", Some("search")),
    bind(&[code(K::Enter)], A::Type, "edit the value; on a choice, the next choice", Some("edit")),
    bind(&[Key::Digit, ch('.')], A::StartTyping, "start typing a value with this character", None),
    bind(&[ch('+')], A::Increase, "next choice", None),
    bind(&[ch('-')], A::Decrease, "previous choice (elsewhere starts a negative value)", None),
    bind(&[ch('a')], A::New, "add a point to the curve, halfway to the next", None),
    bind(&[ch('x'), code(K::Delete)], A::Delete, "remove this point of the curve", None),
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

/// While a search is typed.
const SEARCH: &[Binding] = &[
    bind(&[code(K::Down)], A::Down, "next value found", Some("next")),
    bind(&[code(K::Up)], A::Up, "previous value found", None),
    bind(&[code(K::Enter)], A::Confirm, "stay on the value found", Some("keep")),
    bind(&[code(K::Esc)], A::Cancel, "back to where the search began", Some("cancel")),
];

pub const KEYS: Table = Table(&[POLICY, QUIT]);

pub const TYPING_KEYS: Table = Table(&[TYPING, LINE_EDITING, QUIT]);

pub const SEARCH_KEYS: Table = Table(&[SEARCH, LINE_EDITING, QUIT]);

pub const HELP: HelpPage = HelpPage {
    title: "Policy",
    sections: &[
        Section {
            heading: None,
            table: KEYS,
            notes: &["Sections: bands, terms matrix, segments, scoring, curves, economics."],
        },
        Section { heading: Some("While a value is typed"), table: TYPING_KEYS, notes: &[] },
        Section { heading: Some("While searching"), table: SEARCH_KEYS, notes: &[] },
    ],
};
