//! The course report: the tables the seeds' reports show (participants by age band,
//! recruitment channels, attendance per session with guardians, other parents and family
//! members,
//! attendance per participant as a distribution, dropouts), made from the course's data,
//! with the evaluation summary and outcome change beside them.
//!
//! The evaluation and outcome parts are `services::questionnaires::results` as they are.
//!
//! It is for the course's working group and those who read evaluation results
//! (`ViewEvaluationResults`: the coordinator, the course's leaders and user
//! representatives, analysts). It names nobody and shows no contact or sensitive field,
//! only counts, so reading it is not audited (a refusal is, by `Actor::on_course`).
//! Dropout reasons are shown in the words leaders typed, grouped and counted, and only to
//! those who see the course's participants anyway (its leaders, the coordinator).

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::questionnaires::results::{course_evaluation_in, course_outcome_change_in};
use crate::services::questionnaires::results::{CourseEvaluation, OutcomeChange};
use crate::AppState;
use chrono::NaiveDate;
use samla_domain::intake::household::HouseholdRole;
use samla_domain::planning::session::SessionKind;
use samla_domain::programmes::Audience as SessionAudience;
use samla_domain::reports::course_report::{
    age_bands, attendance_totals, attended_distribution, count_by, dropout_reasons, dropout_timing, session_count,
    HeldFigures, SessionState,
};
use samla_domain::running::attendance::{summarise, Attendance};
use samla_domain::Action;
use samla_storage::intake::{applications, channels};
use samla_storage::reports::course_report as store;
use samla_storage::running::overview::{self as running, EntryRow, GuardianEntryRow};
use samla_storage::StoreError;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// The course the report is about.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportCourse {
    pub id: i64,
    pub name: String,
    /// The programme the course was planned from.
    pub programme: String,
    /// draft, ready, recruiting, running, completed, archived or cancelled.
    pub status: String,
    pub venue: String,
    #[schema(value_type = String, format = Date)]
    pub start_date: String,
    /// The day of the last session or meeting that is not cancelled; none before any is planned.
    #[schema(value_type = Option<String>, format = Date)]
    pub end_date: Option<String>,
}

/// How many participants were of the ages in one band when the course started.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportAgeBand {
    /// The band as shown: "0-5", "6-8", "9-10", "11-12", "13-15", "16-17", "18-29",
    /// "30-39", "40-49", "50-59", "60-69" or "70+".
    pub band: String,
    /// The youngest age in the band.
    #[schema(minimum = 0)]
    pub from: u32,
    /// The oldest age in the band; none for "70+".
    #[schema(minimum = 0)]
    pub to: Option<u32>,
    #[schema(minimum = 0)]
    pub participants: u32,
}

/// Who took part, counted.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportParticipants {
    /// Everyone enrolled as a participant, dropouts included.
    #[schema(minimum = 0)]
    pub started: u32,
    /// Still taking part (not dropped out).
    #[schema(minimum = 0)]
    pub completed: u32,
    #[schema(minimum = 0)]
    pub dropped_out: u32,
    /// Of `started`: children (the rest are adults).
    #[schema(minimum = 0)]
    pub children: u32,
    /// Guardians enrolled to join the parent sessions.
    #[schema(minimum = 0)]
    pub parents_enrolled: u32,
    /// The day ages are counted on: the course's first session.
    #[schema(value_type = String, format = Date)]
    pub ages_on: String,
    /// From the youngest participant's band to the oldest's, empty bands between
    /// included; empty when no birth date is known.
    pub age_bands: Vec<CourseReportAgeBand>,
    /// Participants without a known birth date.
    #[schema(minimum = 0)]
    pub age_unknown: u32,
}

