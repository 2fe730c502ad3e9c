//! The table's order under each sort, over a portfolio small enough to order by hand: names
//! compare folded (case and accents off), unknown values come last in both directions, and
//! ties keep the portfolio's order; the display order's chunking changes none of it.

use std::cmp::Ordering;

use strum::VariantArray;

use dealdesk::cli::demo::demo_prospects;
use dealdesk::domain::date::Date;
use dealdesk::domain::money::Money;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::vocabulary::Status;
use dealdesk::portfolio::Portfolio;
use dealdesk::portfolio::filter::Filter;
use dealdesk::portfolio::sort::{Column, SortDirection, order, sorted};
use dealdesk::portfolio::view::View;

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

/// Five prospects, at positions 0 to 4.
fn five() -> Portfolio {
    let p = |id: u64, name: &str, volume: Option<i64>, status: Status| Prospect {
        id,
        annual_volume: volume.map(Money::units),
        status,
        ..Prospect::named(name)
    };
    let prospects = vec![
        p(1, "Brouwerij Zenne", Some(500_000), Status::Approved),
        p(2, "bâtiments Meuse", None, Status::New),
        p(3, "Ardennes Matériaux", Some(50_000), Status::Declined),
        p(4, "Élan Logistiek", Some(500_000), Status::New),
        p(5, "ARDENNES materiaux", Some(2_000), Status::Reviewing),
    ];
    Portfolio::new(prospects, &Policy::default_policy(), today())
}

/// The rows of an unfiltered view under a sort, its display order cut in chunks of `chunk`.
fn rows(portfolio: &Portfolio, column: Column, direction: SortDirection, chunk: usize) -> Vec<usize> {
    let mut view = View::with_chunk(chunk);
    view.refresh(portfolio, (column, direction), Filter::default());
    view.rows().to_vec()
}

#[test]
fn each_sort_orders_the_rows_as_counted_by_hand() {
    use SortDirection::{Ascending as Up, Descending as Down};
    let portfolio = five();
    // Folded: 0 "brouwerij zenne", 1 "batiments meuse", 2 and 4 "ardennes materiaux",
    // 3 "elan logistiek"; 2 and 4 tie, so the portfolio's order decides, in both directions.
    let cases = [
        (Column::Name, Up, vec![2, 4, 1, 0, 3]),
        (Column::Name, Down, vec![3, 0, 1, 2, 4]),
        // Volumes 500k, none, 50k, 500k, 2k: none is last both ways, 0 and 3 tie.
        (Column::Volume, Up, vec![4, 2, 0, 3, 1]),
        (Column::Volume, Down, vec![0, 3, 2, 4, 1]),
        // Statuses in the workflow's order: new (1, 3), reviewing (4), approved (0), declined (2).
        (Column::Status, Up, vec![1, 3, 4, 0, 2]),
        (Column::Status, Down, vec![2, 0, 4, 1, 3]),
    ];
    for (column, direction, want) in cases {
        for chunk in [1, 2, 4096] {
            assert_eq!(
                rows(&portfolio, column, direction, chunk),
                want,
                "{column:?} {direction:?}, chunks of {chunk}"
            );
        }
    }
}

#[test]
fn every_sort_shows_every_prospect_once() {
    let policy = Policy::default_policy();
    let portfolio = Portfolio::new(demo_prospects().unwrap(), &policy, today());
    for &column in Column::VARIANTS {
        let up = rows(&portfolio, column, SortDirection::Ascending, 7);
        let down = rows(&portfolio, column, SortDirection::Descending, 7);
        for list in [&up, &down] {
            let mut seen = list.clone();
            seen.sort_unstable();
            assert_eq!(seen, (0..portfolio.len()).collect::<Vec<_>>(), "{column:?}");
        }
    }
}

#[test]
fn a_portfolio_large_enough_to_sort_on_every_core_is_ordered_as_a_small_one() {
    // 5 000 prospects: past the size below which the sort stays on one thread, so this is the
    // parallel path; the small portfolios above take the serial one.
    let policy = Policy::default_policy();
    let portfolio = Portfolio::new(dealdesk::synth::portfolio(5_000, 7), &policy, today());
    for &column in Column::VARIANTS {
        for direction in [SortDirection::Ascending, SortDirection::Descending] {
            let sort = (column, direction);
            let list = sorted(&portfolio, sort);
            let mut seen = list.clone();
            seen.sort_unstable();
            assert_eq!(seen, (0..portfolio.len()).collect::<Vec<_>>(), "{column:?}: each row once");
            let misplaced =
                list.windows(2).find(|w| order(&portfolio, sort, w[0], w[1], None) != Ordering::Less);
            assert_eq!(misplaced, None, "{column:?} {direction:?}: each row before the next");
        }
    }
}
