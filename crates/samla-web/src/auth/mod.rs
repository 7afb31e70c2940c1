//! Who is asking, and whether they may. Pages identify people by a server-side
//! session cookie, the API by a bearer token; both end up as an [`Actor`] holding the
//! person's roles in one organisation, and every permission check goes through
//! [`Actor::authorize`] (audited when denied) or [`Actor::read_personal`] (audited
//! always).

mod actor;
mod session;
mod token;

pub use actor::{Actor, Via};
pub use session::{session_cookie_name, PendingSession, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS};
pub use token::{bearer_token, ApiCaller};
