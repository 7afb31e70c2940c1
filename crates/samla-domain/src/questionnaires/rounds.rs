//! Rounds of asking: whom a round asks (audience), whether answers carry who gave them
//! (mode), when in the course it asks (timing), its default opening and closing days, the
//! outcome schedule (before, end, follow-up), when a personal link stops working and
//! when the one reminder goes out. Plain functions; today is always an argument.
//!
//! Rules chosen here (and why):
//! - A session round opens on the session's day and closes a week later: answers come
//!   while the session is fresh.
//! - A "before" round closes on the first session's day and opens two weeks before it
//!   (or today, if that is later); when the course has already begun it opens today and
//!   closes a week later — a late baseline is better than none.
//! - An "end" round opens on the last session's day and stays open two weeks.
//! - A follow-up opens `follow_up_months` months after the last session (the course's
//!   end) and stays open three weeks.
//! - A personal link works until the end of the closing day in the organisation's time.
//! - One reminder per round, to those invited who have not answered: seven days after the
//!   invitation, but at the latest two days before closing, and never on the day of the
//!   invitation itself; a round too short for that gets no reminder.
//! - QR codes give anonymous answers from whoever is in the room, so they go only with
//!   anonymous rounds.

use crate::{FieldError, FieldErrors};
use chrono::{Datelike, Duration, Months, NaiveDate, TimeZone};

/// Days a session round stays open after the session.
pub const SESSION_WINDOW_DAYS: i64 = 7;
/// Days a "before" round opens ahead of the first session.
pub const BEFORE_LEAD_DAYS: i64 = 14;
/// Days an "end" round stays open.
pub const END_WINDOW_DAYS: i64 = 14;
/// Days a follow-up round stays open.
pub const FOLLOW_UP_WINDOW_DAYS: i64 = 21;
/// Days an "other" round stays open by default.
pub const OTHER_WINDOW_DAYS: i64 = 14;
/// The default follow-up, in months after the course's end.
pub const DEFAULT_FOLLOW_UP_MONTHS: u32 = 3;
/// Follow-ups may be set from one month to two years after the end.
pub const FOLLOW_UP_MONTHS: std::ops::RangeInclusive<i64> = 1..=24;
/// The longest a round may stay open.
pub const MAX_WINDOW_DAYS: i64 = 180;
/// Days after the invitation the reminder goes out (at the latest two days before closing).
pub const REMINDER_AFTER_DAYS: i64 = 7;
const REMINDER_BEFORE_CLOSE_DAYS: i64 = 2;

stored_enum! {
    /// Whom a round asks.
    pub enum Audience("round audience") { Participants = "participants", Guardians = "guardians", Staff = "staff" }
}
stored_enum! {
    /// Whether answers carry who gave them.
    pub enum Mode("round mode") { Anonymous = "anonymous", Identified = "identified" }
}
stored_enum! {
    /// When in the course a round asks.
    pub enum Timing("round timing") {
        Session = "session",
        Before = "before",
        End = "end",
        FollowUp = "follow_up",
        Other = "other",
    }
}

/// The course's first and last session days (planned sessions, not meetings; the
/// course's start day when it has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CourseDays {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// The day `months` months after `day` (the month's last day when it is shorter).
pub fn months_after(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months)).unwrap_or(day)
}

/// The default opening and closing days of a round. `session_day` is the session's day
/// for a session round; `follow_up_months` counts a follow-up from the course's end.
pub fn default_window(
    timing: Timing,
    days: CourseDays,
    session_day: Option<NaiveDate>,
    follow_up_months: u32,
    today: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    match timing {
        Timing::Session => {
            let day = session_day.unwrap_or(today);
            (day, day + Duration::days(SESSION_WINDOW_DAYS))
        }
        Timing::Before => {
            if days.first < today {
                (today, today + Duration::days(SESSION_WINDOW_DAYS))
            } else {
                ((days.first - Duration::days(BEFORE_LEAD_DAYS)).max(today), days.first)
            }
        }
        Timing::End => (days.last, days.last + Duration::days(END_WINDOW_DAYS)),
        Timing::FollowUp => {
            let opens = months_after(days.last, follow_up_months);
            (opens, opens + Duration::days(FOLLOW_UP_WINDOW_DAYS))
        }
        Timing::Other => (today, today + Duration::days(OTHER_WINDOW_DAYS)),
    }
}

