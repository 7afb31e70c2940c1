//! The demo's evaluations, on the finished course: an anonymous session evaluation with
//! seven answers (and one with three, which shows its count only), the children's
//! anonymous SMIL evaluation at the end with six, and the parents' SMIL form asked by name
//! before the course, at its end and at a follow-up, about eight invented children, so the
//! results pages, the outcome change and the downloads have something to show.
//!
//! Rounds and responses are written as the rounds and answering features store them
//! (scores computed with the version's rules, times to the day), in one transaction. Each
//! round is closed once its answers are in, so its results are released and shown: results
//! of a round appear only when it has closed.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::questionnaires::library::load_version;
use chrono::{Datelike, Duration, NaiveDate};
use samla_domain::audit::Outcome;
use samla_domain::intake::enrolment::ParticipantRole;
use samla_domain::questionnaires::answers::{AnswerValue, Answers};
use samla_domain::questionnaires::scoring::score;
use samla_storage::intake::participants;
use samla_storage::{audit, courses, StoreError};
use sqlx::AnyConnection;

/// (child, age, guardian). Invented.
const FAMILIES: [(&str, i32, &str); 8] = [
    ("Iben Lie", 9, "Randi Lie"),
    ("Sander Moen", 11, "Geir Moen"),
    ("Tiril Nygård", 10, "Siv Nygård"),
    ("Jonas Berg", 8, "Kjell Berg"),
    ("Frida Holm", 12, "Aud Holm"),
    ("Elias Rønning", 10, "Mona Rønning"),
    ("Ylva Brekke", 9, "Stein Brekke"),
    ("Matheo Sæther", 11, "Eva Sæther"),
];

/// The session evaluation: (benefit, what was important, what could be different).
const SESSION: [(&str, &str, &str); 7] = [
    ("very-good", "Å høre at andre har det som oss", ""),
    ("good", "Praten i pausen", "-Mer tid til samtale"),
    ("very-good", "Rollespillet", ""),
    ("some", "", "Tidligere på dagen"),
    ("good", "Tipsene om rutiner", ""),
    ("very-good", "Å bli tatt på alvor", "Kortere innledning"),
    ("good", "", ""),
];

/// The children's evaluation: (liked, others, activities, user representative, learned,
/// not alone, go on, the best).
const CHILDREN: [([usize; 5], &str, &str, &str); 6] = [
    ([4, 4, 3, 4, 3], "yes", "yes", "Leikene"),
    ([3, 4, 4, 3, 3], "yes", "yes", "Å bli kjent med de andre"),
    ([4, 3, 3, 4, 4], "dont-know", "yes", ""),
    ([2, 3, 2, 3, 2], "no", "dont-know", "Maten"),
    ([4, 4, 4, 4, 3], "yes", "yes", "Da vi tegnet"),
    ([3, 3, 4, 3, 3], "yes", "no", ""),
];

const CHILD_STEPS: [&str; 4] = ["not-good", "so-so", "good", "really-good"];
const LEARNED_STEPS: [&str; 4] = ["nothing", "a-little", "quite-a-lot", "a-lot"];
const PARENT_ITEMS: [&str; 6] =
    ["child-benefit", "child-met-others", "child-words", "own-benefit", "understanding", "openness"];
const PARENT_STEPS: [&str; 5] = ["very-small", "small", "some", "large", "very-large"];

/// One family's parent's items before, at the end and at the follow-up.
type ParentSteps = ([usize; 6], Option<[usize; 6]>, Option<[usize; 6]>);

/// The parents' scale items (1–5) per family before, at the end and at the follow-up
/// (`None`: did not answer).
const PARENTS: [ParentSteps; 8] = [
    ([2, 2, 1, 2, 2, 3], Some([4, 4, 3, 4, 3, 4]), Some([4, 3, 3, 4, 4, 4])),
    ([3, 2, 2, 3, 2, 2], Some([3, 4, 3, 4, 4, 3]), Some([4, 4, 3, 3, 4, 3])),
    ([1, 2, 2, 2, 1, 2], Some([3, 3, 2, 3, 3, 3]), None),
    ([3, 3, 2, 2, 3, 3], Some([3, 3, 3, 3, 3, 4]), Some([3, 4, 3, 3, 3, 4])),
    ([2, 1, 1, 2, 2, 2], Some([4, 3, 4, 4, 4, 3]), Some([3, 3, 4, 4, 3, 3])),
    ([4, 3, 3, 3, 4, 3], Some([4, 4, 4, 5, 4, 4]), None),
    ([2, 2, 3, 2, 2, 2], None, None),
    ([3, 2, 2, 2, 3, 2], Some([3, 3, 3, 3, 2, 3]), Some([4, 3, 3, 3, 3, 3])),
];

