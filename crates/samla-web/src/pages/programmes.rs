//! The programme library: search and filter, a manual's detail, its editor (each save a
//! new version) and importing a manual from TOML or JSON.

use super::Ui;
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::http::ids::id_of;
use crate::pages::{FormPage, Page, PathId};
use crate::services::programmes::{self, manual_errors_to_fields, ProgrammeView};
use crate::AppState;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::Value;
use samla_domain::planning::budget::{self, CourseFigures};
use samla_domain::programmes::{Anchor, GroupSize, Manual, PreventionLevel, TargetGroup};
use samla_domain::validation::{optional_line, required_line, required_text};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::programmes::Programme;
use std::collections::HashMap;

const PREVENTION_LEVELS: [(&str, PreventionLevel); 3] = [
    ("universal", PreventionLevel::Universal),
    ("selective", PreventionLevel::Selective),
    ("indicated", PreventionLevel::Indicated),
];

fn prevention_code(level: PreventionLevel) -> &'static str {
    PREVENTION_LEVELS.iter().find(|(_, l)| *l == level).map(|(c, _)| *c).unwrap_or("universal")
}

/// The first sentences of a long text, cut at a word.
fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

fn target_group_options(state: &AppState, ui: &Ui) -> Vec<Value> {
    TargetGroup::ALL
        .iter()
        .map(|g| {
            let label = state.i18n.text(ui.lang, &format!("target-group-{}", g.as_str()), &[]);
            minijinja::context! { value => g.as_str(), label => label }
        })
        .collect()
}

fn prevention_options(state: &AppState, ui: &Ui) -> Vec<Value> {
    PREVENTION_LEVELS
        .iter()
        .map(|(code, _)| {
            let label = state.i18n.text(ui.lang, &format!("prevention-{code}"), &[]);
            minijinja::context! { value => code, label => label }
        })
        .collect()
}

pub async fn library(
    Page { state, ui, actor }: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let q = query.get("q").map(String::as_str).unwrap_or("");
    let wanted = query.get("target_group").map(String::as_str).unwrap_or("");
    let group = TargetGroup::parse(wanted).map(|g| g.as_str()).unwrap_or("");
    let archived = query.get("archived").is_some_and(|v| v == "1");
    let found = programmes::library_with(&state, &actor, q, group, archived).await?;
    let mut groups = vec![minijinja::context! { value => "", label => state.i18n.text(ui.lang, "any", &[]) }];
    groups.extend(target_group_options(&state, &ui));
    let form = FormState::new().with_value("q", q).with_value("target_group", group);
    let context = minijinja::context! {
        form => ui.form(&state, &form),
        group_options => groups,
        searched => !q.trim().is_empty() || !group.is_empty(),
        archived => archived,
        programmes => found.iter().map(|p| programme_row(&actor, p)).collect::<Vec<_>>(),
        may_import => actor.roles.may(Action::ManageProgrammes),
    };
    ui.render(&state, Some(&actor), "programmes.html", "programmes-title", context)
}

fn programme_row(actor: &Actor, programme: &Programme) -> Value {
    minijinja::context! {
        id => programme.id,
        slug => programme.slug.clone(),
        name => programme.name.clone(),
        summary => shorten(&programme.summary, 280),
        target_groups => programme.target_groups.split(',').filter(|g| !g.is_empty()).collect::<Vec<_>>(),
        shared => programme.shared != 0,
        own => programme.organisation_id == actor.organisation.id,
        archived => programme.archived_at.is_some(),
    }
}

/// "8 weeks before" and the like: a key of the `offset-` family and its number.
fn offset(days: i32) -> (&'static str, i64) {
    let n = i64::from(days.unsigned_abs());
    match days {
        0 => ("offset-same-day", 0),
        d if d < 0 && n % 7 == 0 => ("offset-weeks-before", n / 7),
        d if d < 0 => ("offset-days-before", n),
        _ if n % 7 == 0 => ("offset-weeks-after", n / 7),
        _ => ("offset-days-after", n),
    }
}

/// The example course a programme's budget template is computed for: its minimum
/// number of leaders, its sessions and its largest group.
fn example_figures(manual: &Manual) -> CourseFigures {
    CourseFigures {
        leaders: manual.staffing.min_group_leaders.max(1),
        sessions: manual.session_count().unwrap_or(0),
        participants: manual.group_size.map(|g| g.max).unwrap_or(0),
    }
}

