//! Generating a course's dates: weekly, every N weeks, or hand-picked, skipping public
//! holidays and the organisation's school holidays while keeping the number of
//! sessions.

use crate::calendar::{public_holiday, ClosedPeriod, Country};
use crate::validation::{FieldError, FieldErrors};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

pub const MAX_SESSIONS: u32 = 60;
/// A schedule that cannot be placed within this many weeks is refused.
const HORIZON_WEEKS: i64 = 260;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Interval {
    Weekly,
    EveryNWeeks(u32),
    HandPicked(Vec<NaiveDate>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleRequest {
    pub start: NaiveDate,
    pub weekdays: Vec<Weekday>,
    pub interval: Interval,
    pub count: u32,
}

/// Why a date was passed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    PublicHoliday(&'static str),
    ClosedPeriod(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub dates: Vec<NaiveDate>,
    pub skipped: Vec<(NaiveDate, SkipReason)>,
}

/// What makes a day unavailable for a session.
pub struct ClosedDays<'a> {
    pub country: Country,
    pub periods: &'a [ClosedPeriod],
}

impl ClosedDays<'_> {
    pub fn reason(&self, date: NaiveDate) -> Option<SkipReason> {
        if let Some(holiday) = public_holiday(self.country, date) {
            return Some(SkipReason::PublicHoliday(holiday.key));
        }
        self.periods.iter().find(|p| p.contains(date)).map(|p| SkipReason::ClosedPeriod(p.name.clone()))
    }
}

impl ScheduleRequest {
    /// Checks the request: a count within bounds, at least one weekday, a start date on
    /// one of them, a sensible interval.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.count == 0 || self.count > MAX_SESSIONS {
            errors.push(FieldError::new("session_count", "error-session-count").with_arg("max", MAX_SESSIONS));
        }
        match &self.interval {
            Interval::HandPicked(dates) => {
                if dates.is_empty() {
                    errors.push(FieldError::new("dates", "error-dates-required"));
                }
            }
            Interval::EveryNWeeks(n) if *n == 0 || *n > 8 => {
                errors.push(FieldError::new("every_weeks", "error-every-weeks"));
            }
            _ => {
                if self.weekdays.is_empty() {
                    errors.push(FieldError::new("weekdays", "error-weekdays-required"));
                } else if !self.weekdays.contains(&self.start.weekday()) {
                    errors.push(FieldError::new("start_date", "error-start-weekday"));
                }
            }
        }
        errors.finish(|| ())
    }
}

/// The course's dates. Generated schedules skip closed days and go on until `count`
/// dates are found; hand-picked dates are kept as chosen, in order, but may not fall on
/// a closed day.
pub fn generate(request: &ScheduleRequest, closed: &ClosedDays) -> Result<Schedule, FieldErrors> {
    request.validate()?;
    let mut dates = Vec::new();
    let mut skipped = Vec::new();
    if let Interval::HandPicked(picked) = &request.interval {
        let mut picked = picked.clone();
        picked.sort();
        picked.dedup();
        let mut errors = FieldErrors::new();
        for date in &picked {
            if closed.reason(*date).is_some() {
                errors.push(FieldError::new("dates", "error-date-closed").with_arg("date", date.format("%Y-%m-%d")));
            }
        }
        return errors.finish(|| Schedule { dates: picked, skipped });
    }
    let every = match request.interval {
        Interval::EveryNWeeks(n) => n as i64,
        _ => 1,
    };
    let mut weekdays = request.weekdays.clone();
    weekdays.sort_by_key(|w| w.num_days_from_monday());
    weekdays.dedup();
    let first_monday = request.start - Duration::days(request.start.weekday().num_days_from_monday() as i64);
    'weeks: for week in (0..HORIZON_WEEKS).step_by(every as usize) {
        let monday = first_monday + Duration::weeks(week);
        for weekday in &weekdays {
            let date = monday + Duration::days(weekday.num_days_from_monday() as i64);
            if date < request.start {
                continue;
            }
            match closed.reason(date) {
                Some(reason) => skipped.push((date, reason)),
                None => dates.push(date),
            }
            if dates.len() as u32 == request.count {
                break 'weeks;
            }
        }
    }
    if (dates.len() as u32) < request.count {
        return Err(FieldErrors::single(FieldError::new("session_count", "error-schedule-does-not-fit")));
    }
    Ok(Schedule { dates, skipped })
}

