//! Courses run before samla, imported for the statistics, as JSON: the same rows the
//! spreadsheet template has, read by the same rules.

use crate::api::conventions::{OrgSlug, OrganisationProblems};
use crate::api::courses::whole;
use crate::api::intake::SexName;
use crate::api::running::DropoutReasonName;
use crate::api::{ApiJson, OrgCaller, Problem};
use crate::error::WebError;
use crate::services::imports;
use crate::AppState;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use samla_domain::reports::import::{Sheet, COURSE_COLUMNS, PARTICIPANT_COLUMNS};
use samla_domain::running::dropout::DropoutReason;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new().route("/organisations/{org}/statistics/imports", post(import_courses))
}

#[derive(OpenApi)]
#[openapi(paths(import_courses))]
pub struct Doc;

/// A course run before samla.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportCourse {
    /// The organisation's own reference for the course; importing it again replaces it.
    #[schema(max_length = 60, format = "required_line")]
    pub course: String,
    /// The programme's id or slug.
    #[schema(max_length = 60, format = "required_line")]
    pub programme: String,
    #[schema(format = Date)]
    pub start_date: String,
    #[schema(format = Date)]
    pub end_date: String,
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 1, maximum = 200)]
    pub sessions: u32,
    /// How many group leaders it had.
    #[serde(deserialize_with = "whole::required")]
    #[schema(minimum = 0, maximum = 20)]
    pub leaders: u32,
    #[serde(default)]
    pub cancelled: bool,
}

/// A participant of an imported course, by a pseudonymous code: never a name or a
/// national identity number.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportParticipant {
    /// The course's reference.
    #[schema(max_length = 60, format = "required_line")]
    pub course: String,
    #[schema(max_length = 40, format = "required_line")]
    pub participant: String,
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 1900, maximum = 9999)]
    pub birth_year: Option<u32>,
    /// Age when the course started (instead of the birth year).
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 0, maximum = 120)]
    pub age: Option<u32>,
    pub sex: Option<SexName>,
    /// A recruitment channel's code.
    #[schema(max_length = 60, format = "optional_line")]
    pub channel: Option<String>,
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 0, maximum = 200)]
    pub sessions_attended: Option<u32>,
    #[serde(default)]
    pub dropped_out: bool,
    /// Left out where they did not drop out or no reason was given.
    pub dropout_reason: Option<DropoutReasonName>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseImport {
    #[schema(min_items = 1, max_items = 5000)]
    pub courses: Vec<ImportCourse>,
    /// Every participant of the courses (an empty list for courses without any).
    #[schema(max_items = 100000)]
    pub participants: Vec<ImportParticipant>,
}

/// What was imported.
#[derive(Serialize, ToSchema)]
pub struct CoursesImported {
    pub courses: usize,
    pub participants: usize,
}

fn text(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The rows as the spreadsheet would hold them, so one reader checks both.
fn sheets(body: &CourseImport) -> (Sheet, Sheet) {
    let header = |columns: &[&str]| columns.iter().map(|c| c.to_string()).collect();
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    let courses = Sheet {
        header: header(&COURSE_COLUMNS),
        rows: body
            .courses
            .iter()
            .map(|c| {
                vec![
                    c.course.clone(),
                    c.programme.clone(),
                    c.start_date.clone(),
                    c.end_date.clone(),
                    c.sessions.to_string(),
                    c.leaders.to_string(),
                    yes_no(c.cancelled),
                ]
            })
            .collect(),
    };
    let participants = Sheet {
        header: header(&PARTICIPANT_COLUMNS),
        rows: body
            .participants
            .iter()
            .map(|p| {
                vec![
                    p.course.clone(),
                    p.participant.clone(),
                    text(p.birth_year),
                    text(p.age),
                    text(p.sex.map(SexName::code)),
                    text(p.channel.as_ref()),
                    text(p.sessions_attended),
                    yes_no(p.dropped_out),
                    text(p.dropout_reason.map(|r| DropoutReason::from(r).as_str())),
                ]
            })
            .collect(),
    };
    (courses, participants)
}

/// Imports courses run before samla with their participants, so that they count in the
/// programme's statistics. Nothing is imported while any row has a problem; each is
/// named by its field, `courses[N].column` or `participants[N].column`, where N counts
/// as a spreadsheet does (the first object is row 2, under the header).
#[utoipa::path(post, path = "/api/v1/organisations/{org}/statistics/imports", operation_id = "importCourses", tag = "statistics",
    params(OrgSlug),
    request_body = CourseImport,
    responses(
        (status = 201, description = "Imported", body = CoursesImported),
        OrganisationProblems,
        (status = 413, description = "The import is larger than 1 MiB (about 20,000 participant rows); nothing imported", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every problem, by sheet, row and column; nothing imported", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn import_courses(
    OrgCaller(state, actor, ()): OrgCaller,
    ApiJson(body): ApiJson<CourseImport>,
) -> Result<(StatusCode, Json<CoursesImported>), WebError> {
    let (courses, participants) = sheets(&body);
    let imported = imports::import(&state, &actor, &courses, &participants).await?;
    Ok((StatusCode::CREATED, Json(CoursesImported { courses: imported.courses, participants: imported.participants })))
}
