//! Applications: created by another system (with an `Idempotency-Key` so a retry
//! creates nothing twice), listed, read as the caller may see them, changed, moved
//! through the stages, pre-conversations, merging duplicates, and a programme's waitlist.

mod create;
mod pipeline;
mod read;

pub use create::*;
pub use pipeline::*;
pub use read::*;
