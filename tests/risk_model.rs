//! The risk scorecard (SPEC §2) against figures computed by hand from the default policy.
//!
//! Every input always carries its share of the score, component weight × input weight:
//! payment 35 (DBT 60, late share 20, trend 10, bureau 10 of 100 → 21, 7, 3.5, 3.5), liquidity 15
//! (current 50, quick 30, cash 20 → 7.5, 4.5, 3), solvency 15 (equity / TA), profitability 10
//! (ROA, EBIT / TA → 5 each), distress 10 (Z''), signals 15 (summons 25, by an authority 10,
//! tax 20, social 20, late filing 10, company age 5, accounts age 10 → 3.75, 1.5, 3, 3, 1.5,
//! 0.75, 1.5). An input loses share × (1 − health) points. `healthy()` earns every point, so a
//! change to it shows one input's loss alone.

mod common;

use common::domain::*;
use dealdesk::domain::factor::Factor;
use dealdesk::domain::money::Money;
use dealdesk::domain::risk::{OpenCredit, altman_z2};
use dealdesk::domain::vocabulary::{Band, Component, Trend, Zone};

/// The points `factor` moved on `healthy()` changed by `change`.
fn loss(change: impl FnOnce(&mut dealdesk::domain::prospect::Prospect), factor: Factor) -> f64 {
    points(&assess_today(&with(healthy(), change)), factor)
}

#[test]
fn healthy_prospect_earns_every_point() {
    let a = assess_today(&healthy());
    assert_eq!(a.score, Some(100.0));
    assert_close(a.coverage, 1.0);
    assert!(!a.insufficient_data && !a.in_default && a.missing.is_empty());
    assert!(a.caps.is_empty() && a.warnings.is_empty());
    // PD at score 100 is the scale's end anchor, 0.1 %; band A reviews yearly.
    assert_eq!((a.band, a.pd, a.review_months), (Band::A, dec("0.001"), 12));
    assert_eq!(a.open_credit, OpenCredit::Allowed);
    assert_eq!(a.reasons.len(), 18);
    assert_close(a.altman_z2.expect("Z''"), 5.66);
    assert_eq!(a.zone, Some(Zone::Safe));
    assert_eq!(reason(&a, Factor::DbtDays).text(), "Days beyond terms 0 days: full points");
    // No summons at all in 12 months: none by an authority either, known.
    let authority = reason(&a, Factor::SummonsAuthority).text();
    assert_eq!(authority, "No summons by the RSZ or tax authority: full points");
}

#[test]
fn dbt_curve_breakpoints() {
    // Curve 0→1.0, 7→0.9, 15→0.7, 30→0.45, 45→0.2, 60→0.05, 90→0 on a share of 21; e.g. 10 days:
    // 0.9 − 0.2·3/8 = 0.825 → −21·0.175 = −3.675; 20 days: 0.7 − 0.25·5/15 = 0.616667 → −8.05.
    let cases = [(0, 0.0), (7, -2.1), (10, -3.675), (15, -6.3), (20, -8.05), (30, -11.55), (45, -16.8)];
    for (days, want) in cases.into_iter().chain([(59, -19.74), (60, -19.95), (90, -21.0), (200, -21.0)]) {
        assert_close(loss(|p| p.dbt_days = Some(days), Factor::DbtDays), want);
    }
    // A reason quotes the last breakpoint at or below the value; one day is singular.
    let text =
        |days| reason(&assess_today(&with(healthy(), |p| p.dbt_days = Some(days))), Factor::DbtDays).text();
    // 1 day: 21·0.1/7 = 0.3; 5 days: 1.5; 39 days: 0.45 − 0.25·9/15 = 0.3 → 14.7.
    assert_eq!(text(1), "Days beyond terms 1 day > 0 days: -0.3");
    assert_eq!(text(5), "Days beyond terms 5 days > 0 days: -1.5");
    assert_eq!(text(39), "Days beyond terms 39 days > 30 days: -14.7");
    assert_eq!(assess_today(&with(healthy(), |p| p.dbt_days = Some(39))).score, Some(85.3));
}

