//! Finding 3 of issue 15: a store with duplicate ids opened without a warning, and an edit or a
//! delete hit the wrong prospect; an id of u64::MAX passed `check` and the next import wrapped.
//! Now such a store is a load error naming both prospects, in `check` and in the desk;
//! `check --repair` renumbers after keeping a backup; ids never pass the largest.
#![cfg(unix)]

mod common;

use common::{hardening as sandbox, pty};

use std::fs;

use dealdesk::store::{self, ids::MAX_ID};
use sandbox::{Sandbox, arg, names};

const AERTS: &str = "Aerts NV";
const BROUWERIJ: &str = "Brouwerij De Oude Sluis BV";

#[test]
fn duplicate_missing_and_oversized_ids_are_a_load_error_naming_the_prospects() {
    let s = Sandbox::new();
    let cases: [(&[(u64, &str)], &str); 4] = [
        (
            &[(12, AERTS), (5, "Claeys BV"), (12, BROUWERIJ)],
            "prospects[0] (Aerts NV) and prospects[2] (Brouwerij De Oude Sluis BV) both have id 12",
        ),
        (
            &[(1, AERTS), (u64::MAX, BROUWERIJ)],
            "prospects[1] (Brouwerij De Oude Sluis BV) has id 18446744073709551615",
        ),
        (&[(1, AERTS), (MAX_ID + 1, BROUWERIJ)], "above the largest id 9223372036854775807"),
        (&[(1, AERTS), (0, BROUWERIJ)], "prospects[1] (Brouwerij De Oude Sluis BV) has no id"),
    ];
    for (prospects, message) in cases {
        let path = s.store("st.json", prospects);
        let before = fs::read(&path).unwrap();
        let check = s.run(&["check", "--store", &arg(&path)]);
        assert_eq!(check.code, Some(1), "{}", check.all());
        check.says(message).says("check --repair");
        let import = s.run(&["import", &arg(&s.one_row_csv("Nieuw BV")), "--store", &arg(&path)]);
        assert_eq!(import.code, Some(1), "{}", import.all());
        import.says(message);
        assert_eq!(fs::read(&path).unwrap(), before, "the store is left as it was");
    }
}

#[test]
fn the_desk_refuses_to_open_a_store_whose_ids_clash_and_names_both() {
    let home = pty::Sandbox::new();
    let path = home.path("st.json");
    let prospects: Vec<_> = [(7, AERTS), (7, BROUWERIJ)]
        .iter()
        .map(|&(id, name)| dealdesk::domain::prospect::Prospect {
            id,
            ..dealdesk::domain::prospect::Prospect::named(name)
        })
        .collect();
    store::write_new(&path, &prospects).unwrap();
    let before = fs::read(&path).unwrap();
    let mut desk = pty::Desk::start_with(
        &home,
        &["--store", path.to_str().unwrap(), "--as-of", sandbox::AS_OF],
        (120, 40),
        &[],
    );
    let both = "prospects[0] (Aerts NV) and prospects[1] (Brouwerij De Oude Sluis BV) both have id 7";
    // The pop-up's text with its frame and line breaks taken out, so that wrapped lines read whole.
    desk.wait_until("both prospects named", pty::DEADLINE, |screen| {
        screen.replace('│', " ").split_whitespace().collect::<Vec<_>>().join(" ").contains(both)
    });
    desk.send("q");
    assert!(!desk.wait_exit(pty::DEADLINE).success());
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn check_repair_renumbers_after_keeping_a_backup() {
    let s = Sandbox::new();
    let path = s.store(
        "st.json",
        &[(12, AERTS), (3, "Claeys BV"), (12, BROUWERIJ), (0, "Dupont SA"), (u64::MAX, "Eeckhout NV")],
    );
    let before = fs::read(&path).unwrap();
    let repair = s.run(&["check", "--repair", "--store", &arg(&path)]);
    assert_eq!(repair.code, Some(0), "{}", repair.all());
    // The first of each id keeps it; the others follow the highest valid id, 12, in file order.
    repair
        .says("renumbered prospects[2] (Brouwerij De Oude Sluis BV): id 12 → 13")
        .says("renumbered prospects[3] (Dupont SA): id 0 → 14")
        .says("renumbered prospects[4] (Eeckhout NV): id 18446744073709551615 → 15")
        .says("repaired 3 ids")
        .says("ok");
    let ids: Vec<u64> = store::load(&path).unwrap().iter().map(|p| p.id).collect();
    assert_eq!(ids, [12, 3, 13, 14, 15]);
    assert_eq!(fs::read(s.path("st.json.bak")).unwrap(), before, "the previous file is the backup");
    s.run(&["check", "--store", &arg(&path)]).ok();
}

#[test]
fn ids_never_wrap_an_import_past_the_largest_is_refused() {
    let s = Sandbox::new();
    let path = s.store("st.json", &[(MAX_ID, AERTS)]);
    let before = fs::read(&path).unwrap();
    let import = s.run(&["import", &arg(&s.one_row_csv("Nieuw BV")), "--store", &arg(&path)]);
    assert_eq!(import.code, Some(1), "{}", import.all());
    import.says("no ids left").says("nothing was imported");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(names(&path), [AERTS]);
}
