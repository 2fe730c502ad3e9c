//! The import preview: how the file was read, what importing it would do (new, updated with
//! each changed field, unchanged), every bad cell with its row, column and reason, and the
//! choice to import, import nothing, or fix the file first. Text from the file is escaped.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table};

use super::state::ImportPreview;
use crate::domain::format::count;
use crate::io::printable;
use crate::tui::app::App;
use crate::tui::kit::chrome::{chrome, has_banner};
use crate::tui::kit::layout;

pub fn render(frame: &mut Frame, app: &App, preview: &ImportPreview) {
    let t = app.theme;
    let f = layout::frame(frame.area(), has_banner(app));
    chrome(frame, app, &f, "import preview", false);
    let plan = &preview.plan;
    let problems = preview.problems();
    let bad_rows = preview.file.bad_rows();
    let [head, errors, sample] =
        Layout::vertical([Constraint::Length(3), Constraint::Min(5), Constraint::Length(7)]).areas(f.body);
    let verdict = if !plan.changes_anything() {
        Line::styled(" Nothing would change: the portfolio already has all of it. n leaves.", t.good())
    } else if bad_rows == 0 {
        Line::styled(" Every row is valid: a imports, n imports nothing.", t.good())
    } else {
        Line::styled(
            format!(
                " {}: a imports the valid rows, n nothing, f nothing (fix the file first).",
                count(bad_rows, "bad row")
            ),
            t.warning(),
        )
    };
    let header = vec![
        Line::raw(format!(
            " {} — read as {}",
            printable(&preview.path.display().to_string()),
            preview.file.read_as()
        )),
        Line::raw(match preview.then {
            0 => format!(" {}.", plan.summary()),
            n => format!(" {}. Then {} of the folder.", plan.summary(), count(n, "more file")),
        }),
        verdict,
    ];
    frame.render_widget(Paragraph::new(header), head);

    let rows: Vec<Row> = problems
        .iter()
        .skip(preview.scroll)
        .map(|(row, column, reason)| {
            Row::new(vec![printable(row).into_owned(), column.clone(), printable(reason).into_owned()])
                .style(t.error())
        })
        .collect();
    let widths = [Constraint::Length(6), Constraint::Length(24), Constraint::Min(20)];
    let title = if problems.is_empty() { " No problems " } else { " Problems (↑/↓ scroll) " };
    let table = Table::new(rows, widths)
        .header(Row::new(["Row", "Column", "Problem"]).style(t.header()))
        .column_spacing(1)
        .block(Block::bordered().title(title));
    frame.render_widget(table, errors);

    let updated = plan.updated.iter().take(5).map(|u| {
        let fields: Vec<String> = u.changes.iter().map(|c| c.describe()).collect();
        Row::new(vec![
            "updated".to_string(),
            printable(&u.after.name).into_owned(),
            printable(&fields.join(", ")).into_owned(),
        ])
    });
    let new = plan.new.iter().take(5usize.saturating_sub(plan.updated.len())).map(|(_, p)| {
        let volume = p.annual_volume.map_or("—".into(), |v| format!("volume {}", v.grouped()));
        Row::new(vec!["new".to_string(), printable(&p.name).into_owned(), volume])
    });
    let table = Table::new(
        updated.chain(new).collect::<Vec<_>>(),
        [Constraint::Length(8), Constraint::Length(28), Constraint::Min(20)],
    )
    .header(Row::new(["", "Name", "Changes"]).style(t.header()))
    .column_spacing(1)
    .block(Block::bordered().title(" What the import does (first 5) "));
    frame.render_widget(table, sample);
}
