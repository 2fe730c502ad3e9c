//! The risk model's overrides (insolvency, insufficient data, limited coverage, young
//! companies), bands and PDs, and the wording of its reasons, against figures computed by hand
//! from the default policy (weights as listed in `risk_model.rs`).

mod common;

use common::domain::*;
use dealdesk::domain::factor::Factor;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::AgeCap;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::risk::{Assessment, assess, band_for};
use dealdesk::domain::vocabulary::{Band, Insolvency, Trend};
use strum::VariantArray;

/// The factors of an assessment's reasons, in order.
fn factors(a: &Assessment) -> Vec<Factor> {
    a.reasons.iter().map(|r| r.factor).collect()
}

/// Healthy, founded in `year`: the company age share is 0.015, so 1 year (0.4) loses 0.9,
/// 2 years (0.6) 0.6, 0 years (0.2) 1.2, 3 years (0.8) 0.3.
fn founded(year: u16) -> Prospect {
    with(healthy(), |p| p.founded = Some(year))
}

#[test]
fn young_company_is_band_c_at_best() {
    // 2026 − founded < 3: band C at best, reason first, whatever the score.
    let cases = [(2025, 99.1, "1 year"), (2024, 99.4, "2 years"), (2026, 98.8, "0 years")];
    for (year, score, age) in cases {
        let a = assess_today(&founded(year));
        assert_eq!((a.score, a.band, a.pd), (Some(score), Band::C, pd(Band::C)), "{year}");
        assert_eq!(a.reasons.len(), 18, "{year}");
        let first = &a.reasons[0];
        assert_eq!((first.factor, first.points, first.weight), (Factor::CompanyAge, 0.0, 0.0));
        let text = format!("Company {age} old, younger than 3 years: band C at best");
        assert_eq!(first.text(), text);
    }
    // The measured input keeps its own reason: 1 year < the 3-year breakpoint, −1.5·0.6.
    let a = assess_today(&founded(2025));
    let measured: Vec<_> = a.reasons.iter().filter(|r| r.factor == Factor::CompanyAge).collect();
    assert_eq!(measured.len(), 2);
    assert_eq!(measured[1].text(), "Company age 1 year < 3 years: -0.9");
    // A founding year still to come is 0 years old, so young too.
    let a = assess_today(&founded(2030));
    assert_eq!(a.band, Band::C);
    assert_eq!(a.reasons[0].text(), "Company 0 years old, younger than 3 years: band C at best");
    // Founded exactly 3 years before today is not young: 99.7, band A, no override.
    let a = assess_today(&founded(2023));
    assert_eq!((a.score, a.band), (Some(99.7), Band::A));
    assert_eq!(a.reasons.len(), 17);
    assert_eq!(a.reasons[0].factor, Factor::DbtDays);
    // Age is counted in calendar years: founded 2024 is 2 years old on the last day of 2026 and 3
    // on the first of 2027 (accounts of 2025-12-31 are then 12 months old, still full points).
    let on = |day| assess(&founded(2024), &policy(), day).band;
    assert_eq!((on(date(2026, 12, 31)), on(date(2027, 1, 1))), (Band::C, Band::A));
    // Unknown founding year: no cap.
    assert_eq!(assess_today(&with(healthy(), |p| p.founded = None)).band, Band::A);
}

#[test]
fn young_company_cap_only_holds_better_bands_down() {
    let boundary = boundary_prospects();
    // B 79.9, founded 2025: 79.9 − 0.9 = 79.0, band B held down to C, with the reason.
    let a = assess_today(&with(boundary[1].0.clone(), |p| p.founded = Some(2025)));
    assert_eq!((a.score, a.band), (Some(79.0), Band::C));
    assert_eq!(a.reasons[0].factor, Factor::CompanyAge);
    // C 64.9, founded 2025: 64.0, already C: no override and no reason for it.
    let a = assess_today(&with(boundary[3].0.clone(), |p| p.founded = Some(2025)));
    assert_eq!((a.score, a.band), (Some(64.0), Band::C));
    assert_eq!(a.reasons.len(), 17);
    assert_eq!(a.reasons[0].factor, Factor::DbtDays);
}

#[test]
fn young_company_cap_comes_from_the_policy() {
    // Younger than 27 years, band B at best: the healthy company (26 years) is held at B.
    let mut policy = policy();
    policy.scorecard.caps.young_company = AgeCap { below_years: 27, best_band: Band::B };
    let a = assess(&healthy(), &policy, today());
    assert_eq!((a.score, a.band, a.pd), (Some(100.0), Band::B, pd(Band::B)));
    let text = "Company 26 years old, younger than 27 years: band B at best";
    assert_eq!(a.reasons[0].text(), text);
}

