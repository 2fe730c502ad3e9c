//! The states the key tables are tested in: how the walk reaches each screen and pop-up, and
//! what each screen sets up before one action.

use super::*;

pub(super) fn portfolio() -> App {
    let mut app = demo_app();
    for _ in 0..20 {
        ch(&mut app, 'j');
    }
    app
}

pub(super) fn prepare_portfolio(app: &mut App, action: Action) {
    match action {
        Action::ClearFilters => {
            ch(app, 'b');
        }
        Action::Compare => {
            ch(app, ' ');
            ch(app, ' ');
        }
        _ => {}
    }
}

pub(super) fn filter() -> App {
    let mut app = demo_app();
    ch(&mut app, '/');
    type_text(&mut app, "er");
    press(&mut app, KeyCode::Left);
    app
}

pub(super) fn prepare_filter(app: &mut App, action: Action) {
    if action == Action::Up {
        press(app, KeyCode::Down);
    }
}

pub(super) fn form() -> App {
    let mut app = demo_app();
    open(&mut app, "Kempen Plastics NV");
    retype(&mut app, "ab");
    press(&mut app, KeyCode::Left);
    app
}

pub(super) fn prepare_form(app: &mut App, action: Action) {
    match action {
        Action::CycleChoice => focus(app, Field::DbtTrend),
        Action::PageUp => {
            press(app, KeyCode::PageDown);
        }
        // At 80×24 the live assessment is longer than its panel.
        Action::ScrollDown => resize(app, 80, 24),
        Action::ScrollUp => {
            resize(app, 80, 24);
            ctrl(app, 'f');
        }
        _ => {}
    }
}

pub(super) fn terms() -> App {
    let mut app = demo_app();
    select(&mut app, "Xantra Logistics NV");
    ch(&mut app, 't');
    app
}

pub(super) fn prepare_terms(app: &mut App, action: Action) {
    if action == Action::Reset {
        ch(app, '+');
    }
}

pub(super) fn terms_typing() -> App {
    let mut app = terms();
    press(&mut app, KeyCode::Enter);
    half_typed(&mut app);
    app
}

pub(super) fn compare() -> App {
    let mut app = demo_app();
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    ch(&mut app, 'c');
    app
}

pub(super) fn prepare_compare(app: &mut App, action: Action) {
    if action == Action::Left {
        press(app, KeyCode::Right);
    }
}

pub(super) fn matrix() -> App {
    let mut app = demo_app();
    ch(&mut app, 'm');
    app
}

pub(super) fn prepare_matrix(app: &mut App, action: Action) {
    match action {
        Action::Up => on_screen(app, &[KeyCode::Down]),
        Action::Left => on_screen(app, &[KeyCode::Right]),
        _ => {}
    }
}

pub(super) fn policy() -> App {
    let mut app = demo_app();
    ch(&mut app, 'p');
    app
}

pub(super) fn prepare_policy(app: &mut App, action: Action) {
    match action {
        Action::Up | Action::PageUp | Action::Top => on_screen(app, &[KeyCode::Down]),
        Action::Left => on_screen(app, &[KeyCode::Right]),
        Action::NextPage | Action::PreviousPage => on_screen(app, &[KeyCode::Tab]),
        Action::New | Action::Delete => on_screen(app, &[KeyCode::BackTab, KeyCode::BackTab]),
        Action::Increase | Action::Decrease => {
            ch(app, '/');
            type_text(app, "delivery");
            press(app, KeyCode::Enter);
            let Screen::Policy(editor) = &app.screen else { panic!("the policy editor") };
            assert!(editor.leaf().is_some_and(|l| l.path.ends_with(".delivery")), "a choice");
        }
        _ => {}
    }
}

/// A search for "min" (several values), the cursor inside the word.
pub(super) fn policy_search() -> App {
    let mut app = policy();
    ch(&mut app, '/');
    type_text(&mut app, "min");
    press(&mut app, KeyCode::Left);
    app
}

pub(super) fn policy_typing() -> App {
    let mut app = policy();
    press(&mut app, KeyCode::Enter);
    half_typed(&mut app);
    app
}

