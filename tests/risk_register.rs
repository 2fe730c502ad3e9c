//! Register listings as they come (issue 11, item 3): tax and social-security debt as the
//! withholding-obligation check's yes/no or an amount; an amount of at least the policy's
//! listing threshold (2 500) is a listing, capped at C and scored as the curve's worst; a
//! smaller one scores by its share of revenue (of total assets without revenue). Each debt
//! carries a share of 3 (signals 15 × 20 / 100); `healthy()` has total assets of 1 000 000 and
//! no revenue.

mod common;

use common::domain::*;
use dealdesk::domain::factor::Factor;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::register_entry::RegisterEntry;
use dealdesk::domain::risk::assess;
use dealdesk::domain::vocabulary::Band;
use dealdesk::io::csv_import::read_prospects;

fn tax(entry: Option<RegisterEntry>) -> Prospect {
    with(healthy(), |p| p.tax_debt = entry)
}

#[test]
fn a_listing_is_band_c_and_the_worst_health() {
    let a = assess_today(&tax(Some(RegisterEntry::Listed(true))));
    assert_eq!((a.band, cap_rules(&a)), (Band::C, vec!["tax_debt_listing"]));
    assert_eq!(
        a.reasons[0].text(),
        "Listed for tax debt in the withholding-obligation check: band C at best"
    );
    assert_close(points(&a, Factor::TaxDebt), -3.0);
    assert_eq!(
        reason(&a, Factor::TaxDebt).text(),
        "Tax debt: listed in the withholding-obligation check: -3.0"
    );
    // The register says no: full points, no cap.
    let a = assess_today(&tax(Some(RegisterEntry::Listed(false))));
    assert!(a.caps.is_empty());
    assert_eq!(
        reason(&a, Factor::TaxDebt).text(),
        "Tax debt: not listed in the withholding-obligation check: full points"
    );
    // Social-security debt alike.
    let a = assess_today(&with(healthy(), |p| p.social_debt = Some(RegisterEntry::Listed(true))));
    assert_eq!(cap_rules(&a), ["social_debt_listing"]);
    assert_eq!(
        a.reasons[0].text(),
        "Listed for social-security debt in the withholding-obligation check: band C at best"
    );
}

#[test]
fn an_amount_at_the_threshold_is_a_listing() {
    let a = assess_today(&tax(owed(2_500)));
    assert_eq!((a.band, cap_rules(&a)), (Band::C, vec!["tax_debt_listing"]));
    assert_eq!(
        a.reasons[0].text(),
        "Tax debt 2 500 ≥ 2 500, the register's listing threshold: band C at best"
    );
    assert_close(points(&a, Factor::TaxDebt), -3.0);
    // One cent less is not: 2 499.99 of 1 000 000 assets, 0.25 % → 0.5 − 0.3·0.0005/0.008
    // = 0.48125, just under 0.48125 lost → 3·0.51875 = 1.556.
    let a = assess_today(&tax(Some(RegisterEntry::Amount(amount("2499.99")))));
    assert!(a.caps.is_empty());
    assert!((points(&a, Factor::TaxDebt) + 1.55625).abs() < 1e-5);
    // The threshold is the policy's.
    let mut policy = policy();
    policy.scorecard.caps.register_listing.from_amount = eur(1_000);
    assert_eq!(assess(&tax(owed(1_000)), &policy, today()).band, Band::C);
}

#[test]
fn a_smaller_amount_scores_by_its_share_of_revenue() {
    // Curve on the share: 0 → 1, 0.05 % → 0.8, 0.2 % → 0.5, 1 % → 0.2, 3 % → 0.
    // 2 000 of revenue 4 000 000 = 0.05 % → 0.8: 3·0.2 = 0.6.
    let a = assess_today(&with(tax(owed(2_000)), |p| p.revenue = Some(eur(4_000_000))));
    assert_close(points(&a, Factor::TaxDebt), -0.6);
    assert_eq!(reason(&a, Factor::TaxDebt).text(), "Tax debt 2 000 = 0.05 % of revenue ≥ 0.05 %: -0.6");
    // The same 2 000 with revenue 100 000 = 2 % → 0.2 − 0.2·1/2 = 0.1: 3·0.9 = 2.7.
    let a = assess_today(&with(tax(owed(2_000)), |p| p.revenue = Some(eur(100_000))));
    assert_close(points(&a, Factor::TaxDebt), -2.7);
    // Without revenue, of total assets: 2 000 of 1 000 000 = 0.2 % → 0.5: 1.5.
    let a = assess_today(&tax(owed(2_000)));
    assert_close(points(&a, Factor::TaxDebt), -1.5);
    assert_eq!(reason(&a, Factor::TaxDebt).text(), "Tax debt 2 000 = 0.20 % of total assets ≥ 0.20 %: -1.5");
    // Nothing owed: full points.
    assert_eq!(reason(&assess_today(&tax(owed(0))), Factor::TaxDebt).text(), "Tax debt 0: full points");
}

#[test]
fn an_amount_that_cannot_be_sized_counts_as_the_cautious_share() {
    // Neither revenue nor total assets: the cautious 0.2 % of revenue (0.5: 1.5 lost), but the
    // amount is known and counts as data.
    let p = with(blank(), |p| p.tax_debt = owed(1_000));
    let a = assess_today(&p);
    assert_close(points(&a, Factor::TaxDebt), -1.5);
    assert_eq!(
        reason(&a, Factor::TaxDebt).text(),
        "Tax debt 1 000, revenue and total assets unknown: assumed 0.20 % of revenue: -1.5"
    );
    assert_close(a.coverage, 0.03);
}

#[test]
fn stores_hold_a_listing_as_a_boolean_and_an_amount_as_a_string() {
    // A schema-1 store holds amounts; both read, and write back as they were.
    let json = r#"{"name": "Old BV", "tax_debt": "63000", "social_debt": true}"#;
    let p: Prospect = serde_json::from_str(json).unwrap();
    assert_eq!((p.tax_debt, p.social_debt), (owed(63_000), Some(RegisterEntry::Listed(true))));
    let back = serde_json::to_value(&p).unwrap();
    assert_eq!(
        (&back["tax_debt"], &back["social_debt"]),
        (&serde_json::json!("63000"), &serde_json::json!(true))
    );
    let err = serde_json::from_str::<Prospect>(r#"{"name": "X", "tax_debt": "maybe"}"#).unwrap_err();
    assert!(err.to_string().contains("true or false (a register listing) or an amount"), "{err}");
}

#[test]
fn csv_columns_take_the_registers_words_or_digits() {
    let text = "name;tax_debt;social_debt;summons_authority\n\
                A;ja;nee;ja\n\
                B;oui;non;non\n\
                C;1;0;no\n\
                D;2.500,50;yes;\n";
    let import = read_prospects(text.as_bytes()).unwrap();
    assert!(import.is_clean(), "{:?}", import.errors);
    let got: Vec<_> = import
        .prospects
        .iter()
        .map(|r| (r.prospect.tax_debt, r.prospect.social_debt, r.prospect.summons_authority))
        .collect();
    use RegisterEntry::{Amount, Listed};
    let want = [
        (Some(Listed(true)), Some(Listed(false)), Some(true)),
        (Some(Listed(true)), Some(Listed(false)), Some(false)),
        // In these columns digits are always an amount.
        (Some(Amount(eur(1))), Some(Amount(eur(0))), Some(false)),
        (Some(Amount(amount("2500.50"))), Some(Listed(true)), None),
    ];
    assert_eq!(got, want);
}
