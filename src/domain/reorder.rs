//! Moving one entry of a list that is kept in order, touching only what lies between.

/// Moves the entry at `from` to `to` (a place counted as if the entry were not in the list),
/// shifting only the entries between the two places: an edit that moves one row of a
/// million-row order costs what lies between its old and new place, not the whole list.
pub fn move_entry<T>(list: &mut [T], from: usize, to: usize) {
    if to < from {
        list[to..=from].rotate_right(1);
    } else if to > from {
        list[from..=to].rotate_left(1);
    }
}

#[cfg(test)]
mod tests {
    use super::move_entry;

    #[test]
    fn moves_one_entry_either_way_and_keeps_the_rest_in_order() {
        let mut list = [0, 1, 2, 3, 4];
        move_entry(&mut list, 1, 3);
        assert_eq!(list, [0, 2, 3, 1, 4]);
        move_entry(&mut list, 3, 0);
        assert_eq!(list, [1, 0, 2, 3, 4]);
        move_entry(&mut list, 2, 2);
        assert_eq!(list, [1, 0, 2, 3, 4]);
    }
}