fn choice(answers: &mut Answers, link_id: &str, code: &str) {
    answers.insert(link_id.into(), vec![AnswerValue::Choice(code.into())]);
}

fn text(answers: &mut Answers, link_id: &str, value: &str) {
    if !value.is_empty() {
        answers.insert(link_id.into(), vec![AnswerValue::String(value.into())]);
    }
}

fn parent_answers(steps: [usize; 6]) -> Answers {
    let mut answers = Answers::new();
    for (item, step) in PARENT_ITEMS.iter().zip(steps) {
        choice(&mut answers, item, PARENT_STEPS[step - 1]);
    }
    answers
}

/// One anonymous answer to the session evaluation (an empty text is left unanswered).
fn session_answers((benefit, important, change): &(&str, &str, &str)) -> (Option<i64>, Answers) {
    let mut answers = Answers::new();
    choice(&mut answers, "benefit", benefit);
    text(&mut answers, "important", important);
    text(&mut answers, "change", change);
    (None, answers)
}

async fn version_of(conn: &mut AnyConnection, organisation_id: i64, slug: &str) -> Result<i64, WebError> {
    Ok(sqlx::query_scalar(
        "SELECT v.id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id \
         WHERE q.organisation_id = $1 AND q.shipped_slug = $2 ORDER BY v.number DESC LIMIT 1",
    )
    .bind(organisation_id)
    .bind(slug)
    .fetch_one(conn)
    .await
    .map_err(StoreError::from)?)
}

struct NewRound<'a> {
    version_id: i64,
    session_id: Option<i64>,
    audience: &'a str,
    mode: &'a str,
    timing: &'a str,
    opens_on: NaiveDate,
    follow_up_months: Option<i64>,
}

/// A round of the course with its answers (all given on its first day), closed so its
/// results are out.
async fn closed_round(
    conn: &mut AnyConnection,
    coordinator: &Actor,
    course_id: i64,
    round: &NewRound<'_>,
    responses: Vec<(Option<i64>, Answers)>,
    now: i64,
) -> Result<(), WebError> {
    let round_id: i64 = sqlx::query_scalar(
        "INSERT INTO questionnaire_rounds (organisation_id, course_id, session_id, version_id, audience, mode, timing, \
         opens_on, closes_on, follow_up_months, invitations_sent_at, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11) RETURNING id",
    )
    .bind(coordinator.organisation.id)
    .bind(course_id)
    .bind(round.session_id)
    .bind(round.version_id)
    .bind(round.audience)
    .bind(round.mode)
    .bind(round.timing)
    .bind(round.opens_on.to_string())
    .bind((round.opens_on + Duration::days(14)).to_string())
    .bind(round.follow_up_months)
    .bind(now)
    .bind(coordinator.user_id)
    .fetch_one(&mut *conn)
    .await
    .map_err(StoreError::from)?;
    add_responses(conn, round_id, round.version_id, round.opens_on, responses).await?;
    samla_storage::questionnaires::rounds::close(conn, round_id, now).await?;
    Ok(())
}

async fn add_responses(
    conn: &mut AnyConnection,
    round_id: i64,
    version_id: i64,
    on: NaiveDate,
    responses: Vec<(Option<i64>, Answers)>,
) -> Result<(), WebError> {
    let version = load_version(conn, version_id).await?;
    for (subject, answers) in responses {
        let scores = version
            .scoring
            .as_ref()
            .map(|rules| serde_json::to_string(&score(rules, version.definition("nb"), &answers)))
            .transpose()
            .map_err(|e| WebError::Internal(e.to_string()))?;
        let answers = serde_json::to_string(&answers).map_err(|e| WebError::Internal(e.to_string()))?;
        sqlx::query(
            "INSERT INTO questionnaire_responses (round_id, version_id, language, submitted_on, subject_participant_id, answers, scores) \
             VALUES ($1, $2, 'nb', $3, $4, $5, $6)",
        )
        .bind(round_id)
        .bind(version_id)
        .bind(on.to_string())
        .bind(subject)
        .bind(answers)
        .bind(scores)
        .execute(&mut *conn)
        .await
        .map_err(StoreError::from)?;
    }
    Ok(())
}

