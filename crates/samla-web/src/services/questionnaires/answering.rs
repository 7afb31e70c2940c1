//! Answering a round: through a personal one-time link (`/a/{token}`), through the QR
//! code shown in the room (`/q/{open_token}` makes a walk-in link), or by staff typing in
//! a paper form.
//!
//! A submission is one transaction: the link is checked, the answers are checked against
//! the round's version (hidden questions' answers dropped first), scored with the version's
//! rules, stored, and the link marked used; on any refusal nothing is written.
//!
//! Nothing is added to a round that has closed (by staff or past its closing day) or whose
//! results are released: every submission holds the round open in its transaction
//! (`rounds::hold_open`), so a release either sees the response or the response is refused,
//! and released results never change.
//!
//! Anonymous rounds: the response row holds the round, the version, the language, the day
//! and the answers, nothing else: no subject, no typist, nothing from the token, the
//! address, the browser or a login.

use crate::auth::Actor;
use crate::error::WebError;
use crate::org::OrgContext;
use crate::services::audit::commit_done;
use crate::services::questionnaires::library::{self, LoadedVersion};
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::questionnaires::answers::{drop_disabled, normalise_texts, validate_answers, Answers};
use samla_domain::questionnaires::rounds::Mode;
use samla_domain::questionnaires::{paging, scoring};
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::questionnaires::responses::{self as store, LinkState, NewResponse, RecipientLink};
use samla_storage::questionnaires::rounds::{self, Round};
use samla_storage::running::overview;
use samla_storage::StoreError;
use sqlx::AnyConnection;

/// How long a walk-in link made from the QR code lasts: long enough to finish later the
/// same week, and the round's closing ends it sooner.
pub const WALK_IN_SECONDS: i64 = 7 * 24 * 3600;

/// The field a refusal about the whole response is named by.
pub const WHOLE: &str = "answers";

/// A link whose form can be filled in.
#[derive(Debug, Clone)]
pub struct AnswerForm {
    pub link: RecipientLink,
    pub version: LoadedVersion,
    /// The answers saved so far (save and continue).
    pub draft: Answers,
    /// The page the respondent reached, 0-based.
    pub page: usize,
}

/// What a link leads to.
#[derive(Debug, Clone)]
pub enum Opened {
    Open(Box<AnswerForm>),
    /// Used, expired, closed or not yet open; with the organisation's name for the page.
    Closed {
        state: LinkState,
        organisation_name: String,
    },
    Unknown,
}

/// Today (`YYYY-MM-DD`) where the organisation of a link or a QR code is: its round's
/// days are that organisation's days.
async fn today_of(conn: &mut AnyConnection, state: &AppState, organisation_id: i64) -> Result<String, WebError> {
    Ok(OrgContext::load(conn, organisation_id).await?.today(&state.clock).to_string())
}

fn conn_err(error: sqlx::Error) -> WebError {
    StoreError::from(error).into()
}

/// The link with this token and where it stands.
pub async fn open(state: &AppState, token: &str) -> Result<Opened, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(conn_err)?;
    let Some(link) = store::find_link(&mut conn, &hash_secret(token)).await? else {
        return Ok(Opened::Unknown);
    };
    let today = today_of(&mut conn, state, link.organisation_id).await?;
    let link_state = link.state(&today, state.clock.now());
    if link_state != LinkState::Open {
        return Ok(Opened::Closed { state: link_state, organisation_name: link.organisation_name });
    }
    let version = library::load_version(&mut conn, link.version_id).await?;
    // A draft that no longer reads (it never should) starts the form afresh.
    let draft = link.draft.as_deref().and_then(|json| serde_json::from_str(json).ok()).unwrap_or_default();
    let page = link.draft_page.unwrap_or(0).max(0) as usize;
    Ok(Opened::Open(Box::new(AnswerForm { link, version, draft, page })))
}

