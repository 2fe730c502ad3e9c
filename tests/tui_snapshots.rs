//! Whole screens as the user sees them, drawn into ratatui's `TestBackend` and kept as insta
//! snapshots at 120×40 and at the smallest supported size, 80×24. A change to any of these
//! screens fails here until its snapshot is reviewed.

mod common;

use common::desk::*;
use dealdesk::domain::fields::Field;
use dealdesk::portfolio::sort::SortDirection;
use dealdesk::tui::app::{App, Msg, SaveError};
use dealdesk::tui::dispatch::update;
use ratatui::crossterm::event::KeyCode;

/// The sizes every screen is checked at: a comfortable terminal and the minimum.
const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// Draws a freshly built desk at each size and compares it with `<name>_<w>x<h>`.
fn check(name: &str, build: impl Fn() -> App) {
    for (width, height) in SIZES {
        let mut app = build();
        let backend = render(&mut app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), backend);
    }
}

#[test]
fn portfolio_sorted_by_score_descending() {
    check("portfolio_sorted_score_desc", || {
        // `>` twice: from the name past the band to the score; `r`: from ascending to
        // descending.
        let mut app = demo_app();
        ch(&mut app, '>');
        ch(&mut app, '>');
        ch(&mut app, 'r');
        app
    });
}

#[test]
fn portfolio_filtered_by_name_and_band() {
    check("portfolio_filtered_name_band", || {
        let mut app = demo_app();
        ch(&mut app, '/');
        type_text(&mut app, "bv");
        press(&mut app, KeyCode::Enter);
        for _ in 0..3 {
            ch(&mut app, 'b');
        }
        app
    });
}

#[test]
fn portfolio_while_typing_a_filter_that_matches_nothing() {
    check("portfolio_filter_no_match", || {
        let mut app = demo_app();
        ch(&mut app, '/');
        type_text(&mut app, "zzz");
        app
    });
}

#[test]
fn prospect_form_with_a_validation_error() {
    check("prospect_form_invalid_equity", || {
        let mut app = demo_app();
        open(&mut app, "Kempen Plastics NV");
        focus(&mut app, Field::Equity);
        retype(&mut app, "12k€");
        ctrl(&mut app, 's');
        app
    });
}

/// The bankrupt brewery with its total assets typed 9 000 000 (equity + liabilities make
/// 2 478 766): the default grade and its advice, every cap, the warning in the panel, and "!"
/// beside equity and total liabilities (total assets has the cursor).
fn brewery_with_broken_assets() -> App {
    let mut app = demo_app();
    open(&mut app, "Brouwerij De Oude Sluis BV");
    focus(&mut app, Field::TotalAssets);
    retype(&mut app, "9000000");
    app
}

#[test]
fn prospect_form_in_default_with_a_warning() {
    check("prospect_form_default_warning", brewery_with_broken_assets);
    let screen = screen_text(&render(&mut brewery_with_broken_assets(), 120, 40)).join("\n");
    assert!(screen.contains("IN DEFAULT: contract only with the curator, cash before"), "{screen}");
    assert!(screen.contains("■ Bankruptcy: in default (PD 100 %) whatever the score"), "{screen}");
    // The amount goes whole to the next line, under the warning's text.
    assert!(screen.contains("! Total assets 9 000 000 ≠ equity + total liabilities  "), "{screen}");
    assert!(screen.contains("│   2 478 766 (more than 2 % apart)"), "{screen}");
    for label in ["!Equity ", "!Total liabilities "] {
        assert!(screen.lines().any(|l| l.contains(label)), "no mark at {label:?} in {screen}");
    }
    assert!(screen.lines().any(|l| l.contains("›Total assets")), "{screen}");
}

#[test]
fn help_over_the_portfolio() {
    check("help_portfolio", || {
        let mut app = demo_app();
        ch(&mut app, '?');
        app
    });
}

#[test]
fn help_over_the_form() {
    check("help_form", || {
        let mut app = demo_app();
        open(&mut app, "Kempen Plastics NV");
        press(&mut app, KeyCode::F(1));
        app
    });
}

#[test]
fn decision_dialog() {
    check("decision_dialog", || {
        let mut app = demo_app();
        select(&mut app, "Scheldeland Retail NV");
        ch(&mut app, 'a');
        press(&mut app, KeyCode::Down);
        type_text(&mut app, "volume confirmed");
        app
    });
}

#[test]
fn unsaved_changes_prompt() {
    check("unsaved_prompt", || {
        let mut app = demo_app();
        open(&mut app, "Kempen Plastics NV");
        focus(&mut app, Field::City);
        type_text(&mut app, " Noord");
        press(&mut app, KeyCode::Esc);
        app
    });
}

#[test]
fn quit_after_a_failed_save() {
    check("quit_after_failed_save", || {
        let mut app = demo_app();
        ch(&mut app, 'd');
        ch(&mut app, 'y');
        let failed = Msg::Saved { generation: 1, result: Err(SaveError::Failed("disk full".into())) };
        update(&mut app, failed);
        ch(&mut app, 'q');
        app
    });
}

