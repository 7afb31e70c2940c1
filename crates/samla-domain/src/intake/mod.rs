//! Intake: from an application to a place in a group.
//!
//! People apply (or are referred), are contacted, may have one or more pre-conversations,
//! wait on a list and are offered a place. The rules here are the ones the intake board,
//! the consent checks and the group proposal all share, so they are written once and
//! tested as plain functions.
//!
//! - [`national_id`]: parsing and masking Norwegian national identity numbers.
//! - [`stage`]: the application pipeline and which moves are allowed.
//! - [`consent`]: who has to consent before something may happen.
//! - [`group_formation`]: proposing a group from the waitlist, with a reason for every decision.
//! - [`household`]: a guardian named again is the same person, their details kept.
//! - [`reference`]: short application references people can read out on the phone.
//! - [`enrolment`]: offers of a place, and the people on a course.
//! - [`channel`]: how people heard of a course or who referred them.

pub mod channel;
pub mod consent;
pub mod enrolment;
pub mod group_formation;
pub mod household;
pub mod national_id;
pub mod reference;
pub mod stage;

pub use channel::ChannelKind;
