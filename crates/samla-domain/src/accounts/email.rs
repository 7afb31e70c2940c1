use crate::validation::{text, FieldError, Lines};

/// An e-mail address as samla keeps it: after the single-line text rule (trimmed) and
/// lower-cased, one `@`, a dot in the domain, no spaces, at most 254 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        // The single-line text rule first: a control character is refused, not trimmed away.
        let value = text(field, raw, Lines::One, usize::MAX)?
            .ok_or_else(|| FieldError::new(field, "error-required"))?
            .to_lowercase();
        let valid = value.len() <= 254
            && !value.chars().any(|c| c.is_whitespace() || c.is_control())
            && match value.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains("..")
                }
                None => false,
            };
        if valid {
            Ok(Self(value))
        } else {
            Err(FieldError::new(field, "error-email-invalid"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_ordinary_addresses_and_normalises() {
        assert_eq!(Email::parse("email", " Kari@Example.NO ").unwrap().as_str(), "kari@example.no");
    }

    #[test]
    fn refuses_malformed_addresses() {
        for bad in
            ["", "kari", "kari@", "@example.no", "kari@example", "ka ri@example.no", "a@b@c.no", "a@.no", "a@b..no"]
        {
            assert!(Email::parse("email", bad).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_parsed_values_reparse(raw in "\\PC{0,80}") {
            if let Ok(email) = Email::parse("email", &raw) {
                prop_assert_eq!(Email::parse("email", email.as_str()).unwrap(), email);
            }
        }
    }
}
