//! Finding 9 of issue 15: signals do not leave the terminal raw, on the alternate screen, with
//! mouse tracking on. The real binary runs in a pseudo-terminal; the terminal's state is read
//! back through the emulator (screen, mouse mode) and the pty's own settings (cooked mode).
#![cfg(unix)]

mod common;

use common::pty;

use std::time::Duration;

use pty::{DEADLINE, Desk, Sandbox};

const AS_OF: &str = "2026-11-28";

/// The portfolio is up with every row.
const LOADED: &str = "50 of 50";

fn start(sandbox: &Sandbox) -> Desk {
    let store = sandbox.demo_copy();
    let desk = Desk::start(sandbox, &["--store", store.to_str().expect("a UTF-8 path"), "--as-of", AS_OF]);
    desk.wait_for(LOADED, DEADLINE);
    desk.wait_until_state("mouse capture on", DEADLINE, |s| {
        s.mouse_protocol_mode() != vt100::MouseProtocolMode::None
    });
    desk
}

/// As the shell had it: main screen, cursor shown, no mouse reporting, cooked input.
fn assert_restored(desk: &Desk, after: &str) {
    desk.with_screen(|s| {
        assert!(!s.alternate_screen(), "{after}: still on the alternate screen");
        assert!(!s.hide_cursor(), "{after}: the cursor is still hidden");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "{after}: mouse tracking left on"
        );
    });
    assert_eq!(desk.cooked(), Some(true), "{after}: the terminal is still in raw mode");
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal_and_end_the_desk() {
    // 128 + the signal's number, as a shell reports a program a signal ended.
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let sandbox = Sandbox::new();
        let mut desk = start(&sandbox);
        desk.signal(signal);
        let status = desk.wait_exit(DEADLINE);
        assert_eq!(status.exit_code(), code, "SIG{signal}: {status:?}\n{}", desk.screen());
        assert_restored(&desk, &format!("SIG{signal}"));
        let screen = desk.screen();
        assert!(screen.contains(&format!("ended by SIG{signal}")), "SIG{signal}:\n{screen}");
        assert!(!screen.contains("Enter open"), "SIG{signal}: the desk is still drawn:\n{screen}");
    }
}

#[test]
fn sigtstp_suspends_with_the_terminal_restored_and_sigcont_resumes_cleanly() {
    let sandbox = Sandbox::new();
    let mut desk = start(&sandbox);
    desk.signal("TSTP");
    wait_state(&desk, 'T', "stopped after SIGTSTP");
    assert_restored(&desk, "SIGTSTP");

    desk.signal("CONT");
    // Back on the alternate screen with mouse capture, and every row drawn again.
    desk.wait_until_state("the desk redrawn after SIGCONT", DEADLINE, |s| {
        s.alternate_screen()
            && s.mouse_protocol_mode() != vt100::MouseProtocolMode::None
            && s.contents().contains(LOADED)
    });
    assert_eq!(desk.cooked(), Some(false), "raw mode again after SIGCONT");
    desk.send("j");
    desk.send("q");
    let status = desk.wait_exit(DEADLINE);
    assert!(status.success(), "{status:?}");
    assert_restored(&desk, "q after resuming");
}

#[test]
fn ctrl_z_suspends_too_although_raw_mode_delivers_it_as_a_key() {
    let sandbox = Sandbox::new();
    let mut desk = start(&sandbox);
    desk.send("\x1a");
    wait_state(&desk, 'T', "stopped after Ctrl-Z");
    assert_restored(&desk, "Ctrl-Z");
    desk.signal("CONT");
    desk.wait_until_state("the desk back after fg", DEADLINE, |s| {
        s.alternate_screen() && s.contents().contains(LOADED)
    });
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
}

/// Waits until the desk's process is in `state` (from /proc).
fn wait_state(desk: &Desk, state: char, what: &str) {
    let start = std::time::Instant::now();
    while desk.process_state() != Some(state) {
        assert!(
            start.elapsed() < DEADLINE,
            "not {what}: state {:?}\n{}",
            desk.process_state(),
            desk.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // The terminal was restored before the process stopped; give the reader the last bytes.
    desk.wait_until_state(what, DEADLINE, |s| !s.alternate_screen());
}
