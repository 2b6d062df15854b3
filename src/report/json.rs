//! JSON: one stable, versioned document with the summary, every item's state and every entry.
//!
//! Schema (`schema` = [`SCHEMA_VERSION`]; fields are only ever added within a version):
//!
//! ```text
//! { "schema": 1, "document": "summary" | "ledger" | "shufa", "lang": "zh" | "en",
//!   "today": "YYYY-MM-DD",
//!   "checklist": { "id", "title", "organization", "year" },
//!   "summary": { "text", "title", "heading", "opening", "closing",
//!                "groups": [ { "section", "heading", "lead_in",
//!                              "clauses": [ { "number", "item", "items", "text" } ] } ],
//!                "five": { "heading", "opening", "points": [ { "item", "text" } ],
//!                          "closing", "note" },
//!                "shortfalls": [ { "item", "title", "owner", "missing",
//!                                  "follows_report" } ] },
//!   "shufa": (only for "shufa") { "title", "opening", "duties_heading", "groups",
//!             "shortcomings_heading", "shortcomings_opening", "shortcomings",
//!             "plans_heading", "plans", "closing" },
//!   "items": [ { "number", "id", "section", "title", "owner", "kind", "target", "value",
//!                "complete", "overdue", "due", "days_left", "done", "state", "progress",
//!                "evidence", "note", "carried_from",
//!                "rate": null | { "numerator", "denominator", "date", "evidence", "by" },
//!                "entries": [ { "id", "date", "topic", "hours", "evidence", "by" } ] } ] }
//! ```
//!
//! Dates are ISO (`2024-03-28`); `target` is `null` for a yes/no duty; `value` is 1/0 for a
//! duty, entries for a count, percent for a rate, hours for hours. `summary.shortfalls` is
//! the officer's to-do list (every item not complete); `summary.five` is section five.

use serde::Serialize;

use super::draft::{Draft, draft_from};
use super::fill::clean;
use super::shufa::{Shufa, shufa};
use super::table::rows;
use super::values::{Person, Scene};
use super::{Document, Input};
use crate::progress::Status;
use crate::text::dates::iso;

/// The version of the JSON schema above.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    schema: u32,
    document: &'static str,
    lang: String,
    today: String,
    checklist: ChecklistJson,
    summary: SummaryJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    shufa: Option<Shufa>,
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ChecklistJson {
    id: String,
    title: String,
    organization: String,
    year: i16,
}

#[derive(Serialize)]
struct SummaryJson {
    text: String,
    #[serde(flatten)]
    draft: Draft,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    number: usize,
    id: &'a str,
    section: String,
    title: String,
    owner: String,
    kind: &'static str,
    target: Option<f64>,
    value: f64,
    complete: bool,
    overdue: bool,
    due: String,
    days_left: i64,
    done: Option<String>,
    state: String,
    progress: String,
    evidence: String,
    note: String,
    carried_from: Option<i16>,
    rate: Option<RateJson>,
    entries: Vec<EntryJson>,
}

#[derive(Serialize)]
struct RateJson {
    numerator: u64,
    denominator: u64,
    date: String,
    evidence: String,
    by: String,
}

#[derive(Serialize)]
struct EntryJson {
    id: String,
    date: String,
    topic: String,
    hours: Option<f64>,
    evidence: String,
    by: String,
}

pub fn json(doc: Document, input: &Input<'_>, st: &Status<'_>) -> Vec<u8> {
    let c = input.checklist;
    let d = draft_from(input, st);
    let items = rows(input, st)
        .into_iter()
        .map(|r| {
            let record = r.status.record;
            ItemJson {
                number: r.number,
                id: &r.status.item.id,
                kind: r.status.item.kind.tag().as_str(),
                target: r.status.target,
                value: r.status.value,
                complete: r.status.complete,
                overdue: r.status.overdue,
                due: iso(r.status.due),
                days_left: r.status.days_left,
                done: r.done.map(iso),
                carried_from: r.status.item.carried_from,
                rate: record.and_then(|x| x.rate.as_ref()).map(|x| RateJson {
                    numerator: x.numerator,
                    denominator: x.denominator,
                    date: iso(x.date),
                    evidence: clean(&x.evidence),
                    by: clean(&x.by),
                }),
                entries: r
                    .entries()
                    .into_iter()
                    .map(|e| EntryJson {
                        id: clean(&e.id),
                        date: iso(e.date),
                        topic: clean(&e.topic),
                        hours: e.hours,
                        evidence: clean(&e.evidence),
                        by: clean(&e.by),
                    })
                    .collect(),
                section: r.section,
                title: r.title,
                owner: r.owner,
                state: r.state,
                progress: r.progress,
                evidence: r.evidence,
                note: r.note,
            }
        })
        .collect();
    let out = Doc {
        schema: SCHEMA_VERSION,
        document: match doc {
            Document::Summary => "summary",
            Document::Ledger => "ledger",
            Document::Shufa => "shufa",
        },
        lang: input.lang.to_string(),
        today: iso(input.today),
        checklist: ChecklistJson {
            id: clean(&c.id),
            title: clean(&c.title),
            organization: clean(&c.organization),
            year: c.year,
        },
        summary: SummaryJson {
            text: super::plain::summary_text(&d, input, super::Options::default()),
            draft: d,
        },
        shufa: (doc == Document::Shufa).then(|| shufa(&Scene::new(c, st, Person::First))),
        items,
    };
    // Compact: a 10,000-item ledger is 8 MB this way and 11 MB pretty-printed, and
    // serialising the difference cost ~7 ms; tools that want it laid out can do so.
    let mut bytes = serde_json::to_vec(&out)
        .unwrap_or_else(|e| unreachable!("plain structs always serialise: {e}"));
    bytes.push(b'\n');
    bytes
}
