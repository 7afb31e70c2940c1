//! Questionnaires and evaluations: the library of definitions, rounds of asking,
//! answering through personal or QR links and paper forms, and the results. Rules live
//! in `samla_domain::questionnaires` and `samla_domain::reports`.

pub mod answering;
pub mod library;
pub mod results;
pub mod rounds;
