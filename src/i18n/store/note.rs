//! Words for what was noticed about a ledger's files while reading it (a cut-off last line,
//! a snapshot rebuilt or brought up to date, an old format upgraded) and went on.

use super::super::Words;
use super::show;
use crate::store::{Note, StoreError};

impl Words {
    pub fn note(self, n: &Note) -> String {
        let zh = self.zh();
        match n {
            Note::TornTail { journal } => {
                if zh {
                    format!(
                        "注意：修改日志“{}”最后一行不完整（上次保存时被中断，那次修改未完成），已忽略；下次修改时会清除。",
                        show(journal)
                    )
                } else {
                    format!(
                        "note: the last line of the journal '{}' is incomplete (a save was interrupted before it finished); it was ignored and is cleared at the next change.",
                        show(journal)
                    )
                }
            }
            Note::Rebuilt {
                ledger,
                damage: None,
            } => {
                if zh {
                    format!(
                        "注意：台账文件“{}”不见了，已由修改日志重建；下次修改时重新写出。",
                        show(ledger)
                    )
                } else {
                    format!(
                        "note: the ledger file '{}' was missing and was rebuilt from the journal; it is written again at the next change.",
                        show(ledger)
                    )
                }
            }
            Note::Rebuilt {
                ledger,
                damage: Some((damage, at)),
            } => {
                let what = format!("{}{}", self.at(*at), self.damage(damage));
                if zh {
                    format!(
                        "注意：台账文件“{}”无法读取（{what}），已由修改日志重建，未丢失任何记录；下次修改时损坏的文件另存为 .damaged-N 并重新写出（也可运行 duty repair）。",
                        show(ledger)
                    )
                } else {
                    format!(
                        "note: the ledger file '{}' cannot be read ({what}); it was rebuilt from the journal and nothing is lost. At the next change (or with 'duty repair') the damaged file is kept aside as .damaged-N and written again.",
                        show(ledger)
                    )
                }
            }
            Note::RebuiltInPart {
                ledger,
                journal,
                bad,
            } => {
                let damaged = self.bad_line(journal, bad);
                if zh {
                    format!(
                        "注意：台账文件“{}”不见了或无法读取，只能由修改日志重建，而{damaged}。\n下面显示的是第 {} 行之前记下的内容，之后的修改没有计入。为免记错，修改和撤销已暂停。\n运行 duty repair：损坏的文件另存为 .damaged-N，损坏处之后仍能读出、且与台账相符的修改补回台账，\n其余的仍保存在另存的日志中，可对照重新登记。",
                        show(ledger),
                        bad.line
                    )
                } else {
                    format!(
                        "note: the ledger file '{}' is missing or cannot be read, so the ledger is rebuilt from its journal, but {damaged}.\nWhat is shown is what was recorded before line {}; later changes are not in it. Changes and undo wait, so that nothing is recorded on a wrong footing.\nRun duty repair: the damaged files are kept aside as .damaged-N, the later changes that can still be read and fit are carried over,\nand the rest stay in the kept journal to be entered again.",
                        show(ledger),
                        bad.line
                    )
                }
            }
            Note::Blocked(blocker) => {
                let e = match blocker {
                    crate::store::Blocker::Damaged { journal, bad } => StoreError::JournalDamaged {
                        path: journal.clone(),
                        bad: bad.clone(),
                    },
                    crate::store::Blocker::Foreign { journal, ledger } => {
                        StoreError::ForeignJournal {
                            journal: journal.clone(),
                            ledger: ledger.clone(),
                        }
                    }
                };
                format!("{}{}", self.pick("注意：", "note: "), self.store_error(&e))
            }
            Note::JournalMissing { journal } => {
                if zh {
                    format!(
                        "注意：修改日志“{}”不见了；台账照常可用，下次修改时重新开始记录（之前的修改不能再撤销）。",
                        show(journal)
                    )
                } else {
                    format!(
                        "note: the journal '{}' is missing; the ledger works as before and recording starts again at the next change (earlier changes can no longer be undone).",
                        show(journal)
                    )
                }
            }
            Note::SnapshotNotWritten { ledger, reason } => {
                if zh {
                    format!(
                        "注意：修改已保存在修改日志中，但台账文件“{}”未能更新（{reason}）；下次打开时会自动补上。",
                        show(ledger)
                    )
                } else {
                    format!(
                        "note: the change is saved in the journal, but the ledger file '{}' could not be updated ({reason}); it is brought up to date the next time it is opened.",
                        show(ledger)
                    )
                }
            }
        }
    }
}
