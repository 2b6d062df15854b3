//! `duty pack -o 2025佐证材料.zip` (or a folder): the inspector's package of the year's
//! evidence, or the part `--section`, `--owner` and `--item` ask for.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::fail;
use crate::cli::commands::read_local;
use crate::cli::error::{CmdResult, Failure};
use crate::cli::output::Out;
use crate::evidence::package::PackError;
use crate::pack::Filter;
use crate::session::Session;
use crate::store::evidence::PackTarget;

#[derive(Debug, Args)]
#[command(after_help = "例 / examples:\n  \
    duty pack -o 2025佐证材料.zip\n  \
    duty pack -o 办公室佐证 --owner 办公室        （写成文件夹 / a folder）\n  \
    duty pack -o 学法.zip --section study --item center-group")]
pub struct PackArgs {
    /// 输出：以 .zip 结尾写成压缩包，否则写成新文件夹 / where to write: a .zip, else a new folder
    #[arg(long, short, value_name = "PATH")]
    pub output: PathBuf,
    /// 只打包这些栏目（id 或名称，可重复）/ only these sections (id or title; repeatable)
    #[arg(long, value_name = "SECTION")]
    pub section: Vec<String>,
    /// 只打包这些责任科室的事项（可写科室名的一部分，可重复）/ only these offices' items (part of a name will do; repeatable)
    #[arg(long, value_name = "OFFICE")]
    pub owner: Vec<String>,
    /// 只打包这些事项（id、编号或标题，可重复）/ only these items (id, number or title; repeatable)
    #[arg(long, value_name = "ITEM")]
    pub item: Vec<String>,
    /// 覆盖已有的 zip / replace an existing zip
    #[arg(long)]
    pub force: bool,
}

pub fn pack(s: &Session, a: PackArgs, out: &mut Out) -> CmdResult {
    let mut a = a;
    // Offices and items as the officer names them elsewhere: part of an office's name, an
    // item's id, number or title. An office named by nothing is left for the filter to refuse
    // with the list of offices.
    for owner in &mut a.owner {
        if let Ok(full) = s.checklist.owner(owner) {
            *owner = full.to_string();
        }
    }
    for item in &mut a.item {
        *item = s.find_item(item)?.id.clone();
    }
    let ledger = read_local(s)?;
    let zip = a
        .output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    let target = if zip {
        PackTarget::Zip(a.output.clone())
    } else {
        PackTarget::Folder(a.output.clone())
    };
    let sep = s.lang.pick("；", "; ");
    let mut part = Vec::new();
    for (label, list) in [
        (s.lang.pick("栏目 ", "sections "), &a.section),
        (s.lang.pick("责任科室 ", "owners "), &a.owner),
        (s.lang.pick("事项 ", "items "), &a.item),
    ] {
        if !list.is_empty() {
            part.push(format!("{label}{}", list.join(s.lang.pick("、", ", "))));
        }
    }
    let filter = Filter {
        sections: a.section,
        owners: a.owner,
        items: a.item,
    };
    match s.pack(&ledger, &filter, &part.join(sep), &target, a.force) {
        Ok(outcome) => {
            writeln!(out, "{}", s.words().packed(&a.output, &outcome))?;
            Ok(())
        }
        Err(PackError::Filter(e)) => Err(Failure::Usage(s.words().filter_error(&e))),
        Err(PackError::Evidence(e)) => Err(fail(s, e)),
    }
}