#[test]
fn payment_inputs() {
    // Late share (share 7): 0→1, 10→0.9, 25→0.6, 50→0.2, 75→0; 40 %: 0.6 − 0.4·15/25 = 0.36.
    for (share, want) in
        [("10", -0.7), ("25", -2.8), ("40", -4.48), ("50", -5.6), ("75", -7.0), ("100", -7.0)]
    {
        assert_close(loss(|p| p.late_share_pct = Some(pct(share)), Factor::LateShare), want);
    }
    // Trend (share 3.5): improving 1, stable 0.8, worsening 0.2.
    for (trend, want) in [(Trend::Improving, 0.0), (Trend::Stable, -0.7), (Trend::Worsening, -2.8)] {
        assert_close(loss(|p| p.dbt_trend = Some(trend), Factor::DbtTrend), want);
    }
    let a = assess_today(&with(healthy(), |p| p.dbt_trend = Some(Trend::Worsening)));
    assert_eq!(reason(&a, Factor::DbtTrend).text(), "DBT trend worsening: -2.8");
    // Bureau (share 3.5): 0→0, 20→0.1, 30→0.3, 50→0.6, 70→0.9, 100→1; 60: 0.75.
    for (bureau, want) in [(0, -3.5), (20, -3.15), (30, -2.45), (50, -1.4), (60, -0.875), (70, -0.35)] {
        assert_close(loss(|p| p.bureau_score = Some(bureau), Factor::BureauScore), want);
    }
}

#[test]
fn liquidity_ratios() {
    // Current liabilities 400 000 (of 500 000 liabilities): current 600/400 = 1.5 → 0.8 (7.5·0.2);
    // quick 500/400 = 1.25 → full; cash 150/400 = 0.375 → 0.7 + 0.3·0.175/0.3 = 0.875 (3·0.125).
    let a = assess_today(&with(healthy(), |p| p.current_liabilities = Some(eur(400_000))));
    assert_close(points(&a, Factor::CurrentRatio), -1.5);
    assert_close(points(&a, Factor::QuickRatio), 0.0);
    assert_close(points(&a, Factor::CashRatio), -0.375);
    // Current assets 400 000 against 500 000: 0.8 → 0.4·0.3/0.5 = 0.24, below 1 is stress.
    let stressed = with(healthy(), |p| {
        p.current_assets = Some(eur(400_000));
        p.current_liabilities = Some(eur(500_000));
    });
    let text = reason(&assess_today(&stressed), Factor::CurrentRatio).text();
    assert_eq!(text, "Current ratio 0.80 < 1.00 (liquidity stress): -5.7");
    // No current liabilities at all: no short-term stress.
    let a = assess_today(&with(healthy(), |p| p.current_liabilities = Some(Money::ZERO)));
    assert_eq!(
        reason(&a, Factor::CurrentRatio).text(),
        "Current ratio with no current liabilities: full points"
    );
}

#[test]
fn solvency_and_profitability() {
    // Equity 300 000 of 1 000 000 (liabilities 700 000): 0.3 → 0.75 + 0.25·0.1/0.15 = 0.916667.
    let three = |p: &mut dealdesk::domain::prospect::Prospect| {
        p.equity = Some(eur(300_000));
        p.total_liabilities = Some(eur(700_000));
    };
    assert_close(loss(three, Factor::EquityRatio), -1.25);
    // −50 000 (liabilities 1 050 000): −5 % → 0.1·0.15/0.2 = 0.075: −15·0.925 = −13.875.
    let a = assess_today(&with(healthy(), |p| {
        p.equity = Some(eur(-50_000));
        p.total_liabilities = Some(eur(1_050_000));
    }));
    let text = reason(&a, Factor::EquityRatio).text();
    assert_eq!(text, "Equity / total assets -5 % < 0 % (negative equity): -13.9");
    // ROA 20 000 / 1 000 000 = 2 % → 0.4 + 0.3·2/3 = 0.6 (5·0.4); EBIT 30 000 → 3 % → 0.35 +
    // 0.35·0.6 = 0.56 (5·0.44). A loss: −50 000 → −5 % → 0.2 (5·0.8), "loss-making".
    assert_close(loss(|p| p.net_result = Some(eur(20_000)), Factor::ReturnOnAssets), -2.0);
    assert_close(loss(|p| p.ebit = Some(eur(30_000)), Factor::EbitOnAssets), -2.2);
    let a = assess_today(&with(healthy(), |p| p.net_result = Some(eur(-50_000))));
    let text = reason(&a, Factor::ReturnOnAssets).text();
    assert_eq!(text, "Net result / total assets -5 % < 0 % (loss-making): -4.0");
}

