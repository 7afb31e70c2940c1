//! Privacy over time: the rules of access beyond the everyday ones.

pub mod access;
pub mod emergency;
pub mod processing;
pub mod retention;
