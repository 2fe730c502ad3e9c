//! Plausibility (issue 11, item 5): each check's warning with its fields, and the inputs that
//! rest on the inconsistent figures counted as unknown — no better than their cautious value,
//! no longer as data — so that an inconsistency never improves a band. `healthy()`: total
//! assets 1 000 000 = equity 500 000 + liabilities 500 000, current assets 600 000 (inventory
//! 100 000, cash 150 000), current liabilities 200 000.

mod common;

use common::domain::*;
use dealdesk::domain::factor::Factor;
use dealdesk::domain::fields::Field;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::risk::Assessment;

fn warned(change: impl FnOnce(&mut Prospect)) -> Assessment {
    assess_today(&with(healthy(), change))
}

/// The one warning's fields (as keys) and text.
fn warning(a: &Assessment) -> (Vec<&'static str>, &str) {
    assert_eq!(a.warnings.len(), 1, "{:#?}", a.warnings);
    let w = &a.warnings[0];
    (w.fields.iter().map(|f| f.key()).collect(), w.text.as_str())
}

#[test]
fn assets_must_equal_equity_plus_liabilities() {
    // 1 500 000 against 1 000 000: more than the 2 % tolerance.
    let a = warned(|p| p.total_assets = Some(eur(1_500_000)));
    let text = "Total assets 1 500 000 ≠ equity + total liabilities 1 000 000 (more than 2 % apart)";
    assert_eq!(warning(&a), (vec!["total_assets", "equity", "total_liabilities"], text));
    // The ratios over the totals count at most as assumed: equity / TA would be 33 % (0.97),
    // counts as the assumed 10 % (0.45): 15·0.55.
    assert_close(points(&a, Factor::EquityRatio), -8.25);
    let text = reason(&a, Factor::EquityRatio).text();
    assert_eq!(
        text,
        "Equity / total assets 33 % < 35 % (resting on figures that do not agree: counted at most as the assumed 10 %): -8.2"
    );
    // …and no longer as data: equity / TA, ROA, EBIT / TA and Z'' (15 + 5 + 5 + 10) are out of
    // the coverage, 65 %: band B at best.
    assert_close(a.coverage, 0.65);
    assert!(has_cap(&a, |r| r.key() == "limited_coverage"));
    // Within 2 %: 1 019 000 against 1 000 000 (19 000 ≤ 20 380) is rounding, not a warning.
    assert!(warned(|p| p.total_assets = Some(eur(1_019_000))).warnings.is_empty());
}

#[test]
fn an_unbalanced_sheet_counts_at_its_worst_correction() {
    // A loss-maker whose assets are blown up: net result −100 000 of 1 000 000 is −10 % (0);
    // of 10 000 000 it would be −1 % (0.36). Corrected from equity + liabilities it is −10 %
    // again, and that counts: the inflated figure buys nothing.
    let honest = with(healthy(), |p| p.net_result = Some(eur(-100_000)));
    let inflated = with(honest.clone(), |p| p.total_assets = Some(eur(10_000_000)));
    let (h, i) = (assess_today(&honest), assess_today(&inflated));
    assert_close(points(&h, Factor::ReturnOnAssets), -5.0);
    assert_close(points(&i, Factor::ReturnOnAssets), -5.0);
    assert!(i.score <= h.score && i.band >= h.band && i.pd >= h.pd);
}

#[test]
fn zero_total_assets_take_no_ratio_and_improve_nothing() {
    // The case: total assets 0 made every ratio vanish and the band improve. Now each
    // ratio over them is assumed, and from the other figures (equity + liabilities) at worst.
    let loss_maker = with(healthy(), |p| p.net_result = Some(eur(-100_000)));
    let zero = with(loss_maker.clone(), |p| p.total_assets = Some(eur(0)));
    let (before, after) = (assess_today(&loss_maker), assess_today(&zero));
    let texts: Vec<_> = after.warnings.iter().map(|w| w.text.as_str()).collect();
    assert!(texts.contains(&"Total assets 0: no ratio over total assets can be taken"), "{texts:?}");
    assert!(after.warnings.iter().any(|w| w.fields == [Field::TotalAssets]));
    assert!(after.score <= before.score && after.band >= before.band && after.pd >= before.pd);
    assert_close(points(&after, Factor::ReturnOnAssets), -5.0);
}

