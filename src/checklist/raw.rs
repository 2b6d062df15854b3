//! The checklist file exactly as written: serde structs that mirror the RON format.
//!
//! Parsing stops here; [`super::load`] refines these into the validated model. The same
//! structs serialise a checklist back to RON (`duty init`, `duty rollover`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawChecklist {
    pub id: String,
    pub title: String,
    pub organization: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
    #[serde(default)]
    pub report: RawReport,
    pub sections: Vec<RawSection>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    /// The document's title (`{org}{year}年法治政府建设年度报告`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
    /// How section three names the leader (`局党组书记、局长`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// The default lead-in of each section's paragraph; `""` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_in: Option<String>,
    /// Sections as （一）（二） sub-headings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbered: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_five: Option<RawFive>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shufa: Option<RawShufa>,
}

/// Section five (存在的不足和原因) as written.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFive {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
    /// Shortcomings the unit states every year, after those from the ledger.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub general: Vec<String>,
}

/// The leader's 述法 report as written.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawShufa {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<String>,
    /// Opens part two (存在的不足).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcomings: Option<String>,
    /// Part three (下一步打算), one sentence each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_in: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<String>,
    pub items: Vec<RawItem>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub kind: RawKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    pub due: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_short: Option<RawIfShort>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_cases: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows_report: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortfall: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shufa: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<i64>,
    /// A one-off duty of this year only: next year's checklist does not repeat it (it is
    /// carried over only if unfinished and carrying is asked for).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub once: bool,
    /// For a counted item, how often it falls due within the year: `"monthly"` (每月) or
    /// `"quarterly"` (每季度); the review then points out a month or quarter that passed
    /// without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm: Option<String>,
}

/// `State` (the default): an item short of its target is stated with its real figures;
/// `Omit`: it is left out of section three (and still listed in section five).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum RawIfShort {
    State,
    Omit,
}

/// Item kinds as written: `Task`, `Count(target: 4)`, `Rate(target: 100)`, `Hours(target: 20)`.
/// Targets are read wide (signed, floating) so that a bad one is reported, not mis-parsed.
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum RawKind {
    Task,
    Count { target: i64 },
    Rate { target: f64 },
    Hours { target: f64 },
}
