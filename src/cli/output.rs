//! Standard output and standard error for the subcommands.
//!
//! Every report goes through `Report`, never `println!` (which panics when the reader has gone,
//! `| head`, or the disk is full, `> /dev/full`): a failed write becomes an `OutputFailed`, and
//! the command ends with a message on standard error and exit code `EXIT_OUTPUT`. A command
//! that had already saved says so in that message, so that nobody runs it again.

use std::fmt::Display;
use std::io::{self, BufWriter, StdoutLock, Write};

use serde::Serialize;

/// The exit code when the report could not be written (README, "Command line").
pub const EXIT_OUTPUT: u8 = 3;

/// Standard output could not take the report.
#[derive(Debug)]
pub struct OutputFailed {
    source: io::Error,
    /// What the command had done by then ("imported 3 prospect(s) into p.json").
    done: Option<String>,
}

impl OutputFailed {
    fn new(source: io::Error) -> OutputFailed {
        OutputFailed { source, done: None }
    }

    /// Says what the command had already done (and saved) when the report failed.
    pub fn after(mut self, done: impl Into<String>) -> OutputFailed {
        self.done = Some(done.into());
        self
    }

    /// The `OutputFailed` somewhere in an error's chain, also inside an `io::Error` that a
    /// `Report` handed to other writers (`write!`, a CSV writer).
    pub fn find(error: &anyhow::Error) -> Option<&OutputFailed> {
        error.chain().find_map(|cause| {
            cause
                .downcast_ref::<OutputFailed>()
                .or_else(|| cause.downcast_ref::<io::Error>()?.get_ref()?.downcast_ref::<OutputFailed>())
        })
    }
}

impl Display for OutputFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let reason = match self.source.kind() {
            io::ErrorKind::BrokenPipe => "broken pipe (the reader stopped reading)".to_string(),
            io::ErrorKind::StorageFull => "no space left on the device".to_string(),
            _ => self.source.to_string(),
        };
        match &self.done {
            Some(done) => write!(f, "{done}; could not write the report to standard output: {reason}"),
            None => write!(f, "could not write to standard output: {reason}"),
        }
    }
}

impl std::error::Error for OutputFailed {}

/// A command's report on standard output.
pub struct Report {
    out: BufWriter<StdoutLock<'static>>,
}

impl Default for Report {
    fn default() -> Report {
        Report::new()
    }
}

impl Report {
    pub fn new() -> Report {
        Report { out: BufWriter::new(io::stdout().lock()) }
    }

    /// One line of text.
    pub fn line(&mut self, text: impl Display) -> Result<(), OutputFailed> {
        writeln!(self.out, "{text}").map_err(OutputFailed::new)
    }

    /// Bytes as they are.
    pub fn bytes(&mut self, bytes: &[u8]) -> Result<(), OutputFailed> {
        self.out.write_all(bytes).map_err(OutputFailed::new)
    }

    /// A value as indented JSON and a line break.
    pub fn json(&mut self, value: &impl Serialize) -> Result<(), OutputFailed> {
        serde_json::to_writer_pretty(&mut self.out, value).map_err(|e| OutputFailed::new(e.into()))?;
        self.line("")
    }

    /// Writes out what is buffered: the report is complete only once this succeeds.
    pub fn finish(mut self) -> Result<(), OutputFailed> {
        self.out.flush().map_err(OutputFailed::new)
    }
}

/// For writers that take `io::Write`: their errors carry the `OutputFailed` inside.
impl Write for Report {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf).map_err(|e| io::Error::new(e.kind(), OutputFailed::new(e)))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush().map_err(|e| io::Error::new(e.kind(), OutputFailed::new(e)))
    }
}

/// A line on standard error that never panics, even when standard error is closed too.
pub fn note(text: impl Display) {
    let _ = writeln!(io::stderr(), "{text}");
}