/// The refusal for a link that cannot take answers: 404 unknown, 409 used or not yet
/// open, 410 expired or closed.
pub fn refusal(link_state: Option<LinkState>) -> WebError {
    match link_state {
        None => WebError::NotFound,
        Some(LinkState::Answered) => {
            WebError::Refused(FieldErrors::single(FieldError::new("token", "qans-error-used")))
        }
        Some(LinkState::NotYetOpen) => {
            WebError::Refused(FieldErrors::single(FieldError::new("token", "qans-error-not-yet-open")))
        }
        Some(LinkState::Expired | LinkState::RoundClosed) => WebError::Gone,
        Some(LinkState::Open) => WebError::Internal("an open link refused".into()),
    }
}

/// Keeps the answers so far and the page reached, on an open link only.
pub async fn keep_draft(state: &AppState, token: &str, draft: &Answers, page: usize) -> Result<(), WebError> {
    let json = serde_json::to_string(draft).map_err(|e| WebError::Internal(e.to_string()))?;
    let mut tx = state.store.write().await?;
    let Some(link) = store::find_link(&mut tx.tx, &hash_secret(token)).await? else {
        return Err(WebError::NotFound);
    };
    let today = today_of(&mut tx.tx, state, link.organisation_id).await?;
    let link_state = link.state(&today, state.clock.now());
    if link_state != LinkState::Open {
        return Err(refusal(Some(link_state)));
    }
    store::save_draft(&mut tx.tx, link.recipient_id, &json, page as i64).await?;
    tx.commit().await?;
    Ok(())
}

/// Checks answers against the version and scores them: the answers as stored (hidden
/// questions' answers dropped) and the scores as JSON. Problems are field errors named by
/// linkId ([`WHOLE`] for an empty response).
pub fn check_and_score(
    version: &LoadedVersion,
    language: &str,
    answers: &Answers,
) -> Result<(Answers, Option<String>), WebError> {
    let definition = version.definition(language);
    let answers = drop_disabled(definition, answers);
    if let Err(problems) = validate_answers(definition, &answers) {
        return Err(WebError::Invalid(FieldErrors(problems.iter().map(|p| p.to_field_error()).collect())));
    }
    let answers = normalise_texts(&answers);
    if paging::is_empty(&answers) {
        return Err(WebError::Invalid(FieldErrors::single(FieldError::new(WHOLE, "qans-error-nothing-answered"))));
    }
    let scores = match &version.scoring {
        Some(rules) => Some(
            serde_json::to_string(&scoring::score(rules, definition, &answers))
                .map_err(|e| WebError::Internal(e.to_string()))?,
        ),
        None => None,
    };
    Ok((answers, scores))
}

/// Stores the response to a personal or walk-in link in one transaction and marks the link
/// used. `language` is the language the form was shown in (the version's nb when it lacks
/// that language). Returns the response's id and the day it was stored on.
pub async fn submit(
    state: &AppState,
    token: &str,
    language: &str,
    answers: &Answers,
) -> Result<(i64, String), WebError> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let Some(link) = store::find_link(&mut tx.tx, &hash_secret(token)).await? else {
        return Err(WebError::NotFound);
    };
    let today = today_of(&mut tx.tx, state, link.organisation_id).await?;
    let link_state = link.state(&today, now);
    if link_state != LinkState::Open {
        return Err(refusal(Some(link_state)));
    }
    if !rounds::hold_open(&mut tx.tx, link.round_id, &today).await? {
        return Err(refusal(Some(LinkState::RoundClosed)));
    }
    let version = library::load_version(&mut tx.tx, link.version_id).await?;
    let language = version.language_for(language);
    let (answers, scores) = check_and_score(&version, &language, answers)?;
    let answers_json = serde_json::to_string(&answers).map_err(|e| WebError::Internal(e.to_string()))?;
    let identified = link.mode == Mode::Identified;
    let id = store::insert(
        &mut tx.tx,
        &NewResponse {
            round_id: link.round_id,
            version_id: link.version_id,
            language: &language,
            submitted_on: &today,
            subject_participant_id: if identified { link.subject_participant_id } else { None },
            entered_by: None,
            on_paper: false,
            answers: &answers_json,
            scores: scores.as_deref(),
        },
    )
    .await?;
    if !store::mark_answered(&mut tx.tx, link.recipient_id, &today).await? {
        // Another submit of the same link got there first: this one stores nothing.
        return Err(refusal(Some(LinkState::Answered)));
    }
    tx.commit().await?;
    Ok((id, today))
}

