//! The audit trail: who did what to which record, when, and with what outcome. Rows are
//! hash-chained so an edited or removed row is detected by `samla audit verify`.
//! An entry names records by type and id only; it never holds personal data itself.

use serde::Serialize;
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Failure,
    Denied,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Denied => "denied",
        }
    }

    pub fn parse(raw: &str) -> Option<Outcome> {
        [Outcome::Success, Outcome::Failure, Outcome::Denied].into_iter().find(|o| o.as_str() == raw)
    }
}

/// What to record; the store adds the sequence number, time and chain hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub actor_user_id: Option<i64>,
    pub actor_role: Option<String>,
    pub organisation_id: Option<i64>,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub outcome: Outcome,
    pub request_id: Option<String>,
}

impl AuditEvent {
    pub fn new(action: impl Into<String>, outcome: Outcome) -> Self {
        Self {
            actor_user_id: None,
            actor_role: None,
            organisation_id: None,
            action: action.into(),
            record_type: None,
            record_id: None,
            outcome,
            request_id: None,
        }
    }

    pub fn record(mut self, record_type: &str, record_id: impl ToString) -> Self {
        self.record_type = Some(record_type.to_string());
        self.record_id = Some(record_id.to_string());
        self
    }
}

/// A stored audit row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub actor_role: Option<String>,
    pub organisation_id: Option<i64>,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub outcome: String,
    pub request_id: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash before the first row.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of a row: SHA-256 over the previous hash and every field, each field
/// length-prefixed so no two different rows serialise alike.
pub fn chain_hash(prev_hash: &str, seq: i64, at: i64, event: &AuditEvent) -> String {
    let mut hasher = Sha256::new();
    let mut field = |value: &str| {
        hasher.update((value.len() as u64).to_be_bytes());
        hasher.update(value.as_bytes());
    };
    let opt_i = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    field(prev_hash);
    field(&seq.to_string());
    field(&at.to_string());
    field(&opt_i(event.actor_user_id));
    field(event.actor_role.as_deref().unwrap_or(""));
    field(&opt_i(event.organisation_id));
    field(&event.action);
    field(event.record_type.as_deref().unwrap_or(""));
    field(event.record_id.as_deref().unwrap_or(""));
    field(event.outcome.as_str());
    field(event.request_id.as_deref().unwrap_or(""));
    let digest = hasher.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A place where the stored chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// A sequence number is missing: a row was removed.
    Gap { expected_seq: i64, found_seq: i64 },
    /// A row's content or link does not match its hash: it was edited.
    Mismatch { seq: i64 },
}

/// Checks stored rows (in sequence order) from the genesis hash on.
pub fn verify_chain(rows: &[AuditEntry]) -> Result<usize, ChainBreak> {
    let mut prev = GENESIS_HASH.to_string();
    for (index, row) in rows.iter().enumerate() {
        let expected_seq = index as i64 + 1;
        if row.seq != expected_seq {
            return Err(ChainBreak::Gap { expected_seq, found_seq: row.seq });
        }
        let Some(outcome) = Outcome::parse(&row.outcome) else {
            return Err(ChainBreak::Mismatch { seq: row.seq });
        };
        let event = AuditEvent {
            actor_user_id: row.actor_user_id,
            actor_role: row.actor_role.clone(),
            organisation_id: row.organisation_id,
            action: row.action.clone(),
            record_type: row.record_type.clone(),
            record_id: row.record_id.clone(),
            outcome,
            request_id: row.request_id.clone(),
        };
        if row.prev_hash != prev || chain_hash(&prev, row.seq, row.at, &event) != row.hash {
            return Err(ChainBreak::Mismatch { seq: row.seq });
        }
        prev = row.hash.clone();
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|seq| {
                let event = AuditEvent::new("login", Outcome::Success).record("user", seq);
                let hash = chain_hash(&prev, seq, 1000 + seq, &event);
                let entry = AuditEntry {
                    seq,
                    at: 1000 + seq,
                    actor_user_id: None,
                    actor_role: None,
                    organisation_id: None,
                    action: event.action,
                    record_type: event.record_type,
                    record_id: event.record_id,
                    outcome: "success".into(),
                    request_id: None,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                entry
            })
            .collect()
    }

    #[test]
    fn intact_chain_verifies() {
        assert_eq!(verify_chain(&chain(5)), Ok(5));
    }

    #[test]
    fn edited_row_is_detected() {
        let mut rows = chain(5);
        rows[2].record_id = Some("99".into());
        assert_eq!(verify_chain(&rows), Err(ChainBreak::Mismatch { seq: 3 }));
    }

    #[test]
    fn removed_row_is_detected() {
        let mut rows = chain(5);
        rows.remove(1);
        assert_eq!(verify_chain(&rows), Err(ChainBreak::Gap { expected_seq: 2, found_seq: 3 }));
    }

    #[test]
    fn removed_last_row_cannot_be_hidden_by_rehashing_only_one() {
        let mut rows = chain(3);
        rows[1].outcome = "denied".into();
        assert!(verify_chain(&rows).is_err());
    }
}
