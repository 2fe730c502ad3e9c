//! The risk model's cost per prospect: `evaluate` (assessment, segment, suggested terms and
//! economics) and `assess` alone, over 1 000 generated prospects (`dealdesk::synth`, seed 1:
//! every band and segment, sparse and complete ones), as the desk evaluates them on load
//! (`evaluate_with(.., explain: false)`) and as a screen or `eval` does (with every "why").
//!
//! ```text
//! cargo bench --bench evaluate
//! ```
//! Criterion reports the time for the whole set; divide by 1 000 for one prospect.

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use dealdesk::domain::date::Date;
use dealdesk::domain::evaluate::evaluate_with;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::risk::assess;
use dealdesk::synth;

const PROSPECTS: usize = 1_000;

fn main() {
    let mut c = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).configure_from_args();
    let policy = Policy::default_policy();
    let today = Date::new(2026, 11, 28).expect("a valid date");
    let prospects = synth::portfolio(PROSPECTS, 1);
    let mut group = c.benchmark_group("evaluate");
    group.throughput(Throughput::Elements(PROSPECTS as u64));
    for (name, explain) in [("on_load", false), ("explained", true)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                for p in &prospects {
                    black_box(evaluate_with(black_box(p), &policy, today, explain));
                }
            })
        });
    }
    group.bench_function("assess", |b| {
        b.iter(|| {
            for p in &prospects {
                black_box(assess(black_box(p), &policy, today));
            }
        })
    });
    group.finish();
    c.final_summary();
}
