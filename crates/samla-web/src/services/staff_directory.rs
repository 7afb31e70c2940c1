//! The staff directory: whom a coordinator can put on a course — names, roles and
//! certifications of the organisation's people with an active account, nothing more.

use crate::auth::Actor;
use crate::error::WebError;
use crate::AppState;
use samla_domain::{Action, Role};
use samla_storage::staff_directory::{self as store, StaffPerson};
use samla_storage::StoreError;

/// The directory, or those holding `role`; the read is audited.
pub async fn list(state: &AppState, actor: &Actor, role: Option<Role>) -> Result<Vec<StaffPerson>, WebError> {
    actor.authorize(state, Action::ViewStaffDirectory).await?;
    let people = {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        store::list(&mut conn, actor.organisation.id, role).await?
    };
    actor.record_read(state, "staff.directory", "organisation", actor.organisation.id).await?;
    Ok(people)
}
