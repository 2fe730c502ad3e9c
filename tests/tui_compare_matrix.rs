//! Compare and the risk × volume matrix without a terminal: marking, opening, the edited/suggested
//! toggle, a what-if opened from a column, the verdict, and the matrix's cell filter.

mod common;

use common::desk::*;
use dealdesk::domain::matrix::Matrix;
use dealdesk::domain::vocabulary::{Band, Segment};
use dealdesk::tui::app::App;
use dealdesk::tui::screen::Screen;
use dealdesk::tui::terms::state::TermsField;
use ratatui::crossterm::event::KeyCode;

const X: &str = "Xantra Logistics NV";
const Y: &str = "Ysendyck Delicatessen BV";

fn mark(app: &mut App, name: &str) {
    select(app, name);
    ch(app, ' ');
}

// ---- compare ----

#[test]
fn space_marks_and_unmarks_for_compare() {
    let mut app = demo_app();
    let id = prospect(&app, X).id;
    mark(&mut app, X);
    assert!(app.view.marked.contains(&id));
    assert_ne!(names(&app)[app.view.selected], X, "Space moves down");
    mark(&mut app, X);
    assert!(app.view.marked.is_empty());
}

#[test]
fn c_opens_compare_only_with_two_to_four_marked() {
    let mut app = demo_app();
    let five = [X, Y, "Kempen Plastics NV", "Apotheek Sint-Jozef BV", "Luxlog Transports SA"];
    for n in 0..=5 {
        if n > 0 {
            mark(&mut app, five[n - 1]);
        }
        ch(&mut app, 'c');
        let opened = match &app.screen {
            Screen::Compare(view) => Some((view.ids.len(), view.column, view.edited)),
            _ => None,
        };
        match opened {
            Some(view) => {
                assert!((2..=4).contains(&n), "opened with {n}");
                assert_eq!(view, (n, 0, false));
                press(&mut app, KeyCode::Esc);
            }
            None => {
                assert!(!(2..=4).contains(&n), "refused {n}");
                let notice = app.notice.as_ref().expect("a warning");
                assert!(notice.error && notice.text.contains(&format!("({n} marked)")), "{notice:?}");
            }
        }
    }
}

#[test]
fn compare_columns_follow_the_order_of_marking() {
    let mut app = demo_app();
    let (x, y) = (prospect(&app, X).id, prospect(&app, Y).id);
    for (first, second) in [(Y, X), (X, Y)] {
        mark(&mut app, first);
        mark(&mut app, second);
        ch(&mut app, 'c');
        let Screen::Compare(view) = &app.screen else { panic!("compare opens") };
        let want = if first == X { [x, y] } else { [y, x] };
        assert_eq!(view.ids, want, "{first} marked first");
        press(&mut app, KeyCode::Esc);
        mark(&mut app, first);
        mark(&mut app, second);
        assert!(app.view.marked.is_empty());
    }
}

fn compare_xy() -> App {
    let mut app = demo_app();
    mark(&mut app, X);
    mark(&mut app, Y);
    ch(&mut app, 'c');
    app
}

/// The text of the compare table's row that starts with `label`.
fn compare_row(app: &mut App, label: &str) -> String {
    let lines = screen_text(&render(app, 120, 40));
    lines
        .into_iter()
        .find(|l| l.starts_with(&format!("│{label}")))
        .unwrap_or_else(|| panic!("no {label} row"))
}

