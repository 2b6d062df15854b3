//! Words for a change refused because it would change nothing: a rate entered again with
//! the figures already recorded.

use jiff::civil::Date;

use super::super::Words;

impl Words {
    /// `duty rate ITEM 46/46` again: said, and nothing written.
    pub fn same_rate(self, item: &str, numerator: u64, denominator: u64, date: Date) -> String {
        let day = self.date(date);
        if self.zh() {
            format!(
                "事项 '{item}' 已于 {day} 填报 {numerator}/{denominator}，与此次相同，未作修改；数字或日期有变时再填报（--date 指定日期，--evidence 补充佐证）"
            )
        } else {
            format!(
                "item '{item}' already has {numerator}/{denominator} as of {day}, the same as given; nothing changed (give a new figure, --date or --evidence to change it)"
            )
        }
    }
}
