//! The policy editor's sections through the desk's keys: Tab and Shift-Tab between sections,
//! arrows between cells, [ and ] between terms and curves, the search, g and G, choices in
//! words and problems in sentences; and snapshots of each section at 120×40 and 80×24.

mod common;

use common::desk::*;
use dealdesk::domain::policy::Policy;
use dealdesk::tui::app::App;
use dealdesk::tui::policy::sections::{Section, SectionId, build};
use dealdesk::tui::policy::tree::{Leaf, leaves};
use ratatui::crossterm::event::KeyCode;

/// The focused value's path and its section.
fn at(app: &App) -> (String, SectionId) {
    let e = editor(app);
    (e.leaf().map(|l| l.path.clone()).unwrap_or_default(), e.section_id().expect("a section"))
}

fn path(app: &App) -> String {
    at(app).0
}

fn text(app: &mut App, width: u16, height: u16) -> String {
    screen_text(&render(app, width, height)).join("\n")
}

#[test]
fn tab_and_shift_tab_go_round_the_sections_and_each_keeps_its_place() {
    use SectionId::*;
    let mut app = policy_app();
    assert_eq!(at(&app), ("bands.A.min_score".to_string(), Bands));
    let mut seen = Vec::new();
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
        seen.push(at(&app).1);
    }
    assert_eq!(seen, [Terms, Segments, Scoring, Curves, Economics, Bands]);
    press(&mut app, KeyCode::Down);
    assert_eq!(path(&app), "bands.B.min_score");
    press(&mut app, KeyCode::BackTab);
    assert_eq!(at(&app).1, Economics, "Shift-Tab wraps back to the last section");
    press(&mut app, KeyCode::Tab);
    assert_eq!(path(&app), "bands.B.min_score", "a section is found as it was left");
}

#[test]
fn left_and_right_move_between_cells_in_a_table_and_between_sections_in_a_list() {
    let mut app = policy_app();
    press(&mut app, KeyCode::Right);
    assert_eq!(path(&app), "bands.A.pd_pct", "→ in the bands table is the next column");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    assert_eq!(path(&app), "bands.A.min_score", "← at the first column stays");
    assert!(app.notice.as_ref().is_some_and(|n| n.text.contains("first column")));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(at(&app).1, SectionId::Scoring, "a list");
    press(&mut app, KeyCode::Left);
    assert_eq!(at(&app).1, SectionId::Segments, "← in a list is the previous section");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    assert_eq!(at(&app).1, SectionId::Curves, "→ in a list is the next section");
}

