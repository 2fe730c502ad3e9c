//! The engine's view moves one row when one prospect changes, instead of sorting the portfolio
//! again, and narrows its rows as the query grows: after any sequence of edits, additions,
//! deletions, undos and keystrokes, under any sort and quick filter, its rows and totals must
//! equal a view built from scratch. The desk's side (the selection stays on its prospect)
//! runs the same steps through `App`.

use std::path::PathBuf;
use std::sync::Arc;
use strum::VariantArray;

use dealdesk::cli::demo::demo_prospects;
use dealdesk::domain::date::Date;
use dealdesk::domain::money::Money;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::vocabulary::{Band, Segment, Status};
use dealdesk::portfolio::Portfolio;
use dealdesk::portfolio::filter::Filter;
use dealdesk::portfolio::sort::{Column, SortDirection};
use dealdesk::portfolio::view::{Sort, View};
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

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

/// The change a step makes to the portfolio, if it changes it.
fn change(portfolio: &Portfolio, step: &Step) -> Option<Change> {
    let nth = |pick: usize| portfolio.prospect(pick % portfolio.len().max(1)).cloned();
    let put =
        |before: Arc<Prospect>, after: Prospect| Change::Put { before: Some(before), after: Arc::new(after) };
    match step {
        Step::Dbt { pick, days } => {
            nth(*pick).map(|b| put(b.clone(), Prospect { dbt_days: Some(*days), ..(*b).clone() }))
        }
        Step::Volume { pick, units } => nth(*pick)
            .map(|b| put(b.clone(), Prospect { annual_volume: Some(Money::units(*units)), ..(*b).clone() })),
        Step::Rename { pick, name } => {
            nth(*pick).map(|b| put(b.clone(), Prospect { name: name.clone(), ..(*b).clone() }))
        }
        Step::Delete { pick } => nth(*pick)
            .map(|prospect| Change::Remove { index: portfolio.position(prospect.id).unwrap_or(0), prospect }),
        Step::Add { name, days } => {
            let p = Prospect {
                id: portfolio.next_id(),
                dbt_days: Some(*days),
                annual_volume: Some(Money::units(40_000)),
                ..Prospect::named(name)
            };
            Some(Change::Put { before: None, after: Arc::new(p) })
        }
        Step::Import { names: (a, b) } => {
            let first = portfolio.next_id();
            let new = |id: u64, name: &str| {
                let p = Prospect { id, annual_volume: Some(Money::units(25_000)), ..Prospect::named(name) };
                Change::Put { before: None, after: Arc::new(p) }
            };
            Some(Change::Many(vec![new(first, a), new(first + 1, b)]))
        }
        Step::Undo | Step::Type(_) | Step::Backspace => None,
    }
}

/// The portfolio and the engine's view of it, changed through the engine's calls alone: the
/// view follows each single change, and is rebuilt once after a change of many.
struct Engine {
    portfolio: Portfolio,
    view: View,
    sort: Sort,
    query: String,
    band: Option<Band>,
    segment: Option<Segment>,
    status: Option<Status>,
    /// What undoes each change so far, and whether it was a change of many.
    undo: Vec<(Vec<Op>, bool)>,
}

/// One change to one prospect, made through the engine's own calls.
enum Op {
    /// Replace or add (`Portfolio::upsert`, `View::changed`).
    Put(Arc<Prospect>),
    /// Delete by id (`Portfolio::remove`, `View::removed`).
    TakeOut(u64),
    /// Put a deleted prospect back where it was (`Portfolio::insert`, `View::inserted`).
    PutBack(usize, Arc<Prospect>),
}

impl Engine {
    fn filter(&self) -> Filter {
        Filter::new(&self.query, self.band, self.segment, self.status, None)
    }

    fn refresh(&mut self) {
        let filter = self.filter();
        self.view.refresh(&self.portfolio, self.sort, filter);
    }

    /// A view with the same sort and filters, built from scratch.
    fn fresh(&self) -> View {
        let mut view = View::default();
        view.refresh(&self.portfolio, self.sort, self.filter());
        view
    }

    /// Does `op` and returns the op that undoes it.
    fn run(&mut self, op: Op) -> Op {
        let policy = Policy::default_policy();
        match op {
            Op::Put(p) => {
                let at = self.portfolio.position(p.id);
                let before = at.and_then(|i| {
                    Some((self.portfolio.prospect(i)?.clone(), self.portfolio.summary(i)?.clone()))
                });
                let folded = at.map(|i| self.portfolio.folded_name(i).to_string()).unwrap_or_default();
                let id = p.id;
                let index = self.portfolio.upsert(p, &policy, today());
                self.view.changed(&self.portfolio, index, before.as_ref().map(|(_, s)| (folded.as_str(), s)));
                before.map_or(Op::TakeOut(id), |(p, _)| Op::Put(p))
            }
            Op::TakeOut(id) => {
                let before = self.portfolio.position(id).and_then(|i| self.portfolio.summary(i).cloned());
                let (index, p) = self.portfolio.remove(id).expect("a prospect to take out");
                self.view.removed(index, &before.expect("its summary"));
                Op::PutBack(index, p)
            }
            Op::PutBack(index, p) => {
                let id = p.id;
                self.portfolio.insert(index, p, &policy, today());
                self.view.inserted(&self.portfolio, index);
                Op::TakeOut(id)
            }
        }
    }

