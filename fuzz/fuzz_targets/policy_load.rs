//! The policy loader (`Policy::from_json`: parse, schema, overlay on the defaults, ranges and
//! rules) takes any text: a policy or a message, never a panic. A policy it accepts evaluates
//! every kind of prospect without a panic, and its file form loads back to the same policy.
#![no_main]

use std::sync::OnceLock;

use dealdesk::domain::date::Date;
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use libfuzzer_sys::fuzz_target;

fn prospects() -> &'static [Prospect] {
    static SAMPLE: OnceLock<Vec<Prospect>> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let mut sample = dealdesk::synth::portfolio(6, 11);
        sample.push(Prospect::named("Nothing Known BV"));
        sample
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(policy) = Policy::from_json(text) else { return };
    let again = Policy::from_value(policy.to_file_json()).expect("a loaded policy loads again from its file form");
    assert_eq!(again, policy, "the file form round-trips");
    let today = Date::new(2026, 11, 28).expect("a date");
    for p in prospects() {
        let _ = evaluate(p, &policy, today);
    }
});
