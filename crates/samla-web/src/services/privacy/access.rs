//! A person's access to their data (innsyn, GDPR art. 15). The coordinator finds the
//! participant or guardian, registers the request with the day it came (the month the law
//! gives runs from it), and reads in one step everything samla holds about them and who
//! has read it, to send as a letter or as JSON. Every search, list and report is audited.

use crate::auth::Actor;
use crate::error::WebError;
use crate::org::OrgContext;
use crate::AppState;
use chrono::NaiveDate;
use samla_domain::privacy::access as rules;
use samla_domain::questionnaires::answers::{readable, Answers, Shown};
use samla_domain::questionnaires::definition::import;
use samla_domain::questionnaires::scoring::{Outcome, Scores};
use samla_domain::validation::optional_line;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::privacy::access::{self as store, AccessRequest, PersonData, PersonListed, ReadRow, ResponseRow};
use samla_storage::StoreError;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// Most persons a search lists.
pub const SEARCH_LIMIT: usize = 50;
/// Most characters searched for.
pub const SEARCH_MAX_CHARS: usize = 200;

/// A request with its last day and where it stands today.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RequestSummary {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    #[schema(value_type = String, format = Date)]
    pub received_on: NaiveDate,
    /// The last day to answer: a month after it came.
    #[schema(value_type = String, format = Date)]
    pub answer_by: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub answered_on: Option<NaiveDate>,
    /// open, overdue or answered.
    pub state: String,
    pub registered_by: Option<String>,
    pub answered_by: Option<String>,
}

/// A person a search found.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonFound {
    pub id: i64,
    pub name: String,
    /// child, guardian or adult.
    pub household_role: String,
    pub birth_year: Option<i32>,
}

fn day(raw: &str) -> Result<NaiveDate, WebError> {
    raw.parse().map_err(|_| WebError::Internal(format!("stored day does not read: {raw}")))
}

fn summary(today: NaiveDate, request: AccessRequest) -> Result<RequestSummary, WebError> {
    let received_on = day(&request.received_on)?;
    let answered_on = request.answered_on.as_deref().map(day).transpose()?;
    Ok(RequestSummary {
        id: request.id,
        person_id: request.person_id,
        person_name: request.person_name,
        received_on,
        answer_by: rules::answer_by(received_on),
        answered_on,
        state: rules::state(received_on, answered_on, today).as_str().to_string(),
        registered_by: request.registered_by_name,
        answered_by: request.answered_by_name,
    })
}

/// The persons of the organisation whose name has every word of `query`; empty for a query
/// too short to search by (nothing is read then, and nothing audited). A query that is not
/// one line of text is refused at `q`.
pub async fn find_persons(state: &AppState, actor: &Actor, query: &str) -> Result<Vec<PersonFound>, WebError> {
    actor.authorize(state, Action::AnswerAccessRequests).await?;
    let query = optional_line("q", query, SEARCH_MAX_CHARS).map_err(|e| WebError::Invalid(FieldErrors::single(e)))?;
    let words = rules::search_words(query.as_deref().unwrap_or(""));
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let persons = store::persons(&mut conn, actor.organisation.id).await?;
    drop(conn);
    let found: Vec<PersonFound> = persons
        .into_iter()
        .filter(|p| rules::name_matches(&p.name, &words))
        .take(SEARCH_LIMIT)
        .map(|PersonListed { id, name, birth_date, household_role }| PersonFound {
            id,
            name,
            household_role,
            birth_year: birth_date.and_then(|d| d.parse::<NaiveDate>().ok()).map(|d| chrono::Datelike::year(&d)),
        })
        .collect();
    actor.record_read(state, "person.search", "organisation", actor.organisation.id).await?;
    Ok(found)
}

