use crate::error::WebError;
use crate::org::OrgContext;
use crate::services::audit;
use crate::AppState;
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::{Action, Decision, RoleSet, Scope};

/// How the person proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    Session { id_hash: String },
    Token { id: i64 },
}

/// A signed-in person acting in one organisation.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: i64,
    pub email: String,
    pub name: String,
    pub has_second_factor: bool,
    pub organisation: OrgContext,
    pub roles: RoleSet,
    pub via: Via,
    pub request_id: String,
}

impl Actor {
    /// An audit event filled with who, where and which request.
    pub fn event(&self, action: &str, outcome: Outcome) -> AuditEvent {
        let mut event = AuditEvent::new(action, outcome);
        event.actor_user_id = Some(self.user_id);
        event.actor_role = Some(self.roles.roles().iter().map(|r| r.as_str()).collect::<Vec<_>>().join(","));
        event.organisation_id = Some(self.organisation.id);
        event.request_id = Some(self.request_id.clone());
        event
    }

    /// The policy's answer for `action`; a denial is audited and becomes 403.
    pub async fn authorize(&self, state: &AppState, action: Action) -> Result<Scope, WebError> {
        match self.roles.decide(action) {
            Decision::Allow(scope) => Ok(scope),
            Decision::Deny => {
                audit::record(state, self.event(action.as_str(), Outcome::Denied)).await?;
                Err(WebError::Forbidden)
            }
        }
    }

    /// Authorises a read of personal data and records it in the audit trail, in one
    /// call, so a page or API answer cannot show personal data without both.
    pub async fn read_personal(
        &self,
        state: &AppState,
        action: Action,
        audit_action: &str,
        record_type: &str,
        record_id: impl ToString,
    ) -> Result<Scope, WebError> {
        let scope = self.authorize(state, action).await?;
        self.record_read(state, audit_action, record_type, record_id).await?;
        Ok(scope)
    }

    /// Records a read of personal data the actor was already authorised for (used when
    /// the record must be found before the read counts).
    pub async fn record_read(
        &self,
        state: &AppState,
        audit_action: &str,
        record_type: &str,
        record_id: impl ToString,
    ) -> Result<(), WebError> {
        audit::record(state, self.event(audit_action, Outcome::Success).record(record_type, record_id)).await
    }

    /// Runs `read` while its audit row is committed, and answers once both are done: the
    /// wait for the commit overlaps the read instead of following it, and nothing is
    /// answered unaudited. A read that fails after its row is written leaves the row (the
    /// trail then holds an authorised attempt: never less than what was shown). `read` must
    /// give its database connection back when it is done: the commit needs one of its own.
    pub async fn recording_read<T>(
        &self,
        state: &AppState,
        audit_action: &str,
        (record_type, record_id): (&str, impl ToString),
        read: impl std::future::Future<Output = Result<T, WebError>>,
    ) -> Result<T, WebError> {
        let (recorded, read) = tokio::join!(self.record_read(state, audit_action, record_type, record_id), read);
        recorded?;
        read
    }

    pub fn session_id_hash(&self) -> Option<&str> {
        match &self.via {
            Via::Session { id_hash } => Some(id_hash),
            Via::Token { .. } => None,
        }
    }
}
