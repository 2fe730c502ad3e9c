//! The one place that knows every screen: a message comes in and goes to the pop-up, the help
//! overlay or the screen's update; the frame is drawn by the screen's view, with the footer of
//! the key table in force. Each screen's state is lent to its own update and view.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Effect, Msg};
use super::kit::action::Action;
use super::kit::chrome::{footer, has_banner};
use super::kit::help::{self, HelpPage};
use super::kit::keys::Table;
use super::kit::layout;
use super::modals::{self, path_prompt, reading};
use super::screen::Screen;
use super::{
    answers, compare, import, matrix, policy, portfolio, prospect, quit, team, terms, viewing, welcome,
};

/// Handles one message; returns what the runner must do.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let mut effects = Vec::new();
    let notice_before = app.notice.clone();
    match msg {
        Msg::Key(key) if key.kind == KeyEventKind::Press => on_key(app, &key, &mut effects),
        Msg::Key(_) => {}
        Msg::Mouse(mouse) => {
            if app.modal.is_none() && !app.help && matches!(app.screen, Screen::Portfolio) {
                portfolio::update::on_mouse(app, mouse);
            }
        }
        Msg::Resize(w, h) => {
            app.size = Rect::new(0, 0, w, h);
            let height = app.page_height();
            app.view.scroll_into_view(height);
        }
        Msg::Saved { generation, result } => answers::on_saved(app, generation, result, &mut effects),
        Msg::Completions { typed, candidates } => path_prompt::on_completions(app, &typed, candidates),
        Msg::ImportProgress { done, total } => reading::on_progress(app, done, total),
        Msg::ImportFolder { folder, result } => import::update::on_folder(app, folder, result, &mut effects),
        Msg::ImportRead { path, result } => import::update::on_read(app, path, result, &mut effects),
        Msg::Exported(result) => path_prompt::on_exported(app, result),
        Msg::DemoOpened(result) => answers::on_demo(app, result),
        Msg::Reloaded(result) => answers::on_reloaded(app, result),
        Msg::PolicySaved(result) => policy::update::on_saved(app, result),
        Msg::StoreOpened { result, loading } => viewing::on_store_opened(app, result, loading),
        Msg::LoadChunk { prospects, summaries, progress } => {
            answers::on_load_chunk(app, prospects, summaries, progress)
        }
        Msg::LoadDone(result) => answers::on_load_done(app, result),
        Msg::Heard(heard) => team::on_heard(app, heard, &mut effects),
        Msg::Fetched(result) => team::on_fetched(app, result, &mut effects),
        Msg::TeamPolicySaved(result) => policy::update::on_team_saved(app, result),
        // The runner acts on signals before they would reach here.
        Msg::Signal(_) => {}
    }
    // A message about the screen being left goes with it; one said on the way stays.
    if app.navigate() && app.notice == notice_before {
        app.notice = None;
    }
    // Other users' changes held while this desk had their prospects open go in once it lets go.
    team::settle(app, &mut effects);
    catch_up(app);
    keep_panel_in_range(app);
    effects
}

/// A screen that holds a copy of a prospect takes the portfolio's newer version, whatever
/// changed it (a decision recorded above the form, an undo, an import), so that it shows and
/// saves what is there. A form whose edits conflict with the newer version keeps them; its
/// save says why it is refused.
fn catch_up(app: &mut App) {
    app.with_screen(|app, screen| match screen {
        Screen::Prospect(form) => {
            let _ = prospect::update::catch_up(app, form);
        }
        Screen::Terms(editor) => terms::update::catch_up(app, editor),
        _ => {}
    });
}

/// The form's live assessment never scrolls past its end (it depends on the text and the
/// terminal, which only the view measures).
fn keep_panel_in_range(app: &mut App) {
    let max = match &app.screen {
        Screen::Prospect(form) => prospect::panel::max_scroll(app, form),
        _ => return,
    };
    if let Some(form) = app.screen.form_mut() {
        form.panel_scroll = form.panel_scroll.min(max);
    }
}