/// A fresh one-time link made from a round's QR code: the token (shown once, in the
/// redirect) of a new walk-in recipient. Anonymous open rounds only; other rounds' codes
/// are not found, closed ones are gone.
pub async fn open_walk_in(state: &AppState, open_token: &str) -> Result<String, WebError> {
    let mut tx = state.store.write().await?;
    let Some(round) = store::find_open_round(&mut tx.tx, open_token).await? else {
        return Err(WebError::NotFound);
    };
    if round.mode != Mode::Anonymous {
        return Err(WebError::NotFound);
    }
    match round.state(&today_of(&mut tx.tx, state, round.organisation_id).await?) {
        LinkState::Open => {}
        other => return Err(refusal(Some(other))),
    }
    let token = random_token(24);
    store::add_walk_in(&mut tx.tx, round.round_id, &hash_secret(&token), state.clock.now() + WALK_IN_SECONDS).await?;
    tx.commit().await?;
    Ok(token)
}

/// Where a QR code leads without making anything: for the kind page of a closed round.
pub async fn open_round_state(state: &AppState, open_token: &str) -> Result<Option<(LinkState, String)>, WebError> {
    let mut conn = state.store.pool().acquire().await.map_err(conn_err)?;
    let Some(round) = store::find_open_round(&mut conn, open_token).await?.filter(|r| r.mode == Mode::Anonymous) else {
        return Ok(None);
    };
    let today = today_of(&mut conn, state, round.organisation_id).await?;
    Ok(Some((round.state(&today), round.organisation_name)))
}

/// The round with its course, if the actor may run evaluations on the course.
pub async fn round_for_entry(state: &AppState, actor: &Actor, round_id: i64) -> Result<Round, WebError> {
    let round = {
        let mut conn = state.store.pool().acquire().await.map_err(conn_err)?;
        rounds::get(&mut conn, actor.organisation.id, round_id).await?
    };
    actor.on_course(state, Action::RunEvaluations, round.course_id).await?;
    Ok(round)
}

/// A participant the paper form can be about.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Subject {
    pub id: i64,
    /// The name when the actor may see participants' names, else "" (the page numbers them).
    pub name: String,
    pub answered: bool,
}

/// What the paper-entry page needs: the round, its version and (identified rounds) the
/// participants it can be about.
pub struct PaperForm {
    pub round: Round,
    pub version: LoadedVersion,
    pub subjects: Vec<Subject>,
    /// The round takes no more answers (closed by staff or past its last day).
    pub closed: bool,
}

/// Whether the round takes no more answers on the organisation's today.
fn takes_no_answers(state: &AppState, actor: &Actor, round: &Round) -> bool {
    round.closed_at.is_some()
        || round.results_released_at.is_some()
        || actor.organisation.today(&state.clock).to_string().as_str() > round.closes_on.as_str()
}

fn round_closed() -> WebError {
    WebError::Refused(FieldErrors::single(FieldError::new(WHOLE, "qans-error-round-closed")))
}

