//! Spreadsheets as they come from offices, read into plain grids of values with their cell
//! addresses: .xlsx, .xls and .ods through calamine (merged cells filled from their first
//! cell, dates stored as numbers turned into dates, formulas read by the value saved with
//! them — or said, with the cell, when none was saved), and .csv in UTF-8 (with or without
//! a byte-order mark), UTF-16 (Excel's "Unicode text") or GBK (what Excel on Chinese
//! Windows saves), with commas, tabs or semicolons.
//!
//! Pure: bytes in, grids out.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Sheets, open_workbook_auto_from_rs};
use jiff::civil::Date;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
    Bool(bool),
    /// An error value (`#DIV/0!`, `#REF!`).
    Error(String),
    /// A formula saved without its value (written by a program, never opened in Excel).
    Formula(String),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as text, trimmed (numbers as written: `4`, `2.5`; dates in ISO form).
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.trim().to_string(),
            Value::Number(n) => crate::text::number(*n),
            Value::Date(d) => crate::text::dates::iso(*d),
            Value::Bool(b) => b.to_string(),
            Value::Error(e) => e.clone(),
            Value::Formula(f) => format!("={f}"),
        }
    }
}

/// One sheet: its name and its cells, `rows[r][c]` at row `r + 1`, column `c` (A = 0), as
/// Excel numbers them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<Value>>,
    /// Cells covered by a merged region (filled from its first cell), as (row, col).
    pub merged: Vec<(usize, usize)>,
}

impl Grid {
    pub fn get(&self, row: usize, col: usize) -> &Value {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Value::Empty)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    pub fn is_merged(&self, row: usize, col: usize) -> bool {
        self.merged.contains(&(row, col))
    }
}

/// A workbook (or a CSV file, as one sheet).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workbook {
    pub sheets: Vec<Grid>,
    /// How a CSV file was encoded (`UTF-8`, `GBK`, `UTF-16LE`); `None` for a workbook.
    pub encoding: Option<&'static str>,
}

/// Why a file could not be read as a spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Not a workbook calamine can read (the reader's complaint).
    NotSpreadsheet(String),
    /// A CSV file in neither UTF-8, UTF-16 nor GBK: the first bad byte's offset.
    Encoding { offset: usize },
    /// A CSV line the reader could not split: its line.
    Csv { line: u64, reason: String },
    /// A CSV cell whose opening quote is never closed, so that the rest of the file would
    /// read as that one cell: where it starts.
    UnclosedQuote { at: Address },
    /// A workbook without a sheet holding anything.
    Empty,
}

/// A cell address as Excel writes it (`C7`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Address {
    /// From 0 (row 1 is 0).
    pub row: usize,
    /// From 0 (column A is 0).
    pub col: usize,
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", column_letters(self.col), self.row + 1)
    }
}

/// `C7` for row 6, column 2 (both from 0).
pub fn address(row: usize, col: usize) -> Address {
    Address { row, col }
}

/// `A`, `B` … `Z`, `AA` … for a column from 0.
pub fn column_letters(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The column a letter names (`B` → 1), if it is one.
pub fn column_index(letters: &str) -> Option<usize> {
    let l = letters.trim();
    if l.is_empty() || l.len() > 3 || !l.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut n = 0usize;
    for b in l.bytes() {
        n = n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    Some(n - 1)
}

/// Read `bytes` as the kind of file `extension` names (`xlsx`, `xls`, `ods`, `csv`, `txt`).
pub fn read(bytes: &[u8], extension: &str) -> Result<Workbook, ReadError> {
    match extension.to_ascii_lowercase().as_str() {
        "csv" | "txt" | "tsv" => read_csv(bytes),
        _ => read_workbook(bytes),
    }
}

fn read_workbook(bytes: &[u8]) -> Result<Workbook, ReadError> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| ReadError::NotSpreadsheet(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ReadError::NotSpreadsheet(e.to_string()))?;
        let formulas = book.worksheet_formula(&name).ok();
        let merges = merged_regions(&mut book, &name);
        sheets.push(grid_of(name, &range, formulas.as_ref(), &merges));
    }
    if sheets
        .iter()
        .all(|s| s.rows.iter().flatten().all(Value::is_empty))
    {
        return Err(ReadError::Empty);
    }
    Ok(Workbook {
        sheets,
        encoding: None,
    })
}

/// A merged region: its first cell and its last, as (row, col).
type Region = ((usize, usize), (usize, usize));

