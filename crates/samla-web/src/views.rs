//! Server-rendered pages: minijinja templates compiled into the binary, with `t()` for
//! text from the locale files and filters that format dates and numbers per locale.

use crate::i18n::I18n;
use chrono::TimeZone;
use minijinja::value::Kwargs;
use minijinja::{Environment, State, Value};
use samla_domain::accounts::Language;
use std::sync::Arc;

macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../templates/", $name)))),*]
    };
}

pub(crate) const TEMPLATES: &[(&str, &str)] = templates![
    "base.html",
    "forms.html",
    "lists.html",
    "links.html",
    "error.html",
    "login.html",
    "second_factor.html",
    "enrol_second_factor.html",
    "recovery_codes.html",
    "setup.html",
    "welcome.html",
    "home.html",
    "account.html",
    "token_created.html",
    "admin_users.html",
    "admin_user_new.html",
    "admin_user.html",
    "invitation.html",
    "admin_organisation.html",
    "admin_audit.html",
    "staff_directory.html",
    "statistics.html",
    "statistics_programme.html",
    "statistics_table.html",
    "statistics_outcomes.html",
    "statistics_sessions.html",
    "statistics_evaluations.html",
    "statistics_import.html",
    "statistics_send.html",
    "statistics_installations.html",
    "statistics_release_top.html",
    "statistics_release_bottom.html",
    "budget_calculation.html",
    "planning.html",
    "programmes.html",
    "programme.html",
    "programme_edit.html",
    "programme_import.html",
    "courses.html",
    "course_new.html",
    "course.html",
    "course_edit.html",
    "course_budget.html",
    "course_session.html",
    "course_session_new.html",
    "calendar_feed.html",
    "school_holidays.html",
    "outbox.html",
    "intake_board.html",
    "intake_new.html",
    "intake_application.html",
    "intake_household.html",
    "intake_waitlist.html",
    "intake_group.html",
    "intake_settings.html",
    "public_contact.html",
    "public_catalogue.html",
    "public_privacy.html",
    "public_form.html",
    "public_receipt.html",
    "public_withdraw.html",
    "public_offer.html",
    "public_consent.html",
    "running_plan.html",
    "running_session_plan.html",
    "running_attendance.html",
    "running_today.html",
    "running_log.html",
    "running_observations.html",
    "running_meetings.html",
    "running_meeting.html",
    "running_concerns.html",
    "running_concern.html",
    "running_concern_readers.html",
    "running_audit_reviews.html",
    "privacy_emergency.html",
    "privacy_retention.html",
    "privacy_access_requests.html",
    "privacy_access_report.html",
    "privacy_processing.html",
    "privacy_emergency_reviews.html",
    "privacy_emergency_review.html",
    "running_course_attendance.html",
    "running_attendance_tables.html",
    "running_attendance_print.html",
    "running_participant.html",
    "running_reminders.html",
    "running_settings.html",
    "questionnaire_rounds.html",
    "questionnaire_round.html",
    "questionnaire_answer.html",
    "questionnaire_answer_paper.html",
    "questionnaire_form_items.html",
    "questionnaire_results.html",
    "questionnaire_results_comparison.html",
    "questionnaire_results_course.html",
    "questionnaire_results_outcome.html",
    "questionnaire_results_round.html",
    "course_report.html",
    "questionnaire_library.html",
    "questionnaire_library_one.html",
    "questionnaire_library_import.html",
];

pub struct Views {
    env: Environment<'static>,
}

impl Views {
    pub fn load(i18n: Arc<I18n>) -> Self {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            env.add_template(name, source).unwrap_or_else(|e| panic!("template {name}: {e}"));
        }
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        let weekday_i18n = i18n.clone();
        env.add_function("t", move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let args: Vec<(&str, String)> = kwargs
                .args()
                .map(|name| Ok((name, kwargs.get::<Value>(name)?.to_string())))
                .collect::<Result<_, minijinja::Error>>()?;
            Ok(i18n.text(language_of(state), key, &args))
        });
        env.add_filter("datetime", |state: &State, unix: Option<i64>| -> String {
            unix.map(|u| format_datetime(language_of(state), timezone_of(state), u)).unwrap_or_default()
        });
        env.add_filter("number", |state: &State, value: i64| -> String { format_integer(language_of(state), value) });
        env.add_filter("date", |state: &State, raw: String| -> String { format_date(language_of(state), &raw) });
        env.add_filter("long_date", move |state: &State, raw: String| -> String {
            let language = language_of(state);
            match chrono::NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
                Ok(date) => {
                    let key = format!("weekday-{}", weekday_code(date));
                    format!("{} {}", weekday_i18n.text(language, &key, &[]), format_date(language, &raw))
                }
                Err(_) => raw,
            }
        });
        env.add_filter("money", |state: &State, raw: String| -> String {
            format_decimal(language_of(state), &raw, true)
        });
        env.add_filter("decimal", |state: &State, raw: String| -> String {
            format_decimal(language_of(state), &raw, false)
        });
        Self { env }
    }

    pub fn render(&self, template: &str, context: Value) -> Result<String, minijinja::Error> {
        self.env.get_template(template)?.render(context)
    }
}

