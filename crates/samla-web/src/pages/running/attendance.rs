//! Attendance pages: the whole group on one screen (one save, one transaction), absence
//! notices ahead of time, and the today page. A save that crossed someone else's gives a
//! 409 page that keeps what was typed and shows what was saved.

mod sheet;
mod today;

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Page;
use crate::pages::PathIds;
use crate::pages::Saved;
use crate::pages::Ui;
use crate::services::running::attendance::{self as service, NoticeInput, SessionView};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::Value;
use samla_domain::running::attendance::Attendance;

pub fn routes() -> Router<AppState> {
    const SESSION: &str = "/courses/{id}/sessions/{session_id}";
    Router::new()
        .route("/today", get(today::show))
        .route(&format!("{SESSION}/attendance"), get(show).post(save))
        .route(&format!("{SESSION}/absence-notices"), post(record_notice))
        .route(&format!("{SESSION}/absence-notices/{{participant_id}}/remove"), post(remove_notice))
}

/// The notices a redirect after a save may ask for.
const SAVED: [&str; 3] = ["attendance", "notice-recorded", "notice-removed"];

/// What the page shows besides the session itself: the forms as typed (with their
/// errors), whether a save just crossed someone else's, and a saved notice.
#[derive(Default)]
struct Shown {
    sheet: Option<FormState>,
    notice: Option<FormState>,
    conflict: bool,
    saved: Option<&'static str>,
}

fn page_of(course_id: i64, session_id: i64, saved: &str, anchor: &str) -> Response {
    Redirect::to(&format!("/courses/{course_id}/sessions/{session_id}/attendance?saved={saved}#{anchor}"))
        .into_response()
}

async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    (course_id, session_id): (i64, i64),
    shown: Shown,
    status: StatusCode,
) -> Result<Response, WebError> {
    let view = service::load(state, actor, Some(course_id), session_id).await?;
    render_view(state, ui, actor, &view, shown, status)
}

fn session_value(view: &SessionView) -> Value {
    let s = &view.session;
    minijinja::context! {
        id => s.id,
        kind => s.kind,
        number => view.number,
        title => s.title.clone(),
        meeting_kind => s.meeting_kind.clone(),
        audience => s.audience,
        date => s.date.clone(),
        start_time => s.start_time.clone(),
        end_time => s.end_time.clone(),
        room => s.room.clone(),
        status => s.status,
        cancel_reason => s.cancel_reason.clone(),
    }
}

/// The saved sheet: who saved it and when, counts by kind (the participants', the
/// guardians'), adults, staff and (only for those who may see names; the service blanks
/// them otherwise) each line.
fn saved_sheet_value(view: &SessionView) -> Option<Value> {
    let sheet = view.sheet.as_ref()?;
    let count_of = |marks: Vec<&str>| -> Vec<Value> {
        Attendance::ALL
            .iter()
            .map(|kind| {
                let count = marks.iter().filter(|m| **m == kind.as_str()).count();
                minijinja::context! { kind => kind.as_str(), count => count }
            })
            .collect()
    };
    let counts = count_of(sheet.entries.iter().map(|e| e.attendance.as_str()).collect());
    let guardian_counts = count_of(sheet.guardians.iter().map(|e| e.attendance.as_str()).collect());
    let staff_names: Vec<String> =
        view.roster.iter().filter(|m| sheet.staff_present.contains(&m.id)).map(|m| m.name.clone()).collect();
    Some(minijinja::context! {
        version => sheet.header.version,
        saved_at => sheet.header.saved_at,
        saved_by_name => sheet.header.saved_by_name.clone(),
        parents => sheet.header.parents,
        family_members => sheet.header.family_members,
        entries => sheet.entries.iter().map(|e| minijinja::context! {
            name => e.name.clone(), attendance => e.attendance.clone(), note => e.note.clone(),
        }).collect::<Vec<_>>(),
        guardians => sheet.guardians.iter().map(|e| minijinja::context! {
            name => e.name.clone(), attendance => e.attendance.clone(), note => e.note.clone(),
        }).collect::<Vec<_>>(),
        counts => counts,
        guardian_counts => guardian_counts,
        staff_names => staff_names,
    })
}

