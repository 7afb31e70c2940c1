//! Changes to a course under way: where the replacement for a cancelled session goes.
//!
//! A cancelled session is made up at the end of the course, so the group still gets every
//! session of the programme. The replacement follows the course's own rhythm from its last
//! session (the same weekdays, every week or every n weeks), skipping public holidays, the
//! organisation's school holidays and days the course already uses. A course with
//! hand-picked dates has no rhythm of its own; its replacement comes a week after the last
//! session, on the same weekday.

use crate::planning::meetings::place;
use crate::planning::schedule::ClosedDays;
use crate::programmes::{Anchor, MeetingKind, MeetingPlan};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// How far ahead a replacement is looked for (five years, as planning does).
const HORIZON_DAYS: i64 = 260 * 7;

/// How the course's sessions repeat, as planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    Weekly,
    EveryNWeeks(u32),
    HandPicked,
}

impl Repeat {
    /// From the stored interval (`weekly`, `every_n_weeks`, `dates`) and week count; an
    /// unknown interval is taken as weekly.
    pub fn from_stored(interval_kind: &str, every_weeks: i64) -> Repeat {
        match interval_kind {
            "every_n_weeks" => Repeat::EveryNWeeks(u32::try_from(every_weeks).unwrap_or(1).max(1)),
            "dates" => Repeat::HandPicked,
            _ => Repeat::Weekly,
        }
    }
}

/// The weekdays of a stored list such as `mon,thu`; unknown codes are left out.
pub fn weekdays_from_codes(codes: &str) -> Vec<Weekday> {
    codes.split(',').filter_map(|code| code.trim().parse::<Weekday>().ok()).collect()
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// The first day after `last` (the later of the course's last planned session and the
/// cancelled one) that follows the course's rhythm and is free: not closed, not `taken`
/// by another session or meeting of the course. The rhythm is counted from the week of
/// `last`, so sessions moved by hand do not put it out of step. `None` when no such day
/// comes within five years (every day closed).
pub fn replacement_date(
    last: NaiveDate,
    repeat: Repeat,
    weekdays: &[Weekday],
    taken: &[NaiveDate],
    closed: &ClosedDays,
) -> Option<NaiveDate> {
    let own_day = [last.weekday()];
    let (every, days): (i64, &[Weekday]) = match repeat {
        Repeat::Weekly if !weekdays.is_empty() => (1, weekdays),
        Repeat::EveryNWeeks(n) if !weekdays.is_empty() => (i64::from(n.max(1)), weekdays),
        Repeat::EveryNWeeks(n) => (i64::from(n.max(1)), &own_day),
        Repeat::Weekly | Repeat::HandPicked => (1, &own_day),
    };
    let anchor = monday_of(last);
    (1..=HORIZON_DAYS).map(|offset| last + Duration::days(offset)).find(|date| {
        let weeks = (monday_of(*date) - anchor).num_weeks();
        weeks % every == 0 && days.contains(&date.weekday()) && closed.reason(*date).is_none() && !taken.contains(date)
    })
}

/// A planned meeting of the course, as [`end_meetings_to_move`] needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedMeeting {
    pub id: i64,
    pub kind: Option<MeetingKind>,
    pub title: String,
    pub date: NaiveDate,
}

