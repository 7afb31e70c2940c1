//! Why a participant dropped out, grouped so that the programme's statistics can count
//! it; the leader's own words stay beside it, on the course only.

stored_enum! {
    /// The main reason a participant stopped coming, as the leader records it.
    pub enum DropoutReason("dropout reason") {
        /// Illness or health, the participant's or in the family.
        Illness = "illness",
        /// Time, travel, work or school in the way.
        Practical = "practical",
        /// The group or the course did not suit the participant.
        DidNotSuit = "did_not_suit",
        /// Something in the family's situation.
        FamilySituation = "family_situation",
        /// Moved away.
        Moved = "moved",
        Other = "other",
    }
}
