//! Finding an item the way officers name it: by its id, its number in the list, its Chinese
//! title, or a part of the title only one item has.

use super::{Checklist, Item};

/// Why a name did not lead to one item.
#[derive(Debug, Clone, PartialEq)]
pub enum NotFound {
    /// Nothing matches; the closest ids, best first.
    Nothing { suggestions: Vec<String> },
    /// Several items match: their numbers and ids.
    Several { matches: Vec<(usize, String)> },
}

impl Checklist {
    /// The item `name` names: an id; a number (`3`, as `duty status` numbers the list); a
    /// title; or a part of a title (`中心组`) that only one title holds. Case is ignored for
    /// ASCII letters.
    pub fn find(&self, name: &str) -> Result<&Item, NotFound> {
        let name = name.trim();
        if let Some(item) = self.item(name) {
            return Ok(item);
        }
        if let Ok(n) = name.parse::<usize>()
            && n >= 1
            && let Some((_, item)) = self.items().nth(n - 1)
        {
            return Ok(item);
        }
        let lower = name.to_lowercase();
        let mut exact = Vec::new();
        let mut partial = Vec::new();
        for (i, (_, item)) in self.items().enumerate() {
            let title = item.title.to_lowercase();
            if title == lower {
                exact.push((i + 1, item));
            } else if !lower.is_empty()
                && (title.contains(&lower) || item.id.to_lowercase().contains(&lower))
            {
                partial.push((i + 1, item));
            }
        }
        let found = if exact.is_empty() { partial } else { exact };
        match found.as_slice() {
            [(_, one)] => Ok(one),
            [] => {
                let in_order = self.holding_in_order(&lower);
                let suggestions = if in_order.is_empty() {
                    self.suggest(name).into_iter().map(String::from).collect()
                } else {
                    in_order
                };
                Err(NotFound::Nothing { suggestions })
            }
            many => Err(NotFound::Several {
                matches: many.iter().map(|(n, i)| (*n, i.id.clone())).collect(),
            }),
        }
    }

    /// Items whose title holds every character of a Chinese name in order (`中心组学习` for
    /// 党组理论学习中心组法治专题学习), shortest title first: offered, never taken as meant.
    fn holding_in_order(&self, lower: &str) -> Vec<String> {
        if lower.chars().count() < 2 || lower.is_ascii() {
            return Vec::new();
        }
        let mut found: Vec<(usize, &str)> = self
            .items()
            .filter(|(_, item)| {
                let mut title = item.title.chars();
                lower.chars().all(|c| title.any(|t| t == c))
            })
            .map(|(_, item)| (item.title.chars().count(), item.id.as_str()))
            .collect();
        found.sort();
        found
            .into_iter()
            .take(3)
            .map(|(_, id)| id.to_string())
            .collect()
    }

    /// The item's number in the list (1-based, in checklist order).
    pub fn number_of(&self, id: &str) -> Option<usize> {
        self.items().position(|(_, i)| i.id == id).map(|p| p + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::NotFound;
    use crate::checklist::{BUILTIN_DEFAULT, load};
    use crate::i18n::Lang;

    #[test]
    fn items_by_id_number_title_and_a_unique_part() {
        let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2025, Lang::Zh).unwrap();
        assert_eq!(c.find("center-group").unwrap().id, "center-group");
        assert_eq!(c.find("1").unwrap().id, "annual-plan");
        assert_eq!(c.find("中心组").unwrap().id, "center-group");
        assert_eq!(
            c.find("  将法治建设纳入年度工作要点 ").unwrap().id,
            "annual-plan"
        );
        assert_eq!(c.find("CENTER").unwrap().id, "center-group");
        match c.find("年度报告") {
            Err(NotFound::Several { matches }) => {
                assert!(matches.len() >= 2, "{matches:?}");
                assert!(matches.iter().any(|(_, id)| id == "report-publication"));
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(c.find("centre-group"), Err(NotFound::Nothing { suggestions }) if suggestions[0] == "center-group")
        );
        assert!(matches!(c.find("999"), Err(NotFound::Nothing { .. })));
        // Words of the title with something between them: offered, not taken.
        assert!(
            matches!(c.find("中心组学习"), Err(NotFound::Nothing { suggestions }) if suggestions == ["center-group"])
        );
        assert_eq!(c.number_of("annual-plan"), Some(1));
    }
}
