//! The real `dealdesk` binary run on files in a temporary folder with a HOME and XDG folders of
//! its own and a fixed date, for the hardening tests.
//!
//! `DEALDESK_BIN=/path/to/dealdesk` runs these tests against another build (for instance the
//! one before a fix, to see that each test fails there).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use dealdesk::domain::prospect::Prospect;
use dealdesk::store;

pub const AS_OF: &str = "2026-11-28";

/// The binary under test.
pub fn binary() -> PathBuf {
    std::env::var_os("DEALDESK_BIN")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_dealdesk")), PathBuf::from)
}

/// What a run did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn from(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Both streams, for assertions on a message whose stream does not matter.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    pub fn ok(self) -> Run {
        assert_eq!(self.code, Some(0), "{}", self.all());
        self
    }

    /// Asserts that the run said `text` on one of its streams.
    pub fn says(&self, text: &str) -> &Run {
        assert!(self.all().contains(text), "no {text:?} in:\n{}", self.all());
        self
    }
}

pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Default for Sandbox {
    fn default() -> Sandbox {
        Sandbox::new()
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for sub in ["home", "data", "config"] {
            fs::create_dir_all(dir.path().join(sub)).expect("a folder");
        }
        Sandbox { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, bytes).expect("write a test file");
        path
    }

    /// A store of prospects with these ids and names.
    pub fn store(&self, name: &str, prospects: &[(u64, &str)]) -> PathBuf {
        let path = self.path(name);
        let prospects: Vec<Prospect> =
            prospects.iter().map(|&(id, name)| Prospect { id, ..Prospect::named(name) }).collect();
        store::write_new(&path, &prospects).expect("a store");
        path
    }

    /// `dealdesk ARGS --as-of AS_OF`, its environment in the sandbox.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(binary());
        command
            .args(args)
            .args(["--as-of", AS_OF])
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .stdin(Stdio::null());
        command
    }

    /// `command` started with both outputs captured, not waited for.
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        self.command(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("dealdesk starts")
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().expect("dealdesk runs"))
    }

    /// A CSV of one prospect, to import.
    pub fn one_row_csv(&self, name: &str) -> PathBuf {
        self.write(&format!("{name}.csv"), format!("name,dbt_days\n{name},5\n").as_bytes())
    }
}

/// A path as a command-line argument.
pub fn arg(path: &Path) -> String {
    path.display().to_string()
}

pub fn running_as_root() -> bool {
    // SAFETY: geteuid only reads the process's credentials.
    unsafe { libc::geteuid() == 0 }
}

/// The names in a store, read through the library (which checks it).
pub fn names(path: &Path) -> Vec<String> {
    store::load(path).expect("the store loads").into_iter().map(|p| p.name).collect()
}

/// Waits for a child at most `seconds`; kills it and fails the test if it hangs.
pub fn wait_or_kill(mut child: std::process::Child, seconds: u64, what: &str) -> Run {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            return Run::from(child.wait_with_output().expect("the output"));
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} still ran after {seconds} s: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
