//! Recruitment, referral and intake: the organisation's recruitment channels and intake
//! settings, households and the persons in them, applications with their history and
//! pre-conversations, consents, offers and the participants of a course.

pub mod applications;
pub mod channels;
pub mod consents;
pub mod households;
pub mod offers;
pub mod participants;
pub mod settings;
