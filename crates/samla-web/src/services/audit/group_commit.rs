//! Group commit of the audit rows written on their own: reads of personal data, refusals,
//! failed sign-ins. Each caller waits until its row is committed, so nothing is answered
//! unaudited; rows that arrive while a commit is under way go together in the next
//! transaction, so many reads at once share one commit (one fsync on SQLite, one turn of
//! the chain's lock on PostgreSQL) instead of paying one each. Nothing waits on purpose:
//! a lone read is committed at once.

use crate::error::WebError;
use samla_domain::audit::AuditEvent;
use samla_storage::{audit, Store, StoreError};
use tokio::sync::{mpsc, oneshot};

/// Most rows in one transaction, which bounds how long one commit holds the write lock.
const MOST_PER_COMMIT: usize = 256;

struct Pending {
    event: AuditEvent,
    at: i64,
    committed: oneshot::Sender<Result<(), String>>,
}

/// The queue to the task that commits audit rows; cheap to clone.
#[derive(Clone)]
pub struct AuditWriter {
    queue: Option<mpsc::UnboundedSender<Pending>>,
    store: Store,
}

impl AuditWriter {
    /// Starts the committing task on the running Tokio runtime; outside one (a command
    /// that never serves), each row is written in its own transaction.
    pub fn start(store: Store) -> AuditWriter {
        let queue = tokio::runtime::Handle::try_current().ok().map(|runtime| {
            let (queue, waiting) = mpsc::unbounded_channel();
            runtime.spawn(commit_as_they_come(store.clone(), waiting));
            queue
        });
        AuditWriter { queue, store }
    }

    /// Writes one row, returning once it is committed.
    pub async fn write(&self, event: AuditEvent, at: i64) -> Result<(), WebError> {
        self.write_all(vec![event], at).await
    }

    /// Writes rows (together, unless a commit starts between them), returning once every
    /// one is committed.
    pub async fn write_all(&self, events: Vec<AuditEvent>, at: i64) -> Result<(), WebError> {
        let Some(queue) = &self.queue else {
            let rows: Vec<(AuditEvent, i64)> = events.into_iter().map(|event| (event, at)).collect();
            return Ok(commit(&self.store, &rows).await?);
        };
        let mut waiting = Vec::with_capacity(events.len());
        for event in events {
            let (committed, done) = oneshot::channel();
            queue.send(Pending { event, at, committed }).map_err(|_| stopped())?;
            waiting.push(done);
        }
        for done in waiting {
            done.await.map_err(|_| stopped())?.map_err(|error| WebError::Internal(format!("audit: {error}")))?;
        }
        Ok(())
    }
}

fn stopped() -> WebError {
    WebError::Internal("audit: the writer has stopped".into())
}

async fn commit_as_they_come(store: Store, mut waiting: mpsc::UnboundedReceiver<Pending>) {
    let mut batch: Vec<Pending> = Vec::new();
    while waiting.recv_many(&mut batch, MOST_PER_COMMIT).await > 0 {
        let rows: Vec<(AuditEvent, i64)> = batch.iter().map(|p| (p.event.clone(), p.at)).collect();
        let outcome = commit(&store, &rows).await.map_err(|error| error.to_string());
        if let Err(error) = &outcome {
            tracing::error!(%error, rows = rows.len(), "audit: a group of rows could not be committed");
        }
        for pending in batch.drain(..) {
            let _ = pending.committed.send(outcome.clone());
        }
    }
}

async fn commit(store: &Store, rows: &[(AuditEvent, i64)]) -> Result<(), StoreError> {
    let mut tx = store.write().await?;
    audit::append_all(&mut tx, rows).await?;
    tx.commit().await
}
