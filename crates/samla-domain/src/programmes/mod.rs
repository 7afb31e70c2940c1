//! Programmes: versioned manuals of group-based learning and coping offers.
//!
//! A manual is one document (TOML in `data/programmes/`, JSON over the API) parsed into
//! [`Manual`]; [`Manual::validate`] reports every problem with its path, so an import
//! with errors imports nothing and says where each problem is.

pub mod fhir;
mod manual;
pub mod shipped;
mod validate;

/// How far from its anchor a manual may place a checklist task or a meeting, in days
/// either way (two years): far enough for any follow-up, near enough that every date
/// it gives is a real one.
pub const MAX_OFFSET_DAYS: i32 = 730;

pub use manual::*;
pub use validate::{ManualError, ManualErrors};
