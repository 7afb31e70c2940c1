//! Privacy over time: what samla keeps about access beyond the everyday rules.

pub mod access;
pub mod emergency;
pub mod processing;
pub mod retention;