#[test]
fn compare_shows_the_what_if_from_t_on_a_column_when_toggled_to_edited() {
    let mut app = compare_xy();
    let Screen::Compare(view) = &app.screen else { panic!() };
    assert_eq!(view.ids[view.column], prospect(&app, X).id, "X is the selected column");
    ch(&mut app, 't');
    press(&mut app, KeyCode::Down);
    ch(&mut app, '+');
    ch(&mut app, '+');
    let Screen::Terms(e) = &app.screen else { panic!("t opens the what-if: {:?}", app.screen) };
    assert_eq!((e.prospect.name.as_str(), e.field()), (X, TermsField::Advance));
    let edited = e.economics.clone().unwrap();
    press(&mut app, KeyCode::Esc);
    assert!(matches!(&app.screen, Screen::Compare(v) if v.edited), "back in compare, the edit shows");
    assert!(compare_row(&mut app, "Terms").contains("14* days, 40 % adv."));
    ch(&mut app, 'e');
    assert!(compare_row(&mut app, "Terms").contains("14 days, 30 % adv."), "e shows the suggestion again");
    ch(&mut app, 'e');
    assert!(compare_row(&mut app, "Risk-adj. profit").contains(&edited.risk_adjusted_profit.grouped()));
    let text = screen_text(&render(&mut app, 120, 40)).join("\n");
    assert!(text.contains("compare on edited terms") && text.contains("* edited in the what-if"), "{text}");
    ch(&mut app, 'e');
    assert!(compare_row(&mut app, "Terms").contains("14 days, 30 % adv."));
    press(&mut app, KeyCode::Right);
    ch(&mut app, 't');
    assert!(matches!(&app.screen, Screen::Terms(e) if e.prospect.name == Y), "t on the second column");
}

#[test]
fn the_verdict_says_x_is_worth_more_than_y() {
    let mut app = compare_xy();
    let text = screen_text(&render(&mut app, 120, 40)).join(" ");
    assert!(text.contains(&format!("{X} is worth more: risk-adjusted profit")), "{text}");
    assert!(text.contains(&format!("for {Y}")), "{text}");
}

// ---- matrix ----

#[test]
fn the_matrix_cells_add_up_to_the_portfolio() {
    let mut app = demo_app();
    ch(&mut app, 'm');
    let Screen::Matrix(view) = &app.screen else { panic!("m opens the matrix") };
    let m = &view.matrix;
    assert_eq!(*m, Matrix::build(app.portfolio.summaries()));
    let cells = m.cells.iter().flatten();
    let count: usize = cells.clone().map(|t| t.count).sum::<usize>() + m.unsegmented.count;
    assert_eq!(count, app.portfolio.len());
    let by_band: usize = m.by_band.iter().map(|t| t.count).sum();
    let by_segment: usize = m.by_segment.iter().map(|t| t.count).sum();
    assert_eq!((by_band, by_segment), (count - m.unsegmented.count, count - m.unsegmented.count));
    let volume = cells.fold(m.unsegmented.volume(), |v, t| v + t.volume());
    assert_eq!((m.total.count, volume), (app.view.totals().count, app.view.totals().volume()));
}

#[test]
fn a_cell_chosen_after_scrolling_shows_its_rows_from_the_top() {
    let mut app = demo_app();
    resize(&mut app, 80, 24);
    press(&mut app, KeyCode::End);
    assert!(app.view.offset > 0, "scrolled to the end");
    ch(&mut app, 'm');
    // Band C × Key, as in the test below: two rows of the grid down, one column right.
    keys(&mut app, &[KeyCode::Down, KeyCode::Down, KeyCode::Right]);
    press(&mut app, KeyCode::Enter);
    assert_eq!((app.view.offset, app.view.selected), (0, 0));
    let first = names(&app)[0].clone();
    let screen = screen_text(&render(&mut app, 80, 24));
    // Title, filters, header, then the first row: Brainport Precisie BV, cut at 80 columns.
    assert_eq!(first, "Brainport Precisie BV");
    assert!(
        screen[3].starts_with("Brainport Precis…"),
        "the cell's rows from the top:\n{}",
        screen.join("\n")
    );
}

#[test]
fn enter_on_a_cell_filters_the_portfolio_to_that_band_and_segment() {
    let mut app = demo_app();
    ch(&mut app, 'm');
    keys(&mut app, &[KeyCode::Up, KeyCode::Left, KeyCode::Down, KeyCode::Down, KeyCode::Right]);
    let Screen::Matrix(view) = &app.screen else { panic!() };
    assert_eq!((view.band_index, view.segment_index), (2, 1), "clamped at the top-left, then moved");
    let expected = view.matrix.cell(Band::C, Segment::Key).count;
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Portfolio));
    assert_eq!((app.view.band, app.view.segment), (Some(Band::C), Some(Segment::Key)));
    let shown = summaries(&app);
    assert_eq!(shown.len(), expected);
    assert!(expected > 0 && shown.iter().all(|s| s.band == Band::C && s.segment == Some(Segment::Key)));
}
