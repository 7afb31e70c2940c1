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
    state.lookup("tz").and_then(|v| v.as_str().and_then(|s| s.parse().ok())).unwrap_or(chrono_tz::Europe::Oslo)
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
        keys.extend(["password", "token-revoked", "sessions"].map(|s| format!("account-saved-{s}")));
        keys.extend(["saved", "second-factor-reset"].map(|s| format!("user-saved-{s}")));
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
