//! Words for the officer's to-do list beside the report's draft: its title, what each
//! incomplete item lacks and by when, one line per item.

use super::super::Words;
use crate::checklist::Kind;
use crate::progress::ItemStatus;
use crate::report::Shortfall;
// `report::fill::figure` writes the same figures faster; these lines are few.
use crate::text::number as figure;

impl Words {
    /// Title of the to-do list, which is not part of the report.
    pub(crate) fn todo_title(self) -> &'static str {
        self.pick(
            "待办事项（供经办人核对，不写入报告）",
            "To do (for the officer; not part of the report)",
        )
    }

    /// The title as a plain-text heading: `待办事项……：`, or `……：无。` when nothing is left.
    pub(crate) fn todo_heading(self, empty: bool) -> String {
        let tail = match (empty, self.zh()) {
            (true, true) => "：无。",
            (true, false) => ": none.",
            (false, true) => "：",
            (false, false) => ":",
        };
        format!("{}{tail}", self.todo_title())
    }

    /// Under a Markdown heading, nothing left.
    pub(crate) fn todo_none(self) -> &'static str {
        self.pick("无。", "None.")
    }

    /// Item `n` (1-based) of the list: `1. 标题（科室）：……。`; the English list is indented.
    pub(crate) fn todo_line(self, n: usize, s: &Shortfall) -> String {
        if self.zh() {
            format!("{n}. {}。", self.shortfall_line(s))
        } else {
            format!("{n}. {}", self.shortfall_line(s))
        }
    }

    /// How far a plain-text list's lines stand in.
    pub(crate) fn todo_indent(self) -> &'static str {
        self.pick("", "  ")
    }

    /// One line: `党组会专题研究法治建设（办公室）：已登记1次，目标2次，还差1次；逾期12天`.
    pub(crate) fn shortfall_line(self, s: &Shortfall) -> String {
        match (self.zh(), s.owner.is_empty()) {
            (true, false) => format!("{}（{}）：{}", s.title, s.owner, s.missing),
            (true, true) => format!("{}：{}", s.title, s.missing),
            (false, false) => format!("{} ({}): {}", s.title, s.owner, s.missing),
            (false, true) => format!("{}: {}", s.title, s.missing),
        }
    }

    /// What an incomplete item lacks: `还差1次`, `92%（46/50），目标100%`, `尚未填报`, then
    /// when it is due or how long it is overdue.
    pub(crate) fn shortfall_missing(self, s: &ItemStatus<'_>) -> String {
        let zh = self.zh();
        let target = s.target.unwrap_or(0.0);
        let short = || figure((target - s.value).max(0.0));
        let what = match s.item.kind {
            Kind::Task => self.pick("尚未完成", "not done yet").to_string(),
            Kind::Count { target } => match (s.entry_count(), zh) {
                (0, true) => format!("尚未登记，目标{target}次"),
                (n, true) => format!(
                    "已登记{n}次，目标{target}次，还差{}次",
                    (target as usize).saturating_sub(n)
                ),
                (0, false) => format!("nothing logged yet, target {target}"),
                (n, false) => format!(
                    "{n} of {target} logged, {} more needed",
                    (target as usize).saturating_sub(n)
                ),
            },
            Kind::Rate { .. } => match s.record.and_then(|r| r.rate.as_ref()) {
                None if zh => format!("尚未填报，目标{}%", figure(target)),
                None => format!("not recorded yet, target {}%", figure(target)),
                Some(r) => {
                    let p = crate::text::numbers::percent(r.numerator, r.denominator);
                    if zh {
                        format!(
                            "现为{p}%（{}/{}），目标{}%",
                            r.numerator,
                            r.denominator,
                            figure(target)
                        )
                    } else {
                        format!(
                            "{p}% ({}/{}), target {}%",
                            r.numerator,
                            r.denominator,
                            figure(target)
                        )
                    }
                }
            },
            Kind::Hours { .. } if zh && s.value > 0.0 => format!(
                "已登记{}学时，目标{}学时，还差{}学时",
                figure(s.value),
                figure(target),
                short()
            ),
            Kind::Hours { .. } if zh => format!("尚未登记学时，目标{}学时", figure(target)),
            Kind::Hours { .. } => format!(
                "{} of {} hours, {} more needed",
                figure(s.value),
                figure(target),
                short()
            ),
        };
        let when = if s.overdue {
            self.due_in(s.days_left)
        } else if zh {
            format!("{}到期", self.date(s.due))
        } else {
            format!("due {}", self.date(s.due))
        };
        let after = match (s.item.follows_report, zh) {
            (false, _) => "",
            (true, true) => "（报告印发后办理）",
            (true, false) => " (after the report)",
        };
        if zh {
            format!("{what}；{when}{after}")
        } else {
            format!("{what}; {when}{after}")
        }
    }
}
