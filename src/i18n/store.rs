//! Words for files: what went wrong with one and what to do about it. A ledger that cannot be
//! used as it is has its words in [`problem`]; what was noticed about a ledger's files while
//! reading it, in [`note`].

mod note;
mod problem;

use std::io;
use std::path::Path;

use super::Words;
use crate::store::{BadLine, Damage, IoOp, LineFault, NotFile, StoreError};

fn show(p: &Path) -> String {
    p.display().to_string()
}

impl Words {
    fn io_op(self, op: IoOp) -> &'static str {
        match op {
            IoOp::Read => self.pick("读取", "read"),
            IoOp::Write => self.pick("写入", "write"),
            IoOp::Create => self.pick("创建", "create"),
            IoOp::Lock => self.pick("锁定", "lock"),
            IoOp::Rename => self.pick("重命名", "rename"),
            IoOp::Sync => self.pick("同步", "sync"),
        }
    }

    /// Why an operating-system call failed, in this language where it is a common reason.
    pub fn io_reason(self, e: &io::Error) -> String {
        use io::ErrorKind as K;
        let zh = match e.kind() {
            K::NotFound => Some("文件或目录不存在"),
            K::NotADirectory => Some("路径中有一段不是目录"),
            K::IsADirectory => Some("这是一个目录，请给出文件名"),
            K::PermissionDenied => Some("没有权限"),
            K::ReadOnlyFilesystem => Some("文件系统只读"),
            K::StorageFull => Some("磁盘已满"),
            K::AlreadyExists => Some("文件已存在（如需覆盖请加 --force）"),
            _ => None,
        };
        match (self.zh(), zh, e.kind()) {
            (true, Some(reason), _) => reason.to_string(),
            (false, _, K::AlreadyExists) => "the file exists (add --force to replace it)".into(),
            (false, _, K::NotFound) => "no such file or directory".into(),
            _ => e.to_string(),
        }
    }

    fn not_file(self, kind: NotFile) -> &'static str {
        match kind {
            NotFile::Directory => {
                self.pick("这是一个目录，不是文件", "it is a directory, not a file")
            }
            NotFile::Special => self.pick(
                "这是一个特殊文件（管道或设备），不是普通文件；请移走它",
                "it is a special file (a pipe or device), not a regular file; move it away",
            ),
            NotFile::DanglingLink => self.pick(
                "这是一个指向不存在文件的符号链接；请修正或删除该链接",
                "it is a symbolic link to a file that does not exist; fix or remove the link",
            ),
        }
    }

    pub fn damage(self, d: &Damage) -> String {
        let zh = self.zh();
        match d {
            Damage::Empty => self.pick("文件是空的", "the file is empty").into(),
            Damage::TooLarge { bytes } => {
                let mb = *bytes as f64 / (1024.0 * 1024.0);
                if zh {
                    format!("文件过大（{mb:.1} MB，{bytes} 字节）")
                } else {
                    format!("the file is too large ({mb:.1} MB, {bytes} bytes)")
                }
            }
            Damage::NotUtf8 { byte } => {
                if zh {
                    format!("不是 UTF-8 文本（字节 {byte:#04x}），可能已损坏")
                } else {
                    format!("not UTF-8 text (byte {byte:#04x})")
                }
            }
            Damage::Utf16 => self
                .pick(
                    "文件是 UTF-16 编码（可能被记事本另存过）；请用 UTF-8 编码保存",
                    "the file is UTF-16 text (saved by an editor in that encoding); save it as UTF-8",
                )
                .into(),
            Damage::Syntax(error) if zh => ron_in_chinese(error),
            Damage::Syntax(error) => error.to_string(),
            Damage::BadSeq { seq } => {
                if zh {
                    format!("修改次数 seq: {seq} 不可能由 duty 写入（可能被手工改过）")
                } else {
                    format!("the change count seq: {seq} was not written by duty (edited by hand?)")
                }
            }
        }
    }

    fn line_fault(self, f: &LineFault) -> String {
        match f {
            LineFault::Unreadable(reason) => {
                if self.zh() {
                    format!("不是有效的记录（{reason}）")
                } else {
                    format!("not a valid record ({reason})")
                }
            }
            LineFault::NoHeader => self
                .pick(
                    "第一行不是日志的标题行",
                    "the first line is not the journal's header",
                )
                .into(),
            LineFault::OutOfOrder { expected, found } => {
                if self.zh() {
                    format!("编号应为 {expected}，实为 {found}")
                } else {
                    format!("numbered {found} where {expected} belongs")
                }
            }
            LineFault::Contradicts(e) => {
                if self.zh() {
                    format!("与之前的记录不符（{}）", self.change_error(e))
                } else {
                    format!(
                        "does not fit the records before it ({})",
                        self.change_error(e)
                    )
                }
            }
        }
    }

    fn bad_line(self, journal: &Path, bad: &BadLine) -> String {
        if self.zh() {
            format!(
                "修改日志“{}”第 {} 行已损坏：{}",
                show(journal),
                bad.line,
                self.line_fault(&bad.fault)
            )
        } else {
            format!(
                "line {} of the journal '{}' is damaged: {}",
                bad.line,
                show(journal),
                self.line_fault(&bad.fault)
            )
        }
    }

    fn at(self, at: Option<(usize, usize)>) -> String {
        match (at, self.zh()) {
            (Some((l, c)), true) => format!("第 {l} 行第 {c} 列："),
            (Some((l, c)), false) => format!("line {l}, column {c}: "),
            (None, _) => String::new(),
        }
    }

    pub fn store_error(self, e: &StoreError) -> String {
        let zh = self.zh();
        match e {
            StoreError::Io { op, path, source } => {
                if zh {
                    format!(
                        "无法{}“{}”：{}",
                        self.io_op(*op),
                        show(path),
                        self.io_reason(source)
                    )
                } else {
                    format!(
                        "cannot {} '{}': {}",
                        self.io_op(*op),
                        show(path),
                        self.io_reason(source)
                    )
                }
            }
            StoreError::NotAFile { path, kind } => {
                if zh {
                    format!("“{}”无法使用：{}", show(path), self.not_file(*kind))
                } else {
                    format!("'{}' cannot be used: {}", show(path), self.not_file(*kind))
                }
            }
            StoreError::NotSaved { ledger, source } => {
                if zh {
                    format!(
                        "{}\n修改未保存，台账“{}”保持原样。",
                        self.store_error(source),
                        show(ledger)
                    )
                } else {
                    format!(
                        "{}\nThe change was not saved; the ledger '{}' is unchanged.",
                        self.store_error(source),
                        show(ledger)
                    )
                }
            }
            StoreError::Unreadable {
                path,
                damage,
                at,
                backup_ok,
            } => {
                let what = format!("{}{}", self.at(*at), self.damage(damage));
                let mut m = if zh {
                    format!(
                        "台账文件“{}”无法读取：{what}。该文件未作任何改动。",
                        show(path)
                    )
                } else {
                    format!(
                        "the ledger '{}' cannot be read: {what}. It has not been changed.",
                        show(path)
                    )
                };
                m.push('\n');
                m.push_str(if *backup_ok {
                    self.pick(
                        "旧版 duty 留下的备份和修改历史可以恢复它：运行 duty repair（原文件另存为 .damaged-N，不会删除）。",
                        "The backup and history an earlier duty kept can restore it: run 'duty repair' (the damaged file is kept aside as .damaged-N, not deleted).",
                    )
                } else {
                    self.pick(
                        "旁边没有可用来重建的修改日志或备份；请检查并修正该文件（上面指出了出错的位置），或从其他副本恢复。",
                        "There is no journal or backup beside it to rebuild it from; fix the file where shown above, or restore it from another copy.",
                    )
                });
                m
            }
            StoreError::TooNew { path, found } => {
                if zh {
                    format!(
                        "台账文件“{}”由更新版本的 duty 写入（格式 {found}，本版本支持 {}），请升级 duty；该文件未作任何改动。",
                        show(path),
                        crate::store::FORMAT
                    )
                } else {
                    format!(
                        "the ledger '{}' was written by a newer duty (format {found}; this build reads {}); upgrade duty. It has not been changed.",
                        show(path),
                        crate::store::FORMAT
                    )
                }
            }
            StoreError::Mismatch {
                path,
                id,
                year,
                found_id,
                found_year,
            } => {
                if zh {
                    format!(
                        "“{}”属于清单“{found_id}” {found_year} 年度，不是“{id}” {year} 年度的；该文件未作任何改动，请把它移回原处或换用对应的清单。",
                        show(path)
                    )
                } else {
                    format!(
                        "'{}' belongs to checklist '{found_id}' {found_year}, not to '{id}' {year}; it has not been changed: move it back, or use the checklist it belongs to.",
                        show(path)
                    )
                }
            }
            StoreError::Missing { path } => {
                if zh {
                    format!(
                        "台账文件“{}”不见了，但旧版 duty 留下的备份或修改历史还在：文件可能被移走、删除或在崩溃中丢失。为免从空白台账重新开始而丢失全年记录，duty 已停止。\n请运行 duty repair 用备份和修改历史恢复。",
                        show(path)
                    )
                } else {
                    format!(
                        "the ledger '{}' is missing, but the backup or history an earlier duty kept is still there: it was moved, deleted or lost in a crash. duty stops rather than start an empty ledger and lose the year's records.\nRun 'duty repair' to restore it from the backup and history.",
                        show(path)
                    )
                }
            }
            StoreError::JournalDamaged { path, bad } => {
                let mut m = self.bad_line(path, bad);
                m.push_str(self.pick(
                    "。\n为免在损坏处之后继续记录，修改和撤销已暂停（台账仍可查看）。运行 duty repair：损坏的日志另存为 .damaged-N，从当前台账重新开始记录（之前的修改不能再撤销）。",
                    ".\nSo that nothing is recorded after the damage, changes and undo are paused (the ledger can still be read). Run 'duty repair': the damaged journal is kept aside as .damaged-N and recording starts again from the ledger as it stands (earlier changes can then no longer be undone).",
                ));
                m
            }
            StoreError::ForeignJournal { journal, ledger } => {
                if zh {
                    format!(
                        "修改日志“{}”不是台账“{}”的（可能是从另一台电脑复制来的，或被旧副本替换）。为免混淆两份记录，修改和撤销已暂停（台账仍可查看）。\n如果该日志确是别处的副本，运行 duty repair：它会另存为 .damaged-N，从当前台账重新开始记录。",
                        show(journal),
                        show(ledger)
                    )
                } else {
                    format!(
                        "the journal '{}' does not belong to the ledger '{}' (copied from another machine, or replaced by an older copy). So that the two records are not mixed, changes and undo are paused (the ledger can still be read).\nIf the journal is indeed another copy's, run 'duty repair': it is kept aside as .damaged-N and recording starts again from the ledger as it stands.",
                        show(journal),
                        show(ledger)
                    )
                }
            }
            StoreError::NothingToRepair { path } => {
                if zh {
                    format!(
                        "台账“{}”和它的修改日志都完好，无需修复（如需撤回修改，请用 duty undo）",
                        show(path)
                    )
                } else {
                    format!(
                        "the ledger '{}' and its journal are fine; there is nothing to repair (to revert a change, use 'duty undo')",
                        show(path)
                    )
                }
            }
            StoreError::Settings { path, problem } => {
                if zh {
                    format!(
                        "设置文件“{}”无法读取：{problem}。请修正或删除该文件（删除后恢复默认设置）。",
                        show(path)
                    )
                } else {
                    format!(
                        "the settings file '{}' cannot be read: {problem}. Fix it, or delete it to go back to the defaults.",
                        show(path)
                    )
                }
            }
            StoreError::Foreign { path, problem } => {
                if zh {
                    format!(
                        "“{}”不是可用的台账：{}。未作任何改动。",
                        show(path),
                        self.unusable(problem)
                    )
                } else {
                    format!(
                        "'{}' is not a usable ledger: {}. Nothing was changed.",
                        show(path),
                        self.unusable(problem)
                    )
                }
            }
            StoreError::NoHome => self
                .pick(
                    "找不到用户主目录；请用 --data-dir 或环境变量 DUTY_DATA_DIR 指定数据目录",
                    "no home directory; give --data-dir or set DUTY_DATA_DIR",
                )
                .into(),
            StoreError::Change(e) => self.change_error(e),
        }
    }
}

