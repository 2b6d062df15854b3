//! Words for the collecting office: `duty submit`, `duty overview` (headings, columns, each
//! file's status, what is wrong with a file and where), the matrix's legend; the 通报 draft's
//! sentences are in [`notice`].

mod notice;

use std::io;

use super::Words;
use crate::overview::collect::{FileEntry, FileState, TemplateSource};
use crate::overview::matrix::LeftOut;
use crate::overview::{CellState, Checksum, FileProblem, Lookalike, Part, UnitRow};
use crate::store::Damage;
use crate::text::dates::iso;

/// A file's status in one word or two, for the files list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileTag {
    Used,
    Unverified,
    OtherTemplate,
    Superseded,
    OtherYear,
    Damaged,
    NotUnitFile,
    TooNew,
    Empty,
    TooLarge,
    Unreadable,
}

impl FileTag {
    /// The tag of `f`, given the row its unit has (for the flags of a file in use).
    pub fn of(f: &FileEntry, row: Option<&UnitRow>) -> FileTag {
        match &f.state {
            FileState::Used => match row {
                Some(r) if r.checksum != Checksum::Valid => FileTag::Unverified,
                Some(r) if r.other_template.is_some() => FileTag::OtherTemplate,
                _ => FileTag::Used,
            },
            FileState::Superseded { .. } => FileTag::Superseded,
            FileState::OtherYear { .. } => FileTag::OtherYear,
            FileState::Unusable(p) => match p {
                FileProblem::NotUnitFile { .. } => FileTag::NotUnitFile,
                FileProblem::TooNew { .. } => FileTag::TooNew,
                FileProblem::Empty => FileTag::Empty,
                FileProblem::TooLarge { .. } => FileTag::TooLarge,
                FileProblem::NotRegular { .. }
                | FileProblem::LinkToFolder
                | FileProblem::TooDeep { .. }
                | FileProblem::Unreadable { .. } => FileTag::Unreadable,
                _ => FileTag::Damaged,
            },
        }
    }

    /// The tag's name in JSON and CSV for programs (`used`, `damaged`, …).
    pub fn key(self) -> &'static str {
        match self {
            FileTag::Used => "used",
            FileTag::Unverified => "checksum-mismatch",
            FileTag::OtherTemplate => "other-template",
            FileTag::Superseded => "superseded",
            FileTag::OtherYear => "other-year",
            FileTag::Damaged => "damaged",
            FileTag::NotUnitFile => "not-a-unit-file",
            FileTag::TooNew => "newer-format",
            FileTag::Empty => "empty",
            FileTag::TooLarge => "too-large",
            FileTag::Unreadable => "unreadable",
        }
    }
}

