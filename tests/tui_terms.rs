//! The what-if on a prospect's terms without a terminal: keys in, state out. Figures are
//! checked against the domain's `economics`, their changes against what the screen shows.
//! (Compare and matrix: `tui_compare_matrix.rs`; snapshots of all three: `tui_terms_snapshots.rs`.)

mod common;

use common::desk::*;
use dealdesk::domain::economics::{Economics, economics};
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::prospect::Terms;
use dealdesk::domain::vocabulary::{Channel, Delivery, Security, Status};
use dealdesk::tui::app::App;
use dealdesk::tui::modals::Modal;
use dealdesk::tui::screen::Screen;
use dealdesk::tui::terms::state::{TermsEditor, TermsField};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use rust_decimal::{Decimal, RoundingStrategy};
use strum::VariantArray;

const X: &str = "Xantra Logistics NV";
const Y: &str = "Ysendyck Delicatessen BV";

fn editor(app: &App) -> &TermsEditor {
    match &app.screen {
        Screen::Terms(e) => e,
        other => panic!("expected the terms screen, found {other:?}"),
    }
}

/// The demo desk on the what-if of `name` (`t` on its row).
fn terms_of(name: &str) -> App {
    let mut app = demo_app();
    select(&mut app, name);
    ch(&mut app, 't');
    assert_eq!(editor(&app).prospect.name, name);
    app
}

