//! The programmes samla ships, written from the source documents in our own words, and
//! the rule that keeps every organisation's copy of them up to date. They are installed
//! into every organisation (when it is made, and at every start for those made before);
//! the format is described in `data/programmes/README.md`.

use super::Manual;
use sha2::{Digest, Sha256};

macro_rules! shipped {
    ($($slug:literal),* $(,)?) => {
        &[$(($slug, include_str!(concat!("../../../../data/programmes/", $slug, ".toml")))),*]
    };
}

/// (slug, TOML source) of every shipped programme.
pub const SHIPPED: &[(&str, &str)] = shipped![
    "mestringsgrupper",
    "smil",
    "mestringstreff",
    "boernegrupper",
    "cos",
    "icdp",
    "de-utrolige-arene",
    "pmto",
    "fortsatt-foreldre",
    "godt-samliv",
];

/// The content hash of a manual: of the manual itself, not of its file, so a shipped file
/// written with other spacing or comments is the same content.
pub fn content_hash(manual: &Manual) -> String {
    let json = serde_json::to_string(manual).unwrap_or_default();
    Sha256::digest(json.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// An organisation's programme with a shipped manual's slug, as far as updating it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    /// Installed from samla's manual (or found to be exactly it).
    pub shipped: bool,
    pub archived: bool,
    /// The shipped content the current version was installed from; none when the
    /// organisation saved the current version itself.
    pub current_shipped_hash: Option<String>,
    /// The content hash of the current version's manual (looked at only while the copy
    /// is not known as samla's).
    pub current_content_hash: String,
}

/// What to do with one shipped manual in one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Install {
    /// The organisation has no programme with the slug: add samla's.
    Create,
    /// The organisation's copy is samla's as it was shipped before: the new content
    /// becomes its next version (courses keep the version they were planned from).
    NewVersion,
    /// The organisation imported exactly this manual by hand: it is samla's copy from now
    /// on, so later editions reach it.
    Adopt,
    /// Nothing to do: up to date, changed by the organisation (its edit stays), archived,
    /// or the organisation's own programme that happens to use the slug.
    Leave,
}

/// The rule: a shipped edition reaches every copy the organisation left as samla shipped
/// it, never one it changed or archived.
pub fn decide(copy: Option<&Existing>, shipped_hash: &str) -> Install {
    let Some(copy) = copy else { return Install::Create };
    if copy.archived {
        return Install::Leave;
    }
    if !copy.shipped {
        return if copy.current_content_hash == shipped_hash { Install::Adopt } else { Install::Leave };
    }
    match copy.current_shipped_hash.as_deref() {
        Some(hash) if hash == shipped_hash => Install::Leave,
        Some(_) => Install::NewVersion,
        None => Install::Leave,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manual(slug: &str) -> Manual {
        let (_, source) = SHIPPED.iter().find(|(s, _)| *s == slug).unwrap();
        Manual::from_toml(source).unwrap()
    }

    fn copy(shipped: bool, archived: bool, current_shipped: Option<&str>, content: &str) -> Existing {
        Existing {
            shipped,
            archived,
            current_shipped_hash: current_shipped.map(str::to_string),
            current_content_hash: content.to_string(),
        }
    }

    #[test]
    fn the_hash_is_of_the_content_not_the_file() {
        let (_, source) = SHIPPED.iter().find(|(s, _)| *s == "smil").unwrap();
        let spaced = format!("# a comment\n\n{source}\n\n");
        assert_eq!(content_hash(&Manual::from_toml(&spaced).unwrap()), content_hash(&manual("smil")));
        let mut changed = manual("smil");
        changed.default_session_count = Some(14);
        assert_ne!(content_hash(&changed), content_hash(&manual("smil")));
    }

    #[test]
    fn a_new_edition_reaches_copies_left_as_shipped_only() {
        let (old, new) = ("old", "new");
        assert_eq!(decide(None, new), Install::Create);
        assert_eq!(decide(Some(&copy(true, false, Some(old), old)), new), Install::NewVersion);
        assert_eq!(decide(Some(&copy(true, false, Some(new), new)), new), Install::Leave, "up to date");
        assert_eq!(decide(Some(&copy(true, false, None, "edited")), new), Install::Leave, "the organisation's edit");
        assert_eq!(decide(Some(&copy(true, true, Some(old), old)), new), Install::Leave, "archived");
        assert_eq!(decide(Some(&copy(false, false, None, new)), new), Install::Adopt, "imported by hand");
        assert_eq!(decide(Some(&copy(false, false, None, "own")), new), Install::Leave, "its own programme");
        assert_eq!(decide(Some(&copy(false, true, None, new)), new), Install::Leave);
    }
}
