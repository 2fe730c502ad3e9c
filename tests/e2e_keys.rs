//! End to end, the keys as terminal users expect them (issue 13 items 9 and 11): Ctrl-C quits
//! from every screen, asking first about edits; the first selection is the top row; a matrix
//! cell shows its rows from the top however far the table was scrolled; a terminal too small
//! lets no key act but quitting; an unbound key is named as typed; the table sorts by a chosen
//! column. The real binary in a pseudo-terminal, on a copy of the demo store.

mod common;

use common::pty::{DEADLINE, Desk, Key};
use common::sandbox::{AS_OF, Sandbox};

const LOADED: &str = "50 of 50";

/// The demo store, read as a user's own, at this size.
fn desk(sandbox: &Sandbox, size: (u16, u16)) -> Desk {
    let store = sandbox.demo_copy();
    let args = ["--store", store.to_str().expect("a UTF-8 path"), "--as-of", AS_OF];
    Desk::start_with(sandbox, &args, size, &[])
}

/// The first line of the screen.
fn title(screen: &str) -> &str {
    screen.lines().next().unwrap_or_default()
}

/// The portfolio's table rows: the lines after the column titles ("Name …").
fn table_rows(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .skip_while(|l| !l.starts_with("Name"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect()
}

/// The band column of a table row (the first word after the 40-column name, at 120 columns).
fn band(row: &str) -> String {
    row.chars().skip(40).collect::<String>().split_whitespace().next().unwrap_or_default().to_string()
}

/// The bands of the prospects' rows, from the top ("A", "C?"), the totals line left out.
fn bands(screen: &str) -> Vec<String> {
    let is_band =
        |b: &String| b.trim_end_matches('?').len() == 1 && b.starts_with(|c| ('A'..='E').contains(&c));
    table_rows(screen).iter().map(|r| band(r)).filter(is_band).collect()
}

#[test]
fn ctrl_c_quits_from_every_screen() {
    // (key that opens the screen, text that shows it is open)
    for (open, shown) in [
        ("", LOADED),
        ("m", "risk × volume matrix"),
        ("p", " · policy · "),
        ("?", "Mouse: click selects a row"),
        ("t", " · terms of "),
        ("/", "Enter keep"),
    ] {
        let sandbox = Sandbox::new();
        let mut desk = desk(&sandbox, (120, 40));
        desk.wait_for(LOADED, DEADLINE);
        desk.send(open);
        desk.wait_for(shown, DEADLINE);
        desk.send_key(Key::CtrlC);
        assert!(desk.wait_exit(DEADLINE).success(), "Ctrl-C after {open:?}");
    }
}

#[test]
fn ctrl_c_on_a_form_with_edits_asks_first_and_again_quits_without_them() {
    let sandbox = Sandbox::new();
    let store = sandbox.demo_copy();
    let before = std::fs::read(&store).unwrap();
    let args = ["--store", store.to_str().unwrap(), "--as-of", AS_OF];
    let mut desk = Desk::start_with(&sandbox, &args, (120, 40), &[]);
    desk.wait_for(LOADED, DEADLINE);
    desk.send_key(Key::Enter);
    desk.wait_for("Apotheek Sint-Jozef BV", DEADLINE);
    desk.send("X");
    desk.wait_for("form not saved", DEADLINE);
    desk.send_key(Key::CtrlC);
    let asked = desk.wait_for(" Unsaved changes ", DEADLINE);
    // (The question wraps in its pop-up.)
    assert!(asked.contains("Ctrl-C again"), "{asked}");
    desk.send_key(Key::CtrlC);
    assert!(desk.wait_exit(DEADLINE).success());
    assert_eq!(std::fs::read(&store).unwrap(), before, "the edit was not saved");
}

#[test]
fn the_first_selection_is_the_top_row() {
    let sandbox = Sandbox::new();
    let mut desk = desk(&sandbox, (120, 40));
    let screen = desk.wait_for(LOADED, DEADLINE);
    let top = table_rows(&screen)[0];
    assert!(top.starts_with("Apotheek Sint-Jozef BV"), "sorted by name, A first:\n{screen}");
    desk.send_key(Key::Enter);
    let form = desk.wait_until("the form", DEADLINE, |s| title(s).contains(" · Apotheek Sint-Jozef BV · "));
    assert!(form.contains("Apotheek Sint-Jozef BV"), "{form}");
    desk.send_key(Key::CtrlC);
    desk.wait_exit(DEADLINE);
}

#[test]
fn a_matrix_cell_shows_its_rows_from_the_top_after_scrolling() {
    let sandbox = Sandbox::new();
    let mut desk = desk(&sandbox, (80, 24));
    desk.wait_for(LOADED, DEADLINE);
    // To the last prospect: the table is scrolled to the end of the alphabet.
    desk.send("G");
    let scrolled = desk.wait_until("the end of the table", DEADLINE, |s| {
        !table_rows(s).iter().any(|r| r.starts_with("Apotheek"))
    });
    assert!(!table_rows(&scrolled).is_empty(), "{scrolled}");
    desk.send("m");
    desk.wait_for("risk × volume matrix", DEADLINE);
    // Down twice from band A: band C, Strategic (Kempen Plastics NV, Scheldeland Retail NV).
    desk.send_key(Key::Down);
    desk.send_key(Key::Down);
    desk.send_key(Key::Enter);
    // (At 80 columns the names are cut with an ellipsis.)
    let screen = desk.wait_for("b band: C  v segment: Strategic", DEADLINE);
    let rows = table_rows(&screen);
    assert!(rows.len() >= 2, "{screen}");
    assert!(rows[0].starts_with("Kempen Plastics"), "{screen}");
    assert!(rows[1].starts_with("Scheldeland Reta"), "{screen}");
    // The cell's first row is the one selected.
    desk.send_key(Key::Enter);
    desk.wait_until("its form", DEADLINE, |s| title(s).contains(" · Kempen Plastics NV · "));
    desk.send_key(Key::CtrlC);
    desk.wait_exit(DEADLINE);
}

#[test]
fn while_the_terminal_is_too_small_no_key_acts_but_quitting() {
    let sandbox = Sandbox::new();
    let mut desk = desk(&sandbox, (60, 20));
    let screen = desk.wait_for("terminal too small", DEADLINE);
    assert!(
        screen.replace('\n', " ").contains("press q or Ctrl-C to quit"),
        "the message says how to quit:\n{screen}"
    );
    // The matrix key, then a resize: the portfolio is still the screen.
    let mark = desk.output_mark();
    desk.send("m");
    desk.wait_drawn_since(mark, DEADLINE);
    desk.resize(120, 40);
    let screen = desk.wait_for(LOADED, DEADLINE);
    assert!(title(&screen).contains(" · portfolio · "), "{screen}");
    desk.resize(60, 20);
    desk.wait_for("terminal too small (need 80×24, have 60×20)", DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
}

#[test]
fn an_unbound_key_is_named_as_typed() {
    let sandbox = Sandbox::new();
    let mut desk = desk(&sandbox, (120, 40));
    desk.wait_for(LOADED, DEADLINE);
    desk.send_key(Key::F5);
    desk.wait_for("F5 does nothing here; ? lists the keys", DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
}

#[test]
fn the_table_sorts_by_the_chosen_column_and_r_reverses_it() {
    let sandbox = Sandbox::new();
    let mut desk = desk(&sandbox, (120, 40));
    let screen = desk.wait_for(LOADED, DEADLINE);
    assert!(screen.contains("sort: Name ▲"), "{screen}");
    // One column to the right: Band, best first.
    desk.send(">");
    // A frame is written top down: wait for the rows below the header to be drawn in order
    // (a sort that does not order them fails at the deadline).
    let in_band_order = |shown: &[String]| {
        shown.first().map(String::as_str) == Some("A")
            && shown.windows(2).all(|w| w[0].trim_end_matches('?') <= w[1].trim_end_matches('?'))
    };
    desk.wait_until("the rows in band order", DEADLINE, |s| {
        s.contains("sort: Band ▲") && in_band_order(&bands(s))
    });
    // Reversed, from the top of the table: the worst band first.
    desk.send("r");
    desk.wait_for("sort: Band ▼", DEADLINE);
    desk.send("g");
    let screen = desk.wait_until("the top of the reversed table", DEADLINE, |s| {
        table_rows(s).first().is_some_and(|r| band(r).starts_with('E'))
    });
    let shown = bands(&screen);
    assert!(shown.windows(2).all(|w| w[0].trim_end_matches('?') >= w[1].trim_end_matches('?')), "{shown:?}");
    // Back to the left: Name again, in the reversed direction.
    desk.send("<");
    desk.wait_for("sort: Name ▼", DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
}
