//! Values samla keeps as text in the database (a status, a kind, a role), each an enum,
//! so the layers above compare variants, a misspelt value does not compile, and a value
//! that is none of an enum's is refused where it is read instead of silently matching
//! nothing. Storage reads them with `TryFrom<String>` and writes `as_str()`; JSON and the
//! templates see the same text as the database.

/// A stored value that is none of its enum's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a known {what}")]
pub struct UnknownValue {
    /// What the value was to be, e.g. "session status".
    pub what: &'static str,
    pub value: String,
}

/// `TryFrom<String>` for an enum with `parse(&str) -> Option<Self>`; `$what` names the
/// enum in the error.
macro_rules! try_from_text {
    ($name:ty, $what:literal) => {
        impl TryFrom<String> for $name {
            type Error = $crate::stored::UnknownValue;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                <$name>::parse(&value).ok_or($crate::stored::UnknownValue { what: $what, value })
            }
        }
    };
}

/// An enum of stored values, each variant with its text: `ALL`, `as_str`, `parse`,
/// `TryFrom<String>`, and serde as that text (snake_case names, which the tests check
/// against the texts).
macro_rules! stored_enum {
    (
        $(#[$doc:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $($(#[$variant_doc:meta])* $variant:ident = $text:literal),+ $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        $vis enum $name {
            $($(#[$variant_doc])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text stored, and sent in JSON and to the templates.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(raw: &str) -> Option<Self> {
                match raw {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        try_from_text!($name, $what);
    };
}

/// In tests: every value of each enum (one with `ALL`, `as_str` and `parse`) parses back
/// from its text, and is that text in JSON both ways.
#[cfg(test)]
macro_rules! assert_names_round_trip {
    ($($name:ty),+ $(,)?) => {$(
        for value in <$name>::ALL.iter().copied() {
            let text = value.as_str();
            assert_eq!(<$name>::parse(text), Some(value));
            assert_eq!(serde_json::to_string(&value).unwrap(), format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<$name>(&format!("\"{text}\"")).unwrap(), value);
        }
    )+};
}

#[cfg(test)]
mod tests {
    use crate::intake::enrolment::{OfferStatus, ParticipantRole, ParticipantStatus};
    use crate::intake::household::{HouseholdRole, Sex};
    use crate::intake::stage::EventKind;
    use crate::intake::ChannelKind;
    use crate::messages::MessageStatus;
    use crate::planning::deviations::DeviationKind;
    use crate::planning::lifecycle::CourseStatus;
    use crate::planning::session::{SessionKind, SessionStatus};
    use crate::planning::staffing::CourseRole;
    use crate::programmes::Audience as SessionAudience;
    use crate::questionnaires::rounds::{Audience, Mode, Timing};

    /// Every value parses back from its text and serialises as it; other texts, the
    /// same in another case among them, are refused, naming what they were to be.
    macro_rules! round_trip {
        ($($name:ty),+ $(,)?) => {$(
            let all: Vec<$name> = <$name>::ALL.iter().copied().collect();
            assert!(!all.is_empty());
            for value in &all {
                let text = value.as_str();
                assert_eq!(<$name>::try_from(text.to_string()), Ok(*value), "{text}");
                assert_eq!(serde_json::to_value(value).unwrap(), serde_json::json!(text), "{text}");
                assert_eq!(serde_json::from_value::<$name>(serde_json::json!(text)).unwrap(), *value);
                assert!(<$name>::try_from(text.to_uppercase()).is_err(), "{text} in capitals");
                assert!(<$name>::try_from(format!(" {text}")).is_err(), "{text} with a space");
            }
            let texts: std::collections::HashSet<&str> = all.iter().map(|v| v.as_str()).collect();
            assert_eq!(texts.len(), all.len(), "each value has its own text");
            for unknown in ["", "unknown", "Cancelled "] {
                let refused = <$name>::try_from(unknown.to_string()).unwrap_err();
                assert_eq!(refused.value, unknown);
                assert!(!refused.what.is_empty());
            }
        )+};
    }

    #[test]
    fn every_stored_value_round_trips_and_others_are_refused() {
        round_trip!(
            SessionKind,
            SessionStatus,
            SessionAudience,
            CourseStatus,
            CourseRole,
            DeviationKind,
            HouseholdRole,
            Sex,
            ParticipantRole,
            ParticipantStatus,
            OfferStatus,
            ChannelKind,
            EventKind,
            Audience,
            Mode,
            Timing,
            MessageStatus,
        );
    }

    #[test]
    fn the_error_names_the_value_and_what_it_was_to_be() {
        let refused = SessionStatus::try_from("postponed".to_string()).unwrap_err();
        assert_eq!(refused.to_string(), "\"postponed\" is not a known session status");
    }
}
