//! A small harness that runs the real `dealdesk` binary in a pseudo-terminal, types real
//! keystrokes into it and reads the screen back through a terminal emulator (vt100).
//!
//! Every wait polls the *parsed* screen until the expected state shows or a deadline passes, then
//! fails with the whole screen printed: ratatui redraws only the cells that changed, so the byte
//! stream says little, and a fixed sleep is either too short under load or wastes time.
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub use super::sandbox::Sandbox;

/// How long any screen state may take to show, generous enough for a loaded machine.
pub const DEADLINE: Duration = Duration::from_secs(10);

/// How often the screen is polled.
const POLL: Duration = Duration::from_millis(20);

/// A special key, as a terminal sends it.
#[derive(Debug, Clone, Copy)]
pub enum Key {
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    PageUp,
    PageDown,
    Backspace,
    End,
    F1,
    F5,
    CtrlC,
    CtrlS,
    CtrlD,
    CtrlT,
    CtrlU,
}

impl Key {
    pub fn bytes(self) -> &'static str {
        match self {
            Key::Enter => "\r",
            Key::Esc => "\x1b",
            Key::Tab => "\t",
            Key::BackTab => "\x1b[Z",
            Key::Up => "\x1b[A",
            Key::Down => "\x1b[B",
            Key::PageUp => "\x1b[5~",
            Key::PageDown => "\x1b[6~",
            Key::Backspace => "\x7f",
            Key::End => "\x1b[F",
            Key::F1 => "\x1bOP",
            Key::F5 => "\x1b[15~",
            Key::CtrlC => "\x03",
            Key::CtrlS => "\x13",
            Key::CtrlD => "\x04",
            Key::CtrlT => "\x14",
            Key::CtrlU => "\x15",
        }
    }
}

/// The desk running in a pseudo-terminal.
pub struct Desk {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Set by the reader thread when the terminal's output ended (the desk exited).
    closed: Arc<AtomicBool>,
    /// Bytes of output so far: only to know that the desk drew *something* (see `wait_drawn_since`).
    output: Arc<AtomicUsize>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    status: Option<ExitStatus>,
}

impl Desk {
    /// Starts `dealdesk ARGS` in a 100×30 terminal.
    pub fn start(sandbox: &Sandbox, args: &[&str]) -> Desk {
        Desk::start_with(sandbox, args, (100, 30), &[])
    }

    /// Starts `dealdesk ARGS` in a terminal of `(columns, rows)` with extra environment.
    pub fn start_with(
        sandbox: &Sandbox,
        args: &[&str],
        (cols, rows): (u16, u16),
        env: &[(&str, &str)],
    ) -> Desk {
        Desk::start_through(sandbox, &[], args, (cols, rows), env)
    }

