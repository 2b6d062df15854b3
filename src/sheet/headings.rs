//! Recognising what a column holds from the heading offices give it (工作任务, 责任单位,
//! 完成时限, 目标 …), and finding the heading row in a sheet that may have a title, notes or
//! a blank row above it.

use super::grid::{Grid, Value};

/// What a column of an imported spreadsheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The task itself (工作任务): the item's title.
    Title,
    /// The category (类别, 一级指标): the section.
    Section,
    Owner,
    Due,
    Target,
    /// Which evidence to keep (佐证材料).
    Evidence,
    /// Requirements in detail (具体要求, 考核标准).
    Description,
    /// A running number (序号): read past.
    Number,
    /// An item id, when the office keeps them.
    Id,
    // Entries:
    /// The date of a session.
    Date,
    /// A session's topic.
    Topic,
    Hours,
    /// Who presided over a session (主持人).
    Presided,
    /// Who attended it (参加人员).
    Attended,
    /// The other items the same session counts for (同时计入), named as `duty log --also`
    /// names them.
    Also,
    /// What a row of `duty ledger -f csv --entries` is (记录): an item's summary, passed
    /// over, or a logged session.
    Record,
    /// Not imported.
    Ignore,
}

impl Field {
    /// The key used on the command line (`--map B=owner`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Section => "section",
            Field::Owner => "owner",
            Field::Due => "due",
            Field::Target => "target",
            Field::Evidence => "evidence",
            Field::Description => "description",
            Field::Number => "number",
            Field::Id => "id",
            Field::Date => "date",
            Field::Topic => "topic",
            Field::Hours => "hours",
            Field::Presided => "presided",
            Field::Attended => "attended",
            Field::Also => "also",
            Field::Record => "record",
            Field::Ignore => "ignore",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        let k = key.trim().to_ascii_lowercase();
        ALL.iter()
            .copied()
            .find(|f| f.key() == k)
            .or(match k.as_str() {
                "task" | "item" => Some(Field::Title),
                "presider" | "chair" => Some(Field::Presided),
                "attendees" | "attendance" => Some(Field::Attended),
                "skip" | "none" | "-" => Some(Field::Ignore),
                _ => None,
            })
    }
}

const ALL: [Field; 17] = [
    Field::Title,
    Field::Section,
    Field::Owner,
    Field::Due,
    Field::Target,
    Field::Evidence,
    Field::Description,
    Field::Number,
    Field::Id,
    Field::Date,
    Field::Topic,
    Field::Hours,
    Field::Presided,
    Field::Attended,
    Field::Also,
    Field::Record,
    Field::Ignore,
];

/// The headings that name each field, most specific first. A heading is matched exactly
/// first, then by the longest of these it contains (`责任单位（科室）` is an owner).
const CHECKLIST_HEADINGS: &[(Field, &[&str])] = &[
    (
        Field::Title,
        &[
            "工作任务",
            "重点任务",
            "具体任务",
            "任务内容",
            "工作内容",
            "工作事项",
            "目标任务",
            "任务名称",
            "事项名称",
            "考核内容",
            "指标内容",
            "责任事项",
            "工作要点",
            "任务",
            "事项",
            "职责",
            "task",
            "title",
        ],
    ),
    (
        Field::Section,
        &[
            "类别",
            "分类",
            "一级指标",
            "工作类别",
            "任务类别",
            "项目",
            "栏目",
            "板块",
            "领域",
            "category",
            "section",
        ],
    ),
    (
        Field::Owner,
        &[
            "责任单位",
            "责任科室",
            "责任部门",
            "责任处室",
            "牵头单位",
            "牵头科室",
            "牵头部门",
            "负责单位",
            "负责科室",
            "承办单位",
            "责任人",
            "owner",
            "responsible",
        ],
    ),
    (
        Field::Due,
        &[
            "完成时限",
            "完成时间",
            "时间要求",
            "完成期限",
            "截止时间",
            "截止日期",
            "时限",
            "期限",
            "due",
            "deadline",
        ],
    ),
    (
        Field::Target,
        &[
            "目标值",
            "指标值",
            "工作目标",
            "完成目标",
            "数量要求",
            "频次",
            "次数",
            "目标",
            "target",
        ],
    ),
    (
        Field::Evidence,
        &[
            "佐证材料",
            "佐证资料",
            "台账资料",
            "备查材料",
            "材料要求",
            "证明材料",
            "佐证",
            "evidence",
        ],
    ),
    (
        Field::Description,
        &[
            "具体要求",
            "工作要求",
            "工作措施",
            "考核标准",
            "评分标准",
            "要求",
            "说明",
            "description",
            "requirement",
        ],
    ),
    (Field::Number, &["序号", "编号", "no."]),
    (Field::Id, &["事项id", "事项编号", "id"]),
];

