//! Caps that a score cannot buy back and the default grade (issue 11, items 1 and 2), each at
//! its policy threshold and just short of it, on `healthy()` (score 100, band A) unless said.

mod common;

use common::domain::*;
use dealdesk::domain::factor::Factor;
use dealdesk::domain::policy_scorecard::AgeCap;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::risk::{OpenCredit, assess};
use dealdesk::domain::risk_caps::{CapRule, DefaultCause};
use dealdesk::domain::vocabulary::{Band, Insolvency};

fn on_healthy(change: impl FnOnce(&mut Prospect)) -> dealdesk::domain::risk::Assessment {
    assess_today(&with(healthy(), change))
}

#[test]
fn ninety_days_beyond_terms_is_default() {
    // scorecard.default.dbt_from_days = 90: PD 100 %, band E, no open credit, review before
    // every order. 89 days is "only" the 60-day cap: band D.
    let a = on_healthy(|p| p.dbt_days = Some(90));
    assert!(a.in_default);
    assert_eq!((a.band, a.pd, a.review_months), (Band::E, dec("1"), 0));
    let cause = DefaultCause::Arrears { days: 90, from: 90 };
    assert_eq!(a.open_credit, OpenCredit::NoneInDefault(cause));
    assert_eq!(cap_rules(&a), ["default_arrears"]);
    assert_eq!(a.reasons[0].factor, Factor::DbtDays);
    assert_eq!(
        a.reasons[0].text(),
        "Days beyond terms 90 days ≥ 90 days: in default (PD 100 %) whatever the score"
    );
    assert_eq!(cause.advice(), "payment before delivery until the arrears are cleared");
    let a = on_healthy(|p| p.dbt_days = Some(89));
    assert!(!a.in_default);
    assert_eq!((a.band, cap_rules(&a)), (Band::D, vec!["late_payment"]));
}

#[test]
fn bankruptcy_is_default_with_the_curator() {
    let a = on_healthy(|p| p.insolvency = Some(Insolvency::Bankruptcy));
    assert_eq!(a.score, Some(100.0), "the score is the score; the default grade is past it");
    assert!(a.in_default);
    assert_eq!((a.band, a.pd), (Band::E, dec("1")));
    assert_eq!(a.default_cause(), Some(DefaultCause::Bankruptcy));
    assert_eq!(a.reasons[0].text(), "Bankruptcy: in default (PD 100 %) whatever the score");
    assert_eq!(DefaultCause::Bankruptcy.advice(), "contract only with the curator, cash before delivery");
    // A company in liquidation (a filing's flag) is being wound up: default, with the liquidator.
    let a = on_healthy(|p| p.insolvency = Some(Insolvency::Liquidation));
    assert!(a.in_default);
    assert_eq!((a.band, a.pd), (Band::E, dec("1")));
    assert_eq!(a.default_cause(), Some(DefaultCause::Liquidation));
    assert_eq!(a.reasons[0].text(), "In liquidation: in default (PD 100 %) whatever the score");
    assert_eq!(DefaultCause::Liquidation.advice(), "contract only with the liquidator, cash before delivery");
    // Proceedings of an unnamed kind are taken as bankruptcy until named.
    let a = on_healthy(|p| p.insolvency = Some(Insolvency::Unspecified));
    assert!(a.in_default);
    assert_eq!(a.default_cause(), Some(DefaultCause::Proceedings));
    // Known to have none: nothing.
    assert!(on_healthy(|p| p.insolvency = Some(Insolvency::None)).caps.is_empty());
}

#[test]
fn judicial_reorganisation_is_band_e_and_guarantee_only() {
    let a = on_healthy(|p| p.insolvency = Some(Insolvency::Reorganisation));
    assert!(!a.in_default);
    assert_eq!(a.band, Band::E);
    assert_eq!(a.open_credit, OpenCredit::OnlyUnderGuarantee);
    // A cap gives the PD at its band's best score: 35 → log-linear between D's middle (42.5,
    // 8 %) and E's (17.5, 20 %): 8·2.5^(7.5/25) = 8·1.316382 = 10.5311 %.
    assert_eq!(a.pd, dec("0.105311"));
    assert_eq!(
        a.reasons[0].text(),
        "Judicial reorganisation: band E at best, open credit only under a first-demand bank guarantee"
    );
}

