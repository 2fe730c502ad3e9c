//! Names as the filter and the name sort compare them: lower case, accents off, all in one
//! buffer. Folding each name once, and keeping the folded names together in memory, is what
//! lets a filter keystroke scan a large portfolio in milliseconds (the match is `query.rs`).

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

/// A name folded: the form every comparison uses.
pub fn folded(name: &str) -> String {
    name.chars().map(fold).collect()
}

/// Folded names by position, in one growing buffer.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    text: String,
    /// Start and length in `text` of each position's folded name.
    spans: Vec<(u32, u32)>,
    /// Bytes of `text` no position points at any more (after edits).
    unused: usize,
}

impl NameIndex {
    fn add_text(&mut self, name: &str) -> (u32, u32) {
        let start = self.text.len();
        self.text.extend(name.chars().map(fold));
        let span = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        (span(start), span(self.text.len() - start))
    }

    pub fn push(&mut self, name: &str) {
        let span = self.add_text(name);
        self.spans.push(span);
    }

    /// Room for `names` names of `bytes` bytes in all, so that filling it copies nothing twice.
    pub fn with_capacity(names: usize, bytes: usize) -> NameIndex {
        NameIndex { text: String::with_capacity(bytes), spans: Vec::with_capacity(names), unused: 0 }
    }

    /// Adds a name that is already folded (copied from another index).
    pub fn push_folded(&mut self, name: &str) {
        let start = self.text.len();
        self.text.push_str(name);
        let span = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.spans.push((span(start), span(name.len())));
    }

    pub fn insert(&mut self, at: usize, name: &str) {
        let span = self.add_text(name);
        self.spans.insert(at.min(self.spans.len()), span);
    }

    /// A new name at a position (an edit): the old text stays until the buffer is compacted.
    pub fn set(&mut self, at: usize, name: &str) {
        if at >= self.spans.len() {
            return self.push(name);
        }
        self.unused += self.spans[at].1 as usize;
        self.spans[at] = self.add_text(name);
        self.compact_if_wasteful();
    }

    pub fn remove(&mut self, at: usize) {
        if at < self.spans.len() {
            self.unused += self.spans.remove(at).1 as usize;
            self.compact_if_wasteful();
        }
    }

    pub fn get(&self, at: usize) -> &str {
        self.spans
            .get(at)
            .and_then(|&(start, len)| self.text.get(start as usize..(start + len) as usize))
            .unwrap_or_default()
    }

    /// Rewrites the buffer once more than half of it is dead text.
    fn compact_if_wasteful(&mut self) {
        if self.unused * 2 <= self.text.len() {
            return;
        }
        let mut fresh =
            NameIndex { text: String::with_capacity(self.text.len() - self.unused), ..NameIndex::default() };
        for i in 0..self.spans.len() {
            let start = fresh.text.len();
            fresh.text.push_str(self.get(i));
            let len = fresh.text.len() - start;
            fresh
                .spans
                .push((u32::try_from(start).unwrap_or(u32::MAX), u32::try_from(len).unwrap_or(u32::MAX)));
        }
        *self = fresh;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(folded("Ardennes Matériaux SA"), "ardennes materiaux sa");
        assert!(folded("Bâtiments") < folded("Brouwerij"));
    }

    #[test]
    fn keeps_every_position_through_edits_and_compaction() {
        let mut index = NameIndex::default();
        for name in ["Één", "Twee", "Drie"] {
            index.push(name);
        }
        index.insert(1, "Anderhalf");
        for round in 0..50 {
            index.set(2, &format!("Twee {round}"));
        }
        index.remove(0);
        assert_eq!((index.get(0), index.get(1), index.get(2)), ("anderhalf", "twee 49", "drie"));
        assert_eq!(index.spans.len(), 3);
        assert!(index.text.len() < 64, "the dead text was compacted away");
    }
}
