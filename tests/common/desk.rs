//! Builders shared by the desk's update and snapshot tests: an `App` on the demo portfolio,
//! keys fed through `update`, and a render into ratatui's `TestBackend`.

use std::path::PathBuf;
use std::sync::Arc;

use dealdesk::domain::fields::Field;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::summary::Summary;
use dealdesk::tui::app::{App, Effect, Msg, StoreJob};
use dealdesk::tui::dispatch::update;
use dealdesk::tui::kit::theme::Theme;
use dealdesk::tui::policy::state::PolicyEditor;
use dealdesk::tui::prospect::state::ProspectForm;
use dealdesk::tui::screen::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use super::domain::today;

pub fn demo_prospects() -> Vec<Prospect> {
    dealdesk::cli::demo::demo_prospects().expect("the demo portfolio loads")
}

/// A desk on these prospects, without colour, at 120×40.
pub fn app_with(prospects: Vec<Prospect>, welcome: bool) -> App {
    let mut app =
        App::new(prospects, Policy::default_policy(), today(), PathBuf::from("portfolio.json"), welcome);
    app.theme = Theme { color: false };
    resize(&mut app, 120, 40);
    app
}

/// A desk on the demo portfolio, on the portfolio screen.
pub fn demo_app() -> App {
    app_with(demo_prospects(), false)
}

/// Tells the desk the terminal's size, as the runner does on a resize.
pub fn resize(app: &mut App, width: u16, height: u16) {
    update(app, Msg::Resize(width, height));
}

/// One key press with modifiers; the effects it asked for.
pub fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, modifiers)))
}

/// One key press without modifiers (an upper-case letter carries Shift, as terminals send it).
pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    press_with(app, code, modifiers)
}

pub fn ch(app: &mut App, c: char) -> Vec<Effect> {
    press(app, KeyCode::Char(c))
}

pub fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    press_with(app, KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Types text key by key; all the effects in order.
pub fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars().flat_map(|c| ch(app, c)).collect()
}

/// Several keys in a row; all the effects in order.
pub fn keys(app: &mut App, codes: &[KeyCode]) -> Vec<Effect> {
    codes.iter().flat_map(|&c| press(app, c)).collect()
}

/// The Save effects among these, as (generation, number of prospects, overwrite).
pub fn saves(effects: &[Effect]) -> Vec<(u64, usize, bool)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Store(StoreJob::Save { generation, prospects, overwrite, .. }) => {
                Some((*generation, prospects.len(), *overwrite))
            }
            _ => None,
        })
        .collect()
}

/// The names in the table, in display order.
pub fn names(app: &App) -> Vec<String> {
    app.view
        .rows()
        .iter()
        .map(|&i| app.portfolio.prospect(i).expect("row in portfolio").name.clone())
        .collect()
}

/// The summaries of the rows, in display order.
pub fn summaries(app: &App) -> Vec<Summary> {
    app.view.rows().iter().map(|&i| app.portfolio.summary(i).expect("row in portfolio").clone()).collect()
}

/// The prospect with this name in the portfolio.
pub fn prospect(app: &App, name: &str) -> Arc<Prospect> {
    app.portfolio
        .prospects()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} is in the portfolio"))
        .clone()
}

/// Moves the table's selection onto the prospect with this name.
pub fn select(app: &mut App, name: &str) {
    let at = names(app).iter().position(|n| n == name).unwrap_or_else(|| panic!("{name} is shown"));
    press(app, KeyCode::Home);
    for _ in 0..at {
        ch(app, 'j');
    }
    assert_eq!(app.view.selected, at);
}

/// Selects the prospect and opens its form (Enter).
pub fn open(app: &mut App, name: &str) {
    select(app, name);
    press(app, KeyCode::Enter);
    assert_eq!(form(app).original.name, name);
}

/// The open form; panics when another screen is up.
pub fn form(app: &App) -> &ProspectForm {
    match &app.screen {
        Screen::Prospect(form) => form,
        other => panic!("expected the prospect form, found {other:?}"),
    }
}

pub fn field_index(field: Field) -> usize {
    Field::ALL.iter().position(|f| *f == field).expect("field in table")
}

/// Moves the form's cursor with Tab until it is on this field.
pub fn focus(app: &mut App, field: Field) {
    for _ in 0..Field::ALL.len() {
        if form(app).field() == field {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("Tab never reached {field:?}");
}

/// Replaces the focused field's text by typing it (Ctrl-U empties the line first).
pub fn retype(app: &mut App, text: &str) {
    ctrl(app, 'u');
    type_text(app, text);
}

/// The whole screen as a test terminal of this size shows it.
pub fn render(app: &mut App, width: u16, height: u16) -> TestBackend {
    resize(app, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|f| dealdesk::tui::dispatch::render(f, app)).expect("draw");
    terminal.backend().clone()
}

/// The screen's lines as text, trailing spaces trimmed.
pub fn screen_text(backend: &TestBackend) -> Vec<String> {
    let buffer = backend.buffer();
    let width = buffer.area.width as usize;
    buffer
        .content
        .chunks(width)
        .map(|row| {
            let line: String = row.iter().map(|c| c.symbol()).collect();
            line.trim_end().to_string()
        })
        .collect()
}

/// A name as a Benelux reader sorts and searches it: lower case, accents dropped.
pub fn fold(name: &str) -> String {
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

/// The notice line's text, and whether it is an error.
pub fn notice(app: &App) -> (String, bool) {
    let n = app.notice.as_ref().expect("a notice");
    (n.text.clone(), n.error)
}

/// The totals line must add up exactly the rows shown: the volume of each, the other figures
/// of those not declined or on hold.
pub fn assert_totals_match_rows(app: &App) {
    use dealdesk::domain::money::Money;
    use dealdesk::domain::vocabulary::Status;
    let shown = summaries(app);
    let (mut volume, mut exposure, mut loss, mut profit) =
        (Money::ZERO, Money::ZERO, Money::ZERO, Money::ZERO);
    for s in &shown {
        volume += s.volume.unwrap_or(Money::ZERO);
        if matches!(s.status, Status::Declined | Status::OnHold) {
            continue;
        }
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

/// Where a desk under test would save its policy; never written (the runner is not here).
pub const POLICY_FILE: &str = "/tmp/dealdesk-test/policy.json";

/// The demo desk with a place for its policy file, on the policy screen.
pub fn policy_app() -> App {
    let mut app = demo_app();
    app.policy_path = Some(PathBuf::from(POLICY_FILE));
    ch(&mut app, 'p');
    app
}

/// The policy editor on screen.
pub fn editor(app: &App) -> &PolicyEditor {
    match &app.screen {
        Screen::Policy(e) => e,
        other => panic!("expected the policy editor, found {other:?}"),
    }
}
