//! A course's budget.

use super::*;
use crate::api::conventions::{CoursePath, CourseProblems};

/// The course's budget with line totals, total and cost per participant; money as
/// decimal strings.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/budget", operation_id = "getBudget", tag = "courses",
    params(CoursePath),
    responses(
        (status = 200, description = "The budget", body = Budget),
        CourseProblems,
    ))]
pub async fn get_budget(OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>) -> Result<Json<Budget>, WebError> {
    let view = service::course_view(&state, &actor, course_id).await?;
    Ok(Json(budget_json(&view)))
}

/// One budget line as sent. JSON takes amounts as decimal strings with a dot and at
/// most two decimals ("350.50"); a comma ("350,50"), a sign or a number is refused.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetLineIn {
    #[schema(max_length = 200, format = "required_line")]
    pub label: String,
    /// A sum, or an hourly rate with `hours`; at most 100000000.
    #[schema(pattern = r"^(100000000(\.0{1,2})?|[0-9]{1,8}(\.[0-9]{1,2})?)$")]
    pub amount: String,
    /// Hours per unit, when `amount` is an hourly rate.
    #[serde(default)]
    #[schema(pattern = r"^(100000000(\.0{1,2})?|[0-9]{1,8}(\.[0-9]{1,2})?)$")]
    pub hours: Option<String>,
    pub multiplier: BudgetMultiplier,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetChange {
    /// Every line of the budget, in order (replaces the lines there were).
    #[schema(max_items = 100)]
    pub lines: Vec<BudgetLineIn>,
}

/// A decimal amount as JSON takes it: digits, optionally a dot and up to two decimals.
fn json_amount(field: &str, raw: &str) -> Result<Decimal, FieldError> {
    if raw.trim_start().starts_with('-') {
        return Err(FieldError::new(field, "error-amount-negative"));
    }
    let (whole, fraction) = raw.split_once('.').unwrap_or((raw, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return Err(FieldError::new(field, "error-amount-invalid"));
    }
    budget::parse_amount(field, raw)
}

impl BudgetChange {
    fn parse(&self) -> Result<Vec<BudgetLine>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut lines = Vec::new();
        if self.lines.len() > 100 {
            errors.push(FieldError::new("lines", "error-budget-lines").with_arg("max", 100));
        }
        for (i, line) in self.lines.iter().enumerate() {
            let label = errors.take(required_line(&format!("lines[{i}].label"), &line.label, 200));
            let amount = errors.take(json_amount(&format!("lines[{i}].amount"), &line.amount));
            let hours = match &line.hours {
                Some(raw) => errors.take(json_amount(&format!("lines[{i}].hours"), raw)).map(Some),
                None => Some(None),
            };
            let multiplier = match (line.multiplier.per, line.multiplier.count) {
                (MultiplierKind::Fixed, Some(n)) if n <= 10_000 => Some(budget::Multiplier::Fixed(n)),
                (MultiplierKind::Fixed, _) => {
                    errors.push(
                        FieldError::new(format!("lines[{i}].multiplier.count"), "error-number-range")
                            .with_arg("min", 0)
                            .with_arg("max", 10_000),
                    );
                    None
                }
                (MultiplierKind::Leader, _) => Some(budget::Multiplier::Leader),
                (MultiplierKind::Session, _) => Some(budget::Multiplier::Session),
                (MultiplierKind::Participant, _) => Some(budget::Multiplier::Participant),
            };
            if let (Some(label), Some(amount), Some(hours), Some(multiplier)) = (label, amount, hours, multiplier) {
                lines.push(BudgetLine { label, amount, hours, multiplier });
            }
        }
        errors.finish(|| lines)
    }
}

/// Replaces the course's budget lines; the answer has the new totals.
#[utoipa::path(put, path = "/api/v1/organisations/{org}/courses/{course_id}/budget", operation_id = "replaceBudget", tag = "courses",
    params(CoursePath),
    request_body = BudgetChange,
    responses(
        (status = 200, description = "Saved", body = Budget),
        CourseProblems,
        (status = 422, description = "Invalid lines (each named, e.g. lines[2].amount), or the course is finished", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn replace_budget(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<BudgetChange>,
) -> Result<Json<Budget>, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    actor.on_course(&state, Action::ViewCourses, course_id).await?;
    let lines = body.parse()?;
    service::replace_budget(&state, &actor, course_id, &lines).await?;
    let view = service::course_view(&state, &actor, course_id).await?;
    Ok(Json(budget_json(&view)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_amounts_take_a_dot_and_refuse_a_comma() {
        assert_eq!(json_amount("a", "350.50").unwrap(), Decimal::new(35050, 2));
        assert_eq!(json_amount("a", "176100").unwrap(), Decimal::from(176_100));
        assert_eq!(json_amount("a", "350,50").unwrap_err().code, "error-amount-invalid");
        assert_eq!(json_amount("a", "1 000").unwrap_err().code, "error-amount-invalid");
        assert_eq!(json_amount("a", "-5").unwrap_err().code, "error-amount-negative");
        assert_eq!(json_amount("a", "1.005").unwrap_err().code, "error-amount-decimals");
        assert_eq!(json_amount("a", ".5").unwrap_err().code, "error-amount-invalid");
    }

    #[test]
    fn money_reads_as_whole_amounts_or_two_decimals() {
        assert_eq!(money(Decimal::new(17_610_000, 2)), "176100");
        assert_eq!(money(Decimal::new(2_201_250, 2)), "22012.50");
        assert_eq!(money(Decimal::new(7005, 1)), "700.50");
    }
}
