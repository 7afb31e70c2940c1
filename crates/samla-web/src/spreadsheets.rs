//! Spreadsheets read for an import: a CSV file (comma or semicolon separated, as a
//! Norwegian Excel writes it) or a sheet of an XLSX workbook, as text cells.

use calamine::{Data, Reader, Xlsx};
use samla_domain::reports::import::Sheet;
use std::io::Cursor;

/// Why a file could not be read at all (its rows are checked later).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// Not a CSV file (not UTF-8 text, or broken quoting).
    Csv,
    /// Not an XLSX workbook.
    Workbook,
    /// The workbook has no sheet of that name.
    SheetMissing,
    /// The workbook unpacks to more than [`MAX_UNPACKED_BYTES`].
    TooLarge,
}

/// What a workbook may unpack to: a few hundred thousand cells, far more than years of
/// courses, and far less than a small file crafted to unpack to gigabytes.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// Refuses a workbook whose parts unpack to more than [`MAX_UNPACKED_BYTES`], by the sizes
/// its directory states.
fn within_size(bytes: &[u8]) -> Result<(), Unreadable> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Unreadable::Workbook)?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).map_err(|_| Unreadable::Workbook)?;
        total = total.saturating_add(part.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(Unreadable::TooLarge);
    }
    Ok(())
}

/// A CSV file; the separator is the one its header line uses most (`,` or `;`).
pub fn csv(bytes: &[u8]) -> Result<Sheet, Unreadable> {
    let text = std::str::from_utf8(bytes).map_err(|_| Unreadable::Csv)?;
    let text = text.trim_start_matches('\u{feff}');
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() { b';' } else { b',' };
    let mut reader =
        ::csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| Unreadable::Csv)?;
        rows.push(record.iter().map(|c| c.trim().to_string()).collect::<Vec<_>>());
    }
    let mut rows = rows.into_iter();
    Ok(Sheet { header: rows.next().unwrap_or_default(), rows: rows.collect() })
}

/// The sheet `name` of an XLSX workbook; dates as 2024-03-01, whole numbers without a
/// decimal point.
pub fn workbook_sheet(bytes: &[u8], name: &str) -> Result<Sheet, Unreadable> {
    within_size(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| Unreadable::Workbook)?;
    let range = workbook.worksheet_range(name).map_err(|_| Unreadable::SheetMissing)?;
    let mut rows = range.rows().map(|row| row.iter().map(cell).collect::<Vec<_>>());
    Ok(Sheet { header: rows.next().unwrap_or_default(), rows: rows.collect() })
}

fn cell(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(text) => text.trim().to_string(),
        Data::Float(value) if value.fract() == 0.0 && value.abs() < 1e15 => format!("{}", *value as i64),
        Data::Float(value) => value.to_string(),
        Data::Int(value) => value.to_string(),
        Data::Bool(true) => "yes".to_string(),
        Data::Bool(false) => "no".to_string(),
        Data::DateTime(moment) => moment.as_datetime().map(|d| d.date().to_string()).unwrap_or_default(),
        Data::DateTimeIso(text) => text.get(..10).unwrap_or(text).to_string(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_takes_commas_or_semicolons_and_a_byte_order_mark() {
        let comma = csv("course,programme\nV24,smil\n".as_bytes()).expect("CSV");
        assert_eq!(
            (comma.header, comma.rows),
            (vec!["course".to_string(), "programme".into()], vec![vec!["V24".to_string(), "smil".into()]])
        );
        let semicolon = csv("\u{feff}course;programme\n\"V;24\";smil\n".as_bytes()).expect("CSV");
        assert_eq!(semicolon.rows, vec![vec!["V;24".to_string(), "smil".into()]]);
        assert_eq!(csv(&[0xff, 0xfe, 0x00]), Err(Unreadable::Csv));
    }

    #[test]
    fn a_workbook_written_by_samla_reads_back() {
        use crate::export::{write, Cell, Format, Table};
        let table = Table {
            sheet: "courses".into(),
            header: vec!["course".into(), "sessions".into()],
            rows: vec![vec![Cell::from("V24"), Cell::from(10_i64)]],
        };
        let bytes = write(Format::Xlsx, &[table]).expect("XLSX");
        let sheet = workbook_sheet(&bytes, "courses").expect("the sheet");
        assert_eq!(sheet.rows, vec![vec!["V24".to_string(), "10".into()]]);
        assert_eq!(workbook_sheet(&bytes, "participants"), Err(Unreadable::SheetMissing));
        assert_eq!(workbook_sheet(b"not a zip", "courses"), Err(Unreadable::Workbook));
    }

    #[test]
    fn a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_read() {
        use std::io::Write;
        let mut packed = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        packed.start_file("xl/worksheets/sheet1.xml", options).expect("a part");
        let zeros = vec![b'0'; 1024 * 1024];
        for _ in 0..=MAX_UNPACKED_BYTES / (1024 * 1024) {
            packed.write_all(&zeros).expect("written");
        }
        let bytes = packed.finish().expect("a zip").into_inner();
        assert!(bytes.len() < 1024 * 1024, "small when packed: {} bytes", bytes.len());
        assert_eq!(workbook_sheet(&bytes, "courses"), Err(Unreadable::TooLarge));
    }
}
