//! Application references that people can read out on the phone.
//!
//! A parent calling about an application should not have to give a national identity
//! number, and staff should not have to search by name. A short reference printed on the
//! receipt solves both. It is built for speaking and typing: eight characters from an
//! alphabet without look-alikes (no 0/O, 1/I/L), shown as two groups of four.
//!
//! A reference identifies an application; it is not a credential and must not on its own
//! give access to anything. Uniqueness is the caller's job (generate, check, retry).

/// The characters a reference is made of: A–Z without I, L and O, and 2–9.
pub const REFERENCE_ALPHABET: &str = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// Characters in a reference, not counting the dash.
pub const REFERENCE_LENGTH: usize = 8;

const ALPHABET: &[u8] = REFERENCE_ALPHABET.as_bytes();

/// Builds a reference such as `K7QM-3XHT` from five random bytes (the caller supplies
/// them, since this crate does no I/O).
///
/// The 40 bits are read as a number and written in base 31. 31⁸ is a little less than
/// 2⁴⁰, so the number is reduced modulo 31⁸ first: some references are then twice as
/// likely as others, which is harmless for an identifier that is checked for uniqueness
/// and grants nothing by itself, and leaves about 39.6 bits of spread.
pub fn reference_code(random_bytes: [u8; 5]) -> String {
    let base = ALPHABET.len() as u64;
    let space = base.pow(REFERENCE_LENGTH as u32);
    let mut n = random_bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)) % space;
    let mut chars = [0u8; REFERENCE_LENGTH];
    for slot in chars.iter_mut().rev() {
        *slot = ALPHABET[(n % base) as usize];
        n /= base;
    }
    format_reference(&chars)
}

/// Reads a reference as people type or say it: case does not matter and spaces and
/// dashes (including the typographic dashes phones like to insert) are ignored.
/// Returns the canonical `XXXX-XXXX` form, or `None` if anything else is wrong.
///
/// Look-alikes are deliberately not guessed (an `O` is not taken for a `0`): the
/// alphabet has neither, and a wrong guess would find someone else's application.
pub fn normalise_reference(raw: &str) -> Option<String> {
    let mut chars = Vec::with_capacity(REFERENCE_LENGTH);
    for c in raw.chars() {
        if c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−') {
            continue;
        }
        let upper = c.to_ascii_uppercase();
        if !upper.is_ascii() || !ALPHABET.contains(&(upper as u8)) || chars.len() == REFERENCE_LENGTH {
            return None;
        }
        chars.push(upper as u8);
    }
    (chars.len() == REFERENCE_LENGTH).then(|| format_reference(&chars))
}

fn format_reference(chars: &[u8]) -> String {
    let (first, second) = chars.split_at(REFERENCE_LENGTH / 2);
    format!("{}-{}", String::from_utf8_lossy(first), String::from_utf8_lossy(second))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn alphabet_has_no_look_alikes() {
        assert_eq!(REFERENCE_ALPHABET.len(), 31);
        for c in ['0', '1', 'O', 'I', 'L'] {
            assert!(!REFERENCE_ALPHABET.contains(c), "{c}");
        }
        let mut sorted: Vec<char> = REFERENCE_ALPHABET.chars().collect();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 31, "no duplicates");
    }

    #[test]
    fn known_codes() {
        assert_eq!(reference_code([0; 5]), "AAAA-AAAA");
        assert_eq!(reference_code([0, 0, 0, 0, 1]), "AAAA-AAAB");
        assert_eq!(reference_code([0, 0, 0, 0, 30]), "AAAA-AAA9");
        assert_eq!(reference_code([0, 0, 0, 0, 31]), "AAAA-AABA");
        // 2⁴⁰ − 1 reduced modulo 31⁸ is 246 620 590 334.
        assert_eq!(reference_code([0xff; 5]), reference_code_of(246_620_590_334));
    }

    /// Independent base-31 rendering for the check above.
    fn reference_code_of(mut n: u64) -> String {
        let alphabet: Vec<char> = REFERENCE_ALPHABET.chars().collect();
        let mut out = Vec::new();
        for _ in 0..8 {
            out.push(alphabet[(n % 31) as usize]);
            n /= 31;
        }
        out.reverse();
        let s: String = out.into_iter().collect();
        format!("{}-{}", &s[..4], &s[4..])
    }

    #[test]
    fn normalising_what_people_type() {
        let cases = [
            ("K7QM-3XHT", Some("K7QM-3XHT")),
            ("k7qm3xht", Some("K7QM-3XHT")),
            (" k7qm 3xht ", Some("K7QM-3XHT")),
            ("K7-QM-3X-HT", Some("K7QM-3XHT")),
            ("K7QM–3XHT", Some("K7QM-3XHT")), // en dash from a phone keyboard
            ("K7QM-3XH", None),               // too short
            ("K7QM-3XHTA", None),             // too long
            ("K7QM-3XH0", None),              // zero is not in the alphabet
            ("K7QM-3XHO", None),              // nor is O; no guessing
            ("K7QM-3XH1", None),
            ("K7QM-3XHI", None),
            ("K7QM-3XHÆ", None),
            ("K7QM_3XHT", None),
            ("", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(normalise_reference(raw).as_deref(), expected, "{raw:?}");
        }
    }

    proptest! {
        #[test]
        fn codes_are_well_formed_and_normalise_to_themselves(bytes in any::<[u8; 5]>()) {
            let code = reference_code(bytes);
            prop_assert_eq!(code.len(), 9);
            prop_assert_eq!(&code[4..5], "-");
            prop_assert!(code.chars().filter(|&c| c != '-').all(|c| REFERENCE_ALPHABET.contains(c)));
            prop_assert_eq!(normalise_reference(&code), Some(code.clone()));
            prop_assert_eq!(normalise_reference(&code.to_lowercase().replace('-', " ")), Some(code.clone()));
        }

        #[test]
        fn normalise_never_panics_and_returns_canonical_form(raw in "\\PC{0,16}") {
            if let Some(code) = normalise_reference(&raw) {
                prop_assert_eq!(normalise_reference(&code), Some(code.clone()));
                prop_assert_eq!(code.len(), 9);
            }
        }
    }
}