fn focus_on(app: &mut App, field: TermsField) {
    for _ in 0..TermsField::VARIANTS.len() {
        if editor(app).field() == field {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("Down never reached {field:?}");
}

/// Types a value into the focused field and applies it with Enter.
fn enter_value(app: &mut App, text: &str) {
    press(app, KeyCode::Enter);
    type_text(app, text);
    press(app, KeyCode::Enter);
}

/// The ten amounts of the figures table, in screen order, and whether more of each is better.
fn amounts(x: &Economics) -> [(Money, bool); 10] {
    [
        (x.gross_margin, true),
        (x.discounts, false),
        (x.volume_sold, true),
        (x.exposure, false),
        (x.uncovered(), false),
        (x.expected_loss, false),
        (x.financing_cost, false),
        (x.cost_to_serve, false),
        (x.security_cost, false),
        (x.risk_adjusted_profit, true),
    ]
}

/// Where the right-aligned columns of the figures table end, from its header: the last
/// "Suggested", "Edited" and "Change" on the line (the terms table's header comes first).
fn column_ends(header: &str) -> [usize; 3] {
    ["Suggested", "Edited", "Change"].map(|title| {
        let at = header.rfind(title).unwrap_or_else(|| panic!("{title} in {header:?}"));
        header[..at].chars().count() + title.chars().count() - 1
    })
}

/// The figures table at 120×40 in colour: (suggested, edited, change, colour of the change).
fn figure_rows(app: &mut App) -> Vec<(String, String, String, Color)> {
    app.theme.color = true;
    let backend = render(app, 120, 40);
    app.theme.color = false;
    let lines = screen_text(&backend);
    let top = lines.iter().position(|l| l.contains("Change")).expect("the figures header");
    let ends = column_ends(&lines[top]);
    let width = ends[2] - ends[1] - 1;
    (top + 1..top + 14)
        .map(|y| {
            let line: Vec<char> = lines[y].chars().collect();
            let cell = |end: usize| line[end + 1 - width..=end].iter().collect::<String>().trim().to_string();
            let fg = backend.buffer()[(ends[2] as u16, y as u16)].fg;
            (cell(ends[0]), cell(ends[1]), cell(ends[2]), fg)
        })
        .collect()
}

/// Every figure is the domain's economics of the edited terms; the suggested column is the
/// suggestion's; each change on screen is the difference, signed and coloured better/worse.
fn assert_recomputed(app: &mut App) {
    let e = editor(app);
    let deal = e.evaluation.deal.clone().expect("a known volume");
    let edited = economics(&deal, &e.edited, &app.policy);
    let suggested = economics(&deal, e.suggested(), &app.policy);
    assert_eq!(e.economics.as_ref(), Some(&edited), "edited figures for {:?}", e.edited);
    assert_eq!(e.evaluation.economics.as_ref(), Some(&suggested));
    let rows = figure_rows(app);
    for (i, ((before, good), (after, _))) in amounts(&suggested).iter().zip(amounts(&edited)).enumerate() {
        let d = after - *before;
        let (text, color) = match d {
            d if d == Money::ZERO => ("=".to_string(), Color::DarkGray),
            d if d.is_positive() => {
                (format!("+{}", d.grouped()), if *good { Color::Green } else { Color::Red })
            }
            d => (d.grouped(), if *good { Color::Red } else { Color::Green }),
        };
        assert_eq!(rows[i], (before.grouped(), after.grouped(), text, color), "figure row {i}");
    }
    // Margin and RAROC change in points, the months a default takes in months.
    let measures = [
        (suggested.margin_pct, edited.margin_pct, "pt"),
        (suggested.loss_at_default_months, edited.loss_at_default_months, "mo"),
        (suggested.raroc_pct, edited.raroc_pct, "pt"),
    ];
    for (row, (b, a, unit)) in rows[10..].iter().zip(measures) {
        match (b, a) {
            (Some(b), Some(a)) if a != b => {
                // Changes under 0.1 keep two decimals, so that a loss never reads "+0.0"; from
                // 100 on none, so that the sign fits; halves round away from zero, as every
                // figure on screen does.
                let raw = a - b;
                let places = if raw.abs() < Decimal::new(1, 1) {
                    2
                } else if raw.abs() >= Decimal::ONE_HUNDRED {
                    0
                } else {
                    1
                };
                let d = raw.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
                let sign = if raw.is_sign_positive() { "+" } else { "" };
                assert_eq!(row.2, format!("{sign}{d:.*} {unit}", places as usize), "{b} → {a}");
            }
            (Some(_), Some(_)) | (None, None) => assert_eq!(row.2, "=", "{b:?} → {a:?}"),
            _ => assert_eq!(row.2, "—", "a figure that becomes unknown: {b:?} → {a:?}"),
        }
    }
}

// ---- the what-if ----

#[test]
fn stepping_each_amount_recomputes_every_figure_and_its_change() {
    let mut app = terms_of(X);
    let rounding = app.policy.limits.rounding;
    let s = editor(&app).suggested().clone();
    let cases = [
        (TermsField::PaymentDays, "15".to_string(), "13".to_string()),
        (TermsField::Advance, "35".into(), "25".into()),
        (TermsField::Discount, "0.5".into(), "0".into()),
        (
            TermsField::CreditLimit,
            (s.credit_limit + rounding).grouped(),
            (s.credit_limit - rounding).grouped(),
        ),
    ];
    let value = |app: &App, field| editor(app).value(field, &editor(app).edited);
    for (field, up, down) in cases {
        focus_on(&mut app, field);
        ch(&mut app, '+');
        assert_eq!(value(&app, field), up, "{field:?} +");
        assert_recomputed(&mut app);
        ch(&mut app, '-');
        ch(&mut app, '-');
        assert_eq!(value(&app, field), down, "{field:?} −−");
        assert_recomputed(&mut app);
        ch(&mut app, 'r');
        assert_eq!(editor(&app).edited, s, "r resets");
    }
}

#[test]
fn cycling_delivery_security_and_channel_recomputes_every_figure() {
    let mut app = terms_of(X);
    let s = editor(&app).suggested().clone();
    assert_eq!(
        (s.delivery, s.security, s.channel),
        (Delivery::Partial, Security::BankGuarantee, Channel::KeyAccount)
    );
    focus_on(&mut app, TermsField::Delivery);
    ch(&mut app, '+');
    assert_eq!(editor(&app).edited.delivery, Delivery::CashOnDelivery);
    focus_on(&mut app, TermsField::Security);
    press(&mut app, KeyCode::Enter); // a list field: Enter takes the next choice
    assert_eq!(editor(&app).edited.security, Security::LetterOfCredit);
    ch(&mut app, '+');
    assert_eq!(editor(&app).edited.security, Security::None, "wraps");
    assert_recomputed(&mut app);
    focus_on(&mut app, TermsField::Channel);
    ch(&mut app, '-');
    assert_ne!(editor(&app).edited.channel, Channel::KeyAccount);
    let channel = editor(&app).edited.channel;
    assert_eq!(
        editor(&app).economics.as_ref().unwrap().cost_to_serve,
        app.policy.channels.get(channel).cost_to_serve
    );
    assert_recomputed(&mut app);
}

#[test]
fn typed_values_apply_with_enter_and_a_bad_advance_is_refused() {
    let mut app = terms_of(X);
    focus_on(&mut app, TermsField::Advance);
    type_text(&mut app, "45"); // a digit starts typing
    assert_eq!(editor(&app).typing.as_ref().map(|l| l.text().to_string()).as_deref(), Some("45"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(editor(&app).edited.advance_pct, Pct::whole(45));
    assert_recomputed(&mut app);
    let before = editor(&app).edited.clone();
    enter_value(&mut app, "120");
    let e = editor(&app);
    assert!(e.error.as_deref().is_some_and(|m| m.contains("outside 0–100")), "{:?}", e.error);
    assert_eq!(e.edited, before, "a refused value changes nothing");
    type_text(&mut app, "9");
    press(&mut app, KeyCode::Esc);
    assert!(editor(&app).typing.is_none() && editor(&app).edited == before, "Esc cancels typing");
    // Belgium: a term over 60 days is void, and the what-if refuses it, naming the law.
    focus_on(&mut app, TermsField::PaymentDays);
    let before = editor(&app).edited.payment_days;
    enter_value(&mut app, "75");
    let e = editor(&app);
    assert_eq!(e.edited.payment_days, before);
    assert!(
        e.error.as_deref().is_some_and(|m| m.starts_with("75 days cannot be agreed: Belgian law")),
        "{:?}",
        e.error
    );
    enter_value(&mut app, "45");
    assert_eq!((editor(&app).edited.payment_days, editor(&app).error.as_deref()), (45, None));
    assert_recomputed(&mut app);
}

#[test]
fn deviations_and_warnings_for_a_limit_over_the_cap_and_a_receivable_over_the_limit() {
    let mut app = terms_of(Y);
    let e = editor(&app);
    assert_eq!(e.edited.security, Security::None);
    assert!(e.warnings.is_empty() && e.deviations.is_empty(), "the suggestion is within policy");
    let over = e.evaluation.suggestion.credit_cap + app.policy.limits.rounding;
    focus_on(&mut app, TermsField::CreditLimit);
    enter_value(&mut app, &over.amount().to_string());
    assert_eq!(editor(&app).edited.credit_limit, over);
    let deviates = |app: &App, what: &str| editor(app).deviations.iter().any(|d| d.text.contains(what));
    assert!(deviates(&app, "above the cap"), "{:?}", editor(&app).deviations);
    focus_on(&mut app, TermsField::PaymentDays);
    enter_value(&mut app, "61");
    assert!(
        editor(&app).error.as_deref().is_some_and(|m| m.contains("60 days is void")),
        "{:?}",
        editor(&app).error
    );
    focus_on(&mut app, TermsField::CreditLimit);
    enter_value(&mut app, "0");
    let warned = |app: &App, what: &str| editor(app).warnings.iter().any(|w| w.contains(what));
    assert!(warned(&app, "deliveries stop at the limit"), "{:?}", editor(&app).warnings);
    assert!(!deviates(&app, "above the cap"));
    assert_recomputed(&mut app);
}

#[test]
fn goal_seek_fills_the_least_advance_on_risk_then_the_best_terms_within_policy() {
    let mut app = terms_of(X);
    let policy = app.policy.clone();
    let e = editor(&app);
    let deal = e.evaluation.deal.clone().unwrap();
    let cap = e.evaluation.suggestion.credit_cap;
    let start = e.edited.clone();
    ch(&mut app, 'a');
    let e = editor(&app);
    let found = e.edited.clone();
    assert_eq!(Terms { advance_pct: start.advance_pct, ..found.clone() }, start, "only the advance moved");
    let x = economics(&deal, &found, &policy);
    assert!(x.uncovered() <= cap, "{} > {cap}", x.uncovered());
    let one_less =
        Terms { advance_pct: Pct::new(found.advance_pct.percent() - Decimal::ONE), ..found.clone() };
    let y = economics(&deal, &one_less, &policy);
    let months = Decimal::from(policy.capital.max_loss_months);
    let sold = economics(&deal, &start, &policy).volume_sold;
    assert!(found.advance_pct > Pct::ZERO, "X needs an advance");
    let broken =
        y.uncovered() > cap || y.loss_at_default_months.is_none_or(|m| m > months) || y.volume_sold < sold;
    assert!(broken, "{} % is the least", found.advance_pct);
    assert!(e.seek.as_deref().is_some_and(|s| s.contains("the least that meets the goal")), "{:?}", e.seek);
    assert_recomputed(&mut app);

    ch(&mut app, 'p');
    let e = editor(&app);
    assert!(e.deviations.is_empty(), "{:?}", e.deviations);
    let best = economics(&deal, &e.edited, &policy).risk_adjusted_profit;
    assert!(best >= economics(&deal, e.suggested(), &policy).risk_adjusted_profit);
    assert!(e.seek.as_deref().is_some_and(|s| s.contains("within policy")), "{:?}", e.seek);
    assert_recomputed(&mut app);
}

#[test]
fn an_unreachable_goal_changes_nothing_and_names_what_binds() {
    let mut app = terms_of(X);
    // Through the wholesaler the advance changes nothing, and its receivable is above X's cap.
    focus_on(&mut app, TermsField::Channel);
    while editor(&app).edited.channel != Channel::Wholesaler {
        ch(&mut app, '+');
    }
    let before = editor(&app).edited.clone();
    ch(&mut app, 'a');
    let e = editor(&app);
    assert_eq!(e.edited, before);
    let seek = e.seek.as_deref().unwrap_or_default();
    assert!(seek.starts_with("Unreachable: even 100 % advance leaves the unsecured exposure"), "{seek}");
}

#[test]
fn esc_keeps_the_edit_for_the_session_and_reopening_shows_it() {
    let mut app = terms_of(X);
    let id = editor(&app).prospect.id;
    focus_on(&mut app, TermsField::Advance);
    ch(&mut app, '+');
    let edited = editor(&app).edited.clone();
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Portfolio));
    assert_eq!(app.what_if.get(&id), Some(&edited));
    ch(&mut app, 't');
    assert_eq!(editor(&app).edited, edited, "reopened on the edit");
    ch(&mut app, 'r');
    press(&mut app, KeyCode::Esc);
    assert!(!app.what_if.contains_key(&id), "the suggestion is no edit");
}

#[test]
fn ctrl_s_records_the_edited_terms_in_history_and_agreed_terms() {
    let mut app = terms_of(X);
    focus_on(&mut app, TermsField::Advance);
    ch(&mut app, '+');
    ch(&mut app, '+');
    let edited = editor(&app).edited.clone();
    ctrl(&mut app, 's');
    let Some(Modal::Decision(dialog)) = &app.modal else { panic!("no decision dialog: {:?}", app.modal) };
    assert_eq!(dialog.terms.as_ref(), Some(&edited));
    assert_eq!(Status::VARIANTS[dialog.status_index], Status::Reviewing, "starts on the current status");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "adapted terms");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(saves(&effects).len(), 1);
    assert!(app.modal.is_none() && matches!(app.screen, Screen::Terms(_)));
    let x = prospect(&app, X);
    let record = x.history.last().expect("a decision");
    assert_eq!(
        (record.status, record.terms.clone(), record.note.as_str()),
        (Status::ApprovedWithConditions, edited.clone(), "adapted terms")
    );
    assert_eq!(x.agreed_terms.as_ref(), Some(&edited));
    assert_eq!(record.risk_adjusted_profit, editor(&app).economics.as_ref().map(|e| e.risk_adjusted_profit));
    assert!(app.notice.as_ref().is_some_and(|n| n.text.contains("Decision recorded")));
}

// ---- bugs ----

#[test]
fn a_falling_margin_never_shows_a_plus() {
    let mut app = terms_of(X);
    enter_value(&mut app, "45"); // X pays at 30 + 46 whatever it is given: beyond that,
    ch(&mut app, '+'); // one more payment day: profit falls by a few hundred
    let rows = figure_rows(&mut app);
    assert!(rows[9].2.starts_with('-'), "profit {:?}", rows[9]);
    assert!(!rows[10].2.starts_with('+') && rows[10].3 != Color::Green, "margin {:?}", rows[10]);
    // One more month lost at default is worse: red, whatever its sign.
    assert!(rows[11].2.starts_with('+') && rows[11].3 == Color::Red, "months {:?}", rows[11]);
}
