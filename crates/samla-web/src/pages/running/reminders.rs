//! A course's reminders: whether participants (or their guardians) are reminded before
//! each session and leaders of unwritten logs, which participants have turned reminders
//! off, which of a child's guardians have turned theirs off, and the signed-in leader's
//! own log reminders for the course.

use crate::error::WebError;
use crate::forms::FormData;
use crate::pages::Page;
use crate::pages::PathId;
use crate::pages::PathIds;
use crate::pages::Saved;
use crate::services::running::reminders::{self as service, CourseReminders};
use crate::AppState;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use samla_domain::Action;
use samla_storage::running::reminders::CourseReminderSettings;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/courses/{id}/reminders", get(show).post(save_course))
        .route("/courses/{id}/reminders/participants/{participant_id}", post(set_participant))
        .route("/courses/{id}/reminders/persons/{person_id}", post(set_person))
        .route("/courses/{id}/reminders/mine", post(set_mine))
}

/// The notices a change leads back to.
const NOTICES: [&str; 4] = ["course", "participant", "person", "mine"];

fn page_value(view: &CourseReminders) -> minijinja::Value {
    let participants = view.participants.as_ref().map(|all| {
        all.iter()
            .map(|p| {
                minijinja::context! {
                    id => p.id,
                    name => p.name.clone(),
                    active => p.status.is_active(),
                    on => p.reminders_off == 0,
                    // A child's guardians, each with their own switch (an adult
                    // participant's own switch is the participant's).
                    guardians => view.grown_ups.iter().flatten()
                        .filter(|g| g.participant_id == p.id && g.guardian != 0 && g.has_email != 0)
                        .map(|g| minijinja::context! {
                            id => g.person_id,
                            name => g.name.clone(),
                            on => g.reminders_off == 0,
                        })
                        .collect::<Vec<_>>(),
                }
            })
            .collect::<Vec<_>>()
    });
    minijinja::context! {
        course => minijinja::context! { id => view.course.id, name => view.course.name.clone() },
        participant_reminders => view.settings.participant_reminders,
        log_reminders => view.settings.log_reminders,
        participants => participants,
        active => view.active,
        active_off => view.active_off,
        may_change => view.may_change,
        my_log_reminders => view.my_log_reminders,
        hours_before => view.timing.reminder_hours_before,
        grace_hours => view.timing.log_grace_hours,
    }
}

async fn show(Page { state, ui, actor }: Page, PathId(id): PathId, saved: Saved) -> Result<Response, WebError> {
    let view = service::for_course(&state, &actor, id).await?;
    let notice = saved.known(&NOTICES);
    let context = minijinja::context! {
        notice => notice,
        may_configure => actor.roles.may(Action::ConfigureCourseWork),
        ..page_value(&view)
    };
    ui.render(&state, Some(&actor), "running_reminders.html", "reminders-title", context)
}

fn saved(course_id: i64, what: &str) -> Response {
    Redirect::to(&format!("/courses/{course_id}/reminders?saved={what}#{what}-heading")).into_response()
}

/// `on` or `off` from a toggle button; anything else is a malformed form.
fn switch(form: &FormData, name: &str) -> Result<bool, WebError> {
    match form.get(name) {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(WebError::BadRequest { detail_key: "problem-form-detail", location: name.to_string() }),
    }
}

async fn save_course(
    Page { state, actor, .. }: Page,
    PathId(course_id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let settings = CourseReminderSettings {
        participant_reminders: form.checked("participant_reminders"),
        log_reminders: form.checked("log_reminders"),
    };
    service::set_course_settings(&state, &actor, course_id, settings).await?;
    Ok(saved(course_id, "course"))
}

async fn set_participant(
    Page { state, actor, .. }: Page,
    PathIds([course_id, participant_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    service::set_participant(&state, &actor, course_id, participant_id, switch(&form, "reminders")?).await?;
    Ok(saved(course_id, "participant"))
}

async fn set_person(
    Page { state, actor, .. }: Page,
    PathIds([course_id, person_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    service::set_person(&state, &actor, course_id, person_id, switch(&form, "reminders")?).await?;
    Ok(Redirect::to(&format!("/courses/{course_id}/reminders?saved=person#participant-heading")).into_response())
}

async fn set_mine(
    Page { state, actor, .. }: Page,
    PathId(course_id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    service::set_my_log_reminders(&state, &actor, course_id, switch(&form, "log_reminders")?).await?;
    Ok(saved(course_id, "mine"))
}
