//! The package's index: every item (with its state, its evidence text and where its files
//! are), every logged session (date, topic, 文号 or other evidence, its files) and every file
//! (its place, original name, day, size and SHA-256), as three tables that the .xlsx and the
//! .docx index both show.

use jiff::civil::Date;

use super::Layout;
use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::ledger::Ledger;
use crate::progress::status;
use crate::sheet::ledger::{evidence_text, target_text};
use crate::sheet::write::{Cell, Column, Table};

/// The index files' names in the package, and the checksum list's.
pub fn names(lang: Lang) -> [&'static str; 3] {
    lang.words().index_names()
}

/// The index: its title, the lines under it, and its tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    pub title: String,
    pub lines: Vec<String>,
    pub tables: Vec<Table>,
}

/// Columns from their headings and, for each, its width and whether it is centred (as many
/// of one as of the other, which `N` checks).
fn columns<const N: usize>(headings: [&str; N], shapes: [(f64, bool); N]) -> Vec<Column> {
    headings
        .iter()
        .zip(shapes)
        .map(|(heading, (width, centred))| Column {
            heading: heading.to_string(),
            width,
            centred,
        })
        .collect()
}

/// The first twelve hex digits of a hash: enough to tell files apart, and to detach by.
pub fn short_hash(sha256: &str) -> &str {
    sha256.get(..12).unwrap_or(sha256)
}

/// Bytes as people read them: `512 B`, `1.5 MB`.
pub fn size_text(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

/// The index of `layout`, as the ledger stands on `today`. `part` says which part was packed
/// (empty for all).
pub fn index(
    checklist: &Checklist,
    ledger: &Ledger,
    layout: &Layout<'_>,
    today: Date,
    part: &str,
    lang: Lang,
) -> Index {
    let st = status(checklist, ledger, today);
    let words = lang.words();
    let title = words.index_title(&checklist.organization, checklist.year);
    let files_total = layout.files().count();
    let bytes: u64 = layout.files().map(|f| f.file.size).sum();
    let mut lines = vec![words.index_summary(
        &checklist.title,
        layout.items.len(),
        files_total,
        bytes,
        today,
    )];
    if !part.is_empty() {
        lines.push(words.index_part(part));
    }
    lines.push(words.index_checksums().to_string());
    let mut item_rows = Vec::new();
    let mut session_rows = Vec::new();
    let mut file_rows = Vec::new();
    for p in &layout.items {
        let Some(s) = st.items.iter().find(|s| s.item.id == p.item.id) else {
            continue;
        };
        let files = p.files.len();
        item_rows.push(vec![
            Cell::from(p.number()),
            p.section.title.as_str().into(),
            p.item.title.as_str().into(),
            p.item.owner.as_str().into(),
            target_text(p.item.kind, lang).into(),
            s.state_label(lang).into(),
            evidence_text(s.record).into(),
            Cell::Number(files as f64),
            if files == 0 {
                words.index_no_files().into()
            } else {
                p.folder.clone().into()
            },
        ]);
        if let Some(r) = s.record {
            let mut entries: Vec<_> = r.entries.iter().collect();
            entries.sort_by_key(|e| e.date);
            for e in entries {
                let names: Vec<&str> = p
                    .files
                    .iter()
                    .filter(|f| f.entry.is_some_and(|x| x.id == e.id))
                    .map(|f| f.path.rsplit('/').next().unwrap_or(""))
                    .collect();
                session_rows.push(vec![
                    Cell::Number((session_rows.len() + 1) as f64),
                    Cell::from(p.number()),
                    p.item.title.as_str().into(),
                    Cell::Date(e.date),
                    e.topic.as_str().into(),
                    e.hours.map_or(Cell::Empty, Cell::Number),
                    e.presided.as_str().into(),
                    e.evidence.as_str().into(),
                    names.join("\n").into(),
                ]);
            }
        }
        for f in &p.files {
            file_rows.push(vec![
                Cell::Number((file_rows.len() + 1) as f64),
                Cell::from(p.number()),
                f.path.as_str().into(),
                f.file.name.as_str().into(),
                Cell::Date(f.file.date),
                f.entry
                    .map_or_else(|| words.index_for_item().to_string(), |e| e.topic.clone())
                    .into(),
                Cell::Number(f.file.size as f64),
                f.file.sha256.as_str().into(),
            ]);
        }
    }
    let [items, sessions, files] = words.index_tables();
    let items = Table {
        name: items.0.into(),
        title: words.index_table_title(&title, items.1),
        columns: columns(
            words.index_item_columns(),
            [
                (6.0, true),
                (14.0, false),
                (32.0, false),
                (12.0, true),
                (10.0, true),
                (20.0, false),
                (30.0, false),
                (7.0, true),
                (36.0, false),
            ],
        ),
        rows: item_rows,
    };
    let sessions = Table {
        name: sessions.0.into(),
        title: words.index_table_title(&title, sessions.1),
        columns: columns(
            words.index_session_columns(),
            [
                (6.0, true),
                (8.0, true),
                (26.0, false),
                (12.0, true),
                (30.0, false),
                (6.0, true),
                (10.0, false),
                (26.0, false),
                (30.0, false),
            ],
        ),
        rows: session_rows,
    };
    let files = Table {
        name: files.0.into(),
        title: words.index_table_title(&title, files.1),
        columns: columns(
            words.index_file_columns(),
            [
                (6.0, true),
                (8.0, true),
                (40.0, false),
                (24.0, false),
                (12.0, true),
                (18.0, false),
                (12.0, true),
                (34.0, false),
            ],
        ),
        rows: file_rows,
    };
    Index {
        title,
        lines,
        tables: vec![items, sessions, files],
    }
}
