//! The policy editor, the import preview and the export prompt without a terminal: each policy
//! rule kept and broken through `PolicyEditor`, the re-evaluation once a policy is saved, the
//! desk's import and export as keys in and effects out, and snapshots of the three screens.

mod common;
#[path = "tui_policy/folder.rs"]
mod folder;
#[path = "tui_policy/transfer.rs"]
mod transfer;

use std::path::Path;

use clap::Parser;
use common::desk::*;
use dealdesk::cli::{Cli, Context};
use dealdesk::domain::evaluate::{Evaluation, evaluate};
use dealdesk::domain::format::count;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::vocabulary::Band;
use dealdesk::store::stream::Progress;
use dealdesk::tui::app::{App, Effect, Msg};
use dealdesk::tui::dispatch::update;
use dealdesk::tui::kit::line_edit::LineEdit;
use dealdesk::tui::modals::Modal;
use dealdesk::tui::policy::state::PolicyEditor;
use dealdesk::tui::policy::update::apply_policy;
use dealdesk::tui::screen::Screen;
use ratatui::crossterm::event::KeyCode;

/// Three good rows and row 4 with "veel" as its annual volume.
const IMPORT_CSV: &str = "tests/fixtures/desk_import_one_bad.csv";
const IMPORTED: [&str; 3] = ["Zuiderpoort Logistiek BV", "Ardenner Bakkerij SRL", "Kanaalzicht Drukwerk BV"];
/// Band C at 59.5 under the defaults (B from 65): B once B starts at 55.
const SABLON: &str = "Brasserie Le Sablon SRL";

// ---- the editor on its own -----------------------------------------------------------------

fn defaults() -> PolicyEditor {
    PolicyEditor::open(&Policy::default_policy())
}

fn at(e: &PolicyEditor, path: &str) -> usize {
    e.leaves.iter().position(|l| l.path == path).unwrap_or_else(|| panic!("no line {path}"))
}

/// Types `text` into the line at `path` and applies it, as Enter does.
fn set(e: &mut PolicyEditor, path: &str, text: &str) {
    e.focus = at(e, path);
    e.typing = Some(LineEdit::new(text));
    e.apply_typed();
}

fn issue(e: &PolicyEditor, path: &str) -> Option<String> {
    e.issue_for(&e.leaves[at(e, path)])
}

/// `good` at `path` keeps the policy valid; `bad` puts `message` against the line `line`, and
/// leaves no policy to save.
fn rule(path: &str, good: &str, bad: &str, line: &str, message: &str) {
    let mut e = defaults();
    set(&mut e, path, good);
    assert!(e.issues.is_empty() && e.policy().is_some(), "{path} = {good}: {:?}", e.issues);
    set(&mut e, path, bad);
    let found =
        issue(&e, line).unwrap_or_else(|| panic!("{path} = {bad}: nothing at {line}: {:?}", e.issues));
    assert!(found.contains(message), "{path} = {bad}: {found:?} should say {message:?}");
    assert!(e.policy().is_none(), "{path} = {bad} must not give a policy");
}

#[test]
fn band_thresholds_are_strictly_ordered_and_e_starts_at_zero() {
    rule(
        "bands.B.min_score",
        "60",
        "80",
        "bands.B.min_score",
        "The minimum score of band B must be below band A's 80",
    );
    rule(
        "bands.B.min_score",
        "51",
        "50",
        "bands.C.min_score",
        "The minimum score of band C must be below band B's 50",
    );
    rule("bands.A.min_score", "100", "101", "bands.A.min_score", "between 0 and 100");
    rule("bands.E.min_score", "0", "5", "bands.E.min_score", "must be 0");
}

#[test]
fn pds_rise_with_the_band() {
    rule("bands.C.pd_pct", "2", "1", "bands.C.pd_pct", "The PD of band C must be above band B's 1 %");
    rule("bands.D.pd_pct", "5", "2.5", "bands.D.pd_pct", "above band C's 3 %");
}

#[test]
fn percentages_lie_between_0_and_100() {
    rule("lgd_pct.none", "100", "120", "lgd_pct.none", "no security must be between 0 and 100 %; it is 120");
    rule("economics.cost_of_capital_pct", "0", "-1", "economics.cost_of_capital_pct", "between 0 and 100");
}

