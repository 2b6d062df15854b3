//! Words for spreadsheets: the ledger's columns, reading an office's file, the column
//! mapping shown for confirmation, and every bad cell with its address and the fix.

use std::path::Path;

use super::super::Words;
use crate::sheet::ColumnError;
use crate::sheet::columns::ColumnKey;
use crate::sheet::grid::ReadError;
use crate::sheet::headings::Field;
use crate::sheet::import_checklist::{CellFault, CellProblem, Note};
use crate::sheet::import_entries::{RowFault, RowProblem};
use crate::sheet::mapping::{Chosen, MapError, Mapping};

impl Words {
    pub fn column_error(self, e: &ColumnError) -> String {
        let keys = ColumnKey::keys().join(", ");
        match (e, self.zh()) {
            (ColumnError::Unknown { name, suggestion }, true) => {
                let hint = suggestion.map_or(String::new(), |s| format!("（是不是 \"{s}\"？）"));
                format!(
                    "未知的台账列 \"{name}\"{hint}；可用：{keys}，或其中文名（如 序号、工作任务、得分），也可写 \"owner=责任单位\" 自定列名"
                )
            }
            (ColumnError::Unknown { name, suggestion }, false) => {
                let hint =
                    suggestion.map_or(String::new(), |s| format!(" (did you mean \"{s}\"?)"));
                format!(
                    "unknown ledger column \"{name}\"{hint}; known: {keys}, or their Chinese headings; \"owner=责任单位\" gives a heading of its own"
                )
            }
            (ColumnError::EmptyHeading(s), true) => {
                format!("台账列 \"{s}\" 的列名为空；请写成 \"owner=责任单位\" 的形式")
            }
            (ColumnError::EmptyHeading(s), false) => {
                format!(
                    "ledger column \"{s}\" has an empty heading; write it like \"owner=责任单位\""
                )
            }
            (ColumnError::Duplicate(s), true) => format!("台账列 \"{s}\" 重复，请删去一个"),
            (ColumnError::Duplicate(s), false) => {
                format!("ledger column \"{s}\" is listed twice; remove one")
            }
        }
    }