#[test]
fn sixty_days_beyond_terms_is_band_d_at_best() {
    // caps.late_payment: from 60 days, D. 59 days: no cap (the score alone: 100 − 19.74 = 80.3, A).
    let a = on_healthy(|p| p.dbt_days = Some(60));
    assert_eq!((a.band, cap_rules(&a)), (Band::D, vec!["late_payment"]));
    assert_eq!(a.reasons[0].text(), "Days beyond terms 60 days ≥ 60 days: band D at best");
    let a = on_healthy(|p| p.dbt_days = Some(59));
    assert_eq!((a.score, a.band), (Some(80.3), Band::A));
    assert!(a.caps.is_empty());
}

#[test]
fn summonses_two_or_by_an_authority_are_band_d() {
    // caps.summonses: from 2 in 12 months; caps.authority_summons: any one.
    let a = on_healthy(|p| p.summons_12m = Some(2));
    assert_eq!((a.band, cap_rules(&a)), (Band::D, vec!["summonses"]));
    assert_eq!(a.reasons[0].text(), "2 summonses in 12 months (≥ 2): band D at best");
    assert!(on_healthy(|p| p.summons_12m = Some(1)).caps.is_empty());
    let a = on_healthy(|p| (p.summons_12m, p.summons_authority) = (Some(1), Some(true)));
    assert_eq!((a.band, cap_rules(&a)), (Band::D, vec!["authority_summons"]));
    assert_eq!(a.reasons[0].text(), "Summoned by the RSZ or tax authority in 12 months: band D at best");
    // Known not to be one: no cap.
    assert!(on_healthy(|p| (p.summons_12m, p.summons_authority) = (Some(1), Some(false))).caps.is_empty());
}

#[test]
fn negative_equity_late_filing_and_stale_accounts_are_band_c() {
    // Negative equity: −1 (liabilities 1 000 001 against assets 1 000 000, which balance).
    let a = on_healthy(|p| (p.equity, p.total_liabilities) = (Some(eur(-1)), Some(eur(1_000_001))));
    assert_eq!((a.band, cap_rules(&a)), (Band::C, vec!["negative_equity"]));
    assert_eq!(a.reasons[0].text(), "Negative equity -1 (the alarm-bell procedure): band C at best");
    // Zero equity is not negative.
    assert!(
        on_healthy(|p| (p.equity, p.total_liabilities) = (Some(eur(0)), Some(eur(1_000_000))))
            .caps
            .is_empty()
    );
    let a = on_healthy(|p| p.late_filing = Some(true));
    assert_eq!((a.band, cap_rules(&a)), (Band::C, vec!["late_filing"]));
    // caps.stale_accounts: older than 24 months. 2024-10-28 is 25 months before 2026-11-28.
    let a = on_healthy(|p| p.accounts_date = Some(date(2024, 10, 28)));
    assert_eq!((a.band, cap_rules(&a)), (Band::C, vec!["stale_accounts"]));
    let text =
        "Accounts 25 months old, older than 24 months: band C at best, each ratio at most its assumed value";
    assert_eq!(a.reasons[0].text(), text);
    assert!(a.stale_accounts);
    let a = on_healthy(|p| p.accounts_date = Some(date(2024, 11, 28)));
    assert!(a.caps.is_empty() && !a.stale_accounts);
}

