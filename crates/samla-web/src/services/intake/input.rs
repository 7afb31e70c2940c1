//! Reading an application as typed. One flat form serves the public registration and
//! referral forms, staff entering a phone call or a paper form, and the API, so a form
//! can be shown again unchanged and every problem names its field.

use chrono::NaiveDate;
use samla_domain::accounts::Email;
use samla_domain::intake::consent::{age_on, Purpose};
use samla_domain::intake::household::Sex;
use samla_domain::intake::national_id::NationalId;
use samla_domain::validation::day as input_day;
use samla_domain::validation::{optional_line, optional_text, phone, required_line, required_text};
use samla_domain::{FieldError, FieldErrors};
use serde::Deserialize;

/// Who filled in the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationKind {
    /// An adult for themself (e.g. Mestringstreff).
    Myself,
    /// A guardian for a child.
    Guardian,
    /// A professional's referral.
    Referral,
    /// Staff entering a phone call or a paper form.
    Staff,
}

impl ApplicationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationKind::Myself => "self",
            ApplicationKind::Guardian => "guardian",
            ApplicationKind::Referral => "referral",
            ApplicationKind::Staff => "staff",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [ApplicationKind::Myself, ApplicationKind::Guardian, ApplicationKind::Referral, ApplicationKind::Staff]
            .into_iter()
            .find(|k| k.as_str() == raw)
    }
}

/// An application as typed: every value a string. Guardians are only asked for when the
/// participant is a child; the referrer only in a referral.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ApplicationForm {
    /// The course applied for (its id); empty: the programme's waitlist.
    pub course_id: String,
    /// The programme's slug or id, when no course is chosen.
    pub programme: String,
    /// `child` or `adult`.
    pub participant_type: String,
    pub participant_name: String,
    /// YYYY-MM-DD; required for a child (age bands).
    pub participant_birth_date: String,
    /// Only where the organisation has turned national identity numbers on.
    pub participant_national_id: String,
    /// `female`, `male` or `other`; empty when not stated (it is counted in statistics
    /// only, and never required).
    pub participant_sex: String,
    /// An adult participant's own phone.
    pub participant_phone: String,
    pub participant_email: String,
    pub guardian_name: String,
    pub guardian_phone: String,
    pub guardian_email: String,
    /// "true" when the guardian has parental responsibility (the default on the forms).
    pub guardian_responsibility: String,
    pub second_guardian_name: String,
    pub second_guardian_phone: String,
    pub second_guardian_email: String,
    pub second_guardian_responsibility: String,
    /// How they heard of the course, or who referred (a recruitment channel id).
    pub channel_id: String,
    pub referrer_name: String,
    pub referrer_service: String,
    pub referrer_phone: String,
    pub referrer_email: String,
    /// The referral's reason: health or child-welfare details, seen only by the
    /// coordinator and the course's leaders.
    pub reason: String,
    /// Practical needs the family wants the leaders to know (allergies, access, language).
    pub needs: String,
    /// Purposes consented to by the person filling in the form (self or guardian):
    /// participation, share_with_network, evaluation.
    pub consents: Vec<String>,
    /// For staff: how the consents were given (paper or in_conversation).
    pub consent_method: String,
    /// For staff and API: add to this existing household (siblings).
    pub household_id: String,
    /// A referral: the family knows about and agrees to the referral.
    pub family_informed: String,
    /// 1 (highest) to 3; staff only.
    pub priority: String,
}

#[derive(Debug)]
pub struct PersonInput {
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    pub national_id: Option<NationalId>,
    pub phone: String,
    pub email: String,
    pub sex: Option<Sex>,
}

#[derive(Debug)]
pub struct GuardianInput {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub parental_responsibility: bool,
}

#[derive(Debug)]
pub struct ReferrerInput {
    pub name: String,
    pub service: String,
    pub phone: String,
    pub email: String,
}

