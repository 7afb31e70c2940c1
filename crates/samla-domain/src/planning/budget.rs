//! Course budgets in exact decimal money: each line is an amount, optionally times
//! hours, times a count that is fixed or follows the course (leaders, sessions,
//! participants).

use crate::validation::FieldError;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "per", content = "count")]
pub enum Multiplier {
    /// A fixed number of units (1 for a lump sum).
    Fixed(u32),
    /// Once per group leader on the course.
    Leader,
    /// Once per session.
    Session,
    /// Once per participant (capacity).
    Participant,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub label: String,
    /// An amount or an hourly rate, in the organisation's currency.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// Hours per unit, when `amount` is an hourly rate.
    #[serde(default, with = "rust_decimal::serde::str_option", skip_serializing_if = "Option::is_none")]
    pub hours: Option<Decimal>,
    pub multiplier: Multiplier,
}

/// The numbers of the course a budget follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CourseFigures {
    pub leaders: u32,
    pub sessions: u32,
    pub participants: u32,
}

impl BudgetLine {
    pub fn units(&self, course: &CourseFigures) -> u32 {
        match self.multiplier {
            Multiplier::Fixed(n) => n,
            Multiplier::Leader => course.leaders,
            Multiplier::Session => course.sessions,
            Multiplier::Participant => course.participants,
        }
    }

    pub fn total(&self, course: &CourseFigures) -> Decimal {
        self.amount * self.hours.unwrap_or(Decimal::ONE) * Decimal::from(self.units(course))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetTotals {
    pub lines: Vec<Decimal>,
    pub total: Decimal,
    /// The total divided by participants, rounded to whole øre; none without participants.
    pub per_participant: Option<Decimal>,
}

pub fn totals(lines: &[BudgetLine], course: &CourseFigures) -> BudgetTotals {
    let line_totals: Vec<Decimal> = lines.iter().map(|line| line.total(course)).collect();
    let total: Decimal = line_totals.iter().sum();
    let per_participant = (course.participants > 0).then(|| (total / Decimal::from(course.participants)).round_dp(2));
    BudgetTotals { lines: line_totals, total, per_participant }
}

/// Reads an amount as people type it: `350`, `350,50`, `350.50`, `1 234,50`,
/// `1.234,50`. Negative amounts and more than two decimals are refused.
pub fn parse_amount(field: &str, raw: &str) -> Result<Decimal, FieldError> {
    let compact: String =
        raw.trim().chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}').collect();
    if compact.is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    if compact.starts_with('-') {
        return Err(FieldError::new(field, "error-amount-negative"));
    }
    let normalised = match (compact.rfind(','), compact.rfind('.')) {
        // Both: the last one is the decimal separator, the other groups thousands.
        (Some(comma), Some(dot)) if comma > dot => compact.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => compact.replace(',', ""),
        (Some(_), None) => compact.replace(',', "."),
        _ => compact,
    };
    let valid_shape =
        normalised.chars().all(|c| c.is_ascii_digit() || c == '.') && normalised.matches('.').count() <= 1;
    let amount: Decimal = valid_shape
        .then(|| normalised.parse().ok())
        .flatten()
        .ok_or_else(|| FieldError::new(field, "error-amount-invalid"))?;
    if amount.scale() > 2 {
        return Err(FieldError::new(field, "error-amount-decimals"));
    }
    if amount > Decimal::from(100_000_000) {
        return Err(FieldError::new(field, "error-amount-too-large"));
    }
    Ok(amount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(raw: &str) -> Decimal {
        raw.parse().unwrap()
    }

    fn line(label: &str, amount: &str, hours: Option<&str>, multiplier: Multiplier) -> BudgetLine {
        BudgetLine { label: label.into(), amount: dec(amount), hours: hours.map(dec), multiplier }
    }

    /// The Danish guide's example at 350 DKK an hour, as the guide computes it.
    #[test]
    fn danish_guide_example_sums_to_176_100() {
        let lines = vec![
            line("Uddannelse af én gruppeleder", "6000", None, Multiplier::Fixed(1)),
            line("Frikøb af gruppeledere, 90 timer hver", "350", Some("90"), Multiplier::Leader),
            line("Koordinator, ca. 10 timer om ugen", "90000", None, Multiplier::Fixed(1)),
            line("Supervision, 2 × 2 timer", "1500", Some("2"), Multiplier::Fixed(2)),
            line("Forplejning pr. gang", "200", None, Multiplier::Session),
            line("Netværkspersoner, 2 timer hver", "350", Some("2"), Multiplier::Fixed(8)),
            line("Materialer", "500", None, Multiplier::Fixed(1)),
            line("Markedsføring", "3000", None, Multiplier::Fixed(1)),
        ];
        let course = CourseFigures { leaders: 2, sessions: 10, participants: 8 };
        let result = totals(&lines, &course);
        assert_eq!(result.lines[1], dec("63000"));
        assert_eq!(result.lines[3], dec("6000"));
        assert_eq!(result.lines[5], dec("5600"));
        assert_eq!(result.total, dec("176100"));
        assert_eq!(result.per_participant, Some(dec("22012.50")));
    }

    #[test]
    fn amounts_as_people_type_them() {
        assert_eq!(parse_amount("a", "350,50").unwrap(), dec("350.50"));
        assert_eq!(parse_amount("a", "350.50").unwrap(), dec("350.50"));
        assert_eq!(parse_amount("a", "1 234,50").unwrap(), dec("1234.50"));
        assert_eq!(parse_amount("a", "1.234,50").unwrap(), dec("1234.50"));
        assert_eq!(parse_amount("a", "1,234.50").unwrap(), dec("1234.50"));
        assert_eq!(parse_amount("a", "-5").unwrap_err().code, "error-amount-negative");
        assert_eq!(parse_amount("a", "12,345").unwrap_err().code, "error-amount-decimals");
        assert_eq!(parse_amount("a", "abc").unwrap_err().code, "error-amount-invalid");
        assert_eq!(parse_amount("a", "").unwrap_err().code, "error-required");
    }

    proptest! {
        #[test]
        fn totals_are_exact_sums(amounts in proptest::collection::vec((0u64..10_000_000, 0u32..50), 0..20)) {
            let lines: Vec<BudgetLine> = amounts
                .iter()
                .map(|(ore, n)| BudgetLine { label: "x".into(), amount: Decimal::new(*ore as i64, 2), hours: None, multiplier: Multiplier::Fixed(*n) })
                .collect();
            let result = totals(&lines, &CourseFigures::default());
            let expected: i128 = amounts.iter().map(|(ore, n)| *ore as i128 * *n as i128).sum();
            prop_assert_eq!(result.total * Decimal::from(100), Decimal::from_i128_with_scale(expected, 0));
        }

        #[test]
        fn parse_never_panics_and_round_trips(ore in 0i64..10_000_000_000) {
            let amount = Decimal::new(ore, 2);
            let typed = amount.to_string().replace('.', ",");
            prop_assert_eq!(parse_amount("a", &typed).unwrap(), amount);
        }
    }
}
