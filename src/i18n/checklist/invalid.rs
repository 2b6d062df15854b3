//! Words for a checklist that reads as RON but says something wrong: a duplicate or
//! malformed id, an empty or garbled text, a target, date, year or rhythm out of range.
//! Values quoted here are already safe for the terminal.

use super::super::Words;

impl Words {
    /// `first` is where the id was first used: `sections[0]`.
    pub(crate) fn duplicate_section(self, id: &str, first: &str) -> String {
        if self.zh() {
            format!("栏目 id '{id}' 重复，{first} 已使用")
        } else {
            format!("duplicate section id '{id}', already used by {first}")
        }
    }

    pub(crate) fn duplicate_item(self, id: &str, first: &str) -> String {
        if self.zh() {
            format!("事项 id '{id}' 重复，{first} 已使用")
        } else {
            format!("duplicate item id '{id}', already used by {first}; expected a unique id")
        }
    }

    pub(crate) fn duplicate_item_help(self) -> &'static str {
        self.pick(
            "每个事项的 id 在整个清单中（跨栏目）必须唯一",
            "item ids must be unique in the whole checklist, across sections",
        )
    }

    pub(crate) fn no_items(self) -> &'static str {
        self.pick(
            "清单中没有任何事项，应至少有一个含事项的栏目",
            "the checklist has no items; expected at least one section with items",
        )
    }

    pub(crate) fn year_out_of_range(self, year: i64) -> String {
        if self.zh() {
            format!("年份 '{year}' 不合理，应在 2000 到 2100 之间")
        } else {
            format!("year '{year}' is out of range; expected 2000 to 2100")
        }
    }

    pub(crate) fn bad_count_target(self, target: i64) -> String {
        if self.zh() {
            format!("次数目标 '{target}' 无效，应为 1 到 100000 之间的整数")
        } else {
            format!("count target '{target}' is invalid; expected a whole number from 1 to 100000")
        }
    }

    pub(crate) fn bad_rate_target(self, target: f64) -> String {
        if self.zh() {
            format!("比率目标 '{target}' 无效，应为 1 到 100 之间的百分数")
        } else {
            format!("rate target '{target}' is invalid; expected a percentage from 1 to 100")
        }
    }

    /// A rate target written as a fraction (`0.95`): `percent` is what was meant (`95`).
    pub(crate) fn rate_as_fraction(self, percent: &str, target: f64) -> String {
        if self.zh() {
            format!("比率以百分数填写：{percent}% 写作 {percent}，而不是 {target}")
        } else {
            format!("rates are percentages: write {percent} for {percent}%, not {target}")
        }
    }

    pub(crate) fn rate_is_percent(self) -> &'static str {
        self.pick(
            "比率以百分数填写，如 100 表示 100%",
            "rates are percentages: 100 means 100%",
        )
    }

    pub(crate) fn bad_hours_target(self, target: f64) -> String {
        if self.zh() {
            format!("学时目标 '{target}' 无效，应为大于 0 且不超过 10000 的数")
        } else {
            format!(
                "hours target '{target}' is invalid; expected a number above 0 and at most 10000"
            )
        }
    }

    /// Both dates as the file writes them.
    pub(crate) fn start_after_due(self, start: &str, due: &str) -> String {
        if self.zh() {
            format!("开始日期 '{start}' 晚于截止日期 '{due}'，应不晚于截止日期")
        } else {
            format!(
                "start '{start}' is after due '{due}'; expected a start on or before the due date"
            )
        }
    }

    /// `last` is the year before the checklist's.
    pub(crate) fn bad_carried_from(self, from: i64, last: i16) -> String {
        if self.zh() {
            format!("carried_from '{from}' 无效，应为 2000 至 {last} 之间的年份")
        } else {
            format!("carried_from '{from}' is invalid; expected a year from 2000 to {last}")
        }
    }

    pub(crate) fn rhythm_not_count(self, rhythm: &str) -> String {
        if self.zh() {
            format!("rhythm '{rhythm}' 只适用于计次类事项（Count）")
        } else {
            format!("rhythm '{rhythm}' is for counted items (Count) only")
        }
    }

    pub(crate) fn bad_rhythm(self, rhythm: &str) -> String {
        if self.zh() {
            format!("rhythm '{rhythm}' 无效，应为 \"monthly\"（每月）或 \"quarterly\"（每季度）")
        } else {
            format!("rhythm '{rhythm}' is invalid; expected \"monthly\" or \"quarterly\"")
        }
    }

    pub(crate) fn bad_id(self, id: &str) -> String {
        if self.zh() {
            format!("id '{id}' 无效，应为 1 到 64 个 ASCII 字母、数字、- 或 _，以字母或数字开头")
        } else {
            format!(
                "id '{id}' is invalid; expected 1 to 64 ASCII letters, digits, '-' or '_', starting with a letter or digit"
            )
        }
    }

    pub(crate) fn bad_id_help(self) -> &'static str {
        self.pick(
            "例如 \"annual-plan\"；中文名称请写在 title 中",
            "e.g. \"annual-plan\"; put Chinese names in title",
        )
    }

    pub(crate) fn empty_text(self, value: &str) -> String {
        if self.zh() {
            format!("'{value}' 为空，应填写文字")
        } else {
            format!("'{value}' is empty; expected some text")
        }
    }

    /// `shown` is the text's start (with `…` if cut); `at` counts characters from 1.
    pub(crate) fn control_character(self, shown: &str, ch: char, at: usize) -> String {
        let code = ch as u32;
        if self.zh() {
            format!("'{shown}' 含有控制字符 U+{code:04X}（第 {at} 个字符），应为可见文字")
        } else {
            format!(
                "'{shown}' contains control character U+{code:04X} (character {at}); expected visible text"
            )
        }
    }

    pub(crate) fn control_character_help(self) -> &'static str {
        self.pick(
            "控制字符和双向文字控制符（U+202A–U+202E、U+2066–U+2069）会打乱终端和报告的显示",
            "control characters and bidi overrides (U+202A–U+202E, U+2066–U+2069) garble terminals and reports",
        )
    }

    pub(crate) fn bad_due(self, value: &str) -> String {
        if self.zh() {
            format!(
                "日期 '{value}' 无效，应为 \"MM-DD\"（本年度）、\"next-MM-DD\"（次年）或 \"YYYY-MM-DD\"，且须是真实存在的日期"
            )
        } else {
            format!(
                "date '{value}' is invalid; expected \"MM-DD\" (this year), \"next-MM-DD\" (next year) or \"YYYY-MM-DD\", naming a day that exists"
            )
        }
    }

    /// `earliest` and `latest` bound the checklist's year (its first half-year after it).
    pub(crate) fn due_outside_year(self, value: &str, earliest: &str, latest: &str) -> String {
        if self.zh() {
            format!("日期 '{value}' 超出清单年度：应在 {earliest} 至 {latest} 之间")
        } else {
            format!("date '{value}' is outside the checklist year; expected {earliest} to {latest}")
        }
    }
}
