//! Words for the documents' side of the command line: what the text linter found and how
//! to fix it, and the options only some documents take. The officer's to-do list is worded
//! in [`todo`], the completion ledger's labels in [`ledger`].

mod ledger;
mod todo;

pub(crate) use ledger::Column;

use super::Words;
use crate::checklist::lint::{Finding, Rule};

impl Words {
    /// What is wrong with a text, quoting what was found.
    pub fn lint_problem(self, f: &Finding) -> String {
        let found = &f.found;
        match (&f.rule, self.zh()) {
            (Rule::Doubled, true) => format!("标点 '{found}' 重复"),
            (Rule::Doubled, false) => format!("the mark '{found}' is doubled"),
            (Rule::Unbalanced { expected }, true) => {
                if "《“（【".contains(*expected) {
                    format!("'{found}' 前没有与之配对的 '{expected}'")
                } else {
                    format!("'{found}' 没有与之配对的 '{expected}'")
                }
            }
            (Rule::Unbalanced { expected }, false) => {
                if "《“（【".contains(*expected) {
                    format!("'{found}' has no '{expected}' before it")
                } else {
                    format!("'{found}' is never closed with '{expected}'")
                }
            }
            (Rule::PercentTwice, true) if found.starts_with('{') => {
                format!("'{found}' 中的百分号重复：{{rate}} 已带 %")
            }
            (Rule::PercentTwice, false) if found.starts_with('{') => {
                format!("'{found}' prints % twice: {{rate}} has its own")
            }
            (Rule::PercentTwice, true) => format!("百分号 '{found}' 重复"),
            (Rule::PercentTwice, false) => format!("the percent sign is doubled in '{found}'"),
            (Rule::DengTwice, true) if found.starts_with('{') => {
                format!("'{found}' 可能写出“等等”：主题多于上限时 {{topics:…}} 已加“等”")
            }
            (Rule::DengTwice, false) if found.starts_with('{') => format!(
                "'{found}' can print 等等: {{topics:…}} adds 等 itself when it leaves topics out"
            ),
            (Rule::DengTwice, true) => format!("'{found}' 重复，公文中写一个“等”"),
            (Rule::DengTwice, false) => {
                format!("'{found}' repeats 等; official texts write it once")
            }
            (Rule::Ascii, true) => format!("中文中使用了半角标点 '{found}'"),
            (Rule::Ascii, false) => format!("ASCII punctuation '{found}' inside Chinese text"),
            (Rule::UnitTwice { unit }, true) => format!("单位“{unit}”重复：'{found}'"),
            (Rule::UnitTwice { unit }, false) => {
                format!("the unit {unit} is written twice: '{found}'")
            }
            (Rule::PeopleInTimes, true) => "人员以“次”计数，应以“名”计数".to_string(),
            (Rule::PeopleInTimes, false) => {
                "people are counted in 次 (times); count them in 名".to_string()
            }
            (Rule::LawName, true) => format!("法律法规名称 '{found}' 未加书名号"),
            (Rule::LawName, false) => format!("the law's name '{found}' is not in 《》"),
        }
    }

    /// How to fix it.
    pub fn lint_fix(self, f: &Finding) -> String {
        let (found, fix) = (&f.found, &f.fix);
        match (&f.rule, self.zh()) {
            (Rule::Unbalanced { expected }, true) => {
                format!("补上 '{expected}'，或删去 '{found}'")
            }
            (Rule::Unbalanced { expected }, false) => {
                format!("add the '{expected}', or delete '{found}'")
            }
            (_, true) if fix.is_empty() => format!("删去 '{found}'"),
            (_, false) if fix.is_empty() => format!("delete '{found}'"),
            (_, true) => format!("把 '{found}' 改为 '{fix}'"),
            (_, false) => format!("write '{fix}' instead of '{found}'"),
        }
    }

    /// A warning about a text just recorded: `提示：主题 '学时12.3学时'：单位“学时”重复……`.
    pub fn lint_recorded(self, field: &str, f: &Finding, at: usize) -> String {
        if self.zh() {
            format!(
                "提示：{field}第 {at} 个字符起，{}；{}",
                self.lint_problem(f),
                self.lint_fix(f)
            )
        } else {
            format!(
                "note: {field}, from character {at}: {}; {}",
                self.lint_problem(f),
                self.lint_fix(f)
            )
        }
    }

    pub fn field_topic(self) -> &'static str {
        self.pick("主题", "the topic")
    }

    pub fn field_evidence(self) -> &'static str {
        self.pick("佐证", "the evidence")
    }

    /// `--part`, `--todo` and `--table` given to a document that has no such parts.
    pub fn summary_only(self, flag: &str) -> String {
        if self.zh() {
            format!("{flag} 只用于 duty summary（年度报告草稿）")
        } else {
            format!("{flag} is only for duty summary (the annual report's draft)")
        }
    }

    /// The checklist's texts that would read wrong: how many, after the warnings.
    pub fn lint_count(self, n: usize) -> String {
        if self.zh() {
            format!("{n} 处文字提示（清单仍然有效，修改后报告更规范）")
        } else {
            format!(
                "{n} text warning(s) (the checklist is still valid; fixing them makes the report read right)"
            )
        }
    }
}
