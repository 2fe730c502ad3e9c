//! Findings 1, 6, 7, 10 and 11 of issue 15: the files around the store. A lock path that is a
//! link is never followed; a store path that is a link is saved through and stays a link; a
//! FIFO as store or policy is refused at once; writers clear the temporary files of killed
//! saves; bytes after the store's closing line are an error and the file stays as it is.
#![cfg(unix)]

mod common;

use common::{hardening as sandbox, pty};

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use dealdesk::store::Store;
use sandbox::{Sandbox, arg, names, wait_or_kill};

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Finding 1: `ln -s st.json st.json.lock` once made even `check` truncate the store.
#[test]
fn a_lock_path_that_is_a_link_or_a_second_name_is_never_opened_or_truncated() {
    let s = Sandbox::new();
    let store = s.store("st.json", &[(1, "Aerts NV"), (2, "Brouwerij De Oude Sluis BV")]);
    let before = fs::read(&store).expect("the store");
    let lock = s.path("st.json.lock");
    let csv = s.one_row_csv("Nieuw BV");

    symlink("st.json", &lock).expect("a link");
    let check = s.run(&["check", "--store", &arg(&store)]);
    assert_eq!(check.code, Some(1), "{}", check.all());
    check.says("the lock file").says("is a symbolic link");
    let import = s.run(&["import", &arg(&csv), "--store", &arg(&store)]);
    assert_eq!(import.code, Some(1), "{}", import.all());
    import.says("is a symbolic link");
    assert_eq!(fs::read(&store).expect("the store"), before, "the store is whole");
    assert!(fs::symlink_metadata(&lock).expect("the link").file_type().is_symlink());

    fs::remove_file(&lock).expect("remove the link");
    fs::hard_link(&store, &lock).expect("a second name");
    s.run(&["check", "--store", &arg(&store)]).says("a second name (hard link)");
    s.run(&["import", &arg(&csv), "--store", &arg(&store)]).says("a second name (hard link)");
    assert_eq!(fs::read(&store).expect("the store"), before, "the store is whole");
}

/// Finding 6: a store path that is a link became a regular file on the first save.
#[test]
fn a_store_that_is_a_link_is_saved_through_and_two_links_share_one_lock() {
    let s = Sandbox::new();
    fs::create_dir(s.path("real")).expect("a folder");
    let target = s.store("real/portfolio.json", &[(1, "Aerts NV")]);
    let (first, second) = (s.path("first.json"), s.path("second.json"));
    symlink(&target, &first).expect("a link");
    symlink("real/portfolio.json", &second).expect("a relative link");

    s.run(&["import", &arg(&s.one_row_csv("Nieuw BV")), "--store", &arg(&first)]).ok();
    assert!(fs::symlink_metadata(&first).expect("the link").file_type().is_symlink(), "still a link");
    assert_eq!(names(&target), ["Aerts NV", "Nieuw BV"], "the target holds the save");
    assert_eq!(names(&s.path("real/portfolio.json.bak")), ["Aerts NV"], "the backup is beside the target");
    assert!(s.path("real/portfolio.json.lock").exists(), "the lock is beside the target");
    assert!(!s.path("first.json.lock").exists() && !s.path("first.json.bak").exists());

    // One store, one lock, whichever link names it.
    let (_held, _) = Store::open(&second, "process 7 of ann").expect("the store opens");
    let refused = s.run(&["import", &arg(&s.one_row_csv("Derde BV")), "--store", &arg(&first)]);
    assert_eq!(refused.code, Some(1), "{}", refused.all());
    refused.says("process 7 of ann");
    assert_eq!(names(&target), ["Aerts NV", "Nieuw BV"]);
}

