//! The audit trail: who did what to which record, when, and with what outcome. Rows are
//! chained with a keyed hash ([`chain`]) and the chain's head is anchored outside the
//! database ([`anchor`]), so an edited, removed or cut-off row is detected by
//! `samla audit verify`. An entry names records by type and id only; it never holds
//! personal data itself.

pub mod anchor;
pub mod chain;
pub mod key;

pub use anchor::{Anchor, ChainHead, SignedAnchor, SINGLE_CHAIN};
pub use chain::{
    chain_of, chained_hash, keyed_hash, plain_hash, utc_time, ChainBreak, ChainSeal, ChainVerifier, Link,
    VerifiedChain, GENESIS_HASH,
};
pub use key::AuditKey;

use serde::Serialize;

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
    /// The organisation's chain the row is in (see [`chain`]); `None` for rows of the
    /// single chain written before chains per organisation.
    pub chain: Option<i64>,
    /// The row's number within its chain, from 1.
    pub chain_seq: Option<i64>,
    pub prev_hash: String,
    pub hash: String,
}