/// The days among `dates` before `today`, in order. Planning them is allowed — an
/// organisation records a course that has already run — but never silently: the planner
/// is warned about each.
pub fn days_in_the_past(dates: &[NaiveDate], today: NaiveDate) -> Vec<NaiveDate> {
    let mut past: Vec<NaiveDate> = dates.iter().copied().filter(|d| *d < today).collect();
    past.sort_unstable();
    past
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn weekly(start: NaiveDate, count: u32) -> ScheduleRequest {
        ScheduleRequest { start, weekdays: vec![start.weekday()], interval: Interval::Weekly, count }
    }

    #[test]
    fn days_before_today_are_named_and_today_is_not() {
        let today = d(2026, 11, 25);
        let dates = [d(2026, 11, 26), d(2026, 11, 18), d(2026, 11, 25), d(2012, 9, 5)];
        assert_eq!(days_in_the_past(&dates, today), [d(2012, 9, 5), d(2026, 11, 18)]);
        assert!(days_in_the_past(&[today], today).is_empty());
    }

    #[test]
    fn weekly_thursdays_skip_easter_and_ascension() {
        // Thursdays from 19 March 2026: 2 April is Maundy Thursday, 14 May is Ascension.
        let closed = ClosedDays { country: Country::Norway, periods: &[] };
        let schedule = generate(&weekly(d(2026, 3, 19), 10), &closed).unwrap();
        assert_eq!(schedule.dates.len(), 10);
        assert!(!schedule.dates.contains(&d(2026, 4, 2)));
        assert!(!schedule.dates.contains(&d(2026, 5, 14)));
        assert_eq!(schedule.skipped.len(), 2);
        assert_eq!(*schedule.dates.last().unwrap(), d(2026, 6, 4));
    }

    #[test]
    fn school_holidays_are_skipped() {
        let winter = [ClosedPeriod { name: "Vinterferie".into(), first_day: d(2026, 2, 23), last_day: d(2026, 2, 27) }];
        let closed = ClosedDays { country: Country::Norway, periods: &winter };
        let schedule = generate(&weekly(d(2026, 2, 16), 3), &closed).unwrap();
        assert_eq!(schedule.dates, vec![d(2026, 2, 16), d(2026, 3, 2), d(2026, 3, 9)]);
        assert_eq!(schedule.skipped, vec![(d(2026, 2, 23), SkipReason::ClosedPeriod("Vinterferie".into()))]);
    }

    #[test]
    fn every_second_week_and_two_weekdays() {
        let closed = ClosedDays { country: Country::Denmark, periods: &[] };
        let request = ScheduleRequest {
            start: d(2026, 9, 1),
            weekdays: vec![Weekday::Thu, Weekday::Tue],
            interval: Interval::EveryNWeeks(2),
            count: 4,
        };
        let schedule = generate(&request, &closed).unwrap();
        assert_eq!(schedule.dates, vec![d(2026, 9, 1), d(2026, 9, 3), d(2026, 9, 15), d(2026, 9, 17)]);
    }

    #[test]
    fn bad_requests_name_their_field() {
        let closed = ClosedDays { country: Country::Norway, periods: &[] };
        let wrong_day = ScheduleRequest { weekdays: vec![Weekday::Mon], ..weekly(d(2026, 3, 19), 5) };
        assert_eq!(generate(&wrong_day, &closed).unwrap_err().0[0].field, "start_date");
        assert_eq!(generate(&weekly(d(2026, 3, 19), 0), &closed).unwrap_err().0[0].field, "session_count");
        assert_eq!(generate(&weekly(d(2026, 3, 19), 500), &closed).unwrap_err().0[0].field, "session_count");
        let holiday =
            ScheduleRequest { interval: Interval::HandPicked(vec![d(2026, 12, 25)]), ..weekly(d(2026, 12, 1), 1) };
        assert_eq!(generate(&holiday, &closed).unwrap_err().0[0].code, "error-date-closed");
    }

    proptest! {
        #[test]
        fn generated_schedules_keep_count_order_and_avoid_closed_days(
            day_offset in 0i64..3650,
            count in 1u32..=MAX_SESSIONS,
            every in 1u32..=3,
            extra_weekday in 0u32..7,
            danish in any::<bool>(),
        ) {
            let start = d(2024, 1, 1) + Duration::days(day_offset);
            let country = if danish { Country::Denmark } else { Country::Norway };
            let summer = [ClosedPeriod { name: "Sommer".into(), first_day: d(start.year(), 6, 20), last_day: d(start.year(), 8, 15) }];
            let closed = ClosedDays { country, periods: &summer };
            let request = ScheduleRequest {
                start,
                weekdays: vec![start.weekday(), Weekday::try_from(extra_weekday as u8).unwrap()],
                interval: if every == 1 { Interval::Weekly } else { Interval::EveryNWeeks(every) },
                count,
            };
            let schedule = generate(&request, &closed).unwrap();
            prop_assert_eq!(schedule.dates.len() as u32, count);
            prop_assert!(schedule.dates.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(schedule.dates.iter().all(|date| *date >= start));
            prop_assert!(schedule.dates.iter().all(|date| closed.reason(*date).is_none()));
            prop_assert!(schedule.dates.iter().all(|date| request.weekdays.contains(&date.weekday())));
        }
    }
}
