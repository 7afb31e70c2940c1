//! What a course's dated entries are and whether they still take place.

stored_enum! {
    /// A dated entry of a course: one of the programme's sessions with the group, or a
    /// meeting (a parent meeting, a closing conversation, …).
    pub enum SessionKind("session kind") {
        Session = "session",
        Meeting = "meeting",
    }
}

stored_enum! {
    /// Whether a session or meeting still takes place.
    pub enum SessionStatus("session status") {
        Planned = "planned",
        /// Called off, with a reason; kept so the plan shows what happened.
        Cancelled = "cancelled",
    }
}

impl SessionKind {
    pub fn is_session(self) -> bool {
        self == SessionKind::Session
    }

    pub fn is_meeting(self) -> bool {
        self == SessionKind::Meeting
    }
}

impl SessionStatus {
    pub fn is_planned(self) -> bool {
        self == SessionStatus::Planned
    }

    pub fn is_cancelled(self) -> bool {
        self == SessionStatus::Cancelled
    }
}