fn detail_context(actor: &Actor, view: &ProgrammeView) -> Value {
    let manual = &view.manual;
    let figures = example_figures(manual);
    let totals = budget::totals(&manual.budget, &figures);
    let checklist: Vec<Value> = manual
        .checklist
        .iter()
        .map(|item| {
            let (key, n) = offset(item.due_days);
            minijinja::context! { task => item.task.clone(), responsible => item.responsible.clone(), due_key => key, due_n => n }
        })
        .collect();
    let meetings: Vec<Value> = manual
        .meetings
        .iter()
        .map(|m| {
            let (key, n) = offset(m.days);
            let anchor_key = match m.anchor {
                Anchor::Start => "anchor-start",
                Anchor::AfterSession => "anchor-session",
                Anchor::End => "anchor-end",
            };
            minijinja::context! {
                meeting => Value::from_serialize(m),
                when_key => key,
                when_n => n,
                anchor_key => anchor_key,
                anchor_number => m.session.unwrap_or(0),
            }
        })
        .collect();
    let budget_lines: Vec<Value> = manual
        .budget
        .iter()
        .zip(totals.lines.iter())
        .map(|(line, total)| budget_line_value(line, line.units(&figures), total.to_string()))
        .collect();
    let own = view.programme.organisation_id == actor.organisation.id;
    minijinja::context! {
        programme => minijinja::context! {
            id => view.programme.id,
            slug => view.programme.slug.clone(),
            shared => view.programme.shared != 0,
            own => own,
            current_version => view.programme.current_version,
            shipped => view.programme.shipped != 0,
            archived => view.programme.archived_at.is_some(),
        },
        version => view.version,
        is_current => view.version == view.programme.current_version,
        manual => Value::from_serialize(manual),
        checklist => checklist,
        meetings => meetings,
        budget_lines => budget_lines,
        budget_total => totals.total.to_string(),
        budget_per_participant => totals.per_participant.map(|d| d.to_string()),
        figures => minijinja::context! { leaders => figures.leaders, sessions => figures.sessions, participants => figures.participants },
        versions => view.versions.iter().map(|(v, at)| minijinja::context! { version => v, created_at => at }).collect::<Vec<_>>(),
        may_plan => actor.roles.may(Action::PlanCourses) && view.programme.archived_at.is_none(),
        may_edit => own && actor.roles.may(Action::ManageProgrammes),
    }
}

