//! Writes a generated portfolio as a store file, for benchmarks and start-up measurements:
//!
//! ```text
//! cargo run --release --example generate -- 100000 /tmp/p100k.json [SEED]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(path)) =
        (args.first().and_then(|c| c.replace('_', "").parse::<usize>().ok()), args.get(1))
    else {
        eprintln!("usage: generate COUNT PATH [SEED]   e.g. generate 100000 /tmp/p100k.json");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let path = PathBuf::from(path);
    let started = Instant::now();
    let prospects = dealdesk::synth::portfolio(count, seed);
    let generated = started.elapsed();
    if let Err(e) = dealdesk::store::write_new(&path, &prospects) {
        eprintln!("generate: {e}");
        return ExitCode::FAILURE;
    }
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "{count} prospects (seed {seed}) generated in {:.2} s, written to {} ({:.1} MB) in {:.2} s",
        generated.as_secs_f64(),
        path.display(),
        bytes as f64 / 1e6,
        (started.elapsed() - generated).as_secs_f64()
    );
    ExitCode::SUCCESS
}