#[test]
fn the_terms_grid_moves_by_cell_and_the_brackets_change_the_term_in_the_same_cell() {
    let mut app = policy_app();
    press(&mut app, KeyCode::Tab);
    assert_eq!(path(&app), "terms.A.cells.strategic.payment_days");
    keys(&mut app, &[KeyCode::Down, KeyCode::Down, KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    assert_eq!(path(&app), "terms.C.cells.small.payment_days");
    ch(&mut app, ']');
    assert_eq!(path(&app), "terms.C.cells.small.advance_pct");
    ch(&mut app, '[');
    ch(&mut app, '[');
    // The last term of a cell, whichever the policy has.
    let cell = editor(&app).json["terms"]["C"]["cells"]["small"].as_object().expect("a cell").clone();
    let last = cell.keys().next_back().expect("a term");
    assert_eq!(path(&app), format!("terms.C.cells.small.{last}"), "[ on the first term wraps to the last");
    ch(&mut app, 'G');
    assert_eq!(path(&app), format!("terms.E.cells.micro.{last}"), "G: the grid's last cell");
    ch(&mut app, 'g');
    assert_eq!(path(&app), format!("terms.A.cells.strategic.{last}"), "g: its first");
}

#[test]
fn choices_read_as_words_and_enter_or_plus_picks_the_next() {
    let mut app = policy_app();
    press(&mut app, KeyCode::Tab);
    for _ in 0..4 {
        ch(&mut app, ']');
    }
    keys(
        &mut app,
        &[KeyCode::Down, KeyCode::Down, KeyCode::Down, KeyCode::Right, KeyCode::Right, KeyCode::Right],
    );
    assert_eq!(path(&app), "terms.D.cells.small.delivery");
    let screen = text(&mut app, 120, 40);
    assert!(screen.contains("›cash on delivery") && !screen.contains("cash_on_delivery"), "{screen}");
    press(&mut app, KeyCode::Enter);
    let e = editor(&app);
    assert_eq!(e.value(e.leaf().unwrap()), "after_payment");
    let screen = text(&mut app, 120, 40);
    assert!(screen.contains("Delivery of band D, segment small: delivery after payment"), "{screen}");
    ch(&mut app, '7');
    assert!(app.notice.as_ref().is_some_and(|n| n.error && n.text.contains("A choice")));
    assert!(editor(&app).typing.is_none());
}

#[test]
fn a_point_is_added_halfway_to_the_next_and_removed_while_two_are_left() {
    let mut app = policy_app();
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    keys(&mut app, &[KeyCode::Down, KeyCode::Down]);
    assert_eq!(path(&app), "scorecard.payment.dbt_days.curve[2][0]");
    // Between point 3 (15 days, health 0.7) and point 4 (30, 0.45): (22.5, 0.575).
    ch(&mut app, 'a');
    assert_eq!(path(&app), "scorecard.payment.dbt_days.curve[3][0]");
    let e = editor(&app);
    assert_eq!(
        e.json.pointer("/scorecard/payment/dbt_days/curve/3"),
        Some(&serde_json::json!([22.5, 0.575]))
    );
    assert!(e.issues.is_empty() && e.changed(), "{:?}", e.issues);
    assert!(text(&mut app, 120, 40).contains("point 8"), "the page lists eight points");
    ch(&mut app, 'x');
    assert!(!editor(&app).changed(), "the added point removed again: the shipped curve");
    // Liquidity's current ratio has four points: two can go, then no more.
    for _ in 0..3 {
        ch(&mut app, ']');
    }
    assert_eq!(path(&app), "scorecard.liquidity.current_ratio.curve[3][0]", "the same row, another curve");
    ch(&mut app, 'x');
    ch(&mut app, 'x');
    ch(&mut app, 'x');
    assert!(app.notice.as_ref().is_some_and(|n| n.text == "A curve keeps at least two points"));
    assert_eq!(
        editor(&app)
            .json
            .pointer("/scorecard/liquidity/current_ratio/curve")
            .and_then(|c| c.as_array())
            .map(Vec::len),
        Some(2)
    );
    press(&mut app, KeyCode::Tab);
    ch(&mut app, 'a');
    assert!(app.notice.as_ref().is_some_and(|n| n.text.contains("added on a curve")));
}

#[test]
fn a_search_jumps_to_the_section_and_the_value_and_esc_goes_back() {
    let mut app = policy_app();
    ch(&mut app, '/');
    type_text(&mut app, "cost of capital");
    assert_eq!(at(&app), ("economics.cost_of_capital_pct".to_string(), SectionId::Economics));
    assert!(text(&mut app, 80, 24).contains("Search: cost of capital▏ 1 of 1 found"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(path(&app), "bands.A.min_score", "Esc: back where the search began");
    ch(&mut app, '/');
    type_text(&mut app, "loss given");
    let first = path(&app);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!((first.as_str(), path(&app).as_str()), ("lgd_pct.none", "lgd_pct.retention_of_title"));
    assert!(editor(&app).search.is_none());
}

#[test]
fn a_bad_value_is_said_in_words_by_the_value_it_concerns() {
    let mut app = policy_app();
    ch(&mut app, '/');
    type_text(&mut app, "lgd_pct.none");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "120");
    press(&mut app, KeyCode::Enter);
    let screen = text(&mut app, 80, 24);
    assert!(
        screen.contains("✗ The loss given default of no security must be between 0 and 100 %; it is 120"),
        "{screen}"
    );
    assert!(!screen.contains("line 1") && !screen.contains("column"), "{screen}");
}

// ---- the sections built from the policy's JSON ---------------------------------------------

fn sections() -> (Vec<Leaf>, Vec<Section>) {
    let json = serde_json::to_value(Policy::default_policy()).unwrap();
    let leaves = leaves(&json);
    let sections = build(&json, &leaves);
    (leaves, sections)
}

fn placed_once(leaves: &[Leaf], sections: &[Section]) {
    let mut seen = vec![0; leaves.len()];
    for s in sections {
        for b in &s.blocks {
            for r in &b.rows {
                for i in r.cells.iter().flatten() {
                    seen[*i] += 1;
                }
            }
        }
    }
    let misplaced: Vec<(&str, i32)> =
        leaves.iter().zip(&seen).filter(|(_, n)| **n != 1).map(|(l, n)| (l.path.as_str(), *n)).collect();
    assert!(misplaced.is_empty(), "{misplaced:?}");
}

#[test]
fn every_value_is_in_exactly_one_place() {
    let (leaves, sections) = sections();
    placed_once(&leaves, &sections);
}

/// Fields the risk and deal issues add (review intervals per band, a master scale, a term
/// of the matrix, VAT by country) show up where a credit manager looks for them.
#[test]
fn fields_a_policy_gains_appear_in_their_section() {
    let mut json = serde_json::to_value(Policy::default_policy()).unwrap();
    for band in ["A", "B", "C", "D", "E"] {
        json["bands"][band]["review_months"] = 12.into();
        for segment in ["strategic", "key", "core", "small", "micro"] {
            json["terms"][band]["cells"][segment]["discount_days"] = 0.into();
        }
    }
    json["pd_scale"] = serde_json::json!({"at_best_score_pct": "0.1", "at_worst_score_pct": "35"});
    json["exposure"] = serde_json::json!({"vat_pct": {"BE": "21", "NL": "21"}});
    let leaves = leaves(&json);
    let sections = build(&json, &leaves);
    placed_once(&leaves, &sections);
    let bands = &sections[0];
    assert!(
        bands.blocks[0].columns.contains(&"review interval (months)".to_string()),
        "{:?}",
        bands.blocks[0]
    );
    assert_eq!(bands.blocks[1].title, "Master scale: score to probability of default");
    assert_eq!(
        bands.blocks[1].rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(),
        ["PD at score 100", "PD at score 0"]
    );
    assert!(sections[1].blocks.iter().any(|b| b.title == "discount days (days)"));
    let exposure = sections[5].blocks.iter().find(|b| b.title == "Exposure").expect("an exposure list");
    assert_eq!(
        exposure.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(),
        ["VAT of Belgium", "VAT of the Netherlands"]
    );
}

#[test]
fn the_sections_are_the_tables_a_credit_manager_knows() {
    let (leaves, sections) = sections();
    let ids: Vec<SectionId> = sections.iter().map(|s| s.id).collect();
    use SectionId::*;
    assert_eq!(ids, [Bands, Terms, Segments, Scoring, Curves, Economics]);
    let bands = &sections[0].blocks[0];
    assert_eq!(bands.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["A", "B", "C", "D", "E"]);
    assert_eq!(bands.corner, "band");
    assert_eq!(bands.columns[..2], ["minimum score".to_string(), "PD (%)".into()]);
    let c = bands.rows[2].cells[0].unwrap();
    assert_eq!(leaves[c].path, "bands.C.min_score");
    let terms = &sections[1];
    assert_eq!(terms.blocks[0].title, "payment days (days)");
    assert_eq!(terms.blocks[0].columns, ["strategic", "key", "core", "small", "micro"]);
    let cell = terms.blocks[0].rows[3].cells[2].unwrap();
    assert_eq!(leaves[cell].path, "terms.D.cells.core.payment_days");
    let curves = &sections[4];
    assert_eq!(curves.blocks[0].title, "days beyond terms");
    assert_eq!(curves.blocks[0].rows.len(), 7, "dbt_days has 7 points");
    let economics: Vec<&str> = sections[5].blocks.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(
        economics,
        [
            "Loss given default",
            "Cost of security",
            "Limits",
            "Economics",
            "Seller",
            "Exposure",
            "Prices",
            "Security",
            "Capital",
            "Term ceilings"
        ],
        "the deal economics' subtrees (issue 12) follow the older ones"
    );
}

// ---- snapshots ------------------------------------------------------------------------------

fn check(name: &str, build: impl Fn() -> App) {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = build();
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), render(&mut app, width, height));
    }
}

