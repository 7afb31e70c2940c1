//! Applications: created from a public form, a phone call or the API; moved through the
//! stages; pre-conversations; duplicates and merging; the intake board.

mod create;
mod pipeline;
mod view;

pub use create::*;
pub use pipeline::*;
pub use view::*;
