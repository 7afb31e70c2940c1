//! Staffing as the course pages and the running overview show it: shared by both, kept
//! apart so neither page module imports the other.

use minijinja::Value;
use samla_domain::planning::staffing::StaffingGap;

/// A staffing gap as the templates show it: its message key and the figures.
pub(in crate::pages) fn gap_value(gap: &StaffingGap) -> Value {
    let (have, need) = match gap {
        StaffingGap::GroupLeaders { have, need }
        | StaffingGap::CertifiedGroupLeaders { have, need }
        | StaffingGap::UserRepresentatives { have, need } => (*have, *need),
    };
    minijinja::context! { key => gap.message_key(), have => have, need => need }
}
