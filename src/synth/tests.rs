//! The generator's tests: the same seed gives the same portfolio (a smaller one a prefix), and
//! generated registrations pass their checks and generated accounts add up.

use super::*;
use crate::domain::registration::canonical_registration;

#[test]
fn the_same_seed_gives_the_same_portfolio_and_smaller_ones_are_prefixes() {
    let big = portfolio(300, 7);
    assert_eq!(portfolio(300, 7), big);
    assert_eq!(portfolio(120, 7)[..], big[..120]);
    assert_ne!(portfolio(10, 8), big[..10]);
}

#[test]
fn registrations_pass_their_checks_and_accounts_add_up() {
    for p in portfolio(2_000, 1) {
        if let (Some(reg), Some(country)) = (&p.registration, &p.country) {
            assert_eq!(canonical_registration(reg, Some(country)).as_ref(), Ok(reg), "{reg}");
        }
        if let (Some(ta), Some(eq), Some(tl)) = (p.total_assets, p.equity, p.total_liabilities) {
            assert_eq!(eq + tl, ta, "{}", p.name);
        }
        if let (Some(cl), Some(tl)) = (p.current_liabilities, p.total_liabilities) {
            assert!(cl <= tl, "{}", p.name);
        }
        if let (Some(ca), Some(inv), Some(cash)) = (p.current_assets, p.inventory, p.cash) {
            assert!(inv + cash <= ca + Money::units(1), "{}", p.name);
        }
    }
}
