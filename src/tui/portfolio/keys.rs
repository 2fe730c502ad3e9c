//! The portfolio's keys, and the filter's while a name is typed.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::kit::action::Action as A;
use crate::tui::kit::help::{HelpPage, Section};
use crate::tui::kit::keys::{Binding, LINE_EDITING, QUIT, Table, bind, ch, code, ctrl};

const PORTFOLIO: &[Binding] = &[
    bind(&[code(K::Up), ch('k')], A::Up, "previous prospect", None),
    bind(&[code(K::Down), ch('j')], A::Down, "next prospect", None),
    bind(&[code(K::PageUp), ctrl('b')], A::PageUp, "page up", None),
    bind(&[code(K::PageDown), ctrl('f')], A::PageDown, "page down", None),
    bind(&[code(K::Home), ch('g')], A::Top, "first prospect", None),
    bind(&[code(K::End), ch('G')], A::Bottom, "last prospect", None),
    bind(&[code(K::Enter)], A::Open, "open the prospect", Some("open")),
    bind(&[ch('n')], A::New, "new prospect", None),
    bind(&[ch('a')], A::Decide, "record a decision", None),
    bind(&[ch('d'), code(K::Delete)], A::Delete, "delete (asks first)", None),
    bind(&[ch('t')], A::Terms, "what-if on the terms", Some("terms")),
    bind(&[ch(' ')], A::Mark, "mark / unmark for comparison", None),
    bind(&[ch('C')], A::ClearMarks, "clear all marks", None),
    bind(&[ch('M')], A::OnlyMarked, "show only the marked prospects (again: all)", None),
    bind(&[ch('c')], A::Compare, "compare the marked prospects (2–4)", Some("compare")),
    bind(&[ch('m')], A::Matrix, "risk × volume matrix", Some("matrix")),
    bind(&[ch('p')], A::Policy, "the credit policy (view and edit)", None),
    bind(&[ch('i')], A::Import, "import a CSV file (preview first)", None),
    bind(&[ch('e')], A::Export, "export to CSV or JSON", None),
    bind(&[ch('/')], A::Filter, "filter by name", Some("filter")),
    bind(&[ch('b')], A::CycleBand, "filter: next band", None),
    bind(&[ch('v')], A::CycleSegment, "filter: next volume segment", None),
    bind(&[ch('f')], A::CycleStatus, "filter: next status", None),
    bind(&[ch('R')], A::DueForReview, "filter: due for review (again: all)", None),
    bind(&[code(K::Esc)], A::ClearFilters, "clear all filters", None),
    bind(&[ch('>')], A::SortNext, "sort by the column to the right", Some("sort")),
    bind(&[ch('<')], A::SortPrevious, "sort by the column to the left", None),
    bind(&[ch('r')], A::SortReverse, "reverse the sort", None),
    bind(&[ch('u')], A::Undo, "undo", None),
    bind(&[ctrl('s')], A::Save, "save now (retries a failed save)", None),
    bind(&[ctrl('r')], A::Redo, "redo", None),
    bind(&[ch('?')], A::Help, "help", Some("help")),
    bind(&[ch('q')], A::Quit, "quit", Some("quit")),
];

/// While the name filter has the focus, characters are typed into it.
const FILTER_KEYS: &[Binding] = &[
    bind(&[code(K::Enter)], A::Confirm, "keep the filter", Some("keep")),
    bind(&[code(K::Esc)], A::Cancel, "clear the filter", Some("clear")),
    bind(&[code(K::Up)], A::Up, "previous match", None),
    bind(&[code(K::Down)], A::Down, "next match", None),
];

pub const KEYS: Table = Table(&[PORTFOLIO, QUIT]);

pub const FILTER: Table = Table(&[FILTER_KEYS, LINE_EDITING, QUIT]);

pub const HELP: HelpPage = HelpPage {
    title: "Portfolio",
    sections: &[
        Section {
            heading: None,
            table: KEYS,
            notes: &[
                "Mouse: click selects a row, the wheel scrolls.",
                "A ? after the band: too little data, so a cautious band.",
                "● before a name: marked for comparison.",
            ],
        },
        Section { heading: Some("While the name filter is typed (after /)"), table: FILTER, notes: &[] },
    ],
};
