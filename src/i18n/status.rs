//! Words for where the year stands and for setting up: an item's state, status headings,
//! validation, `init`, `use` and `paths`.

use jiff::civil::Date;

use super::Words;
use crate::text::dates::iso;

/// How many items of each kind a checklist has, for `duty validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds {
    pub sections: usize,
    pub items: usize,
    pub tasks: usize,
    pub counts: usize,
    pub rates: usize,
    pub hours: usize,
}

impl Words {
    /// An item's state at a glance: `已完成（2024年3月1日）`, `3/4 次`, `92%（目标 100%）`,
    /// `12.5/20 学时`.
    pub(crate) fn item_state(self, s: &crate::progress::ItemStatus) -> String {
        use crate::checklist::Kind;
        use crate::text::dates::chinese;
        use crate::text::number;
        use crate::text::numbers::percent;
        let zh = self.zh();
        let target = number(s.target.unwrap_or(0.0));
        match s.item.kind {
            Kind::Task => match s.record.and_then(|r| r.done.as_ref()) {
                Some(done) => match (zh, s.done_late()) {
                    (true, false) => format!("已完成（{}）", chinese(done.date)),
                    (true, true) => format!("已完成（{}，逾期完成）", chinese(done.date)),
                    (false, false) => format!("done {}", iso(done.date)),
                    (false, true) => format!("done {} (late)", iso(done.date)),
                },
                None => self.pick("未完成", "not done").to_string(),
            },
            Kind::Count { .. } if zh => format!("{}/{target} 次", s.entry_count()),
            Kind::Count { .. } => format!("{}/{target} times", s.entry_count()),
            Kind::Rate { .. } => match s.record.and_then(|r| r.rate.as_ref()) {
                Some(r) if r.no_cases() => self
                    .pick("本年度无此类情况（0/0）", "no cases this year (0/0)")
                    .into(),
                Some(r) if zh => format!(
                    "{}%（{}/{}，目标 {target}%）",
                    percent(r.numerator, r.denominator),
                    r.numerator,
                    r.denominator
                ),
                Some(r) => format!(
                    "{}% ({}/{}, target {target}%)",
                    percent(r.numerator, r.denominator),
                    r.numerator,
                    r.denominator
                ),
                None if zh => format!("未填报（目标 {target}%）"),
                None => format!("not recorded (target {target}%)"),
            },
            Kind::Hours { .. } if zh => format!("{}/{target} 学时", number(s.value)),
            Kind::Hours { .. } => format!("{}/{target} hours", number(s.value)),
        }
    }

    /// `按进度应为10，落后3次` / `expected 10 by now, 3 behind`; nothing while nothing is
    /// due yet.
    pub fn pace(self, p: &crate::review::Pace, kind: crate::checklist::Kind) -> Option<String> {
        use crate::review::PaceState;
        use crate::text::number;
        if !p.says_anything() {
            return None;
        }
        let hours = matches!(kind, crate::checklist::Kind::Hours { .. });
        let unit = match (hours, self.zh()) {
            (true, true) => "学时",
            (false, true) => "次",
            (true, false) => " hours",
            (false, false) => "",
        };
        let expected = number(p.expected);
        let by = number(p.behind.abs());
        Some(match (p.state(), self.zh()) {
            (PaceState::Behind, true) => format!("按进度应为{expected}，落后{by}{unit}"),
            (PaceState::Ahead, true) => format!("按进度应为{expected}，超前{by}{unit}"),
            (PaceState::OnPace, true) => format!("按进度应为{expected}，进度正常"),
            (PaceState::Behind, false) => format!("expected {expected} by now, {by}{unit} behind"),
            (PaceState::Ahead, false) => format!("expected {expected} by now, {by}{unit} ahead"),
            (PaceState::OnPace, false) => format!("expected {expected} by now, on pace"),
        })
    }

    pub fn status_title(self, title: &str, org: &str, year: i16, closed: bool) -> String {
        if self.zh() {
            format!(
                "{title} · {org} · {year}年度{}",
                if closed { "（已关账）" } else { "" }
            )
        } else {
            format!(
                "{title} · {org} · {year}{}",
                if closed { " (closed)" } else { "" }
            )
        }
    }

    pub fn status_overall(self, done: usize, total: usize, overdue: usize, today: Date) -> String {
        let pct = crate::text::numbers::percent(done as u64, total as u64);
        if self.zh() {
            format!(
                "总体进度 {done}/{total}（{pct}%），逾期 {overdue} 项，今天 {}",
                iso(today)
            )
        } else {
            format!(
                "Overall {done}/{total} ({pct}%), {overdue} overdue, today {}",
                iso(today)
            )
        }
    }

