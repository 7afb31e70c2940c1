//! Programmes: versioned manuals of group-based learning and coping offers.
//!
//! A manual is one document (TOML in `data/programmes/`, JSON over the API) parsed into
//! [`Manual`]; [`Manual::validate`] reports every problem with its path, so an import
//! with errors imports nothing and says where each problem is.

pub mod fhir;
mod manual;
pub mod shipped;
mod validate;

pub use manual::*;
pub use validate::{ManualError, ManualErrors};