fn language_of(state: &State) -> Language {
    state.lookup("lang").and_then(|v| v.as_str().and_then(Language::parse)).unwrap_or_default()
}

fn timezone_of(state: &State) -> chrono_tz::Tz {
    state
        .lookup("tz")
        .and_then(|v| v.as_str().and_then(|s| s.parse().ok()))
        .unwrap_or_else(|| crate::org::HOME_COUNTRY.timezone())
}

/// `24.11.2026 14:15` in bokmål, `24 Nov 2026 14:15` in English, in the organisation's
/// time zone.
pub fn format_datetime(language: Language, tz: chrono_tz::Tz, unix: i64) -> String {
    let Some(utc) = chrono::Utc.timestamp_opt(unix, 0).single() else {
        return String::new();
    };
    let local = utc.with_timezone(&tz);
    match language {
        Language::NorwegianBokmal => local.format("%d.%m.%Y %H:%M").to_string(),
        Language::English => local.format("%-d %b %Y %H:%M").to_string(),
    }
}

/// A day (`YYYY-MM-DD`) the way each language writes it: `24.11.2026` in bokmål,
/// `24 Nov 2026` in English. Anything else is shown as it is.
pub fn format_date(language: Language, raw: &str) -> String {
    let Ok(date) = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") else {
        return raw.to_string();
    };
    match language {
        Language::NorwegianBokmal => date.format("%d.%m.%Y").to_string(),
        Language::English => date.format("%-d %b %Y").to_string(),
    }
}

fn weekday_code(date: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][date.weekday().num_days_from_monday() as usize]
}

/// A decimal number (`176100`, `22012.5`) with thousands grouped and the language's
/// decimal sign. Money shows two decimals unless it is whole; other numbers show the
/// decimals they have.
pub fn format_decimal(language: Language, raw: &str, money: bool) -> String {
    let raw = raw.trim();
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let Ok(whole) = whole.parse::<i64>() else {
        return raw.to_string();
    };
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return raw.to_string();
    }
    let mut fraction = fraction.trim_end_matches('0').to_string();
    if money && !fraction.is_empty() {
        while fraction.len() < 2 {
            fraction.push('0');
        }
    }
    let mut text = format_integer(language, whole);
    if !fraction.is_empty() {
        text.push(match language {
            Language::NorwegianBokmal => ',',
            Language::English => '.',
        });
        text.push_str(&fraction);
    }
    if negative {
        format!("-{text}")
    } else {
        text
    }
}

