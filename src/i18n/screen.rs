//! Every string the screen shows, in Chinese and English, in one place.
//!
//! Chrome stays ASCII or truly wide (no ambiguous-width glyphs such as ✓ ○ → ★ “ ”), because
//! many Chinese terminal setups draw those two cells wide and the layout would tear.

mod files;
mod phrases;

use crate::i18n::Lang;
use crate::text::number;

/// Fixed UI strings of one language.
pub struct Strings {
    pub sections: &'static str,
    pub all_sections: &'static str,
    pub items: &'static str,
    pub details: &'static str,
    pub done_of: &'static str,
    pub to_year_end: &'static str,
    pub next_deadline: &'static str,
    pub no_deadline: &'static str,
    pub days: &'static str,
    pub too_small: &'static str,
    pub no_items: &'static str,
    pub description: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub state: &'static str,
    pub done_on: &'static str,
    pub evidence_hint: &'static str,
    pub note: &'static str,
    pub evidence: &'static str,
    pub entries: &'static str,
    pub no_entries: &'static str,
    pub pace: &'static str,
    pub filters: [&'static str; 5],
    pub filter: &'static str,
    pub search: &'static str,
    pub saved: &'static str,
    pub save_failed: &'static str,
    pub unsaved: &'static str,
    pub reloaded: &'static str,
    pub read_only_error: &'static str,
    pub closed_year: &'static str,
    pub wrong_kind_log: &'static str,
    pub wrong_kind_rate: &'static str,
    pub nothing_to_undo: &'static str,
    pub undone_pending: &'static str,
    pub undone: &'static str,
    pub no_entry_selected: &'static str,
    // Forms.
    pub form_check: &'static str,
    pub form_log: &'static str,
    pub form_rate: &'static str,
    pub form_note: &'static str,
    pub form_evidence: &'static str,
    pub form_year: &'static str,
    pub form_edit: &'static str,
    pub all_owners: &'static str,
    pub owner_col: &'static str,
    pub rate_date: &'static str,
    pub linked: &'static str,
    pub presided: &'static str,
    pub attended: &'static str,
    pub f_date: &'static str,
    pub f_topic: &'static str,
    pub f_hours: &'static str,
    pub f_evidence: &'static str,
    pub f_numerator: &'static str,
    pub f_denominator: &'static str,
    pub f_note: &'static str,
    pub f_year: &'static str,
    pub f_presided: &'static str,
    pub f_attended: &'static str,
    pub f_also: &'static str,
    pub e_date: &'static str,
    pub e_date_outside: &'static str,
    pub e_which_year: &'static str,
    pub e_no_such_day: &'static str,
    pub e_topic: &'static str,
    pub e_hours: &'static str,
    pub e_number: &'static str,
    pub e_denominator: &'static str,
    pub e_year: &'static str,
    pub e_also_unknown: &'static str,
    pub e_also_several: &'static str,
    pub e_also_kind: &'static str,
    pub form_keys: &'static str,
    // Confirmations.
    pub confirm_remove: &'static str,
    pub confirm_uncheck: &'static str,
    pub confirm_undo: &'static str,
    pub confirm_redo: &'static str,
    pub confirm_quit: &'static str,
    pub confirm_keys: &'static str,
    // Views.
    pub help_title: &'static str,
    pub help: &'static [(&'static str, &'static str)],
    pub help_close: &'static str,
    pub summary_title: &'static str,
    pub summary_keys: &'static str,
    pub export_title: &'static str,
    pub export_keys: &'static str,
    pub exported: &'static str,
    pub review_title: &'static str,
    pub review_keys: &'static str,
    pub risks: &'static str,
    pub no_risks: &'static str,
    pub pacing: &'static str,
    pub monthly: &'static str,
    pub months: &'static str,
    pub next_q1: &'static str,
    pub none: &'static str,
    pub closed_tag: &'static str,
    pub read_only_tag: &'static str,
    // Footers: the keys that work in each place.
    pub keys_items: &'static str,
    pub keys_sections: &'static str,
    pub keys_details: &'static str,
    pub keys_search: &'static str,
}

/// The strings of `lang`.
pub fn of(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: Strings = Strings {
    sections: "栏目",
    all_sections: "全部栏目",
    items: "事项",
    details: "详情",
    done_of: "完成",
    to_year_end: "距年底",
    next_deadline: "下一截止",
    no_deadline: "无待办截止",
    days: "天",
    too_small: "终端窗口太小，请放大（至少 40 列 × 10 行）",
    no_items: "（没有符合条件的事项）",
    description: "说明",
    owner: "责任科室",
    due: "截止日期",
    state: "进度",
    done_on: "完成于",
    evidence_hint: "应留佐证",
    note: "备注",
    evidence: "佐证材料",
    entries: "登记记录",
    no_entries: "（尚无登记）",
    pace: "进度对照",
    filters: ["全部", "未完成", "已逾期", "即将到期", "已完成"],
    filter: "筛选",
    search: "搜索",
    saved: "已保存",
    save_failed: "保存失败，修改暂存在内存中，将自动重试",
    unsaved: "未保存",
    reloaded: "台账已被其他程序修改，已重新载入",
    read_only_error: "台账无法读取，本界面只读，未作任何改动",
    closed_year: "该年度台账已关闭，只能查看；如需修改请先运行 duty reopen",
    wrong_kind_log: "只有计次或学时类事项可以登记",
    wrong_kind_rate: "只有比率类事项可以填写比率",
    nothing_to_undo: "没有可撤销的修改",
    undone_pending: "已撤销尚未保存的修改",
    undone: "已撤销上一次修改",
    no_entry_selected: "请先在详情栏选中一条登记记录",
    form_check: "勾选完成",
    form_log: "登记一次",
    form_rate: "填写比率",
    form_note: "备注",
    form_evidence: "佐证材料",
    form_year: "切换年度",
    form_edit: "修改登记",
    all_owners: "显示全部科室的事项",
    owner_col: "科室",
    rate_date: "填报日期",
    linked: "同时计入",
    presided: "主持",
    attended: "参加",
    f_date: "日期",
    f_topic: "主题",
    f_hours: "学时",
    f_evidence: "佐证",
    f_numerator: "分子",
    f_denominator: "分母",
    f_note: "备注",
    f_year: "年度",
    f_presided: "主持人",
    f_attended: "参加人员",
    f_also: "同时计入",
    e_date: "日期写作 2025-03-28、3月28日、3/28、今天或昨天",
    e_date_outside: "日期不在本年度台账范围内",
    e_which_year: "本年和次年的这一天都已过去，请写明年份",
    e_no_such_day: "没有这一天，请核对月和日",
    e_topic: "主题不能为空",
    e_hours: "学时应为大于0且不超过200的数",
    e_number: "应为非负整数",
    e_denominator: "分母应为整数且不小于分子（也可在分子一栏写 46/46）",
    e_year: "年度应为 2000 至 2100 之间的数",
    e_also_unknown: "没有这个事项：可写 id、编号或标题，多个用顿号或逗号分开",
    e_also_several: "有几个事项都符合：请写得更完整，或用编号、id",
    e_also_kind: "只能同时计入按次数或学时登记的事项",
    form_keys: "Tab 下一栏  Enter 保存  Esc 取消",
    confirm_remove: "删除这条登记记录？",
    confirm_uncheck: "取消勾选？完成日期和佐证材料将一并清除",
    confirm_undo: "撤销这次修改？",
    confirm_redo: "重做这次修改？",
    confirm_quit: "有修改尚未保存到磁盘，仍要退出吗？",
    confirm_keys: "y 确定  n/Esc 取消",
    help_title: "帮助：按键一览",
    help: &[
        ("Up/Down j/k", "上下移动"),
        ("g/G PgUp/PgDn", "到开头/结尾（也可按 Home/End）；翻页"),
        ("Tab/S-Tab Left/Right", "切换栏目、事项、详情面板"),
        (
            "Space",
            "勾选（日期为今天）/ 取消勾选（先确认）；计次、学时类登记；比率类填写",
        ),
        ("Enter", "勾选并填写日期和佐证；其他类型同 Space"),
        ("a", "登记一次（日期、主题、学时、佐证、主持和参加人员等）"),
        ("x/d", "删除详情栏中选中的登记（需确认）；选中附件时同 D"),
        (
            "E / 详情栏 Enter",
            "修改选中的登记（日期、主题、佐证、人员等），编号不变",
        ),
        ("r", "填写比率（分子/分母）"),
        ("n / e", "编辑备注 / 佐证材料"),
        ("A", "附上佐证文件，到事项或详情栏选中的登记（可一次多个）"),
        (
            "O / D",
            "打开附件（详情栏 Enter 同）/ 取下选中的附件（需确认）",
        ),
        ("f", "筛选：全部/未完成/已逾期/即将到期/已完成"),
        ("o", "只看一个责任科室的事项（依次切换，最后回到全部）"),
        ("/", "搜索标题、编号、科室、主题和备注；Esc 清除"),
        ("u / U", "撤销上一次修改（先说明撤销什么）/ 重做"),
        ("s", "预览报告第三部分；其中 p 导出"),
        ("v", "年终检视：风险、进度、每月登记、次年一季度截止"),
        ("y", "切换年度"),
        ("? / q Ctrl-C", "显示/关闭帮助 / 退出"),
        ("鼠标", "单击选择事项或栏目，滚轮滚动"),
    ],
    help_close: "按 ? 或 Esc 关闭",
    summary_title: "报告第三部分草稿",
    summary_keys: "j/k 滚动  p 导出  Esc 返回",
    export_title: "导出格式",
    export_keys: "j/k 选择  Enter 导出  Esc 取消",
    exported: "已导出到",
    review_title: "年终检视",
    review_keys: "j/k 滚动  Esc 返回",
    risks: "风险事项（最紧急在前）",
    no_risks: "（暂无风险事项）",
    pacing: "进度对照（计次、学时类）",
    monthly: "每月登记次数",
    months: "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    next_q1: "次年一季度截止事项",
    none: "（无）",
    closed_tag: "已关闭",
    read_only_tag: "只读",
    keys_items: "Space 勾选  a 登记  r 比率  n 备注  e 佐证  A 附件  f 筛选  o 科室  O 打开  / 搜索  u 撤销  s 报告  v 检视  y 年度  ? 帮助  q 退出",
    keys_sections: "j/k 选栏目  Tab 切换面板  f 筛选  / 搜索  ? 帮助  q 退出",
    keys_details: "j/k 选登记或附件  Enter 修改或打开  x 删除  A 附上  D 取下  a 登记  e 佐证  Tab 切换面板  ? 帮助  q 退出",
    keys_search: "输入以搜索  Enter 保留结果  Esc 清除",
};

static EN: Strings = Strings {
    sections: "Sections",
    all_sections: "All sections",
    items: "Items",
    details: "Details",
    done_of: "done",
    to_year_end: "to year end",
    next_deadline: "next due",
    no_deadline: "nothing pending",
    days: "d",
    too_small: "The terminal is too small: enlarge it (at least 40 columns × 10 rows)",
    no_items: "(no items match)",
    description: "About",
    owner: "Owner",
    due: "Due",
    state: "State",
    done_on: "Done",
    evidence_hint: "Keep",
    note: "Note",
    evidence: "Evidence",
    entries: "Entries",
    no_entries: "(nothing logged yet)",
    pace: "Pace",
    filters: ["all", "pending", "overdue", "due soon", "done"],
    filter: "Filter",
    search: "Search",
    saved: "saved",
    save_failed: "saving failed; the change is kept in memory and will be retried",
    unsaved: "unsaved",
    reloaded: "the ledger was changed by another program; reloaded",
    read_only_error: "the ledger cannot be read; this screen is read-only and changed nothing",
    closed_year: "this year's ledger is closed and read-only; run 'duty reopen' to change it",
    wrong_kind_log: "only counted or hours items take logged entries",
    wrong_kind_rate: "only rate items take a rate",
    nothing_to_undo: "nothing to undo",
    undone_pending: "undid the change that was not saved yet",
    undone: "undid the last change",
    no_entry_selected: "select a logged entry in the details pane first",
    form_check: "Mark done",
    form_log: "Log an occurrence",
    form_rate: "Record a rate",
    form_note: "Note",
    form_evidence: "Evidence",
    form_year: "Switch year",
    form_edit: "Edit entry",
    all_owners: "showing every office's items",
    owner_col: "office",
    rate_date: "recorded on",
    linked: "also counts for",
    presided: "presided by",
    attended: "attended by",
    f_date: "Date",
    f_topic: "Topic",
    f_hours: "Hours",
    f_evidence: "Evidence",
    f_numerator: "Numerator",
    f_denominator: "Denominator",
    f_note: "Note",
    f_year: "Year",
    f_presided: "Presided by",
    f_attended: "Attended by",
    f_also: "Also counts for",
    e_date: "write the date as 2025-03-28, 2025年3月28日, 3/28, today or yesterday",
    e_date_outside: "the date is outside this year's ledger",
    e_which_year: "that day has passed in this year and the next; give the year",
    e_no_such_day: "that day does not exist; check the month and day",
    e_topic: "the topic is required",
    e_hours: "hours must be a number above 0 and at most 200",
    e_number: "must be a whole number",
    e_denominator: "must be a positive whole number, not below the numerator",
    e_year: "the year must be between 2000 and 2100",
    e_also_unknown: "no such item: give its id, number or title, several separated by commas",
    e_also_several: "several items match: give more of the title, or the number or id",
    e_also_kind: "only items that count sessions or hours",
    form_keys: "Tab next field  Enter save  Esc cancel",
    confirm_remove: "Remove this logged entry?",
    confirm_uncheck: "Untick? Its date and evidence are cleared too",
    confirm_undo: "Undo this change?",
    confirm_redo: "Redo this change?",
    confirm_quit: "Some changes are not saved to disk yet. Quit anyway?",
    confirm_keys: "y yes  n/Esc no",
    help_title: "Help: every key",
    help: &[
        ("Up/Down j/k", "move"),
        (
            "g/G PgUp/PgDn",
            "first / last (Home/End too); page up / down",
        ),
        (
            "Tab/S-Tab Left/Right",
            "switch panes: sections, items, details",
        ),
        (
            "Space",
            "tick (today) or untick (asks first); log or rate the other kinds",
        ),
        ("Enter", "tick with date and evidence; otherwise as Space"),
        (
            "a",
            "log an occurrence (date, topic, hours, evidence, people)",
        ),
        (
            "x/d",
            "remove the selected entry (asks first); on a file, as D",
        ),
        (
            "E / Enter in details",
            "correct the selected entry, keeping its id",
        ),
        ("r", "record a rate (numerator/denominator)"),
        ("n / e", "edit the note / the evidence"),
        (
            "A",
            "attach evidence files, to the item or the selected entry",
        ),
        (
            "O / D",
            "open a file (Enter on it too) / take it off (asks first)",
        ),
        ("f", "filter: all / pending / overdue / due soon / done"),
        (
            "o",
            "one office's items only (the next each time, then all)",
        ),
        (
            "/",
            "search titles, ids, offices, topics and notes; Esc clears",
        ),
        ("u / U", "undo the last change (says what first) / redo"),
        ("s", "preview section three of the report; p exports it"),
        ("v", "review: risks, pace, entries per month, Q1 deadlines"),
        ("y", "switch year"),
        ("? / q Ctrl-C", "show / hide this help; quit"),
        (
            "mouse",
            "click selects an item or section; the wheel scrolls",
        ),
    ],
    help_close: "? or Esc closes",
    summary_title: "Section three (draft)",
    summary_keys: "j/k scroll  p export  Esc back",
    export_title: "Export as",
    export_keys: "j/k choose  Enter export  Esc cancel",
    exported: "written to",
    review_title: "Review",
    review_keys: "j/k scroll  Esc back",
    risks: "At risk (most urgent first)",
    no_risks: "(nothing at risk)",
    pacing: "Pace (counted and hours items)",
    monthly: "Entries logged per month",
    months: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    next_q1: "Deadlines in Q1 of next year",
    none: "(none)",
    closed_tag: "closed",
    read_only_tag: "read-only",
    keys_items: "Space tick  a log  r rate  n note  e evidence  A attach  f filter  o office  O open  / search  u undo  s report  v review  y year  ? help  q quit",
    keys_sections: "j/k section  Tab panes  f filter  / search  ? help  q quit",
    keys_details: "j/k entry or file  Enter edit or open  x remove  A attach  D take off  a log  e evidence  Tab panes  ? help  q quit",
    keys_search: "type to search  Enter keep  Esc clear",
};

/// `7/12，按进度应为10，落后3次` — how a counted or hours item keeps pace (the wording
/// after the figures is the review's, so the screen and `duty status` say the same).
pub fn pace_line(
    lang: Lang,
    value: f64,
    target: f64,
    pace: crate::review::Pace,
    kind: crate::checklist::Kind,
) -> String {
    let sep = lang.pick("，", ", ");
    match lang.words().pace(&pace, kind) {
        Some(said) => format!("{}/{}{sep}{said}", number(value), number(target)),
        None => format!("{}/{}", number(value), number(target)),
    }
}

/// `还剩 12 天` / `逾期 3 天` / `12 d left`.
pub fn days_left(lang: Lang, days: i64) -> String {
    match lang {
        Lang::Zh if days < 0 => format!("逾期 {} 天", -days),
        Lang::Zh if days == 0 => "今天到期".to_string(),
        Lang::Zh => format!("还剩 {days} 天"),
        Lang::En if days < 0 => format!("{} d overdue", -days),
        Lang::En if days == 0 => "due today".to_string(),
        Lang::En => format!("{days} d left"),
    }
}

/// The error shown when saving failed, with the reason.
pub fn save_failed(lang: Lang, reason: &str, pending: usize) -> String {
    match lang {
        Lang::Zh => format!("{}（{pending} 项）：{reason}", of(lang).save_failed),
        Lang::En => format!("{} ({pending} pending): {reason}", of(lang).save_failed),
    }
}

/// A paste longer than a field holds.
pub fn paste_cut(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Zh => format!("粘贴的内容过长，只保留了前 {max} 个字"),
        Lang::En => {
            format!("the pasted text was too long; only the first {max} characters were kept")
        }
    }
}

/// The status line after choosing one office's items.
pub fn owner_shown(lang: Lang, owner: &str) -> String {
    match lang {
        Lang::Zh => format!("只显示“{owner}”的事项（再按 o 换下一个科室）"),
        Lang::En => format!("showing {owner}'s items only (o again for the next office)"),
    }
}

/// The status line after switching year.
pub fn switched_year(lang: Lang, year: i16) -> String {
    match lang {
        Lang::Zh => format!("已切换到 {year} 年度"),
        Lang::En => format!("switched to {year}"),
    }
}

/// No checklist file for `year` beside a checklist that names its year.
pub fn no_year_file(lang: Lang, year: i16, expected: Option<&std::path::Path>) -> String {
    let file = expected
        .map(|p| crate::text::for_terminal(&p.display().to_string()).into_owned())
        .unwrap_or_default();
    match (lang, expected.is_some()) {
        (Lang::Zh, true) => format!(
            "没有 {year} 年度的清单文件（{file}）；可在命令行运行 duty rollover --to {year} 生成"
        ),
        (Lang::Zh, false) => format!("该清单写明了年度，没有 {year} 年度的清单文件可切换"),
        (Lang::En, true) => {
            format!("no checklist file for {year} ({file}); 'duty rollover --to {year}' makes one")
        }
        (Lang::En, false) => {
            format!("this checklist names its year; there is no {year} checklist to switch to")
        }
    }
}

/// The file found for another year names a different year.
pub fn wrong_year_file(lang: Lang, file: &std::path::Path, found: i16) -> String {
    let file = crate::text::for_terminal(&file.display().to_string()).into_owned();
    match lang {
        Lang::Zh => format!("“{file}”是 {found} 年度的清单，未切换"),
        Lang::En => format!("'{file}' is the checklist for {found}; not switched"),
    }
}

/// The file found for another year does not load.
pub fn bad_year_file(lang: Lang, file: &std::path::Path, errors: usize) -> String {
    let file = crate::text::for_terminal(&file.display().to_string()).into_owned();
    match lang {
        Lang::Zh => format!("“{file}”有 {errors} 处错误，未切换；请用 duty validate 查看"),
        Lang::En => format!("'{file}' has {errors} error(s); not switched (see duty validate)"),
    }
}

/// `共 25 项`, or `显示 3/25 项` when filtered, beside the list's title.
pub fn count(lang: Lang, shown: usize, total: usize) -> String {
    match (lang, shown == total) {
        (Lang::Zh, true) => format!("共 {total} 项"),
        (Lang::Zh, false) => format!("显示 {shown}/{total} 项"),
        (Lang::En, true) => format!("{total}"),
        (Lang::En, false) => format!("{shown}/{total}"),
    }
}

/// A format's name in the export menu.
pub fn format_name(lang: Lang, format: crate::report::Format) -> &'static str {
    use crate::report::Format;
    match (format, lang) {
        (Format::Text, Lang::Zh) => "纯文本 (.txt)",
        (Format::Md, Lang::Zh) => "Markdown (.md)",
        (Format::Docx, Lang::Zh) => "Word 文档 (.docx)",
        (Format::Csv, Lang::Zh) => "表格 (.csv)",
        (Format::Json, Lang::Zh) => "JSON (.json)",
        (Format::Text, Lang::En) => "plain text (.txt)",
        (Format::Md, Lang::En) => "Markdown (.md)",
        (Format::Docx, Lang::En) => "Word (.docx)",
        (Format::Csv, Lang::En) => "spreadsheet (.csv)",
        (Format::Json, Lang::En) => "JSON (.json)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pace_lines_read_as_officers_write_them() {
        use crate::checklist::Kind;
        use crate::review::Pace;
        let count = Kind::Count { target: 12 };
        let hours = Kind::Hours { target: 20.0 };
        let pace = |expected, behind| Pace { expected, behind };
        assert_eq!(
            pace_line(Lang::Zh, 7.0, 12.0, pace(10.0, 3.0), count),
            "7/12，按进度应为10，落后3次"
        );
        assert_eq!(
            pace_line(Lang::Zh, 12.5, 20.0, pace(10.0, -2.5), hours),
            "12.5/20，按进度应为10，超前2.5学时"
        );
        assert_eq!(
            pace_line(Lang::En, 7.0, 12.0, pace(10.0, 3.0), count),
            "7/12, expected 10 by now, 3 behind"
        );
    }
}
