//! One application: the participant and household, consents, pre-conversations, the
//! stage, details, history, offers and possible duplicates, with the forms that change
//! them. A form that comes back with errors is shown again as typed, its errors at its
//! fields; every other form on the page starts fresh.

use super::{
    channel_name, channel_options, channels, coded_key, coded_options, local_day, option, text, with_empty, Context,
    NOTICES, PURPOSES,
};
use crate::auth::Actor;
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::Ui;
use crate::pages::{Page, PathId, PathIds, Saved};
use crate::services::courses;
use crate::services::intake::applications::{
    self, ApplicationView, DetailsForm, MoveForm, PreConversationForm, OPEN_FOR_APPLICATIONS, PRE_CONVERSATION_OUTCOMES,
};
use crate::services::intake::{consents, visible_application};
use crate::AppState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::Value;
use samla_domain::intake::household::HouseholdRole;
use samla_domain::intake::stage::{self, EventKind, Stage};
use samla_domain::{FieldError, FieldErrors};

/// The forms of the page; the one that failed carries what was typed and its errors.
#[derive(Default)]
struct Forms {
    moving: FormState,
    talk: FormState,
    details: FormState,
    consent: FormState,
    link: FormState,
    merge: FormState,
}

#[derive(Clone, Copy)]
enum Slot {
    Move,
    Talk,
    Details,
    Consent,
    Link,
    Merge,
}

impl Forms {
    fn with(slot: Slot, form: FormState) -> Forms {
        let mut forms = Forms::default();
        *match slot {
            Slot::Move => &mut forms.moving,
            Slot::Talk => &mut forms.talk,
            Slot::Details => &mut forms.details,
            Slot::Consent => &mut forms.consent,
            Slot::Link => &mut forms.link,
            Slot::Merge => &mut forms.merge,
        } = form;
        forms
    }
}

fn or_default(form: FormState, default: impl FnOnce() -> FormState) -> FormState {
    if form.is_empty() {
        default()
    } else {
        form
    }
}

fn consent_messages(state: &AppState, ui: &Ui, view: &ApplicationView) -> Vec<String> {
    consents::missing_errors("stage", &view.missing_for_enrolment)
        .0
        .iter()
        .map(|e| {
            let args: Vec<(&str, String)> = e.args.iter().map(|(k, v)| (*k, v.clone())).collect();
            state.i18n.text(ui.lang, e.code, &args)
        })
        .collect()
}

