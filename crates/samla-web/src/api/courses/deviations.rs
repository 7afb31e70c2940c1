//! How a course differs from its programme's rules, and the deviations a coordinator
//! accepted, as JSON.

use super::{CourseStatusName, GapKind};
use crate::services::courses::CourseView;
use samla_domain::planning::deviations::{Deviation, DeviationKind};
use serde::Serialize;
use utoipa::ToSchema;

fn kind_json(kind: DeviationKind) -> GapKind {
    match kind {
        DeviationKind::GroupLeaders => GapKind::GroupLeaders,
        DeviationKind::CertifiedGroupLeaders => GapKind::CertifiedGroupLeaders,
        DeviationKind::UserRepresentatives => GapKind::UserRepresentatives,
    }
}

/// One kind of deviation over the course's planned sessions.
#[derive(Serialize, ToSchema)]
pub struct CourseDeviation {
    pub kind: GapKind,
    /// Planned sessions that lack staff of this kind.
    #[schema(minimum = 1)]
    pub sessions: u32,
    /// The fewest of this kind planned at one of them.
    #[schema(minimum = 0)]
    pub fewest: u32,
    /// What the programme asks at each session.
    #[schema(minimum = 0)]
    pub needed: u32,
    /// An earlier acceptance covers it; otherwise ready, recruiting and running need a
    /// `deviation_reason` (setCourseStatus).
    pub accepted: bool,
}

/// A deviation a coordinator accepted with a written reason.
#[derive(Serialize, ToSchema)]
pub struct AcceptedCourseDeviation {
    pub kind: GapKind,
    #[schema(minimum = 1)]
    pub sessions: u32,
    #[schema(minimum = 0)]
    pub fewest: u32,
    #[schema(minimum = 0)]
    pub needed: u32,
    pub reason: String,
    /// The status the course moved to with the acceptance.
    pub accepted_for: CourseStatusName,
    /// Who accepted it (a user id) and their name.
    pub accepted_by: Option<i64>,
    pub accepted_by_name: Option<String>,
    /// Unix seconds.
    pub accepted_at: i64,
}

fn deviation_json(d: &Deviation, accepted: bool) -> CourseDeviation {
    CourseDeviation { kind: kind_json(d.kind), sessions: d.sessions, fewest: d.fewest, needed: d.needed, accepted }
}

/// The course's current deviations, each marked accepted or not.
pub fn current(view: &CourseView) -> Vec<CourseDeviation> {
    let open = view.open_deviations();
    view.deviations.iter().map(|d| deviation_json(d, !open.contains(d))).collect()
}

/// Every accepted deviation, oldest first.
pub fn accepted(view: &CourseView) -> Vec<AcceptedCourseDeviation> {
    view.accepted_deviations
        .iter()
        .zip(crate::services::courses::accepted_in_domain(&view.accepted_deviations))
        .map(|(row, d)| AcceptedCourseDeviation {
            kind: kind_json(d.kind),
            sessions: d.sessions,
            fewest: d.fewest,
            needed: d.needed,
            reason: row.reason.clone(),
            accepted_for: row.to_status.into(),
            accepted_by: row.accepted_by,
            accepted_by_name: row.accepted_by_name.clone(),
            accepted_at: row.accepted_at,
        })
        .collect()
}