#[test]
fn current_items_must_fit_their_totals() {
    // Current assets above total assets: the current and quick ratios and Z'' rest on them,
    // and so do the ratios over total assets.
    let a = warned(|p| p.current_assets = Some(eur(1_200_000)));
    let text = "Current assets 1 200 000 exceed total assets 1 000 000";
    assert_eq!(warning(&a), (vec!["current_assets", "total_assets"], text));
    // Current ratio 6 would be full; it counts as the assumed 1.0 (0.4): 7.5·0.6.
    assert_close(points(&a, Factor::CurrentRatio), -4.5);
    // Inventory + cash above current assets.
    let a = warned(|p| p.cash = Some(eur(550_000)));
    let text = "Inventory + cash 650 000 exceed current assets 600 000";
    assert_eq!(warning(&a), (vec!["inventory", "cash", "current_assets"], text));
    assert_close(points(&a, Factor::CashRatio), -1.8);
    let a = warned(|p| (p.inventory, p.cash) = (None, Some(eur(700_000))));
    assert_eq!(warning(&a), (vec!["cash", "current_assets"], "Cash 700 000 exceeds current assets 600 000"));
    // Current liabilities above total liabilities.
    let a = warned(|p| p.current_liabilities = Some(eur(600_000)));
    let text = "Current liabilities 600 000 exceed total liabilities 500 000";
    assert_eq!(warning(&a), (vec!["current_liabilities", "total_liabilities"], text));
}

#[test]
fn equity_cannot_exceed_total_assets() {
    let p = with(blank(), |p| (p.equity, p.total_assets) = (Some(eur(2_000_000)), Some(eur(1_000_000))));
    let a = assess_today(&p);
    let text = "Equity 2 000 000 exceeds total assets 1 000 000";
    assert_eq!(warning(&a), (vec!["equity", "total_assets"], text));
    assert_close(points(&a, Factor::EquityRatio), -8.25);
    assert_eq!(a.coverage, 0.0);
}

#[test]
fn dates_still_to_come_have_no_age() {
    // A fiscal year end after today: warned, and the accounts' age assumed (24 months: 0.9 lost)
    // rather than counted as fresh.
    let a = warned(|p| p.accounts_date = Some(date(2027, 3, 31)));
    let text = "Fiscal year end 2027-03-31 is still to come: the accounts' age is unknown";
    assert_eq!(warning(&a), (vec!["accounts_date"], text));
    assert_close(points(&a, Factor::AccountsAge), -0.9);
    assert!(a.missing.contains(&Factor::AccountsAge));
    // An observation date after today: its age is the cautious 18 months (counted halfway).
    let a = warned(|p| (p.dbt_observed, p.dbt_days) = (Some(date(2027, 1, 1)), Some(15)));
    assert_eq!(warning(&a).0, ["dbt_observed"]);
    // DBT 15 → 0.7, halfway to the assumed 30 days' 0.45: 0.575 → 21·0.425.
    assert_close(points(&a, Factor::DbtDays), -8.925);
}

#[test]
fn a_volume_above_revenue_doubts_the_revenue() {
    // Buying more than it sells: warned; a debt sized against that revenue counts at most as
    // assumed. 500 of revenue 1 000 000 = 0.05 % (0.8) would lose 0.6; it loses 1.5.
    let a = warned(|p| {
        p.revenue = Some(eur(1_000_000));
        p.annual_volume = Some(eur(2_000_000));
        p.tax_debt = owed(500);
    });
    let text = "Annual volume 2 000 000 is above the prospect's revenue 1 000 000";
    assert_eq!(warning(&a), (vec!["annual_volume", "revenue"], text));
    assert_close(points(&a, Factor::TaxDebt), -1.5);
    // A register answer does not rest on revenue: "not listed" keeps its full points.
    assert_close(points(&a, Factor::SocialDebt), 0.0);
}

#[test]
fn a_summons_by_an_authority_needs_a_summons() {
    let a = warned(|p| p.summons_authority = Some(true));
    let text = "A summons by an authority, but no summons counted in 12 months";
    assert_eq!(warning(&a), (vec!["summons_12m", "summons_authority"], text));
    // The count of 0 is doubted (at most the assumed 1: 1.875 lost), and the cap still holds.
    assert_close(points(&a, Factor::Summons), -1.875);
    assert!(has_cap(&a, |r| r.key() == "authority_summons"));
}

#[test]
fn an_inconsistency_never_improves_a_band() {
    // The case: a B whose total assets are off by millions went to A.
    for (p, _, _) in boundary_prospects() {
        let before = assess_today(&p);
        for broken in [
            with(p.clone(), |p| p.total_assets = Some(eur(5_000_000))),
            with(p.clone(), |p| p.total_liabilities = Some(eur(50_000))),
            with(p.clone(), |p| p.equity = Some(eur(3_000_000))),
            with(p.clone(), |p| p.current_assets = Some(eur(2_000_000))),
        ] {
            let after = assess_today(&broken);
            assert!(!after.warnings.is_empty());
            assert!(after.band >= before.band && after.pd >= before.pd, "{} → {}", before.band, after.band);
        }
    }
}
