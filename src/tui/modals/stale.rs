//! Another user saved a prospect since this desk read it, so the database refused this desk's
//! change to it (the other changes were saved): take their version, keep this desk's as a
//! copy beside it, or, with the credit role, write this desk's over theirs.

use ratatui::crossterm::event::KeyCode as K;
use ratatui::text::Line;

use super::Modal;
use crate::store::backend::Theirs;
use crate::tui::app::{App, Effect};
use crate::tui::kit::action::Action;
use crate::tui::kit::keys::{Binding, Table, bind, ch, code};
use crate::tui::team;

const STALE: &[Binding] = &[
    bind(&[ch('r')], Action::Reload, "take their version (this desk's change is dropped)", Some("theirs")),
    bind(&[ch('c')], Action::KeepCopy, "keep this desk's version as a copy beside theirs", Some("copy")),
    bind(
        &[ch('o')],
        Action::Overwrite,
        "write this desk's version over theirs (credit role)",
        Some("overwrite"),
    ),
    bind(&[code(K::Esc)], Action::Cancel, "decide later (Ctrl-S asks again)", Some("later")),
];

pub const KEYS: Table = Table(&[STALE]);

/// The prospect's name as the dialog says it.
fn name_of(app: &App, theirs: &Theirs) -> String {
    let mine =
        app.portfolio.position(theirs.id).and_then(|i| app.portfolio.prospect(i)).map(|p| p.name.clone());
    let theirs_name = theirs.prospect.as_ref().map(|p| p.name.clone());
    mine.or(theirs_name).unwrap_or_else(|| format!("prospect {}", theirs.id))
}

/// Resolves the first stale prospect; the dialog stays for the next one, if any.
pub fn on_key(
    app: &mut App,
    mut stale: Vec<Theirs>,
    action: Option<Action>,
    effects: &mut Vec<Effect>,
) -> Option<Modal> {
    let first = stale.first().cloned()?;
    let name = name_of(app, &first);
    match action {
        Some(Action::Reload) => {
            let by = first.stamp.by.clone();
            app.held.remove(&first.id);
            team::take_theirs(app, first, effects);
            app.say(format!("Took {by}'s version of {name}"));
        }
        Some(Action::KeepCopy) => {
            app.held.remove(&first.id);
            match team::keep_mine_as_copy(app, first, effects) {
                Ok(copy) => app.say(format!("Kept this desk's version as {copy}, beside theirs")),
                Err(message) => app.warn(format!("No copy kept: {message}")),
            }
        }
        Some(Action::Overwrite) if app.team.as_ref().is_some_and(|t| t.credit) => {
            app.save_now(effects, true);
            app.say(format!("Writing this desk's version of {name} over theirs"));
            return None;
        }
        Some(Action::Overwrite) => {
            app.warn("Only the credit role (dealdesk_credit) writes over another user's change: take theirs or keep a copy");
            return Some(Modal::Stale(stale));
        }
        Some(Action::Cancel) => {
            app.warn(format!("Not saved: {name} was changed by another user; Ctrl-S asks again"));
            return None;
        }
        _ => return Some(Modal::Stale(stale)),
    }
    stale.remove(0);
    (!stale.is_empty()).then_some(Modal::Stale(stale))
}

pub fn body(app: &App, stale: &[Theirs]) -> (&'static str, Vec<Line<'static>>) {
    let Some(first) = stale.first() else { return (" Changed by another user ", Vec::new()) };
    let name = name_of(app, first);
    let what = if first.prospect.is_some() { "changed" } else { "deleted" };
    let mut lines = vec![
        Line::raw(format!("{name} was {what} by {} at {}", first.stamp.by, first.stamp.at)),
        Line::raw("since this desk read it, so this desk's change to it was not saved"),
        Line::raw("(every other change was)."),
    ];
    if stale.len() > 1 {
        lines.push(Line::raw(format!("{} more prospect(s) after this one.", stale.len() - 1)));
    }
    (" Changed by another user ", lines)
}
