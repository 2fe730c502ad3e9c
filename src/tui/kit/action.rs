//! Named intents: what a key means, independent of which key it is.

/// Everything a user can ask for. Key tables map keys to these; `update` gives them effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    /// Scroll a panel beside the focus (the form's live assessment) by a page.
    ScrollUp,
    ScrollDown,
    /// The next (or previous) page of a paged view: a term of the matrix, a curve.
    NextPage,
    PreviousPage,
    Top,
    Bottom,
    Open,
    New,
    Delete,
    Decide,
    /// Sort by the next (previous) column shown, in the same direction.
    SortNext,
    SortPrevious,
    SortReverse,
    Filter,
    CycleBand,
    CycleSegment,
    CycleStatus,
    /// Only the prospects due for review, or all again.
    DueForReview,
    ClearFilters,
    Undo,
    Redo,
    Save,
    NextField,
    PreviousField,
    CycleChoice,
    OpenDemo,
    Import,
    Confirm,
    Cancel,
    Discard,
    Overwrite,
    /// Keep this desk's version of a prospect as a copy beside another user's.
    KeepCopy,
    Reload,
    Mark,
    ClearMarks,
    OnlyMarked,
    Compare,
    Terms,
    Matrix,
    Increase,
    Decrease,
    Type,
    Reset,
    SeekAdvance,
    SeekBest,
    Left,
    Right,
    Policy,
    Complete,
    ToggleScope,
    FixFile,
    Export,
    /// A value starts being typed with the key's character (a digit on a number line).
    StartTyping,
    // Line editing, in every text field, the filter and the pop-ups that take text.
    /// The key's character goes in at the cursor.
    Insert,
    DeleteBefore,
    DeleteUnder,
    CursorLeft,
    CursorRight,
    LineStart,
    LineEnd,
    DeleteWord,
    ClearLine,
    /// An intent of one screen only, named in that screen's folder (`<screen>/keys.rs`), so
    /// that a key meaning something on one screen adds nothing here. The number tells one
    /// screen's own intents apart; only that screen's table and update read it.
    Local(u8),
}
