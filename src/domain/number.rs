//! The number parser every input goes through: a file's cells in the file's convention, and
//! what a person types in the desk by one rule that never reads a number two ways.

use rust_decimal::Decimal;

/// How a number is written: which character marks the decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// `1,234,567.89` (commas may group thousands): a `,`-separated file.
    Point,
    /// `1.234.567,89`, as Belgian and Dutch spreadsheets write it: a `;`-separated file.
    Comma,
    /// An amount or a count as a person types it in the desk, read one way only:
    /// - a point followed by exactly three digits groups thousands, as in a `;` file:
    ///   `45.000` is 45 000, `1.234.567` is 1 234 567;
    /// - with both marks, the last one marks the decimals and the other groups thousands:
    ///   `1.234,56` and `1,234.56` are 1 234.56;
    /// - otherwise a single point or comma marks the decimals: `45,5` and `45.5` are 45.5;
    /// - a single comma followed by exactly three digits (`45,000`) could be 45 000 or 45, and
    ///   is refused with a message that says how to write either.
    ///
    /// Percentages and ratios read with this style keep the decimal point (`12.500 %` is
    /// 12.5 %): see [`NumberStyle::for_ratio`].
    Typed,
    /// A ratio or a percentage typed in the desk: a single point or comma marks the decimals
    /// (`1.5`, `12,5`); with both, the last marks the decimals; several of one kind group
    /// thousands.
    Auto,
}

impl NumberStyle {
    /// The style for a percentage or a ratio: a file's convention stays; typed text reads a
    /// single separator as the decimal mark (no percentage groups thousands).
    pub fn for_ratio(self) -> NumberStyle {
        if self == NumberStyle::Typed { NumberStyle::Auto } else { self }
    }
}

/// Parses a decimal number written by a person: spaces, apostrophes and underscores group
/// digits, a leading `€` or trailing `EUR` is allowed, `−` counts as a minus sign.
pub fn parse_decimal(raw: &str, style: NumberStyle) -> Result<Decimal, String> {
    let raw = raw.trim();
    plain(raw, style).map_or_else(|| by_the_rules(raw, style), Ok)
}

/// `parse_decimal` of trimmed text, the whole way: separators removed, the decimal and the
/// grouping mark chosen, the groups checked.
fn by_the_rules(raw: &str, style: NumberStyle) -> Result<Decimal, String> {
    let mut text: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '_' | '€'))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    if let Some(stripped) = text.strip_suffix("EUR") {
        text = stripped.to_string();
    }
    if text.is_empty() {
        return Err("empty number".into());
    }
    let (decimal, group) = separators(raw, &text, style)?;
    let (int_part, frac_part) = match decimal.and_then(|d| text.rsplit_once(d)) {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    if let Some(f) = &frac_part
        && (f.contains(group) || decimal.is_some_and(|d| f.contains(d)))
    {
        return Err(format!("'{raw}' has a separator after the decimals"));
    }
    let int_digits = ungroup(&int_part, group)
        .ok_or_else(|| format!("'{raw}' groups its thousands oddly (expected e.g. 1{group}234{group}567)"))?;
    let canonical = match frac_part {
        Some(f) => format!("{int_digits}.{f}"),
        None => int_digits,
    };
    Decimal::from_str_exact(&canonical).map_err(|_| format!("'{raw}' is not a number"))
}

/// The number of a text that the rules below would read as written: digits after an optional
/// minus sign, with one decimal point only in the `Point` style (where a point always marks the
/// decimals). Such text is its own canonical form, so it is read without building one; anything
/// else, an error included, goes the whole way (and gets its message there).
fn plain(text: &str, style: NumberStyle) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let point = style == NumberStyle::Point;
    let mut points = 0;
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => {}
            b'.' if point && points == 0 => points += 1,
            _ => return None,
        }
    }
    Decimal::from_str_exact(text).ok()
}

