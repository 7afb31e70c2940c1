//! Answering: a recipient's link looked up by its token's hash together with its round,
//! the draft saved between pages, walk-in links made from a round's QR code, and the
//! submitted responses.
//!
//! A response row never points at its recipient: in an anonymous round the two tables
//! cannot be joined, and `submitted_on` is a day, not a time.

use crate::db;
use crate::Result;
use samla_domain::questionnaires::rounds::Mode;
use sqlx::{AnyConnection, FromRow};

/// A recipient's link with what deciding its state needs from the round and organisation.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct RecipientLink {
    pub recipient_id: i64,
    pub round_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub course_id: i64,
    pub version_id: i64,
    #[sqlx(try_from = "String")]
    pub mode: Mode,
    pub opens_on: String,
    pub closes_on: String,
    /// When the round was closed by staff or its results were released.
    pub closed_at: Option<i64>,
    pub expires_at: i64,
    pub answered_on: Option<String>,
    pub subject_participant_id: Option<i64>,
    pub draft: Option<String>,
    pub draft_page: Option<i64>,
}

/// Where a link stands on `today` at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Open,
    Answered,
    Expired,
    RoundClosed,
    NotYetOpen,
}

impl LinkState {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkState::Open => "open",
            LinkState::Answered => "answered",
            LinkState::Expired => "expired",
            LinkState::RoundClosed => "closed",
            LinkState::NotYetOpen => "not-yet-open",
        }
    }
}

/// A round's state on `today`: closed (by hand, by the release of its results, or past its
/// closing day), not yet open, or open. Dates are ISO text, so they compare as text.
fn round_state(closed_at: Option<i64>, opens_on: &str, closes_on: &str, today: &str) -> LinkState {
    if closed_at.is_some() || today > closes_on {
        LinkState::RoundClosed
    } else if today < opens_on {
        LinkState::NotYetOpen
    } else {
        LinkState::Open
    }
}

impl RecipientLink {
    /// Answered first (a used link says so even after the round has closed), then a closed
    /// round, an expired link, a round not yet open. Dates are ISO text, so they compare as
    /// text.
    pub fn state(&self, today: &str, now: i64) -> LinkState {
        let round = round_state(self.closed_at, &self.opens_on, &self.closes_on, today);
        if self.answered_on.is_some() {
            LinkState::Answered
        } else if round != LinkState::RoundClosed && now >= self.expires_at {
            LinkState::Expired
        } else {
            round
        }
    }
}

/// The link with this token hash, if any.
pub async fn find_link(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<RecipientLink>> {
    db::optional(
        conn,
        "SELECT r.id AS recipient_id, q.id AS round_id, q.organisation_id, o.name AS organisation_name,
                q.course_id, q.version_id, q.mode, q.opens_on, q.closes_on,
                COALESCE(q.closed_at, q.results_released_at) AS closed_at,
                r.expires_at, r.answered_on, r.subject_participant_id, r.draft, r.draft_page
         FROM round_recipients r
         JOIN questionnaire_rounds q ON q.id = r.round_id
         JOIN organisations o ON o.id = q.organisation_id
         WHERE r.token_hash = $1",
        (token_hash,),
    )
    .await
}

/// A round reached by its QR code's open token.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct OpenRound {
    pub round_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    #[sqlx(try_from = "String")]
    pub mode: Mode,
    pub opens_on: String,
    pub closes_on: String,
    pub closed_at: Option<i64>,
}

impl OpenRound {
    /// Open, closed or not yet open on `today` (a QR link itself never expires or gets used).
    pub fn state(&self, today: &str) -> LinkState {
        round_state(self.closed_at, &self.opens_on, &self.closes_on, today)
    }
}

pub async fn find_open_round(conn: &mut AnyConnection, open_token: &str) -> Result<Option<OpenRound>> {
    db::optional(
        conn,
        "SELECT q.id AS round_id, q.organisation_id, o.name AS organisation_name, q.mode,
                q.opens_on, q.closes_on, COALESCE(q.closed_at, q.results_released_at) AS closed_at
         FROM questionnaire_rounds q JOIN organisations o ON o.id = q.organisation_id
         WHERE q.open_token = $1",
        (open_token,),
    )
    .await
}

/// Keeps the answers so far (JSON) and the page reached, until the form is sent.
pub async fn save_draft(conn: &mut AnyConnection, recipient_id: i64, draft: &str, page: i64) -> Result<()> {
    db::execute(
        conn,
        "UPDATE round_recipients SET draft = $1, draft_page = $2 WHERE id = $3 AND answered_on IS NULL",
        (draft, page, recipient_id),
    )
    .await
}

