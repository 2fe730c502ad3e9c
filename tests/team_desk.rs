//! The desk on a team store, against a real PostgreSQL server: the `App` driven by keys and
//! messages as the runner drives it, its effects carried out on a `PgStore` as the saver thread
//! carries them out. A stale save opens the dialog with who changed the prospect and when; a
//! second desk sees the first one's change without reloading or losing its selection.

mod common;

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use common::desk::{app_with, ch, press, render, screen_text};
use common::postgres::{TestDb, database, import};
use dealdesk::domain::evaluate::evaluate;
use dealdesk::domain::money::Money;
use dealdesk::domain::prospect::{Prospect, Terms};
use dealdesk::domain::vocabulary::Status;
use dealdesk::store::StoreError;
use dealdesk::store::backend::{Access, Backend, Heard, NewIds, SaveRequest, read_all};
use dealdesk::store::postgres::{self, PgStore, schema::Level};
use dealdesk::tui::app::{App, Effect, Msg, SaveError, StoreJob};
use dealdesk::tui::dispatch::update;
use dealdesk::tui::history::Change;
use dealdesk::tui::modals::Modal;
use dealdesk::tui::modals::decision::DecisionDialog;
use dealdesk::tui::team::TeamDesk;
use ratatui::crossterm::event::KeyCode;
use strum::VariantArray;

/// A database with the schema and three prospects.
fn ready(test: &str) -> Option<TestDb> {
    let db = database(test)?;
    postgres::init(db.location().postgres().expect("a database")).expect("init");
    let mut store = PgStore::open(db.location().postgres().expect("a database")).expect("open");
    let named = |name: &str| Prospect { country: Some("BE".into()), ..Prospect::named(name) };
    import(&mut store, vec![named("Aerts NV"), named("Brouwer BV"), named("Claes SA")]);
    Some(db)
}

/// A login role with `level`, given as `store grant` gives it.
fn member(db: &TestDb, who: &str, level: Level) -> String {
    let role = db.role(who);
    postgres::grant(db.location().postgres().expect("a database"), &role, level).expect("grant");
    role
}

/// A desk open on the team store as `role`: loaded as the runner loads it, with its place in
/// the team as `tui::run` finds it.
fn desk(db: &TestDb, role: &str) -> (App, PgStore) {
    let mut store = PgStore::open(&db.info_as(role)).expect("open");
    let prospects = read_all(&mut store).expect("load");
    let mut app = app_with(prospects, false);
    let NewIds::Block { next, end } = store.reserve_new_ids().expect("ids") else { panic!("a block of ids") };
    app.team = Some(TeamDesk {
        label: store.label(),
        user: store.user(),
        credit: matches!(store.access(), Access::Write { credit: true }),
        policy_version: None,
        next_id: next,
        end_id: end,
    });
    (app, store)
}

/// Carries out the effects as the saver does, feeding each answer back through `update`,
/// until nothing is left to do.
fn drive(app: &mut App, store: &mut PgStore, mut effects: Vec<Effect>) {
    while !effects.is_empty() {
        let mut next = Vec::new();
        for effect in effects {
            let answer = match effect {
                Effect::Store(StoreJob::Save { generation, prospects, changed, overwrite }) => {
                    let request = SaveRequest { portfolio: &prospects, changed: &changed, overwrite };
                    let result = store.save(request).map_err(|e| match e {
                        StoreError::ChangedOnDisk { .. } => SaveError::ChangedOnDisk,
                        other => SaveError::Failed(other.to_string()),
                    });
                    Msg::Saved { generation, result }
                }
                Effect::Store(StoreJob::Fetch(ids)) => {
                    Msg::Fetched(store.fetch(&ids).map_err(|e| e.to_string()))
                }
                Effect::Store(StoreJob::Accept { id, version }) => {
                    store.accept(id, version);
                    continue;
                }
                other => panic!("a team desk asked for {other:?}"),
            };
            next.extend(update(app, answer));
        }
        effects = next;
    }
}

/// Changes the note of the prospect with this name on the desk, as an edit commits it.
fn edit_note(app: &mut App, store: &mut PgStore, name: &str, note: &str) {
    let before = common::desk::prospect(app, name);
    let after = Arc::new(Prospect { note: Some(note.into()), ..(*before).clone() });
    let mut effects = Vec::new();
    app.commit(Change::Put { before: Some(before), after }, &mut effects);
    drive(app, store, effects);
}

fn note_of(app: &App, name: &str) -> Option<String> {
    common::desk::prospect(app, name).note.clone()
}

