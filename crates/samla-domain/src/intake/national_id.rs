//! Norwegian national identity numbers (fødselsnummer and its relatives).
//!
//! Intake needs the number to tell two applicants with the same name apart, to find
//! someone who applies again, and to know a child's birth date (and so whether the
//! child's own say is needed for consent). It is also among the most sensitive things
//! samla stores, so the type is built to be hard to leak: `Debug` shows only the
//! masked form, there is deliberately no `Display` and no `Serialize`, and the full
//! number is only available through an explicit [`NationalId::as_str`].
//!
//! The layout is `DDMMYYIIIKK`: birth date, a three-digit individual number (which also
//! encodes the century) and two mod-11 control digits. Variants accepted, with the date
//! decoded from them:
//!
//! - D-numbers (first digit + 4, i.e. day + 40), given to people without a fødselsnummer;
//! - H-numbers (month + 40), temporary numbers used in health services — NAV's synthetic
//!   test numbers use the same offset;
//! - Skatteetaten's synthetic test numbers from Tenor (month + 80), so that test and demo
//!   environments can use realistic numbers that belong to nobody.
//!
//! The offsets are decoded independently, so a synthetic D-number is accepted as well.

use std::fmt;

use chrono::NaiveDate;

/// A national identity number that passed format, checksum and date checks.
///
/// Holds exactly 11 ASCII digits.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NationalId(String);

/// Why a number was not accepted. The distinction matters to the person typing it:
/// a checksum error almost always means a typo, a date error a wrong or future number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum NationalIdError {
    /// Not exactly 11 digits (after removing spaces).
    #[error("a national identity number has exactly 11 digits")]
    Format,
    /// One of the two control digits does not match.
    #[error("the control digits of the national identity number do not match")]
    Checksum,
    /// The digits do not describe a real birth date, or the date is in the future.
    #[error("the national identity number does not contain a valid birth date")]
    Date,
}

impl NationalIdError {
    /// A stable code for translations and API responses.
    pub fn code(&self) -> &'static str {
        match self {
            NationalIdError::Format => "national-id-format",
            NationalIdError::Checksum => "national-id-checksum",
            NationalIdError::Date => "national-id-date",
        }
    }
}

const K1_WEIGHTS: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// The mod-11 control digit for `digits`, or `None` when the remainder is 1: there is
/// no digit for 10, so such a prefix is never issued.
fn control_digit(digits: &[u8], weights: &[u32]) -> Option<u8> {
    let sum: u32 = digits.iter().zip(weights).map(|(&d, &w)| u32::from(d) * w).sum();
    match sum % 11 {
        0 => Some(0),
        1 => None,
        r => Some((11 - r) as u8),
    }
}

/// What the digits say beyond the birth date: which kind of number it is.
struct Decoded {
    date: NaiveDate,
    d_number: bool,
    h_number: bool,
    synthetic: bool,
}

