//! A household's people across applications: a guardian named again on a sibling's
//! application is the same person, and what is known about them is not overwritten by a
//! form without a word.

stored_enum! {
    /// What a person is in their household.
    pub enum HouseholdRole("household role") {
        Child = "child",
        /// A grown-up answering for a child (with or without parental responsibility).
        Guardian = "guardian",
        /// A grown-up on their own account.
        Adult = "adult",
    }
}

stored_enum! {
    /// A participant's sex as the family states it, for statistics only; not stating it
    /// is always a choice.
    pub enum Sex("sex") {
        Female = "female",
        Male = "male",
        /// Another, or one the family does not want to tie to female or male.
        Other = "other",
    }
}

/// Whether contact details given on an application contradict those recorded for the
/// same guardian. An empty value says nothing; phone numbers compare by their digits
/// ("912 34 567" is "91234567"), e-mail addresses without regard to case.
pub fn contradicts(
    recorded_phone: &str,
    recorded_email: &str,
    given_phone: &str,
    given_email: &str,
) -> Vec<&'static str> {
    let digits = |raw: &str| raw.chars().filter(char::is_ascii_digit).collect::<String>();
    let mut fields = Vec::new();
    if !given_phone.trim().is_empty() && digits(given_phone) != digits(recorded_phone) {
        fields.push("phone");
    }
    if !given_email.trim().is_empty() && !given_email.trim().eq_ignore_ascii_case(recorded_email.trim()) {
        fields.push("email");
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::contradicts;

    #[test]
    fn only_other_details_contradict() {
        assert!(contradicts("912 34 567", "kari@example.no", "91234567", "KARI@example.no").is_empty());
        assert!(contradicts("912 34 567", "", "", "").is_empty(), "nothing given");
        assert_eq!(contradicts("912 34 567", "", "913 00 000", ""), ["phone"]);
        assert_eq!(contradicts("", "kari@example.no", "", "kari@annen.no"), ["email"]);
        assert_eq!(contradicts("", "", "913 00 000", "ny@example.no"), ["phone", "email"], "nothing recorded to keep");
    }
}
