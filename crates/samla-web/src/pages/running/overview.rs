//! The course's attendance overview, its printable summary per participant, a
//! participant's page in a course (attendance, follow-up with the family, dropout), and
//! the pieces the course page and the home page show of them.

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::staffing::gap_value;
use crate::pages::Page;
use crate::pages::PathId;
use crate::pages::PathIds;
use crate::pages::Saved;
use crate::pages::Ui;
use crate::services::running::overview::{self as service, DropoutForm, FollowUp, ParticipantFigures, SessionFigures};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::Value;
use samla_domain::running::dropout::DropoutReason;
use samla_domain::{FieldError, FieldErrors};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/courses/{id}/attendance", get(overview))
        .route("/courses/{id}/attendance/print", get(print))
        .route("/courses/{id}/participants/{participant_id}", get(participant))
        .route("/courses/{id}/participants/{participant_id}/dropout", post(dropout))
        .route("/courses/{id}/participants/{participant_id}/follow-ups/{task_id}", post(contacted))
}

/// Notices a redirect may ask the participant page to show.
const NOTICES: [&str; 2] = ["dropout", "contacted"];

/// A held session as the templates show it (the fields of planning.html's macros, and
/// the figures).
fn session_value(s: &SessionFigures) -> Value {
    let held = &s.held;
    minijinja::context! {
        id => held.session_id,
        kind => held.kind,
        number => s.number,
        title => held.title.clone(),
        meeting_kind => held.meeting_kind.clone(),
        date => held.date.clone(),
        start_time => held.start_time.clone(),
        audience => held.audience,
        attended => s.attended,
        expected => s.expected,
        guardians_attended => s.guardians_attended,
        guardians_expected => s.guardians_expected,
        parents => held.parents,
        family_members => held.family_members,
        staff => s.staff_present.iter().map(|m| minijinja::context! {
            name => m.name.clone(), role => m.course_role,
        }).collect::<Vec<_>>(),
        gaps => s.gaps.iter().map(gap_value).collect::<Vec<_>>(),
    }
}

fn follow_up_value(p: &ParticipantFigures) -> Value {
    match p.follow_up() {
        FollowUp::None => minijinja::context! { state => "none" },
        FollowUp::Open { task_id, since, absences } => {
            minijinja::context! { state => "open", task_id => task_id, since => since, absences => absences }
        }
        FollowUp::Done { task_id, at, by, outcome } => {
            minijinja::context! { state => "done", task_id => task_id, at => at, by => by, outcome => outcome }
        }
    }
}

/// A participant's line: their figures, their mark at each held session and their
/// guardians' marks there.
fn participant_value(p: &ParticipantFigures, sessions: &[SessionFigures]) -> Value {
    let participant = &p.participant;
    let marks: Vec<Value> = sessions
        .iter()
        .zip(&p.marks)
        .enumerate()
        .map(|(index, (s, mark))| {
            let guardians: Vec<Value> = p
                .guardians
                .iter()
                .filter_map(|g| {
                    let mark = g.marks.get(index)?.as_ref()?;
                    Some(minijinja::context! { name => g.name.clone(), attendance => mark.attendance.as_str() })
                })
                .collect();
            minijinja::context! {
                session => session_value(s),
                attendance => mark.as_ref().map(|m| m.attendance.as_str()),
                note => mark.as_ref().map(|m| m.note.clone()).unwrap_or_default(),
                guardians => guardians,
            }
        })
        .collect();
    let (family_came, family_held) = p.family_came();
    let guardians: Vec<Value> = p
        .guardians
        .iter()
        .map(|g| minijinja::context! { name => g.name.clone(), attended => g.summary.attended, held => g.summary.held })
        .collect();
    minijinja::context! {
        id => participant.id,
        name => participant.name.clone(),
        first_name => first_name(&participant.name),
        dropped_out => p.dropped_out(),
        dropped_out_on => participant.dropped_out_on.clone(),
        dropout_reason => participant.dropout_reason.clone(),
        enrolled_at => participant.enrolled_at,
        attended => p.summary.attended,
        held => p.summary.held,
        absent => p.summary.absent(),
        absent_with_notice => p.summary.absent_with_notice,
        absent_without_notice => p.summary.absent_without_notice,
        late => p.summary.late,
        left_early => p.summary.left_early,
        in_a_row => p.absences_in_a_row,
        follow_up => follow_up_value(p),
        marks => marks,
        family_came => family_came,
        family_held => family_held,
        guardians => guardians,
    }
}