/// The organisation's requests, those still to answer first.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<RequestSummary>, WebError> {
    actor.authorize(state, Action::AnswerAccessRequests).await?;
    let org = &actor.organisation;
    let today = org.today(&state.clock);
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let requests = store::list(&mut conn, org.id).await?;
    drop(conn);
    let requests = requests.into_iter().map(|r| summary(today, r)).collect::<Result<Vec<_>, _>>()?;
    actor.record_read(state, "access_request.list", "organisation", org.id).await?;
    Ok(requests)
}

/// How many requests still to answer are overdue, and how many are due within a week
/// (for the coordinator's home; counts only, no one's name).
pub async fn due(state: &AppState, actor: &Actor) -> Result<(usize, usize), WebError> {
    actor.authorize(state, Action::AnswerAccessRequests).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let received = store::open_received(&mut conn, actor.organisation.id).await?;
    let received: Vec<NaiveDate> = received.iter().map(|d| day(d)).collect::<Result<_, _>>()?;
    Ok(rules::due_counts(&received, actor.organisation.today(&state.clock)))
}

/// One request as the list shows it.
pub async fn one(state: &AppState, actor: &Actor, id: i64) -> Result<RequestSummary, WebError> {
    actor.authorize(state, Action::AnswerAccessRequests).await?;
    let today = actor.organisation.today(&state.clock);
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let request = store::get(&mut conn, actor.organisation.id, id).await?.ok_or(WebError::NotFound)?;
    drop(conn);
    actor.record_read(state, "access_request.view", "person", request.person_id).await?;
    summary(today, request)
}

/// Registers a request from `person_id`, received on the day typed (today when empty).
/// A person the organisation does not have is a field error on `person_id`.
pub async fn register(state: &AppState, actor: &Actor, person_id: i64, received_on: &str) -> Result<i64, WebError> {
    actor.authorize(state, Action::AnswerAccessRequests).await?;
    let org = &actor.organisation;
    let today = org.today(&state.clock);
    let mut errors = FieldErrors::new();
    let received_on = if received_on.trim().is_empty() {
        Some(today)
    } else {
        errors.take(rules::read_day("received_on", received_on, None, today))
    };
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    if !store::listed(&mut tx.tx, org.id, person_id).await? {
        errors.push(FieldError::new("person_id", "error-access-person"));
    }
    let Some(received_on) = received_on.filter(|_| errors.is_empty()) else {
        return Err(WebError::Invalid(errors));
    };
    let id = store::register(&mut tx.tx, org.id, person_id, &received_on.to_string(), (actor.user_id, now)).await?;
    crate::services::audit::commit_done(tx, actor, "access_request.register", ("person", person_id), now).await?;
    Ok(id)
}

/// Marks a request answered on the day typed (today when empty): not before it came, not
/// after today. An answered request is refused (409).
pub async fn mark_answered(state: &AppState, actor: &Actor, id: i64, answered_on: &str) -> Result<(), WebError> {
    actor.authorize(state, Action::AnswerAccessRequests).await?;
    let org = &actor.organisation;
    let today = org.today(&state.clock);
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let request = store::get(&mut tx.tx, org.id, id).await?.ok_or(WebError::NotFound)?;
    if request.answered_on.is_some() {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("answered_on", "error-access-answered"))));
    }
    let received_on = day(&request.received_on)?;
    let answered_on = if answered_on.trim().is_empty() {
        today
    } else {
        rules::read_day("answered_on", answered_on, Some(received_on), today).map_err(FieldErrors::single)?
    };
    store::mark_answered(&mut tx.tx, org.id, id, &answered_on.to_string(), actor.user_id).await?;
    crate::services::audit::commit_done(tx, actor, "access_request.answer", ("person", request.person_id), now).await
}

/// The person as samla keeps them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonDetails {
    pub name: String,
    /// child, guardian or adult.
    pub household_role: String,
    pub parental_responsibility: bool,
    pub birth_date: Option<String>,
    pub national_id: Option<String>,
    pub phone: String,
    pub email: String,
    /// female, male or other; none when not stated.
    pub sex: Option<String>,
    #[schema(value_type = String, format = Date)]
    pub registered_on: NaiveDate,
}

