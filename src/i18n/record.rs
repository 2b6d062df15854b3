//! Words for recording: what a change did, as the commands confirm it and as the history
//! lists it.

use jiff::civil::Date;

use super::Words;
use crate::ledger::{Entry, ItemRecord, Op, RateRecord};
use crate::text::{number, numbers::percent, truncate};

/// A running total after a log: sessions, or hours for an hours item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Total {
    Count(usize),
    Hours(f64),
}

impl Words {
    pub fn checked(self, title: &str, date: Date, was: Option<Date>) -> String {
        match (self.zh(), was) {
            (true, Some(was)) => format!(
                "“{title}”原已于 {} 勾选，完成日期已改为 {}（可用 duty undo 撤销）",
                self.date(was),
                self.date(date)
            ),
            (true, None) => format!("已勾选“{title}”，完成日期 {}", self.date(date)),
            (false, Some(was)) => format!(
                "'{title}' was already done on {}; its date is now {} ('duty undo' reverts this)",
                self.date(was),
                self.date(date)
            ),
            (false, None) => format!("Checked '{title}', done {}", self.date(date)),
        }
    }

    pub fn evidence_is(self, evidence: &str) -> String {
        if self.zh() {
            format!("佐证材料：{evidence}")
        } else {
            format!("Evidence: {evidence}")
        }
    }

    pub fn unchecked(self, title: &str) -> String {
        if self.zh() {
            format!("已取消勾选“{title}”")
        } else {
            format!("Unchecked '{title}'")
        }
    }

    pub fn logged(self, title: &str, entry: &Entry, total: Total) -> String {
        let total = match (self.zh(), total) {
            (true, Total::Hours(h)) => format!("本年度共 {} 学时", number(h)),
            (true, Total::Count(n)) => format!("本年度共 {n} 次"),
            (false, Total::Hours(h)) => format!("{} hours this year", number(h)),
            (false, Total::Count(n)) => format!("{n} this year"),
        };
        let (day, topic, id) = (self.date(entry.date), &entry.topic, &entry.id);
        if self.zh() {
            format!("已登记“{title}”：{day} {topic}（编号 {id}），{total}")
        } else {
            format!("Logged '{title}': {day} {topic} (entry {id}), {total}")
        }
    }

    pub fn logged_twice(self, twin: &str, item: &str, id: &str) -> String {
        if self.zh() {
            format!(
                "注意：同一天已有相同主题的登记（编号 {twin}）；如系重复，运行 duty unlog {item} {id} 删除这一条"
            )
        } else {
            format!(
                "Note: a session with the same date and topic was already logged (entry {twin}); if this is a duplicate, run duty unlog {item} {id}"
            )
        }
    }

    pub fn unlogged(self, title: &str, entry: &Entry) -> String {
        let day = self.date(entry.date);
        if self.zh() {
            format!("已删除“{title}”的登记 {}：{day} {}", entry.id, entry.topic)
        } else {
            format!(
                "Removed entry {} of '{title}': {day} {}",
                entry.id, entry.topic
            )
        }
    }

    pub fn edited(self, title: &str, was: &Entry, now: &Entry) -> String {
        let changes = self.entry_changes(was, now).join(self.pick("；", "; "));
        if self.zh() {
            format!("已修改“{title}”的登记 {}：{changes}", now.id)
        } else {
            format!("Edited entry {} of '{title}': {changes}", now.id)
        }
    }

    /// What an edit changed, one field each: `主题 A → B`.
    fn entry_changes(self, was: &Entry, now: &Entry) -> Vec<String> {
        let mut out = Vec::new();
        let arrow = |name: &str, a: String, b: String| format!("{name} {a} → {b}");
        if was.date != now.date {
            out.push(arrow(
                self.pick("日期", "date"),
                self.date(was.date),
                self.date(now.date),
            ));
        }
        if was.topic != now.topic {
            out.push(arrow(
                self.pick("主题", "topic"),
                was.topic.clone(),
                now.topic.clone(),
            ));
        }
        if was.hours != now.hours {
            let h = |h: Option<f64>| h.map(number).unwrap_or_else(|| "-".into());
            out.push(arrow(
                self.pick("学时", "hours"),
                h(was.hours),
                h(now.hours),
            ));
        }
        if was.evidence != now.evidence {
            out.push(arrow(
                self.pick("佐证", "evidence"),
                self.or_none(&was.evidence),
                self.or_none(&now.evidence),
            ));
        }
        out
    }

    fn or_none(self, s: &str) -> String {
        if s.is_empty() {
            self.pick("（无）", "(none)").into()
        } else {
            truncate(s, 30).into_owned()
        }
    }

