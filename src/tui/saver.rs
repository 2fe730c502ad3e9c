//! The saver thread: owns the store (file or database, behind the store trait), writes
//! snapshots off the input path, reads other users' changes, and reports back. Saves queued
//! while one runs are merged: only the newest snapshot is written, with every prospect any
//! of them changed; fetches queued together are one query.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};

use super::app::{Msg, SaveError, StoreJob};

use crate::domain::date::Date;
use crate::domain::policy::Policy;
use crate::store::StoreError;
use crate::store::backend::{Backend, SaveRequest, read_all};

pub enum Job {
    /// Read the store, evaluating each block as it comes, before anything else.
    Load { policy: Box<Policy>, today: Date },
    /// Switch to another store (the demo copy, or the user's once a file viewed is saved).
    Replace(Box<dyn Backend>),
    /// What the desk's update asked of the store.
    Store(StoreJob),
}

/// Starts the thread, with no store while a file is only viewed; its handle returns the
/// message of the last save if it failed.
pub fn spawn(store: Option<Box<dyn Backend>>, tx: Sender<Msg>) -> (Sender<Job>, JoinHandle<Option<String>>) {
    let (jobs, rx) = mpsc::channel();
    let handle = thread::spawn(move || work(store, &rx, &tx));
    (jobs, handle)
}

fn work(mut store: Option<Box<dyn Backend>>, rx: &Receiver<Job>, tx: &Sender<Msg>) -> Option<String> {
    let mut last_failure = None;
    while let Ok(first) = rx.recv() {
        let mut queue: Vec<Job> = vec![first];
        queue.extend(rx.try_iter());
        for job in merge(queue) {
            if let Job::Replace(new) = job {
                store = Some(new);
                continue;
            }
            let Some(store) = store.as_mut() else {
                // Viewing a file: the desk is read-only and asks for none of these.
                continue;
            };
            match job {
                Job::Store(StoreJob::Save { generation, prospects, changed, overwrite }) => {
                    let request = SaveRequest { portfolio: &prospects, changed: &changed, overwrite };
                    let result = store.save(request).map_err(|e| match e {
                        StoreError::ChangedOnDisk { .. } => SaveError::ChangedOnDisk,
                        other => SaveError::Failed(other.to_string()),
                    });
                    last_failure = match &result {
                        Err(SaveError::Failed(message)) => Some(message.clone()),
                        Err(SaveError::ChangedOnDisk) => Some("the store changed on disk".into()),
                        Ok(saved) if !saved.stale.is_empty() => Some(format!(
                            "not saved: {} changed by another user meanwhile",
                            crate::domain::format::count(saved.stale.len(), "prospect")
                        )),
                        Ok(_) => None,
                    };
                    let _ = tx.send(Msg::Saved { generation, result });
                }
                Job::Store(StoreJob::Reload) => {
                    let result = read_all(store.as_mut()).map_err(|e| e.to_string());
                    let _ = tx.send(Msg::Reloaded(result));
                }
                // Taken above, before a store is needed.
                Job::Replace(_) => {}
                Job::Load { policy, today } => {
                    let result = store.load(Some((&policy, today)), &mut |prospects, summaries, progress| {
                        let _ = tx.send(Msg::LoadChunk { prospects, summaries, progress });
                    });
                    let _ = tx.send(Msg::LoadDone(result.map_err(|e| e.to_string())));
                }
                Job::Store(StoreJob::Fetch(ids)) => {
                    let _ = tx.send(Msg::Fetched(store.fetch(&ids).map_err(|e| e.to_string())));
                }
                Job::Store(StoreJob::CatchUp) => {
                    let rows = store.out_of_date().and_then(|ids| store.fetch(&ids));
                    let _ = tx.send(Msg::Fetched(rows.map_err(|e| e.to_string())));
                }
                Job::Store(StoreJob::Accept { id, version }) => store.accept(id, version),
                Job::Store(StoreJob::SaveTeamPolicy { text, base }) => {
                    let result = store.save_team_policy(&text, base).map(|t| (t.version, t.text));
                    let result = result.map_err(|e| e.to_string());
                    let _ = tx.send(Msg::TeamPolicySaved(result));
                }
            }
        }
    }
    last_failure
}

/// Keeps only the last of consecutive saves (with every prospect any of them changed, as the
/// last one has it) and makes consecutive fetches one.
fn merge(queue: Vec<Job>) -> Vec<Job> {
    let mut out: Vec<Job> = Vec::with_capacity(queue.len());
    for job in queue {
        match (out.last_mut(), job) {
            (
                Some(Job::Store(StoreJob::Save { generation, prospects, changed, overwrite })),
                Job::Store(StoreJob::Save { generation: g, prospects: p, changed: c, overwrite: o }),
            ) => {
                let later: std::collections::HashSet<u64> = c.iter().map(|c| c.id).collect();
                changed.retain(|earlier| !later.contains(&earlier.id));
                changed.extend(c);
                (*generation, *prospects, *overwrite) = (g, p, *overwrite || o);
            }
            (Some(Job::Store(StoreJob::Fetch(ids))), Job::Store(StoreJob::Fetch(more))) => ids.extend(more),
            (_, job) => out.push(job),
        }
    }
    out
}
