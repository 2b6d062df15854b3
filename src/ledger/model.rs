//! What a ledger holds: everything recorded against one checklist for one year.
//!
//! Plain data. How it changes is in `op` and `apply`; how it is written down is `store`'s.
//! Records of items that vanished from the checklist are kept untouched (they are reported
//! as orphans), so editing the checklist never loses progress.

use std::collections::BTreeMap;

use compact_str::CompactString;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::checklist::Checklist;

/// One checklist's records for one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// The checklist id this ledger belongs to.
    pub checklist: String,
    pub year: i16,
    /// A closed year refuses every change but reopening it.
    #[serde(default)]
    pub closed: bool,
    /// How many operations have been applied: the journal number of the last one.
    #[serde(default)]
    pub seq: u64,
    #[serde(default)]
    pub items: BTreeMap<String, ItemRecord>,
}

/// The entries as read, in a vector of their own length: a list read element by element
/// grows by doubling, and an item's two entries took room for four (most of a large
/// ledger's memory, and the page faults that come with it).
fn exact_entries<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Entry>, D::Error> {
    let mut entries = Vec::<Entry>::deserialize(d)?;
    entries.shrink_to_fit();
    Ok(entries)
}

/// What is recorded for one item. Which parts are used depends on the item's kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRecord {
    /// A yes/no duty that was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Done>,
    /// Occurrences of a counted or hours item, in date order.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact_entries"
    )]
    pub entries: Vec<Entry>,
    /// The latest figures of a rate item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<RateRecord>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Evidence kept for the item as a whole (a folder, a file number).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// Files kept as evidence (scans, sign-in sheets, photos), for the item or one entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<Attachment>,
}

/// A file kept as evidence. The file itself is stored once, under its SHA-256, in the
/// evidence store beside the ledgers; the ledger records what it is and what it proves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// The file's name where it came from (`2025-03-28 党组会纪要.pdf`).
    pub name: String,
    pub size: u64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    /// The day it evidences: the entry's, the tick's, or the one given.
    #[serde(with = "crate::text::dates::stored")]
    pub date: Date,
    /// The entry it belongs to (`None`: the item as a whole).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    #[serde(default)]
    pub by: String,
}

impl ItemRecord {
    pub fn is_empty(&self) -> bool {
        *self == ItemRecord::default()
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The files kept for the entry `entry` (or, with `None`, for the item as a whole).
    pub fn files_of<'a>(
        &'a self,
        entry: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Attachment> + 'a {
        self.files
            .iter()
            .filter(move |f| f.entry.as_deref() == entry)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Done {
    #[serde(with = "crate::text::dates::stored")]
    pub date: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(default)]
    pub by: String,
}

/// One logged occurrence: a meeting, a study session, a lecture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Short stable id, unique within the item (`duty unlog`, `duty edit`).
    pub id: CompactString,
    #[serde(with = "crate::text::dates::stored")]
    pub date: Date,
    pub topic: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    #[serde(default, skip_serializing_if = "CompactString::is_empty")]
    pub evidence: CompactString,
    #[serde(default)]
    pub by: CompactString,
    /// Who presided (inspectors check that the 主要负责人 did).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub presided: String,
    /// Who attended, as the sign-in sheet says.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub attended: String,
    /// The other items the same session counts for (a 中心组 study that is also the
    /// leader's 学时): each holds an entry with this id, logged, edited and undone together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateRecord {
    pub numerator: u64,
    pub denominator: u64,
    #[serde(with = "crate::text::dates::stored")]
    pub date: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(default)]
    pub by: String,
}

impl RateRecord {
    /// 0/0: the year had no cases, so the rate does not apply (and is no shortfall).
    pub fn no_cases(&self) -> bool {
        self.denominator == 0
    }

    pub fn percent(&self) -> f64 {
        if self.denominator == 0 {
            0.0
        } else {
            self.numerator as f64 * 100.0 / self.denominator as f64
        }
    }
}

impl Ledger {
    pub fn new(checklist: &str, year: i16) -> Self {
        Ledger {
            checklist: checklist.to_string(),
            year,
            closed: false,
            seq: 0,
            items: BTreeMap::new(),
        }
    }

    pub fn record(&self, item: &str) -> Option<&ItemRecord> {
        self.items.get(item)
    }

    /// Records whose item is not in `checklist` (renamed or removed since they were made).
    pub fn orphans<'a>(
        &'a self,
        checklist: &'a Checklist,
    ) -> impl Iterator<Item = (&'a String, &'a ItemRecord)> + 'a {
        self.items
            .iter()
            .filter(move |(id, _)| checklist.item(id).is_none())
    }
}
