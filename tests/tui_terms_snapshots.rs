//! The what-if, compare and matrix screens as the user sees them, kept as insta snapshots at
//! 120×40 and 80×24; and what a user cannot read on them at those sizes. (Keys and state of
//! these screens: `tui_terms.rs`.)

mod common;

use common::desk::*;
use dealdesk::tui::app::App;
use ratatui::crossterm::event::KeyCode;

const X: &str = "Xantra Logistics NV";
const Y: &str = "Ysendyck Delicatessen BV";

/// The demo desk on the what-if of `name` (`t` on its row).
fn terms_of(name: &str) -> App {
    let mut app = demo_app();
    select(&mut app, name);
    ch(&mut app, 't');
    app
}

/// The what-if of X on 45 payment days with a limit of 300 000: deliveries stop at the limit
/// and the terms deviate from policy.
fn terms_with_warnings() -> App {
    let mut app = terms_of(X);
    for (downs, value) in [(0, "45"), (4, "300000")] {
        for _ in 0..downs {
            press(&mut app, KeyCode::Down);
        }
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, value);
        press(&mut app, KeyCode::Enter);
    }
    app
}

/// The demo desk comparing these prospects (Space on each, then `c`).
fn compare(names: &[&str]) -> App {
    let mut app = demo_app();
    for name in names {
        select(&mut app, name);
        ch(&mut app, ' ');
    }
    ch(&mut app, 'c');
    app
}

fn matrix() -> App {
    let mut app = demo_app();
    ch(&mut app, 'm');
    app
}

fn check(name: &str, build: impl Fn() -> App) {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = build();
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), render(&mut app, width, height));
    }
}

#[test]
fn terms_with_a_warning_showing() {
    check("terms_warning", terms_with_warnings);
}

#[test]
fn compare_with_two_columns() {
    check("compare_2", || compare(&[X, Y]));
}

#[test]
fn compare_with_four_columns() {
    check("compare_4", || compare(&[X, Y, "Kempen Plastics NV", "Apotheek Sint-Jozef BV"]));
}

#[test]
fn the_matrix() {
    check("matrix", matrix);
}

// ---- what a user must be able to read at every size ----

/// Fails unless every one of `texts` is on the screen drawn at `width`×`height`, read across
/// its wrapped lines (a continuation's indent counts as one space).
fn assert_shows(mut app: App, (width, height): (u16, u16), texts: &[&str]) {
    let screen = screen_text(&render(&mut app, width, height)).join("\n");
    let read = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for text in texts {
        assert!(read.contains(text), "{text:?} is not on screen:\n{screen}");
    }
}

#[test]
fn figure_labels_are_whole_at_120x40() {
    let labels =
        ["Risk-adj. profit", "Margin after risk", "Unsecured part", "Volume sold", "Months lost", "RAROC"];
    assert_shows(terms_of(X), (120, 40), &labels);
    assert_shows(
        terms_of(X),
        (120, 40),
        &["Security amount", "381 000", "Ask for a first-demand bank guarantee of 381 000"],
    );
}

#[test]
fn the_new_figures_are_there_at_80x24() {
    assert_shows(terms_of(X), (80, 24), &["Sec. amount", "Unsecured", "Vol. sold", "Months lost", "RAROC"]);
    assert_shows(
        compare(&[X, Y]),
        (80, 24),
        &["bank guarantee 381 000", "424 000 (43 000)", "Months lost", "Deviations"],
    );
    assert_shows(matrix(), (80, 24), &["covered", "RAROC"]);
}

#[test]
fn deviations_show_in_the_what_if() {
    assert_shows(
        terms_with_warnings(),
        (120, 40),
        &[
            "Outside policy: 45 payment days are above the policy's 14",
            "The bank guarantee of 381 000 is above the credit limit 300 000",
        ],
    );
}

#[test]
fn every_warning_is_whole_at_80x24() {
    assert_shows(terms_with_warnings(), (80, 24), &["deliveries stop at the limit"]);
}

#[test]
fn list_values_are_readable_at_80x24() {
    // Shortened to fit 80 columns, but whole words a reader recognises.
    assert_shows(terms_of(X), (80, 24), &["partial", "bank gtee", "key acct"]);
}

#[test]
fn compare_shows_margin_and_return_at_80x24() {
    assert_shows(compare(&[X, Y]), (80, 24), &["Margin after risk", "RAROC"]);
}

#[test]
fn matrix_amounts_keep_their_unit_at_80x24() {
    assert_shows(matrix(), (80, 24), &["2 · 790k", "8 · 13.8M"]);
}

#[test]
fn the_what_if_keeps_every_figure_under_a_banner_at_80x24() {
    // The demo's banner takes a line: the figures keep their 16, RAROC (the last) included;
    // the messages and the sensitivity lines share what is left.
    let figures = ["DEMO", "Margin", "Months lost", "RAROC"];
    for (build, also) in
        [(terms_of as fn(&str) -> App, "Band D"), (|_: &str| terms_with_warnings(), "Outside policy")]
    {
        let mut app = build(X);
        app.demo = true;
        assert_shows(app, (80, 24), &[&figures[..], &[also]].concat());
    }
}

#[test]
fn matrix_cells_never_cut_a_number_at_80x24() {
    let screen = screen_text(&render(&mut matrix(), 80, 24)).join("\n");
    // Micro in band A: 1 406 of exposure in a 9-column cell takes a shorter unit, 1.4k; the
    // totals column is headed "All", not "All segmen"; 4.9M of key volume in an 8-column cell
    // keeps its unit as 5M.
    for shown in ["exp 1.4k", " All ", "11 · 5M"] {
        assert!(screen.contains(shown), "{shown:?} is not on screen:\n{screen}");
    }
    for cut in ["exp 1 40 ", "All segmen", "11 · 4.9 "] {
        assert!(!screen.contains(cut), "{cut:?} is cut:\n{screen}");
    }
}
