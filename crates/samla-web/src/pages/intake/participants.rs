//! The "Participants" section of the course page: who is enrolled, the parents who join
//! the parent sessions, and how they were recruited.

use super::{coded_key, text};
use crate::auth::Actor;
use crate::error::WebError;
use crate::pages::intake_labels::channel_label;
use crate::pages::Ui;
use crate::services::intake::participants;
use crate::AppState;
use minijinja::Value;
use samla_domain::Action;

/// The section's content, or None when the actor may not see participants' details
/// for this course (the policy decides; user representatives never do).
pub(in crate::pages) async fn course_section(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    course_id: i64,
) -> Result<Option<Value>, WebError> {
    if !actor.roles.may(Action::ViewParticipantContacts) {
        return Ok(None);
    }
    let people = match participants::for_course(state, actor, course_id).await {
        Ok((_, people)) => people,
        Err(WebError::Forbidden) => return Ok(None),
        Err(other) => return Err(other),
    };
    let unknown = text(state, ui, "intake-channel-unknown");
    let mut counts: Vec<(String, usize)> = Vec::new();
    let rows: Vec<Value> = people
        .iter()
        .map(|p| {
            let channel = p.channel.as_ref().map(|c| channel_label(&state.i18n, ui.lang, c));
            if p.participant.role.is_participant() {
                let label = channel.clone().unwrap_or_else(|| unknown.clone());
                match counts.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((label, 1)),
                }
            }
            minijinja::context! {
                name => p.participant.name.clone(),
                role => text(state, ui, &coded_key("intake-enrolled-as-", p.participant.role.as_str())),
                parent => !p.participant.role.is_participant(),
                status => p.participant.status,
                phone => p.phone.clone(),
                email => p.email.clone(),
                channel => channel,
                application_id => p.participant.application_id,
            }
        })
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let channels: Vec<Value> =
        counts.into_iter().map(|(label, count)| minijinja::context! { label => label, count => count }).collect();
    Ok(Some(minijinja::context! {
        rows => rows,
        channels => channels,
        participants => people.iter().filter(|p| p.participant.role.is_participant()).count(),
        may_open_applications => actor.roles.may(Action::ManageIntake),
    }))
}