#[test]
fn a_stale_save_opens_the_dialog_with_who_changed_it_and_when_and_r_takes_theirs() {
    let Some(db) = ready("desk_stale") else { return };
    let (ann, bob) = (member(&db, "ann", Level::Write), member(&db, "bob", Level::Write));
    let (mut ann_desk, mut ann_store) = desk(&db, &ann);
    let (mut bob_desk, mut bob_store) = desk(&db, &bob);
    edit_note(&mut bob_desk, &mut bob_store, "Brouwer BV", "bob: pays in 30 days");
    assert!(!bob_desk.unsaved(), "bob's save went through");

    // Ann has not heard of it yet (her desk is not listening) and edits the same prospect.
    edit_note(&mut ann_desk, &mut ann_store, "Brouwer BV", "ann: asked for a guarantee");
    let Some(Modal::Stale(stale)) = &ann_desk.modal else { panic!("the stale dialog: {:?}", ann_desk.modal) };
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].stamp.by, bob, "who");
    let at = stale[0].stamp.at.clone();
    assert!(at.ends_with(" UTC") && at.len() == "2026-11-28 09:14 UTC".len(), "when: {at}");
    // The dialog's text as one line (its long role name wraps it).
    let screen = screen_text(&render(&mut ann_desk, 120, 40)).join("\n");
    let dialog: Vec<&str> =
        screen.lines().filter_map(|l| l.split('│').nth(1)).flat_map(str::split_whitespace).collect();
    let said = format!("Brouwer BV was changed by {bob} at {at} since this desk read it");
    assert!(dialog.join(" ").contains(&said), "{screen}");
    assert!(ann_desk.unsaved(), "ann's change is kept in memory, not lost");
    assert_eq!(read_all(&mut bob_store).unwrap()[1].note.as_deref(), Some("bob: pays in 30 days"));

    // r: ann takes bob's version; her desk shows it and has nothing left to save.
    let effects = ch(&mut ann_desk, 'r');
    drive(&mut ann_desk, &mut ann_store, effects);
    assert!(ann_desk.modal.is_none());
    assert_eq!(note_of(&ann_desk, "Brouwer BV").as_deref(), Some("bob: pays in 30 days"));
    // Her next edit builds on bob's version and is saved.
    edit_note(&mut ann_desk, &mut ann_store, "Brouwer BV", "ann: on top of bob's");
    assert!(ann_desk.modal.is_none() && !ann_desk.unsaved(), "{:?}", ann_desk.notice);
    assert_eq!(read_all(&mut bob_store).unwrap()[1].note.as_deref(), Some("ann: on top of bob's"));
}

#[test]
fn keep_mine_as_a_copy_and_overwrite_which_only_the_credit_role_may() {
    let Some(db) = ready("desk_stale_choices") else { return };
    let (ann, carol) = (member(&db, "ann", Level::Write), member(&db, "carol", Level::Credit));
    let (mut ann_desk, mut ann_store) = desk(&db, &ann);
    let (mut carol_desk, mut carol_store) = desk(&db, &carol);
    let (mut other, mut other_store) = desk(&db, &member(&db, "bob", Level::Write));
    edit_note(&mut other, &mut other_store, "Aerts NV", "bob's");
    edit_note(&mut other, &mut other_store, "Claes SA", "bob's");

    // A writer may not write over bob's change: the dialog stays and says why.
    edit_note(&mut ann_desk, &mut ann_store, "Aerts NV", "ann's");
    assert!(matches!(ann_desk.modal, Some(Modal::Stale(_))));
    ch(&mut ann_desk, 'o');
    assert!(matches!(ann_desk.modal, Some(Modal::Stale(_))), "still asking");
    assert!(ann_desk.notice.as_ref().is_some_and(|n| n.error && n.text.contains("credit role")));
    // c: her version is kept as a new prospect beside bob's, and saved.
    let effects = ch(&mut ann_desk, 'c');
    drive(&mut ann_desk, &mut ann_store, effects);
    assert!(ann_desk.modal.is_none() && !ann_desk.unsaved());
    let stored = read_all(&mut ann_store).unwrap();
    let notes: Vec<(&str, Option<&str>)> =
        stored.iter().map(|p| (p.name.as_str(), p.note.as_deref())).collect();
    assert!(notes.contains(&("Aerts NV", Some("bob's"))), "{notes:?}");
    assert!(notes.contains(&("Aerts NV (my copy)", Some("ann's"))), "{notes:?}");

    // o with the credit role: carol's version replaces bob's.
    edit_note(&mut carol_desk, &mut carol_store, "Claes SA", "carol's");
    assert!(matches!(carol_desk.modal, Some(Modal::Stale(_))));
    let effects = ch(&mut carol_desk, 'o');
    drive(&mut carol_desk, &mut carol_store, effects);
    assert!(carol_desk.modal.is_none() && !carol_desk.unsaved(), "{:?}", carol_desk.notice);
    let claes = read_all(&mut carol_store).unwrap().into_iter().find(|p| p.name == "Claes SA").unwrap();
    assert_eq!(claes.note.as_deref(), Some("carol's"));
}

