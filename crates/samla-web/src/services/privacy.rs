//! Privacy over time: the accesses beyond the everyday rules and their review.

pub mod access;
pub mod emergency;
pub mod processing;
pub mod retention;
