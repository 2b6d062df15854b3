//! Words for an item's files: attaching and taking them off, listing them (`duty evidence`,
//! the file counts of `duty status`), opening one, and several attached at once as the
//! history says it.

use std::ffi::OsStr;
use std::path::Path;

use super::super::Words;
use super::show;
use crate::evidence::AttachedFile;
use crate::ledger::Attachment;
use crate::pack::index::{short_hash as short, size_text};
use crate::store::evidence::{EntryRef, Presence};

impl Words {
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
            // `#czie9n 已附有`: an id is set off from the Chinese that follows it.
            (true, true) if a.entry.is_some() => format!("{to} 已附有“{}”", a.name),
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

    /// A logged session by its id, date and topic: `7vkysi（3月5日 学习《宪法》）` /
    /// `7vkysi (2024-03-05, Studying the Constitution)`.
    pub fn entry_label(self, e: &EntryRef) -> String {
        if self.zh() {
            format!(
                "{}（{}月{}日 {}）",
                e.id,
                e.date.month(),
                e.date.day(),
                e.topic
            )
        } else {
            format!("{} ({}, {})", e.id, self.date(e.date), e.topic)
        }
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

    /// A file opened for `duty open` and the screen, naming the program `DUTY_OPENER` set.
    pub fn opened(self, name: &str, copy: &Path) -> String {
        self.opened_by(name, copy, crate::evidence::opener().as_deref())
    }

    /// A file opened by `program` (`None`: the system's viewer).
    pub fn opened_by(self, name: &str, copy: &Path, program: Option<&OsStr>) -> String {
        let program = program.map(|p| p.to_string_lossy());
        match (program, self.zh()) {
            (None, true) => format!("已用系统程序打开“{name}”（只读副本：{}）", show(copy)),
            (None, false) => format!(
                "Opened '{name}' with the system's viewer (read-only copy: {})",
                show(copy)
            ),
            (Some(p), true) => format!(
                "已用 {p} 打开“{name}”（由 DUTY_OPENER 指定；只读副本：{}）",
                show(copy)
            ),
            (Some(p), false) => format!(
                "Opened '{name}' with {p} (set by DUTY_OPENER; read-only copy: {})",
                show(copy)
            ),
        }
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
}