#[test]
fn a_second_desk_sees_the_first_one_s_change_without_reloading_or_moving_its_selection() {
    let Some(db) = ready("desk_second") else { return };
    let (ann, bob) = (member(&db, "ann", Level::Write), member(&db, "bob", Level::Write));
    let (mut first, mut first_store) = desk(&db, &ann);
    let (mut second, mut second_store) = desk(&db, &bob);
    let (tx, heard) = mpsc::channel();
    assert!(second_store.watch(Box::new(move |h| tx.send(h).is_ok())).expect("watch"));
    // The second desk sits on Claes SA (third row by name).
    ch(&mut second, 'j');
    ch(&mut second, 'j');
    let on = second.view.selected_id(&second.portfolio);
    assert_eq!(on, Some(common::desk::prospect(&second, "Claes SA").id));

    // The first desk renames Aerts NV so that it sorts after Claes SA.
    let before = common::desk::prospect(&first, "Aerts NV");
    let after = Arc::new(Prospect { name: "Zeeman NV".into(), ..(*before).clone() });
    let mut effects = Vec::new();
    first.commit(Change::Put { before: Some(before), after }, &mut effects);
    drive(&mut first, &mut first_store, effects);
    assert!(!first.unsaved());

    let news = heard.recv_timeout(Duration::from_secs(2)).expect("heard within two seconds");
    assert!(matches!(news, Heard::Changed { version: 2, .. }), "{news:?}");
    let effects = update(&mut second, Msg::Heard(news));
    assert!(
        matches!(effects.as_slice(), [Effect::Store(StoreJob::Fetch(ids))] if ids.len() == 1),
        "only that row: {effects:?}"
    );
    drive(&mut second, &mut second_store, effects);
    assert_eq!(common::desk::names(&second), ["Brouwer BV", "Claes SA", "Zeeman NV"]);
    assert_eq!(second.view.selected_id(&second.portfolio), on, "still on Claes SA");
    assert!(second.notice.as_ref().is_some_and(|n| n.text.contains("Zeeman NV was changed by another user")));
    assert!(!second.unsaved(), "another user's change is not this desk's to save");
}

/// Opens the decision dialog on `name` for `terms`, as the what-if's Ctrl-S does, with the
/// status approved, and presses Enter.
fn decide_on_terms(app: &mut App, name: &str, terms: Terms) -> Vec<Effect> {
    let mut dialog = DecisionDialog::on(&common::desk::prospect(app, name));
    dialog.terms = Some(terms);
    dialog.status_index = Status::VARIANTS.iter().position(|s| *s == Status::Approved).expect("approved");
    app.modal = Some(Modal::Decision(dialog));
    press(app, KeyCode::Enter)
}

#[test]
fn a_writer_cannot_decide_outside_policy_and_the_credit_manager_can() {
    let Some(db) = ready("desk_deviation") else { return };
    let (ann, carol) = (member(&db, "ann", Level::Write), member(&db, "carol", Level::Credit));
    let (mut ann_desk, mut ann_store) = desk(&db, &ann);
    let p = common::desk::prospect(&ann_desk, "Aerts NV");
    let suggested = evaluate(&p, &ann_desk.policy, ann_desk.today).suggestion.terms;
    // 100 million is above any cell's limit and cap for a firm the desk knows nothing of.
    let generous = Terms { credit_limit: Money::units(100_000_000), ..suggested };
    let effects = decide_on_terms(&mut ann_desk, "Aerts NV", generous.clone());
    drive(&mut ann_desk, &mut ann_store, effects);
    let notice = ann_desk.notice.clone().expect("a notice");
    assert!(
        notice.error && notice.text.contains("outside policy") && notice.text.contains(&ann),
        "{notice:?}"
    );
    assert!(common::desk::prospect(&ann_desk, "Aerts NV").history.is_empty(), "nothing recorded");
    assert!(!ann_desk.unsaved(), "and nothing left to save that the server would refuse");

    let (mut carol_desk, mut carol_store) = desk(&db, &carol);
    let effects = decide_on_terms(&mut carol_desk, "Aerts NV", generous);
    drive(&mut carol_desk, &mut carol_store, effects);
    assert!(!carol_desk.unsaved(), "{:?}", carol_desk.notice);
    let (by, listed): (String, i32) = db
        .admin()
        .query_one("SELECT decided_by::text, jsonb_array_length(deviations) FROM dealdesk.decisions", &[])
        .map(|r| (r.get(0), r.get(1)))
        .expect("the decision's row");
    assert!(by == carol && listed >= 1, "{by}: {listed} deviation(s)");
}
