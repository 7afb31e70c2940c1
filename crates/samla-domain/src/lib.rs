//! samla's domain: the rules and types of group-based learning and coping programmes.
//!
//! Nothing here performs I/O. Storage and web layers call these functions and types,
//! so a rule lives in exactly one place and is tested as a plain function.

// First: its macros are used by the modules below.
#[macro_use]
pub mod stored;

pub mod accounts;
pub mod audit;
pub mod calendar;
pub mod intake;
pub mod messages;
pub mod organisations;
pub mod planning;
pub mod policy;
pub mod privacy;
pub mod programmes;
pub mod questionnaires;
pub mod reports;
pub mod running;
pub mod secrets;
pub mod synthetic;
pub mod validation;

pub use policy::{Action, Decision, Role, RoleSet, Scope};
pub use validation::{FieldError, FieldErrors};
