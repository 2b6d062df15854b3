//! The few phrases the views used to word themselves by language: the year in the header,
//! the unit page of the overview (a due date in brackets, the review's heading), and the
//! marks that join a list or a label to its value.

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

    /// Between the names of a list: `、` / `, `.
    pub fn list_mark(self) -> &'static str {
        self.pick("、", ", ")
    }

    /// Between clauses: `；` / `; `.
    pub fn clause_mark(self) -> &'static str {
        self.pick("；", "; ")
    }

    /// After a label: `：` / `: `.
    pub fn colon(self) -> &'static str {
        self.pick("：", ": ")
    }
}
