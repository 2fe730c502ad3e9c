//! The scale targets of issue 6, each measured beside its floor in the same run:
//!
//! - load: read + parse + evaluate every prospect into a `Portfolio` as the desk does
//!   (`portfolio::load::read_portfolio`), vs a bare read + `serde_json` parse of the same file
//!   into the same types; with each phase on its own;
//! - filter: one keystroke in the name filter (`PortfolioView::refresh`), vs a bare scan of the
//!   same names with the same matcher;
//! - render: the portfolio screen on ratatui's `TestBackend`, vs drawing an empty frame;
//! - edit: one prospect changed through the desk's own path (`App::commit`), vs evaluating that
//!   prospect and adding it to the totals;
//! - save: encode + atomic write with backup, vs writing and syncing the same bytes.
//!
//! ```text
//! cargo bench --bench portfolio                        # everything, 1M included
//! DEALDESK_BENCH_SKIP_1M=1 cargo bench --bench portfolio   # up to 100k only
//! cargo bench --bench portfolio -- filter              # one group (criterion's filter)
//! ```
//! The run ends with a table of every figure, its floor and the issue's target.

#[path = "portfolio/filtering.rs"]
mod filtering;
mod support;

use std::fs::{self, File};
use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BatchSize, BenchmarkId, Criterion};
use dealdesk::domain::date::Date;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::summary::{Summary, Totals};
use dealdesk::portfolio::query::Query;
use dealdesk::portfolio::{Portfolio, load};
use dealdesk::store::{self, Store, StoreFile, atomic};
use dealdesk::synth;
use dealdesk::tui::app::{App, Effect};
use dealdesk::tui::dispatch;
use dealdesk::tui::history::Change;
use dealdesk::tui::portfolio::state::PortfolioView;
use filtering::{filter, view_with};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{Target, label};

const SEED: u64 = 1;

fn today() -> Date {
    Date::new(2026, 11, 28).expect("a valid date")
}

fn with_1m() -> bool {
    std::env::var_os("DEALDESK_BENCH_SKIP_1M").is_none_or(|v| v.is_empty())
}

fn main() {
    let started = std::time::SystemTime::now();
    let mut c = support::criterion().configure_from_args();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let policy = Policy::default_policy();

    // Setting up a desk of a million prospects takes seconds: only when its groups are asked for.
    if support::wanted("load") {
        load(&mut c, dir.path(), &policy);
    }
    let mut sizes = vec![100_000];
    if with_1m() {
        sizes.push(1_000_000);
    }
    if ["filter", "render", "edit"].iter().any(|g| support::wanted(g)) {
        for &n in &sizes {
            let mut app = App::new(
                synth::portfolio(n, SEED),
                policy.clone(),
                today(),
                dir.path().join("p.json"),
                false,
            );
            app.size = ratatui::layout::Rect::new(0, 0, 120, 40);
            filter(&mut c, &app);
            render(&mut c, &mut app);
            edit(&mut c, &mut app);
        }
    }
    if support::wanted("render") {
        render_small(&mut c, &policy, dir.path());
    }
    if support::wanted("save") {
        save(&mut c, dir.path());
    }
    c.final_summary();
    support::report(started, &targets());
}

/// Reading the store at every size, as a whole and by phase.
fn load(c: &mut Criterion, dir: &Path, policy: &Policy) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    for n in [1_000, 10_000, 100_000] {
        let path = dir.join(format!("load-{n}.json"));
        let prospects = synth::portfolio(n, SEED);
        store::write_new(&path, &prospects).expect("store written");
        let bytes = fs::read(&path).expect("store read");
        group.measurement_time(Duration::from_secs(if n >= 100_000 { 15 } else { 5 }));
        group.throughput(criterion::Throughput::Bytes(bytes.len() as u64));
        let id = |name: &str| BenchmarkId::new(name, label(n));
        group.bench_function(id("floor"), |b| {
            b.iter(|| {
                let bytes = fs::read(&path).expect("read");
                let file: StoreFile = serde_json::from_slice(&bytes).expect("parse");
                black_box(file)
            });
        });
        // The desk's path: read block by block, each block parsed, then evaluated, on every core.
        group.bench_function(id("load"), |b| {
            b.iter(|| black_box(load::read_portfolio(&path, policy, today()).expect("load")));
        });
        group.bench_function(id("read"), |b| b.iter(|| black_box(fs::read(&path).expect("read"))));
        // Reading and parsing as the desk does, without evaluating.
        group.bench_function(id("parse"), |b| b.iter(|| black_box(store::load(&path).expect("load"))));
        // The whole text parsed at once on one thread (the old path, and `decode`'s).
        group.bench_function(id("decode"), |b| {
            b.iter(|| black_box(store::decode(&bytes, &path).expect("decode")));
        });
        group.bench_function(id("evaluate"), |b| {
            b.iter_batched(
                || prospects.clone(),
                |prospects| Portfolio::new(prospects, policy, today()),
                BatchSize::PerIteration,
            );
        });
        let portfolio = Portfolio::new(prospects.clone(), policy, today());
        group.bench_function(id("rows"), |b| {
            b.iter(|| {
                let mut view = PortfolioView::default();
                view.refresh(&portfolio);
                black_box(view)
            });
        });
    }
    group.finish();
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|frame| dispatch::render(frame, app)).expect("draw");
}

