//! Households: the family of a participant, with every application of theirs
//! (siblings included), and adding another adult (a second guardian, a step-parent).

use super::*;
use crate::api::conventions::{HouseholdPath, HouseholdProblems, InvalidFields};
use crate::services::intake::households::{self as service, AdultForm};

/// A family: its members and their applications.
#[derive(Serialize, ToSchema)]
pub struct Household {
    pub id: i64,
    /// National identity numbers are masked unless the caller may see sensitive data
    /// for every application of the household.
    pub members: Vec<HouseholdPerson>,
    pub applications: Vec<ApplicationSummary>,
}

/// A household the caller works with (for a group leader: one with an application
/// for their course). A read of personal data, audited.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/households/{household_id}", operation_id = "getHousehold", tag = "intake",
    params(HouseholdPath),
    responses(
        (status = 200, description = "The household", body = Household),
        HouseholdProblems,
    ))]
pub async fn get_household(
    OrgCaller(state, actor, Id(household_id)): OrgCaller<Id>,
) -> Result<Json<Household>, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    let view = service::view(&state, &actor, household_id).await?;
    Ok(Json(Household {
        id: view.id,
        members: view.members.iter().map(person_json).collect(),
        applications: view.applications.iter().map(summary_json).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewHouseholdAdult {
    #[schema(max_length = 200, format = "required_line")]
    pub name: String,
    #[serde(default)]
    #[schema(max_length = 30, pattern = r"^\+?[ ().-]*([0-9][ ().-]*){5,15}$")]
    pub phone: Option<String>,
    #[serde(default)]
    #[schema(format = "email", max_length = 254)]
    pub email: Option<String>,
    /// Left out: guardian.
    #[serde(default)]
    pub role: Option<AdultRoleName>,
    /// For a guardian: parental responsibility, so their consent is needed too. Left out: false.
    #[serde(default)]
    pub parental_responsibility: bool,
}

/// Adds a second guardian or another adult to the household.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/households/{household_id}/adults", operation_id = "addHouseholdAdult", tag = "intake",
    params(HouseholdPath),
    request_body = NewHouseholdAdult,
    responses(
        (status = 201, description = "Added", body = HouseholdPerson),
        HouseholdProblems,
        InvalidFields,
    ))]
pub async fn add_household_adult(
    OrgCaller(state, actor, Id(household_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<NewHouseholdAdult>,
) -> Result<impl IntoResponse, WebError> {
    actor.authorize(&state, Action::ManageIntake).await?;
    let mut errors = FieldErrors::new();
    check_line(&mut errors, "name", Some(&body.name), 200);
    check_phone(&mut errors, "phone", body.phone.as_deref());
    check_email(&mut errors, "email", body.email.as_deref());
    if body.parental_responsibility && matches!(body.role, Some(AdultRoleName::Adult)) {
        errors.push(FieldError::new("parental_responsibility", "error-responsibility-guardian-only"));
    }
    errors.finish(|| ())?;
    let form = AdultForm {
        name: body.name,
        phone: opt(&body.phone).to_string(),
        email: opt(&body.email).to_string(),
        role: body.role.unwrap_or(AdultRoleName::Guardian).code().to_string(),
        parental_responsibility: body.parental_responsibility.to_string(),
    };
    let person_id = service::add_adult(&state, &actor, household_id, &form).await?;
    let view = service::view(&state, &actor, household_id).await?;
    let person = view.members.iter().find(|p| p.id == person_id).ok_or(WebError::NotFound)?;
    Ok((StatusCode::CREATED, Json(person_json(person))))
}
