//! Observations about one participant over JSON: sensitive, for the course's leaders and
//! the coordinator only; every list is audited as a read (`observation.read`).

use crate::api::conventions::{
    CourseParticipantNotFound, MalformedRequest, NoValidToken, ObservedParticipantPath, RecordersOnly,
};
use crate::api::courses::whole;
use crate::api::extract::Id;
use crate::api::{ApiJson, Items, OrgCaller, Problem};
use crate::error::WebError;
use crate::services::running::observations as service;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use samla_domain::Action;
use samla_storage::running::observations::Observation as StoredObservation;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/organisations/{org}/courses/{course_id}/participants/{participant_id}/observations",
        get(list_observations).post(create_observation),
    )
}

#[derive(OpenApi)]
#[openapi(paths(list_observations, create_observation), components(schemas(Observation, NewObservation)))]
pub struct Doc;

/// What a leader noticed about one participant.
#[derive(Serialize, ToSchema)]
pub struct Observation {
    pub id: i64,
    pub participant_id: i64,
    /// The session or meeting it is about, if any.
    pub session_id: Option<i64>,
    pub body: String,
    /// Unix seconds.
    pub written_at: i64,
    pub written_by: Option<String>,
}

fn observation_json(o: &StoredObservation) -> Observation {
    Observation {
        id: o.id,
        participant_id: o.participant_id,
        session_id: o.session_id,
        body: o.body.clone(),
        written_at: o.written_at,
        written_by: o.writer_name.clone(),
    }
}

/// The observations about one participant of a course, newest first. Audited.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/participants/{participant_id}/observations", operation_id = "listObservations", tag = "running",
    params(ObservedParticipantPath),
    responses(
        (status = 200, description = "The observations, newest first", body = Items<Observation>),
        MalformedRequest, NoValidToken,
        (status = 403, description = "Not allowed: only the course's leaders and the coordinator", body = Problem, content_type = "application/problem+json"),
        CourseParticipantNotFound,
    ))]
pub async fn list_observations(
    OrgCaller(state, actor, (Id(course_id), Id(participant_id))): OrgCaller<(Id, Id)>,
) -> Result<Json<Items<Observation>>, WebError> {
    actor.authorize(&state, Action::ViewSensitivePersonalData).await?;
    let view = service::list(&state, &actor, course_id, participant_id).await?;
    Ok(Json(view.observations.iter().map(observation_json).collect()))
}

/// An observation as written.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewObservation {
    /// Several lines allowed.
    #[schema(min_length = 1, max_length = 4000, format = "required_text")]
    pub body: String,
    /// A session or meeting of the course that is not cancelled, if the observation is
    /// about one.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1)]
    pub session_id: Option<i64>,
}

/// Writes an observation about one participant of a course.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/participants/{participant_id}/observations", operation_id = "createObservation", tag = "running",
    params(ObservedParticipantPath),
    request_body = NewObservation,
    responses(
        (status = 201, description = "Written", body = Observation),
        MalformedRequest, NoValidToken,
        RecordersOnly,
        CourseParticipantNotFound,
        (status = 422, description = "No text, too long or with control characters, a session that is not the course's or is cancelled, or the course closed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_observation(
    OrgCaller(state, actor, (Id(course_id), Id(participant_id))): OrgCaller<(Id, Id)>,
    ApiJson(body): ApiJson<NewObservation>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::RecordSessionWork).await?;
    let (course_id, participant_id) = (course_id, participant_id);
    let id = service::create(&state, &actor, course_id, participant_id, &body.body, body.session_id).await?;
    let observation = service::written(&state, &actor, course_id, participant_id, id).await?;
    Ok((StatusCode::CREATED, Json(observation_json(&observation))))
}