async fn render(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    id: i64,
    forms: Forms,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let view = applications::view(state, actor, id).await?;
    let all_channels = channels(state, actor).await?;
    let context = Context::load(state, actor).await?;
    let a = &view.application;
    let is_child = view.participant.household_role == HouseholdRole::Child;
    let course_options: Vec<Value> = courses::list_with_programmes(state, actor)
        .await?
        .into_iter()
        .filter(|(course, programme)| {
            programme.as_ref().is_some_and(|(programme_id, _, _)| *programme_id == a.programme_id)
                && (OPEN_FOR_APPLICATIONS.contains(&course.status) || Some(course.id) == a.course_id)
        })
        .map(|(course, _)| option(course.id, format!("{} ({})", course.name, course.start_date)))
        .collect();
    let moving = or_default(forms.moving, || FormState::new().with_value("version", a.version));
    let talk = or_default(forms.talk, || {
        FormState::new().with_value("held_on", context.today).with_value("outcome", "continue")
    });
    let details = or_default(forms.details, || {
        FormState::new()
            .with_value("course_id", a.course_id.map(|c| c.to_string()).unwrap_or_default())
            .with_value("priority", a.priority)
            .with_value("channel_id", a.channel_id.map(|c| c.to_string()).unwrap_or_default())
            .with_value("version", a.version)
    });
    let consent = or_default(forms.consent, || {
        let giver = view
            .household
            .iter()
            .find(|p| p.household_role == HouseholdRole::Guardian)
            .map_or(a.participant_id, |p| p.id);
        FormState::new()
            .with_value("giver_id", if is_child { giver } else { a.participant_id })
            .with_value("purpose", "participation")
            .with_value("capacity", if is_child { "guardian" } else { "participant" })
            .with_value("method", "paper")
    });
    let move_options: Vec<Value> = view
        .allowed_moves
        .iter()
        .filter(|s| **s != Stage::Offered)
        .map(|s| option(s.as_str(), text(state, ui, &super::stage_key(s.as_str()))))
        .collect();
    let household: Vec<Value> = view
        .household
        .iter()
        .map(|p| {
            minijinja::context! {
                id => p.id,
                name => p.name.clone(),
                role => text(state, ui, &coded_key("intake-role-", p.household_role.as_str())),
                responsibility => p.household_role == HouseholdRole::Guardian && p.parental_responsibility == 1,
                guardian => p.household_role == HouseholdRole::Guardian,
                phone => p.phone.clone(),
                email => p.email.clone(),
                is_participant => p.id == a.participant_id,
                may_link => p.household_role != HouseholdRole::Child && !p.email.is_empty(),
            }
        })
        .collect();
    let consent_rows: Vec<Value> = view
        .consents
        .iter()
        .map(|c| {
            minijinja::context! {
                id => c.id,
                giver => c.giver_name.clone(),
                capacity => text(state, ui, &coded_key("intake-capacity-", &c.capacity)),
                purpose => text(state, ui, &coded_key("intake-purpose-", &c.purpose)),
                version => c.text_version,
                method => text(state, ui, &coded_key("intake-method-", &c.method)),
                given_at => c.given_at,
                recorded_by => c.recorded_by_name.clone(),
                withdrawn_at => c.withdrawn_at,
                withdrawn_by => c.withdrawn_by_name.clone(),
            }
        })
        .collect();
    let talks: Vec<Value> = view
        .pre_conversations
        .iter()
        .map(|c| {
            minijinja::context! {
                number => c.number,
                held_on => c.held_on.clone(),
                participants => c.participants.clone(),
                notes => c.notes.clone(),
                outcome => text(state, ui, &coded_key("intake-outcome-", &c.outcome)),
                recorded_by => c.recorded_by_name.clone(),
            }
        })
        .collect();
    let events: Vec<Value> = view
        .events
        .iter()
        .map(|e| {
            minijinja::context! {
                at => e.at,
                who => e.actor_name.clone(),
                from => e.stage_from.as_deref().map(|s| text(state, ui, &super::stage_key(s))),
                to => text(state, ui, &super::stage_key(&e.stage_to)),
                note => (e.kind == EventKind::Stage).then(|| e.note.clone()),
                system => match e.kind {
                    EventKind::Merged => {
                        Some(state.i18n.text(ui.lang, "intake-event-merged", &[("reference", e.note.clone())]))
                    }
                    EventKind::OfferAccepted => Some(text(state, ui, "intake-event-offer-accepted")),
                    EventKind::Stage => None,
                },
            }
        })
        .collect();
    let offers: Vec<Value> = view
        .offers
        .iter()
        .map(|o| {
            minijinja::context! {
                status => text(state, ui, &coded_key("intake-offer-", o.status.as_str())),
                course => context.course_names.get(&o.course_id).cloned().unwrap_or_default(),
                course_id => o.course_id,
                deadline_at => o.deadline_at,
                created_at => o.created_at,
                responded_at => o.responded_at,
            }
        })
        .collect();
    let duplicates: Vec<Value> =
        view.possible_duplicates.iter().map(|d| context.summary(state, ui, actor, d)).collect();
    let referrer = (!a.referrer_name.is_empty()).then(|| {
        minijinja::context! {
            name => a.referrer_name.clone(),
            service => a.referrer_service.clone(),
            phone => a.referrer_phone.clone(),
            email => a.referrer_email.clone(),
        }
    });
    let giver_options: Vec<Value> = view
        .household
        .iter()
        .map(|p| {
            option(
                p.id,
                format!("{} ({})", p.name, text(state, ui, &coded_key("intake-role-", p.household_role.as_str()))),
            )
        })
        .collect();
    let stage_now = view.stage;
    let data = minijinja::context! {
        notice => notice.filter(|n| NOTICES.contains(n)),
        sensitive_visible => view.sensitive_visible,
        application => minijinja::context! {
            id => a.id,
            reference => a.reference.clone(),
            stage => stage_now.as_str(),
            stage_label => text(state, ui, &super::stage_key(stage_now.as_str())),
            priority => a.priority,
            kind => text(state, ui, &coded_key("intake-kind-", &a.kind)),
            created_at => a.created_at,
            last_contact_at => a.last_contact_at,
            waitlisted_at => a.waitlisted_at.map(|t| local_day(actor, t)),
            programme => view.programme_name.clone(),
            course => view.course_name.clone(),
            course_id => a.course_id,
            channel => channel_name(state, ui, &all_channels, a.channel_id),
            referrer => referrer,
            reason => a.reason.clone(),
            needs => a.needs.clone(),
            household_id => a.household_id,
            open => stage_now.is_open(),
        },
        participant => minijinja::context! {
            name => view.participant.name.clone(),
            birth_date => view.participant.birth_date.clone(),
            sex => view.participant.sex.as_deref().map(|sex| text(state, ui, &format!("sex-{sex}"))),
            national_id => view.participant.national_id.clone(),
            phone => view.participant.phone.clone(),
            email => view.participant.email.clone(),
            age => view.age,
            age_day => a.course_id.map(|_| view.age_day.to_string()),
            child => is_child,
        },
        household => household,
        consents => consent_rows,
        missing => consent_messages(state, ui, &view),
        talks => talks,
        may_talk => stage::may_hold_another_pre_conversation(view.pre_conversations.len() as u32)
            && stage::may_move(stage_now, Stage::PreConversation),
        max_talks => stage::MAX_PRE_CONVERSATIONS,
        events => events,
        offers => offers,
        duplicates => duplicates,
        move_options => move_options,
        moving_form => ui.form(state, &moving),
        talk_form => ui.form(state, &talk),
        details_form => ui.form(state, &details),
        consent_form => ui.form(state, &consent),
        link_form => ui.form(state, &forms.link),
        merge_form => ui.form(state, &forms.merge),
        outcome_options => coded_options(state, ui, "intake-outcome-", &PRE_CONVERSATION_OUTCOMES),
        course_options => with_empty(text(state, ui, "intake-course-none"), course_options),
        priority_options => (1..=3).map(|p| option(p, text(state, ui, &format!("intake-priority-{p}")))).collect::<Vec<_>>(),
        channel_options => with_empty(text(state, ui, "intake-channel-none"), channel_options(state, ui, &all_channels, a.channel_id)),
        giver_options => giver_options,
        purpose_options => coded_options(state, ui, "intake-purpose-", &PURPOSES),
        capacity_options => coded_options(state, ui, "intake-capacity-", &super::CAPACITIES),
        method_options => coded_options(state, ui, "intake-method-", &["paper", "in_conversation"]),
    };
    let title = format!("{} – {}", view.participant.name, a.reference);
    let data = minijinja::context! { page_title => title, ..data };
    ui.render_status(state, Some(actor), status, "intake_application.html", "intake-application-title", data)
}

