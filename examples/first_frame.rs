//! Measures the real desk in a pseudo-terminal, as a person sees it: the time from starting the
//! process to its first screen and to the complete portfolio, its peak and settled resident
//! memory, and, optionally, how long a keystroke takes while a save runs. Driven by
//! `scripts/first-frame.sh`; run by hand as
//!
//! ```text
//! cargo run --release --example first_frame -- BINARY STORE COUNT RUNS [--save-probe]
//! ```
//!
//! The screen is parsed with a terminal emulator (vt100): "first screen" is the first moment
//! the title line shows, "progress shown" the first with "reading n %…" in it, "first rows" the
//! first whose filter line counts rows ("k of k", k > 0), and "complete" the first moment the
//! filter line shows `COUNT of COUNT`.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// Longest wait for any one screen state (a million prospects on a loaded machine).
const DEADLINE: Duration = Duration::from_secs(180);

/// One run's figures, in seconds and kilobytes.
#[derive(Debug, Default, Clone)]
struct Figures {
    first_screen: f64,
    /// The first screen that shows a progress figure ("reading n %…"), if the desk shows one.
    progress: Option<f64>,
    /// The first screen with rows in the table ("k of k" with k > 0).
    first_rows: Option<f64>,
    complete: Option<f64>,
    peak_kb: u64,
    settled_kb: u64,
    /// From pressing `y` (delete) to "saving…" on screen: the input path before the save.
    commit: Option<f64>,
    /// A key typed while the save runs, until the screen shows it.
    key_during_save: Option<f64>,
    /// Whether the save was still running when that key showed.
    key_before_saved: Option<bool>,
    /// A letter typed into the name filter while the save runs, until the screen shows it.
    filter_during_save: Option<f64>,
    filter_before_saved: Option<bool>,
    /// From "saving…" to "✓ saved".
    save: Option<f64>,
}

/// The desk in a pseudo-terminal, with the screen as the emulator sees it after each read.
struct Desk {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screens: Receiver<(Instant, String)>,
    screen: String,
    _master: Box<dyn MasterPty + Send>,
}

impl Desk {
    fn start(binary: &Path, store: &Path, home: &Path) -> (Desk, Instant) {
        let size = PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 };
        let pair = native_pty_system().openpty(size).expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(binary);
        cmd.arg("--store");
        cmd.arg(store);
        cmd.args(["--as-of", "2026-11-28"]);
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("TERM", "xterm-256color");
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (tx, screens) = mpsc::channel();
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("the desk starts");
        drop(pair.slave);
        thread::spawn(move || {
            let rows = NonZeroU16::new(ROWS).expect("rows");
            let cols = NonZeroU16::new(COLS).expect("columns");
            let mut parser = vt100::Parser::new(rows, cols, 0);
            let mut buf = vec![0u8; 1 << 16];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let at = Instant::now();
                parser.process(&buf[..n]);
                if tx.send((at, parser.screen().contents())).is_err() {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        (Desk { child, writer, screens, screen: String::new(), _master: pair.master }, started)
    }

    /// Waits until the screen holds `text`; the moment the output that showed it was read.
    fn wait_for(&mut self, text: &str) -> Option<Instant> {
        self.wait_until(text, &mut |screen, _| screen.contains(text))
    }

    /// Waits until `done` holds for the screen; `done` also sees every screen on the way, with
    /// the moment it was read. `what` names the wait in the error.
    fn wait_until(&mut self, what: &str, done: &mut dyn FnMut(&str, Instant) -> bool) -> Option<Instant> {
        let now = Instant::now();
        if done(&self.screen, now) {
            return Some(now);
        }
        let deadline = Instant::now() + DEADLINE;
        while let Ok((at, screen)) =
            self.screens.recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.screen = screen;
            if done(&self.screen, at) {
                return Some(at);
            }
        }
        eprintln!("never saw {what:?}; the screen was:\n{}", self.screen);
        None
    }

    fn send(&mut self, keys: &str) -> Instant {
        self.writer.write_all(keys.as_bytes()).and_then(|()| self.writer.flush()).expect("keys sent");
        Instant::now()
    }

    /// Peak and current resident memory of the desk, in kB, from /proc.
    fn memory(&self) -> (u64, u64) {
        let Some(pid) = self.child.process_id() else { return (0, 0) };
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
        };
        (field("VmHWM:"), field("VmRSS:"))
    }

