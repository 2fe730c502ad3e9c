//! The risk scorecard (SPEC §2) against figures computed by hand from the default policy.
//!
//! Default weights: payment 35 (DBT 60, late share 20, trend 10, bureau 10), liquidity 15
//! (current 50, quick 30, cash 20), solvency 15, profitability 10 (ROA 50, EBIT 50), distress 10,
//! signals 15 (summons 30, tax 20, social 20, late filing 10, age 10, accounts age 10). With every
//! input known an input's share of the score is component / 100 × input / 100, e.g. DBT 0.21.
//! A prospect with the inputs of one component only scores that component's health × 100.

mod common;

use common::domain::*;
use dealdesk::domain::factor::Factor;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::risk::altman_z2;
use dealdesk::domain::vocabulary::{Band, Component, Insolvency, Trend, Zone};

#[test]
fn healthy_prospect_earns_every_point() {
    let a = assess_today(&healthy());
    assert_eq!(a.score, Some(100.0));
    assert_close(a.coverage, 1.0);
    assert!(!a.insufficient_data && a.missing.is_empty());
    assert_eq!((a.band, a.pd), (Band::A, pd(Band::A)));
    assert_eq!(a.reasons.len(), 17);
    assert_close(a.altman_z2.expect("Z''"), 5.66);
    assert_eq!(a.zone, Some(Zone::Safe));
    let text = reason(&a, Factor::DbtDays).text();
    assert_eq!(text, "Days beyond terms 0 days: full points");
}

#[test]
fn dbt_curve_breakpoints() {
    // Curve 0→1.0, 7→0.9, 15→0.7, 30→0.45, 45→0.2, 60→0.05, 90→0; e.g. 10 days:
    // 0.9 − 0.2·3/8 = 0.825; 20 days: 0.7 − 0.25·5/15 = 0.616667.
    let cases = [(0, 100.0), (7, 90.0), (10, 82.5), (15, 70.0), (20, 61.7), (30, 45.0)];
    for (days, want) in cases.into_iter().chain([(45, 20.0), (60, 5.0), (90, 0.0), (200, 0.0)]) {
        assert_eq!(score_only(|p| p.dbt_days = Some(days)), want, "{days} days");
    }
    // A reason quotes the last breakpoint at or below the value; one day is singular.
    let text = |days| {
        let a = assess_today(&with(blank(), |p| p.dbt_days = Some(days)));
        reason(&a, Factor::DbtDays).text()
    };
    // 1 day: 1 − 0.1/7 = 0.985714 → −1.43; 5 days: 1 − 0.1·5/7 = 0.928571 → −7.14.
    assert_eq!(text(1), "Days beyond terms 1 day > 0 days: -1.4");
    assert_eq!(text(5), "Days beyond terms 5 days > 0 days: -7.1");
    assert_eq!(text(20), "Days beyond terms 20 days > 15 days: -38.3");
    // On a breakpoint: 0.45 → −55 (the text is left to `a_value_on_its_threshold_keeps_its_decimals`).
    let a = assess_today(&with(blank(), |p| p.dbt_days = Some(30)));
    assert_close(reason(&a, Factor::DbtDays).points, -55.0);
}

#[test]
fn dbt_reason_names_value_threshold_and_points() {
    // 39 days: 0.45 + (0.2 − 0.45)·9/15 = 0.3; DBT carries 0.21 → −21·0.7 = −14.7.
    let a = assess_today(&with(healthy(), |p| p.dbt_days = Some(39)));
    let dbt = reason(&a, Factor::DbtDays);
    assert_eq!(dbt.text(), "Days beyond terms 39 days > 30 days: -14.7");
    assert_close(dbt.points, -14.7);
    assert_eq!(a.score, Some(85.3));
}

#[test]
fn late_share_curve() {
    // 0→1, 10→0.9, 25→0.6, 50→0.2, 75→0; 40 %: 0.6 − 0.4·15/25 = 0.36.
    let cases = [("0", 100.0), ("10", 90.0), ("25", 60.0), ("40", 36.0)];
    for (share, want) in cases.into_iter().chain([("50", 20.0), ("75", 0.0), ("100", 0.0)]) {
        let got = score_only(|p| p.late_share_pct = Some(pct(share)));
        assert_eq!(got, want, "{share} % late");
    }
}

