//! Finding 2 of issue 15: `export -o` replaced the store (no backup, and it could no longer be
//! read), replaced `/dev/null` with a regular file as root and the `/dev/stdout` link with a
//! file. Now the store and its backup are refused by identity, special files are written into,
//! and an existing file is replaced only with `--force` (CLI) or the user's yes (desk).
//!
//! No test writes to the real `/dev`: the device is a copy made with mknod in a temporary
//! folder, and "/dev/stdout" is a link there to `/proc/self/fd/1`.
#![cfg(unix)]

mod common;

use common::{hardening as sandbox, pty};

use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::Path;

use sandbox::{Sandbox, arg, names, running_as_root, wait_or_kill};

/// A store of two prospects, saved once so that it has a backup.
fn store_with_backup(s: &Sandbox) -> std::path::PathBuf {
    let store = s.store("st.json", &[(1, "Aerts NV")]);
    s.run(&["import", &arg(&s.one_row_csv("Brouwerij NV")), "--store", &arg(&store)]).ok();
    assert!(s.path("st.json.bak").exists());
    store
}

#[test]
fn the_store_and_its_backup_are_never_replaced_whatever_they_are_called() {
    let s = Sandbox::new();
    let store = store_with_backup(&s);
    let (store_bytes, backup_bytes) = (fs::read(&store).unwrap(), fs::read(s.path("st.json.bak")).unwrap());
    fs::create_dir(s.path("sub")).unwrap();
    symlink(&store, s.path("link.json")).unwrap();
    fs::hard_link(&store, s.path("other-name.json")).unwrap();
    let store_arg = arg(&store);
    for (output, what) in [
        (store_arg.clone(), "the store"),
        (format!("{}/sub/../st.json", s.root().display()), "the store"),
        (arg(&s.path("link.json")), "the store"),
        (arg(&s.path("other-name.json")), "the store"),
        (arg(&s.path("st.json.bak")), "the store's backup"),
    ] {
        // Without --force first: that is how the store used to be lost. --force does not help.
        for (format, force) in [("csv", false), ("json", false), ("csv", true)] {
            let mut args = vec!["export", "--store", &store_arg, "--format", format, "-o", &output];
            args.extend(force.then_some("--force"));
            let run = s.run(&args);
            assert_eq!(run.code, Some(1), "{output}: {}", run.all());
            run.says(&format!("is {what}: an export never replaces it"));
        }
    }
    // Nor the backup's name before the first save has made one: that save would replace it.
    let fresh = s.store("fresh.json", &[(1, "Aerts NV")]);
    let run = s.run(&["export", "--store", &arg(&fresh), "-o", &arg(&s.path("fresh.json.bak"))]);
    assert_eq!(run.code, Some(1), "{}", run.all());
    run.says("is the store's backup: an export never replaces it");
    assert!(!s.path("fresh.json.bak").exists());
    assert_eq!(fs::read(&store).unwrap(), store_bytes, "the store is as it was");
    assert_eq!(fs::read(s.path("st.json.bak")).unwrap(), backup_bytes, "the backup is as it was");
    assert_eq!(names(&store), ["Aerts NV", "Brouwerij NV"]);
}

#[test]
fn an_existing_file_is_replaced_only_with_force_and_keeps_its_permissions() {
    let s = Sandbox::new();
    let store = store_with_backup(&s);
    let out = s.write("out.csv", b"my own notes\n");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap();
    let refused = s.run(&["export", "--store", &arg(&store), "-o", &arg(&out)]);
    assert_eq!(refused.code, Some(1), "{}", refused.all());
    refused.says("exists already; nothing was written (--force replaces it)");
    assert_eq!(fs::read(&out).unwrap(), b"my own notes\n");

    s.run(&["export", "--store", &arg(&store), "-o", &arg(&out), "--force"]).ok();
    let text = fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("name,") && text.contains("Brouwerij NV"), "{text}");
    assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o640);

    let new = s.path("new.json");
    s.run(&["export", "--store", &arg(&store), "--format", "json", "-o", &arg(&new)]).ok();
    assert!(fs::read_to_string(&new).unwrap().contains("Aerts NV"), "a new file needs no --force");
}

