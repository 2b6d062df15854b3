//! The inspector's package (佐证材料), pure: where every kept file goes, laid out by section and
//! item and numbered as in the checklist —
//! `01 第一责任人职责/03 党组会专题研究法治建设/2025-03-28 传达学习….pdf` — with names safe on
//! Windows ([`names`]); the index of every item, session and file ([`index`]) as .docx and
//! .xlsx; and the checksum list. The store writes the package from this plan.
//!
//! File names in an item's folder: a file kept for a logged session is named by the
//! session's day and topic (`2025-03-28 传达学习习近平法治思想.pdf`), with its own name after a
//! dash when the session keeps several; a file kept for the item as a whole by its day and
//! its own name (unless that already starts with a date). Names taken twice get ` (2)`.

pub mod docx;
pub mod index;
pub mod names;

use std::collections::HashSet;

use crate::checklist::{Checklist, Item, Section};
use crate::ledger::{Attachment, Entry, Ledger};
use names::{MAX_COMPONENT, component, split_ext, starts_with_date, unique};

/// Which part of the checklist to pack (all of it when empty). An item is packed when it is
/// in one of the sections, has one of the owners and is one of the items named (each list
/// that is given must match).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub sections: Vec<String>,
    pub owners: Vec<String>,
    pub items: Vec<String>,
}

/// A `--section`, `--owner` or `--item` that names nothing in the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    Section {
        id: String,
        known: Vec<String>,
    },
    Owner {
        owner: String,
        known: Vec<String>,
    },
    Item {
        id: String,
        suggestions: Vec<String>,
    },
    /// Each part names something, but no item is all of them.
    Nothing,
}

/// One kept file's place in the package.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed<'a> {
    /// `01 栏目/03 事项/2025-03-28 主题.pdf`.
    pub path: String,
    pub file: &'a Attachment,
    pub entry: Option<&'a Entry>,
}

/// One item of the package, numbered as in the checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct PackItem<'a> {
    /// Position of its section and of the item within it, from 1.
    pub section_no: usize,
    pub item_no: usize,
    pub section: &'a Section,
    pub item: &'a Item,
    /// `01 栏目/03 事项`.
    pub folder: String,
    pub files: Vec<Placed<'a>>,
}

impl PackItem<'_> {
    /// `1.3`: section 1, item 3.
    pub fn number(&self) -> String {
        format!("{}.{}", self.section_no, self.item_no)
    }
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout<'a> {
    pub items: Vec<PackItem<'a>>,
}

impl Layout<'_> {
    pub fn files(&self) -> impl Iterator<Item = &Placed<'_>> {
        self.items.iter().flat_map(|i| i.files.iter())
    }
}

fn check_filter(checklist: &Checklist, filter: &Filter) -> Result<(), FilterError> {
    for id in &filter.sections {
        if !checklist
            .sections
            .iter()
            .any(|s| &s.id == id || s.title == *id)
        {
            return Err(FilterError::Section {
                id: id.clone(),
                known: checklist.sections.iter().map(|s| s.id.clone()).collect(),
            });
        }
    }
    let mut owners: Vec<String> = checklist
        .items()
        .map(|(_, i)| i.owner.clone())
        .filter(|o| !o.is_empty())
        .collect();
    owners.sort();
    owners.dedup();
    for owner in &filter.owners {
        if !owners.contains(owner) {
            return Err(FilterError::Owner {
                owner: owner.clone(),
                known: owners,
            });
        }
    }
    for id in &filter.items {
        if checklist.item(id).is_none() {
            return Err(FilterError::Item {
                id: id.clone(),
                suggestions: checklist
                    .suggest(id)
                    .into_iter()
                    .map(String::from)
                    .collect(),
            });
        }
    }
    Ok(())
}

fn wanted(filter: &Filter, section: &Section, item: &Item) -> bool {
    (filter.sections.is_empty()
        || filter
            .sections
            .iter()
            .any(|s| *s == section.id || *s == section.title))
        && (filter.owners.is_empty() || filter.owners.contains(&item.owner))
        && (filter.items.is_empty() || filter.items.contains(&item.id))
}

