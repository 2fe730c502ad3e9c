//! The import preview: how many rows are good, every bad cell with its row, column and
//! reason, and the choice to import the valid rows, nothing, or fix the file first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table};

use super::state::ImportPreview;
use crate::tui::app::App;
use crate::tui::kit::chrome::{chrome, has_banner};
use crate::tui::kit::layout;

pub fn render(frame: &mut Frame, app: &App, preview: &ImportPreview) {
    let t = app.theme;
    let f = layout::frame(frame.area(), has_banner(app));
    chrome(frame, app, &f, "import preview", false);
    let import = &preview.import;
    let bad_rows = import.bad_rows().len();
    let [head, errors, sample] =
        Layout::vertical([Constraint::Length(3), Constraint::Min(5), Constraint::Length(7)]).areas(f.body);
    let separator =
        if import.delimiter == ';' { "semicolons, decimal comma" } else { "commas, decimal point" };
    let verdict = if bad_rows == 0 {
        Line::styled(" Every row is valid.", t.good())
    } else {
        Line::styled(
            format!(
                " {bad_rows} bad row(s), {} bad cell(s): a imports the valid rows, n nothing, f nothing (fix the file first).",
                import.errors.len()
            ),
            t.warning(),
        )
    };
    let header = vec![
        Line::raw(format!(" {} — read as {separator}", preview.path.display())),
        Line::raw(format!(" {} valid prospect(s) ready to import.", import.prospects.len())),
        verdict,
    ];
    frame.render_widget(Paragraph::new(header), head);

    let rows: Vec<Row> = import
        .errors
        .iter()
        .skip(preview.scroll)
        .map(|e| {
            let column = e.column.map_or("—".to_string(), |c| c.key().to_string());
            Row::new(vec![e.row.to_string(), column, e.reason.clone()]).style(t.error())
        })
        .collect();
    let widths = [Constraint::Length(6), Constraint::Length(24), Constraint::Min(20)];
    let title = if import.errors.is_empty() { " No problems " } else { " Problems (↑/↓ scroll) " };
    let table = Table::new(rows, widths)
        .header(Row::new(["Row", "Column", "Problem"]).style(t.header()))
        .column_spacing(1)
        .block(Block::bordered().title(title));
    frame.render_widget(table, errors);

    let names: Vec<Row> = import
        .prospects
        .iter()
        .take(5)
        .map(|p| {
            let volume = p.prospect.annual_volume.map_or("—".into(), |v| v.grouped());
            Row::new(vec![p.row.to_string(), p.prospect.name.clone(), volume])
        })
        .collect();
    let table = Table::new(names, [Constraint::Length(6), Constraint::Min(20), Constraint::Length(14)])
        .header(Row::new(["Row", "Name", "Volume"]).style(t.header()))
        .column_spacing(1)
        .block(Block::bordered().title(" Valid rows (first 5) "));
    frame.render_widget(table, sample);
}
