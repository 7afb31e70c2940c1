//! The school holidays an organisation enters, which schedules skip.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit::commit_done;
use crate::services::dates::parse_date;
use crate::AppState;
use samla_domain::calendar::ClosedPeriod;
use samla_domain::validation::day as input_day;
use samla_domain::validation::required_line;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::holidays::{self, SchoolHoliday};

pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<SchoolHoliday>, WebError> {
    let mut conn = crate::services::authorized_conn(state, actor, Action::ViewCourses).await?;
    Ok(holidays::list(&mut conn, actor.organisation.id).await?)
}

/// Adds a school holiday: a name and a first and last day (last not before first).
pub async fn add(
    state: &AppState,
    actor: &Actor,
    name: &str,
    first_day: &str,
    last_day: &str,
) -> Result<i64, WebError> {
    actor.authorize(state, Action::PlanCourses).await?;
    let mut errors = FieldErrors::new();
    let name = errors.take(required_line("name", name, 100));
    let first = errors.take(input_day("first_day", first_day));
    let last = errors.take(input_day("last_day", last_day));
    if let (Some(first), Some(last)) = (first, last) {
        if last < first {
            errors.push(FieldError::new("last_day", "error-end-before-start"));
        } else if (last - first).num_days() > 120 {
            errors.push(FieldError::new("last_day", "error-holiday-too-long"));
        }
    }
    let (name, first, last) = errors.finish(|| (name.unwrap(), first.unwrap(), last.unwrap()))?;
    let mut tx = state.store.write().await?;
    let id = holidays::add(&mut tx.tx, actor.organisation.id, &name, &first.to_string(), &last.to_string()).await?;
    commit_done(tx, actor, "school_holiday.add", ("school_holiday", id), state.clock.now()).await?;
    Ok(id)
}

pub async fn remove(state: &AppState, actor: &Actor, id: i64) -> Result<(), WebError> {
    actor.authorize(state, Action::PlanCourses).await?;
    let mut tx = state.store.write().await?;
    if !holidays::remove(&mut tx.tx, actor.organisation.id, id).await? {
        return Err(WebError::NotFound);
    }
    commit_done(tx, actor, "school_holiday.remove", ("school_holiday", id), state.clock.now()).await?;
    Ok(())
}

/// The organisation's school holidays as closed periods for scheduling.
pub async fn school_holidays(
    conn: &mut sqlx::AnyConnection,
    organisation_id: i64,
) -> Result<Vec<ClosedPeriod>, WebError> {
    Ok(holidays::list(conn, organisation_id)
        .await?
        .into_iter()
        .filter_map(|h| {
            Some(ClosedPeriod {
                name: h.name,
                first_day: parse_date(&h.first_day)?,
                last_day: parse_date(&h.last_day)?,
            })
        })
        .collect())
}