/// Merged regions; .xlsx and .xls only.
fn merged_regions(book: &mut Sheets<Cursor<Vec<u8>>>, name: &str) -> Vec<Region> {
    let dims = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).ok(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).ok(),
        _ => None,
    };
    dims.unwrap_or_default()
        .into_iter()
        .map(|d| {
            (
                (d.start.0 as usize, d.start.1 as usize),
                (d.end.0 as usize, d.end.1 as usize),
            )
        })
        .collect()
}

fn grid_of(
    name: String,
    range: &Range<Data>,
    formulas: Option<&Range<String>>,
    merges: &[Region],
) -> Grid {
    let (r0, c0) = range
        .start()
        .map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let (height, width) = range.get_size();
    let mut rows = vec![vec![Value::Empty; c0 + width]; r0 + height];
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            rows[r0 + r][c0 + c] = value_of(cell);
        }
    }
    if let Some(formulas) = formulas {
        let (fr, fc) = formulas
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        for (r, row) in formulas.rows().enumerate() {
            for (c, f) in row.iter().enumerate() {
                let (r, c) = (fr + r, fc + c);
                if f.is_empty() {
                    continue;
                }
                if rows.len() <= r {
                    rows.resize(r + 1, Vec::new());
                }
                if rows[r].len() <= c {
                    rows[r].resize(c + 1, Value::Empty);
                }
                if rows[r][c] == Value::Empty {
                    rows[r][c] = Value::Formula(f.clone());
                }
            }
        }
    }
    let mut merged = Vec::new();
    for &((sr, sc), (er, ec)) in merges {
        let first = rows
            .get(sr)
            .and_then(|r| r.get(sc))
            .cloned()
            .unwrap_or(Value::Empty);
        for r in sr..=er.min(sr + 10_000) {
            for c in sc..=ec.min(sc + 1_000) {
                if (r, c) == (sr, sc) {
                    continue;
                }
                if rows.len() <= r {
                    rows.resize(r + 1, Vec::new());
                }
                if rows[r].len() <= c {
                    rows[r].resize(c + 1, Value::Empty);
                }
                rows[r][c] = first.clone();
                merged.push((r, c));
            }
        }
    }
    Grid { name, rows, merged }
}

fn value_of(cell: &Data) -> Value {
    match cell {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match Date::new(y as i16, m as i8, d as i8) {
                Ok(date) => Value::Date(date),
                Err(_) => Value::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Value::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(crate::text::dates::parse_date)
            .map_or_else(|| Value::Text(s.clone()), Value::Date),
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(e.to_string()),
    }
}

/// A date Excel stores as a number of days (1900 system): plausible serials only, so that
/// counts and years are never taken for dates.
pub fn excel_serial_date(n: f64) -> Option<Date> {
    if !(n.is_finite() && (20_000.0..=80_000.0).contains(&n)) {
        return None;
    }
    let base = Date::new(1899, 12, 30).ok()?;
    base.checked_add(jiff::Span::new().days(n.floor() as i64))
        .ok()
}

/// The text of a CSV file, decoded: which encoding it was in.
fn decode(bytes: &[u8]) -> Result<(String, &'static str), ReadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), "UTF-8"))
            .map_err(|e| ReadError::Encoding {
                offset: 3 + e.valid_up_to(),
            });
    }
    for (bom, enc, name) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, "UTF-16LE"),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, "UTF-16BE"),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return enc
                .decode_without_bom_handling_and_without_replacement(rest)
                .map(|s| (s.into_owned(), name))
                .ok_or(ReadError::Encoding { offset: 0 });
        }
    }
    if let Ok(s) = crate::text::utf8(bytes) {
        return Ok((s.to_string(), "UTF-8"));
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| (s.into_owned(), "GBK"))
        .ok_or_else(|| ReadError::Encoding {
            offset: std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0),
        })
}

/// The separator a CSV file uses: the one its first line holds most of, outside quotes.
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut quoted = false;
    let mut counts = [(b',', 0), (b'\t', 0), (b';', 0)];
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|c| c.0 == b) {
            c.1 += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|c| c.1)
        .filter(|c| c.1 > 0)
        .map_or(b',', |c| c.0)
}

/// The cell whose opening quote is never closed, if one is: the reader would take the rest
/// of the file into it without a word. Rows are counted as the reader counts records (a
/// quoted cell may hold line breaks; empty lines are passed over).
fn unclosed_quote(text: &str, sep: u8) -> Option<Address> {
    let b = text.as_bytes();
    let (mut row, mut col) = (0, 0);
    // At the start of a cell; nothing yet on this record.
    let (mut start, mut empty) = (true, true);
    let mut open = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if open.is_some() {
            if c == b'"' {
                if b.get(i) == Some(&b'"') {
                    i += 1;
                } else {
                    open = None;
                }
            }
            continue;
        }
        match c {
            b'"' if start => open = Some(address(row, col)),
            b'\n' | b'\r' => {
                if !empty {
                    row += 1;
                }
                col = 0;
                (start, empty) = (true, true);
                continue;
            }
            c if c == sep => {
                col += 1;
                (start, empty) = (true, false);
                continue;
            }
            _ => {}
        }
        (start, empty) = (false, false);
    }
    open
}

