//! The 责任科室 (owners) of a checklist: who is responsible for what, and the checklist as
//! one office sees it.

use super::{Checklist, Section};

impl Checklist {
    /// Every owner named, in order of first appearance.
    pub fn owners(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for (_, item) in self.items() {
            if !item.owner.is_empty() && !out.contains(&item.owner.as_str()) {
                out.push(&item.owner);
            }
        }
        out
    }

    /// The owner `name` names: exactly, or as the only owner whose name holds it (`法规`
    /// for 法规科). `Err` with every owner when it names none or several.
    pub fn owner(&self, name: &str) -> Result<&str, Vec<&str>> {
        let owners = self.owners();
        let name = name.trim();
        if let Some(exact) = owners.iter().find(|o| **o == name) {
            return Ok(exact);
        }
        let matching: Vec<&str> = owners
            .iter()
            .copied()
            .filter(|o| o.contains(name))
            .collect();
        match matching.as_slice() {
            [one] if !name.is_empty() => Ok(one),
            _ => Err(owners),
        }
    }

    /// This checklist with only `owner`'s items (sections left empty are dropped).
    pub fn of_owner(&self, owner: &str) -> Checklist {
        let sections: Vec<Section> = self
            .sections
            .iter()
            .map(|s| Section {
                id: s.id.clone(),
                title: s.title.clone(),
                // Clauses naming another office's items are left out of its drafts.
                heading: s.heading.clone(),
                lead_in: s.lead_in.clone(),
                clauses: s.clauses.clone(),
                items: s
                    .items
                    .iter()
                    .filter(|i| i.owner == owner)
                    .cloned()
                    .collect(),
            })
            .filter(|s| !s.items.is_empty())
            .collect();
        let mut index = super::ItemIndex::default();
        for (si, s) in sections.iter().enumerate() {
            for (ii, item) in s.items.iter().enumerate() {
                index.insert(item.id.clone(), (si, ii));
            }
        }
        Checklist {
            id: self.id.clone(),
            title: self.title.clone(),
            organization: self.organization.clone(),
            year: self.year,
            year_explicit: self.year_explicit,
            report: self.report.clone(),
            ledger_columns: self.ledger_columns.clone(),
            sections,
            index,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checklist::{BUILTIN_DEFAULT, load};
    use crate::i18n::Lang;

    #[test]
    fn owners_are_named_and_filtered() {
        let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2025, Lang::Zh).unwrap();
        let owners = c.owners();
        assert!(
            owners.contains(&"办公室") && owners.contains(&"法规科"),
            "{owners:?}"
        );
        assert_eq!(c.owner("法规"), Ok("法规科"));
        assert_eq!(c.owner("办公室"), Ok("办公室"));
        assert!(c.owner("科").is_err(), "several");
        assert!(c.owner("财务").is_err());
        let office = c.of_owner("办公室");
        assert!(office.items().all(|(_, i)| i.owner == "办公室"));
        assert!(office.item_count() > 0 && office.item_count() < c.item_count());
        let (_, first) = office.items().next().unwrap();
        assert!(office.item(&first.id).is_some(), "the index is rebuilt");
    }
}
