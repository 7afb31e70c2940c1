//! Passwords: at least 8 characters, up to 256, any Unicode, no composition rules,
//! refused when they are common. Stored as Argon2id hashes.

use crate::validation::FieldError;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 256;

/// A password that meets the policy, ready to be hashed.
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        let chars = raw.chars().count();
        if chars < MIN_CHARS {
            return Err(FieldError::new(field, "error-password-too-short").with_arg("min", MIN_CHARS));
        }
        if chars > MAX_CHARS {
            return Err(FieldError::new(field, "error-password-too-long").with_arg("max", MAX_CHARS));
        }
        if is_common(raw) {
            return Err(FieldError::new(field, "error-password-common"));
        }
        Ok(Self(raw.to_string()))
    }

    /// Whether a repeated entry is the same password.
    pub fn matches(&self, repeat: &str) -> bool {
        self.0 == repeat
    }

    pub fn hash(&self) -> PasswordHash {
        PasswordHash::create(&self.0)
    }
}

/// True when the password, as a whole, is a known common password (or one with
/// trivial changes such as case or l33t substitutions), judged by zxcvbn's password
/// frequency list.
fn is_common(raw: &str) -> bool {
    let entropy = zxcvbn::zxcvbn(raw, &[]);
    let whole_match = entropy.sequence().iter().any(|m| {
        m.i == 0
            && m.j + 1 >= raw.chars().count()
            && matches!(
                &m.pattern,
                // zxcvbn does not export its dictionary names; its default is the
                // password list.
                zxcvbn::matching::patterns::MatchPattern::Dictionary(d)
                    if d.dictionary_name == Default::default()
            )
    });
    whole_match || u8::from(entropy.score()) == 0
}

/// An Argon2id hash in PHC string form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    fn create(password: &str) -> Self {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        let hash = Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .expect("Argon2 with default parameters and a fresh salt cannot fail");
        Self(hash.to_string())
    }

    pub fn from_stored(phc: String) -> Self {
        Self(phc)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn verify(&self, password: &str) -> bool {
        match argon2::password_hash::PasswordHash::new(&self.0) {
            Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
            Err(_) => false,
        }
    }

    /// Spends the same work as a real check, for unknown accounts, so the answer time
    /// does not tell whether an account exists.
    pub fn verify_nothing(password: &str) {
        static DUMMY: std::sync::OnceLock<PasswordHash> = std::sync::OnceLock::new();
        let dummy = DUMMY.get_or_init(|| PasswordHash::create("samla-timing-equaliser"));
        let _ = dummy.verify(password);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_limits_count_characters_not_bytes() {
        assert_eq!(NewPassword::parse("p", "kort").unwrap_err().code, "error-password-too-short");
        assert!(NewPassword::parse("p", "æøå blåbær syltetøy").is_ok());
        let long: String = "fjord-".repeat(42);
        assert!(NewPassword::parse("p", &long).is_ok());
        let too_long: String = "x".repeat(MAX_CHARS + 1);
        assert_eq!(NewPassword::parse("p", &too_long).unwrap_err().code, "error-password-too-long");
    }

    #[test]
    fn common_passwords_are_refused() {
        for common in ["password", "12345678", "Password1", "qwertyuiop", "iloveyou"] {
            assert_eq!(NewPassword::parse("p", common).unwrap_err().code, "error-password-common", "{common}");
        }
    }

    #[test]
    fn no_composition_rules() {
        assert!(NewPassword::parse("p", "korrekt hest batteri stift").is_ok());
    }

    #[test]
    fn hash_verifies_only_the_right_password() {
        let hash = NewPassword::parse("p", "stille vann har dyp bunn").unwrap().hash();
        assert!(hash.as_str().starts_with("$argon2id$"));
        assert!(hash.verify("stille vann har dyp bunn"));
        assert!(!hash.verify("stille vann har dyp bunn!"));
        assert!(!PasswordHash::from_stored("garbage".into()).verify("x"));
    }

    #[test]
    fn debug_never_shows_the_password() {
        let p = NewPassword::parse("p", "hemmelig passord her").unwrap();
        assert!(!format!("{p:?}").contains("hemmelig"));
    }
}
