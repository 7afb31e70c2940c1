//! When a session's log can be written: once the session has taken place (from its day
//! on, so leaders can write it right after), and never for a cancelled session. Writing
//! the log of next week's session by mistake is the error this prevents.

use crate::validation::FieldError;
use chrono::NaiveDate;

/// Whether the log of a session on `date` may be written `today` (both in the
/// organisation's time zone).
pub fn check_log_open(date: NaiveDate, cancelled: bool, today: NaiveDate) -> Result<(), FieldError> {
    if cancelled {
        Err(FieldError::new("session", "error-log-cancelled"))
    } else if date > today {
        Err(FieldError::new("session", "error-log-not-yet"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn open_from_the_sessions_day_on() {
        assert!(check_log_open(day(10), false, day(10)).is_ok());
        assert!(check_log_open(day(3), false, day(10)).is_ok());
        assert_eq!(check_log_open(day(11), false, day(10)).unwrap_err().code, "error-log-not-yet");
    }

    #[test]
    fn never_for_a_cancelled_session() {
        assert_eq!(check_log_open(day(3), true, day(10)).unwrap_err().code, "error-log-cancelled");
        assert_eq!(check_log_open(day(11), true, day(10)).unwrap_err().code, "error-log-cancelled");
    }
}
