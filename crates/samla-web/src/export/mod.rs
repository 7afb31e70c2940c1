//! Tables written as CSV and XLSX for download. A cell that a spreadsheet would read as a
//! formula (starting with = + - @, or a tab or carriage return) is neutralised.