/// One way participants heard of the course or were referred to it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportChannel {
    /// None: applications and participants without a recorded channel.
    pub channel_id: Option<i64>,
    /// A seeded channel's code (shown translated); none for one the organisation added.
    pub code: Option<String>,
    /// The name of a channel the organisation added.
    pub name: Option<String>,
    /// heard, referral or both; none for the row without a channel.
    pub kind: Option<String>,
    /// Applications and referrals for the course through this channel (merged ones not counted).
    #[schema(minimum = 0)]
    pub applications: u32,
    /// Participants who started through this channel.
    #[schema(minimum = 0)]
    pub participants: u32,
}

/// How participants came to the course.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportRecruitment {
    /// Most participants first; the row without a channel last.
    pub channels: Vec<CourseReportChannel>,
    /// Applications and referrals for the course in all (merged ones not counted).
    #[schema(minimum = 0)]
    pub applications: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CourseReportSessionKind {
    Session,
    /// A group meeting: parent meeting, network meeting, family gathering …
    Meeting,
}

impl From<SessionKind> for CourseReportSessionKind {
    fn from(kind: SessionKind) -> Self {
        match kind {
            SessionKind::Session => CourseReportSessionKind::Session,
            SessionKind::Meeting => CourseReportSessionKind::Meeting,
        }
    }
}

/// What became of a planned session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CourseReportSessionState {
    /// Its attendance sheet is saved.
    Held,
    Cancelled,
    /// No attendance sheet (yet).
    NotRecorded,
}

impl From<SessionState> for CourseReportSessionState {
    fn from(state: SessionState) -> Self {
        match state {
            SessionState::Held => CourseReportSessionState::Held,
            SessionState::Cancelled => CourseReportSessionState::Cancelled,
            SessionState::NotRecorded => CourseReportSessionState::NotRecorded,
        }
    }
}

/// One session or group meeting and who came; counts only when it was held.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportSession {
    pub session_id: i64,
    pub kind: CourseReportSessionKind,
    /// 1, 2, 3 … among the course's sessions (cancelled ones keep their number); none for meetings.
    #[schema(minimum = 1)]
    pub number: Option<u32>,
    pub meeting_kind: Option<String>,
    pub title: String,
    #[schema(value_type = String, format = Date)]
    pub date: String,
    /// HH:MM, local time.
    pub start_time: String,
    pub state: CourseReportSessionState,
    /// The cancelled session this one replaces.
    pub replaces_session_id: Option<i64>,
    /// Children (participants) who came: present, late or left early.
    #[schema(minimum = 0)]
    pub participants_attended: Option<u32>,
    /// Participants on the sheet: everyone expected (at a session for parents, nobody).
    #[schema(minimum = 0)]
    pub participants_expected: Option<u32>,
    /// participants, parents, family or network: who the session was for.
    pub audience: String,
    /// Guardians on the list who came (parent and family sessions).
    #[schema(minimum = 0)]
    pub guardians_attended: Option<u32>,
    /// Guardians on the sheet: every guardian expected.
    #[schema(minimum = 0)]
    pub guardians_expected: Option<u32>,
    /// Other parents and grown-ups of the families, counted without names.
    #[schema(minimum = 0)]
    pub parents: Option<u32>,
    /// Other family members (siblings and others), counted.
    #[schema(minimum = 0)]
    pub family_members: Option<u32>,
}

/// The held sessions added up (group meetings are not included).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportTotals {
    /// Sessions (not meetings) in the plan, cancelled ones included.
    #[schema(minimum = 0)]
    pub planned: u32,
    #[schema(minimum = 0)]
    pub held: u32,
    #[schema(minimum = 0)]
    pub cancelled: u32,
    #[schema(minimum = 0)]
    pub not_recorded: u32,
    #[schema(minimum = 0)]
    pub participants_attended: u32,
    #[schema(minimum = 0)]
    pub participants_expected: u32,
    #[schema(minimum = 0)]
    pub guardians_attended: u32,
    #[schema(minimum = 0)]
    pub guardians_expected: u32,
    #[schema(minimum = 0)]
    pub parents: u32,
    #[schema(minimum = 0)]
    pub family_members: u32,
    /// Participants per held session that expected them (sessions for parents only are
    /// left out), to one decimal.
    #[schema(minimum = 0)]
    pub mean_participants_attended: Option<f64>,
    /// Attended of expected, whole per cent.
    #[schema(minimum = 0, maximum = 100)]
    pub attendance_percent: Option<u32>,
}

