//! Lines wrapped with a hanging indent: a bullet's continuation starts under its text, not at
//! the panel's edge, so that a list of long reasons still reads as a list. An amount is never
//! cut: the space between its digit groups (`40 000 000`) and before its `%` holds.

use ratatui::text::Line;

/// Each line of one style longer than `width` cut at word boundaries into several, the later
/// ones indented under the first one's text; lines of several styles are left to the
/// paragraph's own wrapping.
pub fn hanging(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let [span] = line.spans.as_slice() else {
            out.push(line);
            continue;
        };
        let text = span.content.as_ref();
        if width < 8 || textwrap::core::display_width(text) <= width {
            out.push(line);
            continue;
        }
        let indent = " ".repeat(continuation_indent(text));
        let options = textwrap::Options::new(width)
            .subsequent_indent(&indent)
            .word_separator(textwrap::WordSeparator::Custom(words));
        let style = span.style.patch(line.style);
        out.extend(
            textwrap::wrap(text, options).into_iter().map(|piece| Line::styled(piece.into_owned(), style)),
        );
    }
    out
}

/// The words of a line: cut after each run of spaces, except a single space inside an amount
/// (a digit, then a group of three digits, or a `%`).
fn words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let bytes = line.as_bytes();
    let mut words = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != b' ' {
            i += 1;
            continue;
        }
        let end = i + bytes[i..].iter().take_while(|&&b| b == b' ').count();
        let after = &bytes[end..];
        let group = after.len() >= 3
            && after[..3].iter().all(u8::is_ascii_digit)
            && !after.get(3).is_some_and(u8::is_ascii_digit);
        let inside_amount =
            end == i + 1 && i > 0 && bytes[i - 1].is_ascii_digit() && (group || after.first() == Some(&b'%'));
        if !inside_amount {
            words.push(textwrap::core::Word::from(&line[start..end]));
            start = end;
        }
        i = end;
    }
    if start < line.len() {
        words.push(textwrap::core::Word::from(&line[start..]));
    }
    Box::new(words.into_iter())
}

/// Where a continuation starts: two columns past the line's indent, which is under the text
/// of a bullet (`· `, `■ `, `! `) and a step in from a line without one.
fn continuation_indent(text: &str) -> usize {
    text.len() - text.trim_start_matches(' ').len() + 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn a_bullet_continues_under_its_text() {
        let lines = hanging(vec![Line::from("  · Requested 60 days; the policy allows 14")], 24);
        assert_eq!(texts(&lines), ["  · Requested 60 days;", "    the policy allows 14"]);
    }

    #[test]
    fn a_line_without_a_bullet_continues_two_columns_in() {
        // 20 columns: " At full points: Tax" is 20 wide, "   debt, Late filing" too.
        let lines = hanging(vec![Line::from(" At full points: Tax debt, Late filing")], 20);
        assert_eq!(texts(&lines), [" At full points: Tax", "   debt, Late filing"]);
    }

    #[test]
    fn an_amount_and_a_percentage_are_never_cut() {
        // "…ceiling 4 000" would fit in 24 columns, but the amount goes whole to the next line;
        // so does "30 %".
        let lines = hanging(vec![Line::from(" up to the ceiling 4 000 000 at 30 % advance")], 24);
        assert_eq!(texts(&lines), [" up to the ceiling", "   4 000 000 at 30 %", "   advance"]);
    }

    #[test]
    fn short_lines_and_lines_of_several_styles_stay_as_they_are() {
        let mixed = Line::from(vec!["Band D ".into(), "PD 9 % coverage 100 % Z'' -0.18".into()]);
        let lines = hanging(vec![Line::from(" short"), mixed.clone()], 12);
        assert_eq!(lines, vec![Line::from(" short"), mixed]);
    }
}
