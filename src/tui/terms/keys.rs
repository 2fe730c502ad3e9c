//! The what-if's keys: the focused term moves by steps or takes a typed value.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::kit::action::Action as A;
use crate::tui::kit::help::{HelpPage, Section};
use crate::tui::kit::keys::{Binding, Key, LINE_EDITING, QUIT, Table, bind, ch, code, ctrl};

const TERMS: &[Binding] = &[
    bind(&[code(K::Up), ch('k')], A::Up, "previous term", None),
    bind(&[code(K::Down), ch('j')], A::Down, "next term", None),
    bind(&[ch('+'), code(K::Right), ch('l')], A::Increase, "increase / next choice", Some("change")),
    bind(&[ch('-'), code(K::Left), ch('h')], A::Decrease, "decrease / previous choice", None),
    bind(&[code(K::Enter)], A::Type, "type a value (digits also start typing)", None),
    bind(&[Key::Digit, ch('.'), ch(',')], A::StartTyping, "start typing a value with this character", None),
    bind(
        &[ch('a')],
        A::SeekAdvance,
        "goal seek: least advance keeping the risk within the cap and months",
        Some("seek adv."),
    ),
    bind(
        &[ch('p')],
        A::SeekBest,
        "goal seek: the terms within policy that earn the most after risk",
        Some("best"),
    ),
    bind(&[ch('r')], A::Reset, "reset to the suggested terms", Some("reset")),
    bind(&[ctrl('s')], A::Save, "record a decision on these terms", Some("save")),
    bind(&[code(K::Esc), ch('q')], A::Back, "back (the edit is kept for this session)", Some("back")),
    bind(&[ch('?'), code(K::F(1))], A::Help, "help", Some("help")),
];

/// While a value is typed.
const TYPING: &[Binding] = &[
    bind(&[code(K::Enter)], A::Confirm, "apply the value", Some("apply")),
    bind(&[code(K::Esc)], A::Cancel, "cancel", Some("cancel")),
];

pub const KEYS: Table = Table(&[TERMS, QUIT]);

pub const TYPING_KEYS: Table = Table(&[TYPING, LINE_EDITING, QUIT]);

pub const HELP: HelpPage = HelpPage {
    title: "What-if terms",
    sections: &[
        Section { heading: None, table: KEYS, notes: &[] },
        Section { heading: Some("While a value is typed"), table: TYPING_KEYS, notes: &[] },
    ],
};
