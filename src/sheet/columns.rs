//! The columns of the completion ledger (台账) as a spreadsheet, in the order the checklist
//! asks for (`ledger_columns: ["no", "task", "owner", "due", "result", "evidence", "score"]`).
//! Offices ask for 序号/工作任务/责任科室/完成时限/完成情况/佐证材料, some add 得分; a column can
//! be named by its key or its Chinese or English heading, and given a heading of its own
//! (`"owner=责任单位"`).

use crate::i18n::Lang;

/// What a ledger column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnKey {
    No,
    Section,
    Id,
    Task,
    Description,
    Owner,
    Target,
    Due,
    Result,
    Done,
    Evidence,
    Files,
    Required,
    Score,
    SelfScore,
    Note,
}

/// Every column, with its key and its headings in Chinese and English.
const COLUMNS: [(ColumnKey, &str, &str, &str); 16] = [
    (ColumnKey::No, "no", "序号", "No."),
    (ColumnKey::Section, "section", "类别", "Category"),
    (ColumnKey::Id, "id", "事项编号", "Item ID"),
    (ColumnKey::Task, "task", "工作任务", "Task"),
    (
        ColumnKey::Description,
        "description",
        "具体要求",
        "Requirement",
    ),
    (ColumnKey::Owner, "owner", "责任科室", "Responsible office"),
    (ColumnKey::Target, "target", "目标", "Target"),
    (ColumnKey::Due, "due", "完成时限", "Due"),
    (ColumnKey::Result, "result", "完成情况", "Result"),
    (ColumnKey::Done, "done", "完成时间", "Done on"),
    (ColumnKey::Evidence, "evidence", "佐证材料", "Evidence"),
    (ColumnKey::Files, "files", "附件数", "Files"),
    (
        ColumnKey::Required,
        "required",
        "佐证要求",
        "Evidence required",
    ),
    (ColumnKey::Score, "score", "得分", "Score"),
    (
        ColumnKey::SelfScore,
        "self_score",
        "自评得分",
        "Self-assessed score",
    ),
    (ColumnKey::Note, "note", "备注", "Note"),
];

/// The columns when the checklist names none.
pub const DEFAULT_COLUMNS: [ColumnKey; 10] = [
    ColumnKey::No,
    ColumnKey::Section,
    ColumnKey::Task,
    ColumnKey::Owner,
    ColumnKey::Target,
    ColumnKey::Due,
    ColumnKey::Result,
    ColumnKey::Done,
    ColumnKey::Evidence,
    ColumnKey::Note,
];

/// Other names offices give a column, read as the same column.
const ALIASES: [(&str, ColumnKey); 14] = [
    ("编号", ColumnKey::No),
    ("一级指标", ColumnKey::Section),
    ("栏目", ColumnKey::Section),
    ("任务", ColumnKey::Task),
    ("工作内容", ColumnKey::Task),
    ("事项", ColumnKey::Task),
    ("责任单位", ColumnKey::Owner),
    ("责任部门", ColumnKey::Owner),
    ("完成时间要求", ColumnKey::Due),
    ("截止时间", ColumnKey::Due),
    ("完成日期", ColumnKey::Done),
    ("佐证", ColumnKey::Evidence),
    ("考核依据", ColumnKey::Required),
    ("自评分", ColumnKey::SelfScore),
];

impl ColumnKey {
    pub fn key(self) -> &'static str {
        COLUMNS.iter().find(|c| c.0 == self).map_or("", |c| c.1)
    }

    /// The usual heading in a language.
    pub fn heading(self, lang: Lang) -> &'static str {
        let c = COLUMNS.iter().find(|c| c.0 == self).unwrap_or(&COLUMNS[0]);
        lang.pick(c.2, c.3)
    }

    /// Every key, for messages.
    pub fn keys() -> Vec<&'static str> {
        COLUMNS.iter().map(|c| c.1).collect()
    }

    /// The column a key, heading or common alias names (case and spaces ignored).
    pub fn named(name: &str) -> Option<ColumnKey> {
        let n = name.trim().to_lowercase().replace([' ', '-'], "_");
        COLUMNS
            .iter()
            .find(|c| c.1 == n || c.2 == n || c.3.to_lowercase().replace([' ', '-'], "_") == n)
            .map(|c| c.0)
            .or_else(|| ALIASES.iter().find(|a| a.0 == n).map(|a| a.1))
    }
}