#[test]
fn trend_scores_and_reason() {
    let cases = [(Trend::Improving, 100.0), (Trend::Stable, 80.0), (Trend::Worsening, 20.0)];
    for (trend, want) in cases {
        assert_eq!(score_only(|p| p.dbt_trend = Some(trend)), want, "{trend:?}");
    }
    let a = assess_today(&with(blank(), |p| p.dbt_trend = Some(Trend::Worsening)));
    let text = reason(&a, Factor::DbtTrend).text();
    assert_eq!(text, "DBT trend worsening: -80.0");
}

#[test]
fn bureau_score_curve() {
    // 0→0, 20→0.1, 30→0.3, 50→0.6, 70→0.9, 100→1; 60: 0.6 + 0.3·10/20 = 0.75.
    let cases = [(0, 0.0), (20, 10.0), (30, 30.0), (50, 60.0), (60, 75.0)];
    for (bureau, want) in cases.into_iter().chain([(70, 90.0), (100, 100.0)]) {
        let got = score_only(|p| p.bureau_score = Some(bureau));
        assert_eq!(got, want, "bureau {bureau}");
    }
}

#[test]
fn payment_component_weighs_its_inputs() {
    // (60·0.616667 [DBT 20] + 20·0.9 [10 % late] + 10·0.8 [stable] + 10·0.75 [bureau 60]) / 100
    // = (37 + 18 + 8 + 7.5) / 100 = 0.705.
    let score = score_only(|p| {
        p.dbt_days = Some(20);
        p.late_share_pct = Some(pct("10"));
        p.dbt_trend = Some(Trend::Stable);
        p.bureau_score = Some(60);
    });
    assert_eq!(score, 70.5);
}

#[test]
fn liquidity_ratios() {
    // Current 150/100 = 1.5 → 0.8; quick (150 − 50)/100 = 1.0 → 0.8;
    // cash 15/100 = 0.15 → 0.4 + 0.3·0.05/0.1 = 0.55. 0.5·0.8 + 0.3·0.8 + 0.2·0.55 = 0.75.
    let a = assess_today(&liquid(150, 100, Some(50), Some(15)));
    assert_eq!(a.score, Some(75.0));
    // Without inventory the quick ratio is unknown: (50·0.8 + 20·0.55) / 70 = 51/70 = 0.7286.
    let a = assess_today(&liquid(150, 100, None, Some(15)));
    assert_eq!(a.score, Some(72.9));
    assert!(a.missing.contains(&Factor::QuickRatio));
}

#[test]
fn current_ratio_below_one_is_stress() {
    // 80/100 = 0.8 → 0.4·(0.8 − 0.5)/0.5 = 0.24; the rising curve quotes the next breakpoint.
    let a = assess_today(&liquid(80, 100, None, None));
    assert_eq!(a.score, Some(24.0));
    let text = reason(&a, Factor::CurrentRatio).text();
    assert_eq!(text, "Current ratio 0.80 < 1.00 (liquidity stress): -76.0");
}

#[test]
fn no_current_liabilities_is_full_liquidity_health() {
    let a = assess_today(&liquid(100, 0, Some(50), Some(0)));
    assert_eq!(a.score, Some(100.0));
    let text = reason(&a, Factor::CurrentRatio).text();
    assert_eq!(text, "Current ratio with no current liabilities: full points");
}

#[test]
fn a_missing_denominator_is_unknown_not_infinite() {
    // No current liabilities figure: no liquidity ratio at all. Total assets of 0: no equity
    // ratio. Only the bureau score (50 → 0.6) is left to score.
    let a = assess_today(&with(blank(), |p| {
        p.current_assets = Some(eur(100));
        p.cash = Some(eur(50));
        p.inventory = Some(eur(10));
        p.equity = Some(eur(40));
        p.total_assets = Some(Money::ZERO);
        p.bureau_score = Some(50);
    }));
    use Factor::{CashRatio, CurrentRatio, EquityRatio, QuickRatio};
    for f in [CurrentRatio, QuickRatio, CashRatio, EquityRatio] {
        assert!(a.missing.contains(&f), "{f:?} should be missing");
    }
    let components: Vec<_> = a.components.iter().map(|c| c.component).collect();
    assert_eq!(components, [Component::Payment]);
    assert_eq!(a.score, Some(60.0));
}

