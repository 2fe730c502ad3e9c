//! The desk: the interactive terminal application. One folder per screen (its keys, state,
//! update and view), the pop-ups in `modals`, shared widgets in `kit`; `app` holds the shared
//! state, `dispatch` routes messages and drawing to the screens, and this runner is the only
//! place with IO: the terminal, the input thread and the saver thread that owns the store.

pub mod answers;
pub mod app;
pub mod compare;
pub mod dispatch;
pub mod history;
pub mod import;
pub mod kit;
pub mod matrix;
pub mod modals;
pub mod policy;
pub mod portfolio;
pub mod prospect;
pub mod quit;
pub mod screen;
pub mod terms;
pub mod viewing;
pub mod welcome;

mod files;
mod saver;
pub mod signals;
pub mod team;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;

use crate::domain::date::Date;
use crate::domain::policy::Policy;
use crate::domain::prospect::Prospect;
use crate::store::backend::{Backend, NewIds};
use crate::store::location::Location;
use crate::store::postgres::PgStore;
use crate::store::{self, Store};
use app::{App, Effect, Msg};
use saver::Job;
use signals::Request;

/// How long a desk ended by a signal waits for a save in flight.
const SIGNAL_GRACE: Duration = Duration::from_secs(2);

/// What the desk starts with.
pub struct Options {
    pub store: Location,
    pub policy: Policy,
    /// Where the policy editor saves (`None` on a team store: the team's policy, which is
    /// then the one in force).
    pub policy_path: Option<PathBuf>,
    /// Why the user's policy file could not be used, if it could not.
    pub policy_problem: Option<String>,
    pub today: Date,
    pub demo: bool,
    /// A file to view instead of the store, until its prospects are saved into it.
    pub open: Option<PathBuf>,
    /// Who this process is, for the lock file.
    pub holder: String,
    /// `--as-of`: the date decisions are recorded on, instead of the clock's.
    pub as_of: Option<Date>,
}

/// A demo copy that lives as long as the desk.
struct DemoCopy {
    _dir: tempfile::TempDir,
}

/// Opens the demo portfolio in a temporary store.
fn open_demo(holder: &str) -> Result<(Store, Vec<Prospect>, DemoCopy)> {
    let dir = tempfile::tempdir().context("cannot make a temporary folder for the demo")?;
    let path = dir.path().join("demo-portfolio.json");
    let prospects = crate::cli::demo::demo_prospects()?;
    store::write_new(&path, &prospects)?;
    let (store, prospects) = Store::open(&path, holder)?;
    Ok((store, prospects, DemoCopy { _dir: dir }))
}

/// Creates the folder the store goes in (the first time the desk runs, the data folder).
fn create_store_folder(store: &Path) -> Result<()> {
    if let Some(dir) = store.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    Ok(())
}

/// The store as the desk opens it, before the terminal is taken over.
struct Opened {
    /// None while a file is only viewed: no store is opened, nor its lock taken, until the
    /// user saves.
    store: Option<Box<dyn Backend>>,
    /// The store file (the demo's copy; a team store has none).
    store_path: PathBuf,
    prospects: Vec<Prospect>,
    demo: Option<DemoCopy>,
    welcome: bool,
    team: Option<team::TeamDesk>,
    /// The team's policy, when the team store keeps one and `--policy` named none.
    team_policy: Option<Policy>,
}

/// Opens the demo, the file, or the team's database (connecting, finding the role's access,
/// the team's policy and a block of ids for new prospects).
fn open(options: &Options) -> Result<Opened> {
    let path = match &options.store {
        _ if options.demo => {
            let (store, prospects, copy) = open_demo(&options.holder)?;
            return Ok(Opened {
                store_path: store.path().to_path_buf(),
                store: Some(Box::new(store)),
                prospects,
                demo: Some(copy),
                welcome: false,
                team: None,
                team_policy: None,
            });
        }
        Location::File(path) if options.open.is_some() => {
            let store_path = path.clone();
            return Ok(Opened { store: None, store_path, ..Opened::nothing() });
        }
        Location::File(path) => path,
        Location::Postgres(_) if options.open.is_some() => {
            return Ok(Opened { store: None, store_path: PathBuf::new(), ..Opened::nothing() });
        }
        Location::Postgres(info) => {
            let mut store = PgStore::open(info)?;
            let team_policy = match options.policy_path {
                Some(_) => None,
                None => store.team_policy()?,
            };
            let (next_id, end_id) = match store.reserve_new_ids()? {
                NewIds::Block { next, end } => (next, end),
                NewIds::AfterHighest => (0, 0),
            };
            let team = team::TeamDesk {
                label: store.label(),
                user: store.user(),
                credit: matches!(store.access(), store::backend::Access::Write { credit: true }),
                policy_version: team_policy.as_ref().map(|t| t.version),
                next_id,
                end_id,
            };
            let team_policy = team_policy.map(|t| t.policy);
            return Ok(Opened {
                store: Some(Box::new(store)),
                store_path: PathBuf::new(),
                prospects: Vec::new(),
                demo: None,
                welcome: false,
                team: Some(team),
                team_policy,
            });
        }
    };
    create_store_folder(path)?;
    // The store is read on the saver's thread, so that the first screen is up at once and
    // rows appear as they load.
    let welcome = !path.exists();
    let store = Box::new(Store::open_unread(path, &options.holder)?);
    Ok(Opened { store: Some(store), store_path: path.clone(), welcome, ..Opened::nothing() })
}

