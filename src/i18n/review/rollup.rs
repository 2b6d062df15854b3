//! Words for a roll-up's disagreements: what differs between the ledgers combined, and
//! which value was kept.

use super::super::Words;
use crate::review::rollup::{Conflict, ConflictField};

impl Words {
    /// `center-group 完成日期不一致：a.ron 2024-03-01（采用）；b.ron 2024-03-05`; `sources`
    /// names the ledgers by index.
    pub(crate) fn conflict(self, c: &Conflict, sources: &[String]) -> String {
        let what = match c.field {
            ConflictField::DoneDate => self.pick("完成日期不一致", "done on different dates"),
            ConflictField::DoneEvidence => {
                self.pick("完成佐证不一致", "done with different evidence")
            }
            ConflictField::Entry => self.pick(
                "同一编号的登记内容不一致",
                "same entry id, different content",
            ),
            ConflictField::Rate => self.pick("比率数字不一致", "different figures for the rate"),
            ConflictField::Note => self.pick("备注不一致", "different notes"),
            ConflictField::Evidence => self.pick("佐证材料不一致", "different evidence"),
            ConflictField::Mismatch => self.pick(
                "台账不属于本清单或本年度，未合并",
                "ledger of another checklist or year, left out",
            ),
        };
        let name = |i: usize| {
            sources
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("#{}", i + 1))
        };
        let values: Vec<String> = c
            .values
            .iter()
            .enumerate()
            .map(|(n, (src, v))| {
                let kept = if n == 0 && c.field != ConflictField::Mismatch {
                    self.pick("（采用）", " (kept)")
                } else {
                    ""
                };
                format!("{} {}{kept}", name(*src), v)
            })
            .collect();
        let item = if c.item.is_empty() {
            String::new()
        } else {
            format!("{} ", c.item)
        };
        format!(
            "{item}{what}{}{}",
            self.pick("：", ": "),
            values.join(self.pick("；", "; "))
        )
    }
}