#[test]
fn a_curve_running_the_wrong_way_is_marked_on_its_points() {
    let dbt = "scorecard.payment.dbt_days.curve";
    rule(&format!("{dbt}[2][1]"), "0.8", "0.95", &format!("{dbt}[2][1]"), "health must fall with the input");
    rule(&format!("{dbt}[2][0]"), "20", "5", &format!("{dbt}[0][0]"), "point 3 (5) must come after point 2");
    let ratio = "scorecard.liquidity.current_ratio.curve";
    rule(&format!("{ratio}[2][1]"), "0.6", "0.3", &format!("{ratio}[3][1]"), "point 3 goes from 0.4 to 0.3");
}

#[test]
fn the_weights_sum_is_shown_and_need_not_be_100_but_no_weight_is_negative() {
    let mut e = defaults();
    assert_eq!(e.weights_sum(), 100.0);
    set(&mut e, "scorecard.weights.payment", "45");
    assert_eq!(e.weights_sum(), 110.0);
    assert!(e.issues.is_empty(), "{:?}", e.issues);
    set(&mut e, "scorecard.weights.payment", "-5");
    assert_eq!(e.weights_sum(), 60.0);
    assert_eq!(
        issue(&e, "scorecard.weights.payment").as_deref(),
        Some("The weight of payment must be between 0 and 1000; it is -5")
    );
    assert!(issue(&e, "scorecard.weights.liquidity").is_none());
}

#[test]
fn a_rule_on_a_whole_group_stands_by_the_lines_of_that_group() {
    let mut e = defaults();
    for w in ["payment", "liquidity", "solvency", "profitability", "distress", "signals"] {
        set(&mut e, &format!("scorecard.weights.{w}"), "0");
    }
    assert!(e.issues.iter().any(|(f, m)| f == "scorecard.weights" && m.contains("must not all be 0")));
    assert!(issue(&e, "scorecard.weights.payment").is_some(), "no line shows {:?}", e.issues);
    let mut e = defaults();
    set(&mut e, "scorecard.payment.trend.worsening", "1");
    assert!(issue(&e, "scorecard.payment.trend.worsening").is_some(), "no line shows {:?}", e.issues);
}

#[test]
fn a_word_typed_into_a_number_is_refused_and_the_value_kept() {
    let mut e = defaults();
    set(&mut e, "bands.B.min_score", "abc");
    assert_eq!(e.error.as_deref(), Some("'abc' is not a number"));
    let line = e.leaves[at(&e, "bands.B.min_score")].clone();
    assert_eq!(e.value(&line), "65");
    assert!(!e.differs(&line) && !e.changed() && e.issues.is_empty());
    set(&mut e, "bands.B.min_score", "60");
    assert_eq!((e.error.clone(), e.value(&line)), (None, "60".to_string()));
}

// ---- the editor through the desk's keys ----------------------------------------------------

/// Finds the value at `path` with `/` (a path finds its one value) and keeps the focus there.
fn focus_line(app: &mut App, path: &str) {
    ch(app, '/');
    type_text(app, path);
    press(app, KeyCode::Enter);
    assert_eq!(editor(app).leaf().map(|l| l.path.as_str()), Some(path));
}

/// Enter, Ctrl-U, the text, Enter: the focused value replaced by typing.
fn type_value(app: &mut App, text: &str) {
    press(app, KeyCode::Enter);
    ctrl(app, 'u');
    type_text(app, text);
    press(app, KeyCode::Enter);
}