/// A key goes to the pop-up first, then the help overlay, then the screen. Quitting (Ctrl-C
/// everywhere, `q` where it means quit) is the same everywhere; while the terminal is too small
/// nothing else acts.
fn on_key(app: &mut App, key: &KeyEvent, effects: &mut Vec<Effect>) {
    let action = keys(app).lookup(key);
    if action == Some(Action::Quit) || (layout::too_small(app.size) && is_q(key)) {
        quit::request(app, effects);
        return;
    }
    if layout::too_small(app.size) {
        return;
    }
    if app.modal.is_some() {
        modals::on_key(app, key, effects);
        return;
    }
    if app.help {
        help::on_key(app, help_page(&app.screen), key);
        return;
    }
    app.with_screen(|app, screen| match screen {
        Screen::Welcome => welcome::update::on_key(app, key, effects),
        Screen::Portfolio => portfolio::update::on_key(app, key, effects),
        Screen::Prospect(form) => prospect::update::on_key(app, form, key, effects),
        Screen::Terms(editor) => terms::update::on_key(app, editor, key),
        Screen::Compare(view) => compare::update::on_key(app, view, key),
        Screen::Matrix(view) => matrix::update::on_key(app, view, key),
        Screen::Policy(editor) => policy::update::on_key(app, editor, key, effects),
        Screen::ImportPreview(preview) => import::update::on_key(app, preview, key, effects),
    });
}

/// A plain `q`, which quits while the terminal is too small to show what it would do.
fn is_q(key: &KeyEvent) -> bool {
    key.code == ratatui::crossterm::event::KeyCode::Char('q') && key.modifiers.is_empty()
}

/// The help page of a screen.
fn help_page(screen: &Screen) -> &'static HelpPage {
    match screen {
        Screen::Welcome => &welcome::keys::HELP,
        Screen::Portfolio => &portfolio::keys::HELP,
        Screen::Prospect(_) => &prospect::keys::HELP,
        Screen::Terms(_) => &terms::keys::HELP,
        Screen::Compare(_) => &compare::keys::HELP,
        Screen::Matrix(_) => &matrix::keys::HELP,
        Screen::Policy(_) => &policy::keys::HELP,
        Screen::ImportPreview(_) => &import::keys::HELP,
    }
}

/// The key table in force: the one the keys obey, and the footer and help show.
pub fn keys(app: &App) -> Table {
    if let Some(modal) = &app.modal {
        return modals::keys(modal);
    }
    if app.help {
        return help::KEYS;
    }
    match &app.screen {
        Screen::Welcome => welcome::keys::KEYS,
        Screen::Portfolio if app.view.typing => portfolio::keys::FILTER,
        Screen::Portfolio => portfolio::keys::KEYS,
        Screen::Prospect(_) => prospect::keys::KEYS,
        Screen::Terms(editor) if editor.typing.is_some() => terms::keys::TYPING_KEYS,
        Screen::Terms(_) => terms::keys::KEYS,
        Screen::Compare(_) => compare::keys::KEYS,
        Screen::Matrix(_) => matrix::keys::KEYS,
        Screen::Policy(editor) if editor.typing.is_some() => policy::keys::TYPING_KEYS,
        Screen::Policy(editor) if editor.search.is_some() => policy::keys::SEARCH_KEYS,
        Screen::Policy(_) => policy::keys::KEYS,
        Screen::ImportPreview(_) => import::keys::KEYS,
    }
}

/// Draws the whole frame: the screen, its footer, then the help overlay or a pop-up on top.
/// Rendering only reads the state.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if layout::too_small(area) {
        let way_out = if quit::asking(app) {
            "there are unsaved changes: enlarge it to deal with them, or press q or Ctrl-C again to quit without them"
        } else {
            "enlarge it, or press q or Ctrl-C to quit"
        };
        let text = format!(
            "terminal too small (need {}×{}, have {}×{}): {way_out}",
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT,
            area.width,
            area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    match &app.screen {
        Screen::Welcome => welcome::view::render(frame, app),
        Screen::Portfolio => portfolio::view::render(frame, app),
        Screen::Prospect(form) => prospect::view::render(frame, app, form),
        Screen::Terms(editor) => terms::view::render(frame, app, editor),
        Screen::Compare(view) => compare::view::render(frame, app, view),
        Screen::Matrix(view) => matrix::view::render(frame, app, view),
        Screen::Policy(editor) => policy::view::render(frame, app, editor),
        Screen::ImportPreview(preview) => import::view::render(frame, app, preview),
    }
    let footer_area = layout::frame(area, has_banner(app)).footer;
    frame.render_widget(Paragraph::new(footer(app.theme, keys(app))), footer_area);
    if app.help {
        help::render(frame, app, help_page(&app.screen));
    }
    if let Some(modal) = &app.modal {
        modals::render(frame, app, modal);
    }
}
