use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// The time as samla sees it. Tests may set it, so rules about time (timeouts, due
/// dates, reminders) can be checked without waiting.
#[derive(Clone, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    /// Unix seconds now.
    pub fn now(&self) -> i64 {
        let system =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
        system + self.offset_seconds.load(Ordering::Relaxed)
    }

    /// Moves the clock forward (or back) by `seconds` for everything that reads it.
    pub fn advance(&self, seconds: i64) {
        self.offset_seconds.fetch_add(seconds, Ordering::Relaxed);
    }
}