/// One budget line as pages show it: the amount, hours, what it is multiplied by and
/// how many of those, and the line's total.
pub(super) fn budget_line_value(line: &budget::BudgetLine, units: u32, total: String) -> Value {
    let (per, count) = match line.multiplier {
        budget::Multiplier::Fixed(n) => ("fixed", n),
        budget::Multiplier::Leader => ("leader", units),
        budget::Multiplier::Session => ("session", units),
        budget::Multiplier::Participant => ("participant", units),
    };
    minijinja::context! {
        label => line.label.clone(),
        amount => line.amount.to_string(),
        hours => line.hours.map(|h| h.to_string()),
        per => per,
        units => count,
        total => total,
    }
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let version = match query.get("version") {
        Some(raw) => Some(raw.parse::<i64>().map_err(|_| WebError::NotFound)?),
        None => None,
    };
    let view = programmes::view(&state, &actor, id, version).await?;
    let (certified, people) = if actor.roles.may(Action::PlanCourses) {
        let certified = programmes::certifications(&state, &actor, id).await?;
        let people = crate::services::courses::assignable_people(&state, &actor).await?;
        (
            certified
                .iter()
                .map(|c| minijinja::context! { user_id => c.user_id, name => c.name.clone(), certified_on => c.certified_on.clone() })
                .collect::<Vec<_>>(),
            people.into_iter().map(|p| minijinja::context! { id => p.user_id, name => p.name }).collect::<Vec<_>>(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let statistics = match crate::services::reports::programme_statistics::may_read(&actor) {
        true => {
            let found = crate::services::reports::programme_statistics::statistics_of(&state, &actor, id).await?;
            Some(minijinja::context! {
                courses => found.courses,
                with_accepted_deviations => found.with_accepted_deviations,
                by_kind => found.by_kind.iter().map(|(kind, courses)| minijinja::context! {
                    kind => kind.as_str(), courses => courses,
                }).collect::<Vec<_>>(),
            })
        }
        false => None,
    };
    let notice = query
        .get("saved")
        .map(|_| ("programme-saved", view.programme.current_version))
        .or_else(|| query.get("imported").map(|_| ("programme-imported", view.programme.current_version)))
        .or_else(|| query.get("archived").map(|_| ("programme-archived-notice", view.programme.current_version)))
        .or_else(|| query.get("unarchived").map(|_| ("programme-unarchived-notice", view.programme.current_version)));
    let context = minijinja::context! {
        notice => notice.map(|(key, version)| minijinja::context! { key => key, version => version }),
        certified => certified,
        people => people,
        statistics => statistics,
        ..detail_context(&actor, &view)
    };
    ui.render(&state, Some(&actor), "programme.html", "programme-title", context)
}

/// Records a person's certification for the programme.
pub async fn certify(
    Page { state, actor, .. }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let user_id: i64 = form.get("user_id").parse().map_err(|_| WebError::NotFound)?;
    programmes::set_certification(&state, &actor, id, user_id, Some(form.get("certified_on"))).await?;
    Ok(Redirect::to(&format!("/programmes/{id}#certifications-heading")).into_response())
}

/// Archives one of the organisation's own programmes, or takes it back into use.
async fn archive_or_not(state: &AppState, actor: &Actor, id: &str, archived: bool) -> Result<Response, WebError> {
    let id = id_of(id)?;
    programmes::set_archived(state, actor, id, archived).await?;
    let notice = if archived { "archived" } else { "unarchived" };
    Ok(Redirect::to(&format!("/programmes/{id}?{notice}=1")).into_response())
}

pub async fn archive(Page { state, actor, .. }: Page, Path(id): Path<String>) -> Result<Response, WebError> {
    archive_or_not(&state, &actor, &id, true).await
}

pub async fn unarchive(Page { state, actor, .. }: Page, Path(id): Path<String>) -> Result<Response, WebError> {
    archive_or_not(&state, &actor, &id, false).await
}

/// Removes a person's certification for the programme.
pub async fn uncertify(
    Page { state, actor, .. }: Page,
    Path((id, user_id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let id = id_of(&id)?;
    programmes::set_certification(&state, &actor, id, user_id, None).await?;
    Ok(Redirect::to(&format!("/programmes/{id}#certifications-heading")).into_response())
}

/// The editor's fields, from a manual.
fn edit_form(view: &ProgrammeView) -> FormState {
    let manual = &view.manual;
    let (min, max) = manual.group_size.map(|g| (g.min.to_string(), g.max.to_string())).unwrap_or_default();
    FormState::new()
        .with_value("name", &manual.name)
        .with_value("summary", &manual.summary)
        .with_value("owner", manual.owner.as_deref().unwrap_or(""))
        .with_values("target_groups", manual.target_groups.iter().map(|g| g.as_str().to_string()).collect())
        .with_values(
            "prevention_levels",
            manual.prevention_levels.iter().map(|l| prevention_code(*l).to_string()).collect(),
        )
        .with_value("group_min", min)
        .with_value("group_max", max)
        .with_value("min_group_leaders", manual.staffing.min_group_leaders)
        .with_value("min_user_representatives", manual.staffing.min_user_representatives)
        .with_value("leaders_need_certification", if manual.staffing.leaders_need_certification { "1" } else { "" })
        .with_value("certification", manual.certification.as_deref().unwrap_or(""))
        .with_value("manual", manual.to_toml())
        .with_value("version", view.programme.current_version)
}

fn render_edit(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    view: &ProgrammeView,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let context = minijinja::context! {
        programme => minijinja::context! { id => view.programme.id, name => view.programme.name.clone(), slug => view.programme.slug.clone() },
        form => ui.form(state, &form),
        target_group_options => target_group_options(state, ui),
        prevention_options => prevention_options(state, ui),
    };
    ui.render_status(state, Some(actor), status, "programme_edit.html", "programme-edit-title", context)
}

/// The programme to edit: visible, the organisation's own, and the actor may manage
/// programmes.
async fn editable(state: &AppState, actor: &Actor, id: i64) -> Result<ProgrammeView, WebError> {
    actor.authorize(state, Action::ManageProgrammes).await?;
    let view = programmes::view(state, actor, id, None).await?;
    if view.programme.organisation_id != actor.organisation.id {
        return Err(WebError::Forbidden);
    }
    Ok(view)
}

pub async fn edit(Page { state, ui, actor }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    let view = editable(&state, &actor, id).await?;
    render_edit(&state, &ui, &actor, &view, edit_form(&view), StatusCode::OK)
}

/// A TOML syntax or shape error, at its line.
fn toml_error(text: &str, error: &toml::de::Error) -> FieldError {
    let line = error.span().map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1).unwrap_or(1);
    FieldError::new("manual", "error-manual-line").with_arg("line", line).with_arg("message", error.message().trim())
}

fn number(form: &FormData, field: &str, min: u32, max: u32, errors: &mut FieldErrors) -> Option<u32> {
    let raw = form.get(field).trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            errors.push(FieldError::new(field, "error-number-range").with_arg("min", min).with_arg("max", max));
            None
        }
    }
}

/// The edited manual: the TOML as the base, the form's fields on top, then validated.
fn parse_edit(form: &FormData) -> Result<Manual, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = errors.take(required_line("name", form.get("name"), 200));
    let summary = errors.take(required_text("summary", form.get("summary"), 4000));
    let owner = errors.take(optional_line("owner", form.get("owner"), 200)).flatten();
    let mut target_groups = Vec::new();
    for raw in form.all("target_groups") {
        match TargetGroup::parse(&raw) {
            Some(group) => target_groups.push(group),
            None => errors.push(FieldError::new("target_groups", "error-choice")),
        }
    }
    if target_groups.is_empty() {
        errors.push(FieldError::new("target_groups", "error-target-groups-required"));
    }
    let mut prevention_levels = Vec::new();
    for raw in form.all("prevention_levels") {
        match PREVENTION_LEVELS.iter().find(|(code, _)| *code == raw) {
            Some((_, level)) => prevention_levels.push(*level),
            None => errors.push(FieldError::new("prevention_levels", "error-choice")),
        }
    }
    let group_min = number(form, "group_min", 1, 100, &mut errors);
    let group_max = number(form, "group_max", 1, 100, &mut errors);
    let group_size = match (group_min, group_max) {
        (Some(min), Some(max)) if max < min => {
            errors.push(FieldError::new("group_max", "error-group-size-order"));
            None
        }
        (Some(min), Some(max)) => Some(GroupSize { min, max }),
        _ => {
            let (min_typed, max_typed) =
                (!form.get("group_min").trim().is_empty(), !form.get("group_max").trim().is_empty());
            if min_typed && !max_typed {
                errors.push(FieldError::new("group_max", "error-required"));
            } else if max_typed && !min_typed {
                errors.push(FieldError::new("group_min", "error-required"));
            }
            None
        }
    };
    let min_group_leaders = number(form, "min_group_leaders", 0, 10, &mut errors).unwrap_or(0);
    let min_user_representatives = number(form, "min_user_representatives", 0, 10, &mut errors).unwrap_or(0);
    let needs_certification = form.checked("leaders_need_certification");
    let certification = errors.take(optional_line("certification", form.get("certification"), 500));
    if needs_certification && matches!(certification, Some(None)) {
        errors.push(FieldError::new("certification", "error-certification-required"));
    }
    let certification = certification.flatten();
    let text = form.get("manual").replace("\r\n", "\n");
    let base = match toml::from_str::<Manual>(&text) {
        Ok(manual) => Some(manual),
        Err(error) => {
            errors.push(toml_error(&text, &error));
            None
        }
    };
    let mut manual = errors.finish(|| base.expect("parsed when there are no errors"))?;
    manual.name = name.unwrap_or_default();
    manual.summary = summary.unwrap_or_default();
    manual.owner = owner;
    manual.target_groups = target_groups;
    manual.prevention_levels = prevention_levels;
    manual.group_size = group_size;
    manual.staffing.min_group_leaders = min_group_leaders;
    manual.staffing.min_user_representatives = min_user_representatives;
    manual.staffing.leaders_need_certification = needs_certification;
    manual.certification = certification;
    manual.validated().map_err(|e| manual_errors_to_fields(&e))
}

pub async fn update(Page { state, ui, actor }: Page, PathId(id): PathId, form: FormData) -> Result<Response, WebError> {
    let view = editable(&state, &actor, id).await?;
    let expected = form.get("version").parse::<i64>().unwrap_or(0);
    let result = match parse_edit(&form) {
        Ok(manual) => programmes::update(&state, &actor, id, manual, expected).await,
        Err(errors) => Err(WebError::Invalid(errors)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/programmes/{id}?saved=1")).into_response()),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            // The slug cannot be changed here; a changed slug in the manual text is its error.
            let errors = FieldErrors(
                errors
                    .0
                    .into_iter()
                    .map(|mut e| {
                        if e.field == "slug" {
                            e.field = "manual".into();
                        }
                        e
                    })
                    .collect(),
            );
            render_edit(&state, &ui, &actor, &view, form.kept().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(WebError::Stale) => {
            let errors = FieldErrors::single(FieldError::new("name", "error-changed-meanwhile"));
            let form = form.kept().with_errors(errors).with_value("version", view.programme.current_version);
            render_edit(&state, &ui, &actor, &view, form, StatusCode::CONFLICT)
        }
        Err(other) => Err(other),
    }
}

const IMPORT_PAGE: FormPage = FormPage { template: "programme_import.html", title_key: "programme-import-title" };

pub async fn import_form(Page { state, ui, actor }: Page) -> Result<Response, WebError> {
    actor.authorize(&state, Action::ManageProgrammes).await?;
    IMPORT_PAGE.show(&state, &ui, &actor, FormState::new(), StatusCode::OK)
}

/// Reads a manual as pasted: JSON when it starts with `{`, TOML otherwise. Every
/// problem comes back with its place.
pub(super) fn parse_manual(text: &str) -> Result<Manual, FieldErrors> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(FieldErrors::single(FieldError::new("manual", "error-required")));
    }
    if trimmed.starts_with('{') {
        return Manual::from_json(trimmed.as_bytes()).map_err(|e| manual_errors_to_fields(&e));
    }
    let text = text.replace("\r\n", "\n");
    let manual = toml::from_str::<Manual>(&text).map_err(|e| FieldErrors::single(toml_error(&text, &e)))?;
    manual.validated().map_err(|e| manual_errors_to_fields(&e))
}

pub async fn import(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    actor.authorize(&state, Action::ManageProgrammes).await?;
    let result = match parse_manual(form.get("manual")) {
        Ok(manual) => programmes::import(&state, &actor, manual, form.checked("shared")).await,
        Err(errors) => Err(WebError::Invalid(errors)),
    };
    match result {
        Ok(imported) => {
            Ok(Redirect::to(&format!("/programmes/{}?imported={}", imported.id, imported.version)).into_response())
        }
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            IMPORT_PAGE.show(&state, &ui, &actor, form.kept().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(WebError::Stale) => {
            let errors = FieldErrors::single(FieldError::new("manual", "error-changed-meanwhile"));
            IMPORT_PAGE.show(&state, &ui, &actor, form.kept().with_errors(errors), StatusCode::CONFLICT)
        }
        Err(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_read_as_weeks_or_days() {
        assert_eq!(offset(-56), ("offset-weeks-before", 8));
        assert_eq!(offset(-3), ("offset-days-before", 3));
        assert_eq!(offset(0), ("offset-same-day", 0));
        assert_eq!(offset(14), ("offset-weeks-after", 2));
        assert_eq!(offset(1), ("offset-days-after", 1));
    }

    #[test]
    fn shipped_manuals_survive_the_editor() {
        for (slug, source) in samla_domain::programmes::shipped::SHIPPED {
            let manual = Manual::from_toml(source).unwrap();
            let text = manual.to_toml();
            assert!(!text.is_empty(), "{slug} does not write as TOML");
            let back: Manual = toml::from_str(&text).unwrap_or_else(|e| panic!("{slug}: {e}"));
            assert_eq!(back, manual, "{slug}");
        }
    }

    #[test]
    fn every_problem_of_an_import_is_named() {
        let errors = parse_manual("slug = \"X\"\nname = \"\"\nlanguage = \"xx\"\nsummary = \"s\"\nsource = \"s\"\ntarget_groups = []\nprevention_levels = []\n").unwrap_err();
        assert!(errors.0.len() >= 4, "{errors:?}");
        assert!(errors.0.iter().all(|e| e.field == "manual"));
        let syntax = parse_manual("slug = \"a\"\nname = \n").unwrap_err();
        assert_eq!(syntax.0[0].code, "error-manual-line");
        assert_eq!(syntax.0[0].args[0].1, "2");
        let json = parse_manual("  { \"slug\": 1 }").unwrap_err();
        assert_eq!(json.0[0].code, "error-manual");
    }
}
