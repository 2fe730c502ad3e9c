//! `/` in the policy editor: the values whose name, place or path holds what is typed, the
//! focus on the first of them as it is typed, ↑/↓ through the others, Esc back to where it was.

use super::sections::Section;
use super::tree::Leaf;
use crate::domain::policy_names::full_name;
use crate::tui::kit::line_edit::LineEdit;

#[derive(Debug, Clone, PartialEq)]
pub struct Search {
    pub line: LineEdit,
    /// The focus before the search, for Esc.
    pub origin: usize,
    /// The leaves that match, in the order of the sections.
    pub hits: Vec<usize>,
    /// Which hit has the focus.
    pub at: usize,
}

/// What a search looks in, per leaf: section, block, row, the value's name and its path, in
/// lower case.
pub fn haystacks(sections: &[Section], leaves: &[Leaf]) -> Vec<String> {
    let mut out: Vec<String> =
        leaves.iter().map(|l| format!("{} {}", full_name(&l.path), l.path).to_lowercase()).collect();
    for s in sections {
        for b in &s.blocks {
            for r in &b.rows {
                for i in r.cells.iter().flatten() {
                    if let Some(text) = out.get_mut(*i) {
                        *text = format!("{} {} {} {text}", s.id.title(), b.title, r.label).to_lowercase();
                    }
                }
            }
        }
    }
    out
}

/// Whether a query word is found: a piece of a path (`cells.micro`) anywhere, a word at the
/// start of one of the haystack's words ("min" finds "minimum", "c" finds band C, not "score").
fn found(haystack: &str, word: &str) -> bool {
    if word.contains(['.', '_', '[']) {
        return haystack.contains(word);
    }
    haystack.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with(word))
}

/// The leaves matching every word of `query`, in the order of `order` (the sections').
pub fn hits(haystacks: &[String], order: &[usize], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    order
        .iter()
        .copied()
        .filter(|&i| haystacks.get(i).is_some_and(|h| words.iter().all(|w| found(h, w))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::Policy;
    use crate::tui::policy::{sections, tree};

    #[test]
    fn a_search_finds_values_by_their_words_and_by_their_path() {
        let json = serde_json::to_value(Policy::default_policy()).unwrap();
        let leaves = tree::leaves(&json);
        let sections = sections::build(&json, &leaves);
        let hay = haystacks(&sections, &leaves);
        let order: Vec<usize> = (0..leaves.len()).collect();
        let path = |i: usize| leaves[i].path.as_str();
        let found = hits(&hay, &order, "minimum score band c");
        assert_eq!(found.iter().map(|&i| path(i)).collect::<Vec<_>>(), ["bands.C.min_score"]);
        let found = hits(&hay, &order, "terms.D.cells.micro.delivery");
        assert_eq!(found.iter().map(|&i| path(i)).collect::<Vec<_>>(), ["terms.D.cells.micro.delivery"]);
        assert_eq!(hits(&hay, &order, "cost of capital").len(), 1);
        assert!(hits(&hay, &order, "  ").is_empty());
        assert!(hits(&hay, &order, "no such value").is_empty());
    }
}
