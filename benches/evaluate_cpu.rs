//! Evaluation cost per prospect in CPU time (not wall time), so that a loaded machine that
//! shares its cores does not count the waiting: `evaluate_with(.., false)`, `assess` with the
//! suggested terms but without the economics, and `assess` alone over the 1 000 prospects of
//! the evaluate benchmark (`synth::portfolio(1000, 1)`), repeated.
//!
//! ```text
//! cargo bench --bench evaluate_cpu -- 200
//! ```

use std::hint::black_box;

use dealdesk::domain::date::Date;
use dealdesk::domain::evaluate::evaluate_with;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::risk::assess;
use dealdesk::domain::segment::segment_for;
use dealdesk::domain::terms::suggest_with;
use dealdesk::synth;

/// The CPU time this thread has used, in seconds.
fn cpu_seconds() -> f64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec the call writes into.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

/// The least CPU time of `rounds` runs of `f`, in ms.
fn least(rounds: usize, mut f: impl FnMut()) -> f64 {
    (0..rounds)
        .map(|_| {
            let start = cpu_seconds();
            f();
            (cpu_seconds() - start) * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let rounds = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(100);
    let policy = Policy::default_policy();
    let today = Date::new(2026, 11, 28).expect("a valid date");
    let prospects = synth::portfolio(1_000, 1);
    let on_load = least(rounds, || {
        for p in &prospects {
            black_box(evaluate_with(black_box(p), &policy, today, false));
        }
    });
    let explained = least(rounds, || {
        for p in &prospects {
            black_box(evaluate_with(black_box(p), &policy, today, true));
        }
    });
    let terms = least(rounds, || {
        for p in &prospects {
            let a = assess(black_box(p), &policy, today);
            let segment = p.annual_volume.map(|v| segment_for(v, &policy));
            black_box(suggest_with(p, &a, segment, &policy, false));
        }
    });
    let assessed = least(rounds, || {
        for p in &prospects {
            black_box(assess(black_box(p), &policy, today));
        }
    });
    println!(
        "on_load {on_load:.3} ms, explained {explained:.3} ms, assess+terms {terms:.3} ms, assess {assessed:.3} ms \
         (CPU, least of {rounds}, 1 000 prospects)"
    );
}
