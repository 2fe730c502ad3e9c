//! Keys of the policy editor, and the change of policy once it is saved.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::{KEYS, SEARCH_KEYS, TYPING_KEYS};
use super::state::PolicyEditor;
use crate::domain::format::count as count_of;
use crate::domain::policy::Policy;
use crate::tui::app::{App, Effect, Nav, StoreJob};
use crate::tui::kit::action::Action;
use crate::tui::kit::line_edit::{LineEdit, typing_key};
use crate::tui::modals::Modal;
use crate::tui::screen::Screen;

pub fn open(app: &mut App) {
    let editor = PolicyEditor::open(&app.policy);
    app.go(Nav::Push(Screen::Policy(Box::new(editor))));
}

pub fn on_key(app: &mut App, e: &mut PolicyEditor, key: &KeyEvent, effects: &mut Vec<Effect>) {
    let page = usize::from(app.size.height.saturating_sub(12)).max(1) as isize;
    if e.typing.is_some() {
        if typing_key(&mut e.typing, TYPING_KEYS, key) {
            e.apply_typed();
        }
        return;
    }
    if e.search.is_some() {
        return on_search_key(app, e, key);
    }
    match KEYS.lookup(key) {
        Some(Action::NextField) => e.jump_section(true),
        Some(Action::PreviousField) => e.jump_section(false),
        Some(Action::Up) => edge(app, e.move_rows(-1), "the first value of the section"),
        Some(Action::Down) => edge(app, e.move_rows(1), "the last value of the section"),
        Some(Action::PageUp) => edge(app, e.move_rows(-page), "the first value of the section"),
        Some(Action::PageDown) => edge(app, e.move_rows(page), "the last value of the section"),
        // In a table ←/→ move between cells; in a list, between sections.
        Some(Action::Left) if e.in_grid() => edge(app, e.move_columns(-1), "the first column"),
        Some(Action::Right) if e.in_grid() => edge(app, e.move_columns(1), "the last column"),
        Some(Action::Left) => e.jump_section(false),
        Some(Action::Right) => e.jump_section(true),
        Some(Action::NextPage) if !e.turn_page(true) => app.say(NO_PAGES),
        Some(Action::PreviousPage) if !e.turn_page(false) => app.say(NO_PAGES),
        Some(Action::NextPage | Action::PreviousPage) => {}
        Some(Action::Top) => edge(app, e.to_end(false), "the first value"),
        Some(Action::Bottom) => edge(app, e.to_end(true), "the last value"),
        Some(Action::Filter) => e.start_search(),
        Some(Action::Increase) if !e.cycle(true) => app.say("+ and − pick a choice; type a number instead"),
        Some(Action::Increase) => {}
        // Off a choice, a minus starts a negative number.
        Some(Action::Decrease) if !e.cycle(false) => e.typing = Some(LineEdit::new("-")),
        Some(Action::Decrease) => {}
        Some(Action::Type) => {
            if !e.cycle(true) {
                let current = e.leaf().map(|l| e.value(l)).unwrap_or_default();
                e.typing = Some(LineEdit::new(&current));
            }
        }
        Some(Action::StartTyping) if e.is_choice() => app.warn("A choice: Enter or +/− picks the next"),
        Some(Action::StartTyping) => {
            if let KeyCode::Char(c) = key.code {
                e.typing = Some(LineEdit::new(&c.to_string()));
            }
        }
        Some(Action::New) => {
            if let Err(why) = e.add_point() {
                app.say(why);
            }
        }
        Some(Action::Delete) => {
            if let Err(why) = e.remove_point() {
                app.say(why);
            }
        }
        Some(Action::Reset) => app.modal = Some(Modal::ConfirmResetPolicy),
        Some(Action::Save) => save(app, e, effects),
        Some(Action::Back) if e.changed() => app.modal = Some(Modal::DiscardPolicy),
        Some(Action::Back) => app.go(Nav::Pop),
        Some(Action::Help) => app.help = true,
        _ => app.unknown_key(key, "?"),
    }
}

const NO_PAGES: &str = "[ and ] turn the pages of the terms matrix and of the curves";

