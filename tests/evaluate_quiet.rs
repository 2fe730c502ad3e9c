//! `evaluate_with(.., false)` (the desk's load, an import's decisions) gives every figure that
//! `evaluate` gives, the assumptions included: only the suggestion's "why" is left out.

use dealdesk::cli::demo::demo_prospects;
use dealdesk::domain::date::Date;
use dealdesk::domain::evaluate::{evaluate, evaluate_with};
use dealdesk::domain::policy::Policy;
use dealdesk::synth;

#[test]
fn the_quiet_evaluation_has_every_figure_of_the_explained_one() {
    let policy = Policy::default_policy();
    let today = Date::new(2026, 11, 28).unwrap();
    let demo = demo_prospects().unwrap();
    let mut checked = 0;
    for p in demo.iter().chain(&synth::portfolio(3_000, 7)) {
        let mut explained = evaluate(p, &policy, today);
        let quiet = evaluate_with(p, &policy, today, false);
        assert!(quiet.suggestion.why.is_empty(), "{}", p.name);
        assert!(!explained.suggestion.why.is_empty(), "{}: the explained suggestion has no why", p.name);
        explained.suggestion.why.clear();
        assert_eq!(quiet, explained, "{}", p.name);
        checked += 1;
    }
    assert!(checked > 3_000);
}
