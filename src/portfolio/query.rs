//! What the name filter finds, and how well: a query's words against a name's words, both
//! folded (lower case, accents off). One word matches inside any one word of the name (`xan`
//! finds "Xantra"); several words match as prefixes of consecutive words (`sint jo` finds
//! "Sint-Jozef"); letters spread over different words never match (`xant` does not find
//! "Luxlog Transports"). The rank orders the rows while a filter is on: the whole name, then
//! its start, then the start of a later word, then inside a word.
//!
//! Not nucleo-matcher: its fuzzy atoms score letters scattered over a name, which these rules
//! refuse, and its substring and prefix atoms match the whole name, not consecutive words.

use memchr::memmem::Finder;

use super::names::fold;

/// How well a name matches, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The name's words are the query's words.
    Exact,
    /// The match starts the name.
    Prefix,
    /// The match starts a later word.
    WordStart,
    /// The match is inside a word.
    Inside,
}

impl Rank {
    /// How many ranks there are (for buckets of rows).
    pub const COUNT: usize = 4;
}

/// A character that belongs to a word: letters and digits; anything else separates words.
fn in_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of a folded text, each with its byte offset.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + Clone {
    // Each piece `split` yields lies inside `text`: its offset is where it starts.
    text.split(|c: char| !in_word(c))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Whether the byte at `at` starts a word of `name`.
fn starts_word(name: &str, at: usize) -> bool {
    name[..at].chars().next_back().is_none_or(|c| !in_word(c))
}

/// A query as the filter reads it: its words, folded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

/// A query ready to test many names: the finder of its first word built once.
pub struct Matcher<'a> {
    query: &'a Query,
    first: Finder<'a>,
}

impl Query {
    /// The query for text as typed (or already folded).
    pub fn new(typed: &str) -> Query {
        let folded: String = typed.chars().map(fold).collect();
        Query { words: words(&folded).map(|(_, w)| w.to_string()).collect() }
    }

    /// Whether the query has no word: everything matches, unranked.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn matcher(&self) -> Matcher<'_> {
        Matcher { query: self, first: Finder::new(self.words.first().map_or("", String::as_str)) }
    }

    /// How well a folded name matches, or `None` when it does not.
    pub fn rank(&self, name: &str) -> Option<Rank> {
        self.matcher().rank(name)
    }

    /// Whether a name (as written) matches, and which of its characters, for highlighting.
    pub fn positions(&self, name: &str, out: &mut Vec<usize>) -> bool {
        out.clear();
        let folded: String = name.chars().map(fold).collect();
        let Some(spans) = self.matcher().spans(&folded) else { return false };
        // Folding keeps one character for one, so character positions carry over.
        for (i, (at, _)) in folded.char_indices().enumerate() {
            if spans.iter().any(|&(from, to)| (from..to).contains(&at)) {
                out.push(i);
            }
        }
        true
    }
}

