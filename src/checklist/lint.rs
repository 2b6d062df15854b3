//! The text linter: what would print wrong in a report, found in the text as written —
//! doubled or unbalanced 《》“”（）, `%%` (or a `%` after `{rate}`, which has one), `等等`,
//! ASCII punctuation inside Chinese, a unit word on both sides of a number (`学时12.3学时`),
//! people counted in 次 (`顾问1次`), and a law's name without 《》.
//!
//! Pure: a text or a template in, findings out, each with its byte span and the text that
//! fixes it. [`lint_file`] places them in a checklist file (file:line:col) as warnings;
//! `duty log` says them about a topic as it is recorded. Nothing here refuses a checklist:
//! a file that validated before still validates.

mod place;
mod rules;

pub use place::lint_file;
pub use rules::{Finding, Rule, lint_template, lint_text, lint_topic};

/// Whether `c` is a Chinese character (the CJK ideographs and extension A).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Whether `name` reads as a law's or regulation's name by itself (`宪法`, `民法典`,
/// `中华人民共和国行政复议法`, `网络数据安全管理条例`), which GB/T 15834 writes in 《》.
/// Conservative: phrases that merely end in 法 (`学习宪法`, `习近平法治思想`) are not.
pub fn is_law_name(name: &str) -> bool {
    let n = name.trim();
    let len = n.chars().count();
    if !(2..=40).contains(&len) || !n.chars().all(is_han) {
        return false;
    }
    const VERBS: [&str; 10] = [
        "学习", "宣传", "贯彻", "解读", "传达", "落实", "开展", "组织", "专题", "深入",
    ];
    if VERBS.iter().any(|v| n.starts_with(v)) {
        return false;
    }
    if matches!(n, "宪法" | "民法典") {
        return true;
    }
    if let Some(rest) = n.strip_prefix("中华人民共和国") {
        return !rest.is_empty() && (rest.ends_with('法') || rest.ends_with("法典"));
    }
    const ENDINGS: [&str; 20] = [
        "条例",
        "保护法",
        "防治法",
        "管理法",
        "诉讼法",
        "复议法",
        "处罚法",
        "许可法",
        "强制法",
        "安全法",
        "秘密法",
        "促进法",
        "监督法",
        "组织法",
        "公务员法",
        "监察法",
        "信息保护法",
        "应对法",
        "救助法",
        "调解法",
    ];
    len >= 4 && ENDINGS.iter().any(|e| n.ends_with(e))
}
