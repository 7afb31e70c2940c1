//! The domain checked against its sources: the policy table in docs/policy.md, the shipped
//! programme manuals and questionnaires, and the statistics against numpy and scipy. One
//! binary, so the crate is linked once.

mod policy_table;
mod shipped_programmes;
mod shipped_questionnaires;
mod statistics_reference;