fn first_name(name: &str) -> String {
    name.split_whitespace().next().unwrap_or(name).to_string()
}

fn course_value(course: &samla_storage::courses::Course) -> Value {
    minijinja::context! { id => course.id, name => course.name.clone() }
}

async fn overview(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let found = service::course_attendance(&state, &actor, id).await?;
    let sessions: Vec<Value> = found.sessions.iter().map(session_value).collect();
    let participants: Option<Vec<Value>> =
        found.participants.as_ref().map(|all| all.iter().map(|p| participant_value(p, &found.sessions)).collect());
    let context = minijinja::context! {
        course => course_value(&found.course),
        sessions => sessions,
        short_staffed => found.sessions.iter().filter(|s| !s.gaps.is_empty()).count(),
        participants => participants,
        threshold => found.threshold,
    };
    ui.render(&state, Some(&actor), "running_course_attendance.html", "overview-title", context)
}

async fn print(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let found = service::printable(&state, &actor, id).await?;
    let participants: Vec<Value> =
        found.participants.iter().flatten().map(|p| participant_value(p, &found.sessions)).collect();
    let context = minijinja::context! {
        course => course_value(&found.course),
        held => found.sessions.len(),
        participants => participants,
        printed_at => state.clock.now(),
    };
    ui.render(&state, Some(&actor), "running_attendance_print.html", "overview-print-title", context)
}

/// The forms on the participant page that can come back with errors.
#[derive(Default)]
struct ParticipantForms {
    dropout: Option<FormState>,
    contacted: FormState,
}

/// The groups a reason for dropping out may be put in, ending with none.
fn reason_kinds(state: &AppState, ui: &Ui) -> Vec<Value> {
    let text = |key: &str| state.i18n.text(ui.lang, key, &[]);
    let mut kinds: Vec<Value> = DropoutReason::ALL
        .iter()
        .map(|kind| {
            let code = kind.as_str();
            minijinja::context! { value => code, label => text(&format!("dropout-reason-{}", code.replace('_', "-"))) }
        })
        .collect();
    kinds.push(minijinja::context! { value => "", label => text("dropout-reason-none") });
    kinds
}

async fn render_participant(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    (course_id, participant_id): (i64, i64),
    forms: ParticipantForms,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let found = service::participant(state, actor, course_id, participant_id).await?;
    let today = actor.organisation.today(&state.clock);
    let dropout = forms.dropout.unwrap_or_else(|| FormState::new().with_value("date", today));
    let tasks: Vec<Value> = found
        .figures
        .tasks
        .iter()
        .map(|t| {
            minijinja::context! {
                id => t.id,
                absences => t.absences,
                created_at => t.created_at,
                done_at => t.done_at,
                done_by => t.done_by_name.clone(),
                outcome => t.outcome.clone(),
            }
        })
        .collect();
    let context = minijinja::context! {
        course => course_value(&found.course),
        participant => participant_value(&found.figures, &found.sessions),
        tasks => tasks,
        threshold => found.threshold,
        may_record => found.access.record,
        may_observe => found.access.observations,
        may_report_concerns => found.access.concerns,
        notice => notice.filter(|n| NOTICES.contains(n)),
        dropout_form => ui.form(state, &dropout),
        reason_kinds => reason_kinds(state, ui),
        contacted_form => ui.form(state, &forms.contacted),
        today => today.to_string(),
    };
    ui.render_status(state, Some(actor), status, "running_participant.html", "overview-participant-title", context)
}

async fn participant(
    Page { state, ui, actor }: Page,
    PathIds([id, participant_id]): PathIds<2>,
    Saved(notice): Saved,
) -> Result<Response, WebError> {
    let ids = (id, participant_id);
    render_participant(&state, &ui, &actor, ids, ParticipantForms::default(), StatusCode::OK, notice.as_deref()).await
}

fn saved(course_id: i64, participant_id: i64, what: &str, anchor: &str) -> Response {
    Redirect::to(&format!("/courses/{course_id}/participants/{participant_id}?saved={what}#{anchor}")).into_response()
}

