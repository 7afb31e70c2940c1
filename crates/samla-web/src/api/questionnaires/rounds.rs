//! Rounds of asking over JSON: start one on a course, schedule an outcome measure's
//! three rounds, list and read rounds with their counts, list who was asked (names need
//! the right to see participants' contacts, and every list is audited; answers are never
//! part of it), and close a round.

use crate::api::conventions::{
    CourseEvaluatorProblems, CourseNotFound, CoursePath, EvaluationUsersOnly, MalformedRequest, NoValidToken,
    RoundEvaluatorProblems, RoundNotFound, RoundPath,
};
use crate::api::courses::whole;
use crate::api::extract::Id;
use crate::api::{ApiJson, Items, OrgCaller, Problem};
use crate::auth::Actor;
use crate::error::WebError;
use crate::services::questionnaires::rounds::{self as service, RoundView, StartRound};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use samla_domain::questionnaires::rounds::{RoundRequest, RoundState};
use samla_storage::questionnaires::rounds::{RecipientRow, RoundSummary};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/organisations/{org}/courses/{course_id}/questionnaire-rounds",
            get(list_questionnaire_rounds).post(start_questionnaire_round),
        )
        .route("/organisations/{org}/courses/{course_id}/outcome-rounds", post(schedule_outcome_rounds))
        .route("/organisations/{org}/questionnaire-rounds/{round_id}", get(get_questionnaire_round))
        .route("/organisations/{org}/questionnaire-rounds/{round_id}/recipients", get(list_round_recipients))
        .route("/organisations/{org}/questionnaire-rounds/{round_id}/close", post(close_questionnaire_round))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        start_questionnaire_round,
        list_questionnaire_rounds,
        get_questionnaire_round,
        list_round_recipients,
        schedule_outcome_rounds,
        close_questionnaire_round
    ),
    components(schemas(
        QuestionnaireRound,
        RoundCounts,
        NewQuestionnaireRound,
        OutcomeRounds,
        RoundRecipient,
        RoundAudience,
        RoundMode,
        RoundTiming
    ))
)]
pub struct Doc;

/// Whom a round asks: the course's participants (who answer for themselves), the
/// guardians with parental responsibility of its children and its parents, or its staff
/// (group leaders and user representatives).
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RoundAudience {
    Participants,
    Guardians,
    Staff,
}

/// `anonymous`: answers carry no person; `identified`: answers are about a participant
/// (outcome measures).
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RoundMode {
    Anonymous,
    Identified,
}

/// When in the course the round asks.
#[derive(Serialize, Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RoundTiming {
    Session,
    Before,
    End,
    FollowUp,
    Other,
}

fn code<T: Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// How far a round has come.
#[derive(Serialize, ToSchema)]
pub struct RoundCounts {
    /// Personal links made (not counting QR-code answers).
    pub asked: i64,
    /// Sent an invitation by e-mail.
    pub invited: i64,
    /// Sent the reminder.
    pub reminded: i64,
    /// Sent the form (QR-code and paper answers included).
    pub answered: i64,
    /// Links made from the QR code.
    pub walk_ins: i64,
}

/// A round of asking.
#[derive(Serialize, ToSchema)]
pub struct QuestionnaireRound {
    pub id: i64,
    pub course_id: i64,
    pub session_id: Option<i64>,
    pub questionnaire_id: i64,
    /// The questionnaire version the round asks.
    pub version_id: i64,
    pub version_number: i64,
    pub title: String,
    #[schema(example = "guardians")]
    pub audience: String,
    #[schema(example = "identified")]
    pub mode: String,
    #[schema(example = "before")]
    pub timing: String,
    #[schema(value_type = String, format = Date)]
    pub opens_on: String,
    /// The last day to answer (the organisation's time zone). When it has passed, or staff
    /// close the round, the round takes no more answers and its results are released.
    #[schema(value_type = String, format = Date)]
    pub closes_on: String,
    pub follow_up_months: Option<i64>,
    pub qr_code: bool,
    /// The link behind the QR code (absolute), for those who run the round while it is
    /// not closed.
    pub open_link: Option<String>,
    /// `scheduled`, `open` or `closed`.
    pub state: String,
    /// Unix seconds.
    pub invitations_sent_at: Option<i64>,
    pub reminder_sent_at: Option<i64>,
    /// When staff closed the round (a round past its last day is closed without it).
    pub closed_at: Option<i64>,
    /// When the round's results were released, if they are: they are shown (from 5
    /// answers) and never change after. Released when the round closes, at the latest at
    /// the first read of its results or the server's next housekeeping after its last day.
    pub results_released_at: Option<i64>,
    pub created_at: i64,
    pub counts: RoundCounts,
}

