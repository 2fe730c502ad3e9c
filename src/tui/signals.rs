//! Signals must not leave the terminal raw. SIGTERM, SIGHUP and SIGINT end the desk as a
//! panic would, with the terminal restored; SIGTSTP (and Ctrl-Z, which raw mode delivers as a
//! key rather than a signal) suspends it with the terminal restored, and it takes the terminal
//! back when continued. The handler only queues a message on the desk's channel (signal-hook's
//! iterator thread); the event loop acts on it.

use std::io;
use std::sync::mpsc::Sender;
use std::thread;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture, KeyCode, KeyEvent, KeyModifiers};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::{Handle, Signals};

use super::app::Msg;

/// What a signal asks of the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// Stop for now (SIGTSTP, Ctrl-Z): `fg` continues.
    Suspend,
    /// End (SIGTERM, SIGHUP, SIGINT): the signal's number.
    End(i32),
}

/// The desk ended because of a signal; the process exits with 128 + its number, as a shell
/// reports a program the signal ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndedBy(pub i32);

impl EndedBy {
    pub fn exit_code(self) -> u8 {
        u8::try_from(128 + self.0).unwrap_or(u8::MAX)
    }
}

impl std::fmt::Display for EndedBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = signal_hook::low_level::signal_name(self.0).unwrap_or("a signal");
        write!(f, "ended by {name}; the terminal was restored")
    }
}

impl std::error::Error for EndedBy {}

/// Listens for the signals while it lives; each becomes a `Msg::Signal` on `tx`.
pub struct Listener {
    handle: Handle,
}

impl Listener {
    pub fn start(tx: Sender<Msg>) -> io::Result<Listener> {
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP])?;
        let handle = signals.handle();
        thread::spawn(move || {
            for signal in signals.forever() {
                let request = if signal == SIGTSTP { Request::Suspend } else { Request::End(signal) };
                if tx.send(Msg::Signal(request)).is_err() {
                    break;
                }
            }
        });
        Ok(Listener { handle })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.handle.close();
    }
}

/// Ctrl-Z as raw mode delivers it: a key.
pub fn is_suspend_key(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('z' | 'Z'))
}

/// Gives the terminal back as the shell had it: mouse reporting off, cursor shown, main
/// screen, cooked mode.
pub fn release_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, Show);
    ratatui::restore();
}

/// Stops the process with the terminal restored; once continued (`fg`), takes the terminal
/// back and makes the next draw repaint everything.
pub fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    release_terminal();
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, Clear(ClearType::All))?;
    // Both buffers blank: the next draw paints every cell. (`Terminal::clear` would ask the
    // terminal for the cursor position, which the input thread's reader would swallow.)
    terminal.swap_buffers();
    Ok(())
}