impl Opened {
    /// No store, no demo, no team: what the other fields start from.
    fn nothing() -> Opened {
        Opened {
            store: None,
            store_path: PathBuf::new(),
            prospects: Vec::new(),
            demo: None,
            welcome: false,
            team: None,
            team_policy: None,
        }
    }
}

/// Opens the store (or the demo), then runs the desk until the user quits. Errors before the
/// terminal is taken over are returned to be printed; the terminal is restored on every path.
pub fn run(options: Options) -> Result<()> {
    let Opened { store, store_path, prospects, mut demo, welcome, team, team_policy } = open(&options)?;
    let load = store.is_some() && !options.demo && !welcome;
    let policy = team_policy.unwrap_or(options.policy);
    let mut app = App::new(prospects, policy, options.today, store_path, welcome);
    app.read_only = store.as_ref().and_then(|s| s.access().read_only_reason().map(str::to_string));
    // The demo's policy edits are saved beside its copy, never over the user's policy file.
    app.policy_path = match &demo {
        Some(_) => answers::demo_policy_path(&app.store_path),
        None => options.policy_path,
    };
    app.modal = options.policy_problem.map(modals::Modal::BrokenPolicy);
    app.demo = demo.is_some();
    app.team = team;
    app.user = store.as_ref().map_or_else(crate::store::user::os_user, |s| s.user());
    app.as_of = options.as_of;

    let (tx, rx) = mpsc::channel();
    if let Some(path) = options.open {
        viewing::start(&mut app, path.clone());
        files::read_import(path, tx.clone());
    }
    let mut store = store;
    // Listening starts before the load, so that a change made while it reads is heard.
    if let Some(store) = store.as_mut() {
        let heard = tx.clone();
        store.watch(Box::new(move |news| heard.send(Msg::Heard(news)).is_ok()))?;
    }
    let (jobs, saver) = saver::spawn(store, tx.clone());
    if load {
        app.loading = Some(store::stream::Progress { done: 0, total: 0, started_over: false });
        let _ = jobs.send(Job::Load { policy: Box::new(app.policy.clone()), today: app.today });
    }
    install_mouse_release_hook();
    let listener = signals::Listener::start(tx.clone()).context("cannot listen for signals")?;
    let mut terminal = ratatui::try_init().context("cannot take over the terminal")?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    // Crossterm starts listening for resizes at its first poll; poll once before the first
    // frame so that a resize right after start is not lost.
    let _ = event::poll(std::time::Duration::ZERO);
    spawn_input(tx.clone());
    let outcome = event_loop(&mut terminal, &mut app, &rx, &jobs, &tx, &options.holder, &mut demo);
    signals::release_terminal();
    drop(listener);
    drop(jobs);
    let ended_by = outcome.as_ref().ok().copied().flatten();
    let last = finish_saves(saver, ended_by.map(|_| SIGNAL_GRACE));
    outcome?;
    if let Some(message) = app.fatal.take() {
        anyhow::bail!("{message}");
    }
    if let Some(message) = last {
        anyhow::bail!("the last save failed: {message}; the store on disk holds the previous version");
    }
    match ended_by {
        Some(signal) => Err(signals::EndedBy(signal).into()),
        None => Ok(()),
    }
}

/// Lets the saver finish what it was given; after a signal, for at most `limit`. Returns the
/// message of a save that failed or did not finish in time.
fn finish_saves(saver: JoinHandle<Option<String>>, limit: Option<Duration>) -> Option<String> {
    if let Some(limit) = limit {
        let start = Instant::now();
        while !saver.is_finished() && start.elapsed() < limit {
            thread::sleep(Duration::from_millis(10));
        }
        if !saver.is_finished() {
            return Some(format!("it was still running after {} s", limit.as_secs()));
        }
    }
    saver.join().unwrap_or(None)
}