/// The portfolio screen with the selection in the middle of the table, and with a filter on.
fn render(c: &mut Criterion, app: &mut App) {
    let n = app.portfolio.len();
    let mut group = c.benchmark_group("render");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    group.bench_function(BenchmarkId::new("floor", label(n)), |b| {
        b.iter(|| {
            terminal.draw(|_| {}).expect("draw");
        });
    });
    let height = app.page_height();
    app.view.move_by((n / 2) as isize, height);
    group.bench_function(BenchmarkId::new("portfolio", label(n)), |b| b.iter(|| draw(&mut terminal, app)));
    let saved = app.view.clone();
    app.view = view_with(app, "bra");
    app.view.move_by((app.view.rows().len() / 2) as isize, height);
    group.bench_function(BenchmarkId::new("filtered", label(n)), |b| b.iter(|| draw(&mut terminal, app)));
    app.view = saved;
    group.finish();
}

/// The same screen with a small portfolio, to show that the cost does not grow with size.
fn render_small(c: &mut Criterion, policy: &Policy, dir: &Path) {
    let mut app = App::new(synth::portfolio(1_000, SEED), policy.clone(), today(), dir.join("p.json"), false);
    app.size = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut group = c.benchmark_group("render");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    group.bench_function(BenchmarkId::new("floor", label(1_000)), |b| {
        b.iter(|| {
            terminal.draw(|_| {}).expect("draw");
        });
    });
    let height = app.page_height();
    app.view.move_by(500, height);
    group.bench_function(BenchmarkId::new("portfolio", label(1_000)), |b| {
        b.iter(|| draw(&mut terminal, &app))
    });
    group.finish();
}

/// The prospect in the middle of the portfolio with one input changed, alternating so that every
/// commit is a real change.
fn edited(app: &App, round: u64) -> (Arc<Prospect>, Arc<Prospect>) {
    let before = app.portfolio.prospect(app.portfolio.len() / 2).expect("a prospect").clone();
    let mut after = (*before).clone();
    after.dbt_days = Some(10 + (round % 2) as u32 * 20);
    (before, Arc::new(after))
}

/// Times `iters` commits of the middle prospect as `change` (given the round and the usual
/// edit) makes it, excluding the drop of the effects (the saver drops them on its thread).
fn time_commits(
    app: &mut App,
    round: &mut u64,
    iters: u64,
    change: impl Fn(u64, Arc<Prospect>) -> Arc<Prospect>,
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        *round += 1;
        let (before, after) = edited(app, *round);
        let after = change(*round, after);
        let mut effects: Vec<Effect> = Vec::new();
        let start = Instant::now();
        app.commit(Change::Put { before: Some(before), after }, &mut effects);
        total += start.elapsed();
        drop(effects);
    }
    total
}

/// Editing one prospect: the desk's path (`App::commit`: re-evaluate, rebuild the rows and
/// totals, record undo, snapshot for the save), its parts, and the floor (evaluate the one
/// prospect and add it to the totals).
fn edit(c: &mut Criterion, app: &mut App) {
    let n = app.portfolio.len();
    let mut group = c.benchmark_group("edit");
    group.sample_size(if n >= 1_000_000 { 10 } else { 20 }).warm_up_time(Duration::from_secs(1));
    let id = |name: &str| BenchmarkId::new(name, label(n));
    let (policy, day) = (app.policy.clone(), app.today);
    group.bench_function(id("floor"), |b| {
        let (_, after) = edited(app, 1);
        b.iter(|| {
            let mut totals = Totals::default();
            totals.add(&Summary::of(&after, &policy, day));
            black_box(totals)
        });
    });
    let mut round = 0;
    group.bench_function(id("commit"), |b| {
        b.iter_custom(|iters| time_commits(app, &mut round, iters, |_, after| after));
    });
    // The worst case for moving a row: a rename that sends it from one end of the name order
    // to the other and back, so that every line between shifts.
    group.bench_function(id("commit_far"), |b| {
        b.iter_custom(|iters| {
            time_commits(app, &mut round, iters, |round, after| {
                let name = if round % 2 == 0 { "0000 first of all" } else { "zzzz last of all" };
                Arc::new(Prospect { name: name.to_string(), ..(*after).clone() })
            })
        });
    });
    group.bench_function(id("upsert"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                round += 1;
                let (_, after) = edited(app, round);
                let start = Instant::now();
                app.portfolio.upsert(after, &policy, day);
                total += start.elapsed();
            }
            total
        });
    });
    group.bench_function(id("refresh"), |b| {
        b.iter(|| {
            app.view.invalidate();
            app.view.refresh(&app.portfolio);
        });
    });
    group.bench_function(id("snapshot"), |b| b.iter(|| black_box(app.portfolio.snapshot())));
    group.finish();
    // Undo what the commits recorded, so that later groups see a plain desk.
    app.history = Default::default();
}

