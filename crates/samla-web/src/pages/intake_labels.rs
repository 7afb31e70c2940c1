//! Display names shared by the public intake pages and the staff's intake pages.

use crate::i18n::I18n;
use samla_domain::accounts::Language;
use samla_storage::intake::channels::Channel;

/// The name a recruitment channel is shown with: the organisation's own name for one it
/// added, the translated name (`channel-<code>`) for a seeded one.
pub fn channel_label(i18n: &I18n, language: Language, channel: &Channel) -> String {
    if let Some(name) = channel.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        return name.to_string();
    }
    match channel.code.as_deref() {
        Some(code) => i18n.text(language, &channel_key(code), &[]),
        None => String::new(),
    }
}

/// The translation key of a seeded channel's code (`school_nurse` → `channel-school-nurse`).
pub fn channel_key(code: &str) -> String {
    format!("channel-{}", code.replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use samla_storage::intake::channels::SEEDED;

    #[test]
    fn every_seeded_channel_has_a_name_in_every_language() {
        let i18n = I18n::load();
        for (code, _) in SEEDED {
            for language in Language::ALL {
                assert!(i18n.has(language, &channel_key(code)), "{code} has no name in {}", language.code());
            }
        }
    }

    #[test]
    fn an_added_channel_shows_its_own_name() {
        let i18n = I18n::load();
        let channel = |code: Option<&str>, name: Option<&str>| Channel {
            id: 1,
            code: code.map(str::to_string),
            name: name.map(str::to_string),
            kind: samla_domain::intake::ChannelKind::Both,
            position: 1,
            archived: 0,
        };
        assert_eq!(
            channel_label(&i18n, Language::NorwegianBokmal, &channel(None, Some("Frivilligsentralen"))),
            "Frivilligsentralen"
        );
        assert_eq!(channel_label(&i18n, Language::NorwegianBokmal, &channel(Some("gp"), None)), "Fastlege");
        assert_eq!(channel_label(&i18n, Language::English, &channel(Some("nav"), None)), "NAV");
    }
}