#[test]
fn solvency_and_negative_equity() {
    // 300/1000 = 0.3 → 0.75 + 0.25·0.1/0.15 = 0.9167.
    assert_eq!(assess_today(&solvent(300)).score, Some(91.7));
    // −100/1000 = −0.1 → 0.1·0.1/0.2 = 0.05: −95 points, remarked as negative equity.
    let a = assess_today(&solvent(-100));
    assert_eq!(a.score, Some(5.0));
    let text = reason(&a, Factor::EquityRatio).text();
    assert_eq!(text, "Equity / total assets -10 % < 0 % (negative equity): -95.0");
}

#[test]
fn profitability() {
    let p = |net, ebit| {
        with(blank(), |p| {
            p.net_result = Some(eur(net));
            p.ebit = Some(eur(ebit));
            p.total_assets = Some(eur(1000));
        })
    };
    // ROA 20/1000 = 0.02 → 0.4 + 0.3·0.02/0.03 = 0.6; EBIT 30/1000 = 0.03 → 0.35 + 0.35·0.6
    // = 0.56; (0.6 + 0.56) / 2 = 0.58.
    assert_eq!(assess_today(&p(20, 30)).score, Some(58.0));
    // ROA −0.05 → 0.2, EBIT −0.1 → 0: 10; the ROA reason: −100·0.5·0.8 = −40.
    let a = assess_today(&p(-50, -100));
    assert_eq!(a.score, Some(10.0));
    let text = reason(&a, Factor::ReturnOnAssets).text();
    assert_eq!(text, "Net result / total assets -5 % < 0 % (loss-making): -40.0");
}

#[test]
fn altman_z2_by_hand() {
    // WC 400k − 250k = 150k. Z'' = 6.56·0.15 + 3.26·0.1 + 6.72·0.05 + 1.05·400/600
    // = 0.984 + 0.326 + 0.336 + 0.7 = 2.346: grey, health 0.3 + 0.5·1.246/1.5 = 0.715333.
    let p = with(blank(), |p| {
        p.total_assets = Some(eur(1_000_000));
        p.total_liabilities = Some(eur(600_000));
        p.current_assets = Some(eur(400_000));
        p.current_liabilities = Some(eur(250_000));
        p.retained_earnings = Some(eur(100_000));
        p.ebit = Some(eur(50_000));
        p.equity = Some(eur(400_000));
    });
    assert_close(altman_z2(&p).expect("Z''"), 2.346);
    let a = assess_today(&p);
    assert_eq!(a.zone, Some(Zone::Grey));
    // Scored: liquidity (current 1.6 → 0.84), solvency (0.4 → 1), profitability (EBIT 0.05 →
    // 0.7), distress: (15·0.84 + 15 + 10·0.7 + 10·0.715333) / 50 = 0.835067. Distress carries
    // 10/50: −100·0.2·0.284667 = −5.69.
    assert_eq!(a.score, Some(83.5));
    assert_eq!(reason(&a, Factor::AltmanZ2).text(), "Altman Z'' 2.35 < 2.60: -5.7");
    // Coverage (7.5 + 15 + 5 + 10) / 100 = 37.5 %: a score of A, but band D at best.
    assert_close(a.coverage, 0.375);
    assert_eq!(a.band, Band::D);
}

#[test]
fn altman_zones_and_unknown_denominator() {
    // WC, RE and EBIT 0: Z'' = 1.05 · equity / TL.
    let p = |equity, liabilities| {
        with(blank(), |p| {
            p.total_assets = Some(eur(1000));
            p.total_liabilities = Some(eur(liabilities));
            p.current_assets = Some(eur(100));
            p.current_liabilities = Some(eur(100));
            p.retained_earnings = Some(Money::ZERO);
            p.ebit = Some(Money::ZERO);
            p.equity = Some(eur(equity));
        })
    };
    let cases = [
        (2500, Zone::Safe),     // 2.625 > 2.6
        (2400, Zone::Grey),     // 2.52
        (1050, Zone::Grey),     // 1.1025 ≥ 1.1
        (1000, Zone::Distress), // 1.05 < 1.1
    ];
    for (equity, zone) in cases {
        let a = assess_today(&p(equity, 1000));
        assert_close(a.altman_z2.expect("Z''"), 1.05 * equity as f64 / 1000.0);
        assert_eq!(a.zone, Some(zone), "equity {equity}");
    }
    let a = assess_today(&p(1000, 0));
    assert_eq!((a.altman_z2, a.zone), (None, None));
    assert!(a.missing.contains(&Factor::AltmanZ2));
}

