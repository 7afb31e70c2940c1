//! A place in a group: the offer of one, and the people on a course once it is taken.

stored_enum! {
    /// Where an offer of a place stands.
    pub enum OfferStatus("offer status") {
        /// Sent, waiting for an answer before its deadline.
        Open = "open",
        Accepted = "accepted",
        Declined = "declined",
        /// Its deadline passed without an answer.
        Lapsed = "lapsed",
        /// Taken back by the staff.
        Withdrawn = "withdrawn",
    }
}

stored_enum! {
    /// Why a person is on a course.
    pub enum ParticipantRole("course participant role") {
        /// Takes part in the sessions (a child, or an adult on their own account).
        Participant = "participant",
        /// A parent of a participant, at the parent and family sessions.
        Parent = "parent",
    }
}

stored_enum! {
    /// Whether a participant is still taking part.
    pub enum ParticipantStatus("course participant status") {
        Active = "active",
        DroppedOut = "dropped_out",
    }
}

impl ParticipantRole {
    pub fn is_participant(self) -> bool {
        self == ParticipantRole::Participant
    }
}

impl ParticipantStatus {
    pub fn is_active(self) -> bool {
        self == ParticipantStatus::Active
    }

    pub fn is_dropped_out(self) -> bool {
        self == ParticipantStatus::DroppedOut
    }
}