/// Decodes the birth date from the first nine digits, or `None` when they do not
/// describe a date (including individual numbers that are not used with that year).
fn decode(digits: &[u8; 11]) -> Option<Decoded> {
    let two = |i: usize| u32::from(digits[i]) * 10 + u32::from(digits[i + 1]);
    let (mut day, mut month, yy) = (two(0), two(2), two(4));
    let individual = u32::from(digits[6]) * 100 + two(7);

    let d_number = digits[0] >= 4;
    if d_number {
        day -= 40;
    }
    let (synthetic, h_number) = (month > 80, (41..=80).contains(&month));
    if synthetic {
        month -= 80;
    } else if h_number {
        month -= 40;
    }

    // The individual number tells the century; some combinations are not in use.
    let century = match individual {
        0..=499 => 1900,
        500..=749 if yy >= 54 => 1800,
        500..=999 if yy <= 39 => 2000,
        900..=999 if yy >= 40 => 1900,
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt((century + yy) as i32, month, day)?;
    Some(Decoded { date, d_number, h_number, synthetic })
}

impl NationalId {
    /// Parses a number as people type it: surrounding whitespace and spaces between
    /// groups (`010203 12345`) are ignored.
    ///
    /// Checks, in order: exactly 11 digits ([`NationalIdError::Format`]), both control
    /// digits ([`NationalIdError::Checksum`]), a real birth date that is not after
    /// `today` ([`NationalIdError::Date`]). `today` is passed in because this crate
    /// does no I/O, not even reading the clock.
    pub fn parse(raw: &str, today: NaiveDate) -> Result<NationalId, NationalIdError> {
        let cleaned: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        if cleaned.len() != 11 || !cleaned.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NationalIdError::Format);
        }
        let digits = Self::digits_of(&cleaned);
        if control_digit(&digits[..9], &K1_WEIGHTS) != Some(digits[9])
            || control_digit(&digits[..10], &K2_WEIGHTS) != Some(digits[10])
        {
            return Err(NationalIdError::Checksum);
        }
        match decode(&digits) {
            Some(decoded) if decoded.date <= today => Ok(NationalId(cleaned)),
            _ => Err(NationalIdError::Date),
        }
    }

    /// The full 11 digits, for storage and exact look-ups. Everything meant for people
    /// or logs should use [`NationalId::masked`] instead.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth date, with D-, H- and synthetic-number offsets removed.
    pub fn birth_date(&self) -> NaiveDate {
        self.decoded().date
    }

    /// The birth-date part followed by `•••••`, e.g. `010203•••••`: enough for a
    /// coordinator to recognise the person, too little to be the number.
    pub fn masked(&self) -> String {
        format!("{}•••••", &self.0[..6])
    }

    /// Whether this is a D-number (day + 40).
    pub fn is_d_number(&self) -> bool {
        self.decoded().d_number
    }

    /// Whether this is an H-number (month + 40; NAV's synthetic numbers look the same).
    pub fn is_h_number(&self) -> bool {
        self.decoded().h_number
    }

    /// Whether this is one of Skatteetaten's synthetic test numbers (month + 80).
    /// Production may want to refuse these; this type only recognises them.
    pub fn is_synthetic(&self) -> bool {
        self.decoded().synthetic
    }

    fn digits_of(cleaned: &str) -> [u8; 11] {
        let mut digits = [0u8; 11];
        for (slot, b) in digits.iter_mut().zip(cleaned.bytes()) {
            *slot = b - b'0';
        }
        digits
    }

    fn decoded(&self) -> Decoded {
        decode(&Self::digits_of(&self.0)).expect("a NationalId is only built from a number whose date decodes")
    }
}

