//! Questionnaires: FHIR R4 Questionnaire definitions, the answers to them and the scores
//! computed from those answers.
//!
//! - [`definition`]: the supported subset of FHIR Questionnaire, [`definition::import`]
//!   (parse and check, every problem with its JSON path) and [`definition::export`];
//! - [`answers`]: a respondent's answers as linkId → values, which items their enableWhen
//!   conditions show, and [`answers::validate_answers`];
//! - [`scoring`]: samla's own rules kept beside a definition (scales, subscales, reverse
//!   items, bands, the missing-item rule), checked against the definition, and
//!   [`scoring::score`];
//! - [`shipped`]: the definitions samla ships, written from the seeds, in nb and en.
//!
//! Nothing here stores anything or knows who answered.

pub mod answers;
pub mod definition;
pub mod paging;
pub mod problem;
pub mod rounds;
pub mod scoring;
pub mod shipped;

pub use definition::{export, import, Questionnaire};
pub use problem::{Problem, ProblemCode};
