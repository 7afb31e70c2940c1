//! Storage for questionnaires: the library of versioned definitions, rounds of asking
//! with their recipients, submitted responses with their scores, and the reads results
//! are made from.

pub mod definitions;
pub mod responses;
pub mod results;
pub mod rounds;
