//! Tables as an XLSX workbook (rust_xlsxwriter), one sheet per table, header in bold.
//! Text is written as strings (never as formulas) and also neutralised, so a file copied
//! on as CSV stays safe; numbers are written as numbers.

use super::{neutralise, Cell, Table};
use crate::WebError;
use rust_xlsxwriter::{Format, Workbook};

/// Most characters in a sheet name (Excel's limit).
const SHEET_NAME_MAX: usize = 31;

/// A sheet name Excel accepts: without `[ ] : * ? / \`, not starting or ending with an
/// apostrophe, at most 31 characters, and unique in the workbook.
fn sheet_name(raw: &str, taken: &[String]) -> String {
    let cleaned: String = raw.chars().map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c }).collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim().to_string();
    let base: String = if cleaned.is_empty() { "Sheet".into() } else { cleaned };
    let mut number = 1;
    loop {
        let suffix = if number == 1 { String::new() } else { format!(" ({number})") };
        let room = SHEET_NAME_MAX - suffix.chars().count();
        let name = format!("{}{suffix}", base.chars().take(room).collect::<String>().trim_end());
        if !taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
            return name;
        }
        number += 1;
    }
}

/// The tables as XLSX bytes.
pub fn write(tables: &[Table]) -> Result<Vec<u8>, WebError> {
    let failed = |e: rust_xlsxwriter::XlsxError| WebError::Internal(format!("writing XLSX: {e}"));
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let mut taken = Vec::new();
    for table in tables {
        let name = sheet_name(&table.sheet, &taken);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).map_err(failed)?;
        taken.push(name);
        for (col, header) in table.header.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, neutralise(header).as_ref(), &bold).map_err(failed)?;
        }
        for (index, row) in table.rows.iter().enumerate() {
            let r = index as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let c = col as u16;
                match cell {
                    Cell::Text(text) => {
                        sheet.write_string(r, c, neutralise(text).as_ref()).map_err(failed)?;
                    }
                    Cell::Number(number) => {
                        sheet.write_number(r, c, *number).map_err(failed)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
    }
    if tables.is_empty() {
        workbook.add_worksheet();
    }
    workbook.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_made_acceptable_and_unique() {
        assert_eq!(sheet_name("a/b: c", &[]), "a b  c");
        assert_eq!(sheet_name("", &[]), "Sheet");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &[]).chars().count(), 31);
        assert_eq!(sheet_name("Round", &["round".into()]), "Round (2)");
    }

    #[test]
    fn writes_a_zip_workbook() {
        let table = Table {
            sheet: "Results".into(),
            header: vec!["a".into()],
            rows: vec![vec![Cell::from("=1+1")], vec![Cell::Number(2.0)]],
        };
        let bytes = write(&[table]).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
