//! Time-based one-time passwords (RFC 6238, HMAC-SHA1, 30-second steps, 6 digits), the
//! algorithm every authenticator app implements.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;

pub const STEP_SECONDS: i64 = 30;
pub const DIGITS: u32 = 6;

/// A shared TOTP secret (20 random bytes, as RFC 4226 recommends).
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(Vec<u8>);

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret(***)")
    }
}

impl TotpSecret {
    pub fn generate() -> Self {
        let mut bytes = vec![0u8; 20];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(bytes)
    }

    pub fn from_base32(encoded: &str) -> Option<Self> {
        data_encoding::BASE32_NOPAD.decode(encoded.trim_end_matches('=').as_bytes()).ok().map(Self)
    }

    pub fn to_base32(&self) -> String {
        data_encoding::BASE32_NOPAD.encode(&self.0)
    }

    /// The `otpauth://` URI an authenticator app reads from a QR code.
    pub fn provisioning_uri(&self, issuer: &str, account: &str) -> String {
        let issuer_enc = percent_encode(issuer);
        format!(
            "otpauth://totp/{issuer_enc}:{}?secret={}&issuer={issuer_enc}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            percent_encode(account),
            self.to_base32(),
        )
    }

    /// The code for the step holding `unix_seconds`.
    pub fn code_at(&self, unix_seconds: i64) -> String {
        hotp(&self.0, (unix_seconds.max(0) / STEP_SECONDS) as u64)
    }

    /// Checks a typed code against the current step and one step either side (clock
    /// drift), refusing a step at or before `last_used_step` so a code works only once.
    /// Returns the step that matched.
    pub fn verify(&self, code: &str, unix_seconds: i64, last_used_step: Option<i64>) -> Option<i64> {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        if code.len() != DIGITS as usize || !code.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let now_step = unix_seconds / STEP_SECONDS;
        (now_step - 1..=now_step + 1).find(|step| {
            *step >= 0
                && last_used_step.is_none_or(|last| *step > last)
                && crate::secrets::constant_time_eq(&hotp(&self.0, *step as u64), &code)
        })
    }
}

fn hotp(key: &[u8], counter: u64) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[19] & 0x0f) as usize;
    let binary =
        u32::from_be_bytes([digest[offset] & 0x7f, digest[offset + 1], digest[offset + 2], digest[offset + 3]]);
    format!("{:0width$}", binary % 10u32.pow(DIGITS), width = DIGITS as usize)
}

/// Everything but letters, digits and `-._~@` is escaped in the URI's label and issuer.
const URI_ESCAPED: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b'@');

fn percent_encode(raw: &str) -> String {
    percent_encoding::utf8_percent_encode(raw, URI_ESCAPED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 column, truncated to six digits.
    #[test]
    fn rfc6238_test_vectors() {
        let secret = TotpSecret(b"12345678901234567890".to_vec());
        let vectors = [
            (59, "287082"),
            (1111111109, "081804"),
            (1111111111, "050471"),
            (1234567890, "005924"),
            (2000000000, "279037"),
            (20000000000, "353130"),
        ];
        for (time, expected) in vectors {
            assert_eq!(secret.code_at(time), expected, "t={time}");
        }
    }

    #[test]
    fn verify_allows_one_step_of_drift_and_no_reuse() {
        let secret = TotpSecret::generate();
        let now = 1_800_000_000;
        let code = secret.code_at(now - STEP_SECONDS);
        let step = secret.verify(&code, now, None).expect("previous step accepted");
        assert_eq!(secret.verify(&code, now, Some(step)), None, "a used code is refused");
        assert_eq!(secret.verify(&secret.code_at(now - 3 * STEP_SECONDS), now, None), None);
        assert_eq!(secret.verify("12a456", now, None), None);
    }

    #[test]
    fn base32_round_trip_and_uri() {
        let secret = TotpSecret::generate();
        assert_eq!(TotpSecret::from_base32(&secret.to_base32()), Some(secret.clone()));
        let uri = secret.provisioning_uri("samla", "kari@example.no");
        assert!(uri.starts_with("otpauth://totp/samla:kari@example.no?secret="));
    }
}
