//! What the desk does with a store at start-up: parse it, then evaluate every prospect for the
//! portfolio table. Any parsed store must evaluate without a panic.
#![no_main]

use dealdesk::portfolio::Portfolio;
use dealdesk::domain::date::Date;
use dealdesk::domain::policy::Policy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(prospects) = dealdesk::store::decode(data, std::path::Path::new("fuzz.json")) {
        let today = Date::new(2026, 11, 28).expect("a date");
        let _ = Portfolio::new(prospects, &Policy::default_policy(), today);
    }
});
