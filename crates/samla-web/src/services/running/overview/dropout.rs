//! Dropping out: recorded with a date and a reason on the participant's place in the
//! course; from then on they are not expected at the course's sessions. Open follow-up
//! tasks about them close with the dropout, since it is what came of them.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::courses::parse_date;
use crate::AppState;
use chrono::NaiveDate;
use samla_domain::audit::Outcome;
use samla_domain::running::dropout::DropoutReason;
use samla_domain::validation::required_line;
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::running::overview::{self as store, CourseParticipant};
use samla_storage::{audit, StoreError};

/// Most characters in a reason for dropping out.
pub const REASON_MAX_CHARS: usize = 500;

/// A dropout as typed.
#[derive(Debug, Clone, Default)]
pub struct DropoutForm {
    /// YYYY-MM-DD; empty means today.
    pub date: String,
    pub reason: String,
    /// The reason's group (`illness`, `practical`, …); empty when none is chosen.
    pub reason_kind: String,
}

/// A dropout as recorded: the day, the leader's words and the group they fall in.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Dropout {
    date: NaiveDate,
    reason: String,
    kind: Option<DropoutReason>,
}

/// The day and reason, each problem named by its field: the day no later than today and
/// no earlier than the enrolment, the reason a single line, its group one of the known.
fn parse(form: &DropoutForm, enrolled_on: NaiveDate, today: NaiveDate) -> Result<Dropout, FieldErrors> {
    let mut errors = FieldErrors::new();
    let date = match form.date.trim() {
        "" => Some(today),
        raw => match parse_date(raw) {
            None => {
                errors.push(FieldError::new("date", "error-date"));
                None
            }
            Some(day) if day > today => {
                errors.push(FieldError::new("date", "error-date-future"));
                None
            }
            Some(day) if day < enrolled_on => {
                errors.push(FieldError::new("date", "error-dropout-before-enrolment"));
                None
            }
            Some(day) => Some(day),
        },
    };
    let reason = errors.take(required_line("reason", &form.reason, REASON_MAX_CHARS));
    let kind = match form.reason_kind.trim() {
        "" => None,
        raw => errors.take(DropoutReason::parse(raw).ok_or_else(|| FieldError::new("reason_kind", "error-choice"))),
    };
    errors.finish(|| Dropout { date: date.unwrap_or(today), reason: reason.unwrap_or_default(), kind })
}

/// Records that a participant dropped out (audited as `participant.dropout`), in one
/// transaction with closing their open follow-up tasks. A participant who has dropped
/// out already is refused.
pub async fn record_dropout(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    participant_id: i64,
    form: &DropoutForm,
) -> Result<CourseParticipant, WebError> {
    let course = actor.on_course(state, Action::ViewCourses, course_id).await?;
    let course = course.also(state, actor, Action::RecordSessionWork).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let participant = store::participant(&mut conn, course.id, participant_id).await?;
    drop(conn);
    let organisation = &actor.organisation;
    let now = state.clock.now();
    let Dropout { date, reason, kind } =
        parse(form, organisation.local_date(participant.enrolled_at), organisation.local_date(now))?;
    let already = || WebError::Refused(FieldErrors::single(FieldError::new("reason", "error-dropout-already")));
    if !participant.status.is_active() {
        return Err(already());
    }
    let mut tx = state.store.write().await?;
    if !store::record_dropout(&mut tx.tx, participant.id, &date.to_string(), (&reason, kind)).await? {
        return Err(already());
    }
    store::close_open_tasks(&mut tx.tx, participant.id, actor.user_id, &reason, now).await?;
    audit::append(
        &mut tx,
        &actor.event("participant.dropout", Outcome::Success).record("course_participant", participant.id),
        now,
    )
    .await?;
    let participant = store::participant(&mut tx.tx, course.id, participant.id).await?;
    tx.commit().await?;
    Ok(participant)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(raw: &str) -> NaiveDate {
        parse_date(raw).unwrap()
    }

    fn form(date: &str, reason: &str) -> DropoutForm {
        DropoutForm { date: date.into(), reason: reason.into(), reason_kind: String::new() }
    }

    #[test]
    fn the_day_defaults_to_today_and_stays_within_the_enrolment() {
        let (enrolled, today) = (day("2027-01-04"), day("2027-02-01"));
        let moved = Dropout { date: today, reason: "Flyttet".into(), kind: None };
        assert_eq!(parse(&form("", " Flyttet "), enrolled, today), Ok(moved));
        assert_eq!(parse(&form("2027-01-04", "x"), enrolled, today).unwrap().date, enrolled);
        let fields = |f: &DropoutForm| -> Vec<(String, &'static str)> {
            parse(f, enrolled, today).unwrap_err().0.into_iter().map(|e| (e.field, e.code)).collect()
        };
        assert_eq!(fields(&form("2027-02-02", "x")), [("date".to_string(), "error-date-future")]);
        assert_eq!(fields(&form("2027-01-03", "x")), [("date".to_string(), "error-dropout-before-enrolment")]);
        assert_eq!(
            fields(&form("1.2.2027", "  ")),
            [("date".to_string(), "error-date"), ("reason".to_string(), "error-required")]
        );
        assert_eq!(fields(&form("", "a\nb")), [("reason".to_string(), "error-invalid-characters")]);
    }

    #[test]
    fn the_reason_may_be_put_in_a_group() {
        let today = day("2027-02-01");
        let grouped = DropoutForm { reason_kind: "moved".into(), ..form("", "Flyttet til Bergen") };
        assert_eq!(parse(&grouped, today, today).unwrap().kind, Some(DropoutReason::Moved));
        let unknown = DropoutForm { reason_kind: "bored".into(), ..form("", "x") };
        let found: Vec<_> =
            parse(&unknown, today, today).unwrap_err().0.into_iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(found, [("reason_kind".to_string(), "error-choice")]);
    }
}
