//! Words for checking the store of evidence (`duty verify`: what is missing, altered, not
//! referred to, and what to do) and cleaning it up (`duty clean`).

use super::super::Words;
use super::show;
use crate::evidence::audit::{CleanPlan, Reference, Verification};
use crate::pack::index::{short_hash as short, size_text};

/// The command that attaches a referred-to file again: `duty attach ITEM [--entry ID] NAME
/// --year YEAR`, the name quoted for a shell when it needs it.
fn reattach(r: &Reference) -> String {
    let entry = r
        .file
        .entry
        .as_ref()
        .map_or_else(String::new, |e| format!(" --entry {e}"));
    format!(
        "    duty attach {}{entry} {} --year {}",
        r.item,
        shell_word(&r.file.name),
        r.year
    )
}

/// A word as a shell takes it: as it is when it holds nothing a shell treats specially,
/// else in double quotes (after `./` when it starts with `-`) with `"`, `\`, `$` and `` ` `` escaped.
fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+' | ',' | '@' | '%' | '/')
        })
        && !s.starts_with('-');
    if plain {
        return s.to_string();
    }
    // A name starting with `-` would be taken for an option.
    let s = &if s.starts_with('-') {
        format!("./{s}")
    } else {
        s.to_string()
    };
    let mut out = String::from("\"");
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

impl Words {
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
            out.push(self.pick("  处理：找到原文件，用下面的命令重新附上（同一文件会补回库中；原文件不在当前文件夹时写出其路径）；找不到时用 duty detach 取下该引用：", "  To do: find the original and attach it again with the command below (the same file puts it back; give its path if it is not in the current folder); if it is lost, take the reference off with duty detach:").into());
            out.extend(v.missing.iter().map(reattach));
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
            let refs: Vec<&Reference> = v.changed.iter().flat_map(|(_, who)| who).collect();
            if refs.is_empty() {
                out.push(
                    self.pick(
                        "  处理：这些文件无引用，运行 duty clean 清理。",
                        "  To do: nothing refers to them; duty clean removes them.",
                    )
                    .into(),
                );
            } else {
                out.push(self.pick("  处理：用下面的命令重新附上原文件（原文件不在当前文件夹时写出其路径），库中的坏副本会被替换：", "  To do: attach the original again with the command below (give its path if it is not in the current folder); the bad copy is replaced:").into());
                out.extend(refs.into_iter().map(reattach));
            }
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
}