#[test]
fn an_invalid_policy_is_not_saved_and_the_focus_goes_to_the_problem() {
    let mut app = policy_app();
    focus_line(&mut app, "bands.C.min_score");
    type_value(&mut app, "70");
    press(&mut app, KeyCode::Up);
    let effects = ctrl(&mut app, 's');
    assert!(effects.is_empty(), "{effects:?}");
    let (text, error) = notice(&app);
    assert!(
        error && text.contains("Not saved: 1 problem. The minimum score of band C must be below band B's 65"),
        "{text}"
    );
    assert_eq!(editor(&app).leaf().unwrap().path, "bands.C.min_score");

    type_value(&mut app, "45");
    let effects = ctrl(&mut app, 's');
    let [Effect::SavePolicy { path, text }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(path, Path::new(POLICY_FILE));
    assert_eq!(Policy::from_json(text).expect("the saved text loads").bands.c.min_score, 45.0);

    app.policy_path = None;
    assert!(ctrl(&mut app, 's').is_empty());
    assert!(notice(&app).0.contains("start with --policy PATH"));
}

#[test]
fn a_policy_is_not_saved_while_the_portfolio_loads() {
    let mut app = policy_app();
    focus_line(&mut app, "bands.C.min_score");
    type_value(&mut app, "45");
    app.loading = Some(Progress { done: 10, total: 100, started_over: false });
    assert!(ctrl(&mut app, 's').is_empty(), "the blocks still to come use the old policy");
    let (text, error) = notice(&app);
    assert!(error && text.contains("still loading"), "{text}");
    assert!(editor(&app).changed(), "the edit is kept");
    app.loading = None;
    assert!(matches!(ctrl(&mut app, 's').as_slice(), [Effect::SavePolicy { .. }]));
}

#[test]
fn the_header_shows_the_weights_sum_as_edited() {
    let mut app = policy_app();
    focus_line(&mut app, "scorecard.weights.payment");
    type_value(&mut app, "45");
    let header = screen_text(&render(&mut app, 120, 40))[1].clone();
    assert!(header.ends_with("· valid · component weights sum to 110"), "{header}");
}

#[test]
fn edited_values_are_marked_and_d_then_y_puts_the_defaults_back() {
    let mut app = policy_app();
    focus_line(&mut app, "bands.B.min_score");
    type_value(&mut app, "60");
    let e = editor(&app);
    let marked: Vec<&str> = e.leaves.iter().filter(|l| e.differs(l)).map(|l| l.path.as_str()).collect();
    assert_eq!(marked, ["bands.B.min_score"]);
    assert_eq!(e.default_value(e.leaf().unwrap()), "65");

    ch(&mut app, 'D');
    assert!(matches!(app.modal, Some(Modal::ConfirmResetPolicy)));
    ch(&mut app, 'n');
    assert!(app.modal.is_none() && editor(&app).changed());
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.modal, Some(Modal::DiscardPolicy)), "Esc with edits asks first");
    ch(&mut app, 'n');

    ch(&mut app, 'D');
    ch(&mut app, 'y');
    let e = editor(&app);
    assert!(e.leaves.iter().all(|l| !e.differs(l)));
    assert_eq!(e.policy(), Some(Policy::default_policy()));
    assert!(notice(&app).0.contains("shipped defaults"));
}

#[test]
fn the_same_value_written_another_way_is_not_an_edit() {
    let mut app = policy_app();
    ch(&mut app, 'D');
    ch(&mut app, 'y');
    assert!(!editor(&app).changed(), "defaults put back on the defaults: nothing to lose");
    press(&mut app, KeyCode::Esc);
    assert!(app.modal.is_none(), "Esc asks to discard edits that change nothing");
    let mut e = defaults();
    set(&mut e, "bands.B.pd_pct", "1.0");
    assert!(!e.differs(&e.leaves[at(&e, "bands.B.pd_pct")]), "1.0 is marked as differing from 1");
}

// ---- re-evaluation --------------------------------------------------------------------------

fn bands(app: &App) -> Vec<Band> {
    app.portfolio.summaries().iter().map(|s| s.band).collect()
}

fn band_of(app: &App, name: &str) -> Band {
    let i = app.portfolio.position(prospect(app, name).id).expect("in the portfolio");
    app.portfolio.summary(i).expect("a summary").band
}

#[test]
fn a_saved_policy_is_put_in_force_and_the_portfolio_re_evaluated() {
    let mut app = policy_app();
    let before = bands(&app);
    assert_eq!(band_of(&app, SABLON), Band::C);
    focus_line(&mut app, "bands.B.min_score");
    type_value(&mut app, "55");
    let effects = ctrl(&mut app, 's');
    let [Effect::SavePolicy { path, text }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(app.policy, Policy::default_policy(), "not in force before it is written");

    update(&mut app, Msg::PolicySaved(Ok((path.display().to_string(), text.clone()))));
    assert_eq!(app.policy, Policy::from_json(text).unwrap());
    assert_eq!(app.policy.bands.b.min_score, 55.0);
    let after = bands(&app);
    let moved: Vec<_> = before.iter().zip(&after).filter(|(b, a)| b != a).collect();
    assert!(!moved.is_empty() && moved.iter().all(|m| *m == (&Band::C, &Band::B)), "{moved:?}");
    assert_eq!(band_of(&app, SABLON), Band::B);
    let (text, error) = notice(&app);
    assert!(!error && text.starts_with(&format!("Policy saved to {POLICY_FILE}; ")), "{text}");
    assert!(text.contains(&format!("{} changed band", count(moved.len(), "prospect"))), "{text}");

    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Portfolio) && app.modal.is_none(), "saved: Esc asks nothing");
    ch(&mut app, 'b');
    ch(&mut app, 'b');
    assert!(names(&app).contains(&SABLON.to_string()), "the band-B filter sees the new band");
}