#[test]
fn snapshot_the_bands_table() {
    check("policy_bands", || {
        let mut app = policy_app();
        press(&mut app, KeyCode::Down);
        type_text(&mut app, "60");
        press(&mut app, KeyCode::Enter);
        app
    });
}

#[test]
fn snapshot_the_terms_grid_on_delivery() {
    check("policy_terms_delivery", || {
        let mut app = policy_app();
        press(&mut app, KeyCode::Tab);
        for _ in 0..4 {
            ch(&mut app, ']');
        }
        keys(&mut app, &[KeyCode::Down, KeyCode::Down, KeyCode::Down, KeyCode::Right, KeyCode::Right]);
        app
    });
}

#[test]
fn snapshot_a_curve_with_its_chart() {
    check("policy_curve_dbt", || {
        let mut app = policy_app();
        for _ in 0..4 {
            press(&mut app, KeyCode::Tab);
        }
        keys(&mut app, &[KeyCode::Down, KeyCode::Down, KeyCode::Right]);
        app
    });
}

#[test]
fn snapshot_the_segments() {
    check("policy_segments", || {
        let mut app = policy_app();
        keys(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
        app
    });
}

#[test]
fn snapshot_the_economics() {
    check("policy_economics", || {
        let mut app = policy_app();
        press(&mut app, KeyCode::BackTab);
        app
    });
}