/// How many participants attended `attended` of the `held` sessions they were expected at.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportAttendedOf {
    #[schema(minimum = 0)]
    pub attended: u32,
    #[schema(minimum = 0)]
    pub held: u32,
    #[schema(minimum = 1)]
    pub participants: u32,
}

/// Attendance over the course.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportAttendance {
    /// The sessions (in any state) and the held group meetings in time order. Meetings
    /// about one family (closing conversations, follow-ups) are counted in
    /// `family_meetings_held` instead.
    pub sessions: Vec<CourseReportSession>,
    pub totals: CourseReportTotals,
    /// Meetings about one participant and their family that were held.
    #[schema(minimum = 0)]
    pub family_meetings_held: u32,
    /// "Attended x of y" over the participants (sessions only), the most sessions first.
    pub per_participant: Vec<CourseReportAttendedOf>,
}

/// How many gave one reason for dropping out.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportDropoutReason {
    /// As a leader typed it (spellings that differ only in spacing and case counted
    /// together); none when no reason was given.
    pub reason: Option<String>,
    #[schema(minimum = 1)]
    pub count: u32,
}

/// How many dropped out after a number of held sessions.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportDropoutTiming {
    /// Sessions held before the day they dropped out.
    #[schema(minimum = 0)]
    pub after_sessions: u32,
    #[schema(minimum = 1)]
    pub count: u32,
}

/// Participants who dropped out.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportDropouts {
    #[schema(minimum = 0)]
    pub count: u32,
    /// Of those who started, whole per cent; none when nobody started.
    #[schema(minimum = 0, maximum = 100)]
    pub percent_of_started: Option<u32>,
    /// The most common reason first. Null for a reader who may not see the course's
    /// participants (user representatives, analysts): a reason in a small group can tell
    /// whose it is, and those readers do not see it on the attendance overview either.
    pub reasons: Option<Vec<CourseReportDropoutReason>>,
    pub timing: Vec<CourseReportDropoutTiming>,
}

/// A deviation from the programme's rules a coordinator accepted for the course.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReportDeviation {
    /// group_leaders, certified_group_leaders or user_representatives.
    pub kind: String,
    /// Planned sessions that lacked staff of this kind when it was accepted.
    #[schema(minimum = 1)]
    pub sessions: u32,
    /// The fewest of this kind planned at one of them.
    #[schema(minimum = 0)]
    pub fewest: u32,
    /// What the programme asks at each session.
    #[schema(minimum = 0)]
    pub needed: u32,
    /// The coordinator's reason, as written.
    pub reason: String,
    /// The organisation's day it was accepted.
    #[schema(value_type = String, format = Date)]
    pub accepted_on: String,
}

/// A course's report: counts only, no names.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CourseReport {
    pub course: CourseReportCourse,
    /// The organisation's day the report was made.
    #[schema(value_type = String, format = Date)]
    pub made_on: String,
    pub participants: CourseReportParticipants,
    pub recruitment: CourseReportRecruitment,
    pub attendance: CourseReportAttendance,
    pub dropouts: CourseReportDropouts,
    /// The deviations from the programme's rules a coordinator accepted, oldest first.
    pub accepted_deviations: Vec<CourseReportDeviation>,
    /// Every questionnaire round of the course with its results, as
    /// getCourseEvaluationSummary gives them (items shown once the round has closed, from 5
    /// responses on).
    pub evaluation: CourseEvaluation,
    /// The change in scored scales from before the course to its end and follow-up, as
    /// getCourseOutcomeChange gives it (closed rounds only).
    pub outcome_change: OutcomeChange,
}