pub async fn paper_form(state: &AppState, actor: &Actor, round_id: i64) -> Result<PaperForm, WebError> {
    let round = round_for_entry(state, actor, round_id).await?;
    let names =
        actor.may_on_course(&state.clock, state.store.pool(), Action::ViewParticipantContacts, round.course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(conn_err)?;
    let version = library::load_version(&mut conn, round.version_id).await?;
    let closed = takes_no_answers(state, actor, &round);
    let mut subjects = Vec::new();
    // A closed round has nobody to choose: its page says so instead of showing the form.
    if round.mode == Mode::Identified && !closed {
        for p in overview::participants(&mut conn, round.course_id).await? {
            let answered = store::has_response_about(&mut conn, round.id, p.id).await?;
            subjects.push(Subject { id: p.id, name: if names { p.name } else { String::new() }, answered });
        }
    }
    drop(conn);
    if names && !subjects.is_empty() {
        crate::services::audit::record(
            state,
            actor.event("questionnaire.paper.participants", Outcome::Success).record("round", round.id),
        )
        .await?;
    }
    Ok(PaperForm { round, version, subjects, closed })
}

/// Stores one paper form typed in by staff. Identified rounds need the participant it is
/// about (one response per participant) and keep who typed it; anonymous rounds take no
/// participant and keep nothing about the typist with the response. A round that has
/// closed takes none (409, field `answers`).
pub async fn enter_paper(
    state: &AppState,
    actor: &Actor,
    round_id: i64,
    language: &str,
    answers: &Answers,
    subject_participant_id: Option<i64>,
) -> Result<i64, WebError> {
    let round = round_for_entry(state, actor, round_id).await?;
    let identified = round.mode == Mode::Identified;
    let now = state.clock.now();
    let today = actor.organisation.today(&state.clock).to_string();
    let mut tx = state.store.write().await?;
    if takes_no_answers(state, actor, &round) || !rounds::hold_open(&mut tx.tx, round.id, &today).await? {
        return Err(round_closed());
    }
    let subject = check_subject(&mut tx.tx, &round, subject_participant_id).await?;
    let version = library::load_version(&mut tx.tx, round.version_id).await?;
    let language = version.language_for(language);
    let (answers, scores) = check_and_score(&version, &language, answers)?;
    let answers_json = serde_json::to_string(&answers).map_err(|e| WebError::Internal(e.to_string()))?;
    let id = store::insert(
        &mut tx.tx,
        &NewResponse {
            round_id: round.id,
            version_id: round.version_id,
            language: &language,
            submitted_on: &today,
            subject_participant_id: subject,
            entered_by: identified.then_some(actor.user_id),
            on_paper: true,
            answers: &answers_json,
            scores: scores.as_deref(),
        },
    )
    .await?;
    if let Some(participant) = subject {
        // The participant's own link (if any) is spent: no reminder, no second answer.
        sqlx::query(
            "UPDATE round_recipients SET answered_on = $1, draft = NULL, draft_page = NULL
             WHERE round_id = $2 AND subject_participant_id = $3 AND answered_on IS NULL",
        )
        .bind(&today)
        .bind(round.id)
        .bind(participant)
        .execute(&mut *tx.tx)
        .await
        .map_err(conn_err)?;
    }
    // The audit row names the round, never the response: in an anonymous round it must not
    // tie the typist to one set of answers.
    commit_done(tx, actor, "questionnaire.paper", ("round", round.id), now).await?;
    Ok(id)
}

async fn check_subject(conn: &mut AnyConnection, round: &Round, subject: Option<i64>) -> Result<Option<i64>, WebError> {
    let field = |code| WebError::Invalid(FieldErrors::single(FieldError::new("subject_participant_id", code)));
    match (round.mode == Mode::Identified, subject) {
        (false, None) => Ok(None),
        (false, Some(_)) => Err(field("qans-error-subject-anonymous")),
        (true, None) => Err(field("qans-error-subject-required")),
        (true, Some(id)) => {
            match overview::participant(conn, round.course_id, id).await {
                Ok(_) => {}
                Err(StoreError::NotFound) => return Err(field("qans-error-subject-unknown")),
                Err(other) => return Err(other.into()),
            }
            if store::has_response_about(conn, round.id, id).await? {
                return Err(WebError::Refused(FieldErrors::single(FieldError::new(
                    "subject_participant_id",
                    "qans-error-subject-answered",
                ))));
            }
            Ok(Some(id))
        }
    }
}