#[derive(Debug)]
pub struct ApplicationInput {
    pub course_id: Option<i64>,
    pub programme: String,
    pub participant_is_child: bool,
    pub participant: PersonInput,
    pub guardians: Vec<GuardianInput>,
    pub channel_id: Option<i64>,
    pub referrer: Option<ReferrerInput>,
    pub reason: String,
    pub needs: String,
    pub consents: Vec<Purpose>,
    pub household_id: Option<i64>,
    pub priority: i64,
}

fn truthy(raw: &str) -> bool {
    matches!(raw.trim(), "true" | "on" | "yes" | "1")
}

fn optional_email(field: &str, raw: &str) -> Result<String, FieldError> {
    if raw.trim().is_empty() {
        Ok(String::new())
    } else {
        Email::parse(field, raw).map(|e| e.as_str().to_string())
    }
}

fn optional_id(field: &str, raw: &str) -> Result<Option<i64>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<i64>().ok().filter(|id| *id > 0).map(Some).ok_or_else(|| FieldError::new(field, "error-choice"))
}

/// The rules that depend on the organisation and on who is filling in the form.
pub struct FormRules {
    pub kind: ApplicationKind,
    pub national_id_enabled: bool,
    pub today: NaiveDate,
    /// The day the participant's age counts on: the course's first session
    /// ([`samla_domain::intake::consent::course_age_day`]), or today without a course.
    pub age_day: NaiveDate,
}

