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
    match lang {
        Lang::Zh => ["00 索引.docx", "00 索引.xlsx", "SHA256SUMS.txt"],
        Lang::En => ["00 index.docx", "00 index.xlsx", "SHA256SUMS.txt"],
    }
}

/// The index: its title, the lines under it, and its tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    pub title: String,
    pub lines: Vec<String>,
    pub tables: Vec<Table>,
}

fn col(heading: &str, width: f64, centred: bool) -> Column {
    Column {
        heading: heading.to_string(),
        width,
        centred,
    }
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
    let w = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let title = match lang {
        Lang::Zh => format!(
            "{}{}年度佐证材料索引",
            checklist.organization, checklist.year
        ),
        Lang::En => format!(
            "{} {}: index of evidence",
            checklist.organization, checklist.year
        ),
    };
    let files_total = layout.files().count();
    let bytes: u64 = layout.files().map(|f| f.file.size).sum();
    let mut lines = vec![match lang {
        Lang::Zh => format!(
            "{}；共 {} 项事项、{} 个文件（{}）；生成日期 {}。",
            checklist.title,
            layout.items.len(),
            files_total,
            size_text(bytes),
            crate::text::dates::chinese(today)
        ),
        Lang::En => format!(
            "{}; {} items, {} files ({}); made {}.",
            checklist.title,
            layout.items.len(),
            files_total,
            size_text(bytes),
            crate::text::dates::iso(today)
        ),
    }];
    if !part.is_empty() {
        lines.push(format!("{}{part}", w("范围：", "Part: ")));
    }
    lines.push(
        w(
            "每个文件的 SHA-256 校验值见“文件”表和 SHA256SUMS.txt，可用 sha256sum -c SHA256SUMS.txt 或 certutil -hashfile 文件 SHA256 核对。",
            "Each file's SHA-256 is in the Files table and SHA256SUMS.txt; check them with sha256sum -c SHA256SUMS.txt or certutil -hashfile FILE SHA256.",
        )
        .to_string(),
    );
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
                w("（无附件）", "(no files)").into()
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
                    .map_or_else(|| w("事项", "the item").to_string(), |e| e.topic.clone())
                    .into(),
                Cell::Number(f.file.size as f64),
                f.file.sha256.as_str().into(),
            ]);
        }
    }
    let titled = |part: &str| match lang {
        Lang::Zh => format!("{title}（{part}）"),
        Lang::En => format!("{title}: {part}"),
    };
    let items = Table {
        name: w("事项", "Items").into(),
        title: titled(w("事项", "items")),
        columns: vec![
            col(w("序号", "No."), 6.0, true),
            col(w("类别", "Category"), 14.0, false),
            col(w("工作任务", "Task"), 32.0, false),
            col(w("责任科室", "Owner"), 12.0, true),
            col(w("目标", "Target"), 10.0, true),
            col(w("完成情况", "Result"), 20.0, false),
            col(w("文号/佐证材料", "Document no. / evidence"), 30.0, false),
            col(w("文件数", "Files"), 7.0, true),
            col(w("文件夹", "Folder"), 36.0, false),
        ],
        rows: item_rows,
    };
    let sessions = Table {
        name: w("活动登记", "Sessions").into(),
        title: titled(w("活动登记", "sessions")),
        columns: vec![
            col(w("序号", "No."), 6.0, true),
            col(w("事项序号", "Item"), 8.0, true),
            col(w("工作任务", "Task"), 26.0, false),
            col(w("日期", "Date"), 12.0, true),
            col(w("主题", "Topic"), 30.0, false),
            col(w("学时", "Hours"), 6.0, true),
            col(w("主持人", "Presided"), 10.0, false),
            col(w("文号/佐证材料", "Document no. / evidence"), 26.0, false),
            col(w("文件", "Files"), 30.0, false),
        ],
        rows: session_rows,
    };
    let files = Table {
        name: w("文件", "Files").into(),
        title: titled(w("文件", "files")),
        columns: vec![
            col(w("序号", "No."), 6.0, true),
            col(w("事项序号", "Item"), 8.0, true),
            col(w("包内位置", "In the package"), 40.0, false),
            col(w("原文件名", "Original name"), 24.0, false),
            col(w("证明日期", "Date"), 12.0, true),
            col(w("所属", "For"), 18.0, false),
            col(w("大小（字节）", "Size (bytes)"), 12.0, true),
            col("SHA-256", 34.0, false),
        ],
        rows: file_rows,
    };
    Index {
        title,
        lines,
        tables: vec![items, sessions, files],
    }
}
