//! Rounds of asking: starting one on a course (or one of its sessions) for a
//! questionnaire's newest version, whom it asks, the outcome schedule (before, end,
//! follow-up), closing, and the invitations and one reminder the housekeeping loop sends
//! through the outbox ([`send_due`]). The rules of days and reminders are in
//! `samla_domain::questionnaires::rounds`.
//!
//! Who may do what:
//! - start, schedule and close rounds: `RunEvaluations` on the course (coordinators and
//!   secretaries everywhere, group leaders on their courses);
//! - see a course's rounds with their counts: also `ViewEvaluationResults` (user
//!   representatives on their courses, analysts);
//! - see who was asked, by name: `ViewParticipantContacts` on the course as well, and
//!   every such look is audited. Nobody sees what anyone answered here.
//!
//! Personal links: a random one-time token per recipient, of which only the sha256 hash
//! is kept. Because the token itself is never stored, every mail carries a fresh link
//! (the invitation makes one, the reminder another, and the earlier one stops working);
//! a round's save-and-continue draft is kept on the recipient, so nothing is lost.
//! A QR-code round (anonymous only) asks whoever is in the room through its `open_token`
//! and makes no personal links: people scanning the code get one each (walk-ins).
//!
//! Results are released when a round closes — staff close it, or its closing day passes in
//! the organisation's time zone — and never change after ([`release_closed`],
//! [`release_due`]); until then they show the count of answers only, so reading them
//! before and after one more answer tells nothing about it.

use crate::auth::Actor;
use crate::error::WebError;
use crate::org::OrgContexts;
use crate::services::audit::commit_done;
use crate::services::course_access::OnCourse;
use crate::services::outbox::OutgoingMail;
use crate::services::questionnaires::library;
use crate::services::running::access::is_closed;
use crate::services::running::reminders::queue_or_skip;
use crate::AppState;
use chrono::NaiveDate;
use samla_domain::accounts::Language;
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::questionnaires::rounds::{
    self as rules, Audience, CourseDays, Mode, RoundPlan, RoundRequest, RoundState, SessionChoice, Timing,
};
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::courses::{self, Course, CourseSession};
use samla_storage::questionnaires::rounds::{
    self as store, DueRound, NewRecipient, NewRound, RecipientRow, Round, RoundSummary, UnreleasedRound,
};
use samla_storage::{audit, StoreError, WriteTx};
use sqlx::AnyConnection;

/// The round of the organisation and its course, if the actor may do `action` on that
/// course; a refusal is audited (403), a round of another organisation is not found.
pub async fn round_for(
    state: &AppState,
    actor: &Actor,
    action: Action,
    round_id: i64,
) -> Result<(OnCourse, Round), WebError> {
    let round = {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        store::get(&mut conn, actor.organisation.id, round_id).await?
    };
    let course = actor.on_course(state, action, round.course_id).await?;
    Ok((course, round))
}

/// The course, if the actor may see its rounds (run evaluations or see their results).
async fn readable_course(state: &AppState, actor: &Actor, course_id: i64) -> Result<OnCourse, WebError> {
    actor.on_course_for_either(state, [Action::RunEvaluations, Action::ViewEvaluationResults], course_id).await
}

/// The public link behind a round's QR code.
pub fn open_link(state: &AppState, round: &Round) -> Option<String> {
    round.open_token.as_ref().map(|token| format!("{}/q/{token}", state.config.public_url.trim_end_matches('/')))
}

/// Where a round stands today.
pub fn state_of(state: &AppState, actor: &Actor, round: &Round) -> RoundState {
    let day = |raw: &str| crate::services::courses::parse_date(raw).unwrap_or_default();
    rules::round_state(
        day(&round.opens_on),
        day(&round.closes_on),
        round.closed_at.is_some(),
        actor.organisation.today(&state.clock),
    )
}

/// The course's planned sessions (not meetings, not cancelled), each with its number.
pub fn numbered_sessions(all: &[CourseSession]) -> Vec<(CourseSession, usize)> {
    let mut number = 0;
    let mut out = Vec::new();
    for session in all.iter().filter(|s| s.kind.is_session()) {
        number += 1;
        if !session.status.is_cancelled() {
            out.push((session.clone(), number));
        }
    }
    out
}

