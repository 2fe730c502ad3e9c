//! Fuzzy matching of names as the filter is typed: the query's letters in order, any case,
//! accents ignored.

use crate::domain::names::fold;

/// The query's letters, folded, without spaces.
fn wanted(query: &str) -> impl Iterator<Item = char> + '_ {
    query.chars().filter(|c| !c.is_whitespace()).map(fold)
}

/// Whether `name` contains the letters of `query` in order; on a match, the character
/// positions matched (for highlighting) are written to `positions`.
pub fn matches(query: &str, name: &str, positions: &mut Vec<usize>) -> bool {
    positions.clear();
    let mut wanted = wanted(query).peekable();
    for (i, c) in name.chars().enumerate() {
        let Some(&w) = wanted.peek() else { break };
        if fold(c) == w {
            positions.push(i);
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// The same test without positions, on a query and a name both already folded (as the
/// portfolio's name index holds them): a plain subsequence test, for scanning many names.
pub fn is_match_folded(query: &str, name: &str) -> bool {
    if query.is_ascii() {
        // An ASCII byte never occurs inside a longer UTF-8 sequence, so bytes will do, and
        // they are what a scan of a million names can afford.
        let mut name = name.bytes();
        return query.bytes().filter(|b| !char::from(*b).is_whitespace()).all(|q| name.any(|c| c == q));
    }
    let mut name = name.chars();
    query.chars().filter(|c| !c.is_whitespace()).all(|q| name.any(|c| c == q))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::names::folded;

    fn is_match(query: &str, name: &str) -> bool {
        is_match_folded(&folded(query), &folded(name))
    }

    #[test]
    fn letters_in_order_any_case() {
        let mut pos = Vec::new();
        assert!(matches("xlog", "Xantra Logistics NV", &mut pos));
        assert_eq!(pos, vec![0, 7, 8, 9]);
        assert!(!matches("xz", "Xantra Logistics NV", &mut pos));
        assert!(matches("", "anything", &mut pos));
        assert!(is_match("YSEN del", "Ysendyck Delicatessen BV"));
        assert!(!is_match("ky", "Ysendyck"));
        assert!(is_match("liège", "LIÈGE Bouw"));
        assert!(is_match("liege", "Liège"));
        assert!(is_match_folded("xan log", "xantra logistics nv"));
        assert!(is_match_folded("lge", "liège") && !is_match_folded("lgz", "liège"));
    }
}
