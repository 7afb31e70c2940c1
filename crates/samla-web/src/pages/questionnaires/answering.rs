//! The answering pages: the form behind a personal or walk-in link (`/a/{token}`), page by
//! page without JavaScript, the QR code's address (`/q/{open_token}`) that makes a walk-in
//! link, and staff's page for typing in a paper form.
//!
//! A link that takes no answers (used, expired, closed, unknown) gets a kind page that
//! says what happened, never an error page.

use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::FormData;
use crate::http::{CookieJar, LANGUAGE_COOKIE};
use crate::pages::Page;
use crate::pages::PathId;
use crate::pages::Ui;
use crate::services::questionnaires::answering::{self as service, AnswerForm, Opened, WHOLE};
use crate::services::questionnaires::library::LoadedVersion;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use minijinja::Value;
use samla_domain::accounts::Language;
use samla_domain::questionnaires::answers::{drop_disabled, enabled_items, validate_answers, Answers};
use samla_domain::questionnaires::definition::{Item, ItemKind, Questionnaire};
use samla_domain::questionnaires::paging;
use samla_domain::questionnaires::rounds::Mode;
use samla_domain::{FieldError, FieldErrors};
use samla_storage::questionnaires::responses::LinkState;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/q/{open_token}", get(open_qr))
        .route("/a/{token}", get(show).post(answer))
        .route("/questionnaire-rounds/{round_id}/paper", get(show_paper).post(enter_paper))
}

/// What the page shows of a problem: the field's html id and the message.
struct Shown {
    errors: BTreeMap<String, String>,
    summary: Vec<Value>,
}

