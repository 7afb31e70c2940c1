//! A programme's statistics in the organisation: how many of its courses left draft
//! (ready to running, completed, archived; cancelled ones not counted) and how many of
//! them went ahead with deviations from the programme's rules a coordinator accepted, by
//! kind. Counts only, for those who read aggregate statistics (coordinators, analysts);
//! not audited, as it shows no one.

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::planning::deviations::{statistics, DeviationKind, DeviationStatistics};
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::Action;
use samla_storage::programmes::Programme;
use samla_storage::{course_deviations, StoreError};

/// Whether the actor may read a programme's statistics.
pub fn may_read(actor: &Actor) -> bool {
    actor.roles.may(Action::ViewAggregateStatistics)
}

/// The statistics of one programme (by id or slug) the organisation can see.
pub async fn programme_statistics(
    state: &AppState,
    actor: &Actor,
    programme: &str,
) -> Result<(Programme, DeviationStatistics), WebError> {
    actor.authorize(state, Action::ViewAggregateStatistics).await?;
    let programme = crate::services::programmes::find(state, actor, programme).await?;
    let found = statistics_of(state, actor, programme.id).await?;
    Ok((programme, found))
}

/// The statistics of a programme the caller has found already.
pub async fn statistics_of(
    state: &AppState,
    actor: &Actor,
    programme_id: i64,
) -> Result<DeviationStatistics, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let (courses, kinds) = course_deviations::of_programme(&mut conn, actor.organisation.id, programme_id).await?;
    let per_course: Vec<(CourseStatus, Vec<DeviationKind>)> = courses
        .iter()
        .map(|(id, status)| {
            let accepted = kinds.iter().filter(|(course, _)| course == id).map(|(_, kind)| *kind);
            (*status, accepted.collect())
        })
        .collect();
    Ok(statistics(&per_course))
}