    /// Quits (answering the unsaved-changes question if asked), or kills after a while.
    fn quit(mut self) {
        self.send("\x1b");
        thread::sleep(Duration::from_millis(50));
        self.send("q");
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            if let Ok((_, screen)) = self.screens.recv_timeout(Duration::from_millis(50))
                && screen.contains("Quit anyway")
            {
                self.send("y");
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn run_once(binary: &Path, store: &Path, count: Option<usize>, save_probe: bool) -> Option<Figures> {
    let home = tempfile::tempdir().expect("a temporary home");
    let (mut desk, started) = Desk::start(binary, store, home.path());
    let since = |t: Instant| t.duration_since(started).as_secs_f64();
    let mut f = Figures { first_screen: since(desk.wait_for(" dealdesk ")?), ..Figures::default() };
    if let Some(n) = count {
        let complete = format!("{n} of {n}");
        let (mut progress, mut first_rows) = (None, None);
        let done = desk.wait_until(&complete, &mut |screen, at| {
            if progress.is_none() && screen.contains("reading ") {
                progress = Some(at);
            }
            if first_rows.is_none() && rows_shown(screen) {
                first_rows = Some(at);
            }
            screen.contains(&complete)
        })?;
        f.complete = Some(since(done));
        f.progress = progress.map(since);
        f.first_rows = first_rows.map(since);
    }
    thread::sleep(Duration::from_millis(300));
    (f.peak_kb, f.settled_kb) = desk.memory();
    if save_probe {
        desk.send("d");
        desk.wait_for("(u undoes it)")?;
        let pressed = desk.send("y");
        let saving = desk.wait_for("saving…")?;
        f.commit = Some(saving.duration_since(pressed).as_secs_f64());
        // A cheap key (the help overlay), then a letter typed into the name filter.
        let typed = desk.send("?");
        let shown = desk.wait_for(" Keys: ")?;
        f.key_during_save = Some(shown.duration_since(typed).as_secs_f64());
        f.key_before_saved = Some(!desk.screen.contains("✓ saved"));
        desk.send("?");
        desk.send("/");
        desk.wait_for(" keep ")?;
        let typed = desk.send("x");
        let shown = desk.wait_for(" / x")?;
        f.filter_during_save = Some(shown.duration_since(typed).as_secs_f64());
        f.filter_before_saved = Some(!desk.screen.contains("✓ saved"));
        let saved = desk.wait_for("✓ saved")?;
        f.save = Some(saved.duration_since(saving).as_secs_f64());
    }
    desk.quit();
    Some(f)
}

/// Whether the filter line counts some rows: "k of n" with k > 0.
fn rows_shown(screen: &str) -> bool {
    screen.match_indices(" of ").any(|(at, _)| {
        let before: String = screen[..at].chars().rev().take_while(char::is_ascii_digit).collect();
        before.chars().any(|c| c != '0')
    })
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    Some(values[values.len() / 2])
}

fn ms(v: Option<f64>) -> String {
    v.map_or("—".into(), |s| format!("{:.0} ms", s * 1e3))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        eprintln!(
            "usage: first_frame BINARY STORE COUNT RUNS [--save-probe]   (COUNT 0: do not wait for rows)"
        );
        return ExitCode::from(2);
    }
    // An absolute path: a bare or relative name would be looked up in PATH.
    let binary = std::fs::canonicalize(&args[0]).unwrap_or_else(|_| PathBuf::from(&args[0]));
    let store = PathBuf::from(&args[1]);
    let count = args[2].parse::<usize>().ok().filter(|&n| n > 0);
    let runs: usize = args[3].parse().unwrap_or(3);
    let save_probe = args.iter().any(|a| a == "--save-probe");
    let mut all = Vec::new();
    for run in 1..=runs {
        // The save probe deletes a prospect: work on a copy so every run starts alike.
        let copy = tempfile::tempdir().expect("a temporary folder");
        let path = if save_probe {
            let path = copy.path().join("portfolio.json");
            std::fs::copy(&store, &path).expect("store copied");
            path
        } else {
            store.clone()
        };
        match run_once(&binary, &path, count, save_probe) {
            Some(f) => {
                eprintln!(
                    "run {run}: first screen {}, progress shown {}, first rows {}, complete {}, peak {} MB, \
                     settled {} MB{}",
                    ms(Some(f.first_screen)),
                    ms(f.progress),
                    ms(f.first_rows),
                    ms(f.complete),
                    f.peak_kb / 1024,
                    f.settled_kb / 1024,
                    if save_probe {
                        format!(
                            ", y→saving… {}, saving…→saved {}, help key during save {} (save still \
                             running: {:?}), filter letter during save {} (save still running: {:?})",
                            ms(f.commit),
                            ms(f.save),
                            ms(f.key_during_save),
                            f.key_before_saved,
                            ms(f.filter_during_save),
                            f.filter_before_saved
                        )
                    } else {
                        String::new()
                    }
                );
                all.push(f);
            }
            None => {
                eprintln!("run {run}: failed");
                return ExitCode::FAILURE;
            }
        }
    }
    let pick = |get: &dyn Fn(&Figures) -> Option<f64>| median(all.iter().filter_map(get).collect());
    let mb = |get: &dyn Fn(&Figures) -> u64| pick(&|f| Some(get(f) as f64 / 1024.0));
    println!(
        "{} | runs {runs} | first screen {} | progress shown {} | first rows {} | complete {} | peak RSS {:.0} MB \
         | settled RSS {:.0} MB{}",
        store.display(),
        ms(pick(&|f| Some(f.first_screen))),
        ms(pick(&|f| f.progress)),
        ms(pick(&|f| f.first_rows)),
        ms(pick(&|f| f.complete)),
        mb(&|f| f.peak_kb).unwrap_or(0.0),
        mb(&|f| f.settled_kb).unwrap_or(0.0),
        if save_probe {
            format!(
                " | y→saving… {} | saving…→saved {} | help key during save {} | filter letter during save {}",
                ms(pick(&|f| f.commit)),
                ms(pick(&|f| f.save)),
                ms(pick(&|f| f.key_during_save)),
                ms(pick(&|f| f.filter_during_save))
            )
        } else {
            String::new()
        }
    );
    ExitCode::SUCCESS
}
