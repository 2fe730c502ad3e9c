//! Hearing other users' changes: a connection of its own, on a thread of its own, listening on
//! the channel the prospects' trigger notifies ("id version", sent when a change commits).
//! When the connection drops it reconnects, and says so, since changes may have been missed
//! meanwhile.

use std::thread;

use postgres::fallible_iterator::FallibleIterator;
use std::time::Duration;

use super::connect::connect;
use crate::store::backend::Heard;
use crate::store::location::ConnInfo;

/// The channel the trigger in `0001_team_store.sql` notifies.
pub const CHANNEL: &str = "dealdesk_prospects";

/// Reads a notification's payload.
pub fn parse(payload: &str) -> Option<Heard> {
    let (id, version) = payload.split_once(' ')?;
    Some(Heard::Changed { id: id.parse().ok()?, version: version.parse().ok()? })
}

/// How long the listener waits before connecting again after losing the server.
const RETRY: Duration = Duration::from_secs(2);

/// Listens until `tell` returns false (nobody listens any more). The first connection is made
/// here, so that a store that cannot be watched says so at once.
pub fn start(
    info: ConnInfo,
    tell: impl Fn(Heard) -> bool + Send + 'static,
) -> Result<(), crate::store::StoreError> {
    let mut client = listen(&info)?;
    let store = info.describe();
    thread::Builder::new()
        .name("dealdesk-listen".into())
        .spawn(move || {
            loop {
                let mut notifications = client.notifications();
                let mut heard = notifications.blocking_iter();
                // An error or the end: the connection is gone.
                while let Ok(Some(note)) = heard.next() {
                    if let Some(heard) = parse(note.payload())
                        && !tell(heard)
                    {
                        return;
                    }
                }
                drop(heard);
                drop(notifications);
                // The connection is gone: connect again until the server is back.
                client = loop {
                    thread::sleep(RETRY);
                    if let Ok(client) = listen(&info) {
                        break client;
                    }
                };
                if !tell(Heard::Reconnected) {
                    return;
                }
            }
        })
        .map_err(|e| crate::store::StoreError::Database {
            store,
            problem: crate::store::error::DbProblem::Failed,
            message: format!("cannot start listening for changes: {e}"),
        })?;
    Ok(())
}

fn listen(info: &ConnInfo) -> Result<postgres::Client, crate::store::StoreError> {
    let mut client = connect(info)?;
    client
        .batch_execute(&format!("LISTEN {CHANNEL}"))
        .map_err(|e| super::connect::database_error(&info.describe(), &e))?;
    Ok(client)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_is_an_id_and_a_version() {
        assert_eq!(parse("42 7"), Some(Heard::Changed { id: 42, version: 7 }));
        assert_eq!(parse("42"), None);
        assert_eq!(parse("-1 2"), None);
    }
}