/// Releases mouse capture and shows the cursor on a panic (the program aborts, so nothing is
/// dropped); ratatui's own hook, installed after and run first, leaves raw mode and the
/// alternate screen.
fn install_mouse_release_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture, ratatui::crossterm::cursor::Show);
        previous(info);
    }));
}

/// Reads terminal events on their own thread, so that the loop also hears the saver.
fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        while let Ok(event) = event::read() {
            let msg = match event {
                Event::Key(key) if signals::is_suspend_key(&key) => Msg::Signal(Request::Suspend),
                Event::Key(key) => Msg::Key(key),
                Event::Mouse(mouse) => Msg::Mouse(mouse),
                Event::Resize(w, h) => Msg::Resize(w, h),
                _ => continue,
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
}

/// Draws and handles messages until the user quits (`None`) or a signal ends the desk (its
/// number).
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    rx: &Receiver<Msg>,
    jobs: &Sender<Job>,
    tx: &Sender<Msg>,
    holder: &str,
    demo: &mut Option<DemoCopy>,
) -> Result<Option<i32>> {
    let size = terminal.size()?;
    app.size = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let panic_for_test = std::env::var_os("DEALDESK_TEST_PANIC").is_some();
    loop {
        terminal.draw(|frame| dispatch::render(frame, app))?;
        if panic_for_test {
            panic!("DEALDESK_TEST_PANIC: a deliberate panic to test terminal restoration");
        }
        let Ok(first) = rx.recv() else { return Ok(None) };
        let mut pending = vec![first];
        pending.extend(rx.try_iter());
        for msg in pending {
            match msg {
                Msg::Signal(Request::End(signal)) => return Ok(Some(signal)),
                Msg::Signal(Request::Suspend) => signals::suspend(terminal)?,
                msg => {
                    app.now = crate::cli::clock::local_now(app.as_of);
                    // A team store, or none named (viewing a file while a team store is chosen): no path.
                    let store = (app.team.is_none() && !app.store_path.as_os_str().is_empty())
                        .then(|| app.store_path.clone());
                    for effect in dispatch::update(app, msg) {
                        if perform(effect, jobs, tx, holder, demo, store.as_deref()) {
                            return Ok(None);
                        }
                    }
                }
            }
        }
    }
}

/// Carries out one effect; true when the desk must stop.
fn perform(
    effect: Effect,
    jobs: &Sender<Job>,
    tx: &Sender<Msg>,
    holder: &str,
    demo: &mut Option<DemoCopy>,
    store: Option<&Path>,
) -> bool {
    let job = |job| {
        let _ = jobs.send(job);
    };
    match effect {
        Effect::Quit => return true,
        Effect::Store(work) => job(Job::Store(work)),
        Effect::SavePolicy { path, text } => {
            let result =
                store::policy_file::write_policy(&path, &text).map(|()| (path.display().to_string(), text));
            let _ = tx.send(Msg::PolicySaved(result));
        }
        Effect::Complete(typed) => {
            let _ = tx.send(Msg::Completions { candidates: files::complete(&typed), typed });
        }
        Effect::ReadImport(path) => files::read_import(path, tx.clone()),
        Effect::Export { path, format, prospects, overwrite } => {
            let export = modals::path_prompt::PendingExport { path, format, prospects };
            let _ = tx.send(Msg::Exported(files::export(export, overwrite, store)));
        }
        Effect::OpenStore { policy, today } => {
            let Some(store) = store else {
                let why = "a viewed file is saved into a file store only: import it into the team \
                           store with `dealdesk import FILE`";
                let _ = tx.send(Msg::StoreOpened { result: Err(why.into()), loading: false });
                return false;
            };
            match create_store_folder(store).and_then(|()| Ok(Store::open_unread(store, holder)?)) {
                Ok(opened) => {
                    let read_only = Store::read_only_reason(&opened).map(str::to_string);
                    // A store not written yet is a new, empty portfolio: nothing to read.
                    let loading = store.exists();
                    // Said before the saver starts reading, so that the desk hears it before any block.
                    let _ = tx.send(Msg::StoreOpened { result: Ok(read_only), loading });
                    let _ = jobs.send(Job::Replace(Box::new(opened)));
                    if loading {
                        let _ = jobs.send(Job::Load { policy, today });
                    }
                }
                Err(e) => {
                    let _ = tx.send(Msg::StoreOpened { result: Err(e.to_string()), loading: false });
                }
            }
        }
        Effect::OpenDemo => {
            let result = open_demo(holder).map(|(store, prospects, copy)| {
                let path = store.path().to_path_buf();
                let _ = jobs.send(Job::Replace(Box::new(store)));
                *demo = Some(copy);
                (path, prospects)
            });
            let _ = tx.send(Msg::DemoOpened(result.map_err(|e| format!("{e:#}"))));
        }
    }
    false
}
