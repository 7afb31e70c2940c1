//! Tables written as CSV and XLSX for download. A cell that a spreadsheet would read as a
//! formula (starting with = + - @, or a tab or carriage return) is neutralised.
//!
//! A [`Table`] is a sheet name, a header and rows of text or number cells; [`csv::write`]
//! and [`xlsx::write`] turn it into bytes. Numbers stay numbers; only text is neutralised,
//! by putting an apostrophe in front (OWASP's advice for CSV injection), so the text still
//! reads the same and no spreadsheet evaluates it.

pub mod csv;
pub mod xlsx;

use std::borrow::Cow;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_string())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<f64> for Cell {
    fn from(number: f64) -> Self {
        if number.is_finite() {
            Cell::Number(number)
        } else {
            Cell::Empty
        }
    }
}

impl From<i64> for Cell {
    fn from(number: i64) -> Self {
        Cell::Number(number as f64)
    }
}

impl From<usize> for Cell {
    fn from(number: usize) -> Self {
        Cell::Number(number as f64)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map(Into::into).unwrap_or(Cell::Empty)
    }
}

/// A table: one sheet of an XLSX file, or one CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub sheet: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Where a download's format is asked for (`?format=csv|xlsx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn parse(raw: &str) -> Option<Format> {
        match raw {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// Characters that make a spreadsheet read a cell as a formula when they come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The text with an apostrophe in front when it would start a formula.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Writes the tables in `format`: an XLSX file has a sheet per table; a CSV file holds the
/// first table only (callers export one table as CSV).
pub fn write(format: Format, tables: &[Table]) -> Result<Vec<u8>, crate::WebError> {
    match format {
        Format::Csv => tables.first().map(csv::write).unwrap_or_else(|| Ok(Vec::new())),
        Format::Xlsx => xlsx::write(tables),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(text), format!("'{text}"));
        }
        assert_eq!(neutralise("plain"), "plain");
        assert_eq!(neutralise("a=1"), "a=1");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn numbers_that_are_not_finite_are_empty() {
        assert_eq!(Cell::from(f64::NAN), Cell::Empty);
        assert_eq!(Cell::from(Some(2.5)), Cell::Number(2.5));
        assert_eq!(Cell::from(None::<f64>), Cell::Empty);
    }
}
