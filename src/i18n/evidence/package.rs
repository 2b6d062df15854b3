//! Words for the inspector's package: what `duty pack` wrote, and which items a
//! `--section`/`--owner`/`--item` filter could not find.

use std::path::Path;

use super::super::Words;
use super::show;
use crate::evidence::package::PackOutcome;
use crate::pack::FilterError;
use crate::pack::index::size_text;

impl Words {
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