fn render_view(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    view: &SessionView,
    shown: Shown,
    status: StatusCode,
) -> Result<Response, WebError> {
    let text = |key: &str| state.i18n.text(ui.lang, key, &[]);
    let form = ui.form(state, &shown.sheet.unwrap_or_else(|| sheet::first_form(view)));
    let labels = [
        ("parents", text("attendance-other-parents")),
        ("family_members", text("attendance-family-members")),
        ("staff_present", text("attendance-staff")),
    ];
    let summary = sheet::summary(view, &form, &labels);
    let conflict = view.sheet.as_ref().filter(|_| shown.conflict).map(|s| {
        minijinja::context! {
            name => s.header.saved_by_name.clone().unwrap_or_else(|| "–".to_string()),
            saved_at => s.header.saved_at,
        }
    });
    let saved_entry = |participant_id: i64| {
        view.sheet
            .as_ref()
            .filter(|_| shown.conflict)
            .and_then(|s| s.entries.iter().find(|e| e.participant_id == participant_id))
    };
    let participants: Vec<Value> = view
        .expected
        .participants
        .iter()
        .map(|p| {
            let saved = saved_entry(p.id);
            minijinja::context! {
                id => p.id,
                name => p.name.clone(),
                children => "",
                field => sheet::attendance_field(p.id),
                note_field => sheet::note_field(p.id),
                notice => view.notice_for(p.id).map(|n| n.note.clone()),
                saved => saved.map(|e| e.attendance.clone()),
                saved_note => saved.map(|e| e.note.clone()),
            }
        })
        .collect();
    let saved_guardian = |person_id: i64| {
        view.sheet
            .as_ref()
            .filter(|_| shown.conflict)
            .and_then(|s| s.guardians.iter().find(|e| e.person_id == person_id))
    };
    let guardians: Vec<Value> = view
        .expected
        .guardians
        .iter()
        .map(|g| {
            let saved = saved_guardian(g.person_id);
            let children: Vec<String> = g
                .guardian_of
                .iter()
                .filter_map(|id| view.expected.families.iter().find(|p| p.id == *id).map(|p| p.name.clone()))
                .collect();
            minijinja::context! {
                id => g.person_id,
                name => g.name.clone(),
                children => children.join(", "),
                field => sheet::guardian_field(g.person_id),
                note_field => sheet::guardian_note_field(g.person_id),
                notice => view.guardian_notice(g).map(|n| n.note.clone()),
                saved => saved.map(|e| e.attendance.clone()),
                saved_note => saved.map(|e| e.note.clone()),
            }
        })
        .collect();
    let staff: Vec<Value> = view
        .roster
        .iter()
        .map(|m| minijinja::context! { id => m.id, name => m.name.clone(), role => m.course_role })
        .collect();
    let notices: Vec<Value> = view
        .notices
        .iter()
        .map(|n| {
            minijinja::context! {
                participant_id => n.participant_id,
                name => n.name.clone(),
                note => n.note.clone(),
                recorded_at => n.recorded_at,
                recorded_by_name => n.recorded_by_name.clone(),
            }
        })
        .collect();
    let mut notice_choices = vec![minijinja::context! { value => "", label => text("attendance-notice-choose") }];
    notice_choices
        .extend(view.expected.families.iter().map(|p| minijinja::context! { value => p.id, label => p.name.clone() }));
    let access = view.access;
    let context = minijinja::context! {
        course => minijinja::context! { id => view.course.id, name => view.course.name.clone() },
        session => session_value(view),
        plan => Value::from_serialize(&view.plan),
        access => minijinja::context! { record => access.record, names => access.names },
        show_form => access.record && access.names && view.closed.is_none(),
        closed_key => view.closed,
        adults_shown => sheet::adults_shown(view),
        shape => Value::from_serialize(view.expected.shape),
        options => Attendance::ALL.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
        participants => participants,
        guardians => guardians,
        expected_count => view.expected.participants.len(),
        expected_guardian_count => view.expected.guardians.len(),
        left_out => view.expected.left_out_without_consent,
        staff => staff,
        sheet => saved_sheet_value(view),
        form => form,
        summary => summary,
        conflict => conflict,
        saved => shown.saved,
        notices => notices,
        notice_count => view.notices.len(),
        notice_open => access.record && access.names && view.notices_open,
        notice_choices => notice_choices,
        notice_form => ui.form(state, &shown.notice.unwrap_or_default()),
    };
    ui.render_status(state, Some(actor), status, "running_attendance.html", "attendance-title", context)
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathIds([id, session_id]): PathIds<2>,
    saved: Saved,
) -> Result<Response, WebError> {
    let ids = (id, session_id);
    let saved = saved.known(&SAVED);
    render(&state, &ui, &actor, ids, Shown { saved, ..Default::default() }, StatusCode::OK).await
}