impl Matcher<'_> {
    /// How well a folded name matches, or `None` when it does not.
    pub fn rank(&self, name: &str) -> Option<Rank> {
        match self.query.words.as_slice() {
            [] => Some(Rank::Exact),
            [word] => self.one(word, name),
            _ => self.consecutive(name).map(|(rank, _)| rank),
        }
    }

    /// One word, inside any word of the name, ranked by its best occurrence.
    fn one(&self, word: &str, name: &str) -> Option<Rank> {
        let mut found = self.first.find_iter(name.as_bytes()).peekable();
        let first = *found.peek()?;
        // The word holds no separator, so an occurrence lies inside one word of the name.
        if words(name).next().is_some_and(|(start, _)| start == first) {
            let mut all = words(name);
            let exact = all.next().is_some_and(|(_, w)| w == word) && all.next().is_none();
            return Some(if exact { Rank::Exact } else { Rank::Prefix });
        }
        Some(if found.any(|at| starts_word(name, at)) { Rank::WordStart } else { Rank::Inside })
    }

    /// Several words, as prefixes of consecutive words of the name: the first such run, its
    /// rank, and the name's words from where it starts.
    fn consecutive<'n>(&self, name: &'n str) -> Option<(Rank, impl Iterator<Item = (usize, &'n str)>)> {
        self.first.find(name.as_bytes())?;
        let mut from = words(name);
        let mut first = true;
        loop {
            let mut run = from.clone();
            let fits =
                self.query.words.iter().all(|q| run.next().is_some_and(|(_, w)| w.starts_with(q.as_str())));
            if fits {
                let exact = first
                    && run.next().is_none()
                    && from.clone().zip(&self.query.words).all(|((_, w), q)| w == q);
                let rank = match (exact, first) {
                    (true, _) => Rank::Exact,
                    (false, true) => Rank::Prefix,
                    (false, false) => Rank::WordStart,
                };
                return Some((rank, from));
            }
            from.next()?;
            first = false;
        }
    }

    /// The byte ranges of the name the best match covers.
    fn spans(&self, name: &str) -> Option<Vec<(usize, usize)>> {
        match self.query.words.as_slice() {
            [] => Some(Vec::new()),
            [word] => {
                let rank = self.one(word, name)?;
                let mut found = self.first.find_iter(name.as_bytes());
                let at = match rank {
                    Rank::WordStart => found.find(|&at| starts_word(name, at)),
                    _ => found.next(),
                }?;
                Some(vec![(at, at + word.len())])
            }
            words => {
                let (_, run) = self.consecutive(name)?;
                Some(run.zip(words).map(|((at, _), q)| (at, at + q.len())).collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portfolio::names::folded;

    fn rank(query: &str, name: &str) -> Option<Rank> {
        Query::new(query).rank(&folded(name))
    }

    #[test]
    fn a_word_matches_inside_one_word_and_words_as_consecutive_prefixes() {
        assert_eq!(rank("xan", "Xantra Logistics NV"), Some(Rank::Prefix));
        assert_eq!(rank("logis", "Xantra Logistics NV"), Some(Rank::WordStart));
        assert_eq!(rank("gist", "Xantra Logistics NV"), Some(Rank::Inside));
        assert_eq!(rank("sint jo", "Apotheek Sint-Jozef BV"), Some(Rank::WordStart));
        assert_eq!(rank("SINT-JOZ", "Apotheek Sint-Jozef BV"), Some(Rank::WordStart));
        assert_eq!(rank("ap sint", "Apotheek Sint-Jozef BV"), Some(Rank::Prefix));
        assert_eq!(rank("liege", "LIÈGE Bouw"), Some(Rank::Prefix));
        assert_eq!(rank("t pleintje", "Frituur 't Pleintje BV"), Some(Rank::WordStart));
    }

    #[test]
    fn letters_scattered_over_words_never_match() {
        assert_eq!(rank("xant", "Luxlog Transports"), None);
        assert_eq!(rank("xlog", "Xantra Logistics NV"), None);
        assert_eq!(rank("sintjo", "Apotheek Sint-Jozef BV"), None);
        assert_eq!(rank("jo sint", "Apotheek Sint-Jozef BV"), None, "words in the name's order");
        assert_eq!(rank("theek sint", "Apotheek Sint-Jozef BV"), None, "each word a prefix");
        assert_eq!(rank("ky", "Ysendyck"), None);
    }

    #[test]
    fn ranks_run_from_the_whole_name_to_inside_a_word() {
        assert_eq!(rank("brabo foodservice nv", "Brabo Foodservice NV"), Some(Rank::Exact));
        assert_eq!(rank("xantra", "Xantra"), Some(Rank::Exact));
        assert_eq!(rank("'t hoeveke", "'t Hoeveke"), Some(Rank::Exact));
        // A later occurrence at a word start beats an earlier one inside a word.
        assert_eq!(rank("de", "Bouwonderneming De Letter"), Some(Rank::WordStart));
        assert!(
            Rank::Exact < Rank::Prefix && Rank::Prefix < Rank::WordStart && Rank::WordStart < Rank::Inside
        );
        assert_eq!(rank("", "anything"), Some(Rank::Exact));
        assert_eq!(rank("  - ", "anything"), Some(Rank::Exact), "no word: everything");
    }

    #[test]
    fn a_query_that_grows_keeps_only_names_it_kept() {
        // What makes narrowing safe: every name a longer query keeps, the shorter one kept.
        let names = ["Apotheek Sint-Jozef BV", "Sint-Pieters", "Nachtwinkel Sint-Pieters BV", "Saint Joseph"];
        let typed = "sint jozef";
        for n in 1..=typed.len() {
            let (shorter, longer) = (Query::new(&typed[..n - 1]), Query::new(&typed[..n]));
            for name in names {
                let name = folded(name);
                assert!(longer.rank(&name).is_none() || shorter.rank(&name).is_some(), "{n} {name}");
            }
        }
    }

    #[test]
    fn positions_are_the_matched_characters_of_the_name_as_written() {
        let mut at = Vec::new();
        assert!(Query::new("sint jo").positions("Apotheek Sint-Jozef BV", &mut at));
        assert_eq!(at, vec![9, 10, 11, 12, 14, 15]);
        assert!(Query::new("lie").positions("Bouw Liège", &mut at));
        assert_eq!(at, vec![5, 6, 7]);
        assert!(!Query::new("xant").positions("Luxlog Transports", &mut at));
        assert!(at.is_empty());
    }
}
