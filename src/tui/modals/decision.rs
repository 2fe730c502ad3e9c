//! The decision dialog: a status and a note for one prospect, recorded in its history with
//! the terms and the assessment of today.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode as K, KeyEvent};
use ratatui::text::{Line, Span};
use strum::VariantArray;

use super::Modal;
use crate::domain::decision::{self, Decision};
use crate::domain::evaluate::evaluate;
use crate::domain::format;
use crate::domain::prospect::{Prospect, Terms};
use crate::domain::vocabulary::Status;
use crate::portfolio::revision::{Freshness, Revision};
use crate::tui::app::{App, Effect};
use crate::tui::history::Change;
use crate::tui::kit::action::Action;
use crate::tui::kit::keys::{Binding, LINE_EDITING, QUIT, Table, bind, code};
use crate::tui::kit::line_edit::LineEdit;

const DECISION: &[Binding] = &[
    bind(&[code(K::Up)], Action::Up, "previous status", Some("up")),
    bind(&[code(K::Down)], Action::Down, "next status", Some("down")),
    bind(&[code(K::Enter)], Action::Confirm, "record", Some("record")),
    bind(&[code(K::Esc)], Action::Cancel, "cancel", Some("cancel")),
];

/// The note takes the line-editing keys.
pub const KEYS: Table = Table(&[DECISION, LINE_EDITING, QUIT]);

/// The decision dialog: a status and a note for one prospect.
#[derive(Debug, Clone)]
pub struct DecisionDialog {
    pub id: u64,
    pub name: String,
    /// The version of the prospect the dialog was opened on: a decision is recorded only on it.
    pub base: Revision,
    /// The highlighted status: an index into `Status::VARIANTS`.
    pub status_index: usize,
    pub note: LineEdit,
    /// The terms the decision agrees to, when it comes from the what-if.
    pub terms: Option<Terms>,
}

impl DecisionDialog {
    /// The dialog for a prospect, starting from its current status.
    pub fn on(p: &Arc<Prospect>) -> DecisionDialog {
        DecisionDialog {
            id: p.id,
            name: p.name.clone(),
            base: Revision::of(p),
            status_index: Status::VARIANTS.iter().position(|s| *s == p.status).unwrap_or(0),
            note: LineEdit::default(),
            terms: None,
        }
    }
}

pub fn on_key(
    app: &mut App,
    mut dialog: DecisionDialog,
    action: Option<Action>,
    key: &KeyEvent,
    effects: &mut Vec<Effect>,
) -> Option<Modal> {
    match action {
        Some(Action::Up) => dialog.status_index = dialog.status_index.saturating_sub(1),
        Some(Action::Down) => dialog.status_index = (dialog.status_index + 1).min(Status::VARIANTS.len() - 1),
        Some(Action::Cancel) => return None,
        Some(Action::Confirm) => {
            record(app, &dialog, effects);
            return None;
        }
        Some(action) => {
            dialog.note.apply(action, key);
        }
        None => {}
    }
    Some(Modal::Decision(dialog))
}

/// Appends a decision to the prospect's history with the terms and the assessment of today.
fn record(app: &mut App, dialog: &DecisionDialog, effects: &mut Vec<Effect>) {
    let before = match app.portfolio.freshness(&dialog.base) {
        Freshness::Current => dialog.base.prospect().clone(),
        Freshness::Newer(_) => {
            let name = &dialog.name;
            return app
                .warn(format!("Nothing recorded: {name} changed while the dialog was open; decide again"));
        }
        Freshness::Gone => return app.warn("Nothing recorded: that prospect is no longer in the portfolio"),
    };
    let status = Status::VARIANTS.get(dialog.status_index).copied().unwrap_or(Status::New);
    let note = dialog.note.text().trim().to_string();
    let decision = Decision { status, terms: dialog.terms.clone(), note };
    let after = decision::record(&before, decision, &app.stamp(), &app.policy, app.today);
    // A form or what-if on this prospect takes the new version once this key is handled.
    let after = Arc::new(after);
    let name = after.name.clone();
    app.commit(Change::Put { before: Some(before), after }, effects);
    app.say(format!("Decision recorded for {name}: {}", status.label()));
}

pub fn body(app: &App, dialog: &DecisionDialog) -> (&'static str, Vec<Line<'static>>) {
    let t = app.theme;
    let mut lines = vec![Line::raw(format!("Decision on {}", dialog.name))];
    lines.extend(recorded(app, dialog));
    lines.push(Line::raw(""));
    for (i, status) in Status::VARIANTS.iter().enumerate() {
        let style = if i == dialog.status_index { t.selected() } else { ratatui::style::Style::new() };
        let marker = if i == dialog.status_index { "›" } else { " " };
        lines.push(Line::styled(format!(" {marker} {}", status.label()), style));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![Span::styled("Note: ", t.key()), Span::raw(dialog.note.text().to_string())]));
    // After the note, so that the note's line (and the cursor on it) stays where it is.
    lines.extend(deviation_lines(app, dialog));
    (" Record a decision ", lines)
}

/// The deviations from policy the highlighted status would record with these terms.
fn deviation_lines(app: &App, dialog: &DecisionDialog) -> Vec<Line<'static>> {
    let Some(p) = app.portfolio.position(dialog.id).and_then(|i| app.portfolio.prospect(i)) else {
        return Vec::new();
    };
    let status = Status::VARIANTS.get(dialog.status_index).copied().unwrap_or(Status::New);
    if !decision::agrees_terms(status) {
        return vec![Line::styled("Agrees no terms: nothing outside policy", app.theme.dim())];
    }
    let evaluation = evaluate(p, &app.policy, app.today);
    let (_, deviations) = decision::decided_terms(p, status, dialog.terms.clone(), &evaluation);
    if deviations.is_empty() {
        return vec![Line::styled("Within policy: the terms of the band's cell", app.theme.dim())];
    }
    let mut lines = vec![Line::styled("Outside policy, recorded with the decision:", app.theme.warning())];
    lines.extend(deviations.into_iter().map(|d| Line::raw(format!("  · {}", d.text))));
    lines
}

/// What the decision will record besides status and note: today's band and the terms.
fn recorded(app: &App, dialog: &DecisionDialog) -> [Line<'static>; 2] {
    let none = || [Line::raw(""), Line::raw("")];
    let Some(i) = app.portfolio.position(dialog.id) else { return none() };
    let (Some(p), Some(s)) = (app.portfolio.prospect(i), app.portfolio.summary(i)) else { return none() };
    let terms = dialog.terms.as_ref().or(p.agreed_terms.as_ref());
    let (days, advance) = terms.map_or((s.payment_days, s.advance), |t| (t.payment_days, t.advance_pct));
    let which = if dialog.terms.is_some() {
        "the edited terms"
    } else if p.agreed_terms.is_some() {
        "the agreed terms"
    } else {
        "the suggested terms"
    };
    let score = s.score.map_or("—".into(), format::score);
    let dim = app.theme.dim();
    [
        Line::styled(format!("Now {} · band {} ({score}) today", p.status.label(), s.band), dim),
        Line::styled(format!("Records {which}: {days} days, {advance} % advance"), dim),
    ]
}

/// Where the note's text starts: (line in the box, column).
pub fn cursor(dialog: &DecisionDialog) -> (u16, u16, &LineEdit) {
    (4 + Status::VARIANTS.len() as u16 + 1, 6, &dialog.note)
}