/// One column of the ledger, with the heading the checklist gives it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerColumn {
    pub key: ColumnKey,
    pub heading: Option<String>,
}

impl LedgerColumn {
    /// Read `"owner"`, `"责任科室"` or `"owner=责任单位"`.
    pub fn parse(s: &str) -> Result<LedgerColumn, ColumnError> {
        let (name, heading) = match s.split_once('=') {
            Some((name, heading)) => (name, Some(heading.trim())),
            None => (s, None),
        };
        if heading.is_some_and(str::is_empty) {
            return Err(ColumnError::EmptyHeading(s.to_string()));
        }
        let key = ColumnKey::named(name).ok_or_else(|| ColumnError::Unknown {
            name: name.trim().to_string(),
            suggestion: suggest(name),
        })?;
        Ok(LedgerColumn {
            key,
            heading: heading.map(str::to_string),
        })
    }

    /// The heading shown: the checklist's own, or the usual one.
    pub fn heading(&self, lang: Lang) -> String {
        self.heading
            .clone()
            .unwrap_or_else(|| self.key.heading(lang).to_string())
    }

    /// As written back to a checklist file.
    pub fn source(&self) -> String {
        match &self.heading {
            Some(h) => format!("{}={h}", self.key.key()),
            None => self.key.key().to_string(),
        }
    }
}

/// Why a column name was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnError {
    Unknown {
        name: String,
        suggestion: Option<&'static str>,
    },
    EmptyHeading(String),
    Duplicate(String),
}

fn suggest(name: &str) -> Option<&'static str> {
    let n = name.trim().to_lowercase();
    COLUMNS
        .iter()
        .map(|c| (strsim::jaro_winkler(&n, c.1), c.1))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, key)| key)
}

/// Read a checklist's `ledger_columns`: each valid, none twice. Errors come with the index
/// of the column they are about.
pub fn parse_all(list: &[String]) -> Result<Vec<LedgerColumn>, Vec<(usize, ColumnError)>> {
    let mut out: Vec<LedgerColumn> = Vec::with_capacity(list.len());
    let mut errors = Vec::new();
    for (i, s) in list.iter().enumerate() {
        match LedgerColumn::parse(s) {
            Ok(c) if out.iter().any(|o| o.key == c.key) => {
                errors.push((i, ColumnError::Duplicate(s.clone())));
            }
            Ok(c) => out.push(c),
            Err(e) => errors.push((i, e)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The columns to write: the checklist's, or the default ones.
pub fn effective(columns: &[LedgerColumn]) -> Vec<LedgerColumn> {
    if columns.is_empty() {
        DEFAULT_COLUMNS
            .iter()
            .map(|&key| LedgerColumn { key, heading: None })
            .collect()
    } else {
        columns.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_key_heading_or_alias() {
        assert_eq!(ColumnKey::named("score"), Some(ColumnKey::Score));
        assert_eq!(ColumnKey::named("得分"), Some(ColumnKey::Score));
        assert_eq!(
            ColumnKey::named("Self-assessed score"),
            Some(ColumnKey::SelfScore)
        );
        assert_eq!(ColumnKey::named("责任单位"), Some(ColumnKey::Owner));
        assert_eq!(ColumnKey::named("nonsense"), None);
        let c = LedgerColumn::parse("owner=责任单位").unwrap();
        assert_eq!(c.heading(Lang::En), "责任单位");
        assert_eq!(c.source(), "owner=责任单位");
        assert_eq!(LedgerColumn::parse("工作任务").unwrap().source(), "task");
    }

    #[test]
    fn bad_columns_are_said_with_a_fix() {
        let err = parse_all(&["no".into(), "scroe".into(), "no".into(), "x=".into()]).unwrap_err();
        assert_eq!(err.len(), 3);
        assert_eq!(
            err[0],
            (
                1,
                ColumnError::Unknown {
                    name: "scroe".into(),
                    suggestion: Some("score")
                }
            )
        );
        assert_eq!(err[1], (2, ColumnError::Duplicate("no".into())));
        assert_eq!(err[2], (3, ColumnError::EmptyHeading("x=".into())));
    }
}
