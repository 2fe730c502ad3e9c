//! One key table per screen: the dispatcher, the footer and the help overlay all read these,
//! so the help can never drift from the real bindings.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key with its modifiers (Shift is implied by the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// A binding: the keys, the intent, what help says, and what the footer says if it shows it.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub desc: &'static str,
    /// The footer's short label, for the bindings the footer shows.
    pub footer: Option<&'static str>,
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    desc: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding { keys, action, desc, footer }
}

use Action as A;
use KeyCode as K;

pub const PORTFOLIO: &[Binding] = &[
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
    bind(&[ch('c')], A::Compare, "compare the marked prospects (2–4)", Some("compare")),
    bind(&[ch('m')], A::Matrix, "risk × volume matrix", Some("matrix")),
    bind(&[ch('p')], A::Policy, "the credit policy (view and edit)", None),
    bind(&[ch('i')], A::Import, "import a CSV file (preview first)", None),
    bind(&[ch('e')], A::Export, "export to CSV or JSON", None),
    bind(&[ch('/')], A::Filter, "filter by name", Some("filter")),
    bind(&[ch('b')], A::CycleBand, "filter: next band", None),
    bind(&[ch('v')], A::CycleSegment, "filter: next volume segment", None),
    bind(&[ch('f')], A::CycleStatus, "filter: next status", None),
    bind(&[code(K::Esc)], A::ClearFilters, "clear all filters", None),
    bind(&[ch('s')], A::SortNext, "sort: next column / direction", Some("sort")),
    bind(&[ch('S')], A::SortPrevious, "sort: previous column / direction", None),
    bind(&[ch('u')], A::Undo, "undo", None),
    bind(&[ctrl('s')], A::Save, "save now (retries a failed save)", None),
    bind(&[ctrl('r')], A::Redo, "redo", None),
    bind(&[ch('?')], A::Help, "help", Some("help")),
    bind(&[ch('q')], A::Quit, "quit", Some("quit")),
];

/// While the name filter has the focus, letters are typed into it.
pub const FILTER: &[Binding] = &[
    bind(&[code(K::Enter)], A::Confirm, "keep the filter", Some("keep")),
    bind(&[code(K::Esc)], A::Cancel, "clear the filter", Some("clear")),
    bind(&[code(K::Up)], A::Up, "previous match", None),
    bind(&[code(K::Down)], A::Down, "next match", None),
];

/// In the form, letters belong to the fields: commands use Ctrl, Tab, arrows and F-keys.
pub const PROSPECT: &[Binding] = &[
    bind(&[code(K::Tab), code(K::Down), code(K::Enter)], A::NextField, "next field", Some("next field")),
    bind(&[code(K::BackTab), code(K::Up)], A::PreviousField, "previous field", None),
    bind(&[code(K::PageDown)], A::PageDown, "next group", None),
    bind(&[code(K::PageUp)], A::PageUp, "previous group", None),
    bind(&[ch(' ')], A::CycleChoice, "next choice (choice fields)", None),
    bind(&[ctrl('s')], A::Save, "save", Some("save")),
    bind(&[ctrl('d')], A::Decide, "record a decision", Some("decide")),
    bind(&[ctrl('t')], A::Terms, "what-if on the terms", Some("terms")),
    bind(&[code(K::Esc)], A::Back, "back (asks if unsaved)", Some("back")),
    bind(&[code(K::F(1))], A::Help, "help", Some("help")),
];

/// The what-if: the focused term moves by steps or takes a typed value.
pub const TERMS: &[Binding] = &[
    bind(&[code(K::Up), ch('k')], A::Up, "previous term", None),
    bind(&[code(K::Down), ch('j')], A::Down, "next term", None),
    bind(&[ch('+'), code(K::Right), ch('l')], A::Increase, "increase / next choice", Some("change")),
    bind(&[ch('-'), code(K::Left), ch('h')], A::Decrease, "decrease / previous choice", None),
    bind(&[code(K::Enter)], A::Type, "type a value (digits also start typing)", None),
    bind(&[ch('a')], A::SeekAdvance, "goal seek: least advance for the target margin", Some("seek adv.")),
    bind(&[ch('p')], A::SeekDays, "goal seek: longest payment days for the target", Some("seek days")),
    bind(&[ch('r')], A::Reset, "reset to the suggested terms", Some("reset")),
    bind(&[ctrl('s')], A::Save, "record a decision on these terms", Some("save")),
    bind(&[code(K::Esc)], A::Back, "back (the edit is kept for this session)", Some("back")),
    bind(&[ch('?'), code(K::F(1))], A::Help, "help", Some("help")),
];

