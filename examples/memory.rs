//! How much memory loading a store takes, counted by the allocator itself (not the resident
//! size, which keeps freed pages): the peak of the whole load against the live heap of the
//! loaded portfolio, for the desk's load and for a naive one (whole text, then parse, then
//! evaluate), with the live heap after each phase of the latter.
//!
//! ```text
//! cargo run --release --example memory -- /tmp/dealdesk-perf/p100000.json
//! ```

use std::alloc::{GlobalAlloc, Layout};

use mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use dealdesk::domain::date::Date;
use dealdesk::domain::policy::Policy;
use dealdesk::portfolio::Portfolio;
use dealdesk::tui::portfolio::state::PortfolioView;

/// The program's allocator (mimalloc, as `src/main.rs` sets it), counting live bytes and their
/// peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to mimalloc; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on unchanged.
        let ptr = unsafe { MiMalloc.alloc(layout) };
        if !ptr.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { MiMalloc.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract is passed on unchanged.
        let new = unsafe { MiMalloc.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            let live = LIVE.fetch_add(new_size, Ordering::Relaxed) + new_size;
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: memory STORE");
        return ExitCode::from(2);
    };
    // The desk's path: the store read block by block and evaluated as it is read.
    let start = LIVE.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let today = Date::new(2026, 11, 28).expect("a date");
    let policy = Policy::default_policy();
    let portfolio = match dealdesk::portfolio::load::read_portfolio(&path, &policy, today) {
        Ok(portfolio) => portfolio,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut view = PortfolioView::default();
    view.refresh(&portfolio);
    let loaded = LIVE.load(Ordering::Relaxed) - start;
    let peak = PEAK.load(Ordering::Relaxed) - start;
    println!(
        "{}: {} prospects | the desk's load (portfolio::load::read_portfolio + rows): loaded {} | peak {} | peak / loaded {:.2}",
        path.display(),
        portfolio.len(),
        mb(loaded),
        mb(peak),
        peak as f64 / loaded as f64
    );
    drop((portfolio, view));

    // The whole text read, then parsed, then evaluated: what a naive load holds at once.
    let start = LIVE.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("cannot read {}", path.display());
        return ExitCode::FAILURE;
    };
    let after_read = LIVE.load(Ordering::Relaxed);
    let prospects = match dealdesk::store::decode(&bytes, &path) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let after_parse = LIVE.load(Ordering::Relaxed);
    drop(bytes);
    let parsed_only = LIVE.load(Ordering::Relaxed);
    let portfolio = Portfolio::new(prospects, &policy, today);
    let mut view = PortfolioView::default();
    view.refresh(&portfolio);
    let loaded = LIVE.load(Ordering::Relaxed) - start;
    let peak = PEAK.load(Ordering::Relaxed) - start;
    println!(
        "{}: whole text, then parse, then evaluate: file text {} | text + parsed {} | parsed {} | loaded {} | peak {} | peak / loaded {:.2}",
        path.display(),
        mb(after_read - start),
        mb(after_parse - start),
        mb(parsed_only - start),
        mb(loaded),
        mb(peak),
        peak as f64 / loaded as f64
    );
    println!(
        "size of a Prospect {} bytes, of a Summary {} bytes (inline, before their strings)",
        std::mem::size_of::<dealdesk::domain::prospect::Prospect>(),
        std::mem::size_of::<dealdesk::domain::summary::Summary>()
    );
    ExitCode::SUCCESS
}
