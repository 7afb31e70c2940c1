//! The record of processing activities (GDPR art. 30), generated from what samla does for
//! the organisation and how it is set up: a page to print and an API answer, for the data
//! protection officer. Counts and settings only; no one's data, so nothing to audit.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::privacy::retention::rules_of;
use crate::AppState;
use samla_domain::privacy::processing::ACTIVITIES;
use samla_domain::Action;
use samla_storage::privacy::processing as store;
use samla_storage::{Backend, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

/// Who answers for the processing.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ControllerFacts {
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// One activity: codes of whom it is about, which data and who receives it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProcessingActivity {
    /// intake, courses, evaluation, statistics, mail or staff.
    pub code: String,
    pub persons: Vec<String>,
    pub data: Vec<String>,
    pub recipients: Vec<String>,
    /// Health, child-welfare or similar data (GDPR art. 9) is part of it.
    pub special_category: bool,
    /// Months its records are kept by the organisation's rule (for courses, the observations
    /// about one participant; the rest has no rule yet); none where no rule removes them yet.
    pub retention_months: Option<u32>,
    /// How many records it holds now; none for aggregates.
    pub records_held: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecordOfProcessing {
    pub controller: ControllerFacts,
    pub activities: Vec<ProcessingActivity>,
    /// Whether national identity numbers are asked for.
    pub national_id_collected: bool,
    /// The owners of the programme networks the organisation has joined: they receive its
    /// statistics as aggregates.
    pub statistics_recipients: Vec<String>,
    /// Codes of the security measures in force.
    pub security_measures: Vec<String>,
}

pub async fn record(state: &AppState, actor: &Actor) -> Result<RecordOfProcessing, WebError> {
    actor.authorize(state, Action::ViewRecordOfProcessing).await?;
    let org = actor.organisation.id;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let controller = store::controller(&mut conn, org).await?;
    let rules = rules_of(&mut conn, org).await?;
    let mut activities = Vec::with_capacity(ACTIVITIES.len());
    for activity in ACTIVITIES {
        let codes = |list: &[&str]| list.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let national_id = controller.national_id_enabled != 0;
        let data: Vec<String> =
            activity.data.iter().filter(|d| national_id || **d != "national_id").map(|d| d.to_string()).collect();
        activities.push(ProcessingActivity {
            code: activity.code.to_string(),
            persons: codes(activity.persons),
            data,
            recipients: codes(activity.recipients),
            special_category: activity.special_category,
            retention_months: activity
                .retention
                .and_then(|kind| rules.iter().find(|r| r.kind == kind))
                .map(|r| r.months),
            records_held: store::records_held(&mut conn, org, activity.code).await?,
        });
    }
    let statistics_recipients = store::network_owners(&mut conn, org).await?;
    let mut security_measures: Vec<String> =
        ["passwords_argon2id", "default_deny_policy", "reads_audited", "audit_hash_chain", "retention_daily"]
            .map(String::from)
            .to_vec();
    if controller.require_second_factor != 0 {
        security_measures.insert(1, "second_factor_required".into());
    }
    if state.store.backend() == Backend::Sqlite {
        security_measures.push("secure_delete".into());
    }
    Ok(RecordOfProcessing {
        controller: ControllerFacts {
            name: controller.name,
            phone: controller.public_phone,
            email: controller.public_email,
        },
        activities,
        national_id_collected: controller.national_id_enabled != 0,
        statistics_recipients,
        security_measures,
    })
}
