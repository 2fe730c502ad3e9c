//! Finding 12 of issue 15: saves reset permissions and ownership (0664 `nobody` became 0600
//! `root`), and a 0444 store was overwritten without a word. Now a save keeps the mode and,
//! where the system allows, the owner; a store whose mode bits forbid writing is refused by
//! the batch commands and opens read-only in the desk, saying why.
#![cfg(unix)]

mod common;

use common::{hardening as sandbox, pty};

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use sandbox::{Sandbox, arg, names, running_as_root};

/// `nobody` and `nogroup` on Debian and most Linux systems.
const NOBODY: u32 = 65534;

#[test]
fn a_save_keeps_the_stores_mode_and_owner() {
    let s = Sandbox::new();
    let store = s.store("st.json", &[(1, "Aerts NV")]);
    fs::set_permissions(&store, fs::Permissions::from_mode(0o664)).unwrap();
    let chowned = running_as_root() && std::os::unix::fs::chown(&store, Some(NOBODY), Some(NOBODY)).is_ok();
    s.run(&["import", &arg(&s.one_row_csv("Nieuw BV")), "--store", &arg(&store)]).ok();
    assert_eq!(names(&store), ["Aerts NV", "Nieuw BV"], "the save happened");
    let meta = fs::metadata(&store).unwrap();
    assert_eq!(meta.mode() & 0o7777, 0o664, "the mode is kept");
    if chowned {
        assert_eq!((meta.uid(), meta.gid()), (NOBODY, NOBODY), "the owner is kept");
    } else {
        println!("skipped the owner check: only root may give a file to another user");
    }
}

#[test]
fn a_store_whose_mode_forbids_writing_is_refused_and_opens_read_only() {
    let s = Sandbox::new();
    let store = s.store("st.json", &[(1, "Aerts NV")]);
    fs::set_permissions(&store, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&store).unwrap();
    let import = s.run(&["import", &arg(&s.one_row_csv("Nieuw BV")), "--store", &arg(&store)]);
    assert_eq!(import.code, Some(1), "{}", import.all());
    import.says("its permissions (r--r--r--) do not let this user write it").says("nothing was written");
    assert_eq!(fs::read(&store).unwrap(), before);

    let home = pty::Sandbox::new();
    let args = ["--store", store.to_str().unwrap(), "--as-of", sandbox::AS_OF];
    let mut desk = pty::Desk::start_with(&home, &args, (120, 40), &[]);
    desk.wait_for("READ-ONLY: its permissions (r--r--r--) do not let this user write it", pty::DEADLINE);
    desk.send("n");
    desk.wait_for("Read-only: its permissions", pty::DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(pty::DEADLINE).success());
    assert_eq!(fs::read(&store).unwrap(), before, "the desk wrote nothing");
    assert!(!s.path("st.json.lock").exists() || fs::read(s.path("st.json.lock")).unwrap().is_empty());
}
