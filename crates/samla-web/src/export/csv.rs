//! A table as CSV: UTF-8 with a byte order mark (so spreadsheets read æ, ø and å right),
//! comma separated, header first. Numbers are written as Rust prints them (shortest text
//! that reads back the same, a dot for decimals).

use super::{neutralise, Cell, Table};
use crate::WebError;

/// The table as CSV bytes.
pub fn write(table: &Table) -> Result<Vec<u8>, WebError> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut writer = ::csv::WriterBuilder::new().flexible(true).from_writer(&mut out);
        let failed = |e: ::csv::Error| WebError::Internal(format!("writing CSV: {e}"));
        writer.write_record(table.header.iter().map(|h| neutralise(h).into_owned())).map_err(failed)?;
        for row in &table.rows {
            writer
                .write_record(row.iter().map(|cell| match cell {
                    Cell::Text(text) => neutralise(text).into_owned(),
                    Cell::Number(number) => number.to_string(),
                    Cell::Empty => String::new(),
                }))
                .map_err(failed)?;
        }
        writer.flush().map_err(|e| WebError::Internal(format!("writing CSV: {e}")))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_header_rows_and_neutralises_text() {
        let table = Table {
            sheet: "x".into(),
            header: vec!["name".into(), "count".into()],
            rows: vec![
                vec![Cell::from("=HYPERLINK(\"x\")"), Cell::Number(-3.0)],
                vec![Cell::from("Blåbær, \"søte\""), Cell::Number(0.25)],
                vec![Cell::Empty, Cell::from("@x")],
            ],
        };
        let text = String::from_utf8(write(&table).unwrap()).unwrap();
        assert_eq!(text, "\u{feff}name,count\n\"'=HYPERLINK(\"\"x\"\")\",-3\n\"Blåbær, \"\"søte\"\"\",0.25\n,'@x\n");
    }
}
