//! CSV import takes any bytes: prospects and row errors, or a file error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(import) = dealdesk::io::csv_import::read_prospects(data) {
        // The messages are what the user sees: building them must not panic either.
        for error in &import.errors {
            let _ = error.to_string();
        }
        let _ = import.bad_rows();
    }
});
