//! The generated portfolios that the benchmarks and hardening tests use are realistic: every
//! band and segment is well represented, every prospect passes `dealdesk check`, and the store
//! round trip keeps them exactly.

use std::collections::BTreeMap;
use strum::VariantArray;

use dealdesk::cli::check::prospect_problems;
use dealdesk::domain::date::Date;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::vocabulary::{Band, Segment};
use dealdesk::portfolio::Portfolio;
use dealdesk::store;
use dealdesk::synth;

fn today() -> Date {
    Date::new(2026, 11, 28).expect("a valid date")
}

#[test]
fn every_band_and_segment_is_well_represented() {
    let portfolio = Portfolio::new(synth::portfolio(10_000, 1), &Policy::default_policy(), today());
    let mut bands: BTreeMap<Band, usize> = BTreeMap::new();
    let mut segments: BTreeMap<Option<Segment>, usize> = BTreeMap::new();
    let mut insufficient = 0;
    for s in portfolio.summaries() {
        *bands.entry(s.band).or_default() += 1;
        *segments.entry(s.segment).or_default() += 1;
        insufficient += usize::from(s.insufficient_data);
    }
    for band in Band::VARIANTS {
        let n = bands.get(band).copied().unwrap_or(0);
        assert!(n >= 500, "band {band}: {n} of 10 000 ({bands:?})");
    }
    for segment in Segment::VARIANTS.iter().copied() {
        let n = segments.get(&Some(segment)).copied().unwrap_or(0);
        assert!(n >= 200, "segment {segment}: {n} of 10 000 ({segments:?})");
    }
    assert!(segments.get(&None).copied().unwrap_or(0) >= 200, "some volumes unknown: {segments:?}");
    assert!((500..2_000).contains(&insufficient), "sparse prospects: {insufficient}");
    eprintln!("bands {bands:?}\nsegments {segments:?}\ninsufficient data {insufficient}");
    let with_history = portfolio.prospects().filter(|p| !p.history.is_empty()).count();
    assert!(with_history >= 1_000, "decision histories: {with_history}");
}

#[test]
fn generated_prospects_pass_the_check_and_survive_the_store() {
    let prospects = synth::portfolio(3_000, 42);
    let problems = prospect_problems(&prospects);
    assert!(
        problems.is_empty(),
        "{} problems, the first: {:?}",
        problems.len(),
        &problems[..problems.len().min(5)]
    );
    let bytes = store::encode(&prospects).expect("encodes");
    let back = store::decode(&bytes, std::path::Path::new("generated.json")).expect("decodes");
    assert_eq!(back, prospects);
}
