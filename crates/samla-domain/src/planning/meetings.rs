//! Placing a programme's meetings in a course's calendar.

use super::schedule::ClosedDays;
use crate::programmes::{Anchor, MeetingPlan};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The date of a meeting for a course with these session dates; a date on a closed
/// day or a weekend moves to the next open weekday.
pub fn place(meeting: &MeetingPlan, session_dates: &[NaiveDate], closed: &ClosedDays) -> Option<NaiveDate> {
    let anchor = match meeting.anchor {
        Anchor::Start => *session_dates.first()?,
        Anchor::End => *session_dates.last()?,
        Anchor::AfterSession => {
            let index = meeting.session? as usize;
            *session_dates.get(index.checked_sub(1)?).or(session_dates.last())?
        }
    };
    let limit = crate::programmes::MAX_OFFSET_DAYS;
    let mut date = anchor.checked_add_signed(Duration::days(meeting.days.clamp(-limit, limit) as i64))?;
    for _ in 0..60 {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        if !weekend && closed.reason(date).is_none() {
            return Some(date);
        }
        date += Duration::days(1);
    }
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Country;
    use crate::programmes::{Audience, MeetingKind};

    fn meeting(anchor: Anchor, session: Option<u32>, days: i32) -> MeetingPlan {
        MeetingPlan {
            kind: MeetingKind::FollowUp,
            title: "Oppfølging".into(),
            audience: Audience::Family,
            duration_minutes: 60,
            anchor,
            session,
            days,
            description: None,
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn anchors_and_moving_off_closed_days() {
        let closed = ClosedDays { country: Country::Norway, periods: &[] };
        let dates = [d(2026, 3, 3), d(2026, 3, 10), d(2026, 3, 17)];
        assert_eq!(place(&meeting(Anchor::Start, None, -14), &dates, &closed), Some(d(2026, 2, 17)));
        assert_eq!(place(&meeting(Anchor::AfterSession, Some(2), 0), &dates, &closed), Some(d(2026, 3, 10)));
        // 90 days after 17 March 2026 is Monday 15 June.
        assert_eq!(place(&meeting(Anchor::End, None, 90), &dates, &closed), Some(d(2026, 6, 15)));
        // 4 days after Tuesday 31 March is Saturday 4 April: moves past Easter to Tuesday 7 April.
        let easter = [d(2026, 3, 31)];
        assert_eq!(place(&meeting(Anchor::End, None, 4), &easter, &closed), Some(d(2026, 4, 7)));
    }
}
