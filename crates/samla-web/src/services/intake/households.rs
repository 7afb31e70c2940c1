//! A household: the children, guardians and other adults of one family, with every
//! application of theirs (siblings included).

use super::access::sees_sensitive;
use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit::commit_done;
use crate::AppState;
use samla_domain::intake::household::HouseholdRole;
use samla_domain::validation::{phone, required_line};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::intake::applications::{self, Summary};
use samla_storage::intake::households::{self, NewPerson, Person};
use samla_storage::StoreError;

#[derive(Debug, Clone, serde::Serialize)]
pub struct HouseholdView {
    pub id: i64,
    pub members: Vec<Person>,
    pub applications: Vec<Summary>,
}

/// The household, if the actor works with at least one of its applications; audited.
pub async fn view(state: &AppState, actor: &Actor, id: i64) -> Result<HouseholdView, WebError> {
    let intake = actor.course_scope(state, Action::ManageIntake).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    households::exists(&mut conn, actor.organisation.id, id).await?;
    let applications = applications::in_household(&mut conn, id).await?;
    drop(conn);
    let courses: Vec<Option<i64>> = applications.iter().map(|a| a.course_id).collect();
    intake.require(state, actor, &courses, ("household", id)).await?;
    let mut sensitive_everywhere = true;
    for application in &applications {
        sensitive_everywhere &= sees_sensitive(state, actor, application.course_id).await?;
    }
    actor.record_read(state, "household.read", "household", id).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let mut members = households::members(&mut conn, id).await?;
    if !sensitive_everywhere || applications.is_empty() && !actor.roles.may_see_sensitive() {
        members.iter_mut().for_each(super::access::mask_national_id);
    }
    Ok(HouseholdView { id, members, applications })
}

/// Another adult of the household as typed: a second guardian, a step-parent.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AdultForm {
    pub name: String,
    pub phone: String,
    pub email: String,
    /// guardian or adult.
    pub role: String,
    /// "true" when the guardian has parental responsibility.
    pub parental_responsibility: String,
}

pub async fn add_adult(state: &AppState, actor: &Actor, household_id: i64, form: &AdultForm) -> Result<i64, WebError> {
    view(state, actor, household_id).await?;
    let mut errors = FieldErrors::new();
    let name = errors.take(required_line("name", &form.name, 200));
    let phone =
        if form.phone.trim().is_empty() { Some(String::new()) } else { errors.take(phone("phone", &form.phone)) };
    let email = if form.email.trim().is_empty() {
        Some(String::new())
    } else {
        errors.take(samla_domain::accounts::Email::parse("email", &form.email).map(|e| e.as_str().to_string()))
    };
    let role = errors.take(match form.role.trim() {
        "guardian" | "" => Ok(HouseholdRole::Guardian),
        "adult" => Ok(HouseholdRole::Adult),
        _ => Err(FieldError::new("role", "error-choice")),
    });
    errors.finish(|| ())?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let role = role.unwrap_or(HouseholdRole::Guardian);
    let id = households::add_person(
        &mut tx.tx,
        actor.organisation.id,
        &NewPerson {
            household_id,
            household_role: role,
            parental_responsibility: role == HouseholdRole::Guardian
                && matches!(form.parental_responsibility.trim(), "true" | "on"),
            name: &name.unwrap_or_default(),
            birth_date: None,
            national_id: None,
            phone: &phone.unwrap_or_default(),
            email: &email.unwrap_or_default(),
            sex: None,
        },
        now,
    )
    .await?;
    commit_done(tx, actor, "household.add_person", ("household", household_id), now).await?;
    Ok(id)
}