/// The three identified rounds of an outcome measure: before, at the end and the
/// follow-up, each with its window.
pub fn outcome_schedule(
    days: CourseDays,
    follow_up_months: u32,
    today: NaiveDate,
) -> [(Timing, NaiveDate, NaiveDate); 3] {
    [Timing::Before, Timing::End, Timing::FollowUp].map(|timing| {
        let (opens, closes) = default_window(timing, days, None, follow_up_months, today);
        (timing, opens, closes)
    })
}

/// When a personal link of a round closing on `closes_on` stops working: the end of that
/// day in the organisation's time zone (Unix seconds).
pub fn link_expiry<Tz: TimeZone>(closes_on: NaiveDate, zone: &Tz) -> i64 {
    let next = (closes_on + Duration::days(1)).and_hms_opt(0, 0, 0).unwrap_or_default();
    zone.from_local_datetime(&next)
        .earliest()
        // Midnight that does not exist (a time change at midnight): an hour later does.
        .or_else(|| zone.from_local_datetime(&(next + Duration::hours(1))).earliest())
        .map(|t| t.timestamp())
        .unwrap_or_else(|| next.and_utc().timestamp())
}

/// Where a round stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundState {
    /// Not open yet: invitations go out on the opening day.
    Scheduled,
    Open,
    /// Closed by hand or past its closing day: links no longer work.
    Closed,
}

impl RoundState {
    pub fn code(self) -> &'static str {
        match self {
            RoundState::Scheduled => "scheduled",
            RoundState::Open => "open",
            RoundState::Closed => "closed",
        }
    }
}

pub fn round_state(opens_on: NaiveDate, closes_on: NaiveDate, closed_by_hand: bool, today: NaiveDate) -> RoundState {
    if closed_by_hand || today > closes_on {
        RoundState::Closed
    } else if today < opens_on {
        RoundState::Scheduled
    } else {
        RoundState::Open
    }
}

/// Whether a round's results are due to be released on `today`: once it takes no more
/// answers, because staff closed it or its closing day has passed (days are the
/// organisation's). Results are released once and never change after; before that only
/// the count of answers is shown, since reading results before and after one more answer
/// would tell what that answer was.
pub fn results_release_due(closes_on: NaiveDate, closed_by_hand: bool, today: NaiveDate) -> bool {
    closed_by_hand || today > closes_on
}

/// Whether the invitations of a round go out today: it is open and they have not gone.
pub fn invitations_due(
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    closed_by_hand: bool,
    already_sent: bool,
    today: NaiveDate,
) -> bool {
    !already_sent && round_state(opens_on, closes_on, closed_by_hand, today) == RoundState::Open
}

/// The day the reminder of a round goes out, when invitations went out on `invited_on`;
/// `None` when the round is too short for one (see the module's rules).
pub fn reminder_day(invited_on: NaiveDate, closes_on: NaiveDate) -> Option<NaiveDate> {
    let day = (invited_on + Duration::days(REMINDER_AFTER_DAYS))
        .min(closes_on - Duration::days(REMINDER_BEFORE_CLOSE_DAYS))
        .max(invited_on + Duration::days(1));
    (day <= closes_on).then_some(day)
}

/// Whether the round's reminder goes out today.
pub fn reminder_due(
    invited_on: NaiveDate,
    closes_on: NaiveDate,
    closed_by_hand: bool,
    already_sent: bool,
    today: NaiveDate,
) -> bool {
    if already_sent || closed_by_hand || today > closes_on {
        return false;
    }
    reminder_day(invited_on, closes_on).is_some_and(|day| today >= day)
}