/// A step in an application's history.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationStep {
    #[schema(value_type = String, format = Date)]
    pub on: NaiveDate,
    pub kind: String,
    pub stage: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PreConversationHeld {
    pub number: i64,
    pub held_on: String,
    pub participants: String,
    pub notes: String,
    pub outcome: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OfferMade {
    pub course: String,
    pub status: String,
    #[schema(value_type = String, format = Date)]
    pub made_on: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub deadline: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub answered_on: Option<NaiveDate>,
}

/// An application they are the participant or the contact person of.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationHeld {
    pub reference: String,
    pub programme: String,
    pub course: Option<String>,
    /// self, guardian, referral or staff.
    pub kind: String,
    pub stage: String,
    /// Whether it is for them (or they are its contact person).
    pub about_them: bool,
    pub referrer_name: String,
    pub referrer_service: String,
    pub referrer_phone: String,
    pub referrer_email: String,
    pub reason: String,
    pub needs: String,
    #[schema(value_type = String, format = Date)]
    pub received_on: NaiveDate,
    pub history: Vec<ApplicationStep>,
    pub pre_conversations: Vec<PreConversationHeld>,
    pub offers: Vec<OfferMade>,
}

/// A consent they gave or that was given about them, with the text it was given under.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConsentHeld {
    pub given_by: String,
    pub about: String,
    pub purpose: String,
    pub capacity: String,
    pub method: String,
    #[schema(value_type = String, format = Date)]
    pub given_on: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub withdrawn_on: Option<NaiveDate>,
    pub text_version: i64,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlaceHeld {
    pub course: String,
    pub starts_on: String,
    /// participant or parent.
    pub role: String,
    /// active or dropped_out.
    pub status: String,
    #[schema(value_type = String, format = Date)]
    pub enrolled_on: NaiveDate,
    pub dropped_out_on: Option<String>,
    pub dropout_reason: Option<String>,
}

/// A mark on a session's attendance sheet (`kind` mark) or a notice of absence (`notice`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttendanceHeld {
    pub course: String,
    pub date: String,
    pub session: String,
    pub kind: String,
    pub attendance: String,
    pub note: String,
}

/// An observation written about them (`kind` observation), or the follow-up of their
/// absences with its outcome (`follow_up`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NoteHeld {
    pub course: String,
    pub kind: String,
    #[schema(value_type = String, format = Date)]
    pub written_on: NaiveDate,
    pub written_by: Option<String>,
    pub text: String,
}

/// The record of a meeting about them or that they took part in.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MeetingHeld {
    pub course: String,
    pub date: String,
    pub title: String,
    pub agenda: String,
    pub minutes: String,
    pub agreements: String,
}

/// One answer as given: yes, no, or the text or option chosen.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum AnswerGiven {
    Yes,
    No,
    Text(String),
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuestionAnswered {
    pub question: String,
    pub answers: Vec<AnswerGiven>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScaleScored {
    pub scale: String,
    /// None when too many items were missing to score.
    pub value: Option<f64>,
    pub band: Option<String>,
}

/// A questionnaire answered about them in an identified round, with its scores.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ResponseHeld {
    pub course: String,
    pub questionnaire: String,
    /// When in the course it was asked: session, before, end, follow_up or other.
    pub timing: String,
    pub submitted_on: String,
    pub answers: Vec<QuestionAnswered>,
    pub scores: Vec<ScaleScored>,
}

/// A mail sent to them or about their application.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MailHeld {
    pub to: String,
    pub subject: String,
    /// Empty where the text was erased after sending.
    pub body: String,
    /// queued, sent or failed.
    pub status: String,
    #[schema(value_type = String, format = Date)]
    pub written_on: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub sent_on: Option<NaiveDate>,
}