/// Whether `text` is one group of thousands after one separator: 1–3 digits not starting with
/// 0 (after a sign), the separator, exactly three digits (`45.000`, `1,234`).
fn one_thousands_group(text: &str, separator: char) -> Option<(&str, &str)> {
    let (before, after) = text.split_once(separator)?;
    let digits = before.trim_start_matches(['-', '+']);
    let lead_ok = (1..=3).contains(&digits.len()) && !digits.starts_with('0');
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    (lead_ok && all_digits(digits) && after.len() == 3 && all_digits(after)).then_some((before, after))
}

/// Chooses the decimal mark and the grouping mark for a text in a style; refuses a typed
/// number that could be read two ways.
fn separators(raw: &str, text: &str, style: NumberStyle) -> Result<(Option<char>, char), String> {
    let (points, commas) = (text.matches('.').count(), text.matches(',').count());
    Ok(match style {
        NumberStyle::Point => (Some('.'), ','),
        NumberStyle::Comma => (Some(','), '.'),
        NumberStyle::Typed if commas == 0 && points == 1 && one_thousands_group(text, '.').is_some() => {
            (None, '.')
        }
        NumberStyle::Typed if points == 0 && commas == 1 => {
            if let Some((before, after)) = one_thousands_group(text, ',') {
                return Err(ambiguous(raw, before, after));
            }
            (Some(','), '.')
        }
        NumberStyle::Typed | NumberStyle::Auto => match (points, commas) {
            (0, 0) => (None, ','),
            (_, 0) if points > 1 => (None, '.'),
            (_, 0) => (Some('.'), ','),
            (0, _) if commas > 1 => (None, ','),
            (0, _) => (Some(','), '.'),
            _ if text.rfind('.') > text.rfind(',') => (Some('.'), ','),
            _ => (Some(','), '.'),
        },
    })
}

/// What every message about a number that reads two ways says, for callers that rephrase
/// other parse errors.
pub(crate) const TWO_WAYS: &str = " could be ";

/// Why `45,000` is refused, and how to write each of its readings.
fn ambiguous(raw: &str, before: &str, after: &str) -> String {
    let thousands = format!("{before} {after}");
    let small = format!("{before},{}", after.trim_end_matches('0'));
    let small = small.trim_end_matches(',');
    // `1,234` as a decimal keeps its three decimals only with a fourth digit.
    let small = if small.len() - small.find(',').map_or(small.len(), |i| i + 1) == 3 {
        format!("{small}0")
    } else {
        small.to_string()
    };
    format!(
        "'{raw}'{TWO_WAYS}{thousands} or {small}: type {before}.{after} or {before}{after} for {thousands}, {small} for the other"
    )
}

