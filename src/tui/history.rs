//! Undo and redo of the session's changes to the portfolio (edits, additions, deletions,
//! decisions). Each change keeps both versions, shared, so undoing costs no copy.

use std::sync::Arc;

use crate::domain::prospect::Prospect;

/// One change to the portfolio.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A prospect added (`before` is `None`) or replaced.
    Put { before: Option<Arc<Prospect>>, after: Arc<Prospect> },
    /// A prospect deleted from a position.
    Remove { index: usize, prospect: Arc<Prospect> },
    /// Several changes undone and redone as one (an import).
    Many(Vec<Change>),
}

impl Change {
    /// What undoing or redoing it looks like in the status line.
    pub fn describe(&self) -> String {
        match self {
            Change::Put { before: None, after } => format!("addition of {}", after.name),
            Change::Put { after, .. } => format!("change to {}", after.name),
            Change::Remove { prospect, .. } => format!("deletion of {}", prospect.name),
            Change::Many(changes) => format!("{} changes at once", changes.len()),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Records a new change; what could be redone is forgotten.
    pub fn record(&mut self, change: Change) {
        self.undo.push(change);
        self.redo.clear();
    }

    /// The change to revert, moved to the redo stack.
    pub fn undo(&mut self) -> Option<Change> {
        let change = self.undo.pop()?;
        self.redo.push(change.clone());
        Some(change)
    }

    /// The change to apply again, moved back to the undo stack.
    pub fn redo(&mut self) -> Option<Change> {
        let change = self.redo.pop()?;
        self.undo.push(change.clone());
        Some(change)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redo_is_forgotten_after_a_new_change() {
        let p = Arc::new(Prospect::named("A"));
        let mut h = History::default();
        h.record(Change::Put { before: None, after: p.clone() });
        assert!(h.undo().is_some());
        assert!(h.undo().is_none());
        assert!(h.redo().is_some());
        assert!(h.undo().is_some());
        h.record(Change::Remove { index: 0, prospect: p });
        assert!(h.redo().is_none());
    }
}
