//! Finding 13 of issue 15: messages name the real cause. A lock file that cannot be written is
//! named (not "its folder is not writable"); a full disk opens the desk read-only instead of
//! refusing to start; a successful retry clears the notice of a failed save; `--store` naming
//! a folder is refused and creates nothing beside it.
#![cfg(unix)]

mod common;

use common::{hardening as sandbox, pty};

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::tui::app::{App, Effect, Msg, SaveError, StoreJob};
use dealdesk::tui::dispatch::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sandbox::{Sandbox, arg, running_as_root};

const NOBODY: u32 = 65534;

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_lock_file_that_cannot_be_written_is_named_as_the_cause() {
    let home = pty::Sandbox::new();
    let shared = home.path("shared");
    fs::create_dir(&shared).unwrap();
    let store = shared.join("portfolio.json");
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo.json"), &store).unwrap();
    let lock = shared.join("portfolio.json.lock");
    fs::write(&lock, b"").unwrap();
    // The folder and the store are writable; only the lock file is not.
    let wrapper: Vec<String> = if running_as_root() {
        let has_setpriv = Command::new("setpriv").arg("--version").output().is_ok_and(|o| o.status.success());
        if !has_setpriv {
            println!("skipped: as root this needs setpriv to run the desk as nobody");
            return;
        }
        chmod(home.root(), 0o755);
        chmod(&shared, 0o777);
        std::os::unix::fs::chown(&store, Some(NOBODY), Some(NOBODY)).unwrap();
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"].map(String::from).to_vec()
    } else {
        Vec::new()
    };
    chmod(&lock, 0o444);
    let wrapper: Vec<&str> = wrapper.iter().map(String::as_str).collect();
    let args = ["--store", store.to_str().unwrap(), "--as-of", sandbox::AS_OF];
    let mut desk = pty::Desk::start_through(&home, &wrapper, &args, (200, 40), &[]);
    let cause = format!("READ-ONLY: cannot open the lock file {}: Permission denied", lock.display());
    let screen = desk.wait_for(&cause, pty::DEADLINE);
    assert!(!screen.contains("folder"), "{screen}");
    desk.send("q");
    assert!(desk.wait_exit(pty::DEADLINE).success());
}

/// A small tmpfs filled to the last byte; unmounted when dropped.
struct FullDisk {
    dir: PathBuf,
}

impl FullDisk {
    fn mount(dir: PathBuf) -> Option<FullDisk> {
        fs::create_dir(&dir).ok()?;
        let mounted =
            Command::new("mount").args(["-t", "tmpfs", "-o", "size=512k", "tmpfs"]).arg(&dir).output();
        if !mounted.is_ok_and(|o| o.status.success()) {
            return None;
        }
        Some(FullDisk { dir })
    }

    fn fill(&self) {
        let mut filler = fs::File::create(self.dir.join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while std::io::Write::write_all(&mut filler, &block).is_ok() {}
        let _ = filler.sync_all();
    }
}

impl Drop for FullDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).status();
    }
}

#[test]
fn on_a_full_disk_the_desk_opens_read_only_and_says_why() {
    let home = pty::Sandbox::new();
    if !running_as_root() {
        println!("skipped: mounting a small file system needs root");
        return;
    }
    let Some(disk) = FullDisk::mount(home.path("full")) else {
        println!("skipped: this machine does not allow mounting a tmpfs");
        return;
    };
    let store = disk.dir.join("portfolio.json");
    let prospects: Vec<Prospect> =
        (1..=3).map(|id| Prospect { id, ..Prospect::named(&format!("P{id}")) }).collect();
    dealdesk::store::write_new(&store, &prospects).unwrap();
    disk.fill();
    let args = ["--store", store.to_str().unwrap(), "--as-of", sandbox::AS_OF];
    let mut desk = pty::Desk::start_with(&home, &args, (200, 40), &[]);
    desk.wait_for("3 of 3", pty::DEADLINE);
    desk.wait_for("READ-ONLY: the disk is full: cannot write the lock file", pty::DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(pty::DEADLINE).success());
}

#[test]
fn a_successful_retry_clears_the_notice_of_a_failed_save() {
    let prospects = vec![Prospect { id: 1, ..Prospect::named("Aerts NV") }];
    let today = dealdesk::domain::date::Date::new(2026, 11, 28).unwrap();
    let mut app = App::new(prospects, Policy::default_policy(), today, "p.json".into(), false);
    let mut effects = Vec::new();
    app.request_save(&mut effects);
    let failed = Err(SaveError::Failed("cannot write p.json: No space left on device".into()));
    let generation = app.generation;
    update(&mut app, Msg::Saved { generation, result: failed });
    assert!(app.notice.as_ref().is_some_and(|n| n.error && n.text.starts_with("Save failed")));

    let retry = update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)));
    assert!(matches!(retry.as_slice(), [Effect::Store(StoreJob::Save { .. })]), "Ctrl-S retries: {retry:?}");
    update(&mut app, Msg::Saved { generation, result: Ok(Default::default()) });
    let notice = app.notice.clone().expect("a notice");
    assert!(!notice.error && !notice.text.contains("failed"), "{notice:?}");
}

#[test]
fn a_store_path_naming_a_folder_is_refused_and_creates_nothing_beside_it() {
    let s = Sandbox::new();
    fs::create_dir(s.path("folder")).unwrap();
    let csv = arg(&s.one_row_csv("Nieuw BV"));
    for store in [arg(&s.path("folder")), format!("{}/", s.path("folder").display())] {
        for args in [vec!["import", &csv, "--store", &store], vec!["check", "--store", &store]] {
            let run = s.run(&args);
            assert_eq!(run.code, Some(1), "{args:?}: {}", run.all());
            run.says("is a folder, not a store file");
        }
    }
    let beside: Vec<_> = fs::read_dir(s.root()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(!s.path("folder.lock").exists(), "{beside:?}");
    assert_eq!(fs::read_dir(s.path("folder")).unwrap().count(), 0, "nothing was written inside");
}
