//! Who is enrolled on a course: the participants and the guardians who join the parent
//! sessions, each with how they were recruited, for the course's working group.

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::Action;
use samla_storage::courses::Course;
use samla_storage::intake::channels::{self, Channel};
use samla_storage::intake::households::{self, Person};
use samla_storage::intake::participants::{self, Participant};
use samla_storage::StoreError;
use std::collections::HashMap;

/// One person enrolled on the course.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ParticipantView {
    pub participant: Participant,
    /// The person's phone and e-mail (empty when not given).
    pub phone: String,
    pub email: String,
    /// How the participant was recruited; a guardian shares their child's channel.
    pub channel: Option<Channel>,
}

/// The course's participants and parents; allowed to those who may see participants'
/// contact details for the course (the course's own group leaders, coordinators,
/// secretaries), and audited as a read of names.
pub async fn for_course(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
) -> Result<(Course, Vec<ParticipantView>), WebError> {
    let contacts = actor.course_scope(state, Action::ViewParticipantContacts).await?;
    let course = actor.on_course(state, Action::ViewCourses, course_id).await?;
    let course = contacts.found(state, actor, course.into_course(), ("course", course_id)).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let enrolled = participants::for_course(&mut conn, course.id).await?;
    let known: HashMap<i64, Channel> =
        channels::list(&mut conn, actor.organisation.id, true).await?.into_iter().map(|c| (c.id, c)).collect();
    // A guardian is enrolled under the child's application, without a channel of their own.
    let by_application: HashMap<i64, i64> =
        enrolled.iter().filter_map(|p| Some((p.application_id?, p.channel_id?))).collect();
    let mut people: HashMap<i64, Person> = HashMap::new();
    for household_id in enrolled.iter().map(|p| p.household_id) {
        if !people.values().any(|p| p.household_id == household_id) {
            people.extend(households::members(&mut conn, household_id).await?.into_iter().map(|p| (p.id, p)));
        }
    }
    drop(conn);
    actor.record_read(state, "course.participants", "course", course.id).await?;
    let views = enrolled
        .into_iter()
        .map(|participant| {
            let channel_id = participant
                .channel_id
                .or_else(|| participant.application_id.and_then(|a| by_application.get(&a).copied()));
            let person = people.get(&participant.person_id);
            ParticipantView {
                phone: person.map(|p| p.phone.clone()).unwrap_or_default(),
                email: person.map(|p| p.email.clone()).unwrap_or_default(),
                channel: channel_id.and_then(|id| known.get(&id).cloned()),
                participant,
            }
        })
        .collect();
    Ok((course.into_course(), views))
}