/// Groups thousands the way each language writes them: `12 345` (bokmål, with a
/// no-break space) and `12,345` (English).
pub fn format_integer(language: Language, value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let separator = match language {
        Language::NorwegianBokmal => '\u{a0}',
        Language::English => ',',
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_locale_and_zone() {
        // 2026-11-24 13:15 UTC is 14:15 in Oslo (winter time).
        let unix = 1_795_526_100;
        assert_eq!(format_datetime(Language::NorwegianBokmal, chrono_tz::Europe::Oslo, unix), "24.11.2026 14:15");
        assert_eq!(format_datetime(Language::English, chrono_tz::Europe::Oslo, unix), "24 Nov 2026 14:15");
    }

    #[test]
    fn days_and_decimals_follow_the_locale() {
        assert_eq!(format_date(Language::NorwegianBokmal, "2026-11-24"), "24.11.2026");
        assert_eq!(format_date(Language::English, "2026-11-24"), "24 Nov 2026");
        assert_eq!(format_date(Language::English, "not a date"), "not a date");
        assert_eq!(format_decimal(Language::NorwegianBokmal, "22012.50", true), "22\u{a0}012,50");
        assert_eq!(format_decimal(Language::English, "176100.00", true), "176,100");
        assert_eq!(format_decimal(Language::English, "350.5", true), "350.50");
        assert_eq!(format_decimal(Language::NorwegianBokmal, "1.50", false), "1,5");
        assert_eq!(format_decimal(Language::NorwegianBokmal, "abc", false), "abc");
    }

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(format_integer(Language::NorwegianBokmal, 176100), "176\u{a0}100");
        assert_eq!(format_integer(Language::English, -1234567), "-1,234,567");
        assert_eq!(format_integer(Language::English, 12), "12");
    }

    #[test]
    fn every_template_compiles_and_uses_only_known_keys() {
        let i18n = Arc::new(I18n::load());
        let _ = Views::load(i18n.clone());
        for (name, source) in TEMPLATES {
            for key in translation_keys_in(source).into_iter().filter(|k| !k.ends_with('-')) {
                for language in Language::ALL {
                    assert!(i18n.has(language, &key), "{name} uses {key}, missing in {}", language.code());
                }
            }
        }
    }

    /// Keys that templates build from a value (`t("role-" ~ role)`) exist for every value.
    #[test]
    fn keys_built_from_values_exist() {
        let i18n = I18n::load();
        let mut keys: Vec<String> = samla_domain::Role::ALL.iter().map(|r| format!("role-{}", r.as_str())).collect();
        keys.extend(["success", "failure", "denied"].map(|o| format!("outcome-{o}")));
        keys.extend(["NO", "DK"].map(|c| format!("country-{c}")));
        keys.extend(
            ["password", "token-revoked", "sessions", "calendar-revoked"].map(|s| format!("account-saved-{s}")),
        );
        keys.extend(["saved", "second-factor-reset"].map(|s| format!("user-saved-{s}")));
        // The planning pages.
        use samla_domain::programmes::TargetGroup;
        keys.extend(TargetGroup::ALL.iter().map(|g| format!("target-group-{}", g.as_str())));
        keys.extend(["universal", "selective", "indicated"].map(|p| format!("prevention-{p}")));
        keys.extend(["participants", "parents", "family", "network"].map(|a| format!("audience-{a}")));
        let meeting_kinds = [
            "pre_conversation",
            "information_meeting",
            "parent_meeting",
            "family_session",
            "network_meeting",
            "closing_conversation",
            "follow_up",
            "supervision",
        ];
        keys.extend(meeting_kinds.map(|k| format!("meeting-kind-{k}")));
        keys.extend(crate::services::courses::COURSE_ROLES.iter().map(|r| format!("course-role-{r}")));
        keys.push("course-role-admin".to_string());
        keys.extend(
            samla_domain::planning::lifecycle::CourseStatus::ALL.iter().map(|s| format!("status-{}", s.as_str())),
        );
        keys.extend(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(|d| format!("weekday-{d}")));
        keys.extend(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(|d| format!("weekday-in-sentence-{d}")));
        keys.extend(["weekly", "every_n_weeks", "dates"].map(|i| format!("interval-{i}")));
        keys.extend(["fixed", "leader", "session", "participant"].map(|m| format!("budget-per-{m}")));
        keys.extend(["leader", "session", "participant"].map(|m| format!("budget-units-{m}")));
        let course_notices = [
            "created",
            "details",
            "status",
            "staff-added",
            "staff-removed",
            "checklist",
            "budget",
            "session-changed",
            "feed-revoked",
        ];
        keys.extend(course_notices.map(|n| format!("course-saved-{n}")));
        keys.extend(["added", "removed"].map(|n| format!("holidays-saved-{n}")));
        keys.extend(samla_domain::messages::MessageStatus::ALL.map(|s| format!("outbox-status-{}", s.as_str())));
        keys.push("outbox-saved-retried".to_string());
        keys.extend(["log", "homework", "review"].map(|n| format!("log-saved-{n}")));
        keys.extend(
            ["same-day", "weeks-before", "days-before", "weeks-after", "days-after"].map(|o| format!("offset-{o}")),
        );
        keys.extend(["start", "session", "end", "course-start"].map(|a| format!("anchor-{a}")));
        // The states of the pages behind a link (links.html's link_state).
        keys.extend(["given", "used", "expired", "unknown"].map(|s| format!("public-consent-{s}-text")));
        keys.extend(["enrolled", "declined", "expired", "unknown"].map(|s| format!("public-offer-{s}-text")));
        let answering = ["thanks", "answered", "expired", "closed", "not-yet-open", "unknown"];
        keys.extend(answering.map(|s| format!("qans-{s}-text")));
        for key in keys {
            for language in Language::ALL {
                assert!(i18n.has(language, &key), "{key} missing in {}", language.code());
            }
        }
    }

    /// The literal keys passed to `t("…")` in a template.
    fn translation_keys_in(source: &str) -> Vec<String> {
        source.split("t(\"").skip(1).filter_map(|rest| rest.split_once('"').map(|(key, _)| key.to_string())).collect()
    }
}