/// The headings of an entries file (活动登记): which item, when, what, how long, evidence.
const ENTRY_HEADINGS: &[(Field, &[&str])] = &[
    (
        Field::Id,
        &["事项编号", "事项id", "item id", "item_id", "id"],
    ),
    (
        Field::Title,
        &[
            "工作任务",
            "事项名称",
            "事项",
            "任务",
            "项目",
            "item",
            "task",
        ],
    ),
    (
        Field::Date,
        &[
            "活动日期",
            "学习日期",
            "会议日期",
            "日期",
            "时间",
            "date",
            "done",
        ],
    ),
    (
        Field::Topic,
        &[
            "活动主题",
            "学习主题",
            "会议主题",
            "学习内容",
            "主题",
            "内容",
            "topic",
        ],
    ),
    (Field::Hours, &["学时", "课时", "时长", "小时", "hours"]),
    (
        Field::Presided,
        &[
            "主持人",
            "主持",
            "主持领导",
            "presided",
            "presider",
            "chair",
        ],
    ),
    (
        Field::Attended,
        &[
            "参加人员",
            "参会人员",
            "参加人",
            "参会人",
            "出席人员",
            "attended",
            "attendees",
            "participants",
        ],
    ),
    (
        Field::Also,
        &[
            "同时计入事项",
            "同时计入",
            "also",
            "also counts for",
            "also count",
        ],
    ),
    (
        Field::Evidence,
        &[
            "文号/佐证材料",
            "佐证材料",
            "佐证",
            "文号",
            "材料",
            "evidence",
        ],
    ),
    (Field::Number, &["序号", "no."]),
];

/// Headings an entries file only ever means exactly: `记录` names the kind of row in
/// `duty ledger -f csv --entries`, but `会议记录` is the minutes, so no part of a heading
/// counts.
const ENTRY_EXACT: &[(Field, &[&str])] = &[(Field::Record, &["记录", "记录类型", "record"])];

/// Headings of an entries file that name no session's field, though they hold a field's
/// word: a deadline (`截止日期`, in the ledger's CSV beside the session's `完成日期`) is
/// never when a session took place, and the ledger workbook's `Entry ID` (登记编号) is the
/// session's own id, not its item's.
const ENTRY_NEVER: &[&str] = &[
    "截止日期",
    "截止时间",
    "完成时限",
    "时限",
    "期限",
    "due",
    "deadline",
    "登记编号",
    "entry id",
];

/// Which list of headings to recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Checklist,
    Entries,
}