pub async fn save(
    Page { state, ui, actor }: Page,
    PathIds([course_id, session_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    let (input, parse_errors) = sheet::parse(&form);
    let result = if parse_errors.is_empty() {
        service::save_sheet(&state, &actor, Some(course_id), session_id, &input).await
    } else {
        // Someone who may not record gets the refusal, not form errors.
        service::recordable(&state, &actor, Some(course_id), session_id).await?;
        Err(WebError::Invalid(parse_errors.clone()))
    };
    match result {
        Ok(_) => Ok(page_of(course_id, session_id, "attendance", "saved")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let view = service::load(&state, &actor, Some(course_id), session_id).await?;
            let errors = if parse_errors.is_empty() {
                sheet::sort_by_form(&view, errors)
            } else {
                sheet::all_errors(&view, &input, parse_errors)
            };
            let shown = Shown { sheet: Some(form.kept().with_errors(errors)), ..Default::default() };
            render_view(&state, &ui, &actor, &view, shown, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(WebError::Stale) => {
            let view = service::load(&state, &actor, Some(course_id), session_id).await?;
            let mut kept =
                form.kept().with_value("version", view.version()).with_value("submission_key", sheet::submission_key());
            // Counts the sender's page did not ask for start from what is saved now, so a
            // second save keeps them rather than writing 0.
            if let Some(saved) = view.sheet.as_ref() {
                for (field, count) in
                    [("parents", saved.header.parents), ("family_members", saved.header.family_members)]
                {
                    if form.all(field).is_empty() {
                        kept = kept.with_value(field, count);
                    }
                }
            }
            let shown = Shown { sheet: Some(kept), conflict: true, ..Default::default() };
            render_view(&state, &ui, &actor, &view, shown, StatusCode::CONFLICT)
        }
        Err(other) => Err(other),
    }
}

pub async fn record_notice(
    Page { state, ui, actor }: Page,
    PathIds([course_id, session_id]): PathIds<2>,
    form: FormData,
) -> Result<Response, WebError> {
    let input = NoticeInput {
        participant_id: form.get("participant_id").trim().parse::<i64>().ok(),
        note: form.get("note").to_string(),
    };
    match service::record_notice(&state, &actor, Some(course_id), session_id, &input).await {
        Ok(_) => Ok(page_of(course_id, session_id, "notice-recorded", "notices-heading")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let shown = Shown { notice: Some(form.kept().with_errors(errors)), ..Default::default() };
            render(&state, &ui, &actor, (course_id, session_id), shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other),
    }
}

pub async fn remove_notice(
    Page { state, ui, actor }: Page,
    PathIds([course_id, session_id, participant_id]): PathIds<3>,
) -> Result<Response, WebError> {
    match service::remove_notice(&state, &actor, Some(course_id), session_id, participant_id).await {
        Ok(()) => Ok(page_of(course_id, session_id, "notice-removed", "notices-heading")),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let shown = Shown { notice: Some(FormState::new().with_errors(errors)), ..Default::default() };
            render(&state, &ui, &actor, (course_id, session_id), shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other),
    }
}