pub async fn show(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    Saved(notice): Saved,
) -> Result<Response, WebError> {
    render(&state, &ui, &actor, id, Forms::default(), StatusCode::OK, notice.as_deref()).await
}

/// Where a form's POST ends: back to the page with a notice, or the page again with the
/// form as typed and its errors.
#[allow(clippy::too_many_arguments)]
async fn answer<T>(
    state: &AppState,
    ui: &Ui,
    actor: &Actor,
    id: i64,
    result: Result<T, WebError>,
    saved: &str,
    anchor: &str,
    slot: Slot,
    form: FormState,
) -> Result<Response, WebError> {
    let (errors, status) = match result {
        Ok(_) => {
            return Ok(Redirect::to(&format!("/intake/applications/{id}?saved={saved}#{anchor}")).into_response());
        }
        Err(WebError::Invalid(errors)) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(WebError::Refused(errors)) => (errors, StatusCode::CONFLICT),
        Err(WebError::Stale) => {
            let field = if matches!(slot, Slot::Details) { "course_id" } else { "stage" };
            let current = visible_application(state, actor, id).await?;
            let errors = FieldErrors::single(FieldError::new(field, "error-changed-meanwhile"));
            let form = form.with_errors(errors).with_value("version", current.version);
            return render(state, ui, actor, id, Forms::with(slot, form), StatusCode::CONFLICT, None).await;
        }
        Err(other) => return Err(other),
    };
    // The consent-link and merge forms are buttons: their messages go to their sections.
    let errors = FieldErrors(
        errors
            .0
            .into_iter()
            .map(|mut e| {
                match slot {
                    Slot::Link => e.field = "link".into(),
                    Slot::Merge => e.field = "from".into(),
                    _ => {}
                }
                e
            })
            .collect(),
    );
    render(state, ui, actor, id, Forms::with(slot, form.with_errors(errors)), status, None).await
}

