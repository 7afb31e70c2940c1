//! The intake board: open applications by stage, with filters and the tasks that wait.

use super::{
    channel_options, channels, course_options, parse_id, programme_options, stage_key, text, with_empty, Context,
};
use crate::error::WebError;
use crate::pages::Page;
use crate::services::intake::{applications, settings};
use axum::extract::Query;
use axum::response::Response;
use minijinja::Value;
use samla_domain::intake::stage::Stage;
use samla_domain::Action;
use samla_storage::intake::applications::Filter;
use std::collections::HashMap;

/// At most this many applications on the board; narrow with the filters for more.
const BOARD_LIMIT: i64 = 1000;

pub async fn show(
    Page { state, ui, actor }: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let stage = query.get("stage").and_then(|s| Stage::parse(s.trim()));
    let filter = Filter {
        stage: stage.map(|s| s.as_str().to_string()),
        programme_id: parse_id(query.get("programme")),
        course_id: parse_id(query.get("course")),
        channel_id: parse_id(query.get("channel")),
        open_only: false,
    };
    let mut found = applications::list(&state, &actor, &filter, 0, BOARD_LIMIT).await?;
    found.sort_by_key(|a| (a.priority, a.created_at, a.id));
    let stale = applications::stale(&state, &actor).await?;
    let context = Context::load(&state, &actor).await?;
    let columns: Vec<Value> = match stage {
        Some(stage) => vec![stage],
        None => Stage::board_columns().to_vec(),
    }
    .into_iter()
    .map(|column| {
        let items: Vec<Value> = found
            .iter()
            .filter(|a| a.stage == column.as_str())
            .map(|a| context.summary(&state, &ui, &actor, a))
            .collect();
        minijinja::context! { stage => column.as_str(), label => text(&state, &ui, &stage_key(column.as_str())), items => items }
    })
    .collect();
    let tasks: Vec<Value> = stale.iter().map(|a| context.summary(&state, &ui, &actor, a)).collect();
    let all_channels = channels(&state, &actor).await?;
    let any = text(&state, &ui, "any");
    let stage_options = with_empty(
        any.clone(),
        Stage::ALL.iter().map(|s| super::option(s.as_str(), text(&state, &ui, &stage_key(s.as_str())))).collect(),
    );
    let form = minijinja::context! {
        values => minijinja::context! {
            stage => filter.stage.clone().unwrap_or_default(),
            programme => filter.programme_id.map(|v| v.to_string()).unwrap_or_default(),
            course => filter.course_id.map(|v| v.to_string()).unwrap_or_default(),
            channel => filter.channel_id.map(|v| v.to_string()).unwrap_or_default(),
        },
        errors => minijinja::context! {},
        lists => minijinja::context! {},
    };
    let offers_sent = query.get("offers").and_then(|n| n.parse::<u32>().ok());
    let context = minijinja::context! {
        columns => columns,
        tasks => tasks,
        stale_after_days => settings::get(&state, &actor).await?.stale_after_days,
        filter => form,
        filtered => filter.stage.is_some() || filter.programme_id.is_some() || filter.course_id.is_some() || filter.channel_id.is_some(),
        total => found.len(),
        stage_options => stage_options,
        programme_options => with_empty(any.clone(), programme_options(&state, &actor).await?),
        course_options => with_empty(any.clone(), course_options(&state, &actor, false).await?),
        channel_options => with_empty(any, channel_options(&state, &ui, &all_channels, filter.channel_id)),
        may_configure => actor.roles.may(Action::ConfigureIntake),
        offers_sent => offers_sent,
    };
    ui.render(&state, Some(&actor), "intake_board.html", "intake-title", context)
}
