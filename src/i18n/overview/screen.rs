//! Words of the overview screen. Chrome stays ASCII or truly wide (no ambiguous-width glyphs
//! such as ✓ → × “ ”), so the layout holds in every Chinese terminal.

use crate::i18n::{Lang, Words};
use crate::overview::{Figures, Filter, Sort};

/// The screen's fixed strings in one language.
pub struct Strings {
    pub title: &'static str,
    pub pages: [&'static str; 4],
    pub filter: &'static str,
    pub no_filter: &'static str,
    pub sort: &'static str,
    pub find: &'static str,
    pub too_small: &'static str,
    pub no_units: &'static str,
    pub no_files: &'static str,
    /// Column headings of the units page.
    pub columns: [&'static str; 10],
    pub flags_legend: &'static str,
    pub keys_units: &'static str,
    pub keys_matrix: &'static str,
    pub keys_scroll: &'static str,
    pub keys_detail: &'static str,
    pub keys_search: &'static str,
    pub help_title: &'static str,
    pub help: &'static [&'static str],
    pub item_column: &'static str,
    pub unit_of_column: &'static str,
    // The unit page.
    pub file: &'static str,
    pub exported: &'static str,
    pub version: &'static str,
    pub last_change: &'static str,
    pub checksum_ok: &'static str,
    pub checksum_bad: &'static str,
    pub items: &'static str,
    pub review: &'static str,
    pub nothing_at_risk: &'static str,
    pub changed_since: &'static str,
    pub read_only: &'static str,
}

const ZH: Strings = Strings {
    title: "各单位台账汇总",
    pages: ["单位", "矩阵", "文件", "通报"],
    filter: "筛选",
    no_filter: "全部",
    sort: "排序",
    find: "查找",
    too_small: "窗口太小，请放大到至少 40x8。",
    no_units: "没有符合条件的单位。",
    no_files: "没有文件。",
    columns: [
        "#",
        "单位",
        "完成",
        "逾期",
        "落后",
        "未达标",
        "缺佐证",
        "风险分",
        "最近修改",
        "标记",
    ],
    flags_legend: "标记：x 无可用文件  ! 校验不符  T 另一清单  + 多份文件  ? 有不当记录",
    keys_units: "Enter 查看单位  f 筛选  s 排序  / 查找  Tab 换页  ? 帮助  q 退出",
    keys_matrix: "h/l 选单位  j/k 选事项  Enter 查看单位  Tab 换页  q 退出",
    keys_scroll: "j/k PgUp PgDn 滚动  Tab 换页  ? 帮助  q 退出",
    keys_detail: "j/k 滚动  Esc 返回",
    keys_search: "输入单位名称  Enter 确定  Esc 清除",
    help_title: "按键",
    help: &[
        "j k Up Down 上下移动",
        "PgUp PgDn   翻页；g G 到首尾",
        "Enter       查看所选单位（只读）及其风险检查",
        "f           依次筛选：有风险、逾期、落后、未达标、缺佐证、文件问题、全部完成",
        "s           依次排序：风险、完成率、最近修改、名称、文件",
        "/           按单位名称查找；Esc 清除",
        "Tab         单位、矩阵、文件、通报 四页轮换；1-4 直达",
        "h l Left Right 矩阵页中左右选择单位",
        "Esc         返回上一层",
        "q           退出（不写任何文件）",
    ],
    item_column: "事项",
    unit_of_column: "所选单位",
    file: "文件",
    exported: "导出",
    version: "duty 版本",
    last_change: "最近修改",
    checksum_ok: "校验和一致：文件与导出时相同",
    checksum_bad: "校验和不符：文件在导出后被改动过，以下数字未经核实",
    items: "事项",
    review: "风险检查",
    nothing_at_risk: "没有风险事项。",
    changed_since: "注意：文件在汇总之后有变化，这里显示的是现在的内容",
    read_only: "只读",
};

const EN: Strings = Strings {
    title: "Units overview",
    pages: ["Units", "Matrix", "Files", "Notice"],
    filter: "filter",
    no_filter: "all",
    sort: "sort",
    find: "find",
    too_small: "The window is too small; make it at least 40x8.",
    no_units: "No unit matches.",
    no_files: "No files.",
    columns: [
        "#",
        "Unit",
        "Done",
        "Late",
        "Behind",
        "Below",
        "No evid.",
        "Score",
        "Last change",
        "Flags",
    ],
    flags_legend: "Flags: x no usable file  ! altered  T other checklist  + several files  ? refused record",
    keys_units: "Enter unit  f filter  s sort  / find  Tab page  ? help  q quit",
    keys_matrix: "h/l unit  j/k item  Enter unit  Tab page  q quit",
    keys_scroll: "j/k PgUp PgDn scroll  Tab page  ? help  q quit",
    keys_detail: "j/k scroll  Esc back",
    keys_search: "type a unit's name  Enter done  Esc clear",
    help_title: "Keys",
    help: &[
        "Up Down j k   move",
        "PgUp PgDn     page; g G first and last",
        "Enter         open the unit (read-only) with its review",
        "f             filter in turn: at risk, overdue, behind, below, no evidence, files, complete",
        "s             sort in turn: risk, completion, last change, name, file",
        "/             find a unit by name; Esc clears",
        "Tab           units, matrix, files, notice in turn; 1-4 go straight there",
        "Left Right    choose the unit on the matrix page",
        "Esc           back",
        "q             quit (writes nothing)",
    ],
    item_column: "Item",
    unit_of_column: "Unit",
    file: "File",
    exported: "Exported",
    version: "duty version",
    last_change: "Last change",
    checksum_ok: "Checksum valid: the file is as exported",
    checksum_bad: "Checksum mismatch: the file was changed after export; the figures below are unverified",
    items: "Items",
    review: "Review",
    nothing_at_risk: "Nothing at risk.",
    changed_since: "Note: the file changed after the overview was read; this is what it holds now",
    read_only: "read-only",
};

pub fn of(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl Words {
    pub fn filter_name(self, f: Option<Filter>) -> &'static str {
        match f {
            None => of(self.lang).no_filter,
            Some(Filter::AtRisk) => self.pick("有风险", "at risk"),
            Some(Filter::Overdue) => self.pick("逾期", "overdue"),
            Some(Filter::Behind) => self.pick("落后", "behind"),
            Some(Filter::Below) => self.pick("未达标", "below target"),
            Some(Filter::NoEvidence) => self.pick("缺佐证", "no evidence"),
            Some(Filter::Files) => self.pick("文件问题", "file trouble"),
            Some(Filter::Complete) => self.pick("全部完成", "complete"),
        }
    }

    pub fn sort_name(self, s: Sort) -> &'static str {
        match s {
            Sort::Risk => self.pick("风险", "risk"),
            Sort::Completion => self.pick("完成率", "completion"),
            Sort::LastChange => self.pick("最近修改", "last change"),
            Sort::Name => self.pick("名称", "name"),
            Sort::File => self.pick("文件", "file"),
        }
    }