/// Healthy without total assets (no solvency, profitability or Z'': 35 of the 100 weight), late
/// filing and accounts date (15·(10 + 10)/100 = 3): coverage 62 %. Scored: payment 35,
/// liquidity 15 and signals 15 (summons 30, tax 20, social 20, age 10 of 80).
fn limited() -> Prospect {
    with(healthy(), |p| {
        p.total_assets = None;
        p.late_filing = None;
        p.accounts_date = None;
    })
}

#[test]
fn limited_coverage_is_band_b_at_best() {
    let a = assess_today(&limited());
    assert_close(a.coverage, 0.62);
    assert!(!a.insufficient_data);
    assert_eq!((a.score, a.band, a.pd), (Some(100.0), Band::B, pd(Band::B)));
    let first = &a.reasons[0];
    assert_eq!((first.factor, first.points, first.weight), (Factor::Coverage, 0.0, 0.0));
    let text = "Data coverage 62 % < 75 %: band B at best until the rest is known";
    assert_eq!(first.text(), text);
    assert_eq!(a.reasons.len(), 1 + 11);

    // Exactly 75 %: no Z'' (10) and no signals (15), everything else known: 100 − 10 − 15.
    // Not limited: band A.
    let full_75 = with(healthy(), |p| {
        p.retained_earnings = None;
        p.summons_12m = None;
        p.tax_debt = None;
        p.social_debt = None;
        p.late_filing = None;
        p.founded = None;
        p.accounts_date = None;
    });
    let a = assess_today(&full_75);
    assert_close(a.coverage, 0.75);
    assert_eq!((a.score, a.band), (Some(100.0), Band::A));
    assert!(!factors(&a).contains(&Factor::Coverage));

    // 74.5 %: without the trend (3.5), Z'' (10), summons (4.5), tax and social debt (3 each) and
    // late filing (1.5), 100 − 25.5. Shown rounded down, never as "75 % < 75 %".
    let below_75 = with(healthy(), |p| {
        p.dbt_trend = None;
        p.retained_earnings = None;
        p.summons_12m = None;
        p.tax_debt = None;
        p.social_debt = None;
        p.late_filing = None;
    });
    let a = assess_today(&below_75);
    assert_close(a.coverage, 0.745);
    assert_eq!((a.score, a.band), (Some(100.0), Band::B));
    let text = "Data coverage 74 % < 75 %: band B at best until the rest is known";
    assert_eq!(a.reasons[0].text(), text);
}

#[test]
fn limited_coverage_cap_only_holds_better_bands_down() {
    // DBT 45 (0.2) carries 35/65·0.6 = 0.323077: −25.85, score 74.2, band B by the score, so
    // no override and no reason for it.
    let a = assess_today(&with(limited(), |p| p.dbt_days = Some(45)));
    assert_close(a.coverage, 0.62);
    assert_eq!((a.score, a.band), (Some(74.2), Band::B));
    assert_eq!(a.reasons[0].factor, Factor::DbtDays);
    assert!(!factors(&a).contains(&Factor::Coverage));
    // Below 50 % it is insufficient data instead: band D at best, one coverage reason.
    let a = assess_today(&with(blank(), |p| p.dbt_days = Some(0)));
    assert!(a.insufficient_data);
    assert_eq!((a.score, a.band), (Some(100.0), Band::D));
    assert_eq!(factors(&a), [Factor::Coverage, Factor::DbtDays]);
    assert!(a.reasons[0].text().starts_with("Insufficient data: coverage 21 % < 50 %"));
}