fn round_json(summary: &RoundSummary, state: &str, open_link: Option<String>) -> QuestionnaireRound {
    let r = &summary.round;
    QuestionnaireRound {
        id: r.id,
        course_id: r.course_id,
        session_id: r.session_id,
        questionnaire_id: summary.questionnaire_id,
        version_id: r.version_id,
        version_number: summary.version_number,
        title: summary.title.clone(),
        audience: r.audience.as_str().to_string(),
        mode: r.mode.as_str().to_string(),
        timing: r.timing.as_str().to_string(),
        opens_on: r.opens_on.clone(),
        closes_on: r.closes_on.clone(),
        follow_up_months: r.follow_up_months,
        qr_code: r.open_token.is_some(),
        open_link,
        state: state.to_string(),
        invitations_sent_at: r.invitations_sent_at,
        reminder_sent_at: r.reminder_sent_at,
        closed_at: r.closed_at,
        results_released_at: r.results_released_at,
        created_at: r.created_at,
        counts: RoundCounts {
            asked: summary.asked,
            invited: summary.invited,
            reminded: summary.reminded,
            answered: summary.answered,
            walk_ins: summary.walk_ins,
        },
    }
}

fn view_json(view: &RoundView) -> QuestionnaireRound {
    round_json(&view.summary, view.state.code(), view.open_link.clone())
}

fn language(actor: &Actor) -> &'static str {
    actor.organisation.language().code()
}

async fn read_round(state: &AppState, actor: &Actor, round_id: i64) -> Result<QuestionnaireRound, WebError> {
    Ok(view_json(&service::round_view(state, actor, round_id, language(actor)).await?))
}

/// A round to start.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewQuestionnaireRound {
    /// A questionnaire of the organisation's library; its newest version is asked.
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub questionnaire_id: i64,
    pub audience: RoundAudience,
    pub mode: RoundMode,
    pub timing: RoundTiming,
    /// The session a `session` round is about (required then, refused otherwise).
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1)]
    pub session_id: Option<i64>,
    /// Default: from the timing (see the evaluations guide).
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub opens_on: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub closes_on: Option<String>,
    /// Months after the course's end, for a `follow_up` round (default 3).
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1, maximum = 24)]
    pub follow_up_months: Option<i64>,
    /// Show a QR code in the room (anonymous rounds only); no personal links are made.
    #[serde(default)]
    pub qr_code: bool,
}

/// Starts a round of asking on a course. Invitations go out by e-mail on the opening day
/// (at once when it opens today).
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/questionnaire-rounds", operation_id = "startQuestionnaireRound", tag = "questionnaires",
    params(CoursePath),
    request_body = NewQuestionnaireRound,
    responses(
        (status = 201, description = "Started", body = QuestionnaireRound),
        CourseEvaluatorProblems,
        (status = 422, description = "Invalid fields: no such questionnaire, a session not of the course, a QR code with an identified round, dates in the wrong order or past, follow-up months out of range, nobody to ask, or the course closed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn start_questionnaire_round(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewQuestionnaireRound>,
) -> Result<impl IntoResponse, WebError> {
    let (audience, mode, timing) = (code(body.audience), code(body.mode), code(body.timing));
    let request = RoundRequest {
        audience: &audience,
        mode: &mode,
        timing: &timing,
        session_id: body.session_id,
        opens_on: body.opens_on.as_deref().unwrap_or(""),
        closes_on: body.closes_on.as_deref().unwrap_or(""),
        follow_up_months: body.follow_up_months,
        qr_code: body.qr_code,
    };
    let start = StartRound { questionnaire_id: Some(body.questionnaire_id), request };
    let id = service::start(&state, &actor, course_id, &start).await?;
    Ok((StatusCode::CREATED, Json(read_round(&state, &actor, id).await?)))
}

/// The rounds of a course, by opening day, with their counts.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/questionnaire-rounds", operation_id = "listQuestionnaireRounds", tag = "questionnaires",
    params(CoursePath),
    responses(
        (status = 200, description = "The rounds", body = Items<QuestionnaireRound>),
        MalformedRequest, NoValidToken,
        EvaluationUsersOnly,
        CourseNotFound,
    ))]
pub async fn list_questionnaire_rounds(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
) -> Result<Json<Items<QuestionnaireRound>>, WebError> {
    let view = service::course_rounds(&state, &actor, course_id, language(&actor)).await?;
    let items = view
        .rounds
        .iter()
        .map(|summary| {
            let round_state = service::state_of(&state, &actor, &summary.round);
            let link = (view.may_run && round_state != RoundState::Closed)
                .then(|| service::open_link(&state, &summary.round))
                .flatten();
            round_json(summary, round_state.code(), link)
        })
        .collect();
    Ok(Json(Items { items }))
}

