//! Words for a ledger that cannot be used as it is: damaged, or holding what the ledger's
//! rules refuse (a [`Problem`]), said with the field and what to do.

use super::super::Words;
use crate::ledger::{Flaw, Problem, TextField};
use crate::store::Unusable;
use crate::text::dates::iso;

impl Words {
    pub fn unusable(self, u: &Unusable) -> String {
        let zh = self.zh();
        match u {
            Unusable::Damaged { damage, at } => format!("{}{}", self.at(*at), self.damage(damage)),
            Unusable::TooNew { found } => {
                if zh {
                    format!(
                        "由较新版本的 duty 写入（格式 {found}，本程序只能读取格式 {}）",
                        crate::store::FORMAT
                    )
                } else {
                    format!(
                        "format {found} is newer than this duty reads ({})",
                        crate::store::FORMAT
                    )
                }
            }
            Unusable::OtherLedger {
                found_id,
                found_year,
                id,
                year,
            } => {
                if zh {
                    format!("这是清单“{found_id}”{found_year} 年度的台账，不是“{id}”{year} 年度的")
                } else {
                    format!("it belongs to checklist '{found_id}' {found_year}, not '{id}' {year}")
                }
            }
            Unusable::Invalid(problem) => self.problem(problem),
        }
    }

    fn text_field(self, f: TextField) -> &'static str {
        match f {
            TextField::Id => self.pick("事项编号", "item id"),
            TextField::EntryId => self.pick("记录编号", "entry id"),
            TextField::By => self.pick("记录人", "recorded by"),
            TextField::Text(field) => self.field(field),
        }
    }

    pub fn problem(self, p: &Problem) -> String {
        let zh = self.zh();
        let what = match &p.flaw {
            Flaw::TickOnNonTask => self
                .pick(
                    "非“是否完成”事项却记有完成",
                    "a tick on an item that is not a yes/no duty",
                )
                .into(),
            Flaw::RateOnNonRate => self
                .pick(
                    "非比率事项却记有比率",
                    "a rate on an item that is not a rate target",
                )
                .into(),
            Flaw::InvalidRate {
                numerator,
                denominator,
            } => {
                if zh {
                    format!("比率 {numerator}/{denominator} 无效")
                } else {
                    format!("rate {numerator}/{denominator} is invalid")
                }
            }
            Flaw::OutsideYear(d) => {
                if zh {
                    format!("日期 {} 超出本年度", iso(*d))
                } else {
                    format!("date {} is outside the year", iso(*d))
                }
            }
            Flaw::EntriesOnNonLogging => self
                .pick(
                    "不登记活动的事项却有活动记录",
                    "logged entries on an item that does not log them",
                )
                .into(),
            Flaw::EntryWithoutIdOrTopic => self
                .pick(
                    "有一条活动记录缺少编号或主题",
                    "an entry without id or topic",
                )
                .into(),
            Flaw::InvalidHours(h) => {
                if zh {
                    format!("学时 '{h}' 无效")
                } else {
                    format!("hours '{h}' are invalid")
                }
            }
            Flaw::MissingHours => self
                .pick(
                    "学时事项的活动记录缺少学时",
                    "an entry without hours on an hours item",
                )
                .into(),
            Flaw::BadFile { name } => {
                if zh {
                    format!("附件“{name}”的哈希或所属登记不对")
                } else {
                    format!("the kept file '{name}' has a bad hash or belongs to no entry")
                }
            }
            Flaw::ControlCharacter { field, ch } => {
                let field = self.text_field(*field);
                if zh {
                    format!("{field}含有控制字符 U+{:04X}", *ch as u32)
                } else {
                    format!("{field} has control character U+{:04X}", *ch as u32)
                }
            }
        };
        if zh {
            format!("事项“{}”：{what}", p.item)
        } else {
            format!("item '{}': {what}", p.item)
        }
    }

    /// A warning about a problem in the local ledger: shown, not refused, so that the rest
    /// of the year's records stay usable while the officer puts it right.
    pub fn problem_warning(self, p: &Problem) -> String {
        if self.zh() {
            format!(
                "注意：台账中有 duty 不会写入的记录（可能被手工改过）：{}。请用 duty history 核对并改正。",
                self.problem(p)
            )
        } else {
            format!(
                "note: the ledger holds a record duty would not have written (edited by hand?): {}. Check it with duty history and put it right.",
                self.problem(p)
            )
        }
    }
}
