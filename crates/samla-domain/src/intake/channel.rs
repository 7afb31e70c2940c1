//! Recruitment channels: how a participant heard of a course, or who referred them.

stored_enum! {
    /// Which question of an application a channel answers.
    pub enum ChannelKind("channel kind") {
        /// How people heard of the course (a poster, the internet).
        Heard = "heard",
        /// Who refers (the school nurse, child welfare).
        Referral = "referral",
        Both = "both",
    }
}

impl ChannelKind {
    /// Whether the channel is offered on an application of this kind: a referral's
    /// form asks who referred, the others how they heard.
    pub fn offered_for(self, referral: bool) -> bool {
        let wanted = if referral { ChannelKind::Referral } else { ChannelKind::Heard };
        self == wanted || self == ChannelKind::Both
    }
}
