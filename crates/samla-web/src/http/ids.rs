//! Record ids in paths, read by one rule for the pages and the API.

use crate::error::WebError;

/// The id a path segment names: a whole number as an `i64` reads it (digits, an optional
/// sign). Nothing else names a record.
pub fn whole_number(raw: &str) -> Option<i64> {
    raw.parse().ok()
}

/// As [`whole_number`], also with a fraction of zeros (`7.0`): the API's ids are integers
/// in JSON Schema, which counts `7.0` as the integer 7, so a client may write them so.
pub fn whole_number_or_zero_fraction(raw: &str) -> Option<i64> {
    let whole = match raw.split_once('.') {
        None => raw,
        Some((whole, fraction)) if !fraction.is_empty() && fraction.bytes().all(|b| b == b'0') => whole,
        Some(_) => return None,
    };
    whole_number(whole)
}

/// A page's path segment that should be an id; anything else is simply not found.
pub fn id_of(raw: &str) -> Result<i64, WebError> {
    whole_number(raw).ok_or(WebError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_read_whole_numbers_only() {
        assert_eq!(id_of("7").ok(), Some(7));
        assert_eq!(id_of("+7").ok(), Some(7));
        assert_eq!(id_of("-7").ok(), Some(-7));
        for raw in ["7.0", "7.", "", "x", " 7", "99999999999999999999"] {
            assert!(matches!(id_of(raw), Err(WebError::NotFound)), "{raw:?}");
        }
    }

    #[test]
    fn the_api_also_reads_a_fraction_of_zeros() {
        assert_eq!(whole_number_or_zero_fraction("7"), Some(7));
        assert_eq!(whole_number_or_zero_fraction("7.0"), Some(7));
        assert_eq!(whole_number_or_zero_fraction("7.000"), Some(7));
        assert_eq!(whole_number_or_zero_fraction("-7.0"), Some(-7));
        for raw in ["7.", "7.5", "7.0.0", ".0", "", "x.0", "7.0 "] {
            assert_eq!(whole_number_or_zero_fraction(raw), None, "{raw:?}");
        }
    }
}