/// An html id from a field name: linkIds may hold characters an id should not.
fn html_id(field: &str) -> String {
    field.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

fn shown_errors(state: &AppState, lang: Language, errors: &FieldErrors, first_field: &str) -> Shown {
    let mut shown = Shown { errors: BTreeMap::new(), summary: Vec::new() };
    for error in &errors.0 {
        let args: Vec<(&str, String)> = error.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        let message = state.i18n.text(lang, error.code, &args);
        // A refusal of the whole response points at the first question.
        let field = if error.field == WHOLE { first_field.to_string() } else { error.field.clone() };
        if !shown.errors.contains_key(&field) {
            shown.errors.insert(field.clone(), message.clone());
        }
        shown.summary.push(minijinja::context! { id => html_id(&field), message => message });
    }
    shown
}

/// The items as the partial `questionnaire_form_items.html` draws them.
fn items_value(
    items: &[&Item],
    show: &dyn Fn(&Item) -> bool,
    values: &dyn Fn(&Item) -> Vec<String>,
    errors: &BTreeMap<String, String>,
) -> Vec<Value> {
    items
        .iter()
        .copied()
        .filter(|item| show(item))
        .map(|item| {
            let field = paging::field_name(&item.link_id);
            let id = html_id(&field);
            let current = if item.kind.is_question() { values(item) } else { Vec::new() };
            let options: Vec<Value> = match &item.kind {
                ItemKind::Choice(options) => options
                    .iter()
                    .enumerate()
                    .map(|(n, o)| {
                        minijinja::context! {
                            value => o.code.clone(),
                            label => o.display.clone(),
                            label_key => "",
                            id => format!("{id}-{n}"),
                            checked => current.contains(&o.code),
                        }
                    })
                    .collect(),
                ItemKind::Boolean => ["yes", "no"]
                    .iter()
                    .map(|v| {
                        minijinja::context! {
                            value => v, label => "", label_key => format!("qans-{v}"), id => format!("{id}-{v}"),
                            checked => current.iter().any(|c| c == v),
                        }
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let children = match &item.kind {
                ItemKind::Group(children) => items_value(&children.iter().collect::<Vec<_>>(), show, values, errors),
                _ => Vec::new(),
            };
            minijinja::context! {
                kind => item.kind.type_code(),
                field => field.clone(),
                id => id,
                text => item.text.clone().unwrap_or_default(),
                required => item.required,
                repeats => item.repeats,
                options => options,
                value => current.first().cloned().unwrap_or_default(),
                error => errors.get(&field).cloned(),
                children => children,
            }
        })
        .collect()
}

/// Items shown on a page: those the answers so far enable, and those whose conditions
/// depend on a question on the same page (without JavaScript the page cannot hide them
/// as the respondent answers; answers to hidden ones are dropped on sending).
fn shown_on_page<'q>(definition: &'q Questionnaire, page: &paging::Page<'q>, answers: &Answers) -> HashSet<&'q str> {
    let enabled = enabled_items(definition, answers);
    let on_page = page.link_ids();
    definition
        .items_in_order()
        .into_iter()
        .filter(|item| {
            enabled.contains(item.link_id.as_str())
                || item.enable_when.iter().any(|c| on_page.contains(c.question.as_str()))
        })
        .map(|item| item.link_id.as_str())
        .collect()
}

fn organisation(name: &str) -> Value {
    minijinja::context! { name => name, slug => "" }
}

/// A kind page: `shown` is answered, expired, closed, not-yet-open, unknown or thanks.
fn kind_page(state: &AppState, ui: &Ui, shown: &str, organisation_name: &str) -> Result<Response, WebError> {
    let status = if shown == "unknown" { StatusCode::NOT_FOUND } else { StatusCode::OK };
    ui.render_status(
        state,
        None,
        status,
        "questionnaire_answer.html",
        &format!("qans-{shown}-title"),
        minijinja::context! {
            shown => shown,
            public_org => (!organisation_name.is_empty()).then(|| organisation(organisation_name)),
        },
    )
}

fn kind_of(link_state: LinkState) -> &'static str {
    match link_state {
        LinkState::Answered => "answered",
        LinkState::Expired => "expired",
        LinkState::RoundClosed => "closed",
        LinkState::NotYetOpen => "not-yet-open",
        LinkState::Open => "unknown",
    }
}

/// Whether the questionnaire is one for children (8–12): plainer words and larger targets.
fn for_children(version: &LoadedVersion) -> bool {
    version.url.ends_with("-children") || version.url.contains("children")
}

struct PageView<'a> {
    form: &'a AnswerForm,
    token: &'a str,
    index: usize,
    /// The raw values posted for the page's questions, when it is shown again.
    posted: Option<&'a FormData>,
    errors: FieldErrors,
    /// The answers so far, the page's own included.
    answers: &'a Answers,
}

fn render_form(state: &AppState, ui: &Ui, view: PageView<'_>, status: StatusCode) -> Result<Response, WebError> {
    let language = view.form.version.language_for(ui.lang.code());
    let definition = view.form.version.definition(&language);
    let pages = paging::pages(definition);
    let index = view.index.min(pages.len() - 1);
    let page = &pages[index];
    let progress = paging::progress(pages.len(), index);
    let shown_ids = shown_on_page(definition, page, view.answers);
    let first_field = page.questions().first().map(|q| paging::field_name(&q.link_id)).unwrap_or_default();
    let shown = shown_errors(state, ui.lang, &view.errors, &first_field);
    let on_page = page.link_ids();
    let values = |item: &Item| -> Vec<String> {
        match view.posted {
            Some(form) if on_page.contains(item.link_id.as_str()) => form.all(&paging::field_name(&item.link_id)),
            _ => view.answers.get(&item.link_id).map(|v| paging::raw_values(v)).unwrap_or_default(),
        }
    };
    let show = |item: &Item| shown_ids.contains(item.link_id.as_str());
    let items = items_value(&page.items, &show, &values, &shown.errors);
    let languages: Vec<Value> = view
        .form
        .version
        .definitions
        .keys()
        .filter_map(|code| Language::parse(code))
        .map(|l| minijinja::context! { code => l.code(), current => l == ui.lang })
        .collect();
    ui.render_status(
        state,
        None,
        status,
        "questionnaire_answer.html",
        "qans-form-title",
        minijinja::context! {
            shown => "open",
            public_org => organisation(&view.form.link.organisation_name),
            title => definition.title.clone(),
            description => (index == 0).then(|| definition.description.clone()).flatten(),
            page_title => page.title,
            items => items,
            summary => shown.summary,
            action => format!("/a/{}", view.token),
            page => index,
            page_number => progress.page,
            page_count => progress.of,
            first => index == 0,
            last => index + 1 == pages.len(),
            children => for_children(&view.form.version),
            form_language => language,
            languages => languages,
        },
    )
}

#[derive(Deserialize)]
pub struct ShowQuery {
    page: Option<String>,
    sent: Option<String>,
}

/// `GET /a/{token}`: the form at the page asked for (else where the respondent left off),
/// or a kind page.
async fn show(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
    Query(query): Query<ShowQuery>,
) -> Result<Response, WebError> {
    match service::open(&state, &token).await? {
        Opened::Unknown => kind_page(&state, &ui, "unknown", ""),
        Opened::Closed { state: LinkState::Answered, organisation_name } if query.sent.is_some() => {
            kind_page(&state, &ui, "thanks", &organisation_name)
        }
        Opened::Closed { state: link_state, organisation_name } => {
            kind_page(&state, &ui, kind_of(link_state), &organisation_name)
        }
        Opened::Open(form) => {
            let index = query.page.as_deref().and_then(|p| p.parse::<usize>().ok()).unwrap_or(form.page);
            let answers = form.draft.clone();
            let view = PageView {
                form: &form,
                token: &token,
                index,
                posted: None,
                errors: FieldErrors::new(),
                answers: &answers,
            };
            render_form(&state, &ui, view, StatusCode::OK)
        }
    }
}

fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// `POST /a/{token}`: `action` is `continue`, `back`, `send` or `lang-nb`/`lang-en`
/// (switch language keeping the answers); `page` is the page the form was on. Every
/// action keeps what was typed as a draft, so the same link can go on later.
async fn answer(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
    form_data: FormData,
) -> Result<Response, WebError> {
    let form = match service::open(&state, &token).await? {
        Opened::Open(form) => form,
        Opened::Unknown => return kind_page(&state, &ui, "unknown", ""),
        Opened::Closed { state: link_state, organisation_name } => {
            return kind_page(&state, &ui, kind_of(link_state), &organisation_name)
        }
    };
    let language = form.version.language_for(ui.lang.code());
    let definition = form.version.definition(&language);
    let pages = paging::pages(definition);
    let index = form_data.get("page").parse::<usize>().unwrap_or(0).min(pages.len() - 1);
    let page = &pages[index];
    let (page_answers, parse_errors) = paging::parse_page(page.questions(), |field| form_data.all(field));
    let merged = paging::merge_page(&form.draft, page, page_answers);
    let base = format!("/a/{token}");
    let action = form_data.get("action");
    if let Some(code) = action.strip_prefix("lang-") {
        service::keep_draft(&state, &token, &merged, index).await?;
        let language = Language::parse(code).unwrap_or_default();
        let mut jar = CookieJar::default();
        jar.add(LANGUAGE_COOKIE, language.code(), Some(365 * 24 * 3600), state.config.uses_tls(), false);
        let mut response = see_other(&format!("{base}?page={index}"));
        jar.apply(response.headers_mut());
        return Ok(response);
    }
    if action == "back" {
        let to = index.saturating_sub(1);
        service::keep_draft(&state, &token, &merged, to).await?;
        return Ok(see_other(&format!("{base}?page={to}")));
    }
    let last = index + 1 == pages.len();
    if action == "continue" && !last {
        let mut errors = parse_errors;
        if errors.is_empty() {
            let on_page = page.link_ids();
            if let Err(problems) = validate_answers(definition, &drop_disabled(definition, &merged)) {
                let here: Vec<_> = problems.into_iter().filter(|p| on_page.contains(p.path.as_str())).collect();
                errors = paging::problem_fields(&here, WHOLE);
            }
        }
        if errors.is_empty() {
            service::keep_draft(&state, &token, &merged, index + 1).await?;
            return Ok(see_other(&format!("{base}?page={}", index + 1)));
        }
        service::keep_draft(&state, &token, &merged, index).await?;
        let view = PageView { form: &form, token: &token, index, posted: Some(&form_data), errors, answers: &merged };
        return render_form(&state, &ui, view, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Send (also a hand-made post without an action on the last page).
    if !parse_errors.is_empty() {
        service::keep_draft(&state, &token, &merged, index).await?;
        let view = PageView {
            form: &form,
            token: &token,
            index,
            posted: Some(&form_data),
            errors: parse_errors,
            answers: &merged,
        };
        return render_form(&state, &ui, view, StatusCode::UNPROCESSABLE_ENTITY);
    }
    match service::submit(&state, &token, &language, &merged).await {
        Ok(_) => Ok(see_other(&format!("{base}?sent=1"))),
        Err(WebError::Invalid(errors)) => {
            // Show the first page with a problem, with every problem of that page.
            let problems: Vec<_> = errors
                .0
                .iter()
                .map(|e| {
                    samla_domain::questionnaires::Problem::new(
                        e.field.clone(),
                        samla_domain::questionnaires::ProblemCode::AnswerRequired,
                    )
                })
                .collect();
            let target = paging::page_of_first_problem(&pages, &problems).unwrap_or(index);
            let ids = pages[target].link_ids();
            let errors = FieldErrors(
                errors
                    .0
                    .into_iter()
                    .filter(|e| e.field == WHOLE || ids.contains(e.field.as_str()))
                    .map(|mut e| {
                        if e.field != WHOLE {
                            e.field = paging::field_name(&e.field);
                        }
                        e
                    })
                    .collect(),
            );
            service::keep_draft(&state, &token, &merged, target).await?;
            let posted = (target == index).then_some(&form_data);
            let view = PageView { form: &form, token: &token, index: target, posted, errors, answers: &merged };
            render_form(&state, &ui, view, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(WebError::NotFound) => kind_page(&state, &ui, "unknown", ""),
        Err(WebError::Refused(_) | WebError::Gone) => match service::open(&state, &token).await? {
            Opened::Closed { state: link_state, organisation_name } => {
                kind_page(&state, &ui, kind_of(link_state), &organisation_name)
            }
            _ => kind_page(&state, &ui, "unknown", ""),
        },
        Err(other) => Err(other),
    }
}

/// `GET /q/{open_token}`: the QR code shown in the room. Makes a fresh one-time link for
/// this respondent and goes there (303), or says kindly that the round is closed.
async fn open_qr(State(state): State<AppState>, ui: Ui, Path(open_token): Path<String>) -> Result<Response, WebError> {
    match service::open_walk_in(&state, &open_token).await {
        Ok(token) => Ok(see_other(&format!("/a/{token}"))),
        Err(WebError::NotFound) => kind_page(&state, &ui, "unknown", ""),
        Err(WebError::Gone | WebError::Refused(_)) => match service::open_round_state(&state, &open_token).await? {
            Some((link_state, organisation_name)) => kind_page(&state, &ui, kind_of(link_state), &organisation_name),
            None => kind_page(&state, &ui, "unknown", ""),
        },
        Err(other) => Err(other),
    }
}

#[derive(Deserialize)]
pub struct PaperQuery {
    saved: Option<String>,
}

fn render_paper(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    paper: &service::PaperForm,
    posted: Option<&FormData>,
    errors: FieldErrors,
    saved: bool,
) -> Result<Response, WebError> {
    // A round that closed (before or while the form was typed) is a conflict, not bad input.
    let closed = paper.closed || errors.0.iter().any(|e| e.code == "qans-error-round-closed");
    let status = if closed && !errors.is_empty() {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let language = paper.version.language_for(ui.lang.code());
    let definition = paper.version.definition(&language);
    let first_field = definition
        .items_in_order()
        .into_iter()
        .find(|i| i.kind.is_question())
        .map(|q| paging::field_name(&q.link_id))
        .unwrap_or_default();
    let shown = shown_errors(state, ui.lang, &errors, &first_field);
    let values =
        |item: &Item| -> Vec<String> { posted.map(|f| f.all(&paging::field_name(&item.link_id))).unwrap_or_default() };
    let show = |_: &Item| true;
    let items = items_value(&definition.items.iter().collect::<Vec<_>>(), &show, &values, &shown.errors);
    let chosen = posted.map(|f| f.get("subject_participant_id").to_string()).unwrap_or_default();
    let subjects: Vec<Value> = paper
        .subjects
        .iter()
        .enumerate()
        .map(|(n, s)| {
            minijinja::context! {
                id => s.id, name => s.name.clone(), number => n + 1, answered => s.answered,
                selected => chosen == s.id.to_string(),
            }
        })
        .collect();
    ui.render_status(
        state,
        Some(actor),
        status,
        "questionnaire_answer_paper.html",
        "qans-paper-title",
        minijinja::context! {
            round_id => paper.round.id,
            course_id => paper.round.course_id,
            identified => paper.round.mode == Mode::Identified,
            title => definition.title.clone(),
            items => items,
            summary => shown.summary,
            subjects => subjects,
            subject_error => shown.errors.get("subject_participant_id").cloned(),
            saved => saved,
            closed => closed,
        },
    )
}

/// `GET /questionnaire-rounds/{round_id}/paper`: one paper form to type in.
async fn show_paper(
    Page { state, ui, actor }: Page,
    PathId(round_id): PathId,
    Query(query): Query<PaperQuery>,
) -> Result<Response, WebError> {
    let paper = service::paper_form(&state, &actor, round_id).await?;
    render_paper(&state, &ui, &actor, &paper, None, FieldErrors::new(), query.saved.is_some())
}

/// `POST /questionnaire-rounds/{round_id}/paper`: stores it and offers the next one.
async fn enter_paper(
    Page { state, ui, actor }: Page,
    PathId(round_id): PathId,
    form_data: FormData,
) -> Result<Response, WebError> {
    let paper = service::paper_form(&state, &actor, round_id).await?;
    let language = paper.version.language_for(ui.lang.code());
    let definition = paper.version.definition(&language);
    let (answers, parse_errors) = paging::parse_page(definition.items_in_order(), |field| form_data.all(field));
    let subject = match form_data.get("subject_participant_id") {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                let errors =
                    FieldErrors::single(FieldError::new("subject_participant_id", "qans-error-subject-unknown"));
                return render_paper(&state, &ui, &actor, &paper, Some(&form_data), errors, false);
            }
        },
    };
    if !parse_errors.is_empty() {
        return render_paper(&state, &ui, &actor, &paper, Some(&form_data), parse_errors, false);
    }
    match service::enter_paper(&state, &actor, round_id, &language, &answers, subject).await {
        Ok(_) => Ok(see_other(&format!("/questionnaire-rounds/{round_id}/paper?saved=1"))),
        Err(WebError::Invalid(errors) | WebError::Refused(errors)) => {
            let errors = FieldErrors(
                errors
                    .0
                    .into_iter()
                    .map(|mut e| {
                        if e.field != WHOLE && e.field != "subject_participant_id" {
                            e.field = paging::field_name(&e.field);
                        }
                        e
                    })
                    .collect(),
            );
            render_paper(&state, &ui, &actor, &paper, Some(&form_data), errors, false)
        }
        Err(other) => Err(other),
    }
}