/// A heading as compared: lower case, no spaces or line breaks, no bracketed remark
/// (`完成时限（年月日）` → `完成时限`).
pub fn normalise(heading: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in heading.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() || c == '*' || c == '＊' => {}
            c if depth == 0 => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// The field a heading names, if any.
pub fn recognise(heading: &str, kind: Kind) -> Option<Field> {
    let table = match kind {
        Kind::Checklist => CHECKLIST_HEADINGS,
        Kind::Entries => ENTRY_HEADINGS,
    };
    let h = normalise(heading);
    if h.is_empty() {
        return None;
    }
    if kind == Kind::Entries {
        if let Some((field, _)) = ENTRY_EXACT
            .iter()
            .find(|(_, names)| names.iter().any(|n| normalise(n) == h))
        {
            return Some(*field);
        }
        if ENTRY_NEVER.iter().any(|n| h.contains(&normalise(n))) {
            return None;
        }
    }
    // The names are compared as headings are, so `item id` matches `Item ID`.
    for (field, names) in table {
        if names.iter().any(|n| normalise(n) == h) {
            return Some(*field);
        }
    }
    table
        .iter()
        .flat_map(|(field, names)| names.iter().map(move |n| (*field, normalise(n))))
        .filter(|(_, n)| n.chars().count() >= 2 && h.contains(n.as_str()))
        .max_by_key(|(_, n)| n.chars().count())
        .map(|(f, _)| f)
}

/// The heading row of a sheet: among its first rows, the one naming most fields, which must
/// name the task (or, for entries, the item) and one more. Its index and its fields.
pub fn heading_row(grid: &Grid, kind: Kind) -> Option<(usize, Vec<Option<Field>>)> {
    let needed = match kind {
        Kind::Checklist => &[Field::Title][..],
        Kind::Entries => &[Field::Title, Field::Id][..],
    };
    let mut best: Option<(usize, usize, Vec<Option<Field>>)> = None;
    for (r, row) in grid.rows.iter().enumerate().take(15) {
        let fields: Vec<Option<Field>> = row
            .iter()
            .map(|v| match v {
                Value::Text(t) => recognise(t, kind),
                _ => None,
            })
            .collect();
        let mut distinct: Vec<Field> = fields.iter().flatten().copied().collect();
        distinct.sort();
        distinct.dedup();
        if distinct.len() < 2 || !distinct.iter().any(|f| needed.contains(f)) {
            continue;
        }
        if best.as_ref().is_none_or(|b| distinct.len() > b.1) {
            best = Some((r, distinct.len(), fields));
        }
    }
    best.map(|(r, _, f)| (r, f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_headings() {
        let c = Kind::Checklist;
        assert_eq!(recognise("工作任务", c), Some(Field::Title));
        assert_eq!(recognise("目标任务", c), Some(Field::Title));
        assert_eq!(recognise("目标", c), Some(Field::Target));
        assert_eq!(recognise("责任单位（科室）", c), Some(Field::Owner));
        assert_eq!(recognise(" 完成\n时限 ", c), Some(Field::Due));
        assert_eq!(recognise("牵头单位", c), Some(Field::Owner));
        assert_eq!(recognise("一级指标", c), Some(Field::Section));
        assert_eq!(recognise("佐证材料要求", c), Some(Field::Evidence));
        assert_eq!(recognise("序号", c), Some(Field::Number));
        assert_eq!(recognise("分值", c), None);
        let e = Kind::Entries;
        assert_eq!(recognise("日期", e), Some(Field::Date));
        assert_eq!(recognise("学习内容", e), Some(Field::Topic));
        assert_eq!(recognise("文号/佐证材料", e), Some(Field::Evidence));
        assert_eq!(recognise("事项编号", e), Some(Field::Id));
        assert_eq!(recognise("主持人", e), Some(Field::Presided));
        assert_eq!(recognise("主持", e), Some(Field::Presided));
        assert_eq!(recognise("Presider", e), Some(Field::Presided));
        assert_eq!(recognise("参加人员", e), Some(Field::Attended));
        assert_eq!(recognise("参会人员（签到）", e), Some(Field::Attended));
        assert_eq!(recognise("参加人", e), Some(Field::Attended));
        assert_eq!(recognise("Attendees", e), Some(Field::Attended));
        assert_eq!(recognise("同时计入", e), Some(Field::Also));
        assert_eq!(recognise("同时计入事项", e), Some(Field::Also));
        assert_eq!(recognise("Also counts for", e), Some(Field::Also));
        // The ledger's CSV, read back: its kind of row, its item id, and the deadline
        // beside the session's date.
        assert_eq!(recognise("记录", e), Some(Field::Record));
        assert_eq!(recognise("会议记录", e), None);
        assert_eq!(recognise("item_id", e), Some(Field::Id));
        assert_eq!(recognise("Item ID", e), Some(Field::Id));
        assert_eq!(recognise("截止日期", e), None);
        assert_eq!(recognise("完成日期", e), Some(Field::Date));
        assert_eq!(recognise("due", e), None);
        assert_eq!(recognise("done", e), Some(Field::Date));
        assert_eq!(recognise("Entry ID", e), None);
        assert_eq!(recognise("登记编号", e), None);
        // A checklist's headings are read as before.
        assert_eq!(recognise("完成时限", c), Some(Field::Due));
        assert_eq!(recognise("记录", c), None);
    }
}
