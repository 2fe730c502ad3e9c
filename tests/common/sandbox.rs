//! A sandbox for the real `dealdesk` binary: a temporary folder for stores, files, HOME, the
//! XDG folders and TMPDIR, and a fixed `--as-of`, so that neither today's date nor the user's
//! own files can change a result, and nothing a test runs can reach them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// The day every run is told it is.
pub const AS_OF: &str = "2026-11-28";

/// A temporary home for one test.
pub struct Sandbox {
    dir: TempDir,
}

/// What a run of the binary did.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn ok(self) -> Run {
        assert_eq!(self.code, Some(0), "{}{}", self.stdout, self.stderr);
        self
    }

    pub fn failed(self) -> Run {
        assert!(!matches!(self.code, Some(0) | None), "{}", self.all());
        self
    }

    /// Both streams, for messages whose stream is not part of the contract.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// Asserts that the run wrote `text` to standard error.
    pub fn says(&self, text: &str) -> &Run {
        assert!(self.stderr.contains(text), "no '{text}' in:\n{}", self.all());
        self
    }

    /// The JSON array printed by a successful `--format json`.
    pub fn json(&self) -> Vec<Value> {
        assert_eq!(self.code, Some(0), "the run failed: {}", self.stderr);
        let value: Value = serde_json::from_str(&self.stdout).expect("the run prints JSON");
        value.as_array().expect("a JSON array").clone()
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temporary folder");
        for sub in ["home", "data", "config", "tmp"] {
            fs::create_dir_all(dir.path().join(sub)).expect("sandbox folder");
        }
        Sandbox { dir }
    }

    /// The sandbox folder itself.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A path in the sandbox as a command-line argument.
    pub fn arg(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }

    pub fn store(&self) -> String {
        self.arg("portfolio.json")
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> String {
        fs::write(self.path(name), bytes).expect("write a test file");
        self.arg(name)
    }

    /// A copy of the demo portfolio in the sandbox, to open with `--store`.
    pub fn demo_copy(&self) -> PathBuf {
        let to = self.path("portfolio.json");
        fs::copy(manifest_file("assets/demo.json"), &to).expect("copy of assets/demo.json");
        to
    }

    /// The environment every run gets: the sandbox folders, a known terminal, no colour.
    pub fn env(&self) -> Vec<(String, String)> {
        let at = |sub: &str| self.arg(sub);
        vec![
            ("HOME".into(), at("home")),
            ("XDG_DATA_HOME".into(), at("data")),
            ("XDG_CONFIG_HOME".into(), at("config")),
            ("TMPDIR".into(), at("tmp")),
            ("TERM".into(), "xterm-256color".into()),
            ("NO_COLOR".into(), "1".into()),
            ("USER".into(), "e2e-tester".into()),
        ]
    }

    /// `dealdesk ARGS --as-of 2026-11-28` in the sandbox's environment, not yet started.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dealdesk"));
        command.args(args).args(["--as-of", AS_OF]).envs(self.env()).current_dir(self.root());
        command
    }

    /// Runs `dealdesk ARGS --as-of 2026-11-28` to its end.
    pub fn run(&self, args: &[&str]) -> Run {
        self.pipe(args, None)
    }

    /// Runs `dealdesk ARGS --as-of 2026-11-28`, feeding `stdin` when given.
    pub fn pipe(&self, args: &[&str], stdin: Option<&[u8]>) -> Run {
        use std::io::Write;
        let mut child = self
            .command(args)
            .stdin(stdin.map_or_else(Stdio::null, |_| Stdio::piped()))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the dealdesk binary starts");
        if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
            pipe.write_all(bytes).expect("write stdin");
        }
        let output = child.wait_with_output().expect("dealdesk runs");
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Imports the two prospects of `good.csv` into `store`.
    pub fn import_good(&self, store: &str) {
        self.run(&["import", &fixture("good.csv"), "--store", store]).ok();
    }

    /// `export --format json` of a store, parsed.
    pub fn export_json(&self, store: &str) -> Vec<Value> {
        self.run(&["export", "--store", store, "--format", "json"]).json()
    }

    /// The built-in policy edited by `edit`, written to `name`.
    pub fn policy(&self, name: &str, edit: impl FnOnce(&mut Value)) -> String {
        let run = self.run(&["policy", "--print-default"]).ok();
        let mut policy: Value = serde_json::from_str(&run.stdout).expect("policy is JSON");
        edit(&mut policy);
        self.write(name, policy.to_string().as_bytes())
    }
}

pub fn bytes(path: &str) -> Vec<u8> {
    fs::read(path).expect("read a file")
}

pub fn manifest_file(relative: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative).display().to_string()
}

pub fn fixture(name: &str) -> String {
    manifest_file(&format!("tests/fixtures/{name}"))
}
