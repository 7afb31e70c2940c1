//! The waitlists: per programme, highest priority first, then longest waiting.

use super::{parse_id, programme_options, text, with_empty, Context};
use crate::error::WebError;
use crate::pages::Page;
use crate::services::intake::applications;
use axum::extract::Query;
use axum::response::Response;
use minijinja::Value;
use samla_domain::intake::stage::Stage;
use samla_storage::intake::applications::Filter;
use std::collections::HashMap;

pub async fn show(
    Page { state, ui, actor }: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let programme_id = parse_id(query.get("programme"));
    let filter = Filter {
        stage: Some(Stage::Waitlisted.as_str().to_string()),
        programme_id,
        course_id: None,
        channel_id: None,
        open_only: true,
    };
    let mut found = applications::list(&state, &actor, &filter, 0, 5000).await?;
    found.sort_by(|a, b| {
        (a.programme_name.as_str(), a.programme_id, a.priority, a.waitlisted_at.unwrap_or(a.created_at), a.id).cmp(&(
            b.programme_name.as_str(),
            b.programme_id,
            b.priority,
            b.waitlisted_at.unwrap_or(b.created_at),
            b.id,
        ))
    });
    let context = Context::load(&state, &actor).await?;
    let mut lists: Vec<(i64, String, Vec<Value>)> = Vec::new();
    for a in &found {
        let row = context.summary(&state, &ui, &actor, a);
        match lists.last_mut() {
            Some((id, _, rows)) if *id == a.programme_id => rows.push(row),
            _ => lists.push((a.programme_id, a.programme_name.clone(), vec![row])),
        }
    }
    let lists: Vec<Value> = lists
        .into_iter()
        .map(|(id, name, rows)| minijinja::context! { id => id, name => name, rows => rows })
        .collect();
    let form = minijinja::context! {
        values => minijinja::context! { programme => programme_id.map(|v| v.to_string()).unwrap_or_default() },
        errors => minijinja::context! {},
        lists => minijinja::context! {},
    };
    let data = minijinja::context! {
        lists => lists,
        filter => form,
        programme_options => with_empty(text(&state, &ui, "intake-all-programmes"), programme_options(&state, &actor).await?),
        may_plan => actor.roles.may(samla_domain::Action::PlanCourses),
    };
    ui.render(&state, Some(&actor), "intake_waitlist.html", "intake-waitlist-title", data)
}
