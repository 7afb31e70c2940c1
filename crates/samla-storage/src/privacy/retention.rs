//! Retention: the organisation's rules, the records due under them, legal holds, the
//! removals and the report of them. Removing a record removes what belongs only to it, in
//! the caller's transaction.

use crate::db;
use crate::{Backend, Result, WriteTx};
use sqlx::{AnyConnection, FromRow};
use std::collections::BTreeSet;

/// A rule the organisation set (kinds without one keep samla's default).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct RuleRow {
    pub kind: String,
    pub months: i64,
}

pub async fn rules(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<RuleRow>> {
    db::all(
        conn,
        "SELECT kind, months FROM retention_rules WHERE organisation_id = $1 ORDER BY kind",
        (organisation_id,),
    )
    .await
}

pub async fn set_rule(
    conn: &mut AnyConnection,
    organisation_id: i64,
    (kind, months): (&str, i64),
    by: i64,
    now: i64,
) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO retention_rules (organisation_id, kind, months, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organisation_id, kind) DO UPDATE SET months = $3, set_by = $4, set_at = $5",
        (organisation_id, kind, months, by, now),
    )
    .await
}

/// A record a rule counts: what the pages call it, and when its clock started.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Candidate {
    pub id: i64,
    /// The application's reference, or the mail's subject (names no person).
    pub label: String,
    /// The application's stage, or the mail's status.
    pub state: String,
    pub started_at: i64,
}

/// Stages that close an application without a place.
const CLOSED_WITHOUT_PLACE: &str = "('declined', 'withdrawn', 'referred_elsewhere', 'merged')";

/// The organisation's (`$1`) applications that never led to a place and are over: closed
/// without one (counted from the last step), or still open but with every consent to take
/// part withdrawn (counted from the last withdrawal, when later). One that another
/// application was folded into waits for that one to go.
fn applications_over(filter: &str) -> String {
    format!(
        "SELECT id, label, state,
                CASE WHEN withdrawn_at IS NOT NULL AND withdrawn_at > last_step THEN withdrawn_at ELSE last_step END
                    AS started_at
         FROM (
             SELECT a.id, a.reference AS label, a.stage AS state,
                    COALESCE((SELECT MAX(e.at) FROM application_events e WHERE e.application_id = a.id), a.updated_at)
                        AS last_step,
                    (SELECT MAX(c.withdrawn_at) FROM consents c
                     WHERE c.participant_id = a.participant_id AND c.purpose = 'participation') AS withdrawn_at,
                    (SELECT COUNT(*) FROM consents c WHERE c.participant_id = a.participant_id
                       AND c.purpose = 'participation' AND c.withdrawn_at IS NULL) AS consenting
             FROM applications a
             WHERE a.organisation_id = $1 AND a.stage <> 'enrolled'
               AND NOT EXISTS (SELECT 1 FROM course_participants cp WHERE cp.application_id = a.id)
               AND NOT EXISTS (SELECT 1 FROM applications m WHERE m.merged_into = a.id)
         ) x
         WHERE (state IN {CLOSED_WITHOUT_PLACE} OR (withdrawn_at IS NOT NULL AND consenting = 0)) AND {filter}"
    )
}

/// Applications over (see [`applications_over`]) whose clock started at or before
/// `started_by`, oldest first.
pub async fn unplaced_applications(
    conn: &mut AnyConnection,
    organisation_id: i64,
    started_by: i64,
) -> Result<Vec<Candidate>> {
    let sql = applications_over(
        "CASE WHEN withdrawn_at IS NOT NULL AND withdrawn_at > last_step THEN withdrawn_at ELSE last_step END <= $2
         ORDER BY started_at, id",
    );
    db::all(conn, &sql, (organisation_id, started_by)).await
}

/// Mail sent or given up on whose last attempt was at or before `started_by`.
pub async fn sent_mail(conn: &mut AnyConnection, organisation_id: i64, started_by: i64) -> Result<Vec<Candidate>> {
    db::all(
        conn,
        "SELECT id, subject AS label, status AS state, COALESCE(sent_at, first_failed_at, created_at) AS started_at
         FROM outbox_messages
         WHERE organisation_id = $1 AND status IN ('sent', 'failed')
           AND COALESCE(sent_at, first_failed_at, created_at) <= $2
         ORDER BY started_at, id",
        (organisation_id, started_by),
    )
    .await
}

/// Statuses of a course that is over: its observations' clock runs.
const OVER: &str = "('completed', 'archived', 'cancelled')";

/// One participant's observations on a course of the organisation that is over.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct ObservedParticipant {
    /// The participant on the course (`course_participants`).
    pub id: i64,
    /// The course's name (names no person).
    pub course_name: String,
    pub observations: i64,
    /// The course's last session (`YYYY-MM-DD`; its first day when it has none).
    pub last_day: String,
}

