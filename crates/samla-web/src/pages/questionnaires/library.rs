//! The questionnaire library pages: the list, one questionnaire (versions, a readable
//! preview of its items and options, the scoring scales) and the import form (FHIR JSON
//! per language in text areas, and the scoring rules). Errors are listed with their JSON
//! path and the text typed is kept.

use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Ui;
use crate::pages::{FormPage, Page, PathId};
use crate::services::questionnaires::library::{self as service, Detail};
use crate::AppState;
use axum::extract::Query;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use minijinja::Value;
use samla_domain::questionnaires::definition::{EnableAnswer, EnableBehavior, EnableWhen, Item, ItemKind};
use samla_domain::questionnaires::scoring::{Band, Labels, Method, ScoringRules};
use samla_domain::{Action, FieldError, FieldErrors};
use std::collections::HashMap;

/// The text areas of the import form, one per language.
const DEFINITION_FIELDS: [&str; 3] = ["definition_1", "definition_2", "definition_3"];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/questionnaires", get(list))
        .route("/questionnaires/import", get(import_form).post(import))
        .route("/questionnaires/{id}", get(show))
        .route("/questionnaires/{id}/export", get(export))
        .route("/questionnaires/{id}/scoring", get(export_scoring))
        .route("/questionnaires/{id}/archive", post(archive))
        .route("/questionnaires/{id}/unarchive", post(unarchive))
}

pub async fn list(Page { state, ui, actor }: Page) -> Result<Response, WebError> {
    let found = service::list(&state, &actor, ui.lang.code()).await?;
    let rows: Vec<Value> = found
        .iter()
        .map(|q| {
            minijinja::context! {
                id => q.id,
                title => q.title.clone(),
                url => q.url.clone(),
                shipped => q.slug.is_some(),
                archived => q.archived,
                number => q.latest_number,
                created_at => q.latest_created_at,
                languages => q.languages.join(", "),
            }
        })
        .collect();
    let context = minijinja::context! {
        questionnaires => rows,
        may_import => actor.roles.may(Action::ManageQuestionnaires),
    };
    ui.render(&state, Some(&actor), "questionnaire_library.html", "qlib-title", context)
}

fn number_param(query: &HashMap<String, String>, name: &str) -> Result<Option<i64>, WebError> {
    match query.get(name).filter(|v| !v.is_empty()) {
        Some(raw) => Ok(Some(raw.parse::<i64>().map_err(|_| WebError::NotFound)?)),
        None => Ok(None),
    }
}

/// A number as people read it: no trailing `.0`.
fn plain(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn label(labels: &Labels, language: &str) -> String {
    labels.get(language).or_else(|| labels.get("nb")).or_else(|| labels.values().next()).cloned().unwrap_or_default()
}

fn condition_text(condition: &EnableWhen) -> String {
    let answer = match &condition.answer {
        EnableAnswer::Boolean(b) => b.to_string(),
        EnableAnswer::Integer(i) => i.to_string(),
        EnableAnswer::Decimal(d) => plain(*d),
        EnableAnswer::Date(d) => d.to_string(),
        EnableAnswer::String(s) => format!("“{s}”"),
        EnableAnswer::Coding(c) => c.code.clone(),
    };
    format!("{} {} {answer}", condition.question, condition.operator.as_str())
}

fn item_value(item: &Item) -> Value {
    let (options, bounds, children) = match &item.kind {
        ItemKind::Group(children) => (Vec::new(), String::new(), children.iter().map(item_value).collect()),
        ItemKind::Choice(options) => (
            options
                .iter()
                .map(|o| {
                    minijinja::context! {
                        code => o.code.clone(),
                        display => o.display.clone(),
                        ordinal => o.ordinal.map(plain),
                    }
                })
                .collect(),
            String::new(),
            Vec::new(),
        ),
        ItemKind::Integer { min, max } => {
            (Vec::new(), bounds(min.map(|v| v.to_string()), max.map(|v| v.to_string())), Vec::new())
        }
        ItemKind::Decimal { min, max } => (Vec::new(), bounds(min.map(plain), max.map(plain)), Vec::new()),
        ItemKind::String { max_length } | ItemKind::Text { max_length } => {
            (Vec::new(), max_length.map(|m| format!("≤ {m}")).unwrap_or_default(), Vec::new())
        }
        _ => (Vec::new(), String::new(), Vec::new()),
    };
    minijinja::context! {
        link_id => item.link_id.clone(),
        text => item.text.clone(),
        kind => item.kind.type_code(),
        question => item.kind.is_question(),
        required => item.required,
        repeats => item.repeats,
        conditions => item.enable_when.iter().map(condition_text).collect::<Vec<_>>(),
        all_conditions => item.enable_behavior.is_none_or(|b| b == EnableBehavior::All),
        options => options,
        bounds => bounds,
        children => children,
    }
}

fn bounds(min: Option<String>, max: Option<String>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("{min}–{max}"),
        (Some(min), None) => format!("≥ {min}"),
        (None, Some(max)) => format!("≤ {max}"),
        (None, None) => String::new(),
    }
}

