//! The portfolio view moves one row when one prospect changes, instead of sorting the portfolio
//! again, and narrows its rows as the filter grows: after any sequence of changes and
//! keystrokes its rows and totals must equal a fresh rebuild.

use std::path::PathBuf;
use std::sync::Arc;
use strum::VariantArray;

use dealdesk::cli::demo::demo_prospects;
use dealdesk::domain::date::Date;
use dealdesk::domain::money::Money;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::vocabulary::Band;
use dealdesk::tui::app::App;
use dealdesk::tui::history::Change;
use dealdesk::tui::portfolio::state::PortfolioView;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    /// Set a prospect's days beyond terms (moves its band, score and profit).
    Dbt {
        pick: usize,
        days: u32,
    },
    /// Set its annual volume (moves its segment and volume).
    Volume {
        pick: usize,
        units: i64,
    },
    Rename {
        pick: usize,
        name: String,
    },
    Delete {
        pick: usize,
    },
    Add {
        name: String,
        days: u32,
    },
    Undo,
    /// Add two prospects in one change, as an import does.
    Import {
        names: (String, String),
    },
    /// Type a letter in the name filter (the rows narrow).
    Type(char),
    /// Take the last letter off the name filter (the rows are filtered again).
    Backspace,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (any::<usize>(), 0u32..120).prop_map(|(pick, days)| Step::Dbt { pick, days }),
        (any::<usize>(), 1_000i64..3_000_000).prop_map(|(pick, units)| Step::Volume { pick, units }),
        (any::<usize>(), "[A-Za-zé ]{1,12}").prop_map(|(pick, name)| Step::Rename { pick, name }),
        any::<usize>().prop_map(|pick| Step::Delete { pick }),
        ("[A-Za-z]{1,10}", 0u32..90).prop_map(|(name, days)| Step::Add { name, days }),
        Just(Step::Undo),
        ("[A-Za-z]{1,10}", "[A-Za-z]{1,10}").prop_map(|names| Step::Import { names }),
        proptest::char::range('a', 'e').prop_map(Step::Type),
        Just(Step::Backspace),
    ]
}

fn app() -> App {
    let policy = Policy::default_policy();
    App::new(
        demo_prospects().unwrap(),
        policy,
        Date::new(2026, 11, 28).unwrap(),
        PathBuf::from("p.json"),
        false,
    )
}

/// A view with the same sort and filters, built from scratch.
fn fresh(app: &App) -> PortfolioView {
    let mut view = PortfolioView::default();
    view.sort = app.view.sort;
    view.band = app.view.band;
    view.query.set(app.view.query.text());
    view.refresh(&app.portfolio);
    view
}

fn apply(app: &mut App, step: &Step) {
    let len = app.portfolio.len();
    let nth = |pick: usize| app.portfolio.prospect(pick % len.max(1)).cloned();
    let change = match step {
        Step::Dbt { pick, days } => nth(*pick).map(|before| {
            let after = dealdesk::domain::prospect::Prospect { dbt_days: Some(*days), ..(*before).clone() };
            Change::Put { before: Some(before), after: Arc::new(after) }
        }),
        Step::Volume { pick, units } => nth(*pick).map(|before| {
            let after = dealdesk::domain::prospect::Prospect {
                annual_volume: Some(Money::units(*units)),
                ..(*before).clone()
            };
            Change::Put { before: Some(before), after: Arc::new(after) }
        }),
        Step::Rename { pick, name } => nth(*pick).map(|before| {
            let after = dealdesk::domain::prospect::Prospect { name: name.clone(), ..(*before).clone() };
            Change::Put { before: Some(before), after: Arc::new(after) }
        }),
        Step::Delete { pick } => nth(*pick).map(|prospect| Change::Remove {
            index: app.portfolio.position(prospect.id).unwrap_or(0),
            prospect,
        }),
        Step::Add { name, days } => {
            let p = dealdesk::domain::prospect::Prospect {
                id: app.portfolio.next_id(),
                dbt_days: Some(*days),
                annual_volume: Some(Money::units(40_000)),
                ..dealdesk::domain::prospect::Prospect::named(name)
            };
            Some(Change::Put { before: None, after: Arc::new(p) })
        }
        Step::Import { names: (a, b) } => {
            let first = app.portfolio.next_id();
            let new = |id: u64, name: &str| {
                let p = dealdesk::domain::prospect::Prospect {
                    id,
                    annual_volume: Some(Money::units(25_000)),
                    ..dealdesk::domain::prospect::Prospect::named(name)
                };
                Change::Put { before: None, after: Arc::new(p) }
            };
            Some(Change::Many(vec![new(first, a), new(first + 1, b)]))
        }
        Step::Type(letter) => {
            app.view.query.insert(*letter);
            app.view.refresh(&app.portfolio);
            None
        }
        Step::Backspace => {
            app.view.query.backspace();
            app.view.refresh(&app.portfolio);
            None
        }
        Step::Undo => {
            if let Some(change) = app.history.undo() {
                app.apply(&change, true);
            }
            None
        }
    };
    if let Some(change) = change {
        app.apply(&change, false);
        app.history.record(change);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn rows_and_totals_after_changes_equal_a_fresh_view(
        sorts in 0usize..18,
        band in proptest::option::of(0usize..5),
        query in "[a-e]{0,2}",
        steps in proptest::collection::vec(step(), 1..25),
        select in any::<usize>(),
    ) {
        let mut app = app();
        // Chunks of three: the demo's fifty rows move across chunk boundaries.
        app.view = PortfolioView::with_chunk(3);
        for _ in 0..sorts {
            app.view.cycle_sort(true);
        }
        app.view.band = band.map(|b| Band::VARIANTS[b]);
        app.view.query.set(&query);
        app.view.refresh(&app.portfolio);
        for step in &steps {
            app.view.selected = select % app.view.rows().len().max(1);
            let selected = app.view.selected_id(&app.portfolio);
            apply(&mut app, step);
            let want = fresh(&app);
            prop_assert_eq!(app.view.rows(), want.rows(), "after {:?}", step);
            prop_assert_eq!(app.view.totals(), want.totals(), "after {:?}", step);
            // The selected prospect stays selected wherever its row went, while it is shown.
            let shown = selected.and_then(|id| app.portfolio.position(id)).is_some_and(|i| want.rows().contains(&i));
            if shown {
                prop_assert_eq!(app.view.selected_id(&app.portfolio), selected, "after {:?}", step);
            }
        }
    }
}
