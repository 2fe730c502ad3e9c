//! A store in a folder this user may not write: the batch commands say so and change
//! nothing, and reading still works. As root, permissions do not bind, so the commands run
//! as the unprivileged user `nobody` through `setpriv`.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use dealdesk::domain::prospect::Prospect;
use dealdesk::store;

fn running_as_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `dealdesk ARGS` as a user who cannot write the folder.
fn dealdesk_unprivileged(args: &[&str], home: &Path) -> Output {
    let binary = env!("CARGO_BIN_EXE_dealdesk");
    let mut command = if running_as_root() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", binary]);
        c
    } else {
        Command::new(binary)
    };
    command
        .args(args)
        .args(["--as-of", "2026-11-28"])
        .env("HOME", home)
        .env("XDG_DATA_HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .output()
        .expect("dealdesk runs")
}

fn open_to_all(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("permissions set");
}

#[test]
fn an_import_into_a_read_only_folder_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("a folder");
    open_to_all(dir.path(), 0o755);
    let folder = dir.path().join("shared");
    fs::create_dir(&folder).expect("a folder");
    let store_path = folder.join("portfolio.json");
    let prospects = vec![Prospect { id: 1, ..Prospect::named("Already There NV") }];
    store::write_new(&store_path, &prospects).expect("a store");
    let csv = dir.path().join("new.csv");
    fs::write(&csv, "name,dbt_days\nNieuw BV,5\n").expect("a CSV");
    open_to_all(&csv, 0o644);
    open_to_all(&store_path, 0o444);
    open_to_all(&folder, 0o555);
    let before = fs::read(&store_path).expect("the store");

    let store_arg = store_path.to_string_lossy().into_owned();
    let import =
        dealdesk_unprivileged(&["import", &csv.to_string_lossy(), "--store", &store_arg], dir.path());
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert_eq!(import.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("ermission denied") && stderr.contains("portfolio.json"), "{stderr}");
    assert_eq!(fs::read(&store_path).expect("the store"), before, "the store is untouched");
    let leftovers: Vec<_> =
        fs::read_dir(&folder).expect("the folder").flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers, ["portfolio.json"], "no temporary or lock file was left");

    let check = dealdesk_unprivileged(&["check", "--store", &store_arg], dir.path());
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success() && stdout.contains("1 prospect"), "{stdout}");
    open_to_all(&folder, 0o755);
}
