//! The store loader takes any bytes: a portfolio, or an error that names the file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dealdesk::store::decode(data, std::path::Path::new("fuzz.json"));
});
