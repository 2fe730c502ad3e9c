//! The portfolio screen without a terminal: keys in, state out. Sort, filters and their totals,
//! undo/redo, read-only, saving and quitting. (The form, its undo and decisions: `tui_update_form.rs`.)

mod common;

use common::desk::*;
use dealdesk::domain::money::Money;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::summary::Summary;
use dealdesk::domain::vocabulary::{Band, Segment, Status};
use dealdesk::portfolio::sort::{Column, SortDirection};
use dealdesk::store::stream::Progress;
use dealdesk::tui::app::{Effect, Msg, SaveError, SaveState};
use dealdesk::tui::dispatch::update;
use dealdesk::tui::modals::Modal;
use dealdesk::tui::screen::Screen;
use ratatui::crossterm::event::KeyCode;
use strum::VariantArray;

/// A name as a Benelux reader sorts and searches it: lower case, accents dropped.
fn fold(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// The query's letters appear in the name in order (the reference the filter must agree with).
/// Whether one of the name's words (letters and digits) holds the one-word query, folded.
fn in_a_word(query: &str, name: &str) -> bool {
    fold(name).split(|c: char| !c.is_alphanumeric()).any(|word| word.contains(&fold(query)))
}

fn notice(app: &dealdesk::tui::app::App) -> (String, bool) {
    let n = app.notice.as_ref().expect("a notice");
    (n.text.clone(), n.error)
}

/// The totals line must add up exactly the rows shown.
fn assert_totals_match_rows(app: &dealdesk::tui::app::App) {
    let shown = summaries(app);
    let (mut volume, mut exposure, mut loss, mut profit) =
        (Money::ZERO, Money::ZERO, Money::ZERO, Money::ZERO);
    for s in &shown {
        volume += s.volume.unwrap_or(Money::ZERO);
        exposure += s.exposure;
        loss += s.expected_loss;
        profit += s.risk_adjusted_profit.unwrap_or(Money::ZERO);
    }
    let t = app.view.totals();
    assert_eq!(t.count, shown.len());
    assert_eq!(
        (t.volume(), t.exposure(), t.expected_loss(), t.risk_adjusted_profit()),
        (volume, exposure, loss, profit)
    );
}

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

// ---- filter ----

#[test]
fn typing_a_filter_narrows_to_word_matches_without_accents() {
    let mut app = demo_app();
    ch(&mut app, '/');
    assert!(app.view.typing);
    type_text(&mut app, "lumiere");
    assert_eq!(names(&app), ["Atelier Lumière SRL"]);
    ctrl(&mut app, 'u');
    type_text(&mut app, "beaute");
    assert_eq!(names(&app), ["Institut de Beauté Élise SRL"]);
    ctrl(&mut app, 'u');
    type_text(&mut app, "MATÉRIAUX");
    assert_eq!(names(&app), ["Ardennes Matériaux SA"], "accents and case in the query too");
    ctrl(&mut app, 'u');
    type_text(&mut app, "xan log");
    assert_eq!(names(&app), ["Xantra Logistics NV"]);
    assert_totals_match_rows(&app);
}

#[test]
fn a_filter_finds_words_never_letters_scattered_over_them() {
    let mut app = demo_app();
    ch(&mut app, '/');
    type_text(&mut app, "xant");
    assert_eq!(names(&app), ["Xantra Logistics NV"], "x-a-n-t over Lux|log Tr|ans|ports is no match");
    ctrl(&mut app, 'u');
    type_text(&mut app, "sint jo");
    assert_eq!(names(&app), ["Apotheek Sint-Jozef BV"], "prefixes of consecutive words");
    ctrl(&mut app, 'u');
    type_text(&mut app, "xlog");
    assert_eq!(names(&app), ["Luxlog Transports SA"], "inside one word, not X…antra Log…istics");
    ctrl(&mut app, 'u');
    type_text(&mut app, "translog");
    assert!(names(&app).is_empty(), "two words run together are not one");
    ctrl(&mut app, 'u');
    type_text(&mut app, "transp");
    assert_eq!(names(&app), ["Luxlog Transports SA"]);
}

#[test]
fn while_a_filter_is_on_the_rank_orders_and_the_sort_orders_equal_ranks() {
    let mut app = demo_app();
    // Sort by score, best first: Name → Band → Score, then reversed.
    ch(&mut app, '>');
    ch(&mut app, '>');
    ch(&mut app, 'r');
    assert_eq!(app.view.sort, (Column::Score, SortDirection::Descending));
    let by_score = names(&app);
    ch(&mut app, '/');
    ch(&mut app, 'b');
    // The nine names that start with a b, by score (from the demo: 98.9, 98.0, 97.1, 75.3,
    // 59.5, 56.7, 56.2, 39.9, 7.3); then those with a later word starting with b ("… BV"),
    // then those with a b inside a word.
    let shown = names(&app);
    assert_eq!(
        shown[..9],
        [
            "Boekhandel De Letter BV",
            "Brabo Foodservice NV",
            "Boulangerie Reuter SARL",
            "Bloemenatelier Roos BV",
            "Brasserie Le Sablon SRL",
            "Brainport Precisie BV",
            "Bâtiments Wiltz SARL",
            "Bouwonderneming Claeys BV",
            "Brouwerij De Oude Sluis BV",
        ]
    );
    let inside = shown.iter().position(|n| n == "Architectenbureau Lemaire SRL").expect("a b inside a word");
    let later_word = shown.iter().position(|n| n == "Apotheek Sint-Jozef BV").expect("BV starts with b");
    assert!(9 <= later_word && later_word < inside, "{shown:?}");
    assert_eq!(app.view.selected, 0, "the best match is selected");
    // The whole name typed: that prospect first.
    ctrl(&mut app, 'u');
    type_text(&mut app, "brasserie le sablon srl");
    assert_eq!(names(&app)[0], "Brasserie Le Sablon SRL");
    // Clearing the filter restores the sort.
    press(&mut app, KeyCode::Esc);
    assert_eq!(names(&app), by_score);
}

#[test]
fn each_letter_narrows_and_backspace_widens_again() {
    let mut app = demo_app();
    let all = names(&app);
    ch(&mut app, '/');
    let mut counts = Vec::new();
    for (i, c) in "bouw".chars().enumerate() {
        ch(&mut app, c);
        let query: String = "bouw".chars().take(i + 1).collect();
        let mut shown = names(&app);
        let mut expected: Vec<String> = all.iter().filter(|n| in_a_word(&query, n)).cloned().collect();
        shown.sort();
        expected.sort();
        assert_eq!(shown, expected, "{query}");
        assert_totals_match_rows(&app);
        counts.push(app.view.rows().len());
    }
    assert!(counts.is_sorted_by(|a, b| a >= b), "{counts:?}");
    assert!(counts[3] < 50 && counts[3] >= 2, "{counts:?}");
    for back in (0..4).rev() {
        press(&mut app, KeyCode::Backspace);
        assert_eq!(app.view.rows().len(), if back == 0 { 50 } else { counts[back - 1] });
    }
    assert_eq!(names(&app), all, "back to the whole portfolio in the same order");
}

#[test]
fn letters_go_to_the_filter_not_to_commands() {
    let mut app = demo_app();
    ch(&mut app, '/');
    let effects = type_text(&mut app, "qbdn");
    assert!(effects.is_empty(), "q typed into the filter must not quit");
    assert_eq!(app.view.query.text(), "qbdn");
    assert!(app.view.band.is_none() && app.modal.is_none());
    assert!(matches!(app.screen, Screen::Portfolio));
}

#[test]
fn esc_clears_the_filter_and_enter_keeps_it() {
    let mut app = demo_app();
    ch(&mut app, '/');
    type_text(&mut app, "brab");
    let narrowed = app.view.rows().len();
    assert!(narrowed < 50);
    press(&mut app, KeyCode::Esc);
    assert!(!app.view.typing);
    assert_eq!(app.view.query.text(), "");
    assert_eq!(app.view.rows().len(), 50);

    ch(&mut app, '/');
    type_text(&mut app, "brab");
    press(&mut app, KeyCode::Enter);
    assert!(!app.view.typing);
    assert_eq!(app.view.rows().len(), narrowed, "Enter keeps the filter");
    ch(&mut app, 'b');
    assert!(app.view.band.is_some(), "b is a command again once the filter is kept");
    press(&mut app, KeyCode::Esc);
    assert_eq!((app.view.query.text(), app.view.band), ("", None), "Esc on the table clears every filter");
    assert_eq!(app.view.rows().len(), 50);
}

#[test]
fn quick_filters_cycle_and_combine() {
    let mut app = demo_app();
    let bands: Vec<Band> = Band::VARIANTS.to_vec();
    for band in &bands {
        ch(&mut app, 'b');
        assert_eq!(app.view.band, Some(*band));
        assert!(summaries(&app).iter().all(|s| s.band == *band));
        let expected = app.portfolio.summaries().iter().filter(|s| s.band == *band);
        assert_eq!(app.view.rows().len(), expected.count());
        assert_totals_match_rows(&app);
    }
    ch(&mut app, 'b');
    assert_eq!((app.view.band, app.view.rows().len()), (None, 50), "and back to all");

    ch(&mut app, 'v');
    assert_eq!(app.view.segment, Some(Segment::Strategic));
    let strategic = app.view.rows().len();
    ch(&mut app, 'v');
    assert_eq!(app.view.segment, Some(Segment::Key));
    for _ in 0..3 {
        ch(&mut app, 'b');
    }
    assert_eq!(app.view.band, Some(Band::C));
    let expected = app
        .portfolio
        .summaries()
        .iter()
        .filter(|s| s.band == Band::C && s.segment == Some(Segment::Key))
        .count();
    assert!(expected >= 2, "the demo has several key accounts in band C");
    assert_eq!(app.view.rows().len(), expected);
    assert_totals_match_rows(&app);
    assert!(strategic > 0);

    ch(&mut app, 'f');
    assert_eq!(app.view.status, Some(Status::New));
    assert!(
        summaries(&app)
            .iter()
            .all(|s| s.status == Status::New && s.band == Band::C && s.segment == Some(Segment::Key))
    );
    assert_totals_match_rows(&app);
}

#[test]
fn a_filter_that_matches_nothing_shows_nothing_and_zero_totals() {
    let mut app = demo_app();
    ch(&mut app, '/');
    type_text(&mut app, "zzzz");
    assert!(app.view.rows().is_empty());
    assert_eq!(app.view.totals().count, 0);
    assert_eq!(app.view.totals().volume(), Money::ZERO);
    press(&mut app, KeyCode::Enter);
    let effects = press(&mut app, KeyCode::Enter);
    assert!(effects.is_empty());
    assert!(matches!(app.screen, Screen::Portfolio), "nothing to open");
    assert!(notice(&app).1);
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
    update(&mut app, Msg::Saved { generation: 1, result: Ok(()) });
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
    update(&mut app, Msg::Saved { generation: 1, result: Ok(()) });
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
    assert_eq!(ch(&mut app, 'r'), [Effect::Reload]);
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
    update(&mut app, Msg::Saved { generation: 1, result: Ok(()) });
    assert_eq!(ch(&mut app, 'q'), [Effect::Quit], "saved now: no question");
}
