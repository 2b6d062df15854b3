//! The body of section three (and of the 述法 report's first part): one paragraph per
//! checklist section, made of the section's own clauses and the sentences of the items no
//! clause states.
//!
//! A section's clauses may name any item's figures (`{party-meetings.count}`), so that
//! several facts share one clause. Every item with something to say is stated exactly once:
//! by the first clause whose phrase naming it survives, or else by its own sentence in its
//! own section. A clause is written only when every item it names has something to state
//! (so that `召开厅党组会{a.count}次、厅长办公会{b.count}次` never loses half its list and
//! its verb); otherwise those items state themselves.

use serde::Serialize;

use super::prose::{bracketed_numeral, enumerate, tidy};
use super::values::{Person, Say, Scene};

/// The facts of one checklist section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub section: String,
    /// `（一）强化组织领导`, when the report numbers its sections.
    pub heading: Option<String>,
    /// What opens the paragraph (`在学法方面，`), possibly empty.
    pub lead_in: String,
    pub clauses: Vec<Clause>,
}

/// One enumerated fact: `一是……`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Clause {
    /// 1-based within its section's paragraph.
    pub number: usize,
    /// The first item the clause states (empty for a clause of fixed text).
    pub item: String,
    /// Every item the clause states.
    pub items: Vec<String>,
    /// Filled and tidied, without its final mark.
    pub text: String,
}

impl Group {
    /// The enumerated paragraph: `在学法方面，一是……；二是……。` (`在学法方面，……。` for one).
    pub fn paragraph(&self) -> String {
        let texts: Vec<&str> = self.clauses.iter().map(|c| c.text.as_str()).collect();
        enumerate(&self.lead_in, &texts)
    }
}

/// Every section with something to state, in checklist order.
pub(crate) fn groups(scene: &Scene<'_>) -> Vec<Group> {
    let c = scene.checklist;
    let mut stated = vec![false; scene.st.items.len()];
    // First every section's own clauses, which may state items of any section.
    let mut own: Vec<Vec<(Vec<usize>, String)>> = Vec::with_capacity(c.sections.len());
    for section in &c.sections {
        let mut clauses = Vec::new();
        for t in &section.clauses {
            // A clause about several items is written only when each has its figures.
            if !t.refs().all(|(id, var)| scene.can_state(id, var)) {
                continue;
            }
            let f = scene.fill(t, None, &section.title);
            let fresh: Vec<usize> = f.stated.iter().copied().filter(|&i| !stated[i]).collect();
            if f.text.is_empty() || (f.refs > 0 && fresh.is_empty()) {
                continue;
            }
            for &i in &fresh {
                stated[i] = true;
            }
            clauses.push((fresh, f.text));
        }
        own.push(clauses);
    }
    let mut groups = Vec::new();
    let mut at = 0;
    for (section, clauses) in c.sections.iter().zip(own) {
        let mut all = clauses;
        for (i, done) in stated.iter().enumerate().skip(at).take(section.items.len()) {
            if !done
                && scene.say(i) != Say::Nothing
                && let Some(text) = scene.sentence(i)
            {
                all.push((vec![i], text));
            }
        }
        at += section.items.len();
        if all.is_empty() {
            continue;
        }
        // A section's own lead-in is section three's (it often carries the unit's opening);
        // the 述法 report has its own opening, and opens the section with the default.
        let lead = match (&section.lead_in, scene.person) {
            (Some(own), Person::First) if !own.is_empty() => &c.report.lead_in,
            (Some(own), _) => own,
            (None, _) => &c.report.lead_in,
        };
        let mut lead_in = scene.fill(lead, None, &section.title).text;
        if !lead_in.is_empty() {
            lead_in.push('，');
        }
        let heading = c.report.numbered.then(|| {
            let text = match &section.heading {
                Some(h) => scene.fill(h, None, &section.title).text,
                None => tidy(&section.title),
            };
            format!("{}{text}", bracketed_numeral(groups.len() as u64 + 1))
        });
        let id = |i: usize| scene.st.items[i].item.id.clone();
        groups.push(Group {
            section: tidy(&section.title),
            heading,
            lead_in,
            clauses: all
                .into_iter()
                .enumerate()
                .map(|(n, (items, text))| Clause {
                    number: n + 1,
                    item: items.first().map(|&i| id(i)).unwrap_or_default(),
                    items: items.into_iter().map(id).collect(),
                    text,
                })
                .collect(),
        });
    }
    groups
}