/// A move that cannot be made says why, rather than doing nothing.
fn edge(app: &mut App, moved: bool, limit: &str) {
    if !moved {
        app.say(format!("Already at {limit}"));
    }
}

fn on_search_key(app: &mut App, e: &mut PolicyEditor, key: &KeyEvent) {
    match SEARCH_KEYS.lookup(key) {
        Some(Action::Down) => edge(app, e.next_hit(true), "the only value found"),
        Some(Action::Up) => edge(app, e.next_hit(false), "the only value found"),
        Some(Action::Confirm) => e.end_search(true),
        Some(Action::Cancel) => e.end_search(false),
        Some(edit) => {
            if e.search.as_mut().is_some_and(|s| s.line.apply(edit, key)) {
                e.research();
            }
        }
        None => app.unknown_key(key, "?"),
    }
}

/// Asks the runner to write the policy file; refused while the policy is invalid.
fn save(app: &mut App, e: &mut PolicyEditor, effects: &mut Vec<Effect>) {
    let path = app.policy_path.clone();
    // Blocks still to come were evaluated under the policy in force when the load began.
    if app.loading.is_some() {
        app.warn("Not saved yet: the portfolio is still loading; save once it is read");
        return;
    }
    if let Some((at, sentence)) = e.first_issue() {
        if let Some(i) = at {
            e.focus_on(i);
        }
        app.warn(format!("Not saved: {}. {sentence}", count_of(e.issues.len(), "problem")));
        return;
    }
    match (path, &app.team) {
        (Some(path), _) => effects.push(Effect::SavePolicy { path, text: e.text() }),
        (None, Some(team)) if team.credit => effects
            .push(Effect::Store(StoreJob::SaveTeamPolicy { text: e.text(), base: team.policy_version })),
        (None, Some(team)) => app.warn(format!(
            "Not saved: only the credit role (dealdesk_credit) edits the team policy, and {} is not in it",
            team.user
        )),
        (None, None) => app.warn("No place for a policy file: start with --policy PATH"),
    }
}

/// The team's policy is saved in the shared store: in force here as a saved file would be.
pub fn on_team_saved(app: &mut App, result: Result<(i64, String), String>) {
    let saved = result.map(|(version, text)| {
        if let Some(desk) = &mut app.team {
            desk.policy_version = Some(version);
        }
        (format!("the team store (version {version})"), text)
    });
    on_saved(app, saved);
}

/// The policy file is written: the new policy is in force and the whole portfolio is
/// re-evaluated at once; the notice says what moved.
/// The policy comes from the text written, so that it is put in force even when the editor
/// was left before the answer came.
pub fn on_saved(app: &mut App, result: Result<(String, String), String>) {
    let (place, policy) = match result.and_then(|(place, text)| Ok((place, Policy::from_json(&text)?))) {
        Ok(saved) => saved,
        Err(message) => {
            app.warn(format!("Policy not saved: {message}"));
            return;
        }
    };
    let summary = apply_policy(app, policy);
    let fresh = PolicyEditor::open(&app.policy);
    if let Some(e) = app.screen.policy_mut() {
        *e = fresh;
    }
    let place = if app.demo {
        // The path is on the editor's first line.
        "the demo's temporary folder (not your own policy file)".to_string()
    } else {
        place
    };
    app.say(format!("Policy saved to {place}; {summary}"));
}

/// Puts a policy in force, re-evaluating every prospect; says how many changed band and terms.
pub fn apply_policy(app: &mut App, policy: Policy) -> String {
    let before: Vec<_> = app.portfolio.summaries().to_vec();
    app.policy = policy;
    app.portfolio.reevaluate(&app.policy, app.today);
    let after = app.portfolio.summaries();
    let band = before.iter().zip(after).filter(|(b, a)| b.band != a.band).count();
    let terms = before
        .iter()
        .zip(after)
        .filter(|(b, a)| (b.payment_days, b.advance) != (a.payment_days, a.advance))
        .count();
    app.view.invalidate();
    app.view.refresh(&app.portfolio);
    format!("{} changed band, {terms} changed suggested terms", count_of(band, "prospect"))
}
