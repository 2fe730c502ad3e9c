//! The saver thread: owns the store, writes snapshots off the input path, and reports back.
//! Saves queued while one runs are merged: only the newest snapshot is written.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};

use super::app::{Msg, SaveError};

use crate::domain::date::Date;
use crate::domain::policy::Policy;
use crate::portfolio::{Snapshot, load};
use crate::store::{Store, StoreError, atomic};

pub enum Job {
    /// Read the store, evaluating each block as it comes, before anything else.
    Load {
        policy: Box<Policy>,
        today: Date,
    },
    Save {
        generation: u64,
        prospects: Snapshot,
        overwrite: bool,
    },
    Reload,
    /// Switch to another store (the demo copy, or the user's once a file viewed is saved).
    Replace(Box<Store>),
}

/// Starts the thread, with no store while a file is only viewed; its handle returns the
/// message of the last save if it failed.
pub fn spawn(store: Option<Store>, tx: Sender<Msg>) -> (Sender<Job>, JoinHandle<Option<String>>) {
    let (jobs, rx) = mpsc::channel();
    let handle = thread::spawn(move || work(store, &rx, &tx));
    (jobs, handle)
}

fn work(mut store: Option<Store>, rx: &Receiver<Job>, tx: &Sender<Msg>) -> Option<String> {
    let mut last_failure = None;
    while let Ok(first) = rx.recv() {
        let mut queue: Vec<Job> = vec![first];
        queue.extend(rx.try_iter());
        for job in merge_saves(queue) {
            if let Job::Replace(new) = job {
                store = Some(*new);
                continue;
            }
            let Some(store) = store.as_mut() else {
                // Viewing a file: the desk is read-only and asks for none of these.
                continue;
            };
            match job {
                Job::Save { generation, prospects, overwrite } => {
                    let result = if overwrite {
                        store.save_over(prospects.iter().map(|p| p.as_ref()), &mut atomic::write_all)
                    } else {
                        store.save(prospects.iter().map(|p| p.as_ref()))
                    };
                    let result = result.map_err(|e| match e {
                        StoreError::ChangedOnDisk { .. } => SaveError::ChangedOnDisk,
                        other => SaveError::Failed(other.to_string()),
                    });
                    last_failure = match &result {
                        Err(SaveError::Failed(message)) => Some(message.clone()),
                        Err(SaveError::ChangedOnDisk) => Some("the store changed on disk".into()),
                        Ok(()) => None,
                    };
                    let _ = tx.send(Msg::Saved { generation, result });
                }
                Job::Reload => {
                    let result = store.reload().map_err(|e| e.to_string());
                    let _ = tx.send(Msg::Reloaded(result));
                }
                // Taken above, before a store is needed.
                Job::Replace(_) => {}
                Job::Load { policy, today } => {
                    let read = |each: &mut load::OnBlock| store.read_in_chunks(each);
                    let result =
                        load::read_evaluated(read, &policy, today, |prospects, summaries, progress| {
                            let _ = tx.send(Msg::LoadChunk { prospects, summaries, progress });
                        });
                    let _ = tx.send(Msg::LoadDone(result.map_err(|e| e.to_string())));
                }
            }
        }
    }
    last_failure
}

/// Keeps only the last of consecutive saves.
fn merge_saves(queue: Vec<Job>) -> Vec<Job> {
    let mut out: Vec<Job> = Vec::with_capacity(queue.len());
    for job in queue {
        if let (Some(Job::Save { overwrite: was, .. }), Job::Save { generation, prospects, overwrite }) =
            (out.last(), &job)
        {
            let merged = Job::Save {
                generation: *generation,
                prospects: prospects.clone(),
                overwrite: *overwrite || *was,
            };
            out.pop();
            out.push(merged);
        } else {
            out.push(job);
        }
    }
    out
}
