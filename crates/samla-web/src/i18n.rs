//! All user-visible text lives in Fluent files, one per language; Norwegian bokmål is
//! the default.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use samla_domain::accounts::Language;

const SOURCES: [(Language, &str); 2] = [
    (Language::NorwegianBokmal, include_str!("../locales/nb/main.ftl")),
    (Language::English, include_str!("../locales/en/main.ftl")),
];

pub struct I18n {
    bundles: Vec<(Language, FluentBundle<FluentResource>)>,
}

impl I18n {
    pub fn load() -> Self {
        let bundles = SOURCES
            .iter()
            .map(|(language, source)| {
                let resource = FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(_, errors)| panic!("{} locale does not parse: {errors:?}", language.code()));
                let id = language.code().parse().expect("language codes are valid identifiers");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Isolation marks would show up inside HTML attributes and mail.
                bundle.set_use_isolating(false);
                bundle.add_resource(resource).expect("keys are unique within a locale");
                (*language, bundle)
            })
            .collect();
        Self { bundles }
    }

    fn bundle(&self, language: Language) -> &FluentBundle<FluentResource> {
        &self.bundles.iter().find(|(l, _)| *l == language).unwrap_or(&self.bundles[0]).1
    }

    /// The text for `key`; a missing key shows as the key itself (a test keeps that
    /// from happening).
    pub fn text(&self, language: Language, key: &str, args: &[(&str, String)]) -> String {
        let bundle = self.bundle(language);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, "missing translation");
            return key.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            // Whole numbers go in as numbers, so messages can choose plural forms (only
            // those a float holds exactly, so they print as they came).
            match value.parse::<i64>() {
                Ok(number) if number.to_string() == *value && number.unsigned_abs() < 1 << 53 => {
                    fluent_args.set(*name, number)
                }
                _ => fluent_args.set(*name, value.clone()),
            }
        }
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
    }

    pub fn has(&self, language: Language, key: &str) -> bool {
        self.bundle(language).has_message(key)
    }

    /// Every message id in one locale's source, for the completeness test.
    pub fn keys(language: Language) -> Vec<String> {
        let source = SOURCES.iter().find(|(l, _)| *l == language).map(|(_, s)| *s).unwrap_or("");
        source
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim().to_string()))
            .collect()
    }
}

/// Picks the language: the person's saved choice, else the language cookie, else the
/// browser's Accept-Language, else bokmål.
pub fn negotiate(saved: Option<&str>, cookie: Option<&str>, accept_language: Option<&str>) -> Language {
    if let Some(language) = saved.and_then(Language::parse).or_else(|| cookie.and_then(Language::parse)) {
        return language;
    }
    let mut ranked: Vec<(f32, Language)> = accept_language
        .unwrap_or("")
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let quality =
                pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or(tag);
            Language::parse(tag).or_else(|| Language::parse(primary)).map(|language| (quality, language))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked.first().map(|(_, language)| *language).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_locales_have_the_same_keys() {
        let mut nb = I18n::keys(Language::NorwegianBokmal);
        let mut en = I18n::keys(Language::English);
        nb.sort();
        en.sort();
        let only_nb: Vec<_> = nb.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<_> = en.iter().filter(|k| !nb.contains(k)).collect();
        assert!(only_nb.is_empty() && only_en.is_empty(), "only nb: {only_nb:?}; only en: {only_en:?}");
        assert!(nb.len() > 50);
    }

    #[test]
    fn every_key_formats_without_errors() {
        let i18n = I18n::load();
        for language in Language::ALL {
            for key in I18n::keys(language) {
                assert!(i18n.has(language, &key), "{key}");
            }
        }
    }

    /// Message keys written in Rust code (error codes, navigation, problem titles) exist
    /// in every locale.
    #[test]
    fn keys_used_in_code_exist() {
        let i18n = I18n::load();
        let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut sources = Vec::new();
        for dir in ["samla-web/src", "samla-domain/src"] {
            collect_rust_files(&crates.join(dir), &mut sources);
        }
        assert!(sources.len() > 20);
        let prefixes = ["error-", "problem-", "nav-", "home-task-", "gap-", "holiday-", "account-saved-"];
        let mut checked = 0;
        for path in sources {
            let text = std::fs::read_to_string(&path).unwrap();
            for literal in text.split('"').skip(1).step_by(2) {
                let is_key = prefixes.iter().any(|p| literal.starts_with(p))
                    && literal.len() > 6
                    && !literal.ends_with('-')
                    && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if is_key {
                    for language in Language::ALL {
                        assert!(
                            i18n.has(language, literal),
                            "{} uses {literal}, missing in {}",
                            path.display(),
                            language.code()
                        );
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 30, "found only {checked} keys");
    }

    fn collect_rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect_rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn negotiation_order() {
        assert_eq!(negotiate(Some("en"), Some("nb"), Some("nb")), Language::English);
        assert_eq!(negotiate(None, Some("en"), Some("nb")), Language::English);
        assert_eq!(negotiate(None, None, Some("da, en-GB;q=0.8, nb;q=0.9")), Language::NorwegianBokmal);
        assert_eq!(negotiate(None, None, Some("en-US,en;q=0.9")), Language::English);
        assert_eq!(negotiate(None, None, Some("de")), Language::NorwegianBokmal);
        assert_eq!(negotiate(None, None, None), Language::NorwegianBokmal);
    }
}
