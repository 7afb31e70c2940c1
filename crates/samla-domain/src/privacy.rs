//! Privacy over time: the rules of access beyond the everyday ones.

pub mod emergency;
pub mod retention;
