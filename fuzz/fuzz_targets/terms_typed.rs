//! The what-if's typed values (`TermsEditor::commit_typed`) take any text on any line: a value
//! within its bounds or a message that leaves the terms as they were, never a panic; stepping
//! and both goal seeks afterwards stay within the bounds too.
#![no_main]

use std::sync::{Arc, OnceLock};

use dealdesk::domain::date::Date;
use dealdesk::domain::money::{Money, Pct};
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::tui::kit::line_edit::LineEdit;
use dealdesk::tui::terms::state::{TermsEditor, TermsField};
use libfuzzer_sys::fuzz_target;
use strum::VariantArray;

fn sample() -> &'static (Policy, Vec<Arc<Prospect>>) {
    static SAMPLE: OnceLock<(Policy, Vec<Arc<Prospect>>)> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let prospects = dealdesk::synth::portfolio(8, 3).into_iter().map(Arc::new).collect();
        (Policy::default_policy(), prospects)
    })
}

fn within_bounds(e: &TermsEditor) {
    let t = &e.edited;
    assert!(t.payment_days <= 365, "{} days", t.payment_days);
    assert!((Pct::ZERO..=Pct::HUNDRED).contains(&t.advance_pct), "advance {}", t.advance_pct);
    assert!((Pct::ZERO..=Pct::HUNDRED).contains(&t.discount_pct), "discount {}", t.discount_pct);
    assert!((Money::ZERO..=Money::max_input()).contains(&t.credit_limit), "limit {}", t.credit_limit);
    assert!(
        (Money::ZERO..=Money::max_input()).contains(&t.security_amount),
        "security {}",
        t.security_amount
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let (policy, prospects) = sample();
    let prospect = prospects[usize::from(selector / 8) % prospects.len()].clone();
    let mut editor = TermsEditor::open(prospect, None, policy, Date::new(2026, 11, 28).expect("a date"));
    editor.focus = usize::from(selector) % TermsField::VARIANTS.len();
    let before = editor.edited.clone();
    editor.typing = Some(LineEdit::new(&String::from_utf8_lossy(rest)));
    editor.commit_typed(policy);
    if editor.error.is_some() {
        assert_eq!(editor.edited, before, "a refused value changed the terms");
    }
    within_bounds(&editor);
    for up in [true, true, false] {
        editor.step(up, policy);
    }
    editor.goal_seek(true, policy);
    editor.goal_seek(false, policy);
    within_bounds(&editor);
});
