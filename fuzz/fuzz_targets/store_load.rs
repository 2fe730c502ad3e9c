//! The desk's own store reader (block by block, line by line, each block parsed on every core
//! and evaluated on rayon's pool while the next is read) takes any file: evaluated prospects or an error, never a panic.
//! The bytes go through a file in memory-backed /dev/shm (or the temporary folder), since the
//! reader takes a path.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use dealdesk::domain::date::Date;
use dealdesk::domain::policy::Policy;
use dealdesk::portfolio::load::{OnBlock, read_evaluated};
use dealdesk::store::stream::read_in_chunks;
use libfuzzer_sys::fuzz_target;

fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = PathBuf::from("/dev/shm");
        let dir = if dir.is_dir() { dir } else { std::env::temp_dir() };
        dir.join(format!("dealdesk-fuzz-{}.json", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let path = scratch();
    if std::fs::write(path, data).is_ok() {
        // The desk's path: each block parsed by the store and evaluated by the loader.
        static POLICY: OnceLock<Policy> = OnceLock::new();
        let policy = POLICY.get_or_init(Policy::default_policy);
        let today = Date::new(2026, 11, 28).expect("a date");
        let read_store = |each: &mut OnBlock| read_in_chunks(path, each);
        let read = read_evaluated(read_store, policy, today, |prospects, summaries, _| {
            assert_eq!(prospects.len(), summaries.len(), "a summary per prospect");
        });
        if let Err(e) = read {
            let _ = e.to_string();
        }
    }
});