/// Marks the recipient answered on `day` and clears the draft. False when the link was
/// already used (another submit got there first): the caller rolls back.
pub async fn mark_answered(conn: &mut AnyConnection, recipient_id: i64, day: &str) -> Result<bool> {
    db::changed_one(
        conn,
        "UPDATE round_recipients SET answered_on = $1, draft = NULL, draft_page = NULL
         WHERE id = $2 AND answered_on IS NULL",
        (day, recipient_id),
    )
    .await
}

/// A one-time link for someone who opened the round's QR code; nobody is known about them.
pub async fn add_walk_in(conn: &mut AnyConnection, round_id: i64, token_hash: &str, expires_at: i64) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO round_recipients (round_id, walk_in, token_hash, expires_at) VALUES ($1, 1, $2, $3) RETURNING id",
        (round_id, token_hash, expires_at),
    )
    .await
}

/// A response to store. `entered_by` only for paper forms of identified rounds, and
/// `subject_participant_id` only in identified rounds.
#[derive(Debug, Clone, PartialEq)]
pub struct NewResponse<'a> {
    pub round_id: i64,
    pub version_id: i64,
    pub language: &'a str,
    pub submitted_on: &'a str,
    pub subject_participant_id: Option<i64>,
    pub entered_by: Option<i64>,
    pub on_paper: bool,
    /// JSON: linkId → values.
    pub answers: &'a str,
    /// JSON of the scores, when the version has scoring rules.
    pub scores: Option<&'a str>,
}

pub async fn insert(conn: &mut AnyConnection, response: &NewResponse<'_>) -> Result<i64> {
    db::scalar(
        conn,
        "INSERT INTO questionnaire_responses
            (round_id, version_id, language, submitted_on, subject_participant_id, entered_by, on_paper, answers, scores)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        (
            response.round_id,
            response.version_id,
            response.language,
            response.submitted_on,
            response.subject_participant_id,
            response.entered_by,
            i64::from(response.on_paper),
            response.answers,
            response.scores,
        ),
    )
    .await
}

/// One stored response.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct StoredResponse {
    pub id: i64,
    pub round_id: i64,
    pub version_id: i64,
    pub language: String,
    pub submitted_on: String,
    pub subject_participant_id: Option<i64>,
    /// JSON: linkId → values.
    pub answers: String,
    /// JSON of the scores, when the version has scoring rules.
    pub scores: Option<String>,
}

/// The round's responses, oldest first (by day, then as stored).
pub async fn list_for_round(conn: &mut AnyConnection, round_id: i64) -> Result<Vec<StoredResponse>> {
    db::all(
        conn,
        "SELECT id, round_id, version_id, language, submitted_on, subject_participant_id, answers, scores
         FROM questionnaire_responses WHERE round_id = $1 ORDER BY submitted_on, id",
        (round_id,),
    )
    .await
}

/// Whether the round already has a response about this participant (identified rounds:
/// one per participant, whether typed in or answered by link).
pub async fn has_response_about(conn: &mut AnyConnection, round_id: i64, participant_id: i64) -> Result<bool> {
    let n: i64 = db::scalar(
        conn,
        "SELECT COUNT(*) FROM questionnaire_responses WHERE round_id = $1 AND subject_participant_id = $2",
        (round_id, participant_id),
    )
    .await?;
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link() -> RecipientLink {
        RecipientLink {
            recipient_id: 1,
            round_id: 1,
            organisation_id: 1,
            organisation_name: "Org".into(),
            course_id: 1,
            version_id: 1,
            mode: Mode::Anonymous,
            opens_on: "2026-03-01".into(),
            closes_on: "2026-03-14".into(),
            closed_at: None,
            expires_at: 1000,
            answered_on: None,
            subject_participant_id: None,
            draft: None,
            draft_page: None,
        }
    }

    #[test]
    fn a_link_state_follows_answer_round_and_expiry() {
        let l = link();
        assert_eq!(l.state("2026-03-01", 10), LinkState::Open);
        assert_eq!(l.state("2026-03-14", 10), LinkState::Open);
        assert_eq!(l.state("2026-02-28", 10), LinkState::NotYetOpen);
        assert_eq!(l.state("2026-03-15", 10), LinkState::RoundClosed);
        assert_eq!(l.state("2026-03-02", 1000), LinkState::Expired);
        let closed = RecipientLink { closed_at: Some(5), ..link() };
        assert_eq!(closed.state("2026-03-02", 10), LinkState::RoundClosed);
        let used = RecipientLink { answered_on: Some("2026-03-02".into()), closed_at: Some(5), ..link() };
        assert_eq!(used.state("2026-03-20", 5000), LinkState::Answered);
    }
}
