//! The domain checked against its sources: the policy table in docs/policy.md, the shipped
//! programme manuals and questionnaires, the statistics against numpy and scipy, and
//! disclosure control against scipy's linear programming. One binary, so the crate is
//! linked once.

mod disclosure_attack;
mod policy_table;
mod shipped_programmes;
mod shipped_questionnaires;
mod statistics_reference;
