use crate::error::WebError;
use crate::forms::FormData;
use crate::pages::Page;
use axum::response::{IntoResponse, Redirect, Response};
use samla_domain::Action;
use samla_storage::{accounts, sessions, StoreError};

/// The start page: who you are here, your roles, and what you can do.
pub async fn show(Page { state, ui, actor }: Page) -> Result<Response, WebError> {
    actor.authorize(&state, Action::ViewHome).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let organisations = accounts::organisations_of(&mut conn, actor.user_id).await?;
    let roles: Vec<&str> = actor.roles.roles().iter().map(|r| r.as_str()).collect();
    let tasks: Vec<(&str, &str)> = [
        // Those who record sessions start their day there.
        (Action::RecordSessionWork, "/today", "home-task-today"),
        (Action::PlanCourses, "/courses/new", "home-task-plan-course"),
        (Action::ViewCourses, "/courses", "home-task-courses"),
        (Action::ManageIntake, "/intake", "home-task-intake"),
        (Action::ViewProgrammes, "/programmes", "home-task-programmes"),
        (Action::PlanCourses, "/school-holidays", "home-task-school-holidays"),
        (Action::ManageUsers, "/admin/users", "home-task-users"),
        (Action::ManageOrganisationSettings, "/admin/organisation", "home-task-organisation"),
        (Action::ViewAggregateStatistics, "/statistics", "home-task-statistics"),
        (Action::ViewAuditLog, "/admin/audit", "home-task-audit"),
        (Action::ManageRetention, "/retention", "home-task-retention"),
        (Action::AnswerAccessRequests, "/access-requests", "home-task-access-requests"),
        (Action::ViewRecordOfProcessing, "/record-of-processing", "home-task-processing"),
    ]
    .into_iter()
    .filter(|(action, _, _)| actor.roles.may(*action))
    .map(|(_, href, key)| (href, key))
    .chain(
        samla_domain::policy::may_open_emergency_access(&actor.roles)
            .then_some(("/emergency-access", "home-task-emergency")),
    )
    .chain([("/account", "home-task-account")])
    .collect();
    drop(conn);
    // Applications nobody has contacted in time are the intake's tasks.
    let stale = if actor.roles.may(Action::ManageIntake) {
        crate::services::intake::applications::stale(&state, &actor).await?.len()
    } else {
        0
    };
    let (requests_overdue, requests_due) = if actor.roles.may(Action::AnswerAccessRequests) {
        crate::services::privacy::access::due(&state, &actor).await?
    } else {
        (0, 0)
    };
    let follow_ups = super::running::overview::home_section(&state, &actor).await?;
    // Those who read aggregate statistics open on the programmes they have figures of.
    let mut statistics: Vec<minijinja::Value> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    if actor.roles.may(Action::ViewAggregateStatistics) {
        let overview = crate::services::statistics::overview(&state, &actor).await?;
        for p in overview.networks.iter().filter(|p| p.releases > 0) {
            let trend = crate::services::statistics::trend(&state, &actor, &p.programme_id.to_string()).await?;
            years.extend(trend.iter().map(|h| h.year));
            // The latest five years, in plain words: participants per year.
            let recent: Vec<minijinja::Value> = trend
                .iter()
                .rev()
                .take(5)
                .rev()
                .map(|h| minijinja::context! { year => h.year, participants => h.participants })
                .collect();
            statistics.push(minijinja::context! {
                id => p.programme_id, name => p.name.clone(), releases => p.releases, trend => recent,
            });
        }
    }
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let tables: Vec<minijinja::Value> = samla_domain::reports::national::TableKind::ALL
        .iter()
        .map(|k| minijinja::context! { value => k.as_str(), key => format!("statistics-table-{}", k.as_str()) })
        .chain([
            minijinja::context! { value => "outcome-change", key => "statistics-outcome-title" },
            minijinja::context! { value => "evaluation", key => "statistics-evaluation-title" },
            minijinja::context! { value => "attendance-per-session", key => "statistics-sessions-title" },
        ])
        .collect();
    let context = minijinja::context! {
        stale => stale,
        requests_overdue => requests_overdue,
        requests_due => requests_due,
        follow_ups => follow_ups,
        statistics => statistics,
        statistics_years => years,
        statistics_tables => tables,
        roles => roles,
        organisations => organisations.iter().map(|(id, _, name)| minijinja::context!{ id => id, name => name, current => *id == actor.organisation.id }).collect::<Vec<_>>(),
        tasks => tasks.iter().map(|(href, key)| minijinja::context!{ href => href, key => key }).collect::<Vec<_>>(),
        has_second_factor => actor.has_second_factor,
    };
    ui.render(&state, Some(&actor), "home.html", "home-title", context)
}

/// Moves the session to another organisation the person belongs to.
pub async fn switch_organisation(Page { state, actor, .. }: Page, form: FormData) -> Result<Response, WebError> {
    let wanted: i64 = form.get("organisation_id").parse().map_err(|_| WebError::NotFound)?;
    let mut tx = state.store.write().await?;
    if accounts::roles_in(&mut tx.tx, actor.user_id, wanted).await?.is_empty() {
        return Err(WebError::NotFound);
    }
    if let Some(id_hash) = actor.session_id_hash() {
        sessions::set_organisation(&mut tx.tx, id_hash, wanted).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to("/").into_response())
}
