//! The master scale (issue 11, item 6) and the review intervals (item 8), against PDs computed
//! by hand. Anchors under the default policy: score 100 → 0.1 %, each band's middle → its
//! `pd_pct` (A 90 → 0.5 %, B 72.5 → 1 %, C 57.5 → 3 %, D 42.5 → 8 %, E 17.5 → 20 %), score
//! 0 → 35 %; between two anchors the PD is log-linear: pd = pd_hi · (pd_lo / pd_hi)^t with
//! t the share of the way from the higher score to the lower.

mod common;

use common::domain::*;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::risk::band_for;
use dealdesk::domain::risk_scale::{best_score, middle_score, pd_at, pd_decimal, pd_floor};
use dealdesk::domain::vocabulary::Band;
use strum::VariantArray;

#[test]
fn the_anchors_are_the_bands_middles() {
    let policy = policy();
    let middles: Vec<f64> = Band::VARIANTS.iter().map(|b| middle_score(*b, &policy)).collect();
    assert_eq!(middles, [90.0, 72.5, 57.5, 42.5, 17.5]);
    for (score, want) in
        [(100.0, 0.001), (90.0, 0.005), (72.5, 0.01), (57.5, 0.03), (42.5, 0.08), (17.5, 0.2), (0.0, 0.35)]
    {
        assert_close(pd_at(score, &policy), want);
    }
}

#[test]
fn between_anchors_the_pd_is_log_linear() {
    let policy = policy();
    // Halfway between two anchors is their geometric mean: 81.25 → √(0.5·1) = 0.707107 %;
    // 95 → √(0.1·0.5) = 0.223607 %; 65 → √(1·3) = 1.732051 %; 50 → √(3·8) = 4.898979 %.
    let cases = [(81.25, 0.00707107), (95.0, 0.00223607), (65.0, 0.01732051), (50.0, 0.04898979)];
    // 35: 7.5 of the 25 points from 42.5 to 17.5: 8 · 2.5^0.3 = 8 · 1.316382 = 10.531058 %.
    // 80: 10 of 17.5 from 90 to 72.5: 0.5 · 2^(4/7) = 0.5 · 1.485994 = 0.742997 %.
    for (score, want) in cases.into_iter().chain([(35.0, 0.10531058), (80.0, 0.00742997)]) {
        assert!((pd_at(score, &policy) - want).abs() < 5e-9, "{score}: {}", pd_at(score, &policy));
    }
    // The economics get it exact to a millionth.
    assert_eq!(pd_decimal(pd_at(50.0, &policy)), dec("0.04899"));
    // Outside 0–100 the ends hold.
    assert_close(pd_at(120.0, &policy), 0.001);
    assert_close(pd_at(-5.0, &policy), 0.35);
}

#[test]
fn a_d_at_35_and_a_d_at_49_9_no_longer_share_a_pd() {
    // The case. 49.9: 7.6 of the 15 points from 57.5 (3 %) to 42.5 (8 %):
    // 3 · (8/3)^(7.6/15) = 3 · 1.643706 = 4.9311 %; 35.0: 10.5311 %.
    let boundary = boundary_prospects();
    let (d49, d35) = (assess_today(&boundary[5].0), assess_today(&boundary[6].0));
    assert_eq!((d49.band, d35.band), (Band::D, Band::D));
    assert_eq!(d49.pd, pd_decimal(pd_at(49.9, &policy())));
    assert_eq!(d49.pd, dec("0.049311"));
    assert_eq!(d35.pd, dec("0.105311"));
    // The PD never rises with the score, and never falls with the band.
    let policy = policy();
    let pds: Vec<f64> = (0..=1000).map(|i| pd_at(f64::from(i) / 10.0, &policy)).collect();
    assert!(pds.windows(2).all(|w| w[1] <= w[0]));
}

#[test]
fn a_band_given_by_a_cap_carries_at_least_its_best_scores_pd() {
    let policy = policy();
    assert_eq!([best_score(Band::A, &policy), best_score(Band::C, &policy)], [100.0, 65.0]);
    // Healthy with late filing: 98.8, capped at C: the PD at 65 (1.732051 %), not at 98.8.
    let a = assess_today(&with(healthy(), |p| p.late_filing = Some(true)));
    assert_eq!((a.score, a.band), (Some(98.8), Band::C));
    assert_eq!(a.pd, dec("0.017321"));
    assert_close(pd_floor(Band::C, &policy), pd_at(65.0, &policy));
    // Insufficient data: at least the cautious band's own PD (D's middle, 8 %), above its
    // best score's 4.9 %.
    assert_eq!(assess_today(&blank()).pd, pd(Band::D));
    // In default: 100 %.
    assert_eq!(assess_today(&with(healthy(), |p| p.dbt_days = Some(120))).pd, dec("1"));
}

#[test]
fn bands_are_score_ranges() {
    // A ≥ 80, B ≥ 65, C ≥ 50, D ≥ 35, E below.
    use Band::{A, B, C, D, E};
    let policy = policy();
    let scores = [100.0, 80.0, 79.9, 65.0, 64.9, 50.0, 49.9, 35.0, 34.9, 0.0];
    for (score, band) in scores.into_iter().zip([A, A, B, B, C, C, D, D, E, E]) {
        assert_eq!(band_for(score, &policy), band, "score {score}");
    }
}

#[test]
fn reviews_come_round_by_band() {
    // A yearly, B half-yearly, C quarterly, D monthly, E and in default before every order.
    let months: Vec<(Band, u32)> = boundary_prospects()
        .iter()
        .map(|(p, _, _)| assess_today(p))
        .map(|a| (a.band, a.review_months))
        .collect();
    use Band::{A, B, C, D, E};
    assert_eq!(months, [(A, 12), (B, 6), (B, 6), (C, 3), (C, 3), (D, 1), (D, 1), (E, 0)]);
    let bankrupt =
        with(healthy(), |p| p.insolvency = Some(dealdesk::domain::vocabulary::Insolvency::Bankruptcy));
    assert_eq!(assess_today(&bankrupt).review_months, 0);
}

#[test]
fn the_scale_is_validated() {
    let json = |edit: fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value =
            serde_json::from_str(dealdesk::domain::policy::DEFAULT_POLICY_JSON).unwrap();
        edit(&mut v);
        Policy::from_json(&v.to_string())
    };
    let err = json(|v| v["pd_scale"]["at_best_score_pct"] = "0.5".into()).unwrap_err();
    assert!(err.starts_with("pd_scale.at_best_score_pct") && err.contains("below band A's 0.5 %"), "{err}");
    let err = json(|v| v["pd_scale"]["at_worst_score_pct"] = "15".into()).unwrap_err();
    assert!(err.starts_with("pd_scale.at_worst_score_pct"), "{err}");
    let err = json(|v| v["bands"]["A"]["pd_pct"] = "0".into()).unwrap_err();
    assert!(err.starts_with("bands.A.pd_pct"), "{err}");
    let err = json(|v| v["bands"]["C"]["review_months"] = 61.into()).unwrap_err();
    assert!(err.starts_with("bands.C.review_months"), "{err}");
}
