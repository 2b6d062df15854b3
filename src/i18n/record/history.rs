//! Words for the history: one recorded operation as `duty history` lists it (and the screen's
//! undo asks about it), and an item's record in a few words.

use super::super::Words;
use crate::ledger::{ItemRecord, Op};
use crate::text::{number, truncate};

impl Words {
    /// One recorded operation in words, naming items by title (`title` looks them up).
    pub fn describe(self, op: &Op, title: &dyn Fn(&str) -> String) -> String {
        let zh = self.zh();
        match op {
            Op::Check { item, done, was } => {
                let mut s = if zh {
                    format!("勾选“{}”，完成日期 {}", title(item), self.date(done.date))
                } else {
                    format!("check '{}', done {}", title(item), self.date(done.date))
                };
                if let Some(was) = was {
                    s.push_str(&if zh {
                        format!("（原为 {}）", self.date(was.date))
                    } else {
                        format!(" (was {})", self.date(was.date))
                    });
                }
                if !done.evidence.is_empty() {
                    s.push_str(&if zh {
                        format!("，佐证 {}", truncate(&done.evidence, 30))
                    } else {
                        format!(", evidence {}", truncate(&done.evidence, 30))
                    });
                }
                s
            }
            Op::Uncheck { item, was } => {
                if zh {
                    format!(
                        "取消勾选“{}”（原完成于 {}）",
                        title(item),
                        self.date(was.date)
                    )
                } else {
                    format!(
                        "uncheck '{}' (was done {})",
                        title(item),
                        self.date(was.date)
                    )
                }
            }
            Op::Log { item, entry, .. } => {
                let mut s = if zh {
                    format!(
                        "登记“{}” {} {}（编号 {}）",
                        title(item),
                        self.date(entry.date),
                        entry.topic,
                        entry.id
                    )
                } else {
                    format!(
                        "log '{}' {} {} (entry {})",
                        title(item),
                        self.date(entry.date),
                        entry.topic,
                        entry.id
                    )
                };
                if let Some(h) = entry.hours {
                    s.push_str(&if zh {
                        format!("，{} 学时", number(h))
                    } else {
                        format!(", {} hours", number(h))
                    });
                }
                s
            }
            Op::Unlog { item, entry, .. } => {
                if zh {
                    format!(
                        "删除“{}”的登记 {}：{} {}",
                        title(item),
                        entry.id,
                        self.date(entry.date),
                        entry.topic
                    )
                } else {
                    format!(
                        "remove entry {} of '{}': {} {}",
                        entry.id,
                        title(item),
                        self.date(entry.date),
                        entry.topic
                    )
                }
            }
            Op::Edit { item, was, now } => {
                let changes = self.entry_changes(was, now).join(self.pick("；", "; "));
                if zh {
                    format!("修改“{}”的登记 {}：{changes}", title(item), now.id)
                } else {
                    format!("edit entry {} of '{}': {changes}", now.id, title(item))
                }
            }
            Op::Rate { item, rate, was } => {
                let mut s = if zh {
                    format!(
                        "填报“{}” {}/{}",
                        title(item),
                        rate.numerator,
                        rate.denominator
                    )
                } else {
                    format!(
                        "rate '{}' {}/{}",
                        title(item),
                        rate.numerator,
                        rate.denominator
                    )
                };
                if let Some(was) = was {
                    s.push_str(&if zh {
                        format!("（原为 {}/{}）", was.numerator, was.denominator)
                    } else {
                        format!(" (was {}/{})", was.numerator, was.denominator)
                    });
                }
                s
            }
            Op::Unrate { item, was } => {
                if zh {
                    format!(
                        "撤回“{}”的比率（原为 {}/{}）",
                        title(item),
                        was.numerator,
                        was.denominator
                    )
                } else {
                    format!(
                        "take back the rate of '{}' (was {}/{})",
                        title(item),
                        was.numerator,
                        was.denominator
                    )
                }
            }
            Op::Note { item, text, was } => {
                let (a, b) = (self.or_none(was), self.or_none(text));
                if zh {
                    format!("备注“{}”：{a} → {b}", title(item))
                } else {
                    format!("note of '{}': {a} → {b}", title(item))
                }
            }
            Op::Evidence { item, now, was } => {
                let (a, b) = (self.or_none(&was.item), self.or_none(&now.item));
                if zh {
                    format!("佐证材料“{}”：{a} → {b}", title(item))
                } else {
                    format!("evidence of '{}': {a} → {b}", title(item))
                }
            }
            Op::Attach { item, file } => {
                if zh {
                    format!(
                        "附上“{}”的佐证文件 {}（{}，{} 字节）",
                        title(item),
                        file.name,
                        self.date(file.date),
                        file.size
                    )
                } else {
                    format!(
                        "attach {} to '{}' ({}, {} bytes)",
                        file.name,
                        title(item),
                        self.date(file.date),
                        file.size
                    )
                }
            }
            Op::Detach { item, file } => {
                if zh {
                    format!("取下“{}”的佐证文件 {}", title(item), file.name)
                } else {
                    format!("detach {} from '{}'", file.name, title(item))
                }
            }
            Op::Close => self
                .pick(
                    "关账（台账变为只读）",
                    "close the year (the ledger becomes read-only)",
                )
                .into(),
            Op::Reopen => self
                .pick("重新打开已关账的年度", "reopen the closed year")
                .into(),
            Op::Undo { target, step } => {
                if zh {
                    format!("撤销第 {target} 次修改：{}", self.describe(step, title))
                } else {
                    format!("undo change {target}: {}", self.describe(step, title))
                }
            }
            Op::Redo { target, step } => {
                if zh {
                    format!("重做第 {target} 次修改：{}", self.describe(step, title))
                } else {
                    format!("redo change {target}: {}", self.describe(step, title))
                }
            }
            Op::Batch { ops } => {
                // One session counted for several items: said once, with the others named.
                let same = ops.first().and_then(Op::entry_id).filter(|id| {
                    ops.iter().all(|o| {
                        o.entry_id() == Some(*id)
                            && std::mem::discriminant(o) == std::mem::discriminant(&ops[0])
                    })
                });
                if same.is_some() && ops.len() > 1 {
                    let others = ops[1..]
                        .iter()
                        .filter_map(Op::item)
                        .map(|i| format!("“{}”", title(i)))
                        .collect::<Vec<_>>()
                        .join(self.pick("、", ", "));
                    let first = self.describe(&ops[0], title);
                    return if zh {
                        format!("{first}（同时计入{others}）")
                    } else {
                        format!("{first} (also counted for {others})")
                    };
                }
                let items: std::collections::BTreeSet<_> =
                    ops.iter().filter_map(Op::item).collect();
                if let Some(said) = self.describe_evidence_batch(ops, title) {
                    said
                } else if zh {
                    format!(
                        "合并导入的台账：{} 项修改，涉及 {} 个事项",
                        ops.len(),
                        items.len()
                    )
                } else {
                    format!(
                        "merge an imported ledger: {} change(s) to {} item(s)",
                        ops.len(),
                        items.len()
                    )
                }
            }
            Op::Checkpoint { ledger } => {
                if zh {
                    format!(
                        "开始新的修改日志（当时台账有 {} 个事项有记录）",
                        ledger.items.len()
                    )
                } else {
                    format!(
                        "start a new journal (the ledger then had records for {} item(s))",
                        ledger.items.len()
                    )
                }
            }
            Op::Legacy { item, was, now } => {
                let (a, b) = (
                    self.summarize(was.as_deref()),
                    self.summarize(now.as_deref()),
                );
                if zh {
                    format!("修改“{}”：{a} → {b}", title(item))
                } else {
                    format!("change '{}': {a} → {b}", title(item))
                }
            }
        }
    }

    /// A short description of an item's record: `已完成 2024-03-01`, `3 条登记`, `46/50`.
    pub fn summarize(self, r: Option<&ItemRecord>) -> String {
        let none = || self.pick("（空）", "(none)").to_string();
        let Some(r) = r else { return none() };
        let mut parts = Vec::new();
        if let Some(d) = &r.done {
            parts.push(format!(
                "{} {}",
                self.pick("已完成", "done"),
                self.date(d.date)
            ));
        }
        if !r.entries.is_empty() {
            parts.push(if self.zh() {
                format!("{} 条登记", r.entries.len())
            } else {
                format!("{} entries", r.entries.len())
            });
        }
        if let Some(rate) = &r.rate {
            parts.push(format!("{}/{}", rate.numerator, rate.denominator));
        }
        if !r.note.is_empty() {
            parts.push(format!(
                "{}“{}”",
                self.pick("备注", "note "),
                truncate(&r.note, 20)
            ));
        }
        if !r.evidence.is_empty() {
            parts.push(format!(
                "{}“{}”",
                self.pick("佐证", "evidence "),
                truncate(&r.evidence, 20)
            ));
        }
        if parts.is_empty() {
            none()
        } else {
            parts.join(self.pick("，", ", "))
        }
    }
}