/// Removes thousands separators, checking that every group after the first has three digits.
fn ungroup(int_part: &str, group: char) -> Option<String> {
    if !int_part.contains(group) {
        return Some(int_part.to_string());
    }
    let unsigned = int_part.trim_start_matches(['-', '+']);
    let mut parts = unsigned.split(group);
    let first = parts.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    if parts.any(|p| p.len() != 3) {
        return None;
    }
    Some(int_part.replace(group, ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn parses_every_spreadsheet_form() {
        let cases = [
            ("1234567.89", NumberStyle::Point, dec!(1234567.89)),
            ("1,234,567.89", NumberStyle::Point, dec!(1234567.89)),
            ("1.234.567,89", NumberStyle::Comma, dec!(1234567.89)),
            ("1 234 567,89", NumberStyle::Comma, dec!(1234567.89)),
            ("-12,5", NumberStyle::Comma, dec!(-12.5)),
            ("−12.5", NumberStyle::Point, dec!(-12.5)),
            ("€ 1.000", NumberStyle::Comma, dec!(1000)),
            ("45,000", NumberStyle::Comma, dec!(45)),
            ("1.234.567,89", NumberStyle::Auto, dec!(1234567.89)),
            ("1,234,567.89", NumberStyle::Auto, dec!(1234567.89)),
            ("12,5", NumberStyle::Auto, dec!(12.5)),
            ("12.5", NumberStyle::Auto, dec!(12.5)),
            ("12.500", NumberStyle::Auto, dec!(12.5)),
            ("1.234.567", NumberStyle::Auto, dec!(1234567)),
            ("250000", NumberStyle::Auto, dec!(250000)),
        ];
        for (raw, style, want) in cases {
            assert_eq!(parse_decimal(raw, style), Ok(want), "{raw}");
        }
    }

    #[test]
    fn typed_numbers_read_one_way() {
        // (typed, the number read): a point before exactly three digits groups thousands as in
        // a `;` file; both marks: the last marks the decimals; one mark otherwise: decimals.
        let cases = [
            ("45.000", dec!(45000)),
            ("45 000", dec!(45000)),
            ("1.234", dec!(1234)),
            ("-12.500", dec!(-12500)),
            ("1.234.567", dec!(1234567)),
            ("1,234,567", dec!(1234567)),
            ("1.234,56", dec!(1234.56)),
            ("1,234.56", dec!(1234.56)),
            ("1 234.56", dec!(1234.56)),
            ("45.000,00", dec!(45000)),
            ("45,5", dec!(45.5)),
            ("45.5", dec!(45.5)),
            ("1234.567", dec!(1234.567)),
            ("0.125", dec!(0.125)),
            ("0,125", dec!(0.125)),
            ("€ 2.500", dec!(2500)),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_decimal(raw, NumberStyle::Typed), Ok(want), "{raw}");
        }
    }

    #[test]
    fn a_typed_number_that_reads_two_ways_is_refused_with_both_spellings() {
        let message = parse_decimal("45,000", NumberStyle::Typed).unwrap_err();
        assert_eq!(
            message,
            "'45,000' could be 45 000 or 45: type 45.000 or 45000 for 45 000, 45 for the other"
        );
        let message = parse_decimal("1,250", NumberStyle::Typed).unwrap_err();
        assert!(message.contains("1 250 or 1,25") && message.contains("type 1.250 or 1250"), "{message}");
        let message = parse_decimal("1,234", NumberStyle::Typed).unwrap_err();
        assert!(message.contains("1 234 or 1,2340"), "{message}");
        // The same texts in a file have the file's one reading.
        assert_eq!(parse_decimal("45,000", NumberStyle::Point), Ok(dec!(45000)));
        // A percentage keeps the decimal point.
        assert_eq!(parse_decimal("12.500", NumberStyle::Typed.for_ratio()), Ok(dec!(12.5)));
    }

    #[test]
    fn plain_numbers_read_as_the_whole_parser_reads_them() {
        // The short cut must agree with the full rules, value and scale, and leave every text it
        // does not take (or cannot read) to them.
        let styles = [NumberStyle::Point, NumberStyle::Comma, NumberStyle::Typed, NumberStyle::Auto];
        for raw in [
            "0",
            "-0",
            "7",
            "250000",
            "-1234",
            "1234.5",
            "-0.50",
            "12.500",
            "1.234",
            "45.000",
            ".5",
            "5.",
            "-",
            ".",
            "",
            "1.2.3",
            "--1",
            "1-2",
            "007",
            "99999999999999999999999999999",
            "1234567890123456789012345678901",
        ] {
            for style in styles {
                let whole_way = by_the_rules(raw, style);
                if let Some(quick) = plain(raw, style) {
                    assert_eq!(Ok(quick), whole_way, "{raw} {style:?}");
                    assert_eq!(Ok(quick.scale()), whole_way.as_ref().map(|d| d.scale()), "{raw} {style:?}");
                }
                assert_eq!(parse_decimal(raw, style), whole_way, "{raw} {style:?}");
            }
        }
        assert_eq!(plain("45.000", NumberStyle::Typed), None, "a typed point may group thousands");
        assert_eq!(plain("45.000", NumberStyle::Comma), None);
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for raw in ["", "abc", "12.34.5,6,7", "1.23,4.5", "12,34.567", "1e5"] {
            assert!(parse_decimal(raw, NumberStyle::Comma).is_err(), "{raw}");
        }
        for raw in ["1.23.4", "12.34,5.6", "1,2,3"] {
            assert!(parse_decimal(raw, NumberStyle::Typed).is_err(), "{raw}");
        }
        assert!(parse_decimal("1.23.4", NumberStyle::Auto).is_err());
    }
}