impl ApplicationForm {
    pub fn parse(&self, rules: &FormRules) -> Result<ApplicationInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let course_id = errors.take(optional_id("course_id", &self.course_id)).flatten();
        if course_id.is_none() && self.programme.trim().is_empty() {
            errors.push(FieldError::new("course_id", "error-required"));
        }
        let participant_is_child = match (rules.kind, self.participant_type.trim()) {
            (ApplicationKind::Myself, _) => false,
            (ApplicationKind::Guardian, _) => true,
            (_, "child") => true,
            (_, "adult") => false,
            _ => {
                errors.push(FieldError::new("participant_type", "error-choice"));
                false
            }
        };
        // What does not apply to this participant is refused, so nothing typed is lost:
        // a child is reached through the guardians, an adult has none on the form.
        let inapplicable: &[(&str, &String)] = if participant_is_child {
            &[("participant_phone", &self.participant_phone), ("participant_email", &self.participant_email)]
        } else {
            &[
                ("guardian_name", &self.guardian_name),
                ("guardian_phone", &self.guardian_phone),
                ("guardian_email", &self.guardian_email),
                ("second_guardian_name", &self.second_guardian_name),
                ("second_guardian_phone", &self.second_guardian_phone),
                ("second_guardian_email", &self.second_guardian_email),
            ]
        };
        for (field, value) in inapplicable {
            if !value.trim().is_empty() {
                let code = if participant_is_child { "error-child-contact" } else { "error-adult-no-guardian" };
                errors.push(FieldError::new(*field, code));
            }
        }
        if !rules.national_id_enabled && !self.participant_national_id.trim().is_empty() {
            errors.push(FieldError::new("participant_national_id", "error-national-id-off"));
        }
        let name = errors.take(required_line("participant_name", &self.participant_name, 200));
        let sex = match self.participant_sex.trim() {
            "" => None,
            raw => errors.take(Sex::parse(raw).ok_or_else(|| FieldError::new("participant_sex", "error-choice"))),
        };
        let birth_date = if self.participant_birth_date.trim().is_empty() && !participant_is_child {
            None
        } else {
            errors
                .take(input_day("participant_birth_date", &self.participant_birth_date).and_then(|day| {
                    if day > rules.today {
                        Err(FieldError::new("participant_birth_date", "error-birth-date-future"))
                    } else {
                        Ok(day)
                    }
                }))
                .map(Some)
                .unwrap_or(None)
        };
        if let Some(day) = birth_date {
            let age = age_on(day, rules.age_day);
            if participant_is_child && age >= 18 {
                errors.push(FieldError::new("participant_birth_date", "error-child-is-adult"));
            }
            if !participant_is_child && age < 18 {
                errors.push(FieldError::new("participant_birth_date", "error-adult-is-child"));
            }
        }
        let national_id = if rules.national_id_enabled && !self.participant_national_id.trim().is_empty() {
            match NationalId::parse(&self.participant_national_id, rules.today) {
                Ok(id) => {
                    if birth_date.is_some_and(|day| day != id.birth_date()) {
                        errors.push(FieldError::new("participant_national_id", "error-national-id-birth-date"));
                    }
                    Some(id)
                }
                Err(problem) => {
                    errors.push(FieldError::new("participant_national_id", national_id_error(problem.code())));
                    None
                }
            }
        } else {
            None
        };
        // An adult participant is reached directly; a child through the guardians.
        let (participant_phone, participant_email) = if participant_is_child {
            (String::new(), String::new())
        } else {
            let phone = if rules.kind == ApplicationKind::Referral && self.participant_phone.trim().is_empty() {
                Some(String::new())
            } else {
                errors.take(phone("participant_phone", &self.participant_phone))
            };
            (
                phone.unwrap_or_default(),
                errors.take(optional_email("participant_email", &self.participant_email)).unwrap_or_default(),
            )
        };
        let mut guardians = Vec::new();
        if participant_is_child {
            let first = GuardianInput {
                name: errors.take(required_line("guardian_name", &self.guardian_name, 200)).unwrap_or_default(),
                phone: errors.take(phone("guardian_phone", &self.guardian_phone)).unwrap_or_default(),
                email: errors.take(optional_email("guardian_email", &self.guardian_email)).unwrap_or_default(),
                parental_responsibility: self.guardian_responsibility.trim().is_empty()
                    || truthy(&self.guardian_responsibility),
            };
            guardians.push(first);
            let second_given = [&self.second_guardian_name, &self.second_guardian_phone, &self.second_guardian_email]
                .iter()
                .any(|v| !v.trim().is_empty());
            if second_given {
                guardians.push(GuardianInput {
                    name: errors
                        .take(required_line("second_guardian_name", &self.second_guardian_name, 200))
                        .unwrap_or_default(),
                    phone: if self.second_guardian_phone.trim().is_empty() {
                        String::new()
                    } else {
                        errors.take(phone("second_guardian_phone", &self.second_guardian_phone)).unwrap_or_default()
                    },
                    email: errors
                        .take(optional_email("second_guardian_email", &self.second_guardian_email))
                        .unwrap_or_default(),
                    parental_responsibility: truthy(&self.second_guardian_responsibility),
                });
            }
        }
        let channel_id = errors.take(optional_id("channel_id", &self.channel_id)).flatten();
        let referrer = if rules.kind == ApplicationKind::Referral {
            if !truthy(&self.family_informed) {
                errors.push(FieldError::new("family_informed", "error-family-informed"));
            }
            Some(ReferrerInput {
                name: errors.take(required_line("referrer_name", &self.referrer_name, 200)).unwrap_or_default(),
                service: errors
                    .take(required_line("referrer_service", &self.referrer_service, 200))
                    .unwrap_or_default(),
                phone: errors.take(phone("referrer_phone", &self.referrer_phone)).unwrap_or_default(),
                email: errors.take(optional_email("referrer_email", &self.referrer_email)).unwrap_or_default(),
            })
        } else {
            let name = errors.take(optional_line("referrer_name", &self.referrer_name, 200)).flatten();
            name.map(|name| ReferrerInput {
                name,
                service: errors
                    .take(optional_line("referrer_service", &self.referrer_service, 200))
                    .flatten()
                    .unwrap_or_default(),
                phone: if self.referrer_phone.trim().is_empty() {
                    String::new()
                } else {
                    errors.take(phone("referrer_phone", &self.referrer_phone)).unwrap_or_default()
                },
                email: errors.take(optional_email("referrer_email", &self.referrer_email)).unwrap_or_default(),
            })
        };
        let reason = if rules.kind == ApplicationKind::Referral {
            errors.take(required_text("reason", &self.reason, 4000))
        } else {
            errors.take(optional_text("reason", &self.reason, 4000))
        };
        let needs = errors.take(optional_text("needs", &self.needs, 2000));
        let mut consents = Vec::new();
        for raw in &self.consents {
            match Purpose::parse(raw.trim()) {
                Some(purpose) if !consents.contains(&purpose) => consents.push(purpose),
                Some(_) => {}
                None => errors.push(FieldError::new("consents", "error-choice")),
            }
        }
        // A registration is personal data from its first moment: taking part needs consent
        // from the one who registers. A referral is the referrer's; the family consents later.
        if matches!(rules.kind, ApplicationKind::Myself | ApplicationKind::Guardian)
            && !consents.contains(&Purpose::Participation)
        {
            errors.push(FieldError::new("consents", "error-consent-participation-required"));
        }
        let household_id = errors.take(optional_id("household_id", &self.household_id)).flatten();
        let priority = match self.priority.trim() {
            "" => 2,
            raw => errors
                .take(
                    raw.parse::<i64>()
                        .ok()
                        .filter(|p| (1..=3).contains(p))
                        .ok_or_else(|| FieldError::new("priority", "error-priority")),
                )
                .unwrap_or(2),
        };
        errors.finish(|| ApplicationInput {
            course_id,
            programme: self.programme.trim().to_string(),
            participant_is_child,
            participant: PersonInput {
                name: name.unwrap_or_default(),
                birth_date,
                national_id,
                phone: participant_phone,
                email: participant_email,
                sex,
            },
            guardians,
            channel_id,
            referrer,
            reason: reason.unwrap_or_default(),
            needs: needs.unwrap_or_default(),
            consents,
            household_id,
            priority,
        })
    }
}