/// One round with its counts.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/questionnaire-rounds/{round_id}", operation_id = "getQuestionnaireRound", tag = "questionnaires",
    params(RoundPath),
    responses(
        (status = 200, description = "The round", body = QuestionnaireRound),
        MalformedRequest, NoValidToken,
        EvaluationUsersOnly,
        RoundNotFound,
    ))]
pub async fn get_questionnaire_round(
    OrgCaller(state, actor, Id(round_id)): OrgCaller<Id>,
) -> Result<Json<QuestionnaireRound>, WebError> {
    Ok(Json(read_round(&state, &actor, round_id).await?))
}

/// Someone a round asked. Never anything they answered.
#[derive(Serialize, ToSchema)]
pub struct RoundRecipient {
    pub id: i64,
    /// None for a link made from the QR code.
    pub name: Option<String>,
    /// `participant`, `guardian`, `parent`, `staff` or `walk_in`.
    pub role: String,
    /// The participant the answers are about (identified rounds).
    pub about: Option<String>,
    /// Whether a mail can reach them.
    pub has_email: bool,
    pub invited: bool,
    pub reminded: bool,
    pub answered: bool,
    #[schema(value_type = Option<String>, format = Date)]
    pub answered_on: Option<String>,
}

fn recipient_json(r: &RecipientRow) -> RoundRecipient {
    RoundRecipient {
        id: r.id,
        name: r.name.clone(),
        role: r.role.clone(),
        about: r.subject_name.clone(),
        has_email: r.has_email != 0,
        invited: r.invited_at.is_some(),
        reminded: r.reminded_at.is_some(),
        answered: r.answered_on.is_some(),
        answered_on: r.answered_on.clone(),
    }
}

/// Who a round asked and who has answered, by name (for reminders). Needs the right to see
/// the course's participants' contacts; audited. A round's results stay hidden until it has
/// closed and never change after, so who answered cannot be matched with what they answered.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/questionnaire-rounds/{round_id}/recipients", operation_id = "listRoundRecipients", tag = "questionnaires",
    params(RoundPath),
    responses(
        (status = 200, description = "Who was asked", body = Items<RoundRecipient>),
        MalformedRequest, NoValidToken,
        (status = 403, description = "May not see the participants' contacts on the course", body = Problem, content_type = "application/problem+json"),
        RoundNotFound,
    ))]
pub async fn list_round_recipients(
    OrgCaller(state, actor, Id(round_id)): OrgCaller<Id>,
) -> Result<Json<Items<RoundRecipient>>, WebError> {
    let rows = service::recipients(&state, &actor, round_id).await?;
    Ok(Json(rows.iter().map(recipient_json).collect()))
}

/// An outcome measure's rounds to schedule.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeRounds {
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1)]
    pub questionnaire_id: i64,
    pub audience: RoundAudience,
    /// Months after the course's end for the follow-up (default 3).
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1, maximum = 24)]
    pub follow_up_months: Option<i64>,
}

/// Schedules an outcome measure's three identified rounds — before the first session, at
/// the last, and a follow-up months after the end — in one go.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/outcome-rounds", operation_id = "scheduleOutcomeRounds", tag = "questionnaires",
    params(CoursePath),
    request_body = OutcomeRounds,
    responses(
        (status = 201, description = "The three rounds: before, end, follow-up", body = Items<QuestionnaireRound>),
        CourseEvaluatorProblems,
        (status = 422, description = "Invalid fields: no such questionnaire, follow-up months out of range, nobody to ask, or the course closed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn schedule_outcome_rounds(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<OutcomeRounds>,
) -> Result<impl IntoResponse, WebError> {
    let ids = service::schedule_outcome(
        &state,
        &actor,
        course_id,
        Some(body.questionnaire_id),
        &code(body.audience),
        body.follow_up_months,
    )
    .await?;
    let mut items = Vec::new();
    for id in ids {
        items.push(read_round(&state, &actor, id).await?);
    }
    Ok((StatusCode::CREATED, Json(Items { items })))
}

/// Closes a round: its personal links and QR code stop working now, nothing more can be
/// added to it (not even on paper), and its results are released: shown from 5 answers,
/// and never changed after.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/questionnaire-rounds/{round_id}/close", operation_id = "closeQuestionnaireRound", tag = "questionnaires",
    params(RoundPath),
    responses(
        (status = 200, description = "Closed", body = QuestionnaireRound),
        RoundEvaluatorProblems,
        (status = 422, description = "The round is closed already", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn close_questionnaire_round(
    OrgCaller(state, actor, Id(round_id)): OrgCaller<Id>,
) -> Result<Json<QuestionnaireRound>, WebError> {
    service::close(&state, &actor, round_id).await?;
    Ok(Json(read_round(&state, &actor, round_id).await?))
}
