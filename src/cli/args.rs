//! The command line as clap types: the global options and the list of commands. Each
//! command's own options live beside it in `commands`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::commands::{
    evidence, exchange, history, overview, record, report, review, setup, spreadsheet, status,
    submit, year,
};
use super::parse;
use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "duty",
    version,
    about = "法治建设第一责任人职责年度清单 / A checklist for annual rule-of-law duties",
    allow_negative_numbers = true
)]
pub struct Cli {
    /// 界面语言 zh|en / UI language
    #[arg(long, global = true, env = "DUTY_LANG", value_parser = parse::lang)]
    pub lang: Option<Lang>,

    /// 清单文件（默认内置清单或 duty use 设定的清单）/ checklist file
    #[arg(long, global = true, value_name = "FILE")]
    pub checklist: Option<PathBuf>,

    /// 台账数据目录 / where ledgers live
    #[arg(long, global = true, env = "DUTY_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// 年度 / the year
    #[arg(long, global = true, value_name = "YYYY", value_parser = parse::year)]
    pub year: Option<i16>,

    /// 用 ASCII 字符画边框 / draw borders with ASCII characters
    #[arg(long, global = true)]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 校验清单文件 / Validate a checklist file
    Validate(setup::ValidateArgs),
    /// 查看进度 / Show progress
    Status(status::StatusArgs),
    /// 导出默认清单以便修改 / Write the default checklist out to customise
    Init(setup::InitArgs),
    /// 校验并启用一个清单 / Validate a checklist and make it the active one
    Use(setup::UseArgs),
    /// 显示设置、清单、台账和修改日志的位置 / Show where settings, ledger and journal live
    Paths,
    /// 查看或修改设置：记录人姓名、语言、边框 / Show or change the settings: your name, language, borders
    Settings(setup::SettingsArgs),
    /// 勾选完成一项职责 / Mark a yes/no duty done
    Check(record::CheckArgs),
    /// 取消勾选 / Mark a yes/no duty not done
    Uncheck(record::UncheckArgs),
    /// 登记一次活动（会议、学习）/ Log an occurrence (meeting, study session)
    Log(record::LogArgs),
    /// 删除一条登记 / Remove a logged entry
    Unlog(record::EntryArg),
    /// 修改一条登记（日期、主题、学时、佐证），编号不变 / Correct a logged entry, keeping its id
    Edit(record::EditArgs),
    /// 填写比率（分子/分母）/ Record a rate as NUM/DEN
    Rate(record::RateArgs),
    /// 填写备注（空文本清除）/ Set the note (empty text clears it)
    Note(record::TextArgs),
    /// 列出佐证文件；给出文字时填写佐证材料文字（空文本清除）/ List files kept as evidence; with text, set the item's evidence text
    Evidence(evidence::EvidenceArgs),
    /// 附上佐证文件（扫描件、签到表、照片……）/ Attach files as evidence (scans, sign-in sheets, photos …)
    Attach(evidence::AttachArgs),
    /// 取下一个佐证文件（历史中保留）/ Take a file off an item (the history keeps it)
    Detach(evidence::DetachArgs),
    /// 用系统程序打开一个佐证文件 / Open a kept file with the system's viewer
    Open(evidence::OpenArgs),
    /// 重新校验佐证材料库：缺失、改动、无引用的文件 / Re-hash the evidence store: missing, changed, orphaned files
    Verify,
    /// 清理没有任何台账引用的佐证文件（先列出，确认后删除）/ Remove stored files nothing refers to (listed first)
    Clean(evidence::CleanArgs),
    /// 按栏目和事项打包佐证材料（zip 或文件夹），附索引和校验值 / Pack the evidence by section and item, with an index and checksums
    Pack(evidence::pack::PackArgs),
    /// 由单位的任务表格（xlsx/csv）生成清单草稿 / Turn an office's task spreadsheet into a checklist draft
    ImportChecklist(spreadsheet::ImportChecklistArgs),
    /// 由表格（csv/xlsx）一次登记多次活动 / Log many sessions at once from a spreadsheet
    ImportEntries(spreadsheet::ImportEntriesArgs),
    /// 撤销上一次修改 / Undo the last change
    Undo,
    /// 重做刚撤销的修改 / Redo the change just undone
    Redo,
    /// 查看修改历史 / Show the history of changes
    History(history::HistoryArgs),
    /// 修复损坏的台账或修改日志（不删除任何文件）/ Repair a damaged ledger or journal (deletes nothing)
    #[command(alias = "restore-backup")]
    Repair,
    /// 生成年度报告第三部分草稿 / Draft section three of the annual report
    Summary(report::ExportArgs),
    /// 导出完成情况台账 / Export the completion ledger for inspectors
    Ledger(report::ExportArgs),
    /// 生成主要负责人年度述法报告草稿 / Draft the principal leader's annual report on rule-of-law duties
    #[command(alias = "leader-report")]
    Shufa(report::ExportArgs),
    /// 年终风险检查：逾期、落后、将到期、缺佐证、未达标 / What is at risk before the year closes
    Review(review::ReviewArgs),
    /// 列出即将到期事项，供脚本使用（有则退出码 1）/ List what falls due soon, for scripts (exit 1 if any)
    Due(status::DueArgs),
    /// 由本年度清单生成下一年度清单和空白台账 / Start next year from this year's checklist
    Rollover(year::RolloverArgs),
    /// 关账：年度台账变为只读 / Close the year: its ledger becomes read-only
    Close,
    /// 重新打开已关账的年度 / Reopen a closed year
    Reopen,
    /// 导出台账，以便在另一台电脑合并 / Export the ledger to merge on another machine
    ExportLedger(exchange::ExportArgs),
    /// 校验并合并导出的台账（不覆盖）/ Validate and merge an exported ledger (never overwrites)
    ImportLedger(exchange::ImportArgs),
    /// 生成本单位报送文件（清单、台账、校验和），交汇总单位 / Write the one file the unit sends to the collecting office
    Submit(submit::SubmitArgs),
    /// 汇总各单位报送文件：风险排序、矩阵、通报草稿 / The collecting office's overview of the units' files
    Overview(overview::OverviewArgs),
    /// 输出命令补全脚本：bash、zsh、fish、powershell / Print a shell completion script
    Completions(CompletionsArgs),
    /// 输出使用手册（man 格式，如 duty man > duty.1）/ Print the manual page (man format)
    Man,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// shell 类型 / the shell
    #[arg(value_enum)]
    pub shell: super::manual::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