fn read_csv(bytes: &[u8]) -> Result<Workbook, ReadError> {
    let (text, encoding) = decode(bytes)?;
    let sep = separator(&text);
    if let Some(at) = unclosed_quote(&text, sep) {
        return Err(ReadError::UnclosedQuote { at });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Csv {
            line: e.position().map_or(0, |p| p.line()),
            reason: e.to_string(),
        })?;
        rows.push(
            record
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(f.to_string())
                    }
                })
                .collect(),
        );
    }
    if rows.iter().flatten().all(Value::is_empty) {
        return Err(ReadError::Empty);
    }
    Ok(Workbook {
        sheets: vec![Grid {
            name: "csv".into(),
            rows,
            merged: Vec::new(),
        }],
        encoding: Some(encoding),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_excel_writes_them() {
        assert_eq!(address(6, 2).to_string(), "C7");
        assert_eq!(address(0, 25).to_string(), "Z1");
        assert_eq!(address(0, 26).to_string(), "AA1");
        assert_eq!(address(9, 701).to_string(), "ZZ10");
        assert_eq!(address(0, 702).to_string(), "AAA1");
        for c in [0, 1, 25, 26, 27, 701, 702] {
            assert_eq!(column_index(&column_letters(c)), Some(c));
        }
        assert_eq!(column_index("b"), Some(1));
        assert_eq!(column_index("工作"), None);
    }

    #[test]
    fn csv_in_every_encoding_excel_saves() {
        let text = "工作任务,责任单位\n学法,办公室\n";
        let utf8 = read(text.as_bytes(), "csv").unwrap();
        assert_eq!(utf8.encoding, Some("UTF-8"));
        assert_eq!(utf8.sheets[0].get(1, 1), &Value::Text("办公室".into()));
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let book = read(&gbk, "csv").unwrap();
        assert_eq!(book.encoding, Some("GBK"));
        assert_eq!(book.sheets[0].rows, utf8.sheets[0].rows);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.replace(',', "\t").as_bytes());
        assert_eq!(
            read(&bom, "csv").unwrap().sheets[0].rows,
            utf8.sheets[0].rows
        );
        let mut utf16 = vec![0xFF, 0xFE];
        for u in text.replace(',', "\t").encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let book = read(&utf16, "txt").unwrap();
        assert_eq!(book.encoding, Some("UTF-16LE"));
        assert_eq!(book.sheets[0].rows, utf8.sheets[0].rows);
        assert!(matches!(
            read(b"\xFF\xFF\xFF", "csv"),
            Err(ReadError::Encoding { .. })
        ));
        assert_eq!(read(b" , \n", "csv"), Err(ReadError::Empty));
    }

    #[test]
    fn an_unclosed_quote_is_refused_where_it_opens() {
        let text = "日期,事项,主题,学时\n2026-08-04,会前学法,\"学习《公务员法,,\n2026-08-05,会前学法,学习二,\n2026-08-06,会前学法,学习三,\n";
        assert_eq!(
            read(text.as_bytes(), "csv"),
            Err(ReadError::UnclosedQuote { at: address(1, 2) })
        );
        // Closed quotes, doubled quotes and line breaks inside them are cells as written;
        // empty lines are not rows.
        let fine = "a,b\n\n\"x,\"\"y\"\"\nz\",2\r\n\"\",\"q\"\n";
        let book = read(fine.as_bytes(), "csv").unwrap();
        assert_eq!(book.sheets[0].get(1, 0), &Value::Text("x,\"y\"\nz".into()));
        assert_eq!(book.sheets[0].get(2, 1), &Value::Text("q".into()));
        assert_eq!(
            read(b"a,b\n\n1,\"2\n", "csv"),
            Err(ReadError::UnclosedQuote { at: address(1, 1) })
        );
    }

    #[test]
    fn serial_dates() {
        assert_eq!(
            excel_serial_date(45_747.0),
            Some(jiff::civil::date(2025, 3, 31))
        );
        assert_eq!(excel_serial_date(4.0), None);
        assert_eq!(excel_serial_date(2025.0), None);
    }
}