    pub fn orphans_heading(self) -> &'static str {
        self.pick(
            "孤立记录（清单中已无此事项，记录仍完整保留）：",
            "Orphaned records (no longer in the checklist; kept intact):",
        )
    }

    /// `（2024年度）` / ` (2024)`, after an item of another year.
    pub fn of_year(self, year: i16) -> String {
        if self.zh() {
            format!("（{year}年度）")
        } else {
            format!(" ({year})")
        }
    }

    pub fn validated(self, file: &str, k: Kinds, year: i16) -> String {
        if self.zh() {
            format!(
                "OK {file}：{} 个栏目，{} 个事项（是否完成 {}，计次 {}，比率 {}，学时 {}），{year} 年度",
                k.sections, k.items, k.tasks, k.counts, k.rates, k.hours
            )
        } else {
            format!(
                "OK {file}: {} sections, {} items ({} yes/no, {} counted, {} rate, {} hours), year {year}",
                k.sections, k.items, k.tasks, k.counts, k.rates, k.hours
            )
        }
    }

    pub fn init_written(self, file: &str) -> String {
        if self.zh() {
            format!(
                "已写出默认清单：{file}\n修改单位名称、责任科室和目标后，运行 duty validate {file} 校验，再运行 duty use {file} 启用。"
            )
        } else {
            format!(
                "Wrote the default checklist to {file}\nEdit the unit's name, owners and targets, check it with 'duty validate {file}', then make it active with 'duty use {file}'."
            )
        }
    }

    pub fn now_using(self, file: &str, title: &str, items: usize) -> String {
        if self.zh() {
            format!("已启用清单 {file}（{title}，{items} 个事项）")
        } else {
            format!("Now using {file} ({title}, {items} items)")
        }
    }

    pub fn no_such_owner(self, name: &str, owners: &[String]) -> String {
        let list = owners.join(self.pick("、", ", "));
        if self.zh() {
            format!("没有一个责任科室与“{name}”对应；清单中的科室：{list}")
        } else {
            format!("'{name}' names no single office; the checklist's offices: {list}")
        }
    }

    /// `办公室 3项未完成，1项逾期` / `办公室 3 open, 1 overdue`.
    pub fn owner_line(self, owner: &str, open: usize, overdue: usize) -> String {
        match (self.zh(), open, overdue) {
            (true, 0, _) => format!("{owner} 已全部完成"),
            (true, o, 0) => format!("{owner} {o}项未完成"),
            (true, o, d) => format!("{owner} {o}项未完成，{d}项逾期"),
            (false, 0, _) => format!("{owner} all done"),
            (false, o, 0) => format!("{owner} {o} open"),
            (false, o, d) => format!("{owner} {o} open, {d} overdue"),
        }
    }

    pub fn owners_heading(self) -> &'static str {
        self.pick("各科室：", "By office: ")
    }

    pub fn other_checklist_id(self, new: &str, old: &str, records: usize) -> String {
        if self.zh() {
            format!(
                "注意：新清单的 id 是“{new}”，原清单是“{old}”；台账按清单 id 存放，原有 {records} 个事项的记录不会在新清单下显示（记录仍完整保留）。如两者是同一份清单，请把新清单的 id 改回“{old}”。"
            )
        } else {
            format!(
                "Note: the new checklist's id is '{new}' and the old one's '{old}'; ledgers are kept by checklist id, so the records of {records} item(s) do not show under the new one (they are kept intact). If both are the same list, change the new checklist's id back to '{old}'."
            )
        }
    }

    pub fn settings_saved(self, file: &str) -> String {
        if self.zh() {
            format!("已保存设置：{file}")
        } else {
            format!("Saved the settings: {file}")
        }
    }

    pub fn settings_shown(self, name: &str, named: bool, lang: super::Lang, ascii: bool) -> String {
        let lang = match lang {
            super::Lang::Zh => self.pick("中文", "Chinese"),
            super::Lang::En => self.pick("英文", "English"),
        };
        let ascii = if ascii {
            self.pick("是", "yes")
        } else {
            self.pick("否", "no")
        };
        if self.zh() {
            let whose = if named {
                ""
            } else {
                "（电脑账户名；可用 duty settings --name 姓名 设置）"
            };
            format!("记录人：{name}{whose}\n界面语言：{lang}\nASCII 边框：{ascii}")
        } else {
            let whose = if named {
                ""
            } else {
                " (the account name; set yours with duty settings --name NAME)"
            };
            format!("Recorded as: {name}{whose}\nLanguage: {lang}\nASCII borders: {ascii}")
        }
    }

    /// The rows of `duty paths`: label for each place.
    pub fn path_labels(self) -> [&'static str; 6] {
        if self.zh() {
            ["设置", "清单", "数据目录", "台账", "修改日志", "锁文件"]
        } else {
            [
                "settings",
                "checklist",
                "data dir",
                "ledger",
                "journal",
                "lock",
            ]
        }
    }

    pub fn wrote(self, file: &str) -> String {
        if self.zh() {
            format!("已写入 {file}")
        } else {
            format!("Wrote {file}")
        }
    }
}
