//! Fuzzy matching of names as the filter is typed: the query's letters in order, any case.

/// A letter without its accent and in lower case, so that "liege" finds "Liège" and names
/// sort as a Benelux reader expects ("Bâtiments" before "Brouwerij").
pub fn fold(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// The sort key of a name: folded letters.
pub fn sort_key(name: &str) -> String {
    name.chars().map(fold).collect()
}

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

/// The same test without positions, for filtering many names quickly.
pub fn is_match(query: &str, name: &str) -> bool {
    let mut wanted = wanted(query).peekable();
    for c in name.chars() {
        let Some(&w) = wanted.peek() else { return true };
        if c == w || fold(c) == w {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(sort_key("Bâtiments") < sort_key("Brouwerij"));
    }
}
