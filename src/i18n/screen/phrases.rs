//! The few phrases the views used to word themselves by language: the year in the header,
//! and the unit page of the overview (a due date in brackets, the review's heading).

use crate::i18n::Words;

impl Words {
    /// The year in the header: `2024年度` / `Year 2024`.
    pub fn screen_year(self, year: i16) -> String {
        if self.zh() {
            format!("{year}年度")
        } else {
            format!("Year {year}")
        }
    }

    /// After an item's state on the overview's unit page: `（截止 2024-12-31）`.
    pub fn due_in_brackets(self, due: &str) -> String {
        if self.zh() {
            format!("（截止 {due}）")
        } else {
            format!("(due {due})")
        }
    }

    /// The heading of the review on the overview's unit page: `风险（3 项）` / `Risks (3)`.
    pub fn heading_with_count(self, heading: &str, n: usize) -> String {
        if self.zh() {
            format!("{heading}（{n} 项）")
        } else {
            format!("{heading} ({n})")
        }
    }
}