fn method_key(method: Method) -> &'static str {
    match method {
        Method::Sum => "qlib-method-sum",
        Method::Mean => "qlib-method-mean",
    }
}

fn bands_value(bands: &[Band], language: &str) -> Vec<Value> {
    bands
        .iter()
        .map(|b| minijinja::context! { code => b.code.clone(), label => label(&b.label, language), from => plain(b.from) })
        .collect()
}

fn scales_value(rules: &ScoringRules, language: &str) -> Vec<Value> {
    rules
        .scales
        .iter()
        .map(|s| {
            minijinja::context! {
                id => s.id.clone(),
                label => label(&s.label, language),
                method => method_key(s.method),
                min => plain(s.min),
                max => plain(s.max),
                items => s.items.join(", "),
                reverse => s.reverse.join(", "),
                max_missing => s.max_missing,
                bands => bands_value(&s.bands, language),
                subscales => s.subscales.iter().map(|sub| minijinja::context! {
                    id => sub.id.clone(),
                    label => label(&sub.label, language),
                    method => method_key(sub.method),
                    items => sub.items.join(", "),
                    max_missing => sub.max_missing,
                    bands => bands_value(&sub.bands, language),
                }).collect::<Vec<_>>(),
            }
        })
        .collect()
}

fn detail_context(detail: &Detail, language: &str) -> Value {
    let shown = &detail.shown;
    let shown_language = shown.language_for(language);
    let definition = shown.definition(&shown_language);
    let latest = detail.versions.first().map(|v| v.number).unwrap_or(shown.number);
    minijinja::context! {
        id => detail.questionnaire.id,
        url => detail.questionnaire.url.clone(),
        shipped => detail.questionnaire.shipped_slug.is_some(),
        archived => detail.questionnaire.is_archived(),
        title => definition.title.clone(),
        description => definition.description.clone(),
        status => definition.status.as_str(),
        fhir_version => definition.version.clone(),
        number => shown.number,
        is_latest => shown.number == latest,
        language => shown_language,
        languages => shown.definitions.keys().cloned().collect::<Vec<_>>(),
        items => definition.items.iter().map(item_value).collect::<Vec<_>>(),
        scales => shown.scoring.as_ref().map(|r| scales_value(r, language)).unwrap_or_default(),
        versions => detail.versions.iter().map(|v| minijinja::context! {
            number => v.number,
            created_at => v.created_at,
            created_by => v.creator_name.clone(),
            fhir_version => v.fhir_version.clone(),
            scored => v.scoring.is_some(),
        }).collect::<Vec<_>>(),
    }
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let detail = service::detail(&state, &actor, id, number_param(&query, "version")?).await?;
    let language = query.get("language").map(String::as_str).unwrap_or(ui.lang.code());
    let notice = if let Some(number) = query.get("imported") {
        Some(minijinja::context! { key => "qlib-imported", number => number.clone() })
    } else {
        query.get("unchanged").map(|number| minijinja::context! { key => "qlib-unchanged", number => number.clone() })
    };
    let context = minijinja::context! {
        q => detail_context(&detail, language),
        notice => notice,
        may_manage => actor.roles.may(Action::ManageQuestionnaires),
    };
    ui.render(&state, Some(&actor), "questionnaire_library_one.html", "qlib-one-title", context)
}

/// The version's definition as a FHIR JSON file.
pub async fn export(
    Page { state, actor, .. }: Page,
    PathId(id): PathId,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let detail = service::detail(&state, &actor, id, number_param(&query, "version")?).await?;
    let definition = match query.get("language") {
        Some(language) => detail.shown.definitions.get(language).ok_or(WebError::NotFound)?,
        None => detail.shown.definition("nb"),
    };
    let language = definition.language.clone().unwrap_or_else(|| "nb".to_string());
    let body = serde_json::to_string_pretty(&samla_domain::questionnaires::export(definition))
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let file = format!("attachment; filename=\"questionnaire-{id}-v{}.{language}.json\"", detail.shown.number);
    Ok(([(CONTENT_TYPE, "application/fhir+json".to_string()), (CONTENT_DISPOSITION, file)], body).into_response())
}