pub(super) async fn seed(
    state: &crate::AppState,
    coordinator: &Actor,
    course_id: i64,
    today: NaiveDate,
) -> Result<(), WebError> {
    let organisation_id = coordinator.organisation.id;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let sessions = courses::sessions(&mut tx.tx, course_id).await?;
    let held: Vec<_> = sessions.iter().filter(|s| s.kind.is_session()).collect();
    let first = held.first().and_then(|s| NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").ok()).unwrap_or(today);
    let last = held.last().and_then(|s| NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").ok()).unwrap_or(today);

    // The families, enrolled: children as participants, guardians as parents.
    let mut children = Vec::new();
    for (child, age, guardian) in FAMILIES {
        let born = format!("{}-{:02}-15", today.year() - age, 1 + (age as u32 % 12));
        let (guardian_id, child_id) =
            super::demo_family(&mut tx.tx, organisation_id, (guardian, ""), (child, &born), now).await?;
        participants::enrol(&mut tx.tx, course_id, child_id, None, ParticipantRole::Participant, None, now).await?;
        participants::enrol(&mut tx.tx, course_id, guardian_id, None, ParticipantRole::Parent, None, now).await?;
        let participant: i64 =
            sqlx::query_scalar("SELECT id FROM course_participants WHERE course_id = $1 AND person_id = $2")
                .bind(course_id)
                .bind(child_id)
                .fetch_one(&mut *tx.tx)
                .await
                .map_err(StoreError::from)?;
        children.push(participant);
    }

    // An anonymous session evaluation after the third session.
    let session = held.get(2).copied();
    let session_day = session.and_then(|s| NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").ok()).unwrap_or(first);
    let version = version_of(&mut tx.tx, organisation_id, "session-evaluation").await?;
    let round = NewRound {
        version_id: version,
        session_id: session.map(|s| s.id),
        audience: "participants",
        mode: "anonymous",
        timing: "session",
        opens_on: session_day,
        follow_up_months: None,
    };
    let responses = SESSION.iter().map(session_answers).collect();
    closed_round(&mut tx.tx, coordinator, course_id, &round, responses, now).await?;

    // The same after the fifth session, where only three answered: it shows the count only.
    if let Some(later) = held.get(4).copied() {
        let day = NaiveDate::parse_from_str(&later.date, "%Y-%m-%d").unwrap_or(session_day);
        let round = NewRound { session_id: Some(later.id), opens_on: day, ..round };
        let responses =
            SESSION[..3].iter().map(|&(benefit, important, _)| session_answers(&(benefit, important, ""))).collect();
        closed_round(&mut tx.tx, coordinator, course_id, &round, responses, now).await?;
    }

    // The children's anonymous evaluation at the end.
    let version = version_of(&mut tx.tx, organisation_id, "smil-children").await?;
    let round = NewRound {
        version_id: version,
        session_id: None,
        audience: "participants",
        mode: "anonymous",
        timing: "end",
        opens_on: last,
        follow_up_months: None,
    };
    let responses = CHILDREN
        .iter()
        .map(|(steps, not_alone, go_on, best)| {
            let mut answers = Answers::new();
            for (item, step) in ["liked", "others", "activities", "user-representative"].iter().zip(steps) {
                choice(&mut answers, item, CHILD_STEPS[step - 1]);
            }
            choice(&mut answers, "learned", LEARNED_STEPS[steps[4] - 1]);
            choice(&mut answers, "not-alone", not_alone);
            choice(&mut answers, "go-on", go_on);
            text(&mut answers, "best", best);
            (None, answers)
        })
        .collect();
    closed_round(&mut tx.tx, coordinator, course_id, &round, responses, now).await?;

    // The parents' form by name: before, at the end, and three months on (or today).
    let version = version_of(&mut tx.tx, organisation_id, "smil-parents").await?;
    let follow_up = (last + Duration::days(91)).min(today);
    for (timing, opens_on, months) in
        [("before", first - Duration::days(7), None), ("end", last, None), ("follow_up", follow_up, Some(3))]
    {
        let round = NewRound {
            version_id: version,
            session_id: None,
            audience: "guardians",
            mode: "identified",
            timing,
            opens_on,
            follow_up_months: months,
        };
        let responses = PARENTS
            .iter()
            .zip(&children)
            .filter_map(|((before, end, later), child)| {
                let steps = match timing {
                    "before" => Some(*before),
                    "end" => *end,
                    _ => *later,
                };
                steps.map(|s| (Some(*child), parent_answers(s)))
            })
            .collect();
        closed_round(&mut tx.tx, coordinator, course_id, &round, responses, now).await?;
    }

    let event = coordinator.event("demo.evaluations.seed", Outcome::Success).record("course", course_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}