#[test]
fn standard_output_a_pipe_and_a_device_are_written_into_not_replaced() {
    let s = Sandbox::new();
    let store = store_with_backup(&s);

    // "/dev/stdout" as a link of our own to the process's standard output.
    let stdout_link = s.path("stdout");
    symlink("/proc/self/fd/1", &stdout_link).unwrap();
    let run = s.run(&["export", "--store", &arg(&store), "-o", &arg(&stdout_link)]).ok();
    assert!(run.stdout.starts_with("name,") && run.stdout.contains("Aerts NV"), "{}", run.all());
    assert!(fs::symlink_metadata(&stdout_link).unwrap().file_type().is_symlink(), "the link stays");

    // A pipe with a reader gets the export; the pipe stays a pipe.
    let fifo = s.path("pipe");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(fifo).and_then(|mut f| f.read_to_string(&mut text)).map(|_| text)
        })
    };
    let child = s.spawn(&["export", "--store", &arg(&store), "--format", "json", "-o", &arg(&fifo)]);
    wait_or_kill(child, 10, "export into a pipe").ok();
    assert!(reader.join().unwrap().unwrap().contains("Brouwerij NV"));
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo(), "the pipe stays a pipe");

    // A pipe nobody reads is an error at once, not a hang.
    let lonely = wait_or_kill(s.spawn(&["export", "--store", &arg(&store), "-o", &arg(&fifo)]), 5, "export");
    assert_eq!(lonely.code, Some(1), "{}", lonely.all());

    // A copy of /dev/null (character device 1,3), made where it can do no harm.
    let null = s.path("null");
    if !running_as_root() {
        println!("skipped the device case: mknod needs root");
        return;
    }
    let made = std::process::Command::new("mknod").arg(&null).args(["c", "1", "3"]).status().unwrap();
    if !made.success() {
        println!("skipped the device case: mknod is not allowed here");
        return;
    }
    s.run(&["export", "--store", &arg(&store), "-o", &arg(&null)]).ok();
    assert!(fs::metadata(&null).unwrap().file_type().is_char_device(), "the device stays a device");
}

/// The desk's `e` asks before it replaces a file, and never replaces the store.
#[test]
fn the_desk_asks_before_replacing_a_file_and_refuses_the_store() {
    let home = pty::Sandbox::new();
    let store = home.demo_copy();
    let out = home.path("out.csv");
    fs::write(&out, "keep me\n").unwrap();
    let args = ["--store", store.to_str().unwrap(), "--as-of", sandbox::AS_OF];
    let mut desk = pty::Desk::start_with(&home, &args, (120, 40), &[]);
    desk.wait_for("50 of 50", pty::DEADLINE);
    let export_to = |desk: &mut pty::Desk, path: &Path| {
        desk.send("e");
        desk.wait_for("dealdesk-export.csv", pty::DEADLINE);
        desk.send_key(pty::Key::CtrlU);
        desk.send(path.to_str().unwrap());
        desk.send_key(pty::Key::Enter);
    };

    export_to(&mut desk, &out);
    desk.wait_for("exists already.", pty::DEADLINE);
    desk.send("n");
    desk.wait_for("is left as it was", pty::DEADLINE);
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me\n");

    export_to(&mut desk, &out);
    desk.wait_for("Replace it with this export of 50 prospects?", pty::DEADLINE);
    desk.send("y");
    desk.wait_for("Exported 50 prospects", pty::DEADLINE);
    assert!(fs::read_to_string(&out).unwrap().starts_with("name,"));

    let before = fs::read(&store).unwrap();
    export_to(&mut desk, &store);
    desk.wait_for("an export never replaces it", pty::DEADLINE);
    assert_eq!(fs::read(&store).unwrap(), before);
    desk.send("q");
    assert!(desk.wait_exit(pty::DEADLINE).success());
}