/// A request to start a round, as typed or sent (before parsing).
#[derive(Debug, Clone, Default)]
pub struct RoundRequest<'a> {
    pub audience: &'a str,
    pub mode: &'a str,
    pub timing: &'a str,
    pub session_id: Option<i64>,
    /// `YYYY-MM-DD`, or empty for the default.
    pub opens_on: &'a str,
    pub closes_on: &'a str,
    pub follow_up_months: Option<i64>,
    pub qr_code: bool,
}

/// A session of the course a round may be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionChoice {
    pub id: i64,
    pub date: NaiveDate,
}

/// A checked round request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundPlan {
    pub audience: Audience,
    pub mode: Mode,
    pub timing: Timing,
    pub session_id: Option<i64>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub follow_up_months: Option<u32>,
    pub qr_code: bool,
}

fn parse_day(field: &str, raw: &str) -> Result<Option<NaiveDate>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .map(Some)
        .ok_or_else(|| FieldError::new(field, "error-qround-date"))
}

/// Checks a round request against the course (`sessions`: its planned sessions that are
/// not cancelled) and fills in the default days. Every problem names its field.
pub fn check_request(
    request: &RoundRequest<'_>,
    days: CourseDays,
    sessions: &[SessionChoice],
    today: NaiveDate,
) -> Result<RoundPlan, FieldErrors> {
    let mut errors = FieldErrors::new();
    let audience = Audience::parse(request.audience.trim());
    if audience.is_none() {
        errors.push(FieldError::new("audience", "error-qround-audience"));
    }
    let mode = Mode::parse(request.mode.trim());
    if mode.is_none() {
        errors.push(FieldError::new("mode", "error-qround-mode"));
    }
    let timing = Timing::parse(request.timing.trim());
    if timing.is_none() {
        errors.push(FieldError::new("timing", "error-qround-timing"));
    }
    let session = match (timing, request.session_id) {
        (Some(Timing::Session), None) => {
            errors.push(FieldError::new("session_id", "error-qround-session-required"));
            None
        }
        (_, Some(id)) => match sessions.iter().find(|s| s.id == id) {
            Some(found) if timing == Some(Timing::Session) || timing.is_none() => Some(*found),
            Some(_) => {
                errors.push(FieldError::new("session_id", "error-qround-session-not-wanted"));
                None
            }
            None => {
                errors.push(FieldError::new("session_id", "error-qround-session-not-course"));
                None
            }
        },
        _ => None,
    };
    let follow_up_months = match (timing, request.follow_up_months) {
        (Some(Timing::FollowUp), None) => Some(DEFAULT_FOLLOW_UP_MONTHS),
        (Some(Timing::FollowUp), Some(months)) if FOLLOW_UP_MONTHS.contains(&months) => u32::try_from(months).ok(),
        (Some(Timing::FollowUp), Some(_)) => {
            errors.push(
                FieldError::new("follow_up_months", "error-qround-follow-up-months")
                    .with_arg("min", FOLLOW_UP_MONTHS.start())
                    .with_arg("max", FOLLOW_UP_MONTHS.end()),
            );
            None
        }
        (_, Some(_)) => {
            errors.push(FieldError::new("follow_up_months", "error-qround-follow-up-only"));
            None
        }
        (_, None) => None,
    };
    if request.qr_code && mode == Some(Mode::Identified) {
        errors.push(FieldError::new("qr_code", "error-qround-qr-identified"));
    }
    let opens = errors.take(parse_day("opens_on", request.opens_on));
    let closes = errors.take(parse_day("closes_on", request.closes_on));
    let mut window = None;
    if let (Some(timing), Some(opens), Some(closes)) = (timing, opens, closes) {
        let (default_opens, default_closes) = default_window(
            timing,
            days,
            session.map(|s| s.date),
            follow_up_months.unwrap_or(DEFAULT_FOLLOW_UP_MONTHS),
            today,
        );
        let opens_on = opens.unwrap_or(default_opens);
        let closes_on = closes.unwrap_or_else(|| {
            // Only the opening day given: the default length from there.
            if opens.is_some() {
                opens_on + (default_closes - default_opens)
            } else {
                default_closes
            }
        });
        if closes_on < opens_on {
            errors.push(FieldError::new("closes_on", "error-qround-closes-before-opens"));
        } else if closes_on < today {
            errors.push(FieldError::new("closes_on", "error-qround-closes-past"));
        } else if (closes_on - opens_on).num_days() > MAX_WINDOW_DAYS {
            errors.push(FieldError::new("closes_on", "error-qround-window-long").with_arg("days", MAX_WINDOW_DAYS));
        }
        window = Some((opens_on, closes_on));
    }
    errors.finish(|| ())?;
    let ((opens_on, closes_on), audience, mode, timing) = match (window, audience, mode, timing) {
        (Some(w), Some(a), Some(m), Some(t)) => (w, a, m, t),
        // Every missing part has pushed an error above.
        _ => return Err(FieldErrors::single(FieldError::new("timing", "error-qround-timing"))),
    };
    Ok(RoundPlan {
        audience,
        mode,
        timing,
        session_id: session.map(|s| s.id),
        opens_on,
        closes_on,
        follow_up_months,
        qr_code: request.qr_code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(raw: &str) -> NaiveDate {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap()
    }

    fn course() -> CourseDays {
        CourseDays { first: d("2026-03-02"), last: d("2026-05-18") }
    }

    fn request<'a>(audience: &'a str, mode: &'a str, timing: &'a str) -> RoundRequest<'a> {
        RoundRequest { audience, mode, timing, ..Default::default() }
    }

    fn fields(errors: FieldErrors) -> Vec<(String, &'static str)> {
        errors.0.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn codes_round_trip() {
        assert_eq!(Timing::parse("FOLLOW_UP"), None);
        assert_eq!(Timing::FollowUp.as_str(), "follow_up");
    }

    #[test]
    fn default_windows_follow_the_course() {
        let today = d("2026-02-01");
        assert_eq!(
            default_window(Timing::Session, course(), Some(d("2026-03-09")), 3, today),
            (d("2026-03-09"), d("2026-03-16"))
        );
        assert_eq!(default_window(Timing::Before, course(), None, 3, today), (d("2026-02-16"), d("2026-03-02")));
        // Two weeks before the start is already past: from today.
        assert_eq!(
            default_window(Timing::Before, course(), None, 3, d("2026-02-20")),
            (d("2026-02-20"), d("2026-03-02"))
        );
        // The course has begun: a late baseline, open a week.
        assert_eq!(
            default_window(Timing::Before, course(), None, 3, d("2026-03-10")),
            (d("2026-03-10"), d("2026-03-17"))
        );
        assert_eq!(default_window(Timing::End, course(), None, 3, today), (d("2026-05-18"), d("2026-06-01")));
        assert_eq!(default_window(Timing::FollowUp, course(), None, 3, today), (d("2026-08-18"), d("2026-09-08")));
        assert_eq!(default_window(Timing::Other, course(), None, 3, today), (d("2026-02-01"), d("2026-02-15")));
    }

    #[test]
    fn follow_up_counts_months_from_the_end_and_keeps_to_short_months() {
        assert_eq!(months_after(d("2026-11-30"), 3), d("2027-02-28"));
        let days = CourseDays { first: d("2026-09-01"), last: d("2026-11-30") };
        let schedule = outcome_schedule(days, 3, d("2026-08-01"));
        assert_eq!(schedule[0], (Timing::Before, d("2026-08-18"), d("2026-09-01")));
        assert_eq!(schedule[1], (Timing::End, d("2026-11-30"), d("2026-12-14")));
        assert_eq!(schedule[2], (Timing::FollowUp, d("2027-02-28"), d("2027-03-21")));
        assert_eq!(outcome_schedule(days, 6, d("2026-08-01"))[2].1, d("2027-05-30"));
    }

    #[test]
    fn links_expire_at_the_end_of_the_closing_day_in_local_time() {
        let oslo = chrono_tz::Europe::Oslo;
        // 2026-03-16 is winter time (UTC+1): midnight after it is 23:00 UTC.
        let expiry = link_expiry(d("2026-03-16"), &oslo);
        assert_eq!(expiry, d("2026-03-16").and_hms_opt(23, 0, 0).unwrap().and_utc().timestamp());
        // Summer time (UTC+2).
        let expiry = link_expiry(d("2026-06-01"), &oslo);
        assert_eq!(expiry, d("2026-06-01").and_hms_opt(22, 0, 0).unwrap().and_utc().timestamp());
    }

    #[test]
    fn states_and_invitations() {
        let (opens, closes) = (d("2026-03-09"), d("2026-03-16"));
        assert_eq!(round_state(opens, closes, false, d("2026-03-08")), RoundState::Scheduled);
        assert_eq!(round_state(opens, closes, false, opens), RoundState::Open);
        assert_eq!(round_state(opens, closes, false, closes), RoundState::Open);
        assert_eq!(round_state(opens, closes, false, d("2026-03-17")), RoundState::Closed);
        assert_eq!(round_state(opens, closes, true, opens), RoundState::Closed);
        assert!(!invitations_due(opens, closes, false, false, d("2026-03-08")));
        assert!(invitations_due(opens, closes, false, false, opens));
        assert!(invitations_due(opens, closes, false, false, d("2026-03-12")));
        assert!(!invitations_due(opens, closes, false, true, opens));
        assert!(!invitations_due(opens, closes, true, false, opens));
        assert!(!invitations_due(opens, closes, false, false, d("2026-03-17")));
    }

    #[test]
    fn results_are_due_when_the_round_takes_no_more_answers() {
        let closes = d("2026-03-16");
        assert!(!results_release_due(closes, false, d("2026-03-10")));
        assert!(!results_release_due(closes, false, closes), "answers come until the closing day ends");
        assert!(results_release_due(closes, false, d("2026-03-17")));
        assert!(results_release_due(closes, true, d("2026-03-10")), "closed by staff before its day");
    }

    #[test]
    fn one_reminder_a_week_after_or_two_days_before_closing() {
        // Long window: seven days after.
        assert_eq!(reminder_day(d("2026-03-01"), d("2026-03-31")), Some(d("2026-03-08")));
        // A week's window: two days before closing.
        assert_eq!(reminder_day(d("2026-03-09"), d("2026-03-16")), Some(d("2026-03-14")));
        // Two days' window: the next day.
        assert_eq!(reminder_day(d("2026-03-09"), d("2026-03-11")), Some(d("2026-03-10")));
        // One day: none.
        assert_eq!(reminder_day(d("2026-03-09"), d("2026-03-09")), None);
        let (invited, closes) = (d("2026-03-09"), d("2026-03-16"));
        assert!(!reminder_due(invited, closes, false, false, d("2026-03-13")));
        assert!(reminder_due(invited, closes, false, false, d("2026-03-14")));
        assert!(reminder_due(invited, closes, false, false, d("2026-03-16")));
        assert!(!reminder_due(invited, closes, false, false, d("2026-03-17")));
        assert!(!reminder_due(invited, closes, false, true, d("2026-03-14")));
        assert!(!reminder_due(invited, closes, true, false, d("2026-03-14")));
    }

    #[test]
    fn a_session_round_gets_its_days_from_the_session() {
        let sessions = [SessionChoice { id: 7, date: d("2026-03-09") }];
        let mut r = request("participants", "anonymous", "session");
        r.session_id = Some(7);
        r.qr_code = true;
        let plan = check_request(&r, course(), &sessions, d("2026-03-01")).unwrap();
        assert_eq!(plan.opens_on, d("2026-03-09"));
        assert_eq!(plan.closes_on, d("2026-03-16"));
        assert_eq!(plan.session_id, Some(7));
        assert!(plan.qr_code);
        // Only the opening day given: the default length from it.
        r.opens_on = "2026-03-10";
        let plan = check_request(&r, course(), &sessions, d("2026-03-01")).unwrap();
        assert_eq!((plan.opens_on, plan.closes_on), (d("2026-03-10"), d("2026-03-17")));
    }

    #[test]
    fn every_problem_names_its_field() {
        let sessions = [SessionChoice { id: 7, date: d("2026-03-09") }];
        let errors =
            check_request(&request("pupils", "secret", "later"), course(), &sessions, d("2026-03-01")).unwrap_err();
        assert_eq!(
            fields(errors),
            [
                ("audience".into(), "error-qround-audience"),
                ("mode".into(), "error-qround-mode"),
                ("timing".into(), "error-qround-timing")
            ]
        );
        let errors =
            check_request(&request("guardians", "identified", "session"), course(), &sessions, d("2026-03-01"))
                .unwrap_err();
        assert_eq!(fields(errors), [("session_id".into(), "error-qround-session-required")]);
        let mut r = request("guardians", "identified", "session");
        r.session_id = Some(8);
        r.qr_code = true;
        let errors = check_request(&r, course(), &sessions, d("2026-03-01")).unwrap_err();
        assert_eq!(
            fields(errors),
            [
                ("session_id".into(), "error-qround-session-not-course"),
                ("qr_code".into(), "error-qround-qr-identified")
            ]
        );
        let mut r = request("guardians", "identified", "end");
        r.session_id = Some(7);
        r.follow_up_months = Some(3);
        let errors = check_request(&r, course(), &sessions, d("2026-03-01")).unwrap_err();
        assert_eq!(
            fields(errors),
            [
                ("session_id".into(), "error-qround-session-not-wanted"),
                ("follow_up_months".into(), "error-qround-follow-up-only")
            ]
        );
    }

    #[test]
    fn dates_and_months_are_checked() {
        let mut r = request("staff", "anonymous", "follow_up");
        r.follow_up_months = Some(0);
        r.opens_on = "2026-04-10";
        r.closes_on = "2026-04-01";
        let errors = check_request(&r, course(), &[], d("2026-03-01")).unwrap_err();
        assert_eq!(
            fields(errors),
            [
                ("follow_up_months".into(), "error-qround-follow-up-months"),
                ("closes_on".into(), "error-qround-closes-before-opens")
            ]
        );
        r.follow_up_months = Some(25);
        assert!(check_request(&r, course(), &[], d("2026-03-01")).is_err());
        r.follow_up_months = Some(24);
        let errors = check_request(&r, course(), &[], d("2026-03-01")).unwrap_err();
        assert_eq!(fields(errors), [("closes_on".into(), "error-qround-closes-before-opens")]);
        r.opens_on = "2026-02-01";
        r.closes_on = "2026-02-20";
        let errors = check_request(&r, course(), &[], d("2026-03-01")).unwrap_err();
        assert_eq!(fields(errors), [("closes_on".into(), "error-qround-closes-past")]);
        r.closes_on = "2026-12-20";
        let errors = check_request(&r, course(), &[], d("2026-03-01")).unwrap_err();
        assert_eq!(fields(errors), [("closes_on".into(), "error-qround-window-long")]);
        r.closes_on = "20.12.2026";
        let errors = check_request(&r, course(), &[], d("2026-03-01")).unwrap_err();
        assert_eq!(fields(errors), [("closes_on".into(), "error-qround-date")]);
        // Follow-up without months: three.
        let r = request("guardians", "identified", "follow_up");
        let plan = check_request(&r, course(), &[], d("2026-03-01")).unwrap();
        assert_eq!(plan.follow_up_months, Some(3));
        assert_eq!(plan.opens_on, d("2026-08-18"));
    }
}
