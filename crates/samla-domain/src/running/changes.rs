//! Changes to a course under way: where the replacement for a cancelled session goes.
//!
//! A cancelled session is made up at the end of the course, so the group still gets every
//! session of the programme. The replacement follows the course's own rhythm from its last
//! session (the same weekdays, every week or every n weeks), skipping public holidays, the
//! organisation's school holidays and days the course already uses. A course with
//! hand-picked dates has no rhythm of its own; its replacement comes a week after the last
//! session, on the same weekday.

use crate::planning::schedule::ClosedDays;
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
}
