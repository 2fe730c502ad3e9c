//! Every field parser takes any text in every number style: a value or a message, never a
//! panic; a rejected value leaves the prospect as it was.
#![no_main]

use dealdesk::domain::fields::Field;
use dealdesk::domain::money::NumberStyle;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let field = Field::ALL[usize::from(selector) % Field::ALL.len()];
    let style = [NumberStyle::Point, NumberStyle::Comma, NumberStyle::Auto][usize::from(selector / 64) % 3];
    let text = String::from_utf8_lossy(rest);
    for base in [
        dealdesk::domain::prospect::Prospect::named("Fuzz NV"),
        dealdesk::synth::prospect(usize::from(selector), 3),
    ] {
        let mut p = base.clone();
        match field.set(&mut p, &text, style) {
            Ok(()) => {
                let _ = field.get(&p);
            }
            Err(_) => assert_eq!(p, base, "a rejected value changed the prospect"),
        }
    }
});