/// Every participant with observations on a course of the organisation that is over,
/// those whose course ended first first.
pub async fn observed_participants(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<ObservedParticipant>> {
    db::all(
        conn,
        &format!(
            "SELECT o.participant_id AS id, c.name AS course_name, COUNT(*) AS observations,
                    COALESCE((SELECT MAX(s.date) FROM course_sessions s WHERE s.course_id = c.id), c.start_date)
                        AS last_day
             FROM observations o JOIN courses c ON c.id = o.course_id
             WHERE c.organisation_id = $1 AND c.status IN {OVER}
             GROUP BY o.participant_id, c.id, c.name, c.start_date
             ORDER BY last_day, id"
        ),
        (organisation_id,),
    )
    .await
}

/// Removes the observations about one participant of a course of the organisation that is
/// over; false when there are none (any more).
pub async fn remove_observations(conn: &mut AnyConnection, organisation_id: i64, participant_id: i64) -> Result<bool> {
    let removed = db::changed(
        conn,
        &format!(
            "DELETE FROM observations WHERE participant_id = $2
               AND course_id IN (SELECT id FROM courses WHERE organisation_id = $1 AND status IN {OVER})"
        ),
        (organisation_id, participant_id),
    )
    .await?;
    Ok(removed > 0)
}

/// Locks a record a rule counts until the transaction ends, so that a hold put on it and
/// its removal never overlap: whichever comes second sees what the first did. A row lock
/// on PostgreSQL; SQLite's writers take turns anyway. The kind's code names the table.
pub async fn lock_record(tx: &mut WriteTx, kind: &str, id: i64) -> Result<()> {
    if tx.backend() != Backend::Postgres {
        return Ok(());
    }
    let table = match kind {
        "sent_mail" => "outbox_messages",
        "observations" => "course_participants",
        _ => "applications",
    };
    db::execute(&mut *tx.tx, &format!("SELECT id FROM {table} WHERE id = $1 FOR UPDATE"), (id,)).await?;
    Ok(())
}

/// Removes one application that is over and what belongs only to it: its history,
/// pre-conversations, offers, consent links and mail, the consents about a person who
/// goes with it, and the persons and household no other record refers to. False when it
/// is no longer one to remove (it got a place, or was removed meanwhile).
pub async fn remove_application(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<bool> {
    let over: Option<Candidate> =
        db::optional(&mut *conn, &applications_over("id = $2"), (organisation_id, id)).await?;
    if over.is_none() {
        return Ok(false);
    }
    let found: Option<(i64, i64, i64)> = db::optional(
        &mut *conn,
        "SELECT participant_id, contact_person_id, household_id FROM applications WHERE id = $1",
        (id,),
    )
    .await?;
    let Some((participant, contact, household)) = found else {
        return Ok(false);
    };
    for table in ["application_events", "pre_conversations", "consent_links", "offers"] {
        db::execute(&mut *conn, &format!("DELETE FROM {table} WHERE application_id = $1"), (id,)).await?;
    }
    db::execute(
        &mut *conn,
        "DELETE FROM outbox_messages WHERE organisation_id = $1 AND related_type = 'application' AND related_id = $2",
        (organisation_id, id),
    )
    .await?;
    db::execute(&mut *conn, "DELETE FROM applications WHERE id = $1", (id,)).await?;

    let mut persons: BTreeSet<i64> = BTreeSet::from([participant, contact]);
    let members: Vec<i64> =
        db::scalars(&mut *conn, "SELECT id FROM persons WHERE household_id = $1", (household,)).await?;
    persons.extend(members);
    let mut going: BTreeSet<i64> = BTreeSet::new();
    for person in persons {
        if !referred_to(conn, person).await? {
            going.insert(person);
        }
    }
    // A consent given for someone who stays is their evidence: its giver stays too.
    loop {
        let mut kept = Vec::new();
        for person in &going {
            let participants: Vec<i64> =
                db::scalars(&mut *conn, "SELECT participant_id FROM consents WHERE giver_id = $1", (*person,)).await?;
            if participants.iter().any(|p| !going.contains(p)) {
                kept.push(*person);
            }
        }
        if kept.is_empty() {
            break;
        }
        for person in kept {
            going.remove(&person);
        }
    }
    for person in &going {
        db::execute(&mut *conn, "DELETE FROM consents WHERE participant_id = $1", (*person,)).await?;
        db::execute(&mut *conn, "UPDATE persons SET merged_into = NULL WHERE id = $1", (*person,)).await?;
        db::execute(&mut *conn, "DELETE FROM access_requests WHERE person_id = $1", (*person,)).await?;
    }
    for person in &going {
        db::execute(&mut *conn, "DELETE FROM persons WHERE id = $1", (*person,)).await?;
    }
    let household_used = db::exists(
        &mut *conn,
        "SELECT 1 FROM persons WHERE household_id = $1
         UNION ALL SELECT 1 FROM applications WHERE household_id = $1
         UNION ALL SELECT 1 FROM households WHERE merged_into = $1",
        (household,),
    )
    .await?;
    if !household_used {
        db::execute(&mut *conn, "DELETE FROM households WHERE id = $1", (household,)).await?;
    }
    Ok(true)
}

/// Whether any record but a consent or an answered access request about the person refers
/// to them (a request still to answer keeps them until it is answered).
async fn referred_to(conn: &mut AnyConnection, person: i64) -> Result<bool> {
    db::exists(
        conn,
        "SELECT 1 FROM applications WHERE participant_id = $1 OR contact_person_id = $1
         UNION ALL SELECT 1 FROM course_participants WHERE person_id = $1
         UNION ALL SELECT 1 FROM consent_links WHERE giver_id = $1 OR participant_id = $1
         UNION ALL SELECT 1 FROM round_recipients WHERE person_id = $1
         UNION ALL SELECT 1 FROM person_reminder_opt_outs WHERE person_id = $1
         UNION ALL SELECT 1 FROM attendance_guardians WHERE person_id = $1
         UNION ALL SELECT 1 FROM persons WHERE merged_into = $1
         UNION ALL SELECT 1 FROM access_requests WHERE person_id = $1 AND answered_on IS NULL",
        (person,),
    )
    .await
}

/// Removes one mail's record; false when it is gone already.
pub async fn remove_mail(conn: &mut AnyConnection, organisation_id: i64, id: i64) -> Result<bool> {
    db::changed_one(
        conn,
        "DELETE FROM outbox_messages WHERE organisation_id = $1 AND id = $2 AND status IN ('sent', 'failed')",
        (organisation_id, id),
    )
    .await
}

/// Notes one removal under a rule for the deletion report.
pub async fn note_removal(
    conn: &mut AnyConnection,
    organisation_id: i64,
    kind: &str,
    months: i64,
    now: i64,
) -> Result<()> {
    db::execute(
        conn,
        "INSERT INTO retention_removals (organisation_id, kind, months, removed_at) VALUES ($1, $2, $3, $4)",
        (organisation_id, kind, months, now),
    )
    .await
}

/// A legal hold, current or released.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Hold {
    pub id: i64,
    pub kind: String,
    pub record_id: i64,
    pub reason: String,
    pub held_by_name: Option<String>,
    pub held_at: i64,
}

/// The organisation's current holds, newest first.
pub async fn holds(conn: &mut AnyConnection, organisation_id: i64) -> Result<Vec<Hold>> {
    db::all(
        conn,
        "SELECT h.id, h.kind, h.record_id, h.reason, u.name AS held_by_name, h.held_at
         FROM retention_holds h LEFT JOIN users u ON u.id = h.held_by
         WHERE h.organisation_id = $1 AND h.released_at IS NULL
         ORDER BY h.held_at DESC, h.id DESC",
        (organisation_id,),
    )
    .await
}

/// Holds a record; its id, or `None` when it is held already.
pub async fn hold(
    conn: &mut AnyConnection,
    organisation_id: i64,
    (kind, record_id): (&str, i64),
    reason: &str,
    by: i64,
    now: i64,
) -> Result<Option<i64>> {
    let held = db::exists(
        &mut *conn,
        "SELECT 1 FROM retention_holds WHERE organisation_id = $1 AND kind = $2 AND record_id = $3
           AND released_at IS NULL",
        (organisation_id, kind, record_id),
    )
    .await?;
    if held {
        return Ok(None);
    }
    let id = db::scalar(
        conn,
        "INSERT INTO retention_holds (organisation_id, kind, record_id, reason, held_by, held_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        (organisation_id, kind, record_id, reason, by, now),
    )
    .await?;
    Ok(Some(id))
}

/// Releases a current hold; NotFound when the organisation holds no such.
pub async fn release(conn: &mut AnyConnection, organisation_id: i64, id: i64, by: i64, now: i64) -> Result<()> {
    db::execute_found(
        conn,
        "UPDATE retention_holds SET released_by = $1, released_at = $2
         WHERE organisation_id = $3 AND id = $4 AND released_at IS NULL",
        (by, now, organisation_id, id),
    )
    .await
}

/// One line of the deletion report: how many records a rule removed in a period.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct RemovalCount {
    pub kind: String,
    pub months: i64,
    pub removed: i64,
}

/// What each rule removed from `from` up to but not including `to` (Unix seconds).
pub async fn removals(
    conn: &mut AnyConnection,
    organisation_id: i64,
    (from, to): (i64, i64),
) -> Result<Vec<RemovalCount>> {
    db::all(
        conn,
        "SELECT kind, months, COUNT(*) AS removed FROM retention_removals
         WHERE organisation_id = $1 AND removed_at >= $2 AND removed_at < $3
         GROUP BY kind, months ORDER BY kind, months",
        (organisation_id, from, to),
    )
    .await
}

/// The organisations, for the daily run.
pub async fn organisations(conn: &mut AnyConnection) -> Result<Vec<i64>> {
    db::scalars(conn, "SELECT id FROM organisations ORDER BY id", ()).await
}