/// While a value is typed in the what-if.
pub const TERMS_TYPING: &[Binding] = &[
    bind(&[code(K::Enter)], A::Confirm, "apply the value", Some("apply")),
    bind(&[code(K::Esc)], A::Cancel, "cancel", Some("cancel")),
];

/// Deals side by side.
pub const COMPARE: &[Binding] = &[
    bind(&[code(K::Left), ch('h')], A::Left, "previous column", None),
    bind(&[code(K::Right), ch('l'), code(K::Tab)], A::Right, "next column", Some("column")),
    bind(&[ch('t'), code(K::Enter)], A::Terms, "what-if on this column's terms", Some("terms")),
    bind(&[ch('e')], A::ToggleEdited, "suggested / edited terms", Some("suggested/edited")),
    bind(&[code(K::Esc), ch('q')], A::Back, "back to the portfolio", Some("back")),
    bind(&[ch('?')], A::Help, "help", Some("help")),
];

/// The band × segment grid.
pub const MATRIX: &[Binding] = &[
    bind(&[code(K::Up), ch('k')], A::Up, "band above", None),
    bind(&[code(K::Down), ch('j')], A::Down, "band below", None),
    bind(&[code(K::Left), ch('h')], A::Left, "larger segment", None),
    bind(&[code(K::Right), ch('l')], A::Right, "smaller segment", None),
    bind(&[code(K::Enter)], A::Open, "show this cell's prospects", Some("filter to cell")),
    bind(&[code(K::Esc), ch('q')], A::Back, "back to the portfolio", Some("back")),
    bind(&[ch('?')], A::Help, "help", Some("help")),
];

/// The policy editor: one line per value.
pub const POLICY: &[Binding] = &[
    bind(&[code(K::Up), ch('k')], A::Up, "previous value", None),
    bind(&[code(K::Down), ch('j')], A::Down, "next value", None),
    bind(&[code(K::PageUp)], A::PageUp, "page up", None),
    bind(&[code(K::PageDown)], A::PageDown, "page down", None),
    bind(&[code(K::Left), ch('h')], A::Left, "previous section", None),
    bind(&[code(K::Right), ch('l')], A::Right, "next section", Some("section")),
    bind(&[code(K::Enter)], A::Type, "edit the value (digits also start typing)", Some("edit")),
    bind(&[ch('+')], A::Increase, "next choice", None),
    bind(&[ch('-')], A::Decrease, "previous choice", None),
    bind(&[ch('D')], A::Reset, "reset to the shipped defaults (asks)", Some("defaults")),
    bind(&[ctrl('s')], A::Save, "save the policy and re-evaluate the portfolio", Some("save")),
    bind(&[code(K::Esc)], A::Back, "back (asks if edited)", Some("back")),
    bind(&[ch('?'), code(K::F(1))], A::Help, "help", Some("help")),
];

/// While a policy value is typed.
pub const POLICY_TYPING: &[Binding] = &[
    bind(&[code(K::Enter)], A::Confirm, "apply the value", Some("apply")),
    bind(&[code(K::Esc)], A::Cancel, "cancel", Some("cancel")),
];

/// The store could not be read: the only way is out.
pub const LOAD_FAILED: &[Binding] = &[bind(
    &[ch('q'), code(K::Esc), code(K::Enter)],
    A::Quit,
    "quit (the store is left as it is)",
    Some("quit"),
)];

/// The broken-policy message at start.
pub const BROKEN_POLICY: &[Binding] = &[
    bind(
        &[ch('c'), code(K::Enter)],
        A::Confirm,
        "continue on the defaults (the file is left as it is)",
        Some("continue on defaults"),
    ),
    bind(&[ch('q'), code(K::Esc)], A::Quit, "quit (fix the file first)", Some("quit")),
];

pub const WELCOME: &[Binding] = &[
    bind(&[ch('n')], A::New, "new prospect", Some("new")),
    bind(&[ch('d')], A::OpenDemo, "open the demo portfolio", Some("demo")),
    bind(&[ch('i')], A::Import, "import a CSV file", Some("import")),
    bind(&[ch('?')], A::Help, "help", Some("help")),
    bind(&[ch('q'), code(K::Esc)], A::Quit, "quit", Some("quit")),
];

/// Yes/no questions.
pub const CONFIRM: &[Binding] = &[
    bind(&[ch('y'), code(K::Enter)], A::Confirm, "yes", Some("yes")),
    bind(&[ch('n'), code(K::Esc)], A::Cancel, "no", Some("no")),
];

/// Unsaved changes: save, discard or stay.
pub const UNSAVED: &[Binding] = &[
    bind(&[ch('s'), ctrl('s')], A::Save, "save", Some("save")),
    bind(&[ch('d')], A::Discard, "discard", Some("discard")),
    bind(&[code(K::Esc), ch('c')], A::Cancel, "stay", Some("stay")),
];

