//! Words for files kept as evidence: attaching, listing, opening, verifying, cleaning up and
//! packing, and everything that can go wrong with them — always with what to do. Words for
//! spreadsheets (the ledger workbook, imports) are in [`sheet`].

mod sheet;

use std::path::Path;

use super::Words;
use crate::evidence::AttachedFile;
use crate::evidence::audit::{CleanPlan, Reference, Verification};
use crate::evidence::package::PackOutcome;
use crate::ledger::Attachment;
use crate::pack::FilterError;
use crate::pack::index::{short_hash as short, size_text};
use crate::pack::names::NameNote;
use crate::store::NotFile;
use crate::store::evidence::{EvidenceError, Presence};

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

    /// One attached file, as `duty attach` confirms it.
    pub fn attached(self, title: &str, f: &AttachedFile) -> String {
        let a = &f.attachment;
        let to = match &a.entry {
            Some(e) => match self.zh() {
                true => format!("“{title}”登记 #{e}"),
                false => format!("'{title}' entry #{e}"),
            },
            None => match self.zh() {
                true => format!("“{title}”"),
                false => format!("'{title}'"),
            },
        };
        let facts = match self.zh() {
            true => format!(
                "{}，{}，sha256 {}",
                size_text(a.size),
                self.date(a.date),
                short(&a.sha256)
            ),
            false => format!(
                "{}, {}, sha256 {}",
                size_text(a.size),
                self.date(a.date),
                short(&a.sha256)
            ),
        };
        let mut line = match (self.zh(), f.already) {
            (true, false) => format!("已附上“{}”到{to}（{facts}）", a.name),
            (true, true) => format!("{to}已附有“{}”", a.name),
            (false, false) => format!("Attached '{}' to {to} ({facts})", a.name),
            (false, true) => format!("{to} already keeps '{}'", a.name),
        };
        let more = match (f.already, f.new, f.repaired) {
            (false, false, false) => self.pick(
                "；库中已有同一文件，未重复保存",
                "; the store already held the same file, kept once",
            ),
            (true, true, _) => self.pick(
                "；库中缺少的文件已用它补回",
                "; the file missing from the store was put back with it",
            ),
            (_, _, true) => self.pick(
                "；库中损坏的副本已用它修复",
                "; the damaged copy in the store was mended with it",
            ),
            (true, false, false) => self.pick("，未重复添加", "; not added twice"),
            (false, true, false) => "",
        };
        line.push_str(more);
        line
    }

    /// An item's files in `duty status`: `附件3` / `3 files`.
    pub fn file_count(self, n: usize) -> String {
        match (self.zh(), n) {
            (true, n) => format!("附件{n}"),
            (false, 1) => "1 file".into(),
            (false, n) => format!("{n} files"),
        }
    }

    pub fn detached(self, title: &str, a: &Attachment) -> String {
        if self.zh() {
            format!(
                "已从“{title}”取下“{}”（可用 duty undo 撤销）；库中的文件保留，没有任何台账引用后可用 duty clean 清理",
                a.name
            )
        } else {
            format!(
                "Took '{}' off '{title}' ('duty undo' reverts this); the stored file stays until nothing refers to it and duty clean removes it",
                a.name
            )
        }
    }

    /// The heading of `duty evidence ITEM`.
    pub fn evidence_heading(self, title: &str, count: usize) -> String {
        if self.zh() {
            format!("“{title}”的佐证文件：{count} 个")
        } else {
            format!("Files kept for '{title}': {count}")
        }
    }

    pub fn evidence_required(self, text: &str) -> String {
        format!("{}{text}", self.pick("应留存：", "To keep: "))
    }

    pub fn evidence_text(self, text: &str) -> String {
        format!(
            "{}{text}",
            self.pick("佐证材料（文字）：", "Evidence (text): ")
        )
    }

    pub fn no_files_yet(self, item: &str) -> String {
        if self.zh() {
            format!("还没有附上文件；用 duty attach {item} 文件… 附上（登记的活动加 --entry 编号）")
        } else {
            format!(
                "no files yet; attach some with duty attach {item} FILE… (--entry ID for a logged session)"
            )
        }
    }

    /// Where a file belongs: the item, or a session.
    pub fn file_owner(self, entry: Option<(&str, &str)>) -> String {
        match (entry, self.zh()) {
            (None, true) => "事项".into(),
            (None, false) => "item".into(),
            (Some((id, topic)), _) => format!("#{id} {topic}"),
        }
    }

    pub fn presence(self, p: Presence) -> &'static str {
        match p {
            Presence::Kept => "",
            Presence::Missing => self.pick(
                "【库中缺失，运行 duty verify】",
                "[missing from the store: run duty verify]",
            ),
            Presence::WrongSize(_) => self.pick(
                "【库中文件已被改动，运行 duty verify】",
                "[altered in the store: run duty verify]",
            ),
        }
    }

    /// A line of `duty evidence` without an item: one item's files, flagged when missing.
    pub fn evidence_summary_line(self, files: usize, missing_evidence: bool) -> String {
        match (self.zh(), missing_evidence) {
            (true, true) => format!("{files} 个文件  缺佐证"),
            (true, false) => format!("{files} 个文件"),
            (false, true) => format!("{}  no evidence", self.file_count(files)),
            (false, false) => self.file_count(files),
        }
    }

    pub fn evidence_totals(self, files: usize, bytes: u64, bare: usize) -> String {
        if self.zh() {
            format!(
                "共 {files} 个文件（{}）；{bare} 项已有进展的事项缺佐证材料（duty review 有详情）",
                size_text(bytes)
            )
        } else {
            format!(
                "{files} files in all ({}); {bare} items with progress lack evidence (duty review says more)",
                size_text(bytes)
            )
        }
    }

    pub fn opened(self, name: &str, copy: &Path) -> String {
        if self.zh() {
            format!("已用系统程序打开“{name}”（只读副本：{}）", show(copy))
        } else {
            format!(
                "Opened '{name}' with the system's viewer (read-only copy: {})",
                show(copy)
            )
        }
    }

    fn reference(self, r: &Reference) -> String {
        let at = r
            .file
            .entry
            .as_ref()
            .map_or_else(String::new, |e| format!(" #{e}"));
        format!("{} {} {}{at}：{}", r.checklist, r.year, r.item, r.file.name)
    }

    /// `duty verify`, every line of it.
    pub fn verification(self, v: &Verification) -> Vec<String> {
        let zh = self.zh();
        let mut out = Vec::new();
        let stored = v.ok + v.changed.len() + v.orphans.len();
        out.push(if zh {
            format!(
                "已重新计算库中 {stored} 个文件的校验值：{} 个被台账引用且完好（{}）。",
                v.ok,
                size_text(v.bytes)
            )
        } else {
            format!(
                "Re-hashed the {stored} files in the store: {} referred to and intact ({}).",
                v.ok,
                size_text(v.bytes)
            )
        });
        if !v.missing.is_empty() {
            out.push(if zh {
                format!("缺失 {} 个（台账引用了但库中没有）：", v.missing.len())
            } else {
                format!(
                    "Missing: {} (referred to, not in the store):",
                    v.missing.len()
                )
            });
            out.extend(
                v.missing
                    .iter()
                    .map(|r| format!("  {}  {}", short(&r.file.sha256), self.reference(r))),
            );
            out.push(self.pick("  处理：找到原文件，用 duty attach 事项 原文件 重新附上（同一文件会补回库中）；找不到时用 duty detach 取下该引用。", "  To do: find the original and attach it again (duty attach ITEM FILE puts it back); if it is lost, take the reference off with duty detach.").into());
        }
        if !v.changed.is_empty() {
            out.push(if zh { format!("已改动或损坏 {} 个（内容与校验值不符，打包和打开时会拒绝）：", v.changed.len()) } else { format!("Altered or damaged: {} (content no longer matches its hash; packing and opening refuse them):", v.changed.len()) });
            for (f, who) in &v.changed {
                let names: Vec<String> = who.iter().map(|r| self.reference(r)).collect();
                let names = if names.is_empty() {
                    self.pick("（无引用）", "(not referred to)").to_string()
                } else {
                    names.join("；")
                };
                out.push(format!("  {}  {names}", short(&f.sha256)));
            }
            out.push(self.pick("  处理：用 duty attach 事项 原文件 重新附上原文件，库中的坏副本会被替换。", "  To do: attach the original again with duty attach ITEM FILE; the bad copy is replaced.").into());
        }
        if !v.orphans.is_empty() {
            let bytes: u64 = v.orphans.iter().map(|f| f.size).sum();
            out.push(if zh { format!("无引用 {} 个（{}，已取下或来自已删除的台账）：运行 duty clean 查看并清理。", v.orphans.len(), size_text(bytes)) } else { format!("Not referred to: {} ({}; detached, or from a ledger since removed): duty clean lists and removes them.", v.orphans.len(), size_text(bytes)) });
        }
        if !v.temps.is_empty() {
            out.push(if zh { format!("中断的附加留下 {} 个临时文件：下次附加或 duty clean 时自动清除。", v.temps.len()) } else { format!("{} temporary files left by an interrupted attach: removed by the next attach or duty clean.", v.temps.len()) });
        }
        if !v.strays.is_empty() {
            out.push(
                self.pick(
                    "库中有不属于 duty 的文件（未改动，请移走）：",
                    "Files in the store that are not duty's (left alone; move them away):",
                )
                .into(),
            );
            out.extend(v.strays.iter().map(|p| format!("  {}", show(p))));
        }
        if v.missing.is_empty() && v.changed.is_empty() && v.unreadable.is_empty() {
            out.push(
                self.pick("没有缺失或改动的文件。", "Nothing is missing or altered.")
                    .into(),
            );
        }
        for (path, e) in &v.unreadable {
            out.push(if zh {
                format!(
                    "无法读取台账“{}”，其引用未核对：{}",
                    show(path),
                    self.store_error(e)
                )
            } else {
                format!(
                    "The ledger '{}' cannot be read, so its references were not checked: {}",
                    show(path),
                    self.store_error(e)
                )
            });
        }
        out
    }

    pub fn clean_nothing(self) -> &'static str {
        self.pick(
            "没有需要清理的文件：库中每个文件都有台账引用。",
            "Nothing to clean up: every stored file is referred to by a ledger.",
        )
    }

    /// What the clean-up would delete (or deleted), one line each, then a total.
    /// What the clean-up would delete, one line each (with the name it last had, from the
    /// history), after a line saying how much.
    pub fn clean_list(self, plan: &CleanPlan) -> Vec<String> {
        let mut out = vec![self.clean_total(plan, false)];
        out.extend(plan.files.iter().map(|f| {
            let name = plan.names.get(&f.sha256).map_or("", String::as_str);
            format!("  {}  {}  {name}", short(&f.sha256), size_text(f.size))
        }));
        out.extend(plan.temps.iter().map(|t| format!("  {}", show(t))));
        out
    }

    /// `将删除 3 个…文件（1.2 MB）` or, once done, `已删除 …`.
    pub fn clean_total(self, plan: &CleanPlan, done: bool) -> String {
        let (n, bytes, temps) = (plan.files.len(), size_text(plan.bytes()), plan.temps.len());
        let (zh_temps, en_temps) = if temps == 0 {
            (String::new(), String::new())
        } else {
            (
                format!("和 {temps} 个中断附加留下的临时文件"),
                format!(" and {temps} temporary files left by interrupted attaches"),
            )
        };
        match (self.zh(), done) {
            (true, false) => format!("将删除 {n} 个没有任何台账引用的文件（{bytes}）{zh_temps}："),
            (true, true) => format!("已删除 {n} 个文件（{bytes}）{zh_temps}。"),
            (false, false) => {
                format!("Would delete {n} files no ledger refers to ({bytes}){en_temps}:")
            }
            (false, true) => format!("Deleted {n} files ({bytes}){en_temps}."),
        }
    }

    pub fn clean_confirm(self) -> &'static str {
        self.pick("确认删除？[y/N] ", "Delete them? [y/N] ")
    }

    pub fn clean_needs_yes(self) -> &'static str {
        self.pick(
            "未删除任何文件；确认后请运行 duty clean --yes",
            "Nothing deleted; run duty clean --yes to delete them",
        )
    }

    pub fn clean_kept(self) -> &'static str {
        self.pick("未删除任何文件。", "Nothing deleted.")
    }

    pub fn packed(self, path: &Path, o: &PackOutcome) -> String {
        let mut s = if self.zh() {
            format!(
                "已写出 {}：{} 项事项，{} 个佐证文件，共 {}（含索引 docx、xlsx 和 SHA256SUMS.txt）",
                show(path),
                o.items,
                o.evidence_files,
                size_text(o.written.bytes)
            )
        } else {
            format!(
                "Wrote {}: {} items, {} evidence files, {} in all (with the index as docx and xlsx, and SHA256SUMS.txt)",
                show(path),
                o.items,
                o.evidence_files,
                size_text(o.written.bytes)
            )
        };
        if o.bare > 0 {
            s.push_str(&if self.zh() {
                format!("；{} 项事项还没有附件（索引中注明“无附件”）", o.bare)
            } else {
                format!("; {} items have no files yet (the index says so)", o.bare)
            });
        }
        s
    }

    /// A batch of operations as the history says it, when it is several files attached at
    /// once (other batches are imports, said as such by `record`).
    pub fn describe_evidence_batch(
        self,
        ops: &[crate::ledger::Op],
        title: &dyn Fn(&str) -> String,
    ) -> Option<String> {
        use crate::ledger::Op;
        let first = ops.first()?.item()?;
        if ops
            .iter()
            .all(|o| matches!(o, Op::Attach { item, .. } if item == first))
        {
            let names: Vec<&str> = ops
                .iter()
                .filter_map(|o| match o {
                    Op::Attach { file, .. } => Some(file.name.as_str()),
                    _ => None,
                })
                .collect();
            return Some(if self.zh() {
                format!(
                    "附上“{}”的佐证文件 {} 个：{}",
                    title(first),
                    names.len(),
                    names.join("、")
                )
            } else {
                format!(
                    "attach {} files to '{}': {}",
                    names.len(),
                    title(first),
                    names.join(", ")
                )
            });
        }
        None
    }

    pub fn filter_error(self, e: &FilterError) -> String {
        let zh = self.zh();
        match e {
            FilterError::Section { id, known } => {
                if zh {
                    format!("没有栏目 '{id}'；可用：{}", known.join(", "))
                } else {
                    format!("no section '{id}'; known: {}", known.join(", "))
                }
            }
            FilterError::Owner { owner, known } => {
                if zh {
                    format!("清单中没有责任科室“{owner}”；现有：{}", known.join("、"))
                } else {
                    format!(
                        "no item is owned by '{owner}'; owners: {}",
                        known.join(", ")
                    )
                }
            }
            FilterError::Item { id, suggestions } => {
                let hint = if suggestions.is_empty() {
                    String::new()
                } else if zh {
                    format!("（是不是 {}？）", suggestions.join("、"))
                } else {
                    format!(" (did you mean {}?)", suggestions.join(", "))
                };
                if zh {
                    format!("没有事项 '{id}'{hint}")
                } else {
                    format!("no item '{id}'{hint}")
                }
            }
            FilterError::Nothing => self
                .pick(
                    "没有同时符合 --section、--owner 和 --item 的事项",
                    "no item matches --section, --owner and --item together",
                )
                .into(),
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
