//! What the benchmarks share: criterion's settings, size labels, and the closing table that
//! puts every figure beside its floor and the target, read from the estimates that
//! criterion wrote in this same run.

use std::path::PathBuf;
use std::time::SystemTime;

use criterion::Criterion;

/// The program's allocator (see `src/main.rs`), so that each figure is the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Criterion with short warm-ups: the slow cases set their own sample counts.
pub fn criterion() -> Criterion {
    Criterion::default().warm_up_time(std::time::Duration::from_secs(1))
}

/// `1k`, `100k`, `1M`: the sizes as the issue writes them.
pub fn label(n: usize) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

/// Criterion's options that take a value (so that the value is not taken for a filter).
const VALUE_OPTIONS: &[&str] = &[
    "--profile-time",
    "--save-baseline",
    "--baseline",
    "--baseline-lenient",
    "--load-baseline",
    "--sample-size",
    "--warm-up-time",
    "--measurement-time",
    "--nresamples",
    "--noise-threshold",
    "--confidence-level",
    "--significance-level",
    "--plotting-backend",
    "--output-format",
    "--color",
    "--format",
];

/// Whether a group may run under the filter given on the command line (criterion applies the
/// filter itself; this only skips the costly set-up of groups it would skip anyway).
pub fn wanted(group: &str) -> bool {
    let mut filters = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if VALUE_OPTIONS.contains(&arg.as_str()) {
            args.next();
        } else if !arg.starts_with('-') {
            filters.push(arg);
        }
    }
    // A filter that names a group (`filter`, `edit/commit`) selects it; any other pattern may
    // match anywhere, so every group is set up.
    const GROUPS: [&str; 5] = ["load", "filter", "render", "edit", "save"];
    filters.is_empty()
        || filters.iter().any(|f| {
            let head = f.split('/').next().unwrap_or_default();
            head == group || !GROUPS.contains(&head)
        })
}

enum Goal {
    /// The figure over its floor must not exceed this.
    Ratio(f64),
    /// The figure must not exceed this many seconds.
    Seconds(f64),
    None,
}

/// One line of the closing table.
pub struct Target {
    name: String,
    figure: String,
    floor: Option<String>,
    goal: Goal,
}

impl Target {
    fn new(name: impl Into<String>, figure: impl Into<String>, floor: Option<String>, goal: Goal) -> Target {
        Target { name: name.into(), figure: figure.into(), floor, goal }
    }

    pub fn ratio(
        name: impl Into<String>,
        figure: impl Into<String>,
        floor: impl Into<String>,
        max: f64,
    ) -> Target {
        Target::new(name, figure, Some(floor.into()), Goal::Ratio(max))
    }

    pub fn absolute(
        name: impl Into<String>,
        figure: impl Into<String>,
        floor: impl Into<String>,
        seconds: f64,
    ) -> Target {
        Target::within(name, figure, floor, Some(seconds))
    }

    /// A figure beside its floor, with no target of its own.
    pub fn versus(name: impl Into<String>, figure: impl Into<String>, floor: impl Into<String>) -> Target {
        Target::within(name, figure, floor, None)
    }

    /// A figure beside its floor, held to `seconds` when given.
    pub fn within(
        name: impl Into<String>,
        figure: impl Into<String>,
        floor: impl Into<String>,
        seconds: Option<f64>,
    ) -> Target {
        Target::new(name, figure, Some(floor.into()), seconds.map_or(Goal::None, Goal::Seconds))
    }

    pub fn info(name: impl Into<String>, figure: impl Into<String>) -> Target {
        Target::new(name, figure, None, Goal::None)
    }
}

/// Where criterion writes, found as criterion itself finds it when run by `cargo bench`.
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join("criterion")
}

/// The median of a benchmark in seconds, if it ran in this run (after `since`).
fn median(id: &str, since: SystemTime) -> Option<f64> {
    let path = criterion_home().join(id).join("new").join("estimates.json");
    let fresh = std::fs::metadata(&path).and_then(|m| m.modified()).is_ok_and(|t| t >= since);
    if !fresh {
        return None;
    }
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
    json["median"]["point_estimate"].as_f64().map(|ns| ns / 1e9)
}

fn show(seconds: Option<f64>) -> String {
    match seconds {
        None => "—".into(),
        Some(s) if s >= 1.0 => format!("{s:.2} s"),
        Some(s) if s >= 1e-3 => format!("{:.2} ms", s * 1e3),
        Some(s) => format!("{:.1} µs", s * 1e6),
    }
}

/// Prints the table of every target that ran in this run.
pub fn report(since: SystemTime, targets: &[Target]) {
    println!("\n| figure | median | floor | × floor | target | met |");
    println!("|---|---:|---:|---:|---|---|");
    for t in targets {
        let figure = median(&t.figure, since);
        if figure.is_none() {
            continue;
        }
        let floor = t.floor.as_deref().and_then(|f| median(f, since));
        let ratio = figure.zip(floor).map(|(a, b)| a / b);
        let (goal, met) = match t.goal {
            Goal::Ratio(max) => (format!("≤ {max}× floor"), ratio.map(|r| r <= max)),
            Goal::Seconds(max) => (format!("≤ {}", show(Some(max))), figure.map(|s| s <= max)),
            Goal::None => (String::new(), None),
        };
        let met = match met {
            Some(true) => "met".to_string(),
            Some(false) => match (t.goal.seconds(), figure, ratio) {
                (Some(max), Some(s), _) => format!("**missed** ({:.1}× over)", s / max),
                (None, _, Some(r)) => format!("**missed** ({r:.2}×)"),
                _ => "**missed**".into(),
            },
            None => String::new(),
        };
        let ratio = ratio.map_or(String::new(), |r| format!("{r:.2}"));
        println!("| {} | {} | {} | {ratio} | {goal} | {met} |", t.name, show(figure), show(floor));
    }
}

impl Goal {
    fn seconds(&self) -> Option<f64> {
        match self {
            Goal::Seconds(s) => Some(*s),
            _ => None,
        }
    }
}
