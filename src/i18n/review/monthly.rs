//! Words for the review's month-by-month chart: its two headings, the month labels down
//! the side and each item's total.

use super::super::Words;

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Words {
    pub(crate) fn chart_overall(self) -> &'static str {
        self.pick("全部登记（按月）", "All logged occurrences, by month")
    }

    pub(crate) fn chart_per_item(self) -> &'static str {
        self.pick("各事项（按月）", "Per item, by month")
    }

    /// A month (1–12) beside its bar, three columns wide: ` 3月`, `Mar`.
    pub(crate) fn chart_month(self, month: u8) -> String {
        if self.zh() {
            format!("{month:>2}月")
        } else {
            format!("{:>3}", MONTHS_EN[usize::from(month - 1)])
        }
    }

    /// An item's total at the end of its row.
    pub(crate) fn chart_total(self, total: u32) -> String {
        if self.zh() {
            format!("共{total}")
        } else {
            format!("total {total}")
        }
    }
}