/// The decision dialog: choose a status, type a note.
pub const DECISION: &[Binding] = &[
    bind(&[code(K::Up)], A::Up, "previous status", Some("up")),
    bind(&[code(K::Down)], A::Down, "next status", Some("down")),
    bind(&[code(K::Enter)], A::Confirm, "record", Some("record")),
    bind(&[code(K::Esc)], A::Cancel, "cancel", Some("cancel")),
];

/// A path prompt.
pub const PROMPT: &[Binding] = &[
    bind(&[code(K::Enter)], A::Confirm, "go", Some("go")),
    bind(&[code(K::Tab)], A::Complete, "complete the path", Some("complete")),
    bind(&[ctrl('a')], A::ToggleScope, "export: whole portfolio / shown rows", None),
    bind(&[code(K::Esc)], A::Cancel, "cancel", Some("cancel")),
];

/// The import preview.
pub const IMPORT_PREVIEW: &[Binding] = &[
    bind(&[code(K::Up), ch('k')], A::Up, "scroll the problems up", None),
    bind(&[code(K::Down), ch('j')], A::Down, "scroll the problems down", None),
    bind(&[ch('a'), code(K::Enter)], A::Confirm, "import all valid rows", Some("import valid rows")),
    bind(&[ch('n'), code(K::Esc)], A::Cancel, "import nothing", Some("nothing")),
    bind(&[ch('f')], A::FixFile, "import nothing, fix the file first", Some("fix file first")),
    bind(&[ch('?')], A::Help, "help", None),
];

/// The store changed on disk since it was read.
pub const CHANGED: &[Binding] = &[
    bind(&[ch('o')], A::Overwrite, "overwrite it with this portfolio", Some("overwrite")),
    bind(&[ch('r')], A::Reload, "reload it (changes here are lost)", Some("reload")),
    bind(&[code(K::Esc)], A::Cancel, "decide later", Some("later")),
];

pub const HELP: &[Binding] = &[
    bind(&[code(K::Up), ch('k')], A::Up, "scroll up", None),
    bind(&[code(K::Down), ch('j')], A::Down, "scroll down", None),
    bind(&[code(K::Esc), ch('q'), ch('?'), code(K::F(1))], A::Back, "close help", Some("close")),
];

/// The action a key press means in a table.
pub fn lookup(table: &[Binding], event: &KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let code = match event.code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    table.iter().find(|b| b.keys.iter().any(|k| k.code == code && k.ctrl == ctrl)).map(|b| b.action)
}

/// How a key is written in the footer and help: `Ctrl-S`, `↑`, `PgDn`, `q`.
pub fn label(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if key.ctrl => c.to_ascii_uppercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::F(n) => format!("F{n}"),
        _ => "?".into(),
    };
    if key.ctrl { format!("Ctrl-{name}") } else { name }
}

/// All the keys of a binding: `↑/k`.
pub fn keys_label(binding: &Binding) -> String {
    binding.keys.iter().map(label).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn finds_plain_shifted_and_control_keys() {
        assert_eq!(lookup(PORTFOLIO, &press(KeyCode::Char('j'), KeyModifiers::NONE)), Some(A::Down));
        assert_eq!(lookup(PORTFOLIO, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(A::Bottom));
        assert_eq!(lookup(PORTFOLIO, &press(KeyCode::Char('r'), KeyModifiers::CONTROL)), Some(A::Redo));
        assert_eq!(
            lookup(PROSPECT, &press(KeyCode::Char('S'), KeyModifiers::CONTROL | KeyModifiers::SHIFT)),
            Some(A::Save)
        );
        assert_eq!(lookup(PROSPECT, &press(KeyCode::Char('q'), KeyModifiers::NONE)), None);
        assert_eq!(lookup(PORTFOLIO, &press(KeyCode::Char('r'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_a_table() {
        for table in [
            LOAD_FAILED,
            IMPORT_PREVIEW,
            POLICY,
            POLICY_TYPING,
            BROKEN_POLICY,
            PORTFOLIO,
            FILTER,
            PROSPECT,
            TERMS,
            TERMS_TYPING,
            COMPARE,
            MATRIX,
            WELCOME,
            CONFIRM,
            UNSAVED,
            DECISION,
            PROMPT,
            CHANGED,
            HELP,
        ] {
            let keys: Vec<Key> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{} bound twice", label(k));
            }
        }
    }

    #[test]
    fn labels_read_like_terminal_habits() {
        assert_eq!(label(&ctrl('s')), "Ctrl-S");
        assert_eq!(keys_label(&PORTFOLIO[0]), "↑/k");
        assert_eq!(label(&code(KeyCode::F(1))), "F1");
    }
}