    /// Does `ops`, as one change of many (the view rebuilt once) or one at a time (the view
    /// following each), and records how to undo them.
    fn change(&mut self, ops: Vec<Op>, many: bool) {
        if many {
            self.view.invalidate();
        }
        let undo: Vec<Op> = ops.into_iter().map(|op| self.run(op)).rev().collect();
        if many {
            let filter = self.filter();
            self.view.rebuild(&self.portfolio, self.sort, filter);
        }
        self.undo.push((undo, many));
    }

    fn step(&mut self, step: &Step) {
        match step {
            Step::Type(letter) => {
                self.query.push(*letter);
                self.refresh();
            }
            Step::Backspace => {
                self.query.pop();
                self.refresh();
            }
            Step::Undo => {
                if let Some((ops, many)) = self.undo.pop() {
                    self.change(ops, many);
                    // What would redo it is not kept.
                    self.undo.pop();
                }
            }
            _ => match change(&self.portfolio, step) {
                Some(Change::Put { after, .. }) => self.change(vec![Op::Put(after)], false),
                Some(Change::Remove { prospect, .. }) => self.change(vec![Op::TakeOut(prospect.id)], false),
                Some(Change::Many(changes)) => {
                    let ops = changes
                        .into_iter()
                        .filter_map(|c| match c {
                            Change::Put { after, .. } => Some(Op::Put(after)),
                            _ => None,
                        })
                        .collect();
                    self.change(ops, true);
                }
                None => {}
            },
        }
    }
}

/// Every sort the table offers: each column ascending and descending.
fn sorts() -> Vec<Sort> {
    Column::VARIANTS
        .iter()
        .flat_map(|&c| [(c, SortDirection::Ascending), (c, SortDirection::Descending)])
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_view_after_changes_equals_a_fresh_one(
        sort in 0usize..Column::VARIANTS.len() * 2,
        band in proptest::option::of(0usize..5),
        segment in proptest::option::weighted(0.3, 0usize..5),
        status in proptest::option::weighted(0.3, 0usize..7),
        query in "[a-e]{0,2}",
        steps in proptest::collection::vec(step(), 1..25),
    ) {
        let policy = Policy::default_policy();
        let mut engine = Engine {
            portfolio: Portfolio::new(demo_prospects().unwrap(), &policy, today()),
            // Chunks of three: the demo's fifty rows move across chunk boundaries.
            view: View::with_chunk(3),
            sort: sorts()[sort],
            query,
            band: band.map(|b| Band::VARIANTS[b]),
            segment: segment.map(|s| Segment::VARIANTS[s]),
            status: status.map(|s| Status::VARIANTS[s]),
            undo: Vec::new(),
        };
        engine.refresh();
        for step in &steps {
            engine.step(step);
            let want = engine.fresh();
            prop_assert_eq!(engine.view.rows(), want.rows(), "after {:?}", step);
            prop_assert_eq!(engine.view.totals(), want.totals(), "after {:?}", step);
        }
    }

    /// The desk's path (`App::apply`, the screen's `PortfolioView`): the rows and totals equal
    /// a fresh view, and the selected prospect stays selected wherever its row went.
    #[test]
    fn the_desk_keeps_the_selection_on_its_prospect(
        column in 0usize..Column::VARIANTS.len(),
        descending in any::<bool>(),
        band in proptest::option::of(0usize..5),
        query in "[a-e]{0,2}",
        steps in proptest::collection::vec(step(), 1..25),
        select in any::<usize>(),
    ) {
        let policy = Policy::default_policy();
        let mut app = App::new(demo_prospects().unwrap(), policy, today(), PathBuf::from("p.json"), false);
        app.view = PortfolioView::with_chunk(3);
        app.view.sort_by(Column::VARIANTS[column]);
        if descending {
            app.view.reverse_sort();
        }
        app.view.band = band.map(|b| Band::VARIANTS[b]);
        app.view.query.set(&query);
        app.view.refresh(&app.portfolio);
        for step in &steps {
            app.view.selected = select % app.view.rows().len().max(1);
            let selected = app.view.selected_id(&app.portfolio);
            match step {
                Step::Type(letter) => app.view.query.insert(*letter),
                Step::Backspace => app.view.query.backspace(),
                Step::Undo => {
                    if let Some(change) = app.history.undo() {
                        app.apply(&change, true);
                    }
                }
                _ => {
                    if let Some(change) = change(&app.portfolio, step) {
                        app.apply(&change, false);
                        app.history.record(change);
                    }
                }
            }
            if matches!(step, Step::Type(_) | Step::Backspace) {
                app.view.refresh(&app.portfolio);
            }
            let mut want = PortfolioView::default();
            (want.sort, want.band) = (app.view.sort, app.view.band);
            want.query.set(app.view.query.text());
            want.refresh(&app.portfolio);
            prop_assert_eq!(app.view.rows(), want.rows(), "after {:?}", step);
            prop_assert_eq!(app.view.totals(), want.totals(), "after {:?}", step);
            let shown = selected.and_then(|id| app.portfolio.position(id)).is_some_and(|i| want.rows().contains(&i));
            if shown {
                prop_assert_eq!(app.view.selected_id(&app.portfolio), selected, "after {:?}", step);
            }
        }
    }
}