/// Finding 7: a FIFO as the store or the policy hung `check`, `policy` and the desk.
#[test]
fn a_fifo_as_store_or_policy_is_refused_at_once() {
    let s = Sandbox::new();
    let fifo = s.path("pipe.json");
    mkfifo(&fifo);
    let store = s.store("st.json", &[(1, "Aerts NV")]);
    for (what, args) in [
        ("check on a FIFO store", vec!["check", "--store", fifo.to_str().expect("UTF-8")]),
        ("export of a FIFO store", vec!["export", "--store", fifo.to_str().expect("UTF-8")]),
        (
            "check with a FIFO policy",
            vec![
                "check",
                "--store",
                store.to_str().expect("UTF-8"),
                "--policy",
                fifo.to_str().expect("UTF-8"),
            ],
        ),
        ("policy from a FIFO", vec!["policy", "--policy", fifo.to_str().expect("UTF-8")]),
    ] {
        let run = wait_or_kill(s.spawn(&args), 5, what);
        assert_eq!(run.code, Some(1), "{what}: {}", run.all());
        run.says("FIFO (named pipe)");
    }

    // The desk says why and ends, rather than waiting for a writer that never comes.
    let home = pty::Sandbox::new();
    let mut desk =
        pty::Desk::start(&home, &["--store", fifo.to_str().expect("UTF-8"), "--as-of", sandbox::AS_OF]);
    let status = desk.wait_exit(pty::DEADLINE);
    assert!(!status.success());
    let screen = desk.screen();
    assert!(screen.contains("is a FIFO (named pipe), not a store file"), "{screen}");
}

/// Finding 10: temporary files of killed batch saves piled up until a desk opened the store.
#[test]
fn any_writer_holding_the_lock_clears_the_leftovers_of_killed_saves() {
    let s = Sandbox::new();
    let store = s.store("st.json", &[(1, "Aerts NV")]);
    let leftovers = [".st.json.a1B2c3.tmp", ".st.json.Zz9xY8.tmp", "st.json.bak.tmp"];
    for name in leftovers {
        s.write(name, &vec![b'x'; 1 << 20]);
    }
    let unrelated = s.write(".other.json.a1B2c3.tmp", b"not ours");
    s.run(&["import", &arg(&s.one_row_csv("Nieuw BV")), "--store", &arg(&store)]).ok();
    for name in leftovers {
        assert!(!s.path(name).exists(), "{name} is still there after an import");
    }
    assert!(unrelated.exists(), "another store's files are not touched");

    s.write(".st.json.q7W8e9.tmp", b"x");
    s.run(&["check", "--repair", "--store", &arg(&store)]).ok();
    assert!(!s.path(".st.json.q7W8e9.tmp").exists(), "check --repair holds the lock and clears too");
}

/// Finding 11: bytes after the closing line were accepted, and the next save dropped them.
#[test]
fn bytes_after_the_stores_closing_line_are_an_error_with_their_position() {
    let s = Sandbox::new();
    let store = s.store("st.json", &[(1, "Aerts NV"), (2, "Brouwerij NV")]);
    let whole = fs::read(&store).expect("the store");
    // The store's four lines: header, two prospects, closing; what follows starts on line 5.
    let cases: [(&[u8], &str); 3] = [
        (b"stray", "st.json:5:1:"),
        (b"\n  {\"schema\": 1, \"prospects\": []}\n", "st.json:6:3:"),
        (b"   x\n", "st.json:5:4:"),
    ];
    for (tail, position) in cases {
        let text = [whole.as_slice(), tail].concat();
        fs::write(&store, &text).expect("write the store");
        let check = s.run(&["check", "--store", &arg(&store)]);
        assert_eq!(check.code, Some(1), "{}", check.all());
        check.says(position).says("bytes after the store's closing line");
        let import = s.run(&["import", &arg(&s.one_row_csv("Nieuw BV")), "--store", &arg(&store)]);
        assert_eq!(import.code, Some(1), "{}", import.all());
        assert_eq!(fs::read(&store).expect("the store"), text, "the file is not overwritten");
    }
}