fn national_id_error(code: &str) -> &'static str {
    match code {
        "national-id-checksum" => "error-national-id-checksum",
        "national-id-date" => "error-national-id-date",
        _ => "error-national-id-format",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(kind: ApplicationKind) -> FormRules {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        FormRules { kind, national_id_enabled: true, today, age_day: today }
    }

    #[test]
    fn sex_is_optional_and_one_of_three() {
        for (raw, sex) in
            [("", None), ("female", Some(Sex::Female)), (" male ", Some(Sex::Male)), ("other", Some(Sex::Other))]
        {
            let form = ApplicationForm { participant_sex: raw.into(), ..guardian_form() };
            let input = form.parse(&rules(ApplicationKind::Guardian)).expect("valid");
            assert_eq!(input.participant.sex, sex, "{raw:?}");
        }
        let form = ApplicationForm { participant_sex: "f".into(), ..guardian_form() };
        let found = fields(form.parse(&rules(ApplicationKind::Guardian)).unwrap_err());
        assert_eq!(found, vec![("participant_sex".into(), "error-choice")]);
    }

    fn guardian_form() -> ApplicationForm {
        ApplicationForm {
            course_id: "3".into(),
            participant_name: "Ola".into(),
            participant_birth_date: "2016-04-02".into(),
            guardian_name: "Kari".into(),
            guardian_phone: "912 34 567".into(),
            consents: vec!["participation".into()],
            ..Default::default()
        }
    }

    fn fields(errors: FieldErrors) -> Vec<(String, &'static str)> {
        errors.0.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_guardian_registers_a_child() {
        let input = guardian_form().parse(&rules(ApplicationKind::Guardian)).unwrap();
        assert!(input.participant_is_child);
        assert_eq!(input.guardians.len(), 1);
        assert!(input.guardians[0].parental_responsibility);
        assert_eq!(input.consents, vec![Purpose::Participation]);
    }

    #[test]
    fn every_problem_is_named() {
        let form = ApplicationForm {
            course_id: "x".into(),
            participant_birth_date: "2030-01-01".into(),
            ..Default::default()
        };
        let found = fields(form.parse(&rules(ApplicationKind::Guardian)).unwrap_err());
        for expected in [
            ("course_id", "error-choice"),
            ("participant_name", "error-required"),
            ("participant_birth_date", "error-birth-date-future"),
            ("guardian_name", "error-required"),
            ("guardian_phone", "error-required"),
            ("consents", "error-consent-participation-required"),
        ] {
            assert!(found.contains(&(expected.0.to_string(), expected.1)), "{expected:?} in {found:?}");
        }
    }

    #[test]
    fn a_referral_needs_a_reason_a_referrer_and_an_informed_family() {
        let form = ApplicationForm { participant_type: "child".into(), ..guardian_form() };
        let found = fields(form.parse(&rules(ApplicationKind::Referral)).unwrap_err());
        assert!(found.contains(&("reason".into(), "error-required")));
        assert!(found.contains(&("referrer_name".into(), "error-required")));
        assert!(found.contains(&("family_informed".into(), "error-family-informed")));
    }

    #[test]
    fn an_adult_cannot_be_registered_as_a_child() {
        let form = ApplicationForm { participant_birth_date: "1990-01-01".into(), ..guardian_form() };
        let found = fields(form.parse(&rules(ApplicationKind::Guardian)).unwrap_err());
        assert_eq!(found, vec![("participant_birth_date".into(), "error-child-is-adult")]);
    }

    #[test]
    fn the_age_counts_on_the_courses_first_session() {
        // Eight when a course of 2012 began, twenty-two today.
        let form = ApplicationForm { participant_birth_date: "2004-03-15".into(), ..guardian_form() };
        let then = FormRules { age_day: NaiveDate::from_ymd_opt(2012, 9, 5).unwrap(), ..rules(ApplicationKind::Staff) };
        let form = ApplicationForm { participant_type: "child".into(), ..form };
        assert!(form.parse(&then).is_ok());
        let found = fields(form.parse(&rules(ApplicationKind::Staff)).unwrap_err());
        assert_eq!(found, vec![("participant_birth_date".into(), "error-child-is-adult")]);
    }

    #[test]
    fn what_does_not_apply_to_the_participant_is_refused_not_dropped() {
        let child = ApplicationForm { participant_phone: "912 34 567".into(), ..guardian_form() };
        let found = fields(child.parse(&rules(ApplicationKind::Guardian)).unwrap_err());
        assert_eq!(found, vec![("participant_phone".into(), "error-child-contact")]);
        let adult = ApplicationForm {
            participant_birth_date: "1980-01-01".into(),
            participant_phone: "912 34 567".into(),
            ..guardian_form()
        };
        let found = fields(adult.parse(&rules(ApplicationKind::Myself)).unwrap_err());
        assert_eq!(
            found,
            vec![
                ("guardian_name".into(), "error-adult-no-guardian"),
                ("guardian_phone".into(), "error-adult-no-guardian")
            ]
        );
        let off = FormRules { national_id_enabled: false, ..rules(ApplicationKind::Guardian) };
        let form = ApplicationForm { participant_national_id: "02041650000".into(), ..guardian_form() };
        assert_eq!(
            fields(form.parse(&off).unwrap_err()),
            vec![("participant_national_id".into(), "error-national-id-off")]
        );
    }

    #[test]
    fn a_wrong_national_identity_number_is_refused() {
        let form = ApplicationForm { participant_national_id: "02041650000".into(), ..guardian_form() };
        let found = fields(form.parse(&rules(ApplicationKind::Guardian)).unwrap_err());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "participant_national_id");
    }
}