#[test]
fn a_failed_policy_write_keeps_the_old_policy_and_the_edit() {
    let mut app = policy_app();
    focus_line(&mut app, "bands.B.min_score");
    type_value(&mut app, "55");
    ctrl(&mut app, 's');
    update(&mut app, Msg::PolicySaved(Err("disk full".into())));
    assert_eq!(app.policy, Policy::default_policy());
    assert_eq!(band_of(&app, SABLON), Band::C);
    assert_eq!(notice(&app), ("Policy not saved: disk full".to_string(), true));
    assert!(editor(&app).changed());
}

#[test]
fn a_policy_saved_reply_after_leaving_the_editor_still_puts_it_in_force() {
    let mut app = policy_app();
    focus_line(&mut app, "bands.B.min_score");
    type_value(&mut app, "55");
    let effects = ctrl(&mut app, 's');
    let [Effect::SavePolicy { path, text }] = effects.as_slice() else { panic!("{effects:?}") };
    // Keys typed before the runner's reply is read: Esc (asks, as the edit looks unsaved), y.
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'y');
    update(&mut app, Msg::PolicySaved(Ok((path.display().to_string(), text.clone()))));
    assert_eq!(app.policy.bands.b.min_score, 55.0, "the file holds 55, the desk still uses 65");
}

#[test]
fn apply_policy_re_evaluates_and_counts_what_moved() {
    let mut app = demo_app();
    let before: Vec<_> = app.portfolio.summaries().to_vec();
    let mut lower = Policy::default_policy();
    lower.bands.b.min_score = 55.0;
    // What should move, from the domain's own evaluation of each prospect under both policies.
    let (mut band, mut terms) = (0, 0);
    for p in app.portfolio.prospects() {
        let [old, new] =
            [Policy::default_policy(), lower.clone()].map(|policy| evaluate(p, &policy, app.today));
        band += usize::from(old.assessment.band != new.assessment.band);
        let days_and_advance =
            |e: &Evaluation| (e.suggestion.terms.payment_days, e.suggestion.terms.advance_pct);
        terms += usize::from(days_and_advance(&old) != days_and_advance(&new));
    }
    let summary = apply_policy(&mut app, lower.clone());
    assert!(band > 0);
    let bands_now = app.portfolio.summaries().iter().map(|s| s.band);
    let bands_wanted = app.portfolio.prospects().map(|p| evaluate(p, &lower, app.today).assessment.band);
    assert!(bands_now.eq(bands_wanted), "the portfolio holds the new policy's bands");
    assert_eq!(summary, format!("{} changed band, {terms} changed suggested terms", count(band, "prospect")));
    assert_eq!(app.policy, lower);
    assert_eq!(apply_policy(&mut app, lower), "0 prospects changed band, 0 changed suggested terms");
    let back = apply_policy(&mut app, Policy::default_policy());
    assert!(back.starts_with(&format!("{} changed band", count(band, "prospect"))), "{back}");
    assert_eq!(app.portfolio.summaries(), before.as_slice());
}

#[test]
fn the_desk_reports_a_broken_policy_file_by_file_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("policy.json");
    let mut json: serde_json::Value =
        serde_json::from_str(dealdesk::domain::policy::DEFAULT_POLICY_JSON).unwrap();
    json["bands"]["C"]["min_score"] = 70.into();
    std::fs::write(&file, json.to_string()).unwrap();
    let problem = desk_problem(&file).expect("a problem to show");
    assert!(
        problem.contains(&file.display().to_string()) && problem.contains("bands.C.min_score"),
        "{problem}"
    );
}

#[test]
fn a_policy_file_not_yet_written_is_not_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(desk_problem(&dir.path().join("policy.json")), None);
}

fn desk_problem(policy: &Path) -> Option<String> {
    let args = ["dealdesk", "--store", "/tmp/dealdesk-test/s.json", "--policy", &policy.to_string_lossy()];
    Context::for_desk(&Cli::try_parse_from(args).unwrap()).unwrap().1
}

// ---- snapshots ------------------------------------------------------------------------------

/// Draws a freshly built desk at 120×40 and at the smallest size, 80×24.
fn check(name: &str, build: impl Fn() -> App) {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = build();
        let backend = render(&mut app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), backend);
    }
}

#[test]
fn snapshot_policy_screen_with_a_validation_error() {
    check("policy_invalid_band_c", || {
        let mut app = policy_app();
        focus_line(&mut app, "bands.C.min_score");
        type_value(&mut app, "70");
        ctrl(&mut app, 's');
        app
    });
}