    pub fn rated(self, title: &str, rate: &RateRecord) -> String {
        let (n, d) = (rate.numerator, rate.denominator);
        if rate.no_cases() {
            return if self.zh() {
                format!("已填报“{title}”：本年度无此类情况（0/0），不计为未达标")
            } else {
                format!(
                    "Recorded '{title}': no cases this year (0/0), not counted as short of target"
                )
            };
        }
        let pct = percent(n, d);
        if self.zh() {
            format!("已填报“{title}”：{n}/{d}，即 {pct}%")
        } else {
            format!("Recorded '{title}': {n}/{d} = {pct}%")
        }
    }

    pub fn note_saved(self, title: &str, cleared: bool) -> String {
        match (self.zh(), cleared) {
            (true, true) => format!("已清除“{title}”的备注"),
            (true, false) => format!("已保存“{title}”的备注"),
            (false, true) => format!("Cleared the note of '{title}'"),
            (false, false) => format!("Saved the note of '{title}'"),
        }
    }

    pub fn evidence_saved(self, title: &str, cleared: bool) -> String {
        match (self.zh(), cleared) {
            (true, true) => format!("已清除“{title}”的全部佐证材料（含勾选和比率所附的）"),
            (true, false) => format!("已保存“{title}”的佐证材料"),
            (false, true) => {
                format!("Cleared all evidence of '{title}' (that of its tick or rate included)")
            }
            (false, false) => format!("Saved the evidence of '{title}'"),
        }
    }

    /// After `duty undo`: which change was taken back, what it was, who made it and when.
    pub fn undone(self, seq: u64, what: &str, by: &str, when: &str) -> String {
        if self.zh() {
            format!("已撤销第 {seq} 次修改（{by} {when}）：{what}")
        } else {
            format!("Undid change {seq} (by {by}, {when}): {what}")
        }
    }

    pub fn redone(self, seq: u64, what: &str, by: &str, when: &str) -> String {
        if self.zh() {
            format!("已重做第 {seq} 次修改（{by} {when}）：{what}")
        } else {
            format!("Redid change {seq} (by {by}, {when}): {what}")
        }
    }

