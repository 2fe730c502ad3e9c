//! A sequence kept in shared chunks: copying it (a snapshot for the saver, for undo) costs one
//! reference count per chunk rather than per element, and changing one element copies only
//! the chunk that holds it, and only when a snapshot still shares that chunk.

use std::sync::Arc;

/// Elements per chunk when chunks are cut.
const CHUNK: usize = 1024;

/// A `Vec` in `Arc`-shared chunks: cloning it shares every chunk.
#[derive(Debug, Clone)]
pub struct SharedChunks<T> {
    chunks: Vec<Arc<Vec<T>>>,
    /// The position of each chunk's first element.
    starts: Vec<usize>,
    len: usize,
}

impl<T> Default for SharedChunks<T> {
    fn default() -> SharedChunks<T> {
        SharedChunks { chunks: Vec::new(), starts: Vec::new(), len: 0 }
    }
}

impl<T: Clone> SharedChunks<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The chunk and the offset in it of a position.
    fn locate(&self, index: usize) -> Option<(usize, usize)> {
        if index >= self.len {
            return None;
        }
        let chunk = self.starts.partition_point(|&start| start <= index) - 1;
        Some((chunk, index - self.starts[chunk]))
    }

    pub fn get(&self, index: usize) -> Option<&T> {
        let (chunk, offset) = self.locate(index)?;
        self.chunks[chunk].get(offset)
    }

    pub fn last(&self) -> Option<&T> {
        self.chunks.last().and_then(|c| c.last())
    }

    pub fn set(&mut self, index: usize, value: T) {
        if let Some((chunk, offset)) = self.locate(index) {
            Arc::make_mut(&mut self.chunks[chunk])[offset] = value;
        }
    }

    pub fn push(&mut self, value: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => Arc::make_mut(last).push(value),
            _ => {
                self.starts.push(self.len);
                self.chunks.push(Arc::new(vec![value]));
            }
        }
        self.len += 1;
    }

    /// Inserts at a position (at most `len`), splitting a chunk that grows too long.
    pub fn insert(&mut self, index: usize, value: T) {
        if index >= self.len {
            return self.push(value);
        }
        let Some((chunk, offset)) = self.locate(index) else { return };
        let items = Arc::make_mut(&mut self.chunks[chunk]);
        items.insert(offset, value);
        if items.len() >= 2 * CHUNK {
            let tail = items.split_off(CHUNK);
            self.chunks.insert(chunk + 1, Arc::new(tail));
        }
        self.len += 1;
        self.recount_starts_from(chunk);
    }

    /// Removes a position's element, dropping a chunk that becomes empty.
    pub fn remove(&mut self, index: usize) -> Option<T> {
        let (chunk, offset) = self.locate(index)?;
        let value = Arc::make_mut(&mut self.chunks[chunk]).remove(offset);
        if self.chunks[chunk].is_empty() {
            self.chunks.remove(chunk);
        }
        self.len -= 1;
        self.recount_starts_from(chunk);
        Some(value)
    }

    /// Recomputes the chunks' starting positions from `chunk` on.
    fn recount_starts_from(&mut self, chunk: usize) {
        self.starts.truncate(chunk);
        let mut start =
            self.starts.last().zip(chunk.checked_sub(1)).map_or(0, |(s, c)| s + self.chunks[c].len());
        for c in &self.chunks[chunk..] {
            self.starts.push(start);
            start += c.len();
        }
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &T> + '_ {
        Iter { inner: self.chunks.iter().flat_map(|c| c.iter()), left: self.len }
    }
}

/// `flat_map` with the length known, so that callers can size what they collect into.
struct Iter<I> {
    inner: I,
    left: usize,
}

impl<'a, T: 'a, I: Iterator<Item = &'a T>> Iterator for Iter<I> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        let item = self.inner.next()?;
        self.left -= 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<'a, T: 'a, I: Iterator<Item = &'a T>> ExactSizeIterator for Iter<I> {}

/// Equal when they hold equal elements in the same order, however they are chunked.
impl<T: Clone + PartialEq> PartialEq for SharedChunks<T> {
    fn eq(&self, other: &SharedChunks<T>) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<T: Clone> FromIterator<T> for SharedChunks<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> SharedChunks<T> {
        let mut list = SharedChunks::default();
        items.into_iter().for_each(|item| list.push(item));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_a_vector_through_every_change() {
        let mut list: SharedChunks<usize> = (0..5000).collect();
        let mut model: Vec<usize> = (0..5000).collect();
        for step in 0..3000usize {
            let at = (step * 7919) % (model.len() + 1);
            match step % 4 {
                0 => {
                    list.insert(at, step);
                    model.insert(at, step);
                }
                1 if at < model.len() => {
                    assert_eq!(list.remove(at), Some(model.remove(at)));
                }
                2 if at < model.len() => {
                    list.set(at, step);
                    model[at] = step;
                }
                _ => {
                    list.push(step);
                    model.push(step);
                }
            }
        }
        assert_eq!(list.len(), model.len());
        assert!(list.iter().eq(model.iter()));
        assert!((0..model.len()).all(|i| list.get(i) == Some(&model[i])));
        assert_eq!(list.get(model.len()), None);
    }

    #[test]
    fn a_snapshot_does_not_see_later_changes() {
        let mut list: SharedChunks<u32> = (0..3000).collect();
        let snapshot = list.clone();
        list.set(10, 99);
        list.remove(0);
        assert_eq!(snapshot.get(10), Some(&10));
        assert_eq!(snapshot.len(), 3000);
        assert_eq!(list.get(9), Some(&99));
    }
}