#[test]
fn override_reasons_come_in_order() {
    assert_eq!((Factor::Coverage.key(), Factor::CompanyAge.key()), ("coverage", "company_age"));
    let young = "Company 1 year old, younger than 3 years: band C at best";
    let limited_text = "Data coverage 62 % < 75 %: band B at best until the rest is known";
    // Limited coverage and young: A → B → C, young company first. The age (1 year, 0.4)
    // carries 15/65·10/80 = 0.028846: −1.73, score 98.3.
    let p = with(limited(), |p| p.founded = Some(2025));
    let a = assess_today(&p);
    assert_eq!((a.score, a.band), (Some(98.3), Band::C));
    assert_eq!(factors(&a)[..3], [Factor::CompanyAge, Factor::Coverage, Factor::DbtDays]);
    assert_eq!([a.reasons[0].text(), a.reasons[1].text()], [young, limited_text]);
    // Insolvency as well: E, and its reason before the others.
    let a = assess_today(&with(p, |p| p.insolvency = Some(Insolvency::Reorganisation)));
    assert_eq!((a.band, a.pd), (Band::E, pd(Band::E)));
    assert_eq!(factors(&a)[..4], [Factor::Insolvency, Factor::CompanyAge, Factor::Coverage, Factor::DbtDays]);
    let texts: Vec<_> = a.reasons[..3].iter().map(|r| r.text()).collect();
    assert_eq!(texts, ["Judicial reorganisation: band E whatever the score", young, limited_text]);
    // Insufficient data and young: band D at least, which the C cap leaves alone. Only the age
    // is known (1 year, 0.4 → 40) and covers 15·10/100 = 1.5 %.
    let a = assess_today(&with(blank(), |p| p.founded = Some(2025)));
    assert!(a.insufficient_data);
    assert_eq!((a.score, a.band), (Some(40.0), Band::D));
    let texts: Vec<_> = a.reasons.iter().map(|r| r.text()).collect();
    let insufficient = "Insufficient data: coverage 1 % < 50 %, treated as band D at best";
    assert_eq!(texts, [insufficient, "Company age 1 year < 3 years: -60.0"]);
}

#[test]
fn insolvency_forces_band_e() {
    let cases = [
        (Insolvency::Reorganisation, "Judicial reorganisation"),
        (Insolvency::Bankruptcy, "Bankruptcy"),
        (Insolvency::Unspecified, "Insolvency proceedings"),
        (Insolvency::Liquidation, "In liquidation"),
    ];
    for (kind, name) in cases {
        let a = assess_today(&with(healthy(), |p| p.insolvency = Some(kind)));
        assert_eq!(a.score, Some(100.0));
        assert_eq!((a.band, a.pd), (Band::E, pd(Band::E)));
        assert_eq!(a.reasons[0].factor, Factor::Insolvency);
        assert_eq!(a.reasons[0].text(), format!("{name}: band E whatever the score"));
    }
    // Known to have none: no override.
    assert_eq!(assess_today(&healthy()).band, Band::A);
    // With too little data as well, the insolvency comes first and E stays.
    let a = assess_today(&with(blank(), |p| p.insolvency = Some(Insolvency::Bankruptcy)));
    assert_eq!(a.band, Band::E);
    let factors: Vec<_> = a.reasons.iter().map(|r| r.factor).collect();
    assert_eq!(factors, [Factor::Insolvency, Factor::Coverage]);
}

#[test]
fn band_boundaries() {
    // A ≥ 80, B ≥ 65, C ≥ 50, D ≥ 35, E below.
    use Band::{A, B, C, D, E};
    let scores = [100.0, 80.0, 79.9, 65.0, 64.9, 50.0, 49.9, 35.0, 34.9, 0.0];
    let policy = policy();
    for (score, band) in scores.into_iter().zip([A, A, B, B, C, C, D, D, E, E]) {
        assert_eq!(band_for(score, &policy), band, "score {score}");
    }
}

#[test]
fn assessed_scores_on_band_boundaries() {
    for (p, want, band) in boundary_prospects() {
        let a = assess_today(&p);
        assert_eq!((a.score, a.band), (Some(want), band), "score {want}");
    }
}

#[test]
fn probability_of_default_per_band() {
    // A 0.5 %, B 1 %, C 3 %, D 8 %, E 20 %.
    let want = ["0.005", "0.01", "0.03", "0.08", "0.2"];
    for (band, fraction) in Band::VARIANTS.iter().copied().zip(want) {
        assert_eq!(pd(band), dec(fraction), "{band}");
    }
    for (p, _, band) in boundary_prospects() {
        assert_eq!(assess_today(&p).pd, dec(want[band as usize]), "{band}");
    }
}

#[test]
fn no_data_at_all() {
    let a = assess_today(&blank());
    assert_eq!(a.score, None);
    assert_eq!(a.coverage, 0.0);
    assert!(a.insufficient_data);
    assert_eq!((a.band, a.pd), (Band::D, pd(Band::D)));
    let factors: Vec<_> = a.reasons.iter().map(|r| r.factor).collect();
    assert_eq!(factors, [Factor::Coverage]);
    assert!(a.components.is_empty());
    assert_eq!(a.missing.len(), 17);
    assert_eq!((a.altman_z2, a.zone), (None, None));
}

#[test]
fn improving_trend_reads_full_points() {
    // Not "-0.0": the points of a full-health input are −100·w·0 = −0.
    let a = assess_today(&healthy());
    let text = reason(&a, Factor::DbtTrend).text();
    assert_eq!(text, "DBT trend improving: full points");
}

