//! The filter group: one keystroke in the name filter in each of the ways the desk refreshes
//! after it, beside a bare scan of the same names with the same matcher.

use super::*;

/// A view with `query` typed, refreshed as the desk does after each keystroke.
pub(super) fn view_with(app: &App, query: &str) -> PortfolioView {
    let mut view = PortfolioView::default();
    view.refresh(&app.portfolio);
    for ch in query.chars() {
        view.query.insert(ch);
        view.refresh(&app.portfolio);
    }
    view
}

/// One keystroke in the name filter, in each of the ways the desk refreshes after it.
pub(super) fn filter(c: &mut Criterion, app: &App) {
    let n = app.portfolio.len();
    let mut group = c.benchmark_group("filter");
    group.sample_size(if n >= 1_000_000 { 20 } else { 50 }).warm_up_time(Duration::from_secs(1));
    let id = |name: &str| BenchmarkId::new(name, label(n));
    let (before, typed) = ("br", 'a');
    let narrowed = view_with(app, before);
    let mut query = before.to_string();
    query.push(typed);
    // Floor: the same matcher over the same candidate names, nothing else.
    let words = Query::new(&query);
    group.bench_function(id("floor"), |b| {
        b.iter(|| {
            let matcher = words.matcher();
            narrowed.rows().iter().filter(|&&i| matcher.rank(app.portfolio.folded_name(i)).is_some()).count()
        });
    });
    // Floor with a better layout: the same candidates' names folded once into one contiguous
    // buffer (what a name index would hold), matched byte by byte.
    let flat = FlatNames::new(app, narrowed.rows());
    group.bench_function(id("floor_flat"), |b| b.iter(|| flat.count(&query)));
    group.bench_function(id("extend"), |b| {
        b.iter_batched_ref(
            || narrowed.clone(),
            |view| {
                view.query.insert(typed);
                view.refresh(&app.portfolio);
            },
            BatchSize::LargeInput,
        );
    });
    let empty = view_with(app, "");
    let b_words = Query::new("b");
    group.bench_function(id("floor_first"), |b| {
        b.iter(|| {
            let matcher = b_words.matcher();
            (0..app.portfolio.len()).filter(|&i| matcher.rank(app.portfolio.folded_name(i)).is_some()).count()
        });
    });
    let all = FlatNames::new(app, empty.rows());
    group.bench_function(id("floor_flat_first"), |b| b.iter(|| all.count("b")));
    group.bench_function(id("first_letter"), |b| {
        b.iter_batched_ref(
            || empty.clone(),
            |view| {
                view.query.insert('b');
                view.refresh(&app.portfolio);
            },
            BatchSize::LargeInput,
        );
    });
    let longer = view_with(app, &query);
    group.bench_function(id("backspace"), |b| {
        b.iter_batched_ref(
            || longer.clone(),
            |view| {
                view.query.backspace();
                view.refresh(&app.portfolio);
            },
            BatchSize::LargeInput,
        );
    });
    group.finish();
    let share = |v: &PortfolioView| 100.0 * v.rows().len() as f64 / n.max(1) as f64;
    eprintln!(
        "filter at {}: 'b' keeps {:.1} %, '{before}' {:.1} %, '{query}' {:.1} % of the names",
        label(n),
        share(&view_with(app, "b")),
        share(&narrowed),
        share(&longer)
    );
}

/// Names folded (lower case, accents off) into one buffer, in display order: the layout a
/// filter index would have, for the "flat" floors.
struct FlatNames {
    bytes: Vec<u8>,
    ends: Vec<u32>,
}

impl FlatNames {
    fn new(app: &App, rows: &[usize]) -> FlatNames {
        let mut flat = FlatNames { bytes: Vec::new(), ends: Vec::with_capacity(rows.len()) };
        for &i in rows {
            flat.bytes.extend_from_slice(app.portfolio.folded_name(i).as_bytes());
            flat.ends.push(flat.bytes.len() as u32);
        }
        flat
    }

    /// How many names hold the (one-word, ASCII) query, as the filter's match of one word.
    fn count(&self, query: &str) -> usize {
        let finder = memchr::memmem::Finder::new(query.trim());
        let mut start = 0usize;
        let mut count = 0;
        for &end in &self.ends {
            let name = &self.bytes[start..end as usize];
            count += usize::from(finder.find(name).is_some());
            start = end as usize;
        }
        count
    }
}