impl Words {
    pub fn file_tag(self, t: FileTag) -> &'static str {
        match t {
            FileTag::Used => self.pick("已读取", "read"),
            FileTag::Unverified => self.pick("校验不符", "altered"),
            FileTag::OtherTemplate => self.pick("另一清单", "other list"),
            FileTag::Superseded => self.pick("已被取代", "superseded"),
            FileTag::OtherYear => self.pick("其他年度", "other year"),
            FileTag::Damaged => self.pick("已损坏", "damaged"),
            FileTag::NotUnitFile => self.pick("非报送文件", "not a unit file"),
            FileTag::TooNew => self.pick("格式较新", "newer format"),
            FileTag::Empty => self.pick("空文件", "empty"),
            FileTag::TooLarge => self.pick("文件过大", "too large"),
            FileTag::Unreadable => self.pick("无法读取", "unreadable"),
        }
    }

    /// `第 41 行第 7 列：` / `line 41, column 7: `.
    fn place(self, at: Option<(usize, usize)>) -> String {
        match (at, self.zh()) {
            (Some((l, c)), true) => format!("第 {l} 行第 {c} 列："),
            (Some((l, c)), false) => format!("line {l}, column {c}: "),
            (None, _) => String::new(),
        }
    }

    /// What is wrong with a file, and where.
    pub fn file_problem(self, p: &FileProblem) -> String {
        let zh = self.zh();
        let at = self.place(p.at());
        let mb = |b: u64| b as f64 / (1024.0 * 1024.0);
        match p {
            FileProblem::NotRegular { special: true } => self
                .pick(
                    "管道、套接字或设备文件，未打开",
                    "a pipe, socket or device, not opened",
                )
                .into(),
            FileProblem::NotRegular { special: false } => self
                .pick(
                    "符号链接指向的文件不存在",
                    "a symbolic link to nothing",
                )
                .into(),
            FileProblem::LinkToFolder => self
                .pick(
                    "指向文件夹的符号链接，未进入（可能形成循环）",
                    "a symbolic link to a folder, not followed (it could lead in a circle)",
                )
                .into(),
            FileProblem::TooDeep { depth } => {
                if zh {
                    format!("文件夹嵌套超过 {depth} 层，未再深入")
                } else {
                    format!("folders nested more than {depth} deep, not walked further")
                }
            }
            FileProblem::Unreadable { kind } => self.io_reason(&io::Error::from(*kind)),
            FileProblem::Empty => self.pick("文件是空的", "the file is empty").into(),
            FileProblem::TooLarge { bytes, cap } => {
                if zh {
                    format!(
                        "{:.1} MB，超过报送文件上限 {} MB，未读取",
                        mb(*bytes),
                        cap / (1024 * 1024)
                    )
                } else {
                    format!(
                        "{:.1} MB, over the {} MB a unit file may have; not read",
                        mb(*bytes),
                        cap / (1024 * 1024)
                    )
                }
            }
            FileProblem::NotUtf8 { byte, .. } => format!(
                "{at}{}",
                self.damage(&Damage::NotUtf8 { byte: *byte })
            ),
            FileProblem::Utf16 => self.damage(&Damage::Utf16),
            FileProblem::NotUnitFile { looks_like } => match looks_like {
                Some(Lookalike::Ledger) => self
                    .pick(
                        "这是台账文件（duty export-ledger 导出），不是单位报送文件；请该单位用 duty submit 报送",
                        "a ledger (from duty export-ledger), not a unit file; ask the unit to send one made by duty submit",
                    )
                    .into(),
                Some(Lookalike::Checklist) => self
                    .pick(
                        "这是清单文件，不是单位报送文件",
                        "a checklist, not a unit file",
                    )
                    .into(),
                None => self
                    .pick(
                        "不是 duty submit 生成的单位报送文件",
                        "not a unit file made by duty submit",
                    )
                    .into(),
            },
            FileProblem::TooNew { format } => {
                if zh {
                    format!("由较新版本的 duty 生成（格式 {format}），请升级 duty 后再读")
                } else {
                    format!("written by a newer duty (format {format}); upgrade duty to read it")
                }
            }
            FileProblem::Syntax { error, .. } => {
                format!("{at}{}", self.damage(&Damage::Syntax(error.clone())))
            }
            FileProblem::Missing { field } => {
                if zh {
                    format!("缺少“{field}”部分（文件可能被截断或改动）")
                } else {
                    format!("the '{field}' part is missing (cut off or edited?)")
                }
            }
            FileProblem::NoName { .. } => format!(
                "{at}{}",
                self.pick("文件头没有写明单位名称", "the header names no unit")
            ),
            FileProblem::Checklist { first, count } => {
                let more = match (count.saturating_sub(1), zh) {
                    (0, _) => String::new(),
                    (n, true) => format!("（另有 {n} 处问题）"),
                    (n, false) => format!(" ({n} more)"),
                };
                let path = first
                    .path
                    .as_ref()
                    .map(|p| format!("{p}: "))
                    .unwrap_or_default();
                if zh {
                    format!("{at}所附清单有误：{path}{}{more}", first.message)
                } else {
                    format!("{at}the checklist inside is invalid: {path}{}{more}", first.message)
                }
            }
            FileProblem::Disagrees {
                part,
                header,
                found,
            } => {
                let what = match (part, zh) {
                    (Part::Checklist, true) => "所附清单",
                    (Part::Ledger, true) => "所附台账",
                    (Part::Checklist, false) => "the checklist inside",
                    (Part::Ledger, false) => "the ledger inside",
                };
                if zh {
                    format!(
                        "文件头写的是“{}”{} 年度，{what}却是“{}”{} 年度",
                        header.0, header.1, found.0, found.1
                    )
                } else {
                    format!(
                        "the header says '{}' {}, but {what} is '{}' {}",
                        header.0, header.1, found.0, found.1
                    )
                }
            }
        }
    }

    /// What to say about a file after its tag: the unit, and what happened to it.
    pub fn file_detail(
        self,
        f: &FileEntry,
        files: &[FileEntry],
        row: Option<&UnitRow>,
        year: i16,
    ) -> String {
        let zh = self.zh();
        let unit = f.unit.as_deref().unwrap_or("");
        match &f.state {
            FileState::Used => {
                let mut notes = vec![unit.to_string()];
                if let Some(r) = row {
                    notes.extend(self.row_notes(r, files));
                }
                notes.join(self.pick("；", "; "))
            }
            FileState::Superseded { by } => {
                let later = &files[*by].path;
                if zh {
                    format!("{unit} 的较早报送，已由较晚导出的 {later} 取代")
                } else {
                    format!("an earlier file of {unit}; the later export {later} is used")
                }
            }
            FileState::OtherYear { year: y } => {
                if zh {
                    format!("{unit} 的 {y} 年度文件，本次汇总 {year} 年度，未计入")
                } else {
                    format!("{unit}'s file for {y}; this overview is of {year}, not counted")
                }
            }
            FileState::Unusable(p) if unit.is_empty() => self.file_problem(p),
            FileState::Unusable(p) => {
                if zh {
                    format!("{unit}：{}", self.file_problem(p))
                } else {
                    format!("{unit}: {}", self.file_problem(p))
                }
            }
        }
    }

    /// Flags of a row, each a short phrase (empty when all is well).
    pub fn row_notes(self, r: &UnitRow, files: &[FileEntry]) -> Vec<String> {
        let zh = self.zh();
        let mut out = Vec::new();
        if r.figures.is_none() {
            let why = r
                .other_files
                .iter()
                .map(|&i| &files[i])
                .find_map(|f| match &f.state {
                    FileState::Unusable(p) => Some(self.file_problem(p)),
                    FileState::OtherYear { year } => Some(if zh {
                        format!("只报送了 {year} 年度的文件")
                    } else {
                        format!("sent only a file for {year}")
                    }),
                    _ => None,
                })
                .unwrap_or_default();
            out.push(if zh {
                format!("无可用文件，请重新报送（{why}）")
            } else {
                format!("no usable file, ask for it again ({why})")
            });
            return out;
        }
        if r.checksum != Checksum::Valid {
            out.push(
                self.pick(
                    "校验和不符：文件在导出后被改动过，数字未经核实",
                    "checksum mismatch: the file was changed after export; figures unverified",
                )
                .into(),
            );
        }
        if let Some(id) = &r.other_template {
            out.push(if zh {
                format!("使用另一清单“{id}”，不列入矩阵")
            } else {
                format!("on another checklist '{id}', not in the matrix")
            });
        }
        if let Some(p) = &r.problem {
            out.push(if zh {
                format!("台账中有 duty 不会写入的记录：{}", self.problem(p))
            } else {
                format!(
                    "the ledger holds a record duty would not write: {}",
                    self.problem(p)
                )
            });
        }
        let (mut superseded, mut other) = (0, 0);
        for &i in &r.other_files {
            match files[i].state {
                FileState::Superseded { .. } => superseded += 1,
                _ => other += 1,
            }
        }
        if superseded > 0 {
            out.push(if zh {
                format!("另有 {superseded} 份较早的报送，已取较晚的一份")
            } else {
                format!("{superseded} earlier file(s) superseded by the later export")
            });
        }
        if other > 0 {
            out.push(if zh {
                format!("另有 {other} 份文件未采用（见文件列表）")
            } else {
                format!("{other} more file(s) not used (see the files)")
            });
        }
        out
    }

    pub fn overview_heading(self, year: i16, today: jiff::civil::Date, units: usize) -> String {
        if self.zh() {
            format!(
                "{year}年度法治建设履职台账汇总 · 截至 {} · 单位 {units} 个",
                iso(today)
            )
        } else {
            format!("Overview of {year} · as of {} · {units} units", iso(today))
        }
    }

    pub fn template_line(self, t: Option<&(String, TemplateSource)>) -> String {
        match (t, self.zh()) {
            (None, true) => "模板：无（没有可读取的单位文件）".into(),
            (None, false) => "Template: none (no unit file could be read)".into(),
            (Some((id, TemplateSource::Given { path })), true) => {
                format!("模板：{id}（{path}）")
            }
            (Some((id, TemplateSource::Given { path })), false) => {
                format!("Template: {id} ({path})")
            }
            (Some((id, TemplateSource::MostUsed { units })), true) => {
                format!("模板：{id}（{units} 个单位使用的清单）")
            }
            (Some((id, TemplateSource::MostUsed { units })), false) => {
                format!("Template: {id} (the checklist {units} units use)")
            }
        }
    }

    /// How the score is made, in one line.
    pub fn score_formula(self) -> &'static str {
        self.pick(
            "风险分 = 逾期项数×3 + 落后项数×2 + 未达标项数×2 + 缺佐证项数×1；无可用文件的单位排在最前。",
            "Score = 3 × overdue + 2 × behind + 2 × below target + 1 × without evidence; units without a usable file come first.",
        )
    }

    /// Column headings of the unit table.
    pub fn overview_columns(self) -> [&'static str; 11] {
        if self.zh() {
            [
                "序号",
                "单位",
                "完成",
                "完成率",
                "逾期",
                "落后",
                "未达标",
                "缺佐证",
                "风险分",
                "最近修改",
                "说明",
            ]
        } else {
            [
                "#",
                "Unit",
                "Done",
                "Rate",
                "Overdue",
                "Behind",
                "Below",
                "No evid.",
                "Score",
                "Last change",
                "Notes",
            ]
        }
    }

    /// The whole picture in one line.
    pub fn overview_totals(self, t: &crate::overview::export::Totals) -> String {
        let pct = crate::text::numbers::percent(t.complete as u64, t.items as u64);
        let no_file = match (t.no_file, self.zh()) {
            (0, _) => String::new(),
            (n, true) => format!("（其中 {n} 个无可用文件）"),
            (n, false) => format!(" ({n} without a usable file)"),
        };
        if self.zh() {
            format!(
                "合计：单位 {} 个{no_file}；事项 {} 项，已完成 {} 项（{pct}%）；有逾期事项的单位 {} 个，进度落后的 {} 个，有指标未达标的 {} 个，佐证不全的 {} 个；全部完成的 {} 个。",
                t.units,
                t.items,
                t.complete,
                t.with_overdue,
                t.with_behind,
                t.with_below,
                t.with_no_evidence,
                t.all_done
            )
        } else {
            format!(
                "Totals: {} units{no_file}; {} items, {} complete ({pct}%); units with overdue items {}, behind pace {}, rates below target {}, missing evidence {}; all complete {}.",
                t.units,
                t.items,
                t.complete,
                t.with_overdue,
                t.with_behind,
                t.with_below,
                t.with_no_evidence,
                t.all_done
            )
        }
    }

    pub fn files_heading(self, total: usize, counts: &[(FileTag, usize)]) -> String {
        let parts: Vec<String> = counts
            .iter()
            .map(|(t, n)| format!("{} {n}", self.file_tag(*t)))
            .collect();
        if self.zh() {
            format!("文件（共 {total} 个：{}）", parts.join("，"))
        } else {
            format!("Files ({total}: {})", parts.join(", "))
        }
    }

    pub fn shown_of(self, shown: usize, total: usize) -> String {
        if self.zh() {
            format!("（按筛选条件显示 {shown} / {total} 个单位）")
        } else {
            format!("(showing {shown} of {total} units, as filtered)")
        }
    }

    /// A cell of the matrix in two to four cells of width, and the legend that explains them.
    pub fn cell_code(self, s: CellState) -> &'static str {
        match s {
            CellState::Done => self.pick("完成", "ok"),
            CellState::Overdue => self.pick("逾期", "LATE"),
            CellState::Below => self.pick("未达", "low"),
            CellState::Behind => self.pick("落后", "slow"),
            CellState::Open => self.pick("进行", "open"),
        }
    }

    pub fn dropped_code(self) -> &'static str {
        self.pick("未列", "none")
    }

    pub fn matrix_legend(self) -> &'static str {
        self.pick(
            "完成 = 已完成；逾期 = 过期未完成；未达 = 比率低于目标；落后 = 低于进度；进行 = 未到期且进度正常；未列 = 该单位清单中没有此项；* = 该单位改了事项名称；# = 该单位改了类型或目标。",
            "ok = complete; LATE = overdue; low = rate below target; slow = behind pace; open = not due, on pace; none = not in the unit's checklist; * = renamed by the unit; # = kind or target changed by the unit.",
        )
    }

    pub fn matrix_heading(self, items: usize, units: usize) -> String {
        if self.zh() {
            format!("事项 × 单位矩阵（{items} 个事项，{units} 个单位，按事项编号对应）")
        } else {
            format!("Items × units ({items} items, {units} units, matched by item id)")
        }
    }

    pub fn left_out(self, name: &str, why: &LeftOut) -> String {
        match (why, self.zh()) {
            (LeftOut::OtherTemplate(id), true) => format!("{name}：使用另一清单“{id}”，未列入"),
            (LeftOut::OtherTemplate(id), false) => {
                format!("{name}: on another checklist '{id}', left out")
            }
            (LeftOut::NoFile, true) => format!("{name}：无可用文件，未列入"),
            (LeftOut::NoFile, false) => format!("{name}: no usable file, left out"),
        }
    }

    pub fn added_items(self, n: usize) -> String {
        if self.zh() {
            format!("另增 {n} 项")
        } else {
            format!("{n} added")
        }
    }

    pub fn no_template(self) -> &'static str {
        self.pick(
            "没有可读取的单位文件，无法生成矩阵。",
            "No unit file could be read; there is no matrix.",
        )
    }

    pub fn no_inputs_exist(self, path: &str) -> String {
        if self.zh() {
            format!("“{path}”不存在（请检查文件夹或文件名）")
        } else {
            format!("'{path}' does not exist (check the folder or file name)")
        }
    }

    pub fn output_inside_input(self, out: &str, dir: &str) -> String {
        if self.zh() {
            format!("不能写到正在汇总的文件夹“{dir}”里（{out}）：请换一个位置")
        } else {
            format!(
                "will not write into the folder being read, '{dir}' ({out}): choose another place"
            )
        }
    }

    pub fn wrote_file(self, path: &str) -> String {
        if self.zh() {
            format!("已写入 {path}")
        } else {
            format!("Wrote {path}")
        }
    }

    pub fn xlsx_needs_output(self) -> &'static str {
        self.pick(
            "xlsx 是二进制格式，请用 -o 文件名.xlsx 写入文件",
            "xlsx is binary: write it to a file with -o NAME.xlsx",
        )
    }

    pub fn bad_template(self, path: &str, n: usize) -> String {
        if self.zh() {
            format!("模板清单“{path}”有 {n} 处错误（见上）")
        } else {
            format!("the template checklist '{path}' has {n} error(s) (see above)")
        }
    }

    pub fn submitted(self, unit: &str, year: i16, path: &str, items: usize) -> String {
        if self.zh() {
            format!(
                "已生成 {unit} {year} 年度报送文件：{path}（清单 {items} 个事项，含台账和校验和）；把这个文件交给汇总单位即可"
            )
        } else {
            format!(
                "Wrote {unit}'s unit file for {year}: {path} ({items} items, with the ledger and a checksum); send this one file to the collecting office"
            )
        }
    }

    pub fn unit_name_missing(self) -> &'static str {
        self.pick(
            "清单没有写明单位名称（organization）：请用 --unit 名称 指定",
            "the checklist names no organization: give the unit's name with --unit NAME",
        )
    }

    pub fn unit_name_unsafe(self, ch: char) -> String {
        if self.zh() {
            format!("单位名称中有控制字符 U+{:04X}，请删去后重试", ch as u32)
        } else {
            format!(
                "the unit's name holds control character U+{:04X}; remove it and try again",
                ch as u32
            )
        }
    }
}