#[test]
fn caps_fire_on_known_values_only() {
    let unknown = on_healthy(|p| {
        (p.dbt_days, p.summons_12m, p.summons_authority) = (None, None, None);
        (p.equity, p.late_filing, p.accounts_date, p.insolvency) = (None, None, None, None);
        (p.tax_debt, p.social_debt, p.founded) = (None, None, None);
    });
    // Only what is missing speaks: DBT 21, summons 3.75 and 1.5, equity / TA 15 and Z'' 10,
    // late filing 1.5, accounts age 1.5, debts 3 + 3, age 0.75 are unknown: coverage 39 %.
    assert_close(unknown.coverage, 0.39);
    assert_eq!(cap_rules(&unknown), ["insufficient_data"], "{:?}", unknown.caps);
}

#[test]
fn every_cap_is_listed_worst_first_and_the_worst_holds() {
    // DBT 74 (D), 6 summonses (D), a listing (C), negative equity (C), late filing (C): all
    // listed, D first, and the band is D.
    let a = on_healthy(|p| {
        p.dbt_days = Some(74);
        p.summons_12m = Some(6);
        p.tax_debt = owed(63_000);
        (p.equity, p.total_liabilities) = (Some(eur(-100_000)), Some(eur(1_100_000)));
        p.late_filing = Some(true);
    });
    assert_eq!(a.band, Band::D);
    let want = ["late_payment", "summonses", "tax_debt_listing", "negative_equity", "late_filing"];
    assert_eq!(cap_rules(&a), want);
    let firsts: Vec<_> = a.reasons.iter().take(5).map(|r| (r.points, r.weight)).collect();
    assert_eq!(firsts, [(0.0, 0.0); 5]);
    assert!(a.caps.iter().all(|c| c.rule.why().len() > 5));
}

#[test]
fn a_cap_never_lifts_a_worse_band() {
    // The C-band boundary prospect (64.9) with late filing: still C by the score, C by the cap;
    // a D prospect (49.9) with late filing stays D.
    let boundary = boundary_prospects();
    let a = assess_today(&with(boundary[3].0.clone(), |p| p.late_filing = Some(true)));
    assert_eq!(a.band, Band::C);
    let a = assess_today(&with(boundary[5].0.clone(), |p| p.late_filing = Some(true)));
    assert_eq!(a.band, Band::D);
    assert!(has_cap(&a, |r| *r == CapRule::LateFiling));
}

#[test]
fn young_company_is_band_c_at_best() {
    // Younger than 3 years: C at best. Age in calendar years; a year to come is 0 years old.
    for (year, age) in [(2025, "1 year"), (2024, "2 years"), (2026, "0 years"), (2030, "0 years")] {
        let a = on_healthy(|p| p.founded = Some(year));
        assert_eq!(a.band, Band::C, "{year}");
        assert_eq!(a.reasons[0].text(), format!("Company {age} old, younger than 3 years: band C at best"));
    }
    assert!(on_healthy(|p| p.founded = Some(2023)).caps.is_empty());
    let on = |day| assess(&with(healthy(), |p| p.founded = Some(2024)), &policy(), day).band;
    assert_eq!((on(date(2026, 12, 31)), on(date(2027, 1, 1))), (Band::C, Band::A));
    // The rule comes from the policy: younger than 27 years, B at best.
    let mut policy = policy();
    policy.scorecard.caps.young_company = AgeCap { below_years: 27, best_band: Band::B };
    let a = assess(&healthy(), &policy, today());
    assert_eq!(a.band, Band::B);
    assert_eq!(a.reasons[0].text(), "Company 26 years old, younger than 27 years: band B at best");
}

#[test]
fn cap_thresholds_come_from_the_policy() {
    let mut policy = policy();
    policy.scorecard.caps.late_payment.from_days = 30;
    policy.scorecard.default.dbt_from_days = 45;
    policy.scorecard.caps.summonses.from_count = 3;
    let at = |change: fn(&mut Prospect)| assess(&with(healthy(), change), &policy, today());
    assert_eq!(at(|p| p.dbt_days = Some(30)).band, Band::D);
    assert!(at(|p| p.dbt_days = Some(45)).in_default);
    assert!(at(|p| p.summons_12m = Some(2)).caps.is_empty());
    assert_eq!(at(|p| p.summons_12m = Some(3)).band, Band::D);
}