fn problem_status(error: &WebError) -> StatusCode {
    match error {
        WebError::Refused(_) => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

async fn dropout(
    Page { state, ui, actor }: Page,
    PathIds([id, participant_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    let ids = (id, participant_id);
    let typed = DropoutForm {
        date: form.get("date").to_string(),
        reason: form.get("reason").to_string(),
        reason_kind: form.get("reason_kind").to_string(),
    };
    match service::record_dropout(&state, &actor, ids.0, ids.1, &typed).await {
        Ok(_) => Ok(saved(ids.0, ids.1, "dropout", "dropout")),
        Err(error @ (WebError::Invalid(_) | WebError::Refused(_))) => {
            let status = problem_status(&error);
            let (WebError::Invalid(errors) | WebError::Refused(errors)) = error else { unreachable!() };
            let forms = ParticipantForms { dropout: Some(form.kept().with_errors(errors)), ..Default::default() };
            render_participant(&state, &ui, &actor, ids, forms, status, None).await
        }
        Err(other) => Err(other),
    }
}

async fn contacted(
    Page { state, ui, actor }: Page,
    PathIds([id, participant_id, task_id]): PathIds<3>,
    form: FormData,
) -> Result<Response, WebError> {
    let ids = (id, participant_id);
    match service::complete_follow_up(&state, &actor, task_id, form.get("outcome"), Some(ids)).await {
        Ok(_) => Ok(saved(ids.0, ids.1, "contacted", "follow-up")),
        Err(error @ (WebError::Invalid(_) | WebError::Refused(_))) => {
            let status = problem_status(&error);
            let (WebError::Invalid(errors) | WebError::Refused(errors)) = error else { unreachable!() };
            // Each task has its own form: the message goes to this task's field.
            let errors = FieldErrors(
                errors.0.into_iter().map(|e| FieldError { field: format!("outcome-{task_id}"), ..e }).collect(),
            );
            let contacted = FormState::new().with_value(&format!("outcome-{task_id}"), form.get("outcome"));
            let forms = ParticipantForms { contacted: contacted.with_errors(errors), ..Default::default() };
            render_participant(&state, &ui, &actor, ids, forms, status, None).await
        }
        Err(other) => Err(other),
    }
}

/// The "Running the course" section of the course page: links, the held sessions that
/// fell short of the programme's staffing rule, and the attendance per session and per
/// participant (names only for those who may see them; that read is audited).
pub(in crate::pages) async fn course_section(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
) -> Result<Value, WebError> {
    let found = service::course_attendance(state, actor, course_id).await?;
    let participants: Option<Vec<Value>> =
        found.participants.as_ref().map(|all| all.iter().map(|p| participant_value(p, &found.sessions)).collect());
    Ok(minijinja::context! {
        held => found.sessions.len(),
        short => found.sessions.iter().filter(|s| !s.gaps.is_empty()).map(session_value).collect::<Vec<_>>(),
        sessions => found.sessions.iter().map(session_value).collect::<Vec<_>>(),
        participants => participants,
        may_record => found.access.record,
        may_report_concerns => found.access.concerns,
    })
}

/// The open follow-up tasks on the home page.
pub(in crate::pages) async fn home_section(state: &AppState, actor: &Actor) -> Result<Vec<Value>, WebError> {
    let found = service::home_tasks(state, actor).await?;
    Ok(found
        .tasks
        .iter()
        .map(|t| {
            minijinja::context! {
                href => match found.names {
                    true => format!("/courses/{}/participants/{}#follow-up", t.course_id, t.participant_id),
                    false => format!("/courses/{}/attendance", t.course_id),
                },
                course => t.course_name.clone(),
                first_name => found.names.then(|| first_name(&t.participant_name)),
                absences => t.absences,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::{first_name, NOTICES};
    use samla_domain::accounts::Language;
    use samla_domain::running::attendance::Attendance;

    /// The templates build these keys from values: each mark and each notice.
    #[test]
    fn keys_built_from_values_exist() {
        let i18n = crate::i18n::I18n::load();
        let mut keys: Vec<String> =
            Attendance::ALL.iter().map(|a| format!("overview-mark-{}", a.as_str().replace('_', "-"))).collect();
        keys.extend(NOTICES.iter().map(|n| format!("overview-saved-{n}")));
        for key in keys {
            for language in Language::ALL {
                assert!(i18n.has(language, &key), "{key} missing in {}", language.code());
            }
        }
    }

    #[test]
    fn the_first_name_is_the_first_word() {
        assert_eq!(first_name("Nora Berg"), "Nora");
        assert_eq!(first_name("  Ali  Khan "), "Ali");
        assert_eq!(first_name("Sara"), "Sara");
        assert_eq!(first_name(""), "");
    }
}
