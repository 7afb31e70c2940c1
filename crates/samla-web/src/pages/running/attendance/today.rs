//! `/today`: the signed-in person's sessions of today and the next days.

use crate::error::WebError;
use crate::pages::Page;
use crate::services::running::attendance::{self as service, SessionView, TODAY_DAYS};
use axum::response::Response;
use minijinja::Value;

fn session_value(view: &SessionView) -> Value {
    let row = &view.session;
    minijinja::context! {
        id => row.id,
        course_id => view.course.id,
        course_name => view.course.name.clone(),
        kind => row.kind,
        number => view.number,
        title => row.title.clone(),
        meeting_kind => row.meeting_kind.clone(),
        audience => row.audience,
        start_time => row.start_time.clone(),
        end_time => row.end_time.clone(),
        room => row.room.clone(),
        status => row.status,
        cancel_reason => row.cancel_reason.clone(),
        plan => Value::from_serialize(&view.plan),
        names => view.access.names,
        may_record => view.access.record,
        may_read_log => view.access.log,
        expected_names => view.expected.participants.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        expected_count => view.expected.participants.len(),
        shape => Value::from_serialize(view.expected.shape),
        expected_guardians => view.expected.guardians.iter().map(|g| g.name.clone()).collect::<Vec<_>>(),
        expected_guardian_count => view.expected.guardians.len(),
        left_out => view.expected.left_out_without_consent,
        notices => view.notices.iter().map(|n| minijinja::context! { name => n.name.clone(), note => n.note.clone() })
            .collect::<Vec<_>>(),
        notice_count => view.notices.len(),
        attendance_saved => view.sheet.is_some(),
        has_log => view.has_log,
    }
}

pub async fn show(Page { state, ui, actor }: Page) -> Result<Response, WebError> {
    let view = service::today(&state, &actor, TODAY_DAYS).await?;
    let today = view.today.to_string();
    let mut days: Vec<(String, Vec<Value>)> = Vec::new();
    for s in &view.sessions {
        match days.last_mut() {
            Some((date, sessions)) if *date == s.session.date => sessions.push(session_value(s)),
            _ => days.push((s.session.date.clone(), vec![session_value(s)])),
        }
    }
    let days: Vec<Value> = days
        .into_iter()
        .map(|(date, sessions)| {
            minijinja::context! { is_today => date == today, date => date, sessions => sessions }
        })
        .collect();
    let context = minijinja::context! {
        days => days,
        last_day => view.last_day.to_string(),
        whole_organisation => view.whole_organisation,
    };
    ui.render(&state, Some(&actor), "running_today.html", "today-title", context)
}
