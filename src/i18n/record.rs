//! Words for recording: what a change did, as the commands confirm it. The history's words
//! are in [`history`], asking first in [`confirm`], `duty repair`'s in [`repair`], a change
//! that would change nothing in [`unchanged`].

mod confirm;
mod history;
mod repair;
mod unchanged;

use jiff::civil::Date;

use super::Words;
use crate::ledger::{Entry, RateRecord};
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
        if was.presided != now.presided {
            out.push(arrow(
                self.pick("主持人", "presided"),
                self.or_none(&was.presided),
                self.or_none(&now.presided),
            ));
        }
        if was.attended != now.attended {
            out.push(arrow(
                self.pick("参加人员", "attended"),
                self.or_none(&was.attended),
                self.or_none(&now.attended),
            ));
        }
        if was.linked != now.linked {
            let list = |l: &[String]| {
                if l.is_empty() {
                    self.pick("（无）", "(none)").to_string()
                } else {
                    l.join(self.pick("、", ", "))
                }
            };
            out.push(arrow(
                self.pick("同时计入", "also counts for"),
                list(&was.linked),
                list(&now.linked),
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
}
