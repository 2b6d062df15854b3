//! Words for asking first: the questions before an untick, a clearing of evidence or an undo,
//! the answers that mean yes, what is said when nothing was changed, and the screen's short
//! word after an undo or redo.

use jiff::civil::Date;

use super::super::Words;

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