    /// Starts `WRAPPER… dealdesk ARGS` (e.g. `setpriv --reuid=… dealdesk`). `DEALDESK_BIN`
    /// replaces the binary under test, as in `tests/sandbox`.
    pub fn start_through(
        sandbox: &Sandbox,
        wrapper: &[&str],
        args: &[&str],
        (cols, rows): (u16, u16),
        env: &[(&str, &str)],
    ) -> Desk {
        let pair = native_pty_system().openpty(size(cols, rows)).expect("open a pseudo-terminal");
        let binary = std::env::var("DEALDESK_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_dealdesk").into());
        let mut cmd = match wrapper.split_first() {
            Some((program, rest)) => {
                let mut cmd = CommandBuilder::new(program);
                cmd.args(rest);
                cmd.arg(&binary);
                cmd
            }
            None => CommandBuilder::new(&binary),
        };
        cmd.args(args);
        cmd.cwd(sandbox.root());
        for (key, value) in sandbox.env() {
            cmd.env(key, value);
        }
        for key in ["DEALDESK_TEST_PANIC", "COLORTERM", "USERNAME"] {
            cmd.env_remove(key);
        }
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn dealdesk");
        // Only the child may hold the terminal's other end, so that its exit ends the output.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(nonzero(rows), nonzero(cols), 0)));
        let closed = Arc::new(AtomicBool::new(false));
        let output = Arc::new(AtomicUsize::new(0));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (feed, done, count) = (Arc::clone(&parser), Arc::clone(&closed), Arc::clone(&output));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                lock(&feed).process(&buf[..n]);
                count.fetch_add(n, Ordering::SeqCst);
            }
            done.store(true, Ordering::SeqCst);
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Desk { parser, closed, output, master: pair.master, writer, child, status: None }
    }

    /// Types text (letters arrive as key presses).
    pub fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).and_then(|()| self.writer.flush()).expect("write to the pty");
    }

    pub fn send_key(&mut self, key: Key) {
        self.send(key.bytes());
    }

    /// In the open decision dialog on `name`: `downs` steps down the statuses to `status`, the
    /// note typed, Enter; waits for each step to show and for the decision to be recorded.
    pub fn decide(&mut self, downs: usize, status: &str, note: &str, name: &str) {
        for _ in 0..downs {
            self.send_key(Key::Down);
        }
        let chosen = format!("│ › {status} ");
        self.wait_until(&format!("{status} chosen"), DEADLINE, |s| s.lines().any(|l| l.contains(&chosen)));
        self.send(note);
        self.wait_for(&format!("Note: {note}"), DEADLINE);
        self.send_key(Key::Enter);
        self.wait_for(&format!("Decision recorded for {name}: {status}"), DEADLINE);
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Runs a check against the parsed screen (modes, cursor, …).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.parser).screen())
    }

    /// Waits until `text` is on screen; returns the screen.
    pub fn wait_for(&self, text: &str, deadline: Duration) -> String {
        self.wait_until(&format!("{text:?} on screen"), deadline, |s| s.contains(text))
    }

    /// Waits until the screen's text satisfies `ready`; returns the screen.
    pub fn wait_until(&self, what: &str, deadline: Duration, ready: impl Fn(&str) -> bool) -> String {
        self.wait_until_state(what, deadline, |s| ready(&s.contents()));
        self.screen()
    }

    /// Waits until the parsed terminal (text, modes, cursor) satisfies `ready`. Fails at the
    /// deadline, or at once when the desk has exited without getting there.
    pub fn wait_until_state(&self, what: &str, deadline: Duration, ready: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            let closed = self.closed.load(Ordering::SeqCst);
            if self.with_screen(&ready) {
                return;
            }
            if closed || start.elapsed() > deadline {
                let why = if closed { "the desk exited" } else { "timed out" };
                panic!(
                    "waiting for {what}: {why} after {:?}; the screen:\n{}\n{}",
                    start.elapsed(),
                    framed(&self.screen()),
                    self.with_screen(|s| format!("cursor at {:?}", s.cursor_position()))
                );
            }
            thread::sleep(POLL);
        }
    }

    /// How much the desk has written so far; a mark for `wait_drawn_since`.
    pub fn output_mark(&self) -> usize {
        self.output.load(Ordering::SeqCst)
    }

    /// Waits until the desk writes anything after `mark`. Every frame ratatui draws ends with
    /// the cursor sequence, so this tells that a key was read and handled even on a screen that
    /// does not change (e.g. "terminal too small"). Take the mark once the previous frame is
    /// complete (its cursor state shows), or its tail may count as the new frame.
    pub fn wait_drawn_since(&self, mark: usize, deadline: Duration) {
        let start = Instant::now();
        while self.output_mark() == mark {
            if start.elapsed() > deadline {
                panic!("the desk drew nothing within {deadline:?}:\n{}", framed(&self.screen()));
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for the desk to exit and its last output to be parsed; returns how it ended.
    pub fn wait_exit(&mut self, deadline: Duration) -> ExitStatus {
        let start = Instant::now();
        while self.status.is_none() {
            self.status = self.child.try_wait().expect("child status");
            if self.status.is_none() {
                if start.elapsed() > deadline {
                    panic!(
                        "the desk did not exit within {deadline:?}; the screen:\n{}",
                        framed(&self.screen())
                    );
                }
                thread::sleep(POLL);
            }
        }
        while !self.closed.load(Ordering::SeqCst) && start.elapsed() < deadline {
            thread::sleep(POLL);
        }
        self.status.clone().expect("exit status")
    }

    /// Kills the desk with SIGKILL (no chance to clean up) and reaps it.
    pub fn kill9(&mut self) -> ExitStatus {
        let pid = self.child.process_id().expect("child pid");
        let killed =
            std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().expect("run kill");
        assert!(killed.success(), "kill -9 {pid} failed");
        self.wait_exit(DEADLINE)
    }

    /// Sends a signal by name (`TERM`, `HUP`, `TSTP`, …) to the desk.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("child pid");
        let sent = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -{name} {pid} failed");
    }

    /// The desk's process state letter from /proc (`S` sleeping, `T` stopped), if it runs.
    pub fn process_state(&self) -> Option<char> {
        let pid = self.child.process_id()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        stat.rsplit_once(") ")?.1.chars().next()
    }

    /// Whether the terminal is in the mode a shell expects (canonical input, echo), as
    /// opposed to the raw mode the desk runs in. `None` where it cannot be read.
    pub fn cooked(&self) -> Option<bool> {
        let termios: libc::termios = self.master.get_termios()?.into();
        Some(termios.c_lflag & libc::ICANON != 0 && termios.c_lflag & libc::ECHO != 0)
    }

    /// Resizes the terminal, as a user dragging the window does (the desk gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let mut parser = lock(&self.parser);
        parser.set_size(nonzero(rows), nonzero(cols));
        self.master.resize(size(cols, rows)).expect("resize the pty");
    }
}

impl Drop for Desk {
    /// A failed test must not leave a desk running.
    fn drop(&mut self) {
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal of at least 1×1")
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }
}

/// Locks the parser even if a panicking test poisoned it.
fn lock(parser: &Mutex<vt100::Parser>) -> MutexGuard<'_, vt100::Parser> {
    parser.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The screen between rules, so that blank lines at the end show.
fn framed(screen: &str) -> String {
    let rule = "─".repeat(40);
    format!("{rule}\n{screen}\n{rule}")
}
