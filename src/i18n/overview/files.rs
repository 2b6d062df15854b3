//! Words for input files: each file's status in a word, what is wrong with a file and
//! where, and what the overview notes about a unit's files.

use std::io;

use crate::i18n::Words;
use crate::overview::collect::{FileEntry, FileState};
use crate::overview::{Checksum, FileProblem, Lookalike, Part, UnitRow};
use crate::store::Damage;

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
}