/// Prints the masked form only, so a `{:?}` in a log line or a test failure never
/// reveals the full number.
impl fmt::Debug for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("NationalId").field(&self.masked()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Appends both control digits to nine digits, computed independently of the code
    /// under test straight from the published algorithm; `None` for the prefixes where
    /// a remainder of 1 means no number exists.
    fn with_control_digits(nine: &str) -> Option<String> {
        assert_eq!(nine.len(), 9);
        let d: Vec<u32> = nine.chars().map(|c| c.to_digit(10).unwrap()).collect();
        let check = |ds: &[u32], ws: &[u32]| {
            let r = ds.iter().zip(ws).map(|(a, b)| a * b).sum::<u32>() % 11;
            match r {
                0 => Some(0),
                1 => None,
                r => Some(11 - r),
            }
        };
        let k1 = check(&d, &[3, 7, 6, 1, 8, 9, 4, 5, 2])?;
        let mut ten = d.clone();
        ten.push(k1);
        let k2 = check(&ten, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2])?;
        Some(format!("{nine}{k1}{k2}"))
    }

    /// A valid number for a prefix the test picked; panics if the prefix is a
    /// "remainder 1" one, which would mean the test picked badly.
    fn fnr(nine: &str) -> String {
        with_control_digits(nine).unwrap_or_else(|| panic!("{nine} has no control digits; pick another"))
    }

    fn parse(raw: &str) -> Result<NationalId, NationalIdError> {
        NationalId::parse(raw, today())
    }

    #[test]
    fn ordinary_numbers_and_their_centuries() {
        let cases = [
            ("010203125", ymd(1903, 2, 1)), // 000–499: 1900s
            ("010299498", ymd(1999, 2, 1)),
            ("010210512", ymd(2010, 2, 1)), // 500–999 with 00–39: 2000s
            ("311225999", ymd(2025, 12, 31)),
            ("010260600", ymd(1860, 2, 1)), // 500–749 with 54–99: 1800s
            ("010254749", ymd(1854, 2, 1)),
            ("010250950", ymd(1950, 2, 1)),  // 900–999 with 40–99: 1900s
            ("290200600", ymd(2000, 2, 29)), // 2000 was a leap year
        ];
        for (nine, date) in cases {
            let number = fnr(nine);
            let id = parse(&number).unwrap_or_else(|e| panic!("{number}: {e:?}"));
            assert_eq!(id.birth_date(), date, "{number}");
            assert_eq!(id.as_str(), number);
            assert!(!id.is_d_number() && !id.is_h_number() && !id.is_synthetic());
        }
    }

    #[test]
    fn spaces_are_ignored() {
        let number = fnr("010203125");
        let spaced = format!("  {} {}\t", &number[..6], &number[6..]);
        assert_eq!(parse(&spaced).unwrap().as_str(), number);
    }

    #[test]
    fn format_errors() {
        for raw in ["", "   ", "0102031234", "010203123456", "0102031234a", "01-02-03-12345", "０１０２０３１２３４５"]
        {
            assert_eq!(parse(raw), Err(NationalIdError::Format), "{raw:?}");
        }
    }

    #[test]
    fn checksum_errors() {
        let number = fnr("010203125");
        let digits: Vec<u8> = number.bytes().collect();
        for position in [9, 10] {
            let mut wrong = digits.clone();
            wrong[position] = b'0' + (wrong[position] - b'0' + 1) % 10;
            let wrong = String::from_utf8(wrong).unwrap();
            assert_eq!(parse(&wrong), Err(NationalIdError::Checksum), "{wrong}");
        }
        // A prefix whose first control digit would be 10: no suffix is valid.
        let remainder_one = (0..1000)
            .map(|i| format!("010203{i:03}"))
            .find(|nine| with_control_digits(nine).is_none())
            .expect("some individual number gives remainder 1");
        for suffix in 0..100 {
            let raw = format!("{remainder_one}{suffix:02}");
            assert_eq!(parse(&raw), Err(NationalIdError::Checksum), "{raw}");
        }
    }

    #[test]
    fn date_errors() {
        for nine in [
            "310299123", // 31 February
            "290201124", // 29 February 1901, not a leap year
            "320199125", // day 32
            "011399123", // month 13
            "000199123", // day 0
            "010099123", // month 0
            "010245600", // 500–749 is not used with years 40–53
            "010260801", // 750–899 is not used with years 40–99
            "400203123", // D-number with day 0
        ] {
            let number = fnr(nine);
            assert_eq!(parse(&number), Err(NationalIdError::Date), "{number}");
        }
    }

    #[test]
    fn future_birth_dates_are_refused() {
        assert_eq!(parse(&fnr("020326512")), Err(NationalIdError::Date)); // tomorrow
        assert_eq!(parse(&fnr("010330512")).unwrap_err(), NationalIdError::Date); // 2030
        assert_eq!(parse(&fnr("010326512")).unwrap().birth_date(), today()); // born today
    }

    #[test]
    fn d_numbers() {
        let id = parse(&fnr("410203123")).unwrap();
        assert_eq!(id.birth_date(), ymd(1903, 2, 1));
        assert!(id.is_d_number() && !id.is_h_number());
        assert_eq!(parse(&fnr("711299123")).unwrap().birth_date(), ymd(1999, 12, 31));
        assert_eq!(parse(&fnr("710299123")), Err(NationalIdError::Date)); // 31 February
    }

    #[test]
    fn h_numbers() {
        let id = parse(&fnr("014203123")).unwrap();
        assert_eq!(id.birth_date(), ymd(1903, 2, 1));
        assert!(id.is_h_number() && !id.is_d_number() && !id.is_synthetic());
        assert_eq!(parse(&fnr("015303125")), Err(NationalIdError::Date)); // month 13
    }

    #[test]
    fn synthetic_numbers() {
        let id = parse(&fnr("018210512")).unwrap();
        assert_eq!(id.birth_date(), ymd(2010, 2, 1));
        assert!(id.is_synthetic() && !id.is_h_number());
        let synthetic_d = parse(&fnr("418210512")).unwrap();
        assert!(synthetic_d.is_synthetic() && synthetic_d.is_d_number());
        assert_eq!(synthetic_d.birth_date(), ymd(2010, 2, 1));
        assert_eq!(parse(&fnr("019310512")), Err(NationalIdError::Date)); // month 13
    }

    #[test]
    fn masking_and_debug_never_show_the_number() {
        let number = fnr("010203125");
        let id = parse(&number).unwrap();
        assert_eq!(id.masked(), "010203•••••");
        let debug = format!("{id:?} {:#?}", id);
        assert!(!debug.contains(&number), "{debug}");
        assert!(!debug.contains(&number[6..]), "{debug}");
        assert!(debug.contains("010203•••••"), "{debug}");
    }

    #[test]
    fn error_codes() {
        assert_eq!(NationalIdError::Format.code(), "national-id-format");
        assert_eq!(NationalIdError::Checksum.code(), "national-id-checksum");
        assert_eq!(NationalIdError::Date.code(), "national-id-date");
    }

    /// A birth date up to `today()`, a matching individual number and a variant
    /// (0 ordinary, 1 D-number, 2 H-number, 3 synthetic, 4 synthetic D-number).
    fn prefix() -> impl Strategy<Value = (String, NaiveDate)> {
        let first = ymd(1854, 1, 1);
        let days = (today() - first).num_days();
        (0..=days, 0u32..1000, 0u8..5).prop_map(move |(offset, r, variant)| {
            let date = first + chrono::Duration::days(offset);
            let year = chrono::Datelike::year(&date);
            let individual = match year {
                ..=1899 => 500 + r % 250,
                1900..=1939 => r % 500,
                1940..=1999 if r < 500 => r,
                1940..=1999 => 900 + r % 100,
                _ => 500 + r % 500,
            };
            let day = chrono::Datelike::day(&date) + if matches!(variant, 1 | 4) { 40 } else { 0 };
            let month = chrono::Datelike::month(&date)
                + match variant {
                    2 => 40,
                    3 | 4 => 80,
                    _ => 0,
                };
            (format!("{day:02}{month:02}{:02}{individual:03}", year % 100), date)
        })
    }

    proptest! {
        #[test]
        fn every_dated_prefix_parses_or_has_remainder_one((nine, date) in prefix()) {
            match with_control_digits(&nine) {
                Some(number) => {
                    let id = NationalId::parse(&number, today());
                    prop_assert!(id.is_ok(), "{} → {:?}", number, id);
                    let id = id.unwrap();
                    prop_assert_eq!(id.birth_date(), date);
                    prop_assert_eq!(id.as_str(), number.as_str());
                }
                None => {
                    for suffix in 0..100 {
                        let raw = format!("{nine}{suffix:02}");
                        prop_assert_eq!(NationalId::parse(&raw, today()), Err(NationalIdError::Checksum));
                    }
                }
            }
        }

        #[test]
        fn a_single_wrong_digit_is_always_caught((nine, _date) in prefix(), position in 0usize..11, bump in 1u8..10) {
            if let Some(number) = with_control_digits(&nine) {
                let mut bytes = number.into_bytes();
                bytes[position] = b'0' + (bytes[position] - b'0' + bump) % 10;
                let wrong = String::from_utf8(bytes).unwrap();
                prop_assert_eq!(NationalId::parse(&wrong, today()), Err(NationalIdError::Checksum));
            }
        }

        #[test]
        fn parse_never_panics(raw in "\\PC{0,20}") {
            let _ = NationalId::parse(&raw, today());
        }
    }
}