/// The name a kept file gets in its item's folder (before making it unique).
fn file_name(file: &Attachment, entry: Option<&Entry>, several: bool) -> String {
    let (stem, ext) = split_ext(&file.name);
    // `2025-03-28 纪要.pdf` kept for the session of that day: the day is said once.
    let stem = if starts_with_date(stem) {
        stem.trim_start_matches(|c: char| c.is_ascii_digit() || "-._/年月日".contains(c))
            .trim_start()
    } else {
        stem
    };
    let stem = if stem.is_empty() { "file" } else { stem };
    let day = crate::text::dates::iso(file.date);
    let name = match entry {
        Some(e) if several => format!(
            "{} {} - {stem}{ext}",
            crate::text::dates::iso(e.date),
            e.topic
        ),
        Some(e) => format!("{} {}{ext}", crate::text::dates::iso(e.date), e.topic),
        None if starts_with_date(&file.name) => file.name.clone(),
        None => format!("{day} {}", file.name),
    };
    component(&name, MAX_COMPONENT)
}

/// Lay out the package of `ledger` (of `checklist`), or the part `filter` asks for.
pub fn layout<'a>(
    checklist: &'a Checklist,
    ledger: &'a Ledger,
    filter: &Filter,
) -> Result<Layout<'a>, FilterError> {
    check_filter(checklist, filter)?;
    let mut items = Vec::new();
    for (si, section) in checklist.sections.iter().enumerate() {
        let section_folder = component(&format!("{:02} {}", si + 1, section.title), 40);
        for (ii, item) in section.items.iter().enumerate() {
            if !wanted(filter, section, item) {
                continue;
            }
            let folder = format!(
                "{section_folder}/{}",
                component(&format!("{:02} {}", ii + 1, item.title), 60)
            );
            let record = ledger.record(&item.id);
            let mut taken = HashSet::new();
            let mut files = Vec::new();
            if let Some(r) = record {
                // The item's own files first, then each session's in date order.
                let mut order: Vec<(Option<&Entry>, &Attachment)> = r
                    .files
                    .iter()
                    .map(|f| (f.entry.as_deref().and_then(|e| r.entry(e)), f))
                    .collect();
                order.sort_by_key(|(e, f)| (e.map(|e| e.date), e.is_some(), f.date));
                for (entry, file) in order {
                    let several = entry.is_some_and(|e| r.files_of(Some(&e.id)).count() > 1);
                    let name = unique(file_name(file, entry, several), &mut taken);
                    files.push(Placed {
                        path: format!("{folder}/{name}"),
                        file,
                        entry,
                    });
                }
            }
            items.push(PackItem {
                section_no: si + 1,
                item_no: ii + 1,
                section,
                item,
                folder,
                files,
            });
        }
    }
    if items.is_empty() {
        return Err(FilterError::Nothing);
    }
    Ok(Layout { items })
}

/// The plain checksum list (`sha256sum -c` reads it): one `HASH  PATH` line per file.
pub fn checksums(lines: &[(String, String)]) -> Vec<u8> {
    let mut out = String::new();
    for (hash, path) in lines {
        out.push_str(hash);
        out.push_str("  ");
        out.push_str(path);
        out.push('\n');
    }
    out.into_bytes()
}

/// Whether a kept file is worth compressing in the zip: text and old Office formats are;
/// scans, photos, PDFs and newer Office files (already zips) are not.
pub fn compressible(name: &str) -> bool {
    let ext = split_ext(name).1.to_ascii_lowercase();
    matches!(
        ext.as_str(),
        ".txt"
            | ".csv"
            | ".xml"
            | ".html"
            | ".htm"
            | ".md"
            | ".doc"
            | ".xls"
            | ".ppt"
            | ".wps"
            | ".et"
            | ".rtf"
            | ".bmp"
            | ".tif"
            | ".tiff"
            | ".json"
            | ".log"
            | ".ofd"
    )
}
