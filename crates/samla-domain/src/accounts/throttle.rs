//! Login throttling: after too many failures within a window, a key (an account or an
//! address) is locked for a while. Locked or not, the person sees the same answer as
//! for a wrong password, so nobody learns which accounts exist.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleState {
    pub failures: i64,
    pub window_start: i64,
    pub locked_until: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleRule {
    pub max_failures: i64,
    pub window_seconds: i64,
    pub lock_seconds: i64,
}

/// Five wrong tries in 15 minutes lock one account for 15 minutes.
pub const PER_ACCOUNT: ThrottleRule = ThrottleRule { max_failures: 5, window_seconds: 900, lock_seconds: 900 };
/// Thirty wrong tries in 15 minutes lock one address (across accounts) for 15 minutes.
pub const PER_ADDRESS: ThrottleRule = ThrottleRule { max_failures: 30, window_seconds: 900, lock_seconds: 900 };

/// Twenty public form submissions an hour from one address, then an hour's pause: enough
/// for a family or a busy school nurse, too few to fill a waitlist with junk.
pub const PUBLIC_FORM_PER_ADDRESS: ThrottleRule =
    ThrottleRule { max_failures: 20, window_seconds: 3600, lock_seconds: 3600 };

impl ThrottleRule {
    pub fn is_locked(&self, state: Option<ThrottleState>, now: i64) -> bool {
        state.and_then(|s| s.locked_until).is_some_and(|until| now < until)
    }

    pub fn after_failure(&self, state: Option<ThrottleState>, now: i64) -> ThrottleState {
        let fresh = ThrottleState { failures: 0, window_start: now, locked_until: None };
        let mut state = match state {
            Some(s) if now - s.window_start < self.window_seconds => s,
            _ => fresh,
        };
        state.failures += 1;
        if state.failures >= self.max_failures {
            state.locked_until = Some(now + self.lock_seconds);
            state.failures = 0;
            state.window_start = now;
        }
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_max_failures_within_the_window() {
        let rule = PER_ACCOUNT;
        let mut state = None;
        for i in 0..rule.max_failures {
            assert!(!rule.is_locked(state, 1000 + i));
            state = Some(rule.after_failure(state, 1000 + i));
        }
        assert!(rule.is_locked(state, 1010));
        assert!(!rule.is_locked(state, 1004 + rule.lock_seconds + 1));
    }

    #[test]
    fn failures_spread_over_time_do_not_lock() {
        let rule = PER_ACCOUNT;
        let mut state = None;
        for i in 0..20 {
            state = Some(rule.after_failure(state, i * rule.window_seconds));
            assert!(!rule.is_locked(state, i * rule.window_seconds));
        }
    }
}
