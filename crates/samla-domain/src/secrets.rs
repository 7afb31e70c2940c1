//! Random secrets (session ids, API tokens, links) and how they are kept: only a hash of
//! a secret is ever stored, so a copy of the database gives no one a working credential.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh secret of `bytes` random bytes, URL-safe and unpadded.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    data_encoding::BASE64URL_NOPAD.encode(&buf)
}

/// What is stored in place of a secret.
pub fn hash_secret(secret: &str) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(secret.as_bytes()))
}

/// Compares two strings in time independent of where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_and_distinct() {
        let a = random_token(32);
        let b = random_token(32);
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
    }

    #[test]
    fn hash_is_stable_and_not_the_secret() {
        assert_eq!(hash_secret("abc"), hash_secret("abc"));
        assert_ne!(hash_secret("abc"), "abc");
        assert_eq!(hash_secret("abc").len(), 64);
    }

    #[test]
    fn constant_time_eq_compares() {
        assert!(constant_time_eq("same", "same"));
        assert!(!constant_time_eq("same", "diff"));
        assert!(!constant_time_eq("short", "longer"));
    }
}