#[test]
fn signals() {
    for (n, want) in [(1, 50.0), (3, 15.0), (5, 0.0)] {
        assert_eq!(score_only(|p| p.summons_12m = Some(n)), want, "{n} summons");
    }
    // Tax and social debt: 0→1, 1 000→0.5, 25 000→0.2, 100 000→0; 500: 1 − 0.5·500/1 000 = 0.75;
    // 13 000: 0.5 − 0.3·12 000/24 000 = 0.35; 62 500: 0.2 − 0.2·37 500/75 000 = 0.1; a debt of 1
    // costs next to nothing (0.9995).
    let debts = [(0, 100.0), (1, 100.0), (500, 75.0), (1_000, 50.0), (13_000, 35.0), (25_000, 20.0)];
    for (debt, want) in debts.into_iter().chain([(62_500, 10.0), (100_000, 0.0), (500_000, 0.0)]) {
        assert_eq!(score_only(|p| p.tax_debt = Some(eur(debt))), want);
        assert_eq!(score_only(|p| p.social_debt = Some(eur(debt))), want);
    }
    assert_eq!(score_only(|p| p.late_filing = Some(true)), 20.0);
    assert_eq!(score_only(|p| p.late_filing = Some(false)), 100.0);
    // Company age on 2026-11-28: 0→0.2, 1→0.4, 3→0.8, 5→1; founded 2024 → 2 years → 0.6.
    // A founding year still to come counts as 0 years, not as a negative or absolute age.
    let years = [2030, 2026, 2025, 2024, 2023, 2021];
    for (year, want) in years.into_iter().zip([20.0, 20.0, 40.0, 60.0, 80.0, 100.0]) {
        assert_eq!(score_only(|p| p.founded = Some(year)), want, "{year}");
    }
    // Accounts age in whole months: 12→1, 18→0.8, 24→0.4, 36→0; 21 months → 0.6.
    let dates = [(2025, 11, 100.0), (2025, 5, 80.0), (2025, 2, 60.0), (2024, 11, 40.0)];
    for (y, m, want) in dates.into_iter().chain([(2023, 11, 0.0)]) {
        let got = score_only(|p| p.accounts_date = Some(date(y, m, 28)));
        assert_eq!(got, want, "accounts of {y}-{m}");
    }
}

#[test]
fn signals_component_weighs_its_inputs() {
    // 30·0.5 [1 summons] + 20·1 [no tax debt] + 20·0.2 [social 25 000] + 10·0.2 [late filing]
    // + 10·0.6 [2 years] + 10·0.8 [18 months] = 15 + 20 + 4 + 2 + 6 + 8 = 55.
    let a = assess_today(&with(blank(), |p| {
        p.summons_12m = Some(1);
        p.tax_debt = Some(Money::ZERO);
        p.social_debt = Some(eur(25_000));
        p.late_filing = Some(true);
        p.founded = Some(2024);
        p.accounts_date = Some(date(2025, 5, 28));
    }));
    assert_eq!(a.score, Some(55.0));
    let late = reason(&a, Factor::LateFiling).text();
    assert_eq!(late, "Annual accounts filed late: -8.0");
    let age = reason(&a, Factor::CompanyAge).text();
    assert_eq!(age, "Company age 2 years < 3 years: -4.0");
}

