//! Words for files kept as evidence: everything that can go wrong with one (always with what
//! to do) and what was changed in a file's name to keep it. The rest is by topic: an item's
//! files in [`files`], checking and cleaning up the store in [`audit`], the inspector's
//! package in [`package`], spreadsheets (the ledger workbook, imports) in [`sheet`], an
//! entries import's rows in [`entries`].

mod audit;
mod entries;
mod files;
mod package;
mod sheet;

use std::path::Path;

use super::Words;
use crate::pack::index::{short_hash as short, size_text};
use crate::pack::names::NameNote;
use crate::store::NotFile;
use crate::store::evidence::EvidenceError;

fn show(p: &Path) -> String {
    p.display().to_string()
}

impl Words {
    fn evidence_not_file(self, kind: NotFile) -> &'static str {
        match kind {
            NotFile::Directory => self.pick(
                "这是一个文件夹；请给出其中的文件（可一次给多个：duty attach 事项 文件夹/*）",
                "it is a folder; name the files in it (several at once: duty attach ITEM folder/*)",
            ),
            NotFile::Special => self.pick(
                "这是一个特殊文件（管道或设备），不能作为佐证材料",
                "it is a special file (a pipe or device) and cannot be kept as evidence",
            ),
            NotFile::DanglingLink => self.pick(
                "这是一个指向不存在文件的快捷方式（符号链接）",
                "it is a link to a file that does not exist",
            ),
        }
    }

    /// An evidence error, said with what to do.
    pub fn evidence_error(self, e: &EvidenceError) -> String {
        let zh = self.zh();
        match e {
            EvidenceError::SourceMissing { path } => {
                if zh {
                    format!(
                        "文件“{}”不存在；请检查路径（含空格的路径请加引号）",
                        show(path)
                    )
                } else {
                    format!(
                        "'{}' does not exist; check the path (quote a path with spaces)",
                        show(path)
                    )
                }
            }
            EvidenceError::SourceNotFile { path, kind } => {
                if zh {
                    format!(
                        "“{}”无法附上：{}",
                        show(path),
                        self.evidence_not_file(*kind)
                    )
                } else {
                    format!(
                        "'{}' cannot be attached: {}",
                        show(path),
                        self.evidence_not_file(*kind)
                    )
                }
            }
            EvidenceError::SourceUnreadable { path, source } => {
                if zh {
                    format!(
                        "无法读取“{}”：{}；原文件未改动，台账未变",
                        show(path),
                        self.io_reason(source)
                    )
                } else {
                    format!(
                        "cannot read '{}': {}; the original is untouched and the ledger unchanged",
                        show(path),
                        self.io_reason(source)
                    )
                }
            }
            EvidenceError::TooLarge { path, size, limit } => {
                if zh {
                    format!(
                        "“{}”有 {}，超过上限 {}；请压缩或拆分后再附，或在设置文件中写 evidence_limit_mb: Some(1000) 调高上限（duty paths 显示设置文件位置）",
                        show(path),
                        exact_size(*size),
                        exact_size(*limit)
                    )
                } else {
                    format!(
                        "'{}' is {}, over the limit of {}; compress or split it, or raise the limit with evidence_limit_mb: Some(1000) in the settings (duty paths shows where they are)",
                        show(path),
                        exact_size(*size),
                        exact_size(*limit)
                    )
                }
            }
            EvidenceError::NoName { path } => {
                if zh {
                    format!("“{}”不是一个文件名", show(path))
                } else {
                    format!("'{}' names no file", show(path))
                }
            }
            EvidenceError::ChangedWhileCopying { path } => {
                if zh {
                    format!(
                        "“{}”在复制过程中被改动（可能仍在扫描或下载）；未附上，台账未变。请等它写完再附",
                        show(path)
                    )
                } else {
                    format!(
                        "'{}' changed while it was copied (still being scanned or downloaded?); nothing was attached. Attach it once it is complete",
                        show(path)
                    )
                }
            }
            EvidenceError::Io {
                op: _,
                path,
                source,
            } => {
                let reason = self.io_reason(source);
                if zh {
                    format!(
                        "无法写入佐证材料库“{}”：{reason}；未附上任何文件，台账未变（已记录的内容都在）",
                        show(path)
                    )
                } else {
                    format!(
                        "cannot write the evidence store at '{}': {reason}; nothing was attached and the ledger is unchanged (nothing recorded was lost)",
                        show(path)
                    )
                }
            }
            EvidenceError::Missing { sha256, name } => {
                if zh {
                    format!(
                        "库中缺少文件“{name}”（{}）；请用 duty attach 重新附上原文件（同一文件会补回库中），或运行 duty verify 查看全部问题",
                        short(sha256)
                    )
                } else {
                    format!(
                        "the store lacks '{name}' ({}); attach the original again with duty attach (the same file fills the gap), or run duty verify for everything",
                        short(sha256)
                    )
                }
            }
            EvidenceError::Damaged { sha256, name } => {
                if zh {
                    format!(
                        "库中的文件“{name}”（{}）已被改动或损坏，未使用；请用 duty attach 重新附上原文件以修复，或运行 duty verify",
                        short(sha256)
                    )
                } else {
                    format!(
                        "the stored file '{name}' ({}) has been altered or damaged and was not used; attach the original again with duty attach to mend it, or run duty verify",
                        short(sha256)
                    )
                }
            }
            EvidenceError::Viewer {
                program,
                copy,
                source,
            } => {
                if zh {
                    format!(
                        "无法启动 {program}：{}；可手工打开副本“{}”（Linux 请安装 xdg-utils，或用 DUTY_OPENER 指定程序）",
                        self.io_reason(source),
                        show(copy)
                    )
                } else {
                    format!(
                        "cannot start {program}: {}; open the copy '{}' by hand (on Linux install xdg-utils, or name a program in DUTY_OPENER)",
                        self.io_reason(source),
                        show(copy)
                    )
                }
            }
            EvidenceError::AlreadyKept { title, entry, name } => match (entry, zh) {
                (Some(e), true) => format!(
                    "“{title}”的登记 #{}已附有同一文件“{name}”，未重复添加",
                    self.entry_label(e)
                ),
                (Some(e), false) => format!(
                    "entry #{} of '{title}' already keeps this file ('{name}'); it was not added twice",
                    self.entry_label(e)
                ),
                (None, true) => format!("“{title}”已附有同一文件“{name}”，未重复添加"),
                (None, false) => {
                    format!("'{title}' already keeps this file ('{name}'); it was not added twice")
                }
            },
            EvidenceError::NoSuchEntry {
                title,
                entry,
                known,
            } => {
                let list = if known.is_empty() {
                    self.pick("（尚无登记）", "(none yet)").to_string()
                } else {
                    known
                        .iter()
                        .map(|e| self.entry_label(e))
                        .collect::<Vec<_>>()
                        .join(self.pick("、", ", "))
                };
                if zh {
                    format!("“{title}”没有编号为“{entry}”的登记；现有登记：{list}")
                } else {
                    format!("'{title}' has no entry '{entry}'; its entries: {list}")
                }
            }
            EvidenceError::NotOurFolder { path } => {
                if zh {
                    format!(
                        "临时文件夹“{}”属于其他用户或是一个链接，为免他人读到，未在其中放置副本；请删除它，或让 TMPDIR 指向只有自己能访问的文件夹",
                        show(path)
                    )
                } else {
                    format!(
                        "the temporary folder '{}' belongs to another user or is a link, so no copy was put there (others could read it); remove it, or point TMPDIR at a folder only you can use",
                        show(path)
                    )
                }
            }
            EvidenceError::ViewerFailed {
                program,
                copy,
                code,
            } => {
                let code = code.map_or_else(String::new, |c| c.to_string());
                if zh {
                    format!(
                        "{program} 未能打开文件（退出码 {code}；可能没有图形界面或没有对应的程序）；可手工打开副本“{}”",
                        show(copy)
                    )
                } else {
                    format!(
                        "{program} could not open the file (exit code {code}; no desktop, or no application for it?); open the copy '{}' by hand",
                        show(copy)
                    )
                }
            }
            EvidenceError::WhichFile { item, names } => {
                let list = numbered(names);
                if zh {
                    format!(
                        "事项 '{item}' 有 {} 个文件，请指明第几个（duty open {item} N）：{list}",
                        names.len()
                    )
                } else {
                    format!(
                        "'{item}' keeps {} files; say which (duty open {item} N): {list}",
                        names.len()
                    )
                }
            }
            EvidenceError::NotKept(files) => {
                let list = files
                    .iter()
                    .map(|(name, sha)| format!("{name}（{}）", short(sha)))
                    .collect::<Vec<_>>()
                    .join(self.pick("、", ", "));
                if zh {
                    format!(
                        "有 {} 个文件不在库中或已被改动，未打包：{list}；请用 duty attach 重新附上原文件，或运行 duty verify",
                        files.len()
                    )
                } else {
                    format!(
                        "{} files are missing from the store or altered, so nothing was packed: {list}; attach the originals again with duty attach, or run duty verify",
                        files.len()
                    )
                }
            }
            EvidenceError::Exists { path } => {
                if zh {
                    format!(
                        "“{}”已存在；请换一个名称（zip 可加 --force 覆盖）",
                        show(path)
                    )
                } else {
                    format!(
                        "'{}' exists; choose another name (a zip can be replaced with --force)",
                        show(path)
                    )
                }
            }
            EvidenceError::Store(e) => self.store_error(e),
        }
    }

    /// What was changed in a file's name to record it, or how packages show it.
    pub fn name_note(self, note: &NameNote) -> String {
        match (note, self.zh()) {
            (NameNote::Lossy, true) => "文件名含有无法识别的编码，已用 � 代替".into(),
            (NameNote::Lossy, false) => "the file name is not valid Unicode; shown with �".into(),
            (NameNote::Replaced, true) => "文件名中的控制字符已替换为 _".into(),
            (NameNote::Replaced, false) => {
                "control characters in the name were replaced with _".into()
            }
            (NameNote::ShownAs(s), true) => {
                format!(
                    "文件名在 Windows 上不能使用（含不允许的字符，或是保留名），打包和打开时显示为“{s}”"
                )
            }
            (NameNote::ShownAs(s), false) => format!(
                "the name cannot be used on Windows (characters it forbids, or a reserved name); packages and viewers show it as '{s}'"
            ),
        }
    }
}

/// A size both ways: `1.0 MB（1048577 字节）`, where rounding would hide the difference.
fn exact_size(bytes: u64) -> String {
    format!("{} ({bytes} B)", size_text(bytes))
}

/// `1. a.pdf  2. b.jpg`.
fn numbered(names: &[String]) -> String {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{}. {n}", i + 1))
        .collect::<Vec<_>>()
        .join("  ")
}
