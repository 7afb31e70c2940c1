//! The questionnaires samla ships, written from the seeds in our own words: FHIR R4 JSON in
//! `data/questionnaires/`, one file per language (`<slug>.nb.json`, `<slug>.en.json`), and
//! the scoring rules beside them (`<slug>.scoring.json`) where scoring makes sense.
//! Instruments under licence (SDQ) are not shipped; an organisation with a licence imports
//! its own definition and rules.

/// One shipped questionnaire in every language, with its scoring rules.
pub struct Shipped {
    pub slug: &'static str,
    /// (language, FHIR JSON), nb first.
    pub definitions: &'static [(&'static str, &'static str)],
    pub scoring: Option<&'static str>,
}

macro_rules! file {
    ($slug:literal, $suffix:literal) => {
        include_str!(concat!("../../../../data/questionnaires/", $slug, ".", $suffix, ".json"))
    };
}

macro_rules! shipped {
    ($slug:literal) => {
        Shipped { slug: $slug, definitions: &[("nb", file!($slug, "nb")), ("en", file!($slug, "en"))], scoring: None }
    };
    ($slug:literal, scored) => {
        Shipped {
            slug: $slug,
            definitions: &[("nb", file!($slug, "nb")), ("en", file!($slug, "en"))],
            scoring: Some(file!($slug, "scoring")),
        }
    };
}

pub const SHIPPED: &[Shipped] = &[
    shipped!("mestringstreff-pre-course"),
    shipped!("mestringstreff-post-course", scored),
    shipped!("smil-children", scored),
    shipped!("smil-parents", scored),
    shipped!("smil-staff", scored),
    shipped!("session-evaluation", scored),
];
