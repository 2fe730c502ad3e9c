//! The desk's own store reader (block by block, line by line, on two threads) takes any file:
//! prospects or an error, never a panic. The bytes go through a file in memory-backed /dev/shm
//! (or the temporary folder), since the reader takes a path.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

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
        if let Err(e) = dealdesk::store::load(path) {
            let _ = e.to_string();
        }
    }
});