pub(super) fn import_preview() -> App {
    let mut app = demo_app();
    ch(&mut app, 'i');
    type_text(&mut app, "tests/fixtures/desk_import_one_bad.csv");
    press(&mut app, KeyCode::Enter);
    let bytes = std::fs::read("tests/fixtures/desk_import_one_bad.csv").expect("the fixture");
    let result = read_prospects(&bytes).map(ImportFile::Rows).map_err(|e| e.to_string());
    let path = PathBuf::from("tests/fixtures/desk_import_one_bad.csv");
    update(&mut app, Msg::ImportRead { path, result });
    // Three problems, scrolled to the second, so that both scroll keys move.
    let Screen::ImportPreview(preview) = &mut app.screen else { panic!("the preview: {:?}", app.screen) };
    let ImportFile::Rows(import) = &mut preview.file else { panic!("rows: {:?}", preview.file) };
    let error = import.errors[0].clone();
    import.errors = vec![error.clone(), error.clone(), error];
    preview.scroll = 1;
    app
}

pub(super) fn help() -> App {
    let mut app = demo_app();
    resize(&mut app, 80, 24);
    ch(&mut app, '?');
    press(&mut app, KeyCode::Down);
    app
}

pub(super) fn welcome() -> App {
    app_with(Vec::new(), true)
}

pub(super) fn confirm_delete() -> App {
    let mut app = demo_app();
    ch(&mut app, 'd');
    app
}

pub(super) fn confirm_quit() -> App {
    let mut app = confirm_delete();
    ch(&mut app, 'y');
    ch(&mut app, 'q');
    app
}

pub(super) fn reset_policy() -> App {
    let mut app = policy();
    ch(&mut app, 'D');
    app
}

pub(super) fn discard_policy() -> App {
    let mut app = policy();
    ch(&mut app, '1');
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    app
}

pub(super) fn unsaved() -> App {
    let mut app = form();
    press(&mut app, KeyCode::Esc);
    app
}

pub(super) fn decision() -> App {
    let mut app = demo_app();
    ch(&mut app, 'a');
    half_typed(&mut app);
    app
}

pub(super) fn prepare_decision(app: &mut App, action: Action) {
    if action == Action::Up {
        press(app, KeyCode::Down);
    }
}

pub(super) fn import_prompt() -> App {
    let mut app = demo_app();
    ch(&mut app, 'i');
    half_typed(&mut app);
    app
}

pub(super) fn export_prompt() -> App {
    let mut app = demo_app();
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Left);
    app
}

pub(super) fn reading() -> App {
    let mut app = demo_app();
    ch(&mut app, 'i');
    type_text(&mut app, "tests/fixtures/good.csv");
    press(&mut app, KeyCode::Enter);
    app
}

pub(super) fn changed_on_disk() -> App {
    let mut app = confirm_delete();
    ch(&mut app, 'y');
    update(&mut app, Msg::Saved { generation: 1, result: Err(SaveError::ChangedOnDisk) });
    app
}

pub(super) fn broken_policy() -> App {
    let mut app = demo_app();
    app.modal = Some(Modal::BrokenPolicy("policy.json: line 1: expected value".into()));
    app
}

pub(super) fn confirm_overwrite() -> App {
    let mut app = demo_app();
    let prospects = app.portfolio.prospects().cloned().collect();
    let pending = PendingExport { path: "out.csv".into(), format: FileFormat::Csv, prospects };
    update(&mut app, Msg::Exported(Err(ExportError::Exists(pending))));
    app
}

pub(super) fn load_failed() -> App {
    let mut app = demo_app();
    app.modal = Some(Modal::LoadFailed("portfolio.json: line 3: expected value".into()));
    app
}

/// Another user saved the selected prospect first: the save came back with it stale.
pub(super) fn stale() -> App {
    let mut app = demo_app();
    let mine = app.view.selected_prospect(&app.portfolio).expect("a selected prospect").clone();
    let prospect =
        Some(dealdesk::domain::prospect::Prospect { note: Some("bob's".into()), ..(*mine).clone() });
    let stamp = Stamp { version: 2, by: "bob".into(), at: "2026-11-28 09:14 UTC".into() };
    let theirs = Theirs { id: mine.id, stamp, prospect };
    update(&mut app, Msg::Saved { generation: 1, result: Ok(Saved { stale: vec![theirs] }) });
    app
}
