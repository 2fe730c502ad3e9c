//! The team store's speed targets (issue 16), each beside its floor in the same run, on a
//! private PostgreSQL cluster with fsync on (tests/common/postgres.rs):
//!
//! - load: 100 000 prospects streamed, parsed and evaluated as the desk loads them
//!   (`Backend::load`), vs the load's own `COPY … TO STDOUT` drained unparsed (the server's
//!   share), beside the same load without evaluation, the prospects' JSONB drained (what the
//!   server sent before migration 3 kept the text) and the file store's load of the same
//!   prospects (`portfolio::load::read_portfolio`); the time to the first block of rows is
//!   printed after the table;
//! - save: one edited prospect saved as the desk saves it (optimistic update, trigger,
//!   notification, commit), vs an empty transaction's round trip.
//!
//! ```text
//! cargo bench --bench team_store     # ~2 min; skips, saying why, where PostgreSQL is missing
//! ```

#[path = "../tests/common/postgres.rs"]
mod cluster;
// The portfolio bench's helpers: this one uses the table, not the size labels or filters.
#[allow(dead_code)]
mod support;

use std::hint::black_box;
use std::io::Read;
use std::sync::Arc;
use std::time::{Duration, Instant};

use dealdesk::domain::date::Date;
use dealdesk::domain::policy::Policy;
use dealdesk::portfolio::Snapshot;
use dealdesk::store::backend::{Backend, Changed, SaveRequest};
use dealdesk::store::postgres::{self, PgStore};
use dealdesk::{store, synth};
use support::Target;

const COUNT: usize = 100_000;

fn today() -> Date {
    Date::new(2026, 11, 28).expect("a valid date")
}

fn main() {
    let started = std::time::SystemTime::now();
    let server = match cluster::start(true) {
        Ok(server) => Box::leak(Box::new(server)),
        Err(reason) => {
            println!("team_store bench skipped: {reason}");
            return;
        }
    };
    let db = server.database("bench");
    let info = db.location().postgres().cloned().expect("a database");
    postgres::init(&info).expect("init");
    let prospects = synth::portfolio(COUNT, 1);
    let mut store = PgStore::open(&info).expect("open");
    store.fill(prospects.clone()).expect("fill");
    db.admin().batch_execute("VACUUM ANALYZE").expect("vacuum");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("p.json");
    store::write_new(&file, &prospects).expect("the file store");
    let policy = Policy::default_policy();
    let mut c = support::criterion().configure_from_args();

    let mut group = c.benchmark_group("team");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("load/100k", |b| {
        b.iter(|| {
            let mut n = 0;
            store.load(Some((&policy, today())), &mut |p, _, _| n += p.len()).expect("load");
            assert_eq!(n, COUNT);
        })
    });
    group.bench_function("load/parse_only", |b| {
        b.iter(|| {
            let mut n = 0;
            store.load(None, &mut |p, _, _| n += p.len()).expect("load");
            assert_eq!(n, COUNT);
        })
    });
    let mut raw = db.admin();
    group.bench_function("load/floor_copy", |b| {
        b.iter(|| {
            let mut bytes = Vec::new();
            raw.copy_out(postgres::copy_sql().as_str()).expect("copy").read_to_end(&mut bytes).expect("read");
            black_box(bytes.len())
        })
    });
    group.bench_function("load/floor_copy_jsonb", |b| {
        b.iter(|| {
            let copy = "COPY (SELECT p.id, p.version, p.data FROM dealdesk.prospects p ORDER BY p.id) \
                        TO STDOUT (FORMAT binary)";
            let mut bytes = Vec::new();
            raw.copy_out(copy).expect("copy").read_to_end(&mut bytes).expect("read");
            black_box(bytes.len())
        })
    });
    group.bench_function("load/file_store", |b| {
        b.iter(|| {
            black_box(dealdesk::portfolio::load::read_portfolio(&file, &policy, today()).expect("load").len())
        })
    });
    group.sample_size(50).measurement_time(Duration::from_secs(10));
    let mut edited = prospects[COUNT / 2].clone();
    let empty = Snapshot::default();
    let mut round = 0u64;
    group.bench_function("save/one_edit", |b| {
        b.iter(|| {
            round += 1;
            edited.note = Some(format!("call back, round {round}"));
            let changed = [Changed { id: edited.id, now: Some(Arc::new(edited.clone())) }];
            let saved = store.save(SaveRequest { portfolio: &empty, changed: &changed, overwrite: false });
            assert!(saved.expect("save").stale.is_empty());
        })
    });
    group.bench_function("save/floor_commit", |b| {
        b.iter(|| raw.transaction().expect("begin").commit().expect("commit"))
    });
    group.finish();

    // Criterion keeps each figure in a folder named for it, with the function name's `/` as `_`.
    support::report(
        started,
        &[
            Target::absolute("team load 100k", "team/load_100k", "team/load_floor_copy", 1.0),
            Target::info("  parsed, not evaluated", "team/load_parse_only"),
            Target::info(
                "  the prospects' JSONB drained (the server's text before migration 3)",
                "team/load_floor_copy_jsonb",
            ),
            Target::versus("  the file store's load 100k", "team/load_file_store", "team/load_floor_copy"),
            Target::absolute("team save one edit", "team/save_one_edit", "team/save_floor_commit", 0.020),
        ],
    );
    let mut firsts: Vec<Duration> = (0..10)
        .map(|_| {
            let start = Instant::now();
            let mut first = None;
            store
                .load(Some((&policy, today())), &mut |_, _, _| {
                    first.get_or_insert_with(|| start.elapsed());
                })
                .expect("load");
            first.unwrap_or_default()
        })
        .collect();
    firsts.sort();
    println!(
        "\nteam load 100k: the first block of rows after {:.1} ms (median of 10)",
        firsts[5].as_secs_f64() * 1e3
    );
}
