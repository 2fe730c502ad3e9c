//! The batch targets of issue 14, each beside its floor in the same run:
//!
//! - eval: `eval --format json` of 100 000 prospects from a store file (`cli::eval::stream`,
//!   both passes, into a sink), vs the desk's own load-and-evaluate of the same file
//!   (`portfolio::load::read_portfolio`); target ≤ 2×;
//! - import: reading 100 000 CSV rows into prospects and planning their import into an empty
//!   portfolio (`read_prospects` + `portfolio::import_plan::plan`, as `dealdesk import` does), vs parsing the same bytes into string
//!   records with the csv crate; target ≤ 2.5×. The store's save is not part of either.
//!
//! ```text
//! cargo bench --bench batch
//! ```
//! Peak memory at 1 000 000 prospects is measured on the release binary (docs/PERFORMANCE.md):
//! `/usr/bin/time -v target/release/dealdesk eval p1m.json --format json > /dev/null`.

#[allow(dead_code)] // each bench uses a part of the shared support
mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::BenchmarkId;
use dealdesk::cli::eval::stream;
use dealdesk::cli::eval_input::Input;
use dealdesk::cli::{Context, EvalFormat};
use dealdesk::domain::date::Date;
use dealdesk::domain::decision::Stamp;
use dealdesk::domain::import_plan::Decider;
use dealdesk::domain::policy::Policy;
use dealdesk::io::csv_export::write_prospects;
use dealdesk::io::csv_import::read_prospects;
use dealdesk::portfolio::import_plan::plan;
use dealdesk::portfolio::load;
use dealdesk::store::location::{Chosen, Location};
use dealdesk::store::{self, policy_file::PolicySource};
use dealdesk::synth;
use support::Target;

const N: usize = 100_000;

fn main() {
    let started = std::time::SystemTime::now();
    let mut c = support::criterion().configure_from_args();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let today = Date::new(2026, 11, 28).expect("a valid date");
    let prospects = synth::portfolio(N, 1);
    let store_path = dir.path().join("p100k.json");
    store::write_new(&store_path, &prospects).expect("the store is written");
    let mut csv = Vec::new();
    write_prospects(&prospects, &mut csv).expect("the CSV is written");
    drop(prospects);
    let policy = Policy::default_policy();
    let ctx = Context {
        policy: policy.clone(),
        policy_source: PolicySource::Defaults,
        policy_explicit: false,
        store: Location::File(dir.path().join("none.json")),
        chosen: Chosen::Default,
        today,
        as_of: Some(today),
    };
    let stamp = Stamp { at: chrono::DateTime::UNIX_EPOCH.fixed_offset(), by: "bench".into() };
    let decider = Decider::for_file(&policy, today, stamp, "p100k.csv");

    let mut group = c.benchmark_group("batch");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    let id = |name: &str| BenchmarkId::new(name, "100k");
    group.bench_function(id("load_portfolio"), |b| {
        b.iter(|| black_box(load::read_portfolio(&store_path, &policy, today).expect("loads").len()))
    });
    group.bench_function(id("eval_json"), |b| {
        b.iter(|| {
            let input = Input::open(&store_path).expect("opens");
            let mut out = std::io::sink();
            black_box(
                stream(&ctx, &input, "p100k.json", EvalFormat::Json, false, &Default::default(), &mut out)
                    .expect("evaluates"),
            )
        })
    });
    group.bench_function(id("csv_records"), |b| {
        b.iter(|| {
            let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_slice());
            let mut record = csv::StringRecord::new();
            let mut rows = 0usize;
            while reader.read_record(&mut record).expect("reads") {
                rows += record.len();
            }
            black_box(rows)
        })
    });
    group.bench_function(id("import_csv"), |b| {
        b.iter(|| {
            let import = read_prospects(&csv).expect("reads");
            let incoming = import.prospects.into_iter().map(|r| r.incoming()).collect();
            black_box(plan(&[], incoming, &decider).new.len())
        })
    });
    group.finish();
    support::report(
        started,
        &[
            Target::ratio(
                "eval --format json 100k",
                "batch/eval_json/100k",
                "batch/load_portfolio/100k",
                2.0,
            ),
            Target::ratio("import 100k CSV rows", "batch/import_csv/100k", "batch/csv_records/100k", 2.5),
        ],
    );
}