#[test]
fn reasons_add_up_to_the_score() {
    let mut prospects = vec![
        healthy(),
        with(healthy(), |p| (p.dbt_days, p.summons_12m) = (Some(42), Some(2))),
        with(healthy(), |p| p.equity = Some(eur(-200_000))),
        with(blank(), |p| {
            p.dbt_days = Some(33);
            p.insolvency = Some(Insolvency::Bankruptcy);
        }),
    ];
    prospects.extend(boundary_prospects().into_iter().map(|(p, _, _)| p));
    for p in prospects {
        let a = assess_today(&p);
        let points: f64 = a.reasons.iter().map(|r| r.points).sum();
        let score = a.score.expect("a score");
        // The score is rounded to one decimal; the points are not.
        assert!((points - (score - 100.0)).abs() <= 0.05 + 1e-9, "{points} vs {score}");
        let weights: f64 = a.reasons.iter().map(|r| r.weight).sum();
        assert_close(weights, 1.0);
    }
}

#[test]
fn missing_components_share_out_their_weight() {
    // Payment (DBT 30 → 0.45) and solvency (0.3 → 0.9167) only: weights 35 : 15 become
    // 0.7 : 0.3, score 0.7·0.45 + 0.3·0.916667 = 0.315 + 0.275 = 0.59.
    let a = assess_today(&with(solvent(300), |p| p.dbt_days = Some(30)));
    assert_eq!(a.score, Some(59.0));
    let parts: Vec<_> = a.components.iter().map(|c| c.component).collect();
    assert_eq!(parts, [Component::Payment, Component::Solvency]);
    assert_close(a.components[0].weight, 0.7);
    assert_close(a.components[1].weight, 0.3);
    assert_close(a.components[0].points, 31.5);
}

#[test]
fn coverage_is_the_share_of_weight_with_data() {
    // Payment 35·(60 + 20)/100 = 28, liquidity 15·50/100 = 7.5 (current ratio only),
    // solvency 15, signals 15·(30 + 10)/100 = 6: 56.5 %.
    let a = assess_today(&with(liquid(200, 100, None, None), |p| {
        p.dbt_days = Some(0);
        p.late_share_pct = Some(pct("5"));
        p.equity = Some(eur(400));
        p.total_assets = Some(eur(1000));
        p.summons_12m = Some(0);
        p.late_filing = Some(false);
    }));
    assert_close(a.coverage, 0.565);
    assert!(!a.insufficient_data);
    assert_eq!(a.missing.len(), 17 - 6);
    // Payment (60·1 + 20·0.95) / 80 = 0.9875, the rest full: (35·0.9875 + 45) / 80 = 0.9945, a
    // score of A held at B by the limited coverage.
    assert_eq!((a.score, a.band), (Some(99.5), Band::B));
    let text = "Data coverage 56 % < 75 %: band B at best until the rest is known";
    assert_eq!(a.reasons[0].text(), text);
}

#[test]
fn insufficient_data_below_half_coverage() {
    // Payment alone: coverage 35 %. A perfect 100 is still band D at best, reason first.
    let payer = with(blank(), |p| {
        p.dbt_days = Some(0);
        p.late_share_pct = Some(Pct::ZERO);
        p.dbt_trend = Some(Trend::Improving);
        p.bureau_score = Some(100);
    });
    let a = assess_today(&payer);
    assert_eq!(a.score, Some(100.0));
    assert!(a.insufficient_data);
    assert_eq!((a.band, a.pd), (Band::D, pd(Band::D)));
    assert_eq!(a.reasons[0].factor, Factor::Coverage);
    assert_eq!(a.reasons[0].text(), "Insufficient data: coverage 35 % < 50 %, treated as band D at best");
    // A worse band than D stays worse.
    let bad = assess_today(&with(blank(), |p| p.dbt_days = Some(90)));
    assert_eq!((bad.score, bad.band), (Some(0.0), Band::E));
    // Exactly 50 % (payment 35 + solvency 15) is enough to leave band D, but is limited
    // coverage: a score of 100 is band B at best.
    let half = with(payer, |p| (p.equity, p.total_assets) = (Some(eur(500)), Some(eur(1000))));
    let a = assess_today(&half);
    assert_close(a.coverage, 0.5);
    assert!(!a.insufficient_data);
    assert_eq!((a.score, a.band, a.pd), (Some(100.0), Band::B, pd(Band::B)));
    let factors: Vec<_> = a.reasons.iter().take(2).map(|r| r.factor).collect();
    assert_eq!(factors, [Factor::Coverage, Factor::DbtDays]);
    let text = "Data coverage 50 % < 75 %: band B at best until the rest is known";
    assert_eq!(a.reasons[0].text(), text);
}