#[test]
fn welcome_screen_without_a_store() {
    check("welcome", || app_with(vec![], true));
}

#[test]
fn read_only_banner_and_a_refused_change() {
    check("read_only", || {
        let mut app = demo_app();
        app.read_only = Some("process 1 of ann holds this store".into());
        ch(&mut app, 'd');
        app
    });
}

#[test]
fn too_small_a_terminal_says_what_it_needs() {
    for (width, height) in [(70, 20), (79, 24), (80, 23)] {
        let mut app = demo_app();
        let backend = render(&mut app, width, height);
        insta::assert_snapshot!(format!("too_small_{width}x{height}"), backend);
    }
}

#[test]
fn the_smallest_supported_size_is_not_too_small() {
    let mut app = demo_app();
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(!text.iter().any(|l| l.contains("too small")), "{text:#?}");
    assert!(text[0].contains("dealdesk"));
}

// ---- what the snapshots showed: screens that hide something from the user ----

#[test]
fn the_filter_bar_shows_the_sort_on_every_column() {
    for (width, height) in SIZES {
        let mut app = demo_app();
        for _ in 0..18 {
            ch(&mut app, 's');
            let (column, direction) = app.view.sort;
            let arrow = if direction == SortDirection::Ascending { '▲' } else { '▼' };
            let text = screen_text(&render(&mut app, width, height));
            let shown = format!("sort: {} {arrow}", column.title());
            assert!(text[1].contains(&shown), "{shown:?} at {width}x{height}: {:?}", text[1]);
        }
    }
}

#[test]
fn help_lines_are_not_cut() {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    press(&mut app, KeyCode::F(1));
    let text = screen_text(&render(&mut app, 120, 40)).join("\n");
    for binding in dealdesk::tui::prospect::keys::KEYS.bindings() {
        assert!(text.contains(binding.desc), "{:?} is cut or missing:\n{text}", binding.desc);
    }
}

#[test]
fn the_portfolio_help_scrolls_to_every_key_on_the_smallest_terminal() {
    let mut app = demo_app();
    ch(&mut app, '?');
    let mut text = String::new();
    for _ in 0..40 {
        text.push_str(&screen_text(&render(&mut app, 80, 24)).join("\n"));
        press(&mut app, KeyCode::Down);
    }
    for binding in dealdesk::tui::portfolio::keys::KEYS.bindings() {
        assert!(text.contains(binding.desc), "{:?} is missing:\n{text}", binding.desc);
    }
    assert!(text.contains("Mouse: click selects a row"), "{text}");
}

#[test]
fn a_failed_save_stays_visible_in_the_form_title_at_80_columns() {
    let mut app = demo_app();
    ch(&mut app, 'd');
    ch(&mut app, 'y');
    let failed = Msg::Saved { generation: 1, result: Err(SaveError::Failed("disk full".into())) };
    update(&mut app, failed);
    open(&mut app, "Van Hoecke Bakkerijgroothandel NV");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text[0].contains("save failed"), "{:?}", text[0]);
}

#[test]
fn the_portfolio_help_says_there_is_more_and_pages_to_its_end() {
    let mut app = demo_app();
    ch(&mut app, '?');
    let bottom = |app: &mut App| screen_text(&render(app, 120, 40))[39].clone();
    assert!(bottom(&mut app).contains("↓ more below"), "{}", bottom(&mut app));
    press(&mut app, KeyCode::PageDown);
    let text = screen_text(&render(&mut app, 120, 40)).join("\n");
    assert!(text.contains("● before a name: marked for comparison."), "{text}");
    assert!(bottom(&mut app).contains("↑ more above"), "{}", bottom(&mut app));
    press(&mut app, KeyCode::PageUp);
    assert!(bottom(&mut app).contains("↓ more below"), "{}", bottom(&mut app));
}

#[test]
fn the_sorted_header_and_the_totals_are_whole_words() {
    let mut app = demo_app();
    ch(&mut app, '>');
    ch(&mut app, '>');
    ch(&mut app, 'r');
    let at_80 = screen_text(&render(&mut app, 80, 24));
    // The score column is 5 wide: "Score ▼" does not fit, its short form does.
    assert!(at_80[2].contains("Sc ▼") && !at_80[2].contains("…"), "{:?}", at_80[2]);
    for (width, height) in [(80, 24), (100, 32), (120, 40)] {
        let screen = screen_text(&render(&mut app, width, height));
        let totals = screen[usize::from(height) - 3].trim_end().to_string();
        assert!(
            totals.ends_with("out") || totals.ends_with(|c: char| c.is_ascii_digit()),
            "{width}: {totals:?}"
        );
        assert!(!totals.contains('…'), "{width}: {totals:?}");
    }
}