/// The meetings the programme anchors to the course's end (the follow-up some weeks after
/// it) that must follow when a replacement makes the course longer: (meeting id, new
/// date). `before` are the session dates the meetings were placed by (the planned
/// sessions and the cancelled one), `after` those with the replacement instead of the
/// cancelled one. A meeting is the plan's when its kind and title are the plan's; it
/// moves when it is still where the plan put it (nobody moved it by hand), or when it
/// would otherwise come on or before the new last session (a follow-up before the end
/// makes no sense). Other meetings, and meetings anchored to the start or to a session,
/// stay where they are.
pub fn end_meetings_to_move(
    plans: &[MeetingPlan],
    meetings: &[PlacedMeeting],
    before: &[NaiveDate],
    after: &[NaiveDate],
    closed: &ClosedDays,
) -> Vec<(i64, NaiveDate)> {
    let mut before = before.to_vec();
    before.sort();
    let mut after = after.to_vec();
    after.sort();
    let Some(new_last) = after.last().copied() else { return Vec::new() };
    let mut moves = Vec::new();
    for plan in plans.iter().filter(|p| p.anchor == Anchor::End) {
        let (Some(was), Some(new)) = (place(plan, &before, closed), place(plan, &after, closed)) else { continue };
        for meeting in meetings.iter().filter(|m| m.kind == Some(plan.kind) && m.title == plan.title) {
            let untouched = meeting.date == was;
            if (untouched || meeting.date <= new_last)
                && meeting.date != new
                && !moves.iter().any(|(id, _)| *id == meeting.id)
            {
                moves.push((meeting.id, new));
            }
        }
    }
    moves
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{ClosedPeriod, Country};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const OPEN: ClosedDays<'static> = ClosedDays { country: Country::Norway, periods: &[] };

    #[test]
    fn weekly_goes_to_the_next_week() {
        // Tuesdays; the last session is Tuesday 3 March 2026.
        let next = replacement_date(d(2026, 3, 3), Repeat::Weekly, &[Weekday::Tue], &[], &OPEN);
        assert_eq!(next, Some(d(2026, 3, 10)));
    }

    #[test]
    fn a_public_holiday_is_skipped() {
        // Thursdays; 26 March is followed by Maundy Thursday (2 April 2026).
        let next = replacement_date(d(2026, 3, 26), Repeat::Weekly, &[Weekday::Thu], &[], &OPEN);
        assert_eq!(next, Some(d(2026, 4, 9)));
        // In Denmark too, and Ascension Day (14 May 2026) is skipped the same way.
        let danish = ClosedDays { country: Country::Denmark, periods: &[] };
        assert_eq!(
            replacement_date(d(2026, 5, 7), Repeat::Weekly, &[Weekday::Thu], &[], &danish),
            Some(d(2026, 5, 21))
        );
    }

    #[test]
    fn a_school_holiday_is_skipped() {
        let winter = [ClosedPeriod { name: "Vinterferie".into(), first_day: d(2026, 2, 23), last_day: d(2026, 2, 27) }];
        let closed = ClosedDays { country: Country::Norway, periods: &winter };
        let next = replacement_date(d(2026, 2, 17), Repeat::Weekly, &[Weekday::Tue], &[], &closed);
        assert_eq!(next, Some(d(2026, 3, 3)));
    }

    #[test]
    fn two_weekdays_take_the_next_one_in_the_same_week() {
        let days = [Weekday::Tue, Weekday::Thu];
        assert_eq!(replacement_date(d(2026, 9, 1), Repeat::Weekly, &days, &[], &OPEN), Some(d(2026, 9, 3)));
        assert_eq!(replacement_date(d(2026, 9, 3), Repeat::Weekly, &days, &[], &OPEN), Some(d(2026, 9, 8)));
    }

    #[test]
    fn every_second_week_keeps_its_step() {
        let days = [Weekday::Tue, Weekday::Thu];
        let every_two = Repeat::EveryNWeeks(2);
        assert_eq!(replacement_date(d(2026, 9, 15), every_two, &days, &[], &OPEN), Some(d(2026, 9, 17)));
        assert_eq!(replacement_date(d(2026, 9, 17), every_two, &days, &[], &OPEN), Some(d(2026, 9, 29)));
        // Every third week, with the week in between closed: three weeks further on.
        let autumn = [ClosedPeriod { name: "Høstferie".into(), first_day: d(2026, 10, 5), last_day: d(2026, 10, 9) }];
        let closed = ClosedDays { country: Country::Norway, periods: &autumn };
        let next = replacement_date(d(2026, 9, 15), Repeat::EveryNWeeks(3), &[Weekday::Tue], &[], &closed);
        assert_eq!(next, Some(d(2026, 10, 27)), "6 October is closed, so the step after it");
    }

    #[test]
    fn hand_picked_dates_get_the_same_weekday_a_week_later() {
        let next = replacement_date(d(2026, 11, 12), Repeat::HandPicked, &[], &[], &OPEN);
        assert_eq!(next, Some(d(2026, 11, 19)));
        // Christmas Day 2026 and New Year's Day 2027 are Fridays: the Friday after.
        assert_eq!(replacement_date(d(2026, 12, 18), Repeat::HandPicked, &[], &[], &OPEN), Some(d(2027, 1, 8)));
    }

    #[test]
    fn days_the_course_already_uses_are_skipped() {
        let taken = [d(2026, 3, 10)];
        let next = replacement_date(d(2026, 3, 3), Repeat::Weekly, &[Weekday::Tue], &taken, &OPEN);
        assert_eq!(next, Some(d(2026, 3, 17)));
    }

    #[test]
    fn a_session_moved_off_its_weekday_still_gets_the_courses_weekday() {
        // A Tuesday course whose last session was moved to a Wednesday.
        let next = replacement_date(d(2026, 3, 4), Repeat::Weekly, &[Weekday::Tue], &[], &OPEN);
        assert_eq!(next, Some(d(2026, 3, 10)));
    }

    #[test]
    fn no_day_at_all_gives_none() {
        let always = [ClosedPeriod { name: "Stengt".into(), first_day: d(2026, 1, 1), last_day: d(2036, 1, 1) }];
        let closed = ClosedDays { country: Country::Norway, periods: &always };
        assert_eq!(replacement_date(d(2026, 3, 3), Repeat::Weekly, &[Weekday::Tue], &[], &closed), None);
    }

    #[test]
    fn stored_intervals_and_weekdays_are_read() {
        assert_eq!(Repeat::from_stored("weekly", 1), Repeat::Weekly);
        assert_eq!(Repeat::from_stored("every_n_weeks", 3), Repeat::EveryNWeeks(3));
        assert_eq!(Repeat::from_stored("every_n_weeks", 0), Repeat::EveryNWeeks(1));
        assert_eq!(Repeat::from_stored("dates", 1), Repeat::HandPicked);
        assert_eq!(weekdays_from_codes("mon, thu,xyz"), vec![Weekday::Mon, Weekday::Thu]);
        assert!(weekdays_from_codes("").is_empty());
    }

    fn follow_up(anchor: Anchor, days: i32) -> MeetingPlan {
        MeetingPlan {
            kind: MeetingKind::FollowUp,
            title: "Oppfølging".into(),
            audience: crate::programmes::Audience::Parents,
            duration_minutes: 60,
            anchor,
            session: None,
            days,
            description: None,
        }
    }

    fn meeting(id: i64, date: NaiveDate) -> PlacedMeeting {
        PlacedMeeting { id, kind: Some(MeetingKind::FollowUp), title: "Oppfølging".into(), date }
    }

    #[test]
    fn the_follow_up_follows_the_new_end() {
        // Tuesdays 3, 10 and 17 March 2026; the 10th is cancelled and replaced on the 24th.
        let before = [d(2026, 3, 3), d(2026, 3, 10), d(2026, 3, 17)];
        let after = [d(2026, 3, 3), d(2026, 3, 17), d(2026, 3, 24)];
        let plans = [follow_up(Anchor::End, 14), follow_up(Anchor::Start, -14)];
        // Where the plan put it: 14 days after the 17th → the 31st; now 14 after the 24th.
        let moves = end_meetings_to_move(&plans, &[meeting(7, d(2026, 3, 31))], &before, &after, &OPEN);
        assert_eq!(moves, vec![(7, d(2026, 4, 7))]);
        // Moved by hand to a day after the new end: left alone.
        assert!(end_meetings_to_move(&plans, &[meeting(7, d(2026, 4, 2))], &before, &after, &OPEN).is_empty());
        // Moved by hand, but now before the new last session: it follows the plan again.
        let moves = end_meetings_to_move(&plans, &[meeting(7, d(2026, 3, 19))], &before, &after, &OPEN);
        assert_eq!(moves, vec![(7, d(2026, 4, 7))]);
        // Another kind or title is not the plan's meeting.
        let other = PlacedMeeting { title: "Annet".into(), ..meeting(8, d(2026, 3, 31)) };
        assert!(end_meetings_to_move(&plans, &[other], &before, &after, &OPEN).is_empty());
        // The new date is moved off a closed day like the first placement.
        let easter = [d(2026, 3, 10), d(2026, 3, 17)];
        let later = [d(2026, 3, 17), d(2026, 3, 20)];
        let plans = [follow_up(Anchor::End, 13)];
        let moves = end_meetings_to_move(&plans, &[meeting(9, d(2026, 3, 30))], &easter, &later, &OPEN);
        // 13 days after Friday 20 March is Thursday 2 April (Maundy Thursday): Tuesday 7 April.
        assert_eq!(moves, vec![(9, d(2026, 4, 7))]);
    }
}
