//! Words for `duty repair`: what was rebuilt from what, where the damaged files are kept, and
//! what the ledger holds afterwards.

use super::super::Words;

impl Words {
    pub fn repaired(
        self,
        r: &crate::store::Repaired,
        ledger: &std::path::Path,
        journal: &std::path::Path,
    ) -> String {
        use crate::store::Repaired;
        let (l, j) = (ledger.display(), journal.display());
        let kept = |aside: &Option<std::path::PathBuf>| match (aside, self.zh()) {
            (Some(p), true) => format!("；原文件另存为 {}", p.display()),
            (Some(p), false) => format!("; the damaged file is kept as {}", p.display()),
            (None, _) => String::new(),
        };
        match (r, self.zh()) {
            (Repaired::SnapshotRebuilt { aside, .. }, true) => {
                format!("已由修改日志重建台账 {l}{}", kept(aside))
            }
            (Repaired::SnapshotRebuilt { aside, .. }, false) => {
                format!("Rebuilt the ledger {l} from its journal{}", kept(aside))
            }
            (
                Repaired::RebuiltInPart {
                    snapshot_aside,
                    journal_aside,
                    carried,
                    left,
                    ..
                },
                true,
            ) => format!(
                "{}损坏的修改日志另存为 {}；已由日志损坏处之前的记录重建台账 {l}，损坏处之后的 {carried} 条修改已补回{}；\
                 从现在起重新记录在 {j}（之前的修改不能再撤销）",
                match snapshot_aside {
                    Some(p) => format!("无法读取的台账文件另存为 {}，", p.display()),
                    None => String::new(),
                },
                journal_aside.display(),
                match left {
                    0 => String::new(),
                    n => format!(
                        "；另有 {n} 条无法读出或与台账不符，未补回，请对照另存的日志重新登记"
                    ),
                }
            ),
            (
                Repaired::RebuiltInPart {
                    snapshot_aside,
                    journal_aside,
                    carried,
                    left,
                    ..
                },
                false,
            ) => format!(
                "{}the damaged journal is kept as {}; the ledger {l} is rebuilt from the records before the damage, \
                 and {carried} change(s) recorded after it were carried over{}; recording starts again in {j} (earlier changes can no longer be undone)",
                match snapshot_aside {
                    Some(p) => format!("The unreadable ledger file is kept as {}; ", p.display()),
                    None => String::new(),
                },
                journal_aside.display(),
                match left {
                    0 => String::new(),
                    n => format!(
                        "; {n} more could not be read or do not fit and were not carried over: enter them again from the kept journal"
                    ),
                }
            ),
            (Repaired::JournalRestarted { aside, .. }, true) => format!(
                "原修改日志另存为 {}；已从当前台账重新开始记录 {j}（之前的修改仍可在另存的文件中查看，但不能再撤销）",
                aside.display()
            ),
            (Repaired::JournalRestarted { aside, .. }, false) => format!(
                "The old journal is kept as {}; recording starts again in {j} from the ledger as it stands (earlier changes can be read in the kept file but no longer undone)",
                aside.display()
            ),
            (Repaired::FromBackup { aside, .. }, true) => {
                format!("已用旧版 duty 的备份和修改历史恢复台账 {l}{}", kept(aside))
            }
            (Repaired::FromBackup { aside, .. }, false) => format!(
                "Restored the ledger {l} from the backup and history an earlier duty kept{}",
                kept(aside)
            ),
        }
    }

    pub fn repaired_holds(self, items: usize, seq: u64) -> String {
        if self.zh() {
            format!("台账现有 {items} 个事项有记录，共 {seq} 次修改。")
        } else {
            format!("The ledger now holds records for {items} item(s), after {seq} change(s).")
        }
    }
}