/// Saving 100k prospects as the saver thread does, vs writing the same bytes.
fn save(c: &mut Criterion, dir: &Path) {
    let n = 100_000;
    let prospects: Vec<Arc<Prospect>> = synth::portfolio(n, SEED).into_iter().map(Arc::new).collect();
    let path = dir.join("save.json");
    let (mut store, _) = Store::open(&path, "the benchmark").expect("store opened");
    let bytes = store::encode(prospects.iter().map(|p| p.as_ref())).expect("encoded");
    let mut group = c.benchmark_group("save");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    group.throughput(criterion::Throughput::Bytes(bytes.len() as u64));
    let id = |name: &str| BenchmarkId::new(name, label(n));
    let floor_path = dir.join("floor.json");
    group.bench_function(id("floor"), |b| {
        b.iter(|| {
            let mut file = File::create(&floor_path).expect("create");
            file.write_all(&bytes).expect("write");
            file.sync_all().expect("sync");
        });
    });
    group.bench_function(id("save"), |b| {
        b.iter(|| store.save(prospects.iter().map(|p| p.as_ref())).expect("save"))
    });
    group.bench_function(id("encode"), |b| {
        b.iter(|| black_box(store::encode(prospects.iter().map(|p| p.as_ref())).expect("encode")))
    });
    group.bench_function(id("write"), |b| {
        b.iter(|| atomic::replace(&path, &bytes, true, &mut atomic::write_all).expect("replace"));
    });
    group.finish();
}

/// The filter, render and edit lines for one portfolio size, with the limits that size has.
fn per_size(size: &str, extend: f64, other_keys: Option<f64>, edit: Option<f64>) -> Vec<Target> {
    let at = |figure: &str| format!("{figure}/{size}");
    vec![
        Target::absolute(
            format!("filter: extend query {size}"),
            at("filter/extend"),
            at("filter/floor"),
            extend,
        ),
        Target::versus("  floor with a flat name index", at("filter/floor_flat"), at("filter/floor")),
        Target::within(
            format!("filter: first letter {size}"),
            at("filter/first_letter"),
            at("filter/floor_first"),
            other_keys,
        ),
        Target::within(
            format!("filter: backspace {size}"),
            at("filter/backspace"),
            at("filter/floor_first"),
            other_keys,
        ),
        Target::versus(
            "  first-letter floor, flat name index",
            at("filter/floor_flat_first"),
            at("filter/floor_first"),
        ),
        Target::absolute(format!("render {size}"), at("render/portfolio"), at("render/floor"), 0.001),
        Target::absolute(format!("render filtered {size}"), at("render/filtered"), at("render/floor"), 0.001),
        Target::within(format!("edit {size} (commit)"), at("edit/commit"), at("edit/floor"), edit),
        Target::within(
            format!("edit {size}, row moved end to end"),
            at("edit/commit_far"),
            at("edit/floor"),
            edit,
        ),
    ]
}

/// The issue's targets, each with the figure it applies to and its floor.
fn targets() -> Vec<Target> {
    let mut t = vec![
        Target::ratio("load 1k", "load/load/1k", "load/floor/1k", 1.3),
        Target::ratio("load 10k", "load/load/10k", "load/floor/10k", 1.3),
        Target::ratio("load 100k", "load/load/100k", "load/floor/100k", 1.3),
        Target::absolute("load 100k", "load/load/100k", "load/floor/100k", 0.7),
        Target::info("  read 100k", "load/read/100k"),
        Target::info("  read + parse as the desk does (no evaluation) 100k", "load/parse/100k"),
        Target::info("  decode the whole text on one thread 100k", "load/decode/100k"),
        Target::info("  evaluate (Portfolio::new, every core) 100k", "load/evaluate/100k"),
        Target::info("  rows (filter + name sort) 100k", "load/rows/100k"),
        Target::versus("save 100k (encode + atomic write)", "save/save/100k", "save/floor/100k"),
        Target::info("  encode 100k", "save/encode/100k"),
        Target::versus("  atomic write 100k", "save/write/100k", "save/floor/100k"),
        Target::absolute("render 1k", "render/portfolio/1k", "render/floor/1k", 0.001),
    ];
    // 100k: every filter keystroke ≤ 8 ms. 1M: the extending one ≤ 16 ms, the others never
    // blocking input, which no single figure states; edits ≤ 1 ms.
    t.extend(per_size("100k", 0.008, Some(0.008), None));
    if with_1m() {
        t.extend(per_size("1M", 0.016, None, Some(0.001)));
        t.extend([
            Target::info("  upsert 1M", "edit/upsert/1M"),
            Target::info("  rows rebuilt 1M", "edit/refresh/1M"),
            Target::info("  snapshot 1M", "edit/snapshot/1M"),
        ]);
    }
    t
}
