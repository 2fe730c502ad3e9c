//! Plain-text tables for the terminal and for pipes: columns sized to their contents.

use crate::domain::format::fit;

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Renders a header row, a rule and the rows; cells longer than `max_width` are cut with "…".
pub fn render(columns: &[(&str, Align)], rows: &[Vec<String>], max_width: usize) -> String {
    let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| fit(c, max_width)).collect()).collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, (title, _))| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .chain([title.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<&str>| -> String {
        let parts: Vec<String> = cells
            .iter()
            .zip(columns)
            .zip(&widths)
            .map(|((cell, (_, align)), width)| match align {
                Align::Left => format!("{cell:<width$}"),
                Align::Right => format!("{cell:>width$}"),
            })
            .collect();
        parts.join("  ").trim_end().to_string()
    };
    let mut out = line(columns.iter().map(|(t, _)| *t).collect());
    out.push('\n');
    out.push_str(&"─".repeat(widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)));
    out.push('\n');
    for row in &rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_and_cuts() {
        let rows = vec![
            vec!["Brasserie Dupont et Fils".to_string(), "12".to_string()],
            vec!["X".to_string(), "1 234".to_string()],
        ];
        let text = render(&[("Name", Align::Left), ("Amount", Align::Right)], &rows, 10);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Name        Amount");
        assert_eq!(lines[2], "Brasserie…      12");
        assert_eq!(lines[3], "X            1 234");
    }
}
