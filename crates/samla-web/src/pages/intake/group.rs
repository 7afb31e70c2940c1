//! The group proposal for a course: who samla would place from the waitlist and why,
//! adjusted with pins and recalculated (a GET form), then confirmed (offers go out).

use super::{coded_options, local_day, option, text};
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Ui;
use crate::pages::{Page, PathId};
use crate::services::intake::group::{self, ConfirmForm, ProposalForm, ProposalView};
use crate::services::intake::settings;
use crate::AppState;
use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::Value;
use samla_domain::intake::group_formation::{Pin, Reason};
use samla_domain::{Action, FieldErrors};
use std::collections::BTreeMap;

/// The proposal's choices from the query: `age_min`, `age_max`, `siblings`, `include`
/// and `exclude` (also as `include[]`), and the table's pins (`pin_<id>` = none,
/// include or exclude), which win over the lists. Also whether an age was given at all.
fn proposal_form(pairs: &[(String, String)]) -> (ProposalForm, bool) {
    let mut form = ProposalForm::default();
    let mut age_given = false;
    let mut pins: BTreeMap<String, Pin> = BTreeMap::new();
    for (key, value) in pairs {
        match key.as_str() {
            "age_min" => (form.age_min, age_given) = (value.clone(), true),
            "age_max" => (form.age_max, age_given) = (value.clone(), true),
            "siblings" => form.siblings = value.clone(),
            "include" | "include[]" => form.include.push(value.clone()),
            "exclude" | "exclude[]" => form.exclude.push(value.clone()),
            other => {
                if let Some(id) = other.strip_prefix("pin_") {
                    pins.insert(id.to_string(), Pin::parse(value.trim()).unwrap_or(Pin::None));
                }
            }
        }
    }
    for (id, pin) in pins {
        form.include.retain(|v| v.trim() != id);
        form.exclude.retain(|v| v.trim() != id);
        match pin {
            Pin::Include => form.include.push(id),
            Pin::Exclude => form.exclude.push(id),
            Pin::None => {}
        }
    }
    (form, age_given)
}

fn reason_text(state: &AppState, ui: &Ui, reason: &Reason) -> String {
    let args: Vec<(&str, String)> = match reason {
        Reason::Chosen { rank } => vec![("rank", rank.to_string())],
        Reason::OutsideAgeBand { age } => vec![("age", age.to_string())],
        _ => Vec::new(),
    };
    state.i18n.text(ui.lang, &format!("group-reason-{}", reason.code()), &args)
}

fn proposal_value(state: &AppState, ui: &Ui, actor: &Actor, view: &ProposalView) -> Value {
    let candidates: Vec<Value> = view
        .candidates
        .iter()
        .map(|c| {
            let a = &c.application;
            minijinja::context! {
                id => a.id,
                reference => a.reference.clone(),
                name => a.participant_name.clone(),
                age => c.age,
                priority => a.priority,
                waiting_since => local_day(actor, a.waitlisted_at.unwrap_or(a.created_at)),
                included => c.placement.included,
                reason => reason_text(state, ui, &c.placement.reason),
                pin => c.pin.as_str(),
            }
        })
        .collect();
    let ids = |pin: Pin| view.candidates.iter().filter(|c| c.pin == pin).map(|c| c.application.id).collect::<Vec<_>>();
    minijinja::context! {
        places_left => view.places_left,
        enrolled => view.enrolled,
        open_offers => view.open_offers,
        minimum => view.rules.minimum,
        size => view.proposal.size,
        meets_minimum => view.proposal.meets_minimum,
        age_min => view.rules.age_min,
        age_max => view.rules.age_max,
        siblings => view.rules.siblings.as_str(),
        candidates => candidates,
        include => ids(Pin::Include),
        exclude => ids(Pin::Exclude),
        expected => view.proposal.included_ids().collect::<Vec<_>>(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    course_id: i64,
    mut form: ProposalForm,
    prefill_age_band: bool,
    confirm: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let mut result = group::propose(state, actor, course_id, &form).await;
    // One age band in the manual and none asked for: start from the manual's band.
    if let (true, Ok(view)) = (prefill_age_band, &result) {
        if let [(min, max)] = view.age_bands[..] {
            form.age_min = min.to_string();
            form.age_max = max.map(|m| m.to_string()).unwrap_or_default();
            result = group::propose(state, actor, course_id, &form).await;
        }
    }
    let (proposal, errors, course) = match result {
        Ok(view) => (Some(proposal_value(state, ui, actor, &view)), FieldErrors::new(), view.course),
        Err(WebError::Invalid(errors)) => {
            (None, errors, actor.on_course(state, Action::ViewCourses, course_id).await?.into_course())
        }
        Err(other) => return Err(other),
    };
    let proposal_form = FormState::new()
        .with_value("age_min", &form.age_min)
        .with_value("age_max", &form.age_max)
        .with_value("siblings", if form.siblings.trim().is_empty() { "together" } else { form.siblings.trim() })
        .with_errors(errors);
    let offer_days = settings::get(state, actor).await?.offer_days;
    let data = minijinja::context! {
        course => minijinja::context! {
            id => course.id,
            name => course.name.clone(),
            capacity => course.capacity,
            start_date => course.start_date.clone(),
        },
        proposal => proposal,
        form => ui.form(state, &proposal_form),
        confirm_form => ui.form(state, &confirm),
        siblings_options => coded_options(state, ui, "intake-siblings-", &["together", "apart"]),
        pin_options => ["none", "include", "exclude"].map(|p| option(p, text(state, ui, &format!("intake-pin-{p}")))),
        offer_days => offer_days,
    };
    ui.render_status(state, Some(actor), status, "intake_group.html", "intake-group-title", data)
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.as_deref().unwrap_or(""))
        .map_err(|_| WebError::BadRequest { detail_key: "problem-query-detail", location: String::new() })?;
    let (form, age_given) = proposal_form(&pairs);
    render(&state, &ui, &actor, id, form, !age_given, FormState::new(), StatusCode::OK).await
}

pub async fn confirm(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let confirm = ConfirmForm {
        age_min: form.get("age_min").to_string(),
        age_max: form.get("age_max").to_string(),
        siblings: form.get("siblings").to_string(),
        include: form.all("include"),
        exclude: form.all("exclude"),
        expected: form.all("expected"),
        deadline: form.get("deadline").to_string(),
    };
    match group::confirm(&state, &actor, id, &confirm).await {
        Ok(count) => Ok(Redirect::to(&format!("/intake?course={id}&offers={count}")).into_response()),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let kept = FormState::new().with_value("deadline", form.get("deadline")).with_errors(errors);
            render(&state, &ui, &actor, id, confirm.proposal(), false, kept, StatusCode::CONFLICT).await
        }
        Err(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::proposal_form;

    fn pairs(raw: &[(&str, &str)]) -> Vec<(String, String)> {
        raw.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn pins_win_over_the_lists() {
        let (form, age_given) = proposal_form(&pairs(&[
            ("include", "4"),
            ("include[]", "5"),
            ("exclude", "6"),
            ("pin_4", "exclude"),
            ("pin_6", "none"),
            ("pin_7", "include"),
        ]));
        assert!(!age_given);
        assert_eq!(form.include, vec!["5", "7"]);
        assert_eq!(form.exclude, vec!["4"]);
    }

    #[test]
    fn an_empty_age_counts_as_given() {
        let (form, age_given) = proposal_form(&pairs(&[("age_min", ""), ("siblings", "apart")]));
        assert!(age_given);
        assert_eq!(form.siblings, "apart");
    }
}