fn version(form: &FormData) -> Option<i64> {
    form.get("version").trim().parse::<i64>().ok()
}

pub async fn move_stage(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let moving = MoveForm { stage: form.get("stage").to_string(), note: form.get("note").to_string() };
    let result = applications::move_stage(&state, &actor, id, &moving, version(&form)).await;
    answer(&state, &ui, &actor, id, result, "moved", "stage-heading", Slot::Move, form.kept()).await
}

pub async fn pre_conversation(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let talk = PreConversationForm {
        held_on: form.get("held_on").to_string(),
        participants: form.get("participants").to_string(),
        notes: form.get("notes").to_string(),
        outcome: form.get("outcome").to_string(),
    };
    let result = applications::record_pre_conversation(&state, &actor, id, &talk).await;
    answer(&state, &ui, &actor, id, result, "talk", "talks-heading", Slot::Talk, form.kept()).await
}

pub async fn details(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let details = DetailsForm {
        course_id: form.get("course_id").to_string(),
        priority: form.get("priority").to_string(),
        channel_id: form.get("channel_id").to_string(),
    };
    let result = applications::update_details(&state, &actor, id, &details, version(&form)).await;
    answer(&state, &ui, &actor, id, result, "details", "details-heading", Slot::Details, form.kept()).await
}

pub async fn record_consent(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let consent = consents::RecordForm {
        giver_id: form.get("giver_id").to_string(),
        purpose: form.get("purpose").to_string(),
        capacity: form.get("capacity").to_string(),
        method: form.get("method").to_string(),
    };
    let result = consents::record(&state, &actor, id, &consent, false).await;
    answer(&state, &ui, &actor, id, result, "consent", "consents-heading", Slot::Consent, form.kept()).await
}

pub async fn withdraw_consent(
    Page { state, actor, .. }: Page,
    PathIds([id, consent_id]): PathIds<2>,
) -> Result<Response, WebError> {
    consents::withdraw(&state, &actor, id, consent_id).await?;
    Ok(Redirect::to(&format!("/intake/applications/{id}?saved=withdrawn#consents-heading")).into_response())
}

pub async fn consent_link(
    Page { state, ui, actor }: Page,
    PathId(id): PathId,
    form: FormData,
) -> Result<Response, WebError> {
    let result = match form.get("giver_id").trim().parse::<i64>() {
        Ok(giver) => consents::send_link(&state, &actor, id, giver).await,
        Err(_) => Err(FieldErrors::single(FieldError::new("giver_id", "error-consent-giver")).into()),
    };
    answer(&state, &ui, &actor, id, result, "link", "people-heading", Slot::Link, FormState::new()).await
}

pub async fn merge(Page { state, ui, actor }: Page, PathId(id): PathId, form: FormData) -> Result<Response, WebError> {
    let result = match form.get("from").trim().parse::<i64>() {
        Ok(from) => applications::merge(&state, &actor, id, from).await,
        Err(_) => Err(FieldErrors::single(FieldError::new("from", "error-choice")).into()),
    };
    answer(&state, &ui, &actor, id, result, "merged", "history-heading", Slot::Merge, FormState::new()).await
}
