//! Text from a file shown in a terminal: control characters and the invisible characters that
//! reorder text are escaped, so a cell cannot move the cursor, change colours or disguise
//! itself. Every message and table that echoes file text goes through `printable`.

use std::borrow::Cow;

/// Whether a character would act on the terminal or hide what surrounds it rather than show.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character (ESC, CR, tab, C1 controls…) and bidirectional
/// override written as an escape such as `\u{1b}`; borrowed when nothing needs escaping.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_what_would_act_on_the_terminal() {
        assert!(matches!(printable("Société Générale € 's-Hertogenbosch"), Cow::Borrowed(_)));
        assert_eq!(printable("\u{1b}[31mRed\u{1b}[0m"), "\\u{1b}[31mRed\\u{1b}[0m");
        assert_eq!(printable("a\rb\tc\nd"), "a\\u{d}b\\u{9}c\\u{a}d");
        assert_eq!(printable("\u{9b}2J"), "\\u{9b}2J");
        assert_eq!(printable("abc\u{202e}fdp.exe"), "abc\\u{202e}fdp.exe");
    }
}