/// Who read a record showing their data, on one day, and how often.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReadBy {
    #[schema(value_type = String, format = Date)]
    pub on: NaiveDate,
    pub name: Option<String>,
    /// The reader's roles, comma-separated.
    pub role: Option<String>,
    pub organisation: Option<String>,
    /// What was read, as the audit trail's action (e.g. attendance.read).
    pub what: String,
    pub times: u32,
}

/// Everything samla holds about the person of one access request.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AccessReport {
    pub request: RequestSummary,
    pub person: PersonDetails,
    pub applications: Vec<ApplicationHeld>,
    pub consents: Vec<ConsentHeld>,
    pub places: Vec<PlaceHeld>,
    pub attendance: Vec<AttendanceHeld>,
    pub notes: Vec<NoteHeld>,
    pub meetings: Vec<MeetingHeld>,
    pub questionnaires: Vec<ResponseHeld>,
    pub mail: Vec<MailHeld>,
    /// Newest first.
    pub reads: Vec<ReadBy>,
}

/// The report of one request: read, audited against the person.
pub async fn report(state: &AppState, actor: &Actor, id: i64) -> Result<AccessReport, WebError> {
    actor.authorize(state, Action::AnswerAccessRequests).await?;
    let org = &actor.organisation;
    let today = org.today(&state.clock);
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let request = store::get(&mut conn, org.id, id).await?.ok_or(WebError::NotFound)?;
    let data = store::person_data(&mut conn, org.id, request.person_id).await?.ok_or(WebError::NotFound)?;
    drop(conn);
    actor.record_read(state, "access_request.read", "person", request.person_id).await?;
    let request = summary(today, request)?;
    Ok(assemble(org, request, data))
}

fn assemble(org: &OrgContext, request: RequestSummary, data: PersonData) -> AccessReport {
    let on = |unix: i64| org.local_date(unix);
    let PersonData {
        person,
        applications,
        events,
        pre_conversations,
        offers,
        consents,
        places,
        attendance,
        notes,
        meetings,
        responses,
        mail,
        reads,
    } = data;
    let applications = applications
        .into_iter()
        .map(|a| ApplicationHeld {
            history: events
                .iter()
                .filter(|e| e.application_id == a.id)
                .map(|e| ApplicationStep {
                    on: on(e.at),
                    kind: e.kind.clone(),
                    stage: e.stage_to.clone(),
                    note: e.note.clone(),
                })
                .collect(),
            pre_conversations: pre_conversations
                .iter()
                .filter(|p| p.application_id == a.id)
                .map(|p| PreConversationHeld {
                    number: p.number,
                    held_on: p.held_on.clone(),
                    participants: p.participants.clone(),
                    notes: p.notes.clone(),
                    outcome: p.outcome.clone(),
                })
                .collect(),
            offers: offers
                .iter()
                .filter(|o| o.application_id == a.id)
                .map(|o| OfferMade {
                    course: o.course_name.clone(),
                    status: o.status.clone(),
                    made_on: on(o.created_at),
                    deadline: on(o.deadline_at),
                    answered_on: o.responded_at.map(on),
                })
                .collect(),
            reference: a.reference,
            programme: a.programme_name,
            course: a.course_name,
            kind: a.kind,
            stage: a.stage,
            about_them: a.about_them != 0,
            referrer_name: a.referrer_name,
            referrer_service: a.referrer_service,
            referrer_phone: a.referrer_phone,
            referrer_email: a.referrer_email,
            reason: a.reason,
            needs: a.needs,
            received_on: on(a.created_at),
        })
        .collect();
    AccessReport {
        request,
        person: PersonDetails {
            name: person.name,
            household_role: person.household_role,
            parental_responsibility: person.parental_responsibility != 0,
            birth_date: person.birth_date,
            national_id: person.national_id,
            phone: person.phone,
            email: person.email,
            sex: person.sex,
            registered_on: on(person.created_at),
        },
        applications,
        consents: consents
            .into_iter()
            .map(|c| ConsentHeld {
                given_by: c.giver_name,
                about: c.participant_name,
                purpose: c.purpose,
                capacity: c.capacity,
                method: c.method,
                given_on: on(c.given_at),
                withdrawn_on: c.withdrawn_at.map(on),
                text_version: c.text_version,
                text: c.text_body,
            })
            .collect(),
        places: places
            .into_iter()
            .map(|p| PlaceHeld {
                course: p.course_name,
                starts_on: p.start_date,
                role: p.role,
                status: p.status,
                enrolled_on: on(p.enrolled_at),
                dropped_out_on: p.dropped_out_on,
                dropout_reason: p.dropout_reason,
            })
            .collect(),
        attendance: attendance
            .into_iter()
            .map(|a| AttendanceHeld {
                course: a.course_name,
                date: a.date,
                session: a.title,
                kind: a.kind,
                attendance: a.attendance,
                note: a.note,
            })
            .collect(),
        notes: notes
            .into_iter()
            .map(|n| NoteHeld {
                course: n.course_name,
                kind: n.kind,
                written_on: on(n.written_at),
                written_by: n.written_by,
                text: n.body,
            })
            .collect(),
        meetings: meetings
            .into_iter()
            .map(|m| MeetingHeld {
                course: m.course_name,
                date: m.date,
                title: m.title,
                agenda: m.agenda,
                minutes: m.minutes,
                agreements: m.agreements,
            })
            .collect(),
        questionnaires: responses.into_iter().map(response).collect(),
        mail: mail
            .into_iter()
            .map(|m| MailHeld {
                to: m.to_address,
                subject: m.subject,
                body: m.body_text,
                status: m.status,
                written_on: on(m.created_at),
                sent_on: m.sent_at.map(on),
            })
            .collect(),
        reads: reads_by_day(org, reads),
    }
}