#[test]
fn insufficient_data_text_never_rounds_up_to_the_minimum() {
    // DBT, late share, trend (35·0.9 = 31.5) + solvency 15 + tax debt (15·0.2 = 3) = 49.5 %.
    let a = assess_today(&with(solvent(500), |p| {
        p.dbt_days = Some(0);
        p.late_share_pct = Some(Pct::ZERO);
        p.dbt_trend = Some(Trend::Stable);
        p.tax_debt = Some(Money::ZERO);
    }));
    assert_close(a.coverage, 0.495);
    assert!(a.insufficient_data);
    // Not "coverage 50 % < 50 %".
    let text = "Insufficient data: coverage 49 % < 50 %, treated as band D at best";
    assert_eq!(a.reasons[0].text(), text);
}

#[test]
fn reason_text_never_compares_a_value_with_itself() {
    // 349/1000 = 34.9 % < the 35 % breakpoint: to whole percent both read 35 %, so both get a
    // decimal. Health 0.75 + 0.25·0.149/0.15 = 0.998333 → −0.17.
    let a = assess_today(&solvent(349));
    let text = reason(&a, Factor::EquityRatio).text();
    assert_eq!(text, "Equity / total assets 34.9 % < 35.0 %: -0.2");
    // Ratios have two decimals; 1 996 / 1 000 and the 2.00 breakpoint get a third.
    // Health 0.8 + 0.2·0.496/0.5 = 0.9984 → −0.16.
    let a = assess_today(&liquid(1996, 1000, None, None));
    let text = reason(&a, Factor::CurrentRatio).text();
    assert_eq!(text, "Current ratio 1.996 < 2.000: -0.2");
    // 10.4 % late against the 10 % breakpoint: 0.9 − 0.3·0.4/15 = 0.892 → −10.8.
    let a = assess_today(&with(blank(), |p| p.late_share_pct = Some(pct("10.4"))));
    let text = reason(&a, Factor::LateShare).text();
    assert_eq!(text, "Invoices paid late 10.4 % > 10.0 %: -10.8");
    // Values that print apart keep the usual decimals.
    let a = assess_today(&solvent(300));
    let text = reason(&a, Factor::EquityRatio).text();
    assert_eq!(text, "Equity / total assets 30 % < 35 %: -8.3");
}

#[test]
fn a_value_on_its_threshold_keeps_its_decimals() {
    // Equal values print the same at any precision, so the extra decimals can never set them
    // apart and must not be added. DBT 30 → 0.45: −55. 1 summons → 0.5: −50. Accounts 18 months
    // old (2025-05-28) → 0.8: −20. 10 % late → 0.9: −10.
    let text = |change: fn(&mut Prospect), factor| {
        let a = assess_today(&with(blank(), change));
        reason(&a, factor).text()
    };
    let got = [
        text(|p| p.dbt_days = Some(30), Factor::DbtDays),
        text(|p| p.summons_12m = Some(1), Factor::Summons),
        text(|p| p.accounts_date = Some(date(2025, 5, 28)), Factor::AccountsAge),
        text(|p| p.late_share_pct = Some(pct("10")), Factor::LateShare),
    ];
    let want = [
        "Days beyond terms 30 days ≥ 30 days: -55.0",
        "Summons in 12 months 1 ≥ 1: -50.0",
        "Age of last accounts 18 months ≥ 18 months: -20.0",
        "Invoices paid late 10 % ≥ 10 %: -10.0",
    ];
    assert_eq!(got, want);
}

#[test]
fn amount_reason_never_compares_a_value_with_itself() {
    // 1 000.40 of tax debt passed the 1 000 breakpoint, but both print as "1 000" (amounts are
    // whole units); 0.40 passed 0 and both print as "0".
    for debt in ["1000.40", "0.40"] {
        let a = assess_today(&with(blank(), |p| p.tax_debt = Some(amount(debt))));
        let text = reason(&a, Factor::TaxDebt).text();
        assert!(!text.contains("1 000 > 1 000") && !text.starts_with("Tax debt 0 > 0"), "{text}");
    }
}

#[test]
fn negative_fraction_below_zero_threshold_is_told_apart() {
    // −4 / 1 000 = −0.4 % against the 0 % breakpoint reads "-0 % < 0 %"; it should read like
    // "-0.4 % < 0.0 %".
    let a = assess_today(&with(solvent(-4), |p| p.net_result = Some(eur(-4))));
    for factor in [Factor::EquityRatio, Factor::ReturnOnAssets] {
        let text = reason(&a, factor).text();
        assert!(!text.contains("-0 % < 0 %"), "{text}");
    }
}
