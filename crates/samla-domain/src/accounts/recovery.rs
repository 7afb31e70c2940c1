//! One-time recovery codes for when the authenticator is lost.

use rand::Rng;

pub const COUNT: usize = 10;

/// Ten fresh codes like `k7mq-2xvd-9pta`; shown once, stored only as hashes.
pub fn generate_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    (0..COUNT)
        .map(|_| {
            (0..3)
                .map(|_| (0..4).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// The form a typed recovery code is compared in: lower case, no spaces or dashes.
pub fn normalise(raw: &str) -> String {
    raw.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_normalise_consistently() {
        let codes = generate_codes();
        assert_eq!(codes.len(), COUNT);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), COUNT);
        assert_eq!(normalise(&codes[0].to_uppercase().replace('-', " ")), normalise(&codes[0]));
        assert_eq!(normalise(&codes[0]).len(), 12);
    }
}