fn parse_day(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}

fn to_u32(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// The course's report, for those who may read its evaluation results; questionnaire
/// and scale texts in `language` (nb or en) where the questionnaire has it.
pub async fn course_report(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    language: &str,
) -> Result<CourseReport, WebError> {
    let course = actor.on_course(state, Action::ViewEvaluationResults, course_id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let sees_participants =
        actor.may_on_course(&state.clock, &mut *conn, Action::ViewParticipantContacts, course.id).await?;
    let programme = store::programme_name(&mut conn, course.programme_version_id).await?;
    let participants = store::participants(&mut conn, course.id).await?;
    let parents_enrolled = store::count_parents(&mut conn, course.id).await?;
    let sessions = store::sessions(&mut conn, course.id).await?;
    let entries = running::entries(&mut conn, course.id).await?;
    let guardian_entries = running::guardian_entries(&mut conn, course.id).await?;
    let all_channels = channels::list(&mut conn, actor.organisation.id, true).await?;
    let applied = applications::count_by_channel(&mut conn, course.id).await?;
    let start = crate::services::courses::age_day(&mut conn, &course).await?;
    let accepted = samla_storage::course_deviations::accepted(&mut conn, course.id).await?;
    drop(conn);

    let end_date = sessions.iter().filter(|s| !s.status.is_cancelled()).map(|s| s.date.clone()).max();
    let made_on = actor.organisation.today(&state.clock).to_string();

    // Participants and their ages when the course started.
    let started = participants.len() as u32;
    let dropped: Vec<&store::ReportParticipant> = participants.iter().filter(|p| p.status.is_dropped_out()).collect();
    let births: Vec<Option<NaiveDate>> =
        participants.iter().map(|p| p.birth_date.as_deref().and_then(parse_day)).collect();
    let ages = age_bands(&births, start);
    let participants_section = CourseReportParticipants {
        started,
        completed: started - dropped.len() as u32,
        dropped_out: dropped.len() as u32,
        children: participants.iter().filter(|p| p.household_role == HouseholdRole::Child).count() as u32,
        parents_enrolled: to_u32(parents_enrolled),
        ages_on: start.to_string(),
        age_bands: ages
            .bands
            .iter()
            .map(|b| {
                let (from, to) = b.band.bounds();
                let band = serde_json::to_value(b.band).ok().and_then(|v| v.as_str().map(str::to_string));
                CourseReportAgeBand { band: band.unwrap_or_default(), from, to, participants: b.count }
            })
            .collect(),
        age_unknown: ages.unknown,
    };

    let recruitment = CourseReportRecruitment {
        channels: channel_rows(&all_channels, &applied, &participants),
        applications: applied.iter().map(|(_, n)| to_u32(*n)).sum(),
    };
    let attendance = attendance_section(&sessions, (&entries, &guardian_entries), &participants);

    // Dropouts: reasons in leaders' words, and when in the course they came.
    let held_days: Vec<NaiveDate> = sessions
        .iter()
        .filter(|s| s.kind.is_session() && SessionState::of(s.status, s.has_sheet == 1) == SessionState::Held)
        .filter_map(|s| parse_day(&s.date))
        .collect();
    let dropout_days: Vec<NaiveDate> =
        dropped.iter().filter_map(|p| p.dropped_out_on.as_deref().and_then(parse_day)).collect();
    let dropouts = CourseReportDropouts {
        count: dropped.len() as u32,
        percent_of_started: (started > 0)
            .then(|| samla_domain::reports::course_report::percent(dropped.len() as u32, started)),
        reasons: sees_participants.then(|| {
            dropout_reasons(dropped.iter().map(|p| p.dropout_reason.as_deref()))
                .into_iter()
                .map(|r| CourseReportDropoutReason { reason: r.reason, count: r.count })
                .collect()
        }),
        timing: dropout_timing(&held_days, &dropout_days)
            .into_iter()
            .map(|t| CourseReportDropoutTiming { after_sessions: t.after_sessions, count: t.count })
            .collect(),
    };

    let evaluation = course_evaluation_in(state, actor, course.id, language).await?;
    let outcome_change = course_outcome_change_in(state, actor, course.id, language).await?;

    Ok(CourseReport {
        course: CourseReportCourse {
            id: course.id,
            name: course.name.clone(),
            programme,
            status: course.status.as_str().to_string(),
            venue: course.venue.clone(),
            start_date: course.start_date.clone(),
            end_date,
        },
        made_on,
        participants: participants_section,
        recruitment,
        attendance,
        dropouts,
        accepted_deviations: accepted
            .iter()
            .map(|row| CourseReportDeviation {
                kind: row.kind.as_str().to_string(),
                sessions: to_u32(row.sessions),
                fewest: to_u32(row.fewest),
                needed: to_u32(row.needed),
                reason: row.reason.clone(),
                accepted_on: actor.organisation.local_date(row.accepted_at).to_string(),
            })
            .collect(),
        evaluation,
        outcome_change,
    })
}

/// Applications and participants per channel: every channel either counts, in the
/// order most participants, most applications, the organisation's order; the row
/// without a channel last.
fn channel_rows(
    all: &[channels::Channel],
    applied: &[(Option<i64>, i64)],
    participants: &[store::ReportParticipant],
) -> Vec<CourseReportChannel> {
    let started: HashMap<Option<i64>, u32> = count_by(participants.iter().map(|p| p.channel_id)).into_iter().collect();
    let applied: HashMap<Option<i64>, u32> = applied.iter().map(|(id, n)| (*id, to_u32(*n))).collect();
    let count = |id: Option<i64>| (applied.get(&id).copied().unwrap_or(0), started.get(&id).copied().unwrap_or(0));
    let mut rows: Vec<(i64, CourseReportChannel)> = all
        .iter()
        .filter_map(|channel| {
            let (applications, participants) = count(Some(channel.id));
            (applications > 0 || participants > 0).then(|| {
                (
                    channel.position,
                    CourseReportChannel {
                        channel_id: Some(channel.id),
                        code: channel.code.clone(),
                        name: channel.name.clone().filter(|n| !n.trim().is_empty()),
                        kind: Some(channel.kind.as_str().to_string()),
                        applications,
                        participants,
                    },
                )
            })
        })
        .collect();
    rows.sort_by(|(pa, a), (pb, b)| {
        b.participants.cmp(&a.participants).then(b.applications.cmp(&a.applications)).then(pa.cmp(pb))
    });
    let mut rows: Vec<CourseReportChannel> = rows.into_iter().map(|(_, row)| row).collect();
    let (applications, participants) = count(None);
    if applications > 0 || participants > 0 {
        rows.push(CourseReportChannel {
            channel_id: None,
            code: None,
            name: None,
            kind: None,
            applications,
            participants,
        });
    }
    rows
}

/// Per session and group meeting, the totals over the held sessions, and "attended x of
/// y" per participant as a distribution.
fn attendance_section(
    sessions: &[store::ReportSession],
    (entries, guardian_entries): (&[EntryRow], &[GuardianEntryRow]),
    participants: &[store::ReportParticipant],
) -> CourseReportAttendance {
    let participant_ids: Vec<i64> = participants.iter().map(|p| p.id).collect();
    let marks_of = |session_id: i64| -> Vec<(i64, Attendance)> {
        entries
            .iter()
            .filter(|e| e.session_id == session_id && participant_ids.contains(&e.participant_id))
            .filter_map(|e| Some((e.participant_id, Attendance::parse(&e.attendance)?)))
            .collect()
    };
    let mut rows = Vec::new();
    let mut held_figures = Vec::new();
    let mut held_sessions = Vec::new();
    let (mut planned, mut cancelled, mut not_recorded, mut family_meetings_held) = (0, 0, 0, 0);
    let mut number = 0;
    for session in sessions {
        let state = SessionState::of(session.status, session.has_sheet == 1);
        let is_session = session.kind.is_session();
        if is_session {
            number += 1;
            planned += 1;
            match state {
                SessionState::Cancelled => cancelled += 1,
                SessionState::NotRecorded => not_recorded += 1,
                SessionState::Held => {}
            }
        }
        if session.participant_id.is_some() {
            // A meeting about one family: counted, not listed, since a row of its own
            // would tell whose meeting it was.
            if state == SessionState::Held {
                family_meetings_held += 1;
            }
            continue;
        }
        let held = state == SessionState::Held;
        if !is_session && !held {
            // Meetings are reported once held; planned ones (pre-conversations, a parent
            // evening ahead) are not part of the course's attendance yet.
            continue;
        }
        let marks = marks_of(session.id);
        let count = session_count(&marks.iter().map(|(_, a)| *a).collect::<Vec<_>>());
        let guardians = session_count(
            &guardian_entries
                .iter()
                .filter(|e| e.session_id == session.id)
                .filter_map(|e| Attendance::parse(&e.attendance))
                .collect::<Vec<_>>(),
        );
        let parents = to_u32(session.parents.unwrap_or(0));
        let family_members = to_u32(session.family_members.unwrap_or(0));
        if held && is_session {
            held_figures.push(HeldFigures {
                attended: count.attended,
                expected: count.expected,
                parents_only: session.audience == SessionAudience::Parents && count.expected == 0,
                guardians_attended: guardians.attended,
                guardians_expected: guardians.expected,
                parents,
                family_members,
            });
            held_sessions.push(marks);
        }
        rows.push(CourseReportSession {
            session_id: session.id,
            kind: session.kind.into(),
            number: is_session.then_some(number),
            meeting_kind: session.meeting_kind.clone(),
            title: session.title.clone(),
            date: session.date.clone(),
            start_time: session.start_time.clone(),
            state: state.into(),
            replaces_session_id: session.replaces_session_id,
            participants_attended: held.then_some(count.attended),
            participants_expected: held.then_some(count.expected),
            audience: session.audience.as_str().to_string(),
            guardians_attended: held.then_some(guardians.attended),
            guardians_expected: held.then_some(guardians.expected),
            parents: held.then_some(parents),
            family_members: held.then_some(family_members),
        });
    }
    let totals = attendance_totals(&held_figures);
    // Each participant's history over the held sessions, as the overview reads it.
    let summaries: Vec<(u32, u32)> = participant_ids
        .iter()
        .map(|id| {
            let history: Vec<Option<Attendance>> =
                held_sessions.iter().map(|marks| marks.iter().find(|(p, _)| p == id).map(|(_, a)| *a)).collect();
            let summary = summarise(&history);
            (summary.attended, summary.held)
        })
        // Someone expected at no held session yet has no "x of y" to show.
        .filter(|&(_, held)| held > 0)
        .collect();
    CourseReportAttendance {
        sessions: rows,
        totals: CourseReportTotals {
            planned,
            held: totals.held,
            cancelled,
            not_recorded,
            participants_attended: totals.attended,
            participants_expected: totals.expected,
            guardians_attended: totals.guardians_attended,
            guardians_expected: totals.guardians_expected,
            parents: totals.parents,
            family_members: totals.family_members,
            mean_participants_attended: totals.mean_attended,
            attendance_percent: totals.attendance_percent,
        },
        family_meetings_held,
        per_participant: attended_distribution(&summaries)
            .into_iter()
            .map(|r| CourseReportAttendedOf { attended: r.attended, held: r.held, participants: r.participants })
            .collect(),
    }
}