/// What ron stopped at, in Chinese: the usual damage (a cut-off file, a lost comma or
/// quote, a mistyped field) in words; anything rarer with the parser's own words.
fn ron_in_chinese(error: &ron::Error) -> String {
    use ron::Error as E;
    match error {
        E::Eof => "文件意外结束（可能被截断）".into(),
        E::ExpectedComma => "缺少逗号或右括号".into(),
        E::ExpectedStringEnd => "字符串缺少结束的引号".into(),
        E::ExpectedStructLikeEnd | E::ExpectedMapEnd => "缺少右括号 )".into(),
        E::ExpectedArrayEnd => "缺少右方括号 ]".into(),
        E::ExpectedMapColon => "字段名后缺少冒号 :".into(),
        E::ExpectedMap => "此处应为 { 开始的事项表".into(),
        E::ExpectedArray => "此处应为 [ 开始的列表".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => "此处应为 ( 开始的记录".into(),
        E::ExpectedString => "此处应为带引号的文字".into(),
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
            "此处应为整数".into()
        }
        E::ExpectedFloat => "此处应为数字".into(),
        E::ExpectedBoolean => "此处应为 true 或 false".into(),
        E::ExpectedIdentifier => "此处应为字段名".into(),
        E::TrailingCharacters => "台账结束后还有多余内容".into(),
        E::UnexpectedChar(c) => format!("意外的字符 '{c}'"),
        E::InvalidEscape(_) => "字符串中的转义无效".into(),
        E::NoSuchStructField { found, .. } => format!("未知字段 '{found}'"),
        E::MissingStructField { field, .. } => format!("缺少字段 '{field}'"),
        E::DuplicateStructField { field, .. } => format!("字段 '{field}' 重复"),
        E::InvalidValueForType { expected, found } => format!("值 {found} 无效，应为 {expected}"),
        other => format!("格式有误（解析器报告：{other}）"),
    }
}
