//! Reading what the server answers (problem documents, zip files) and making valid
//! input (national identity numbers), shared by the suites.

use std::io::Read;

/// (field, message) of each error in a problem document, in order.
pub fn problem_fields(problem: &serde_json::Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| (e["field"].as_str().unwrap_or("").to_string(), e["message"].as_str().unwrap_or("").into()))
                .collect()
        })
        .unwrap_or_default()
}

/// The field of each error in a problem document, in order ("" where one names none).
pub fn error_fields(problem: &serde_json::Value) -> Vec<String> {
    problem_fields(problem).into_iter().map(|(field, _)| field).collect()
}

/// The text of every entry of a zip file (an XLSX workbook, an export), in order.
pub fn zip_entries(bytes: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file that opens");
    (0..archive.len())
        .map(|index| {
            let mut entry = archive.by_index(index).expect("a zip entry");
            let mut content = Vec::new();
            entry.read_to_end(&mut content).expect("a zip entry that reads");
            String::from_utf8_lossy(&content).into_owned()
        })
        .collect()
}

/// A valid Norwegian national identity number for someone born on `day` (2000–2039).
pub fn national_id_born(day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let control = |digits: &[u32], weights: &[u32]| -> Option<u32> {
        let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
        match 11 - sum % 11 {
            11 => Some(0),
            10 => None,
            k => Some(k),
        }
    };
    for individual in 500..1000 {
        let base = format!("{:02}{:02}{:02}{individual:03}", day.day(), day.month(), day.year() % 100);
        let mut digits: Vec<u32> = base.chars().map(|c| c.to_digit(10).unwrap()).collect();
        let Some(k1) = control(&digits, &[3, 7, 6, 1, 8, 9, 4, 5, 2]) else { continue };
        digits.push(k1);
        let Some(k2) = control(&digits, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) else { continue };
        return format!("{base}{k1}{k2}");
    }
    panic!("no valid number for {day}");
}