/// One identified response, its answers with the questions as asked (the linkIds where
/// the definition no longer reads) and its scores.
fn response(row: ResponseRow) -> ResponseHeld {
    let answers: Answers = serde_json::from_str(&row.answers).unwrap_or_default();
    let definition = row.definition.as_deref().and_then(|d| import(d).ok());
    let answers = readable(definition.as_ref(), &answers)
        .into_iter()
        .map(|a| QuestionAnswered { question: a.question, answers: a.answers.into_iter().map(given).collect() })
        .collect();
    let scores: Option<Scores> = row.scores.as_deref().and_then(|s| serde_json::from_str(s).ok());
    let scores = scores
        .map(|s| {
            s.scales
                .into_iter()
                .map(|scale| {
                    let band = match &scale.outcome {
                        Outcome::Scored { band, .. } => band.clone(),
                        Outcome::TooManyMissing { .. } => None,
                    };
                    ScaleScored { value: scale.outcome.value(), band, scale: scale.id }
                })
                .collect()
        })
        .unwrap_or_default();
    ResponseHeld {
        course: row.course_name,
        questionnaire: row.title,
        timing: row.timing,
        submitted_on: row.submitted_on,
        answers,
        scores,
    }
}

fn given(shown: Shown) -> AnswerGiven {
    match shown {
        Shown::Yes => AnswerGiven::Yes,
        Shown::No => AnswerGiven::No,
        Shown::Text(text) => AnswerGiven::Text(text),
    }
}

/// A read's day, reader (name, roles, organisation) and what was read.
type ReadKey = (NaiveDate, Option<String>, Option<String>, Option<String>, String);

/// The reads folded per day, reader and what was read, newest day first.
fn reads_by_day(org: &OrgContext, reads: Vec<ReadRow>) -> Vec<ReadBy> {
    let mut folded: BTreeMap<ReadKey, u32> = BTreeMap::new();
    for read in reads {
        let key = (org.local_date(read.at), read.actor_name, read.actor_role, read.organisation_name, read.action);
        *folded.entry(key).or_default() += 1;
    }
    folded
        .into_iter()
        .rev()
        .map(|((on, name, role, organisation, what), times)| ReadBy { on, name, role, organisation, what, times })
        .collect()
}