    pub fn no_history(self) -> &'static str {
        self.pick("（暂无修改记录）", "(no changes yet)")
    }

    pub fn history_legacy(self) -> &'static str {
        self.pick(
            "（以下为旧版 duty 的修改历史；下次修改时转入新的修改日志）",
            "(the history an earlier duty kept; it moves into the new journal at the next change)",
        )
    }

    pub fn date_defaults_outside(self, today: Date, year: i16, from: Date, to: Date) -> String {
        let (t, f, e) = (self.date(today), self.date(from), self.date(to));
        if self.zh() {
            format!(
                "未给 --date 时默认为今天（{t}），不在 {year} 年度范围内（{f} 至 {e}）；请用 --date 写明日期"
            )
        } else {
            format!(
                "without --date the date is today ({t}), which is outside {year} ({f} to {e}); give it with --date"
            )
        }
    }

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
                if zh {
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

impl Words {
    pub fn repaired(
        self,
        r: &crate::store::Repaired,
        ledger: &std::path::Path,
        journal: &std::path::Path,
    ) -> String {
        use crate::store::Repaired;
        let (l, j) = (ledger.display(), journal.display());
        let kept = |aside: &Option<std::path::PathBuf>| match (aside, self.zh()) {
            (Some(p), true) => format!("；原文件另存为 {}", p.display()),
            (Some(p), false) => format!("; the damaged file is kept as {}", p.display()),
            (None, _) => String::new(),
        };
        match (r, self.zh()) {
            (Repaired::SnapshotRebuilt { aside, .. }, true) => {
                format!("已由修改日志重建台账 {l}{}", kept(aside))
            }
            (Repaired::SnapshotRebuilt { aside, .. }, false) => {
                format!("Rebuilt the ledger {l} from its journal{}", kept(aside))
            }
            (
                Repaired::RebuiltInPart {
                    snapshot_aside,
                    journal_aside,
                    carried,
                    left,
                    ..
                },
                true,
            ) => format!(
                "{}损坏的修改日志另存为 {}；已由日志损坏处之前的记录重建台账 {l}，损坏处之后的 {carried} 条修改已补回{}；\
                 从现在起重新记录在 {j}（之前的修改不能再撤销）",
                match snapshot_aside {
                    Some(p) => format!("无法读取的台账文件另存为 {}，", p.display()),
                    None => String::new(),
                },
                journal_aside.display(),
                match left {
                    0 => String::new(),
                    n => format!(
                        "；另有 {n} 条无法读出或与台账不符，未补回，请对照另存的日志重新登记"
                    ),
                }
            ),
            (
                Repaired::RebuiltInPart {
                    snapshot_aside,
                    journal_aside,
                    carried,
                    left,
                    ..
                },
                false,
            ) => format!(
                "{}the damaged journal is kept as {}; the ledger {l} is rebuilt from the records before the damage, \
                 and {carried} change(s) recorded after it were carried over{}; recording starts again in {j} (earlier changes can no longer be undone)",
                match snapshot_aside {
                    Some(p) => format!("The unreadable ledger file is kept as {}; ", p.display()),
                    None => String::new(),
                },
                journal_aside.display(),
                match left {
                    0 => String::new(),
                    n => format!(
                        "; {n} more could not be read or do not fit and were not carried over: enter them again from the kept journal"
                    ),
                }
            ),
            (Repaired::JournalRestarted { aside, .. }, true) => format!(
                "原修改日志另存为 {}；已从当前台账重新开始记录 {j}（之前的修改仍可在另存的文件中查看，但不能再撤销）",
                aside.display()
            ),
            (Repaired::JournalRestarted { aside, .. }, false) => format!(
                "The old journal is kept as {}; recording starts again in {j} from the ledger as it stands (earlier changes can be read in the kept file but no longer undone)",
                aside.display()
            ),
            (Repaired::FromBackup { aside, .. }, true) => {
                format!("已用旧版 duty 的备份和修改历史恢复台账 {l}{}", kept(aside))
            }
            (Repaired::FromBackup { aside, .. }, false) => format!(
                "Restored the ledger {l} from the backup and history an earlier duty kept{}",
                kept(aside)
            ),
        }
    }

    pub fn repaired_holds(self, items: usize, seq: u64) -> String {
        if self.zh() {
            format!("台账现有 {items} 个事项有记录，共 {seq} 次修改。")
        } else {
            format!("The ledger now holds records for {items} item(s), after {seq} change(s).")
        }
    }
}

impl Words {
    /// The screen's question before an undo or redo.
    pub fn undo_question(self, seq: u64, what: &str, by: &str, when: &str, redo: bool) -> String {
        let by = if by.is_empty() { "-" } else { by };
        let _ = redo;
        if self.zh() {
            format!("第 {seq} 次修改（{by}，{when}）：{what}")
        } else {
            format!("change {seq} (by {by}, {when}): {what}")
        }
    }

    pub fn undone_short(self, seq: u64) -> String {
        if self.zh() {
            format!("已撤销第 {seq} 次修改")
        } else {
            format!("undid change {seq}")
        }
    }

    pub fn redone_short(self, seq: u64) -> String {
        if self.zh() {
            format!("已重做第 {seq} 次修改")
        } else {
            format!("redid change {seq}")
        }
    }
}

impl Words {
    pub fn confirm_uncheck(self, title: &str, date: Date, evidence: &str) -> String {
        if self.zh() {
            format!(
                "取消勾选“{title}”将清除完成日期（{}）和佐证材料（{evidence}）。确定吗？",
                self.date(date)
            )
        } else {
            format!(
                "Unticking '{title}' drops its date ({}) and its evidence ({evidence}). Go ahead?",
                self.date(date)
            )
        }
    }

    pub fn confirm_clear_evidence(self, title: &str, texts: &[&str]) -> String {
        let list = texts.join(self.pick("；", "; "));
        if self.zh() {
            format!("将清除“{title}”的全部佐证材料（{list}）。确定吗？")
        } else {
            format!("This clears all evidence of '{title}' ({list}). Go ahead?")
        }
    }

    pub fn yes_no(self) -> &'static str {
        self.pick("[y/N] ", "[y/N] ")
    }

    pub fn is_yes(self, answer: &str) -> bool {
        matches!(
            answer.trim().to_lowercase().as_str(),
            "y" | "yes" | "是" | "确定" | "好"
        )
    }

    pub fn nothing_changed(self) -> &'static str {
        self.pick("未作改动。", "Nothing was changed.")
    }

    /// A question that could not be asked (no terminal): how to say yes on the command line.
    pub fn not_confirmed(self, question: &str) -> String {
        if self.zh() {
            format!("{question}\n未作改动：无法在此询问；如确定，请加 --yes 重新运行。")
        } else {
            format!(
                "{question}\nNothing was changed: there is no terminal to ask on; to go ahead, run it again with --yes."
            )
        }
    }
}