fn course_days(course: &Course, sessions: &[(CourseSession, usize)]) -> CourseDays {
    let day = |raw: &str| crate::services::courses::parse_date(raw);
    let start = day(&course.start_date).unwrap_or_default();
    let dates: Vec<NaiveDate> = sessions.iter().filter_map(|(s, _)| day(&s.date)).collect();
    CourseDays {
        first: dates.iter().min().copied().unwrap_or(start),
        last: dates.iter().max().copied().unwrap_or(start),
    }
}

/// A course's rounds as the evaluations page and the API show them.
pub struct CourseRounds {
    pub course: Course,
    pub rounds: Vec<RoundSummary>,
    /// The course's sessions a round can be about, with their numbers.
    pub sessions: Vec<(CourseSession, usize)>,
    /// The questionnaires a round can use (id, title), for those who may start rounds.
    pub questionnaires: Vec<(i64, String)>,
    pub may_run: bool,
    pub may_see_names: bool,
    pub today: NaiveDate,
}

pub async fn course_rounds(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    language: &str,
) -> Result<CourseRounds, WebError> {
    let course = readable_course(state, actor, course_id).await?;
    let may_run = actor.may_on_course(&state.clock, state.store.pool(), Action::RunEvaluations, course_id).await?
        && !is_closed(&course);
    let may_see_names =
        actor.may_on_course(&state.clock, state.store.pool(), Action::ViewParticipantContacts, course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let rounds = store::list_for_course(&mut conn, course_id, language).await?;
    let sessions = numbered_sessions(&courses::sessions(&mut conn, course_id).await?);
    let questionnaires = if may_run {
        store::questionnaire_choices(&mut conn, actor.organisation.id, language).await?
    } else {
        Vec::new()
    };
    Ok(CourseRounds {
        course: course.into_course(),
        rounds,
        sessions,
        questionnaires,
        may_run,
        may_see_names,
        today: actor.organisation.today(&state.clock),
    })
}

/// One round as its page and the API show it.
pub struct RoundView {
    pub course: Course,
    pub summary: RoundSummary,
    pub state: RoundState,
    /// The QR code's link, for those who may run the round.
    pub open_link: Option<String>,
    pub may_run: bool,
    pub may_see_names: bool,
    /// The session's number and day, for a session round.
    pub session: Option<(CourseSession, usize)>,
}

pub async fn round_view(state: &AppState, actor: &Actor, round_id: i64, language: &str) -> Result<RoundView, WebError> {
    let round = {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        store::get(&mut conn, actor.organisation.id, round_id).await?
    };
    let course = readable_course(state, actor, round.course_id).await?;
    let may_run = actor.may_on_course(&state.clock, state.store.pool(), Action::RunEvaluations, course.id).await?;
    let may_see_names =
        actor.may_on_course(&state.clock, state.store.pool(), Action::ViewParticipantContacts, course.id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let summary = store::summary(&mut conn, round_id, language).await?;
    let session = match round.session_id {
        Some(id) => {
            numbered_sessions(&courses::sessions(&mut conn, course.id).await?).into_iter().find(|(s, _)| s.id == id)
        }
        None => None,
    };
    drop(conn);
    let round_state = state_of(state, actor, &round);
    let open_link = (may_run && round_state != RoundState::Closed).then(|| open_link(state, &round)).flatten();
    Ok(RoundView {
        course: course.into_course(),
        summary,
        state: round_state,
        open_link,
        may_run,
        may_see_names,
        session,
    })
}

/// Who a round asked, by name, with invited/reminded/answered — never what they
/// answered. Needs the right to see participants' contacts on the course; audited.
pub async fn recipients(state: &AppState, actor: &Actor, round_id: i64) -> Result<Vec<RecipientRow>, WebError> {
    let round = {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        store::get(&mut conn, actor.organisation.id, round_id).await?
    };
    readable_course(state, actor, round.course_id).await?;
    actor.on_course(state, Action::ViewParticipantContacts, round.course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let rows = store::recipients(&mut conn, round_id).await?;
    drop(conn);
    actor.record_read(state, "questionnaire_round.recipients", "questionnaire_round", round_id).await?;
    Ok(rows)
}

/// A request to start a round: the questionnaire and the rest as typed or sent.
pub struct StartRound<'a> {
    pub questionnaire_id: Option<i64>,
    pub request: RoundRequest<'a>,
}

/// Whom a round asks, as rows to add.
async fn recipients_of(
    conn: &mut AnyConnection,
    course_id: i64,
    audience: Audience,
    mode: Mode,
) -> Result<Vec<NewRecipient>, WebError> {
    let identified = mode == Mode::Identified;
    let mut out: Vec<NewRecipient> = Vec::new();
    match audience {
        Audience::Participants => {
            for (participant_id, person_id) in store::active_participants(conn, course_id).await? {
                out.push(NewRecipient {
                    subject_participant_id: identified.then_some(participant_id),
                    person_id: Some(person_id),
                    user_id: None,
                });
            }
        }
        Audience::Guardians => {
            for (participant_id, person_id) in store::guardians(conn, course_id).await? {
                // Identified: one form per child (answers are about that child).
                // Anonymous: one per grown-up, since nothing ties the answers to a child.
                let duplicate = out.iter().any(|r| {
                    r.person_id == Some(person_id) && (!identified || r.subject_participant_id == Some(participant_id))
                });
                if !duplicate {
                    out.push(NewRecipient {
                        subject_participant_id: identified.then_some(participant_id),
                        person_id: Some(person_id),
                        user_id: None,
                    });
                }
            }
        }
        Audience::Staff => {
            for user_id in store::staff(conn, course_id).await? {
                out.push(NewRecipient { subject_participant_id: None, person_id: None, user_id: Some(user_id) });
            }
        }
    }
    Ok(out)
}

/// Makes a round and its recipients inside `tx`; sends its invitations at once when it
/// opens today (or opened before).
#[allow(clippy::too_many_arguments)]
async fn create_in(
    tx: &mut WriteTx,
    state: &AppState,
    actor: &Actor,
    course: &OnCourse,
    version_id: i64,
    plan: &RoundPlan,
    field: &'static str,
    now: i64,
) -> Result<i64, WebError> {
    let asked = if plan.qr_code {
        Vec::new()
    } else {
        let asked = recipients_of(&mut tx.tx, course.id, plan.audience, plan.mode).await?;
        if asked.is_empty() {
            return Err(FieldErrors::single(FieldError::new(field, "error-qround-nobody")).into());
        }
        asked
    };
    let open_token = plan.qr_code.then(|| random_token(12));
    let follow_up_months = plan.follow_up_months.map(i64::from);
    let (opens_on, closes_on) = (plan.opens_on.to_string(), plan.closes_on.to_string());
    let id = store::create(
        &mut tx.tx,
        &NewRound {
            organisation_id: actor.organisation.id,
            course_id: course.id,
            session_id: plan.session_id,
            version_id,
            audience: plan.audience,
            mode: plan.mode,
            timing: plan.timing,
            opens_on: &opens_on,
            closes_on: &closes_on,
            follow_up_months,
            open_token: open_token.as_deref(),
            created_by: Some(actor.user_id),
        },
        now,
    )
    .await?;
    let expires_at = rules::link_expiry(plan.closes_on, &actor.organisation.timezone());
    for recipient in &asked {
        // Nobody knows this token: the invitation gives each a fresh one.
        store::add_recipient(&mut tx.tx, id, recipient, &hash_secret(&random_token(24)), expires_at).await?;
    }
    audit::append(
        tx,
        &actor.event("questionnaire_round.start", Outcome::Success).record("questionnaire_round", id),
        now,
    )
    .await?;
    let today = actor.organisation.today(&state.clock);
    if !plan.qr_code && rules::invitations_due(plan.opens_on, plan.closes_on, false, false, today) {
        let due = DueRound {
            id,
            organisation_id: actor.organisation.id,
            organisation_name: actor.organisation.name.clone(),
            opens_on,
            closes_on,
            invitations_sent_at: None,
        };
        mail_in(tx, state, Mailing { round: &due, fallback: actor.organisation.language(), reminder: false }, now)
            .await?;
    }
    Ok(id)
}

fn version_error(error: WebError, field: &'static str) -> WebError {
    match error {
        WebError::NotFound => FieldErrors::single(FieldError::new(field, "error-qround-questionnaire")).into(),
        other => other,
    }
}

/// Starts a round on a course; returns its id.
pub async fn start(state: &AppState, actor: &Actor, course_id: i64, start: &StartRound<'_>) -> Result<i64, WebError> {
    let course = actor.on_course(state, Action::RunEvaluations, course_id).await?;
    let today = actor.organisation.today(&state.clock);
    let sessions = {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        numbered_sessions(&courses::sessions(&mut conn, course_id).await?)
    };
    let choices: Vec<SessionChoice> = sessions
        .iter()
        .filter_map(|(s, _)| crate::services::courses::parse_date(&s.date).map(|date| SessionChoice { id: s.id, date }))
        .collect();
    let mut errors = FieldErrors::new();
    if is_closed(&course) {
        errors.push(FieldError::new("questionnaire_id", "error-course-closed"));
    }
    if start.questionnaire_id.is_none() {
        errors.push(FieldError::new("questionnaire_id", "error-qround-questionnaire"));
    }
    let plan = match rules::check_request(&start.request, course_days(&course, &sessions), &choices, today) {
        Ok(plan) => Some(plan),
        Err(more) => {
            errors.0.extend(more.0);
            None
        }
    };
    let mut tx = state.store.write().await?;
    let version_id = match start.questionnaire_id {
        Some(q) => match library::latest_version_id(&mut tx.tx, actor.organisation.id, q).await {
            Ok(v) => Some(v),
            Err(e) => match version_error(e, "questionnaire_id") {
                WebError::Invalid(found) => {
                    errors.0.extend(found.0);
                    None
                }
                other => return Err(other),
            },
        },
        None => None,
    };
    errors.finish(|| ())?;
    let (Some(plan), Some(version_id)) = (plan, version_id) else {
        return Err(WebError::Internal("round request checked without a plan".into()));
    };
    let now = state.clock.now();
    let id = create_in(&mut tx, state, actor, &course, version_id, &plan, "audience", now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Schedules the three identified rounds of an outcome measure (before, at the end and
/// the follow-up `follow_up_months` after the end) in one transaction; returns their ids.
pub async fn schedule_outcome(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    questionnaire_id: Option<i64>,
    audience: &str,
    follow_up_months: Option<i64>,
) -> Result<Vec<i64>, WebError> {
    let course = actor.on_course(state, Action::RunEvaluations, course_id).await?;
    let today = actor.organisation.today(&state.clock);
    let sessions = {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        numbered_sessions(&courses::sessions(&mut conn, course_id).await?)
    };
    let days = course_days(&course, &sessions);
    let mut errors = FieldErrors::new();
    if is_closed(&course) {
        errors.push(FieldError::new("questionnaire_id", "error-course-closed"));
    }
    if questionnaire_id.is_none() {
        errors.push(FieldError::new("questionnaire_id", "error-qround-questionnaire"));
    }
    let audience = Audience::parse(audience.trim());
    if audience.is_none() {
        errors.push(FieldError::new("audience", "error-qround-audience"));
    }
    let months = match follow_up_months {
        None => Some(rules::DEFAULT_FOLLOW_UP_MONTHS),
        Some(m) if rules::FOLLOW_UP_MONTHS.contains(&m) => u32::try_from(m).ok(),
        Some(_) => {
            errors.push(
                FieldError::new("follow_up_months", "error-qround-follow-up-months")
                    .with_arg("min", rules::FOLLOW_UP_MONTHS.start())
                    .with_arg("max", rules::FOLLOW_UP_MONTHS.end()),
            );
            None
        }
    };
    let mut tx = state.store.write().await?;
    let mut version_id = None;
    if let Some(q) = questionnaire_id {
        match library::latest_version_id(&mut tx.tx, actor.organisation.id, q).await {
            Ok(v) => version_id = Some(v),
            Err(e) => match version_error(e, "questionnaire_id") {
                WebError::Invalid(found) => errors.0.extend(found.0),
                other => return Err(other),
            },
        }
    }
    errors.finish(|| ())?;
    let (Some(audience), Some(months), Some(version_id)) = (audience, months, version_id) else {
        return Err(WebError::Internal("outcome schedule checked without its parts".into()));
    };
    let now = state.clock.now();
    let mut ids = Vec::new();
    for (timing, opens_on, closes_on) in rules::outcome_schedule(days, months, today) {
        let plan = RoundPlan {
            audience,
            mode: Mode::Identified,
            timing,
            session_id: None,
            opens_on,
            closes_on,
            follow_up_months: (timing == Timing::FollowUp).then_some(months),
            qr_code: false,
        };
        ids.push(create_in(&mut tx, state, actor, &course, version_id, &plan, "audience", now).await?);
    }
    commit_done(tx, actor, "questionnaire_round.schedule_outcome", ("course", course_id), now).await?;
    Ok(ids)
}

/// Closes a round: its links (personal and QR) stop working now, and its results are
/// released. Closing a closed round is refused (422, field `round`).
pub async fn close(state: &AppState, actor: &Actor, round_id: i64) -> Result<(), WebError> {
    let (_, round) = round_for(state, actor, Action::RunEvaluations, round_id).await?;
    let now = state.clock.now();
    if state_of(state, actor, &round) == RoundState::Closed && round.closed_at.is_some() {
        return Err(FieldErrors::single(FieldError::new("round", "error-qround-already-closed")).into());
    }
    let mut tx = state.store.write().await?;
    if !store::close(&mut tx.tx, round_id, now).await? {
        return Err(FieldErrors::single(FieldError::new("round", "error-qround-already-closed")).into());
    }
    commit_done(tx, actor, "questionnaire_round.close", ("questionnaire_round", round_id), now).await?;
    Ok(())
}

// ---------------------------------------------------------------------------------
// Releasing results when a round closes
// ---------------------------------------------------------------------------------

/// Releases the round's results inside `tx`, with an audit row of its own (nobody's
/// action: the round closed). False when they were released already.
async fn release_in(tx: &mut WriteTx, organisation_id: i64, round_id: i64, now: i64) -> Result<bool, WebError> {
    if !store::release(&mut tx.tx, round_id, now).await? {
        return Ok(false);
    }
    let mut event =
        AuditEvent::new("questionnaire_round.release", Outcome::Success).record("questionnaire_round", round_id);
    event.organisation_id = Some(organisation_id);
    audit::append(tx, &event, now).await?;
    Ok(true)
}

/// Whether the round's results are due: closed by staff, or its closing day has passed in
/// the organisation's time zone.
fn release_due_on(round: &UnreleasedRound, today: NaiveDate) -> bool {
    let closes = crate::services::courses::parse_date(&round.closes_on).unwrap_or_default();
    rules::results_release_due(closes, round.closed_at.is_some(), today)
}

/// Releases the results of those of `rounds` (of the actor's organisation) that have
/// closed and are not released yet, each in a transaction of its own, and marks them
/// released in `rounds`. Every read of results calls this first, so results appear the
/// moment a round closes and are the same at every read after.
pub async fn release_closed(state: &AppState, actor: &Actor, rounds: &mut [Round]) -> Result<(), WebError> {
    let today = actor.organisation.today(&state.clock);
    for round in rounds.iter_mut().filter(|r| r.results_released_at.is_none()) {
        let unreleased = UnreleasedRound {
            id: round.id,
            organisation_id: round.organisation_id,
            closes_on: round.closes_on.clone(),
            closed_at: round.closed_at,
        };
        if !release_due_on(&unreleased, today) {
            continue;
        }
        let now = state.clock.now();
        let mut tx = state.store.write().await?;
        release_in(&mut tx, round.organisation_id, round.id, now).await?;
        // Released by this request or another one: read back when, as stored.
        let stored = store::get(&mut tx.tx, round.organisation_id, round.id).await?;
        tx.commit().await?;
        round.results_released_at = stored.results_released_at;
    }
    Ok(())
}

/// Releases the results of every round that has closed since the last run, so the rounds'
/// lists and the API show them released without anyone reading them first. Run by the
/// server's housekeeping; returns how many were released.
pub async fn release_due(state: &AppState) -> Result<usize, WebError> {
    let utc_today = chrono::DateTime::from_timestamp(state.clock.now(), 0).map(|t| t.date_naive()).unwrap_or_default();
    // A day's slack covers every organisation's time zone; each round is checked in its own.
    let until = (utc_today + chrono::Duration::days(1)).to_string();
    let due = {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        store::awaiting_release(&mut conn, &until).await?
    };
    let mut organisations = OrgContexts::default();
    let mut released = 0;
    for round in due {
        let today = organisations.get(state, round.organisation_id).await?.today(&state.clock);
        if !release_due_on(&round, today) {
            continue;
        }
        let now = state.clock.now();
        let mut tx = state.store.write().await?;
        if release_in(&mut tx, round.organisation_id, round.id, now).await? {
            released += 1;
        }
        tx.commit().await?;
    }
    Ok(released)
}

// ---------------------------------------------------------------------------------
// Invitations and the reminder, from the housekeeping loop
// ---------------------------------------------------------------------------------

/// One mailing of a round: its invitations or its reminder, each in the recipient's
/// language or else in `fallback`.
#[derive(Clone, Copy)]
struct Mailing<'a> {
    round: &'a DueRound,
    fallback: Language,
    reminder: bool,
}

/// Queues the invitations (or the reminder) of a round inside `tx`: each recipient with
/// an address gets a fresh link. Marks the round first, so a round goes out once even
/// when several instances run. The mail names the organisation, the link and the
/// closing day — never the course, the programme, the questionnaire or a child.
async fn mail_in(tx: &mut WriteTx, state: &AppState, mailing: Mailing<'_>, now: i64) -> Result<usize, WebError> {
    let Mailing { round, reminder, .. } = mailing;
    let marked = if reminder {
        store::mark_reminder_sent(&mut tx.tx, round.id, now).await?
    } else {
        store::mark_invitations_sent(&mut tx.tx, round.id, now).await?
    };
    if !marked {
        return Ok(0);
    }
    mail_recipients(tx, state, mailing, now).await
}

/// Queues the mail to every recipient of the round who has not had this one yet.
async fn mail_recipients(
    tx: &mut WriteTx,
    state: &AppState,
    mailing: Mailing<'_>,
    now: i64,
) -> Result<usize, WebError> {
    let Mailing { round, fallback, reminder } = mailing;
    let base = state.config.public_url.trim_end_matches('/').to_string();
    let mut sent = 0;
    for recipient in store::to_mail(&mut tx.tx, round.id, reminder).await? {
        let token = random_token(24);
        store::renew_link(&mut tx.tx, recipient.id, &hash_secret(&token), reminder, now).await?;
        let language = recipient.language.as_deref().and_then(Language::parse).unwrap_or(fallback);
        let mail = OutgoingMail {
            organisation_id: Some(round.organisation_id),
            to: recipient.email,
            template: if reminder { "qround-reminder" } else { "qround-invitation" },
            language,
            args: vec![
                ("organisation", round.organisation_name.clone()),
                ("link", format!("{base}/a/{token}")),
                ("date", crate::views::format_date(language, &round.closes_on)),
            ],
            related: Some(("questionnaire_round", round.id)),
        };
        if queue_or_skip(tx, state, mail).await? {
            sent += 1;
        }
    }
    let mut event = AuditEvent::new(
        if reminder { "questionnaire_round.remind" } else { "questionnaire_round.invite" },
        Outcome::Success,
    )
    .record("questionnaire_round", round.id);
    event.organisation_id = Some(round.organisation_id);
    audit::append(tx, &event, now).await?;
    Ok(sent)
}

/// Someone who joins the course after a round's invitations went out (a child enrolled
/// late, a new leader) is added to the round while it is open and invited at once; a
/// round about one session asks only those who were there. Each round is one
/// transaction. Returns how many mails were queued.
async fn invite_late_joiners(state: &AppState, from: &str) -> Result<usize, WebError> {
    let open = {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        store::invited_and_open(&mut conn, from).await?
    };
    let mut organisations = OrgContexts::default();
    let mut sent = 0;
    for due in open {
        let organisation = organisations.get(state, due.organisation_id).await?;
        let closes = crate::services::courses::parse_date(&due.closes_on).unwrap_or_default();
        if closes < organisation.today(&state.clock) {
            continue;
        }
        // Looked at first on a read connection, so an open round with nobody new costs no write.
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        if missing_recipients(&mut conn, due.organisation_id, due.id).await?.is_empty() {
            continue;
        }
        drop(conn);
        let now = state.clock.now();
        let mut tx = state.store.write().await?;
        let missing = missing_recipients(&mut tx.tx, due.organisation_id, due.id).await?;
        let expires_at = rules::link_expiry(closes, &organisation.timezone());
        for recipient in &missing {
            store::add_recipient(&mut tx.tx, due.id, recipient, &hash_secret(&random_token(24)), expires_at).await?;
        }
        let language = organisation.language();
        sent +=
            mail_recipients(&mut tx, state, Mailing { round: &due, fallback: language, reminder: false }, now).await?;
        tx.commit().await?;
    }
    Ok(sent)
}

/// The people the round would ask if it started now and does not ask yet.
async fn missing_recipients(
    conn: &mut AnyConnection,
    organisation_id: i64,
    round_id: i64,
) -> Result<Vec<NewRecipient>, WebError> {
    let round = store::get(conn, organisation_id, round_id).await?;
    let asked = store::asked(conn, round_id).await?;
    Ok(recipients_of(conn, round.course_id, round.audience, round.mode)
        .await?
        .into_iter()
        .filter(|r| !asked.contains(&(r.subject_participant_id, r.person_id, r.user_id)))
        .collect())
}

/// Sends what is due now: invitations of rounds that have opened, the one reminder of
/// rounds whose reminder day has come, and invitations to those who joined the course
/// after a round went out. Returns how many mails were queued. Run by the server's
/// housekeeping; each round is one transaction.
pub async fn send_due(state: &AppState) -> Result<usize, WebError> {
    let utc_today = chrono::DateTime::from_timestamp(state.clock.now(), 0).map(|t| t.date_naive()).unwrap_or_default();
    // A day's slack each side covers every organisation's time zone.
    let from = (utc_today - chrono::Duration::days(1)).to_string();
    let until = (utc_today + chrono::Duration::days(1)).to_string();
    let (inviting, reminding) = {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        (
            store::awaiting_invitations(&mut conn, &from, &until).await?,
            store::awaiting_reminder(&mut conn, &from).await?,
        )
    };
    let mut organisations = OrgContexts::default();
    let mut sent = 0;
    for (rounds, reminder) in [(inviting, false), (reminding, true)] {
        for round in rounds {
            let organisation = organisations.get(state, round.organisation_id).await?;
            let today = organisation.today(&state.clock);
            let day = |raw: &str| crate::services::courses::parse_date(raw).unwrap_or_default();
            let (opens, closes) = (day(&round.opens_on), day(&round.closes_on));
            let due = if reminder {
                let invited_on = round.invitations_sent_at.map(|t| organisation.local_date(t)).unwrap_or(opens);
                rules::reminder_due(invited_on, closes, false, false, today)
            } else {
                rules::invitations_due(opens, closes, false, false, today)
            };
            if !due {
                continue;
            }
            let language = organisation.language();
            let now = state.clock.now();
            let mut tx = state.store.write().await?;
            sent += mail_in(&mut tx, state, Mailing { round: &round, fallback: language, reminder }, now).await?;
            tx.commit().await?;
        }
    }
    sent += invite_late_joiners(state, &from).await?;
    Ok(sent)
}