    /// Why a unit scores what it does: `风险分 23 = 逾期 4x3 + 落后 5x2 + 缺佐证 1x1`.
    pub fn score_breakdown(self, f: &Figures) -> String {
        use crate::overview::figures::{
            WEIGHT_BEHIND, WEIGHT_BELOW, WEIGHT_NO_EVIDENCE, WEIGHT_OVERDUE,
        };
        let parts: Vec<String> = [
            (f.overdue, WEIGHT_OVERDUE, self.pick("逾期", "overdue")),
            (f.behind, WEIGHT_BEHIND, self.pick("落后", "behind")),
            (f.below, WEIGHT_BELOW, self.pick("未达标", "below")),
            (
                f.no_evidence,
                WEIGHT_NO_EVIDENCE,
                self.pick("缺佐证", "no evidence"),
            ),
        ]
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, w, what)| format!("{what} {n}x{w}"))
        .collect();
        let score = f.score();
        match (parts.is_empty(), self.zh()) {
            (true, true) => "风险分 0：没有需要过问的事项".into(),
            (true, false) => "Score 0: nothing to ask about".into(),
            (false, true) => format!("风险分 {score} = {}", parts.join(" + ")),
            (false, false) => format!("Score {score} = {}", parts.join(" + ")),
        }
    }

    /// The screen's first line: `各单位台账汇总  2025年度  截至 2025-11-20  显示 32 / 110 个单位`.
    pub fn screen_heading(
        self,
        year: i16,
        today: jiff::civil::Date,
        shown: usize,
        total: usize,
    ) -> String {
        let today = crate::text::dates::iso(today);
        let shown = self.shown_units(shown, total);
        if self.zh() {
            format!("各单位台账汇总  {year}年度  截至 {today}  {shown}  （只读）")
        } else {
            format!("Units overview  {year}  as of {today}  {shown}  (read-only)")
        }
    }

    /// `显示 32 / 110 个单位` / `32 of 110 units`.
    pub fn shown_units(self, shown: usize, total: usize) -> String {
        if self.zh() {
            format!("显示 {shown} / {total} 个单位")
        } else {
            format!("{shown} of {total} units")
        }
    }

    pub fn exported_by(self, at: &str, by: &str) -> String {
        if self.zh() {
            format!("{at}，{by}")
        } else {
            format!("{at}, by {by}")
        }
    }

    pub fn changes_count(self, n: u64) -> String {
        if self.zh() {
            format!("（共 {n} 次修改）")
        } else {
            format!(" ({n} changes)")
        }
    }
}