#[test]
fn altman_z2_by_hand() {
    // WC 400k − 250k = 150k. Z'' = 6.56·0.15 + 3.26·0.1 + 6.72·0.05 + 1.05·400/600
    // = 0.984 + 0.326 + 0.336 + 0.7 = 2.346: grey, health 0.3 + 0.5·1.246/1.5 = 0.715333.
    let p = with(healthy(), |p| {
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
    // Distress carries 10: −10·0.284667 = −2.85.
    assert_eq!(reason(&a, Factor::AltmanZ2).text(), "Altman Z'' 2.35 < 2.60: -2.8");
    assert!((points(&a, Factor::AltmanZ2) + 2.846667).abs() < 1e-6);
}

#[test]
fn altman_zones_and_denominators() {
    // WC, RE and EBIT 0: Z'' = 1.05 · equity / TL.
    let p = |equity: i64, liabilities: i64| {
        with(blank(), |p| {
            p.total_assets = Some(eur(equity + liabilities));
            p.total_liabilities = Some(eur(liabilities));
            p.current_assets = Some(eur(100));
            p.current_liabilities = Some(eur(100));
            p.retained_earnings = Some(Money::ZERO);
            p.ebit = Some(Money::ZERO);
            p.equity = Some(eur(equity));
        })
    };
    let cases = [(2500, Zone::Safe), (2400, Zone::Grey), (1050, Zone::Grey), (1000, Zone::Distress)];
    for (equity, zone) in cases {
        let a = assess_today(&p(equity, 1000));
        assert_close(a.altman_z2.expect("Z''"), 1.05 * equity as f64 / 1000.0);
        assert_eq!(a.zone, Some(zone), "equity {equity}");
    }
    // Without liabilities (nor current ones) the ratio is unbounded: no Z'' reported, and full
    // points.
    let a = assess_today(&with(p(1000, 0), |p| {
        (p.current_assets, p.current_liabilities) = (Some(eur(0)), Some(eur(0)))
    }));
    assert_eq!((a.altman_z2, a.zone), (None, None));
    assert_eq!(reason(&a, Factor::AltmanZ2).text(), "Altman Z'' with no liabilities: full points");
}

#[test]
fn signals() {
    // Summons (share 3.75): 1 → 0.5, 3 → 0.15, 5 → 0. Late filing 1.5·0.8. Company age
    // (share 0.75) on 2026-11-28: founded 2024 → 2 years → 0.6; a year to come counts as 0.
    for (n, want) in [(1, -1.875), (3, -3.1875), (5, -3.75)] {
        assert_close(loss(|p| p.summons_12m = Some(n), Factor::Summons), want);
    }
    assert_close(loss(|p| p.late_filing = Some(true), Factor::LateFiling), -1.2);
    for (year, want) in [(2030, -0.6), (2026, -0.6), (2025, -0.45), (2024, -0.3), (2023, -0.15), (2021, 0.0)]
    {
        assert_close(loss(|p| p.founded = Some(year), Factor::CompanyAge), want);
    }
    // Accounts age (share 1.5) in whole months: 12→1, 18→0.8, 24→0.4; 21 months → 0.6.
    for (y, m, want) in [(2025, 11, 0.0), (2025, 5, -0.3), (2025, 2, -0.6), (2024, 11, -0.9)] {
        assert_close(loss(|p| p.accounts_date = Some(date(y, m, 28)), Factor::AccountsAge), want);
    }
    let a = assess_today(&with(healthy(), |p| p.summons_authority = Some(true)));
    let text = reason(&a, Factor::SummonsAuthority).text();
    assert_eq!(text, "Summoned by the RSZ or tax authority in 12 months: -1.5");
}

#[test]
fn every_component_keeps_its_weight() {
    // No renormalisation: the components' shares are the policy's whatever is known.
    for p in [healthy(), with(blank(), |p| p.dbt_days = Some(10))] {
        let a = assess_today(&p);
        let shares: Vec<_> = a.components.iter().map(|c| (c.component, c.weight)).collect();
        use Component::*;
        let want = [
            (Payment, 0.35),
            (Liquidity, 0.15),
            (Solvency, 0.15),
            (Profitability, 0.1),
            (Distress, 0.1),
            (Signals, 0.15),
        ];
        for ((got, share), (component, weight)) in shares.into_iter().zip(want) {
            assert_eq!(got, component);
            assert_close(share, weight);
        }
    }
}

#[test]
fn reasons_add_up_to_the_score() {
    let mut prospects = vec![
        healthy(),
        blank(),
        with(healthy(), |p| (p.dbt_days, p.summons_12m) = (Some(42), Some(2))),
        with(healthy(), |p| p.equity = Some(eur(-200_000))),
        with(blank(), |p| p.dbt_days = Some(33)),
    ];
    prospects.extend(boundary_prospects().into_iter().map(|(p, _, _)| p));
    for p in prospects {
        let a = assess_today(&p);
        let points: f64 = a.reasons.iter().map(|r| r.points).sum();
        let weights: f64 = a.reasons.iter().map(|r| r.weight).sum();
        assert_close(weights, 1.0);
        // The score is rounded to one decimal; the points are not. A blank prospect has no
        // score, but its reasons still add up to what every assumed value costs.
        if let Some(score) = a.score {
            assert!((points - (score - 100.0)).abs() <= 0.05 + 1e-9, "{points} vs {score}");
        }
    }
}

#[test]
fn assessed_scores_on_band_boundaries() {
    for (p, want, band) in boundary_prospects() {
        let a = assess_today(&p);
        assert_eq!((a.score, a.band), (Some(want), band), "score {want}");
        assert!(a.caps.is_empty() && a.warnings.is_empty(), "{want}: {:?} {:?}", a.caps, a.warnings);
    }
}

#[test]
fn a_ratio_just_under_its_threshold_says_so_in_two_decimals() {
    // The demo's Brouwerij De Oude Sluis: quick ratio 0.29997 against 0.30. Two decimals read
    // 0.30 < 0.30, three 0.300 < 0.300: the words say how they compare instead of 0.29997.
    let reason = dealdesk::domain::reason::Reason {
        factor: Factor::QuickRatio,
        kind: dealdesk::domain::reason::ReasonKind::Measured {
            value: 0.29997,
            threshold: Some(0.30),
            doubt: None,
            assumed: 0.0,
        },
        points: -4.5,
        weight: 0.1,
    };
    assert_eq!(reason.text(), "Quick ratio 0.30 (just under 0.30): -4.5");
    // Three decimals tell 0.295 from 0.30, as one more decimal tells 34.6 % from 35 %.
    let reason = dealdesk::domain::reason::Reason {
        kind: dealdesk::domain::reason::ReasonKind::Measured {
            value: 0.2951,
            threshold: Some(0.30),
            doubt: None,
            assumed: 0.0,
        },
        ..reason
    };
    assert_eq!(reason.text(), "Quick ratio 0.295 < 0.300: -4.5");
}

#[test]
fn reason_text_never_compares_a_value_with_itself() {
    // 346 000 / 1 000 000 = 34.6 % < the 35 % breakpoint: to whole percent both read 35 %.
    // Health 0.75 + 0.25·0.146/0.15 = 0.993333: −15·0.006667 = −0.1.
    let a = assess_today(&with(healthy(), |p| {
        p.equity = Some(eur(346_000));
        p.total_liabilities = Some(eur(654_000));
    }));
    assert_eq!(reason(&a, Factor::EquityRatio).text(), "Equity / total assets 34.6 % < 35.0 %: -0.1");
    // 10.4 % late against the 10 % breakpoint: 0.9 − 0.3·0.4/15 = 0.892 → −7·0.108 = −0.756.
    let a = assess_today(&with(healthy(), |p| p.late_share_pct = Some(pct("10.4"))));
    assert_eq!(reason(&a, Factor::LateShare).text(), "Invoices paid late 10.4 % > 10.0 %: -0.8");
    // On a breakpoint the value keeps its decimals and reads "≥": DBT 30 → 0.45.
    let a = assess_today(&with(healthy(), |p| p.dbt_days = Some(30)));
    assert_eq!(reason(&a, Factor::DbtDays).text(), "Days beyond terms 30 days ≥ 30 days: -11.6");
    // −4 / 1 000 000 reads "-0.4 %"-ish, never "-0 % < 0 %".
    let a = assess_today(&with(healthy(), |p| p.net_result = Some(eur(-4))));
    assert!(!reason(&a, Factor::ReturnOnAssets).text().contains("-0 % < 0 %"));
}
