//! The portfolio screen without a terminal: keys in, state out. Sort, filters and their totals,
//! undo/redo, read-only, saving and quitting. (The form, its undo and decisions: `tui_update_form.rs`.)

mod common;

use common::desk::*;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::summary::Summary;
use dealdesk::domain::vocabulary::Band;
use dealdesk::portfolio::sort::{Column, SortDirection};
use dealdesk::store::stream::Progress;
use dealdesk::tui::app::{Effect, Msg, SaveError, SaveState, StoreJob};
use dealdesk::tui::dispatch::update;
use dealdesk::tui::modals::Modal;
use dealdesk::tui::screen::Screen;
use ratatui::crossterm::event::KeyCode;
use strum::VariantArray;

// ---- sort ----

#[test]
fn angle_brackets_choose_the_column_and_r_reverses_it() {
    let mut app = demo_app();
    assert_eq!(app.view.sort, (Column::Name, SortDirection::Ascending));
    let folded: Vec<String> = names(&app).iter().map(|n| fold(n)).collect();
    assert!(folded.is_sorted(), "names A→Z, accents folded: {folded:?}");
    let n = names(&app);
    let at = |name: &str| n.iter().position(|x| x == name).unwrap();
    assert!(at("Bâtiments Wiltz SARL") < at("Bloemenatelier Roos BV"));

    ch(&mut app, 'r');
    assert_eq!(app.view.sort, (Column::Name, SortDirection::Descending));
    let mut reversed = folded.clone();
    reversed.reverse();
    let now: Vec<String> = names(&app).iter().map(|n| fold(n)).collect();
    assert_eq!(now, reversed);

    // At 120 columns the table shows Name, Band, Score, PD %, DBT, …: `>` moves one right and
    // keeps the direction.
    ch(&mut app, '>');
    assert_eq!(app.view.sort, (Column::Band, SortDirection::Descending));
    let bands: Vec<Band> = summaries(&app).iter().map(|s| s.band).collect();
    assert!(bands.iter().rev().is_sorted(), "{bands:?}");
    assert_eq!((bands[0], bands[49]), (Band::E, Band::A));

    ch(&mut app, 'r');
    assert_eq!(app.view.sort, (Column::Band, SortDirection::Ascending));
    let bands: Vec<Band> = summaries(&app).iter().map(|s| s.band).collect();
    assert!(bands.is_sorted(), "{bands:?}");

    ch(&mut app, '>');
    ch(&mut app, 'r');
    assert_eq!(app.view.sort, (Column::Score, SortDirection::Descending));
    let scores: Vec<f64> = summaries(&app).iter().map(|s| s.score.unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    ch(&mut app, '>');
    assert_eq!(app.view.sort.0, Column::Pd);
    let pds: Vec<_> = summaries(&app).iter().map(|s| s.pd).collect();
    assert!(pds.windows(2).all(|w| w[0] >= w[1]), "{pds:?}");

    // Back past the first column wraps to the last one shown.
    for _ in 0..3 {
        ch(&mut app, '<');
    }
    assert_eq!(app.view.sort.0, Column::Name);
    ch(&mut app, '<');
    assert_eq!(app.view.sort, (Column::Status, SortDirection::Descending));
    assert_eq!(app.view.rows().len(), 50, "sorting never drops a row");
}

#[test]
fn unknown_values_sort_last_in_both_directions() {
    let mut prospects = demo_prospects();
    prospects.push(Prospect { id: 99, ..Prospect::named("Aaa Nothing Known BV") });
    let mut app = app_with(prospects, false);
    // Wide enough for every column, sector and city included.
    resize(&mut app, 200, 40);
    let bare = app.portfolio.summary(50).unwrap().clone();
    assert_eq!((bare.score, bare.volume, bare.segment, bare.dbt_days), (None, None, None, None));
    assert!(bare.risk_adjusted_profit.is_none());

    let last = |app: &dealdesk::tui::app::App| names(app).last().unwrap().clone();
    let mut seen = Vec::new();
    for _ in 0..Column::VARIANTS.len() {
        ch(&mut app, '>');
        for _ in 0..2 {
            ch(&mut app, 'r');
            let (column, _) = app.view.sort;
            let unknown = [Column::Sector, Column::City, Column::Score, Column::Dbt, Column::Segment];
            if unknown.contains(&column) || matches!(column, Column::Volume | Column::Profit) {
                assert_eq!(last(&app), "Aaa Nothing Known BV", "{:?}", app.view.sort);
                seen.push(app.view.sort);
            }
        }
    }
    assert_eq!(seen.len(), 14, "seven columns with unknowns, two directions each");
}

#[test]
fn sectors_and_cities_sort_folded_with_the_unknown_last() {
    let mut prospects = demo_prospects();
    let mut with = |id: u64, name: &str, city: Option<&str>| {
        prospects.push(Prospect { id, city: city.map(str::to_string), ..Prospect::named(name) });
    };
    with(91, "Zeta Liège BV", Some("Liège"));
    with(92, "Zeta Lier BV", Some("lier"));
    with(93, "Zeta Nowhere BV", None);
    let mut app = app_with(prospects, false);
    resize(&mut app, 200, 40);
    app.view.sort_by(Column::City);
    app.view.refresh(&app.portfolio);
    let cities: Vec<Option<String>> = app
        .view
        .rows()
        .iter()
        .map(|&i| app.portfolio.prospect(i).unwrap().city.clone().filter(|c| !c.is_empty()))
        .collect();
    let known: Vec<String> = cities.iter().flatten().map(|c| fold(c)).collect();
    assert!(known.is_sorted(), "cities A→Z, case and accents folded: {known:?}");
    let unknown_from = cities.iter().position(Option::is_none).expect("an unknown city");
    assert!(cities[unknown_from..].iter().all(Option::is_none), "unknown cities last");
    let n = names(&app);
    let at = |name: &str| n.iter().position(|x| x == name).unwrap();
    // "liege" < "lier": the accent is folded, and the capital does not sort first.
    assert!(at("Zeta Liège BV") < at("Zeta Lier BV"));
}

#[test]
fn sorting_keeps_the_selected_prospect_selected() {
    let mut app = demo_app();
    select(&mut app, "Kempen Plastics NV");
    let id = prospect(&app, "Kempen Plastics NV").id;
    for key in ['>', 'r', '>', '<', 'r', '<'] {
        ch(&mut app, key);
        assert_eq!(app.view.selected_id(&app.portfolio), Some(id), "{:?}", app.view.sort);
    }
}

#[test]
fn once_the_store_is_read_the_first_selection_is_the_top_row() {
    let mut app = app_with(Vec::new(), false);
    app.loading = Some(Progress { done: 0, total: 0, started_over: false });
    // The store's blocks arrive in file order, here the demo's reversed.
    let mut prospects = demo_prospects();
    prospects.reverse();
    let first_in_file = prospects[0].name.clone();
    assert_ne!(first_in_file, "Apotheek Sint-Jozef BV");
    let summaries = prospects.iter().map(|p| Summary::of(p, &app.policy, app.today)).collect();
    let progress = Progress { done: 1, total: 1, started_over: false };
    update(&mut app, Msg::LoadChunk { prospects, summaries, progress });
    assert_eq!(names(&app)[0], first_in_file, "in file order while loading");
    update(&mut app, Msg::LoadDone(Ok(())));
    assert_eq!(names(&app)[0], "Apotheek Sint-Jozef BV", "sorted by name once read");
    assert_eq!((app.view.selected, app.view.offset), (0, 0));
    assert_eq!(
        app.view.selected_prospect(&app.portfolio).map(|p| p.name.clone()).as_deref(),
        Some("Apotheek Sint-Jozef BV")
    );
}

// ---- undo / redo ----

#[test]
fn a_deletion_is_undone_in_place_and_redone() {
    let mut app = demo_app();
    select(&mut app, "Brabo Foodservice NV");
    let brabo = prospect(&app, "Brabo Foodservice NV");
    let position = app.portfolio.position(brabo.id).unwrap();
    ch(&mut app, 'd');
    assert!(matches!(&app.modal, Some(Modal::ConfirmDelete { name, .. }) if name == "Brabo Foodservice NV"));
    ch(&mut app, 'n');
    assert!(app.modal.is_none() && app.portfolio.len() == 50, "n keeps it");

    ch(&mut app, 'd');
    let effects = ch(&mut app, 'y');
    assert_eq!(saves(&effects), [(1, 49, false)]);
    assert_eq!(app.portfolio.position(brabo.id), None);
    assert!(!names(&app).contains(&brabo.name));

    let effects = ch(&mut app, 'u');
    assert_eq!(saves(&effects), [(2, 50, false)]);
    assert_eq!(app.portfolio.position(brabo.id), Some(position), "back at the same place");
    assert_eq!(app.portfolio.prospect(position).unwrap(), &brabo);
    assert!(names(&app).contains(&brabo.name));

    let effects = ctrl(&mut app, 'r');
    assert_eq!(saves(&effects), [(3, 49, false)]);
    assert_eq!(app.portfolio.position(brabo.id), None);
    ch(&mut app, 'u');
    ch(&mut app, 'u');
    assert_eq!(notice(&app).0, "Nothing to undo");
}

// ---- read-only ----

#[test]
fn read_only_refuses_every_change_and_says_why() {
    let mut app = demo_app();
    app.read_only = Some("process 1 of ann holds this store".into());
    let portfolio = app.portfolio.prospects().cloned().collect::<Vec<_>>();
    for key in ['d', 'n', 'a', 'u'] {
        app.notice = None;
        let effects = ch(&mut app, key);
        assert!(effects.is_empty(), "{key}");
        assert!(app.modal.is_none(), "{key} opened {:?}", app.modal);
        assert!(matches!(app.screen, Screen::Portfolio), "{key}");
        let (text, error) = notice(&app);
        assert!(error && text.contains("process 1 of ann"), "{key}: {text}");
    }
    app.notice = None;
    assert!(ctrl(&mut app, 's').is_empty());
    assert!(notice(&app).1);

    open(&mut app, "Kempen Plastics NV");
    focus(&mut app, dealdesk::domain::fields::Field::City);
    type_text(&mut app, "x");
    app.notice = None;
    assert!(ctrl(&mut app, 's').is_empty(), "no save from the form either");
    assert!(notice(&app).0.contains("Read-only"));
    assert!(ctrl(&mut app, 'd').is_empty());
    assert!(app.modal.is_none(), "no decision dialog");
    assert_eq!(
        app.portfolio.prospects().cloned().collect::<Vec<_>>(),
        portfolio,
        "the portfolio is untouched"
    );
    assert_eq!(app.generation, 0);
}

// ---- saving ----

#[test]
fn a_failed_save_keeps_the_change_and_ctrl_s_retries() {
    let mut app = demo_app();
    ch(&mut app, 'd');
    let effects = ch(&mut app, 'y');
    assert_eq!(saves(&effects), [(1, 49, false)]);
    assert_eq!(app.save_state, SaveState::Saving);

    update(&mut app, Msg::Saved { generation: 1, result: Err(SaveError::Failed("disk full".into())) });
    assert_eq!(app.portfolio.len(), 49, "the change stays in memory");
    assert_eq!(app.save_state, SaveState::Failed("disk full".into()));
    let (text, error) = notice(&app);
    assert!(error && text.contains("disk full"), "{text}");
    assert!(app.unsaved());

    let effects = ctrl(&mut app, 's');
    assert_eq!(saves(&effects), [(1, 49, false)], "the same generation again");
    assert_eq!(app.save_state, SaveState::Saving);
    update(&mut app, Msg::Saved { generation: 1, result: Ok(Default::default()) });
    assert_eq!(app.save_state, SaveState::Saved);
    assert!(!app.unsaved());
}

#[test]
fn a_late_answer_for_an_older_save_does_not_claim_the_newest_is_saved() {
    let mut app = demo_app();
    ch(&mut app, 'd');
    ch(&mut app, 'y');
    ch(&mut app, 'u');
    assert_eq!(app.generation, 2);
    update(&mut app, Msg::Saved { generation: 1, result: Ok(Default::default()) });
    assert_eq!(app.save_state, SaveState::Saving);
    assert!(app.unsaved());
}

#[test]
fn a_store_changed_on_disk_asks_overwrite_or_reload() {
    let mut app = demo_app();
    ch(&mut app, 'd');
    ch(&mut app, 'y');
    let changed = Msg::Saved { generation: 1, result: Err(SaveError::ChangedOnDisk) };
    update(&mut app, changed);
    assert!(matches!(app.modal, Some(Modal::ChangedOnDisk)));
    assert!(matches!(app.save_state, SaveState::Failed(_)));
    assert!(ch(&mut app, 'x').is_empty(), "other keys leave the question up");
    assert!(matches!(app.modal, Some(Modal::ChangedOnDisk)));
    assert_eq!(saves(&ch(&mut app, 'o')), [(1, 49, true)]);

    update(&mut app, Msg::Saved { generation: 1, result: Err(SaveError::ChangedOnDisk) });
    assert_eq!(ch(&mut app, 'r'), [Effect::Store(StoreJob::Reload)]);
    assert!(app.modal.is_none());
}

// ---- quit ----

#[test]
fn q_quits_at_once_when_everything_is_on_disk() {
    let mut app = demo_app();
    assert_eq!(ch(&mut app, 'q'), [Effect::Quit]);
}

#[test]
fn q_asks_first_while_a_change_is_not_on_disk() {
    let mut app = demo_app();
    ch(&mut app, 'd');
    ch(&mut app, 'y');
    assert!(ch(&mut app, 'q').is_empty());
    assert!(matches!(app.modal, Some(Modal::ConfirmQuit)));
    assert!(ch(&mut app, 'n').is_empty());
    assert!(app.modal.is_none());
    ch(&mut app, 'q');
    assert_eq!(ch(&mut app, 'y'), [Effect::Quit]);

    let mut app = demo_app();
    ch(&mut app, 'd');
    ch(&mut app, 'y');
    update(&mut app, Msg::Saved { generation: 1, result: Ok(Default::default()) });
    assert_eq!(ch(&mut app, 'q'), [Effect::Quit], "saved now: no question");
}

#[test]
fn a_message_of_the_screen_left_is_cleared_and_one_said_on_the_way_stays() {
    let mut app = demo_app();
    press(&mut app, KeyCode::F(5));
    assert_eq!(notice(&app), ("F5 does nothing here; ? lists the keys".to_string(), true));
    ch(&mut app, 'm');
    assert!(matches!(app.screen, Screen::Matrix(_)));
    assert!(app.notice.is_none(), "the portfolio's message left with it: {:?}", app.notice);
    // Back on the portfolio a key's own message is shown.
    ch(&mut app, 'q');
    assert!(matches!(app.screen, Screen::Portfolio));
    ch(&mut app, ' ');
    let marked = notice(&app).0;
    ch(&mut app, 'm');
    assert!(app.notice.is_none(), "{marked:?} belonged to the portfolio");
}

#[test]
fn m_shows_only_the_marked_and_c_clears_every_mark() {
    let mut app = demo_app();
    for name in ["Brabo Foodservice NV", "Xantra Logistics NV"] {
        select(&mut app, name);
        ch(&mut app, ' ');
    }
    ch(&mut app, 'M');
    assert_eq!(names(&app), ["Brabo Foodservice NV", "Xantra Logistics NV"]);
    assert_totals_match_rows(&app);
    ch(&mut app, 'M');
    assert_eq!(names(&app).len(), 50, "M again shows all");
    ch(&mut app, 'M');
    ch(&mut app, 'C');
    assert_eq!(notice(&app), ("2 marks cleared".to_string(), false));
    assert!(app.view.marked.is_empty());
    assert_eq!(names(&app).len(), 50, "with no mark left, all are shown again");
}
