//! A one-line text editor: the filter box, every form field, typed values, notes and paths.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::Action;
use super::keys::Table;

/// A key while a value is typed into `typing` (with `table`, the typing mode's keys): Cancel
/// drops the line, the editing keys edit it; true for Confirm, when the caller applies it.
pub fn typing_key(typing: &mut Option<LineEdit>, table: Table, key: &KeyEvent) -> bool {
    match table.lookup(key) {
        Some(Action::Confirm) => return true,
        Some(Action::Cancel) => *typing = None,
        Some(action) => {
            if let Some(line) = typing {
                line.apply(action, key);
            }
        }
        None => {}
    }
    false
}

/// Text with a cursor, counted in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    cursor: usize,
}

impl LineEdit {
    pub fn new(text: &str) -> LineEdit {
        LineEdit { text: text.to_string(), cursor: text.chars().count() }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor position in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text.char_indices().nth(char_index).map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Deletes the word before the cursor (Ctrl-W).
    pub fn delete_word(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1] == ' ' {
            start -= 1;
        }
        while start > 0 && chars[start - 1] != ' ' {
            start -= 1;
        }
        let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.replace_range(from..to, "");
        self.cursor = start;
    }

    /// Empties the line (Ctrl-U).
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub fn set(&mut self, text: &str) {
        *self = LineEdit::new(text);
    }

    /// Carries out a line-editing action (`keys::LINE_EDITING`), `Insert` with the key's
    /// character; false for any other action.
    pub fn apply(&mut self, action: Action, key: &KeyEvent) -> bool {
        match (action, key.code) {
            (Action::Insert, KeyCode::Char(c)) => self.insert(c),
            (Action::DeleteBefore, _) => self.backspace(),
            (Action::DeleteUnder, _) => self.delete(),
            (Action::CursorLeft, _) => self.left(),
            (Action::CursorRight, _) => self.right(),
            (Action::LineStart, _) => self.home(),
            (Action::LineEnd, _) => self.end(),
            (Action::DeleteWord, _) => self.delete_word(),
            (Action::ClearLine, _) => self.clear(),
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_with_accents() {
        let mut e = LineEdit::new("Liège");
        e.left();
        e.left();
        e.insert('x');
        assert_eq!(e.text(), "Lièxge");
        e.backspace();
        e.backspace();
        assert_eq!(e.text(), "Lige");
        e.home();
        e.delete();
        assert_eq!(e.text(), "ige");
        e.end();
        e.insert('!');
        assert_eq!((e.text(), e.cursor()), ("ige!", 4));
    }

    #[test]
    fn deletes_the_previous_word() {
        let mut e = LineEdit::new("Brasserie Dupont  ");
        e.delete_word();
        assert_eq!(e.text(), "Brasserie ");
        e.delete_word();
        assert_eq!(e.text(), "");
    }
}
