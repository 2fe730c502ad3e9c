//! Crash safety of the store, with real processes and real SIGKILLs:
//!
//! - `dealdesk import` of a one-row CSV, each a full save of a store of 400
//!   prospects, killed at random moments hundreds of times: after every kill the store loads
//!   and holds either the state before that import or the state after it, never anything else;
//! - a process holding the store's lock is killed: the kernel releases the lock, and the next
//!   `Store::open` succeeds without any stale-lock cleanup.
#![cfg(unix)]

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::sandbox::Sandbox;
use dealdesk::domain::prospect::Prospect;
use dealdesk::store::{self, Store, StoreError, atomic};
use dealdesk::synth;

/// How many kills the crash test makes, at least.
const KILLS: usize = 200;

/// `dealdesk import FILE --store STORE` in the sandbox, started, not waited for.
fn spawn_import(sandbox: &Sandbox, csv: &Path, store: &Path) -> Child {
    let (csv, store) = (csv.display().to_string(), store.display().to_string());
    sandbox
        .command(&["import", &csv, "--store", &store])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dealdesk starts")
}

/// A small deterministic generator for the kill delays (no RNG crate needed).
struct Delays(u64);

impl Delays {
    fn next_fraction(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn load(path: &Path) -> Vec<Prospect> {
    match store::load(path) {
        Ok(prospects) => prospects,
        Err(e) => panic!("the store no longer loads after a kill: {e}"),
    }
}

#[test]
fn a_store_killed_during_saves_always_holds_the_previous_or_the_new_state() {
    let sandbox = Sandbox::new();
    let path = sandbox.path("portfolio.json");
    store::write_new(&path, &synth::portfolio(400, 9)).expect("a store");
    let csv = sandbox.path("one.csv");
    // A new name each round: importing a prospect already there changes nothing and saves
    // nothing, and every round must save.
    let one = |name: &str| fs::write(&csv, format!("name;annual_volume;dbt_days\n{name};125.000;12\n"));
    one("Kill Test NV").expect("a CSV");

    // How long one import takes here, so that kills spread over its whole run.
    let started = Instant::now();
    let status = spawn_import(&sandbox, &csv, &path).wait().expect("import ran");
    assert!(status.success(), "a plain import fails: {status:?}");
    let run = started.elapsed();

    let mut delays = Delays(0x2545_F491_4F6C_DD1D);
    let mut before = load(&path);
    let (mut killed, mut killed_in_save, mut completed, mut kept_old, mut got_new) = (0, 0, 0, 0, 0);
    for round in 0..KILLS {
        one(&format!("Kill Test {round} NV")).expect("a CSV");
        let mut child = spawn_import(&sandbox, &csv, &path);
        if round.is_multiple_of(2) {
            // Anywhere in the run: start-up, reading, parsing, encoding, writing.
            std::thread::sleep(run.mul_f64(1.2 * delays.next_fraction()));
        } else {
            // Inside the save: once its temporary file exists, within the next few milliseconds
            // (writing, syncing, keeping the backup, renaming).
            let deadline = Instant::now() + run * 3;
            while !has_temporary(sandbox.root()) && Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_micros(50));
            }
            std::thread::sleep(Duration::from_micros((delays.next_fraction() * 4_000.0) as u64));
        }
        let in_save = has_temporary(sandbox.root());
        let _ = child.kill();
        let status = child.wait().expect("the import was reaped");
        if status.success() {
            completed += 1;
        } else {
            killed += 1;
            killed_in_save += usize::from(in_save);
        }
        // What a killed save leaves is garbage nobody reads; clear it so the next round can
        // see its own temporary file appear.
        remove_temporaries(sandbox.root());
        let after = load(&path);
        if after == before {
            kept_old += 1;
        } else {
            assert_eq!(after.len(), before.len() + 1, "round {round}: neither the old nor the new state");
            assert_eq!(after[..before.len()], before[..], "round {round}: earlier prospects changed");
            assert_eq!(after[before.len()].name, format!("Kill Test {round} NV"), "round {round}");
            got_new += 1;
        }
        let backup = atomic::backup_path(&path);
        if backup.exists() {
            assert!(store::load(&backup).is_ok(), "round {round}: the backup does not load");
        }
        before = after;
    }
    eprintln!(
        "{KILLS} kills over imports of ~{} ms: {killed} died before finishing ({killed_in_save} of \
         them inside the save, its temporary file written), {completed} had finished; the store \
         kept the old state {kept_old} times and had the new one {got_new} times",
        run.as_millis()
    );
    assert!(killed >= KILLS / 4, "too few kills landed during an import ({killed} of {KILLS})");
    assert!(killed_in_save >= KILLS / 20, "too few kills landed inside a save ({killed_in_save})");

    // After all those kills, nobody holds the lock and a normal import still works.
    one("Kill Test After NV").expect("a CSV");
    let status = spawn_import(&sandbox, &csv, &path).wait().expect("import ran");
    assert!(status.success(), "an import after the kills fails: {status:?}");
    assert_eq!(load(&path).len(), before.len() + 1);
}

/// The temporary files of saves in a folder (`.portfolio.json.XXXX.tmp`, `….bak.tmp`).
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tmp"))
                .collect()
        })
        .unwrap_or_default()
}

fn has_temporary(dir: &Path) -> bool {
    !temporaries(dir).is_empty()
}

fn remove_temporaries(dir: &Path) {
    for path in temporaries(dir) {
        let _ = fs::remove_file(path);
    }
}

/// Run as a child process by the test below: takes the lock, says so, and waits to be killed.
#[test]
#[ignore = "a helper: run by lock_is_released_when_its_process_is_killed"]
fn hold_the_lock_until_killed() {
    let Some(path) = std::env::var_os("DEALDESK_HOLD_LOCK") else { return };
    let (_store, _) = Store::open(Path::new(&path), "the lock-holding test process").expect("lock taken");
    println!("locked");
    std::thread::sleep(Duration::from_secs(120));
}

#[test]
fn lock_is_released_when_its_process_is_killed() {
    let sandbox = Sandbox::new();
    let path = sandbox.path("portfolio.json");
    store::write_new(&path, &synth::portfolio(10, 3)).expect("a store");
    let mut holder = Command::new(std::env::current_exe().expect("this test binary"))
        .args(["--exact", "hold_the_lock_until_killed", "--ignored", "--nocapture", "--test-threads=1"])
        .env("DEALDESK_HOLD_LOCK", &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the helper starts");
    let stdout = holder.stdout.take().expect("the helper's output");
    let said_locked =
        BufReader::new(stdout).lines().map_while(Result::ok).any(|line| line.contains("locked"));
    assert!(said_locked, "the helper never took the lock");

    match Store::open(&path, "this test") {
        Err(StoreError::Locked { holder, .. }) => assert!(holder.contains("lock-holding"), "{holder}"),
        other => panic!("the lock should be held by the helper, got {other:?}"),
    }
    holder.kill().expect("SIGKILL sent");
    holder.wait().expect("the helper was reaped");

    let (store, prospects) = Store::open(&path, "this test").expect("the lock was released by the kernel");
    assert_eq!(prospects.len(), 10);
    drop(store);
}
