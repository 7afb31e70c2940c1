//! People and how they prove who they are.

pub mod email;
pub mod password;
pub mod recovery;
pub mod throttle;
pub mod totp;

pub use email::Email;
pub use password::{NewPassword, PasswordHash};

use crate::validation::{required_line, FieldError};

/// A person's display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        required_line(field, raw, 200).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// The languages samla speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    NorwegianBokmal,
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::NorwegianBokmal, Language::English];

    pub fn code(self) -> &'static str {
        match self {
            Language::NorwegianBokmal => "nb",
            Language::English => "en",
        }
    }

    pub fn parse(raw: &str) -> Option<Language> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "nb" | "no" | "nn" | "nb-no" | "no-no" | "nn-no" => Some(Language::NorwegianBokmal),
            "en" | "en-gb" | "en-us" => Some(Language::English),
            _ => None,
        }
    }
}