    /// A field of an import, as the mapping shows it.
    pub fn import_field(self, f: Field) -> &'static str {
        match f {
            Field::Title => self.pick("工作任务（事项名称）", "task (item title)"),
            Field::Section => self.pick("类别（栏目）", "category (section)"),
            Field::Owner => self.pick("责任科室", "owner"),
            Field::Due => self.pick("完成时限", "due"),
            Field::Target => self.pick("目标（决定事项类型）", "target (sets the kind)"),
            Field::Evidence => self.pick("佐证材料", "evidence"),
            Field::Description => self.pick("具体要求（说明）", "requirement (description)"),
            Field::Number => self.pick("序号（不导入）", "number (not imported)"),
            Field::Id => self.pick("事项编号", "item id"),
            Field::Date => self.pick("日期", "date"),
            Field::Topic => self.pick("主题", "topic"),
            Field::Hours => self.pick("学时", "hours"),
            Field::Presided => self.pick("主持人", "presided"),
            Field::Attended => self.pick("参加人员", "attended"),
            Field::Also => self.pick("同时计入事项", "also counts for"),
            Field::Record => self.pick(
                "记录类型（事项行不导入）",
                "kind of row (item rows passed over)",
            ),
            Field::Ignore => self.pick("不导入", "not imported"),
        }
    }

    pub fn read_error(self, path: &Path, e: &ReadError) -> String {
        let p = path.display();
        match (e, self.zh()) {
            (ReadError::NotSpreadsheet(why), true) => {
                format!("“{p}”不是可读取的表格文件（{why}）；请另存为 .xlsx 或 .csv 后再导入")
            }
            (ReadError::NotSpreadsheet(why), false) => format!(
                "'{p}' is not a spreadsheet that can be read ({why}); save it as .xlsx or .csv and try again"
            ),
            (ReadError::Encoding { offset }, true) => format!(
                "“{p}”既不是 UTF-8 也不是 GBK 编码（第 {offset} 字节）；请在 Excel/WPS 中另存为“CSV UTF-8”或 .xlsx"
            ),
            (ReadError::Encoding { offset }, false) => format!(
                "'{p}' is neither UTF-8 nor GBK (byte {offset}); save it from Excel or WPS as \"CSV UTF-8\" or .xlsx"
            ),
            (ReadError::Csv { line, reason }, true) => {
                format!("“{p}”第 {line} 行无法读取（{reason}）；常见原因是引号未配对")
            }
            (ReadError::Csv { line, reason }, false) => format!(
                "'{p}' line {line} cannot be read ({reason}); an unclosed quote is the usual cause"
            ),
            (ReadError::UnclosedQuote { at }, true) => format!(
                "“{p}”第 {} 行 {at} 单元格的引号（\"）没有配对，从这里到文件末尾都会被读成这一个单元格；整个文件未读取。请在该单元格的文字末尾补上引号，或删去开头的引号后再导入",
                at.row + 1
            ),
            (ReadError::UnclosedQuote { at }, false) => format!(
                "'{p}' row {}: the quote (\") that opens cell {at} is never closed, so the rest of the file would read as that one cell; nothing was read. Close the quote at the end of the cell's text, or remove the opening one, and import again",
                at.row + 1
            ),
            (ReadError::Empty, true) => format!("“{p}”是空的"),
            (ReadError::Empty, false) => format!("'{p}' is empty"),
        }
    }

    pub fn map_error(self, e: &MapError) -> String {
        let zh = self.zh();
        let list = |v: &[String]| v.join(self.pick("、", ", "));
        match e {
            MapError::NoSuchSheet { asked, sheets } => {
                if zh {
                    format!("没有工作表“{asked}”；现有：{}", list(sheets))
                } else {
                    format!("no sheet '{asked}'; sheets: {}", list(sheets))
                }
            }
            MapError::NoHeadings { sheets } => {
                if zh {
                    format!(
                        "在工作表 {} 的前 15 行中找不到表头（应有“工作任务”“责任单位”“完成时限”等列名）；请用 --sheet 指定工作表，或先在表中补上表头",
                        list(sheets)
                    )
                } else {
                    format!(
                        "no heading row found in the first 15 rows of {} (headings such as 工作任务, 责任单位, 完成时限, or task, owner, due); choose the sheet with --sheet, or add headings to it",
                        list(sheets)
                    )
                }
            }
            MapError::BadMap { spec, headings } => {
                let fields = "title, section, owner, due, target, evidence, description, id, date, topic, hours, presided, attended, also, record, ignore";
                if zh {
                    format!(
                        "--map \"{spec}\" 无法理解；应写成 列=字段，列可以是字母（B）或表头（{}），字段可以是 {fields}",
                        list(headings)
                    )
                } else {
                    format!(
                        "--map \"{spec}\" is not understood; write COLUMN=FIELD, the column a letter (B) or a heading ({}), the field one of {fields}",
                        list(headings)
                    )
                }
            }
            MapError::Missing { field, headings } => {
                let field = self.import_field(*field);
                if zh {
                    format!(
                        "表头中找不到“{field}”列（表头：{}）；请用 --map 列=字段 指明，例如 --map B=title",
                        list(headings)
                    )
                } else {
                    format!(
                        "no column is read as {field} (headings: {}); say which with --map COLUMN=FIELD, e.g. --map B=title",
                        list(headings)
                    )
                }
            }
        }
    }

    /// The mapping, shown before anything is written.
    pub fn mapping_lines(self, m: &Mapping) -> Vec<String> {
        let mut out = vec![if self.zh() {
            format!("工作表“{}”，第 {} 行为表头：", m.sheet, m.heading_row + 1)
        } else {
            format!(
                "Sheet '{}', headings in row {}:",
                m.sheet,
                m.heading_row + 1
            )
        }];
        for c in &m.columns {
            let how = match c.chosen {
                Chosen::Guessed => "",
                Chosen::Given => self.pick("（--map 指定）", " (--map)"),
                Chosen::Duplicate => self.pick(
                    "（与前一列重复，不导入）",
                    " (same as an earlier column: not imported)",
                ),
                Chosen::Unknown => "",
            };
            let field = if c.chosen == Chosen::Duplicate {
                self.import_field(Field::Ignore)
            } else {
                self.import_field(c.field)
            };
            out.push(format!(
                "  {} {} → {field}{how}",
                crate::sheet::grid::column_letters(c.col),
                c.heading
            ));
        }
        if !m.other_sheets.is_empty() {
            out.push(if self.zh() {
                format!(
                    "  （其他工作表未读取：{}；可用 --sheet 选择）",
                    m.other_sheets.join("、")
                )
            } else {
                format!(
                    "  (other sheets not read: {}; choose one with --sheet)",
                    m.other_sheets.join(", ")
                )
            });
        }
        out
    }

    fn cell_fault(self, f: CellFault) -> &'static str {
        match f {
            CellFault::Formula => self.pick("是公式但没有保存计算结果；请在 Excel/WPS 中打开并保存一次，或改为数值", "is a formula saved without its value; open and save the file once in Excel or WPS, or type the value"),
            CellFault::ErrorValue => self.pick("是错误值；请改正该单元格", "holds an error value; correct the cell"),
            CellFault::BadDue => self.pick("不是可识别的完成时限；请写成 2025-06-30、6月底、上半年、全年 等", "is not a deadline that can be read; write 2025-06-30, 6月底, 上半年, 全年 or similar"),
            CellFault::NoTask => self.pick("这一行有内容但没有工作任务；请补上任务名称，或删去这一行", "this row has content but no task; add the task or delete the row"),
        }
    }

    pub fn cell_problem(self, p: &CellProblem) -> String {
        if self.zh() {
            format!(
                "  {}（{}）“{}”：{}",
                p.at,
                p.heading,
                p.value,
                self.cell_fault(p.fault)
            )
        } else {
            format!(
                "  {} ({}) '{}': {}",
                p.at,
                p.heading,
                p.value,
                self.cell_fault(p.fault)
            )
        }
    }

    pub fn cells_refused(self, path: &Path, n: usize) -> String {
        if self.zh() {
            format!(
                "“{}”有 {n} 个单元格无法读取，未写出任何文件：",
                path.display()
            )
        } else {
            format!(
                "{n} cell(s) of '{}' cannot be read; nothing was written:",
                path.display()
            )
        }
    }

    pub fn import_note(self, n: &Note) -> String {
        match (n, self.zh()) {
            (Note::DefaultDue { rows }, true) => {
                format!("注意：{rows} 项任务没有完成时限，已按年底（12-31）处理")
            }
            (Note::DefaultDue { rows }, false) => format!(
                "note: {rows} tasks have no deadline; they are due at the year's end (12-31)"
            ),
            (Note::Skipped { rows }, true) => {
                format!("注意：第 {} 行没有工作任务，已跳过", join_rows(rows))
            }
            (Note::Skipped { rows }, false) => format!(
                "note: rows {} hold no task and were passed over",
                join_rows(rows)
            ),
            (Note::TargetAsText { at, text }, true) => format!(
                "注意：{at}“{text}”不是数量或比率目标，该事项按“是否完成”处理，文字写入说明"
            ),
            (Note::TargetAsText { at, text }, false) => format!(
                "note: {at} '{text}' names no count or rate; the item is a yes/no duty with the text as its description"
            ),
            (Note::EmptySection { at, title }, true) => {
                format!("注意：{at} 的分类“{title}”下没有任务，未列入")
            }
            (Note::EmptySection { at, title }, false) => {
                format!("note: the heading '{title}' at {at} has no task under it and was left out")
            }
        }
    }

    pub fn draft_summary(self, sections: usize, kinds: [usize; 4]) -> String {
        let [task, count, rate, hours] = kinds;
        let items = task + count + rate + hours;
        if self.zh() {
            format!(
                "共 {sections} 个栏目、{items} 项任务：是否完成 {task} 项，计次 {count} 项，比率 {rate} 项，学时 {hours} 项"
            )
        } else {
            format!(
                "{sections} sections, {items} tasks: {task} yes/no, {count} counted, {rate} rate(s), {hours} hours"
            )
        }
    }

    pub fn draft_needs_yes(self) -> &'static str {
        self.pick(
            "未写出文件。核对上面的列对应关系后，加 --yes 写出清单草稿（对应不对时用 --map 列=字段 调整）",
            "Nothing written. Check the columns above, then add --yes to write the draft (--map COLUMN=FIELD changes a column)",
        )
    }

    pub fn draft_confirm(self) -> &'static str {
        self.pick(
            "按以上对应关系写出清单草稿？[y/N] ",
            "Write the draft with these columns? [y/N] ",
        )
    }

    pub fn draft_written(self, path: &Path) -> String {
        if self.zh() {
            format!(
                "已写出清单草稿 {}，校验通过；请核对事项类型、目标和时限后用 duty use {} 启用",
                path.display(),
                path.display()
            )
        } else {
            format!(
                "Wrote the checklist draft {}, and it validates; check kinds, targets and deadlines, then duty use {} makes it active",
                path.display(),
                path.display()
            )
        }
    }

    pub fn draft_invalid(self, path: &Path) -> String {
        if self.zh() {
            format!(
                "已写出清单草稿 {}，但校验未通过（见上），请改正后再用 duty validate 校验",
                path.display()
            )
        } else {
            format!(
                "Wrote the checklist draft {}, but it does not validate (see above); correct it and run duty validate",
                path.display()
            )
        }
    }

    fn row_fault(self, f: &RowFault) -> String {
        match f {
            RowFault::NoItem => self.pick("没有写明事项", "names no item").into(),
            RowFault::NoDate => self.pick("没有日期", "has no date").into(),
            RowFault::BadDate(e) => self.bad_date_cell(e),
            RowFault::NoHours => self
                .pick(
                    "学时类事项，学时不能为空",
                    "is empty, but the item counts hours",
                )
                .into(),
            RowFault::BadHours => self.pick("不是学时数；请写成 2 或 2.5", "is not a number of hours; write 2 or 2.5").into(),
            RowFault::RateItem => self.pick("是比率类事项，请用 duty rate 填写，不能按活动导入", "is a rate; record it with duty rate, not as a session").into(),
            RowFault::Formula => self.pick("是公式但没有保存计算结果；请在 Excel/WPS 中打开并保存一次", "is a formula saved without its value; open and save the file once in Excel or WPS").into(),
            RowFault::ErrorValue => self.pick("是错误值", "holds an error value").into(),
            // Nothing near to offer: how an item may be named.
            RowFault::Refused(e @ crate::ledger::ChangeError::UnknownItem { suggestions, .. })
                if suggestions.is_empty() =>
            {
                format!("{}{}", self.change_error(e), self.item_name_hint())
            }
            RowFault::Refused(e) => self.change_error(e),
            RowFault::AlsoOnTick
            | RowFault::PeopleOnTick
            | RowFault::AlsoWrongKind { .. }
            | RowFault::AlsoNeedsHours { .. }
            | RowFault::HoursNotCounted
            | RowFault::Unheaded => self.linked_row_fault(f),
        }
    }

    pub fn row_problem(self, p: &RowProblem) -> String {
        let row = p.at.row + 1;
        let heading = if p.heading.is_empty() {
            self.pick("无表头", "no heading")
        } else {
            &p.heading
        };
        if self.zh() {
            format!(
                "  第 {row} 行 {}（{heading}）“{}”：{}",
                p.at,
                p.value,
                self.row_fault(&p.fault)
            )
        } else {
            format!(
                "  row {row}, {} ({heading}) '{}': {}",
                p.at,
                p.value,
                self.row_fault(&p.fault)
            )
        }
    }

    pub fn rows_refused(self, path: &Path, n: usize) -> String {
        if self.zh() {
            format!(
                "“{}”有 {n} 处错误，整个文件未导入（台账未变）：",
                path.display()
            )
        } else {
            format!(
                "'{}' has {n} errors; nothing in it was recorded (the ledger is unchanged):",
                path.display()
            )
        }
    }

    pub fn entries_summary(self, new: usize, duplicates: usize, dry_run: bool) -> String {
        match (self.zh(), dry_run) {
            (true, true) => format!(
                "试运行：将登记 {new} 条（{duplicates} 条已登记过，跳过）；未作任何修改，去掉 --dry-run 即正式导入"
            ),
            (true, false) => format!(
                "已导入 {new} 条（{duplicates} 条已登记过，跳过），作为一次修改，可用 duty undo 整体撤销"
            ),
            (false, true) => format!(
                "Dry run: would record {new} rows ({duplicates} already recorded, passed over); nothing changed — run without --dry-run to record them"
            ),
            (false, false) => format!(
                "Recorded {new} rows ({duplicates} already recorded, passed over) as one change; duty undo takes it all back"
            ),
        }
    }

    pub fn entries_nothing_new(self) -> &'static str {
        self.pick(
            "文件中的每一条都已登记过，没有新内容",
            "every row of the file is recorded already; nothing new",
        )
    }

    pub fn entries_empty(self) -> &'static str {
        self.pick(
            "表头下面没有任何数据行",
            "there are no rows under the headings",
        )
    }

    pub fn summary_not_xlsx(self) -> &'static str {
        self.pick(
            "xlsx 只用于完成情况台账：请用 duty ledger -f xlsx -o 台账.xlsx",
            "xlsx is for the completion ledger: use duty ledger -f xlsx -o ledger.xlsx",
        )
    }

    pub fn ledger_xlsx_needs_output(self) -> &'static str {
        self.pick(
            "xlsx 格式需要用 -o 指定输出文件，例如 -o 台账.xlsx",
            "xlsx needs an output file: -o ledger.xlsx",
        )
    }
}

fn join_rows(rows: &[usize]) -> String {
    let shown: Vec<String> = rows.iter().take(20).map(usize::to_string).collect();
    let more = if rows.len() > 20 { "…" } else { "" };
    format!("{}{more}", shown.join(", "))
}
