//! Key tables: each screen's keys, the intent of each, and the words help and the footer show.
//! A screen's update reads the action from its table and matches on it, so the help and the
//! footer can never drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key as a table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key without Control (a letter carries its case, so Shift is implied by it).
    Plain(KeyCode),
    /// Control with a letter.
    Ctrl(char),
    /// Any character typed without Control: text for a field.
    Text,
    /// Any digit typed without Control.
    Digit,
}

pub const fn ch(c: char) -> Key {
    Key::Plain(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> Key {
    Key::Ctrl(c)
}

pub const fn code(code: KeyCode) -> Key {
    Key::Plain(code)
}

impl Key {
    /// Whether this is exactly the key pressed.
    fn is(self, code: KeyCode, ctrl: bool) -> bool {
        match self {
            Key::Plain(k) => !ctrl && k == code,
            Key::Ctrl(c) => ctrl && code == KeyCode::Char(c),
            Key::Text | Key::Digit => false,
        }
    }

    /// Whether this is a class of keys that holds the key pressed.
    fn covers(self, code: KeyCode, ctrl: bool) -> bool {
        match (self, code) {
            (Key::Text, KeyCode::Char(_)) => !ctrl,
            (Key::Digit, KeyCode::Char(c)) => !ctrl && c.is_ascii_digit(),
            _ => false,
        }
    }

    /// A press of this key (for a class, one of its keys: `x`, `7`), as a terminal sends it.
    pub fn example(self) -> KeyEvent {
        let (code, modifiers) = match self {
            Key::Plain(KeyCode::Char(c)) if c.is_uppercase() => (KeyCode::Char(c), KeyModifiers::SHIFT),
            Key::Plain(KeyCode::BackTab) => (KeyCode::BackTab, KeyModifiers::SHIFT),
            Key::Plain(code) => (code, KeyModifiers::NONE),
            Key::Ctrl(c) => (KeyCode::Char(c), KeyModifiers::CONTROL),
            Key::Text => (KeyCode::Char('x'), KeyModifiers::NONE),
            Key::Digit => (KeyCode::Char('7'), KeyModifiers::NONE),
        };
        KeyEvent::new(code, modifiers)
    }
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

pub const fn bind(
    keys: &'static [Key],
    action: Action,
    desc: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding { keys, action, desc, footer }
}

/// A screen's key table: groups of bindings, so that shared groups (line editing) are written
/// once.
#[derive(Debug, Clone, Copy)]
pub struct Table(pub &'static [&'static [Binding]]);

impl Table {
    pub fn bindings(self) -> impl Iterator<Item = &'static Binding> {
        self.0.iter().flat_map(|group| group.iter())
    }

    /// The action a key press means here: a key the table names wins over a class of keys
    /// (Space over "any character").
    pub fn lookup(self, event: &KeyEvent) -> Option<Action> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        let find = |hit: fn(Key, KeyCode, bool) -> bool| {
            self.bindings().find(|b| b.keys.iter().any(|k| hit(*k, code, ctrl))).map(|b| b.action)
        };
        find(Key::is).or_else(|| find(Key::covers))
    }
}

use Action as A;
use KeyCode as K;

/// The keys of every one-line text: form fields, the filter, typed values, notes and paths.
pub const LINE_EDITING: &[Binding] = &[
    bind(&[Key::Text], A::Insert, "type at the cursor", None),
    bind(&[code(K::Backspace)], A::DeleteBefore, "delete the character before the cursor", None),
    bind(&[code(K::Delete)], A::DeleteUnder, "delete the character at the cursor", None),
    bind(&[code(K::Left)], A::CursorLeft, "cursor left", None),
    bind(&[code(K::Right)], A::CursorRight, "cursor right", None),
    bind(&[code(K::Home)], A::LineStart, "cursor to the start", None),
    bind(&[code(K::End)], A::LineEnd, "cursor to the end", None),
    bind(&[ctrl('w')], A::DeleteWord, "delete the word before the cursor", None),
    bind(&[ctrl('u')], A::ClearLine, "empty the line", None),
];

/// In every table, screens and pop-ups alike: quit, asking first about what is not saved.
pub const QUIT: &[Binding] = &[bind(&[ctrl('c')], A::Quit, "quit (asks first about unsaved changes)", None)];

/// How a key is written in the footer and help: `Ctrl-S`, `↑`, `PgDn`, `q`.
pub fn label(key: &Key) -> String {
    let code = match *key {
        Key::Plain(code) => code,
        Key::Ctrl(c) => return format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::Text => return "characters".into(),
        Key::Digit => return "0–9".into(),
    };
    match code {
        KeyCode::Char(' ') => "Space".to_string(),
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
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Insert => "Ins".into(),
        _ => "?".into(),
    }
}

