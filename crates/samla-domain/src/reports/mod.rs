//! What evaluation and outcome reports compute from the answers a course collected.
//!
//! This layer decides
//! - the figures of one item or scale: n, mean, standard deviation, median, how many gave
//!   each answer, and the share at or above a threshold ([`statistics::describe`]);
//! - the change between scores before and after a course: mean change with its 95 %
//!   confidence interval, paired t-test, Wilcoxon signed-rank test and Cohen's d_z
//!   ([`statistics::paired_change`]), each withheld with a reason where it is undefined.
//!
//! It does not decide whose answers may be shown or from how many answers on (anonymous
//! rounds show results from five answers on; that rule belongs with the rounds), and it
//! stores nothing.

pub mod course_report;
pub mod disclosure;
pub mod evaluation;
pub mod import;
pub mod national;
pub mod pooled;
pub mod pooled_evaluation;
pub mod session_attendance;
pub mod statistics;
pub mod submission;
pub mod tables;