/// The version's scoring rules as a JSON file.
pub async fn export_scoring(
    Page { state, actor, .. }: Page,
    PathId(id): PathId,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let detail = service::detail(&state, &actor, id, number_param(&query, "version")?).await?;
    let rules = detail.shown.scoring.as_ref().ok_or(WebError::NotFound)?;
    let body = serde_json::to_string_pretty(rules).map_err(|e| WebError::Internal(e.to_string()))?;
    let file = format!("attachment; filename=\"questionnaire-{id}-v{}.scoring.json\"", detail.shown.number);
    Ok(([(CONTENT_TYPE, "application/json".to_string()), (CONTENT_DISPOSITION, file)], body).into_response())
}

pub async fn archive(Page { state, actor, .. }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    service::set_archived(&state, &actor, id, true).await?;
    Ok(Redirect::to(&format!("/questionnaires/{id}")).into_response())
}

pub async fn unarchive(Page { state, actor, .. }: Page, PathId(id): PathId) -> Result<Response, WebError> {
    service::set_archived(&state, &actor, id, false).await?;
    Ok(Redirect::to(&format!("/questionnaires/{id}")).into_response())
}

const IMPORT_PAGE: FormPage =
    FormPage { template: "questionnaire_library_import.html", title_key: "qlib-import-title" };

pub async fn import_form(Page { state, ui, actor }: Page) -> Result<Response, WebError> {
    actor.authorize(&state, Action::ManageQuestionnaires).await?;
    IMPORT_PAGE.show(&state, &ui, &actor, FormState::new(), StatusCode::OK)
}

/// The service's errors placed at the text areas: `definitions[i]` is the i-th filled
/// definition field, `scoring` the rules; each message starts with its JSON path.
fn place_errors(state: &AppState, ui: &Ui, errors: FieldErrors, filled: &[&str]) -> FieldErrors {
    let placed = errors.0.into_iter().map(|error| {
        let (field, path) = if let Some(rest) = error.field.strip_prefix("definitions[") {
            let (index, path) = rest.split_once(']').unwrap_or((rest, ""));
            let field =
                index.parse::<usize>().ok().and_then(|i| filled.get(i)).copied().unwrap_or(DEFINITION_FIELDS[0]);
            (field, path.trim_start_matches('.').to_string())
        } else if let Some(path) = error.field.strip_prefix("scoring") {
            ("scoring", path.trim_start_matches('.').to_string())
        } else {
            (DEFINITION_FIELDS[0], String::new())
        };
        let args: Vec<(&str, String)> = error.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        let message = state.i18n.text(ui.lang, error.code, &args);
        let path = if path.is_empty() { state.i18n.text(ui.lang, "qlib-path-whole", &[]) } else { path };
        FieldError::new(field, "error-manual").with_arg("path", path).with_arg("message", message)
    });
    FieldErrors(placed.collect())
}

pub async fn import(Page { state, ui, actor }: Page, form: FormData) -> Result<Response, WebError> {
    actor.authorize(&state, Action::ManageQuestionnaires).await?;
    let filled: Vec<&str> = DEFINITION_FIELDS.into_iter().filter(|f| !form.get(f).trim().is_empty()).collect();
    let definitions: Vec<String> = filled.iter().map(|f| form.get(f).to_string()).collect();
    let scoring = form.get("scoring");
    let result = if definitions.is_empty() {
        Err(WebError::Invalid(FieldErrors::single(FieldError::new(DEFINITION_FIELDS[0], "qlib-error-no-definitions"))))
    } else {
        service::import(&state, &actor, &definitions, Some(scoring)).await
    };
    match result {
        Ok(imported) => {
            let flag = if imported.created { "imported" } else { "unchanged" };
            Ok(Redirect::to(&format!("/questionnaires/{}?{flag}={}", imported.questionnaire_id, imported.number))
                .into_response())
        }
        Err(WebError::Invalid(errors)) => {
            let errors = if definitions.is_empty() { errors } else { place_errors(&state, &ui, errors, &filled) };
            IMPORT_PAGE.show(&state, &ui, &actor, form.kept().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;
    use samla_domain::accounts::Language;

    /// Keys the templates build from values (`t("qlib-type-" ~ kind)`, `t(scale.method)`).
    #[test]
    fn keys_built_from_values_exist() {
        let i18n = I18n::load();
        let kinds = ["group", "display", "boolean", "choice", "integer", "decimal", "string", "text", "date"];
        let mut keys: Vec<String> = kinds.iter().map(|k| format!("qlib-type-{k}")).collect();
        keys.extend([method_key(Method::Sum), method_key(Method::Mean)].map(str::to_string));
        for key in keys {
            for language in Language::ALL {
                assert!(i18n.has(language, &key), "{key} in {}", language.code());
            }
        }
    }

    #[test]
    fn numbers_read_plainly() {
        assert_eq!(plain(2.0), "2");
        assert_eq!(plain(1.5), "1.5");
        assert_eq!(bounds(Some("0".into()), Some("10".into())), "0–10");
    }
}