/// All the keys of a binding: `↑/k`.
pub fn keys_label(binding: &Binding) -> String {
    binding.keys.iter().map(label).collect::<Vec<_>>().join("/")
}

/// A key press named as the user typed it: `'x'`, `Ctrl-G`, `Alt-X`, `F5`, `Shift-F5`.
pub fn typed(event: &KeyEvent) -> String {
    let m = event.modifiers;
    let mut name = String::new();
    if m.contains(KeyModifiers::CONTROL) {
        name.push_str("Ctrl-");
    }
    if m.contains(KeyModifiers::ALT) {
        name.push_str("Alt-");
    }
    match event.code {
        KeyCode::Char(c) if name.is_empty() => name.push_str(&format!("'{c}'")),
        KeyCode::Char(c) => name.push(c.to_ascii_uppercase()),
        KeyCode::BackTab => name.push_str("Shift-Tab"),
        code => {
            if m.contains(KeyModifiers::SHIFT) {
                name.push_str("Shift-");
            }
            name.push_str(&match label(&Key::Plain(code)) {
                unnamed if unnamed == "?" => "that key".to_string(),
                known => known,
            });
        }
    }
    name
}

/// The message for a key that means nothing here, and where to look.
pub fn unknown(key: &KeyEvent, help: &str) -> String {
    format!("{} does nothing here; {help} lists the keys", typed(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: Table = Table(&[
        &[
            bind(&[code(K::Down), ch('j')], A::Down, "next", None),
            bind(&[ch('G')], A::Bottom, "last", None),
            bind(&[ctrl('s')], A::Save, "save", None),
            bind(&[ch(' ')], A::CycleChoice, "next choice", None),
        ],
        LINE_EDITING,
    ]);

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn finds_plain_shifted_and_control_keys() {
        assert_eq!(SAMPLE.lookup(&press(KeyCode::Char('j'), KeyModifiers::NONE)), Some(A::Down));
        assert_eq!(SAMPLE.lookup(&press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(A::Bottom));
        assert_eq!(
            SAMPLE.lookup(&press(KeyCode::Char('S'), KeyModifiers::CONTROL | KeyModifiers::SHIFT)),
            Some(A::Save)
        );
        assert_eq!(SAMPLE.lookup(&press(KeyCode::Char('r'), KeyModifiers::CONTROL)), None);
    }

    #[test]
    fn a_named_key_wins_over_any_character() {
        assert_eq!(SAMPLE.lookup(&press(KeyCode::Char(' '), KeyModifiers::NONE)), Some(A::CycleChoice));
        assert_eq!(SAMPLE.lookup(&press(KeyCode::Char('q'), KeyModifiers::NONE)), Some(A::Insert));
        assert_eq!(SAMPLE.lookup(&press(KeyCode::Char('w'), KeyModifiers::CONTROL)), Some(A::DeleteWord));
        assert_eq!(SAMPLE.lookup(&Key::Digit.example()), Some(A::Insert));
    }

    #[test]
    fn labels_read_like_terminal_habits() {
        assert_eq!(label(&ctrl('s')), "Ctrl-S");
        assert_eq!(keys_label(&SAMPLE.0[0][0]), "↓/j");
        assert_eq!(label(&code(KeyCode::F(1))), "F1");
    }

    #[test]
    fn an_unbound_key_is_named_as_typed() {
        let said = |code, modifiers| unknown(&press(code, modifiers), "?");
        assert_eq!(
            said(KeyCode::Char('c'), KeyModifiers::CONTROL),
            "Ctrl-C does nothing here; ? lists the keys"
        );
        assert!(said(KeyCode::F(5), KeyModifiers::NONE).starts_with("F5 does nothing"));
        assert!(said(KeyCode::F(5), KeyModifiers::SHIFT).starts_with("Shift-F5 does"));
        assert!(said(KeyCode::Char('x'), KeyModifiers::ALT).starts_with("Alt-X does"));
        assert!(said(KeyCode::Char('z'), KeyModifiers::NONE).starts_with("'z' does"));
        assert!(said(KeyCode::Char('Z'), KeyModifiers::SHIFT).starts_with("'Z' does"));
        assert!(said(KeyCode::BackTab, KeyModifiers::SHIFT).starts_with("Shift-Tab does"));
        assert!(said(KeyCode::Insert, KeyModifiers::NONE).starts_with("Ins does"));
    }

    #[test]
    fn every_example_is_found_by_its_own_binding() {
        for binding in SAMPLE.bindings() {
            for key in binding.keys {
                assert_eq!(SAMPLE.lookup(&key.example()), Some(binding.action), "{}", label(key));
            }
        }
    }
}
