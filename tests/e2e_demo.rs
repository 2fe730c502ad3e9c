//! End to end, `--demo` never touches the user's files: the policy editor of the demo saves in
//! the demo's temporary folder and says so (issue 13 item 8, the part that is on main).

mod common;

use common::pty::{DEADLINE, Desk, Key};
use common::sandbox::{AS_OF, Sandbox};

#[test]
fn the_demos_policy_saves_in_its_temporary_folder_and_never_in_the_users_own_file() {
    let sandbox = Sandbox::new();
    let mut desk = Desk::start_with(&sandbox, &["--demo", "--as-of", AS_OF], (160, 40), &[]);
    desk.wait_for("50 of 50", DEADLINE);
    desk.send("p");
    let screen = desk.wait_for("Saves to the demo's temporary folder", DEADLINE);
    let tmp = sandbox.path("tmp").display().to_string();
    assert!(screen.contains(&tmp), "the folder named is under the sandbox's TMPDIR {tmp}:\n{screen}");
    desk.send_key(Key::CtrlS);
    desk.wait_for("Policy saved to the demo's temporary folder (not your own policy file)", DEADLINE);
    desk.send_key(Key::Esc);
    desk.wait_for(" · portfolio · ", DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
    let own = sandbox.path("config/dealdesk/policy.json");
    assert!(!own.exists(), "the user's own policy file was written: {}", own.display());
}
