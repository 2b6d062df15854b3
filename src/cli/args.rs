//! The command line, as clap types. Help texts are bilingual (中文 / English).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use jiff::civil::Date;

use crate::i18n::Lang;

use super::review_cmds::{
    DueArgs, ExportArgs, ImportArgs, LedgerSources, ReviewArgs, RolloverArgs,
};

#[derive(Debug, Parser)]
#[command(
    name = "duty",
    version,
    about = "法治建设第一责任人职责年度清单 / A checklist for annual rule-of-law duties",
    long_about = "duty：记录党政主要负责人履行推进法治建设第一责任人职责的年度台账，并生成年度报告第三部分。\n\
                  不带命令运行时打开交互界面。\n\
                  A year-long ledger of rule-of-law duties; with no command, duty opens the interactive screen.",
    allow_negative_numbers = true
)]
pub struct Cli {
    /// 界面语言 zh|en / UI language
    #[arg(long, global = true, env = "DUTY_LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// 清单文件（默认内置清单或 duty use 设定的清单）/ checklist file
    #[arg(long, global = true, value_name = "FILE")]
    pub checklist: Option<PathBuf>,

    /// 台账数据目录 / where ledgers live
    #[arg(long, global = true, env = "DUTY_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// 年度 / the year
    #[arg(long, global = true, value_name = "YYYY", value_parser = parse_year)]
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
    Validate(ValidateArgs),
    /// 查看进度 / Show progress
    Status(StatusArgs),
    /// 导出默认清单以便修改 / Write the default checklist out to customise
    Init(InitArgs),
    /// 校验并启用一个清单 / Validate a checklist and make it the active one
    Use(UseArgs),
    /// 显示设置、清单、台账和历史的位置 / Show where settings, ledger and history live
    Paths,
    /// 勾选完成一项职责 / Mark a yes/no duty done
    Check(CheckArgs),
    /// 取消勾选 / Mark a yes/no duty not done
    Uncheck(ItemArg),
    /// 登记一次活动（会议、学习）/ Log an occurrence (meeting, study session)
    Log(LogArgs),
    /// 删除一条登记 / Remove a logged entry
    Unlog(UnlogArgs),
    /// 填写比率（分子/分母）/ Record a rate as NUM/DEN
    Rate(RateArgs),
    /// 填写备注（空文本清除）/ Set the note (empty text clears it)
    Note(TextArgs),
    /// 填写佐证材料（空文本清除）/ Set the item's evidence (empty text clears it)
    Evidence(TextArgs),
    /// 撤销上一次修改 / Undo the last change
    Undo,
    /// 查看修改历史 / Show the history of changes
    History(HistoryArgs),
    /// 用备份恢复无法读取的台账 / Restore an unreadable ledger from its backup
    RestoreBackup,
    /// 生成年度报告第三部分草稿 / Draft section three of the annual report
    Summary(super::report_cmds::SummaryArgs),
    /// 导出完成情况台账 / Export the completion ledger for inspectors
    Ledger(super::report_cmds::LedgerArgs),
    /// 年终风险检查：逾期、落后、将到期、缺佐证、未达标 / What is at risk before the year closes
    Review(ReviewArgs),
    /// 列出即将到期事项，供脚本使用（有则退出码 1）/ List what falls due soon, for scripts (exit 1 if any)
    Due(DueArgs),
    /// 由本年度清单生成下一年度清单和空白台账 / Start next year from this year's checklist
    Rollover(RolloverArgs),
    /// 关账：年度台账变为只读 / Close the year: its ledger becomes read-only
    Close,
    /// 重新打开已关账的年度 / Reopen a closed year
    Reopen,
    /// 导出台账，以便在另一台电脑合并 / Export the ledger to merge on another machine
    ExportLedger(ExportArgs),
    /// 校验并合并导出的台账（不覆盖）/ Validate and merge an exported ledger (never overwrites)
    ImportLedger(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// 清单文件 / checklist file
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// 以 JSON 输出 / print JSON
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub sources: LedgerSources,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// 输出文件 / where to write it
    #[arg(long, short, value_name = "FILE", default_value = "duty-checklist.ron")]
    pub output: PathBuf,
    /// 覆盖已有文件 / replace an existing file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct UseArgs {
    /// 清单文件 / checklist file
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ItemArg {
    /// 事项 id / item id
    pub item: String,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 事项 id / item id
    pub item: String,
    /// 完成日期，默认今天 / date done, default today (2024-03-28 or 2024年3月28日)
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<Date>,
    /// 佐证材料 / evidence
    #[arg(long, default_value = "")]
    pub evidence: String,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// 事项 id / item id
    pub item: String,
    /// 日期，默认今天 / date, default today
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<Date>,
    /// 主题 / topic
    #[arg(long)]
    pub topic: String,
    /// 学时（学时类事项必填）/ hours (required for hours items)
    #[arg(long, allow_negative_numbers = true, value_parser = parse_hours)]
    pub hours: Option<f64>,
    /// 佐证材料 / evidence
    #[arg(long, default_value = "")]
    pub evidence: String,
}

#[derive(Debug, Args)]
pub struct UnlogArgs {
    /// 事项 id / item id
    pub item: String,
    /// 登记编号（duty log 输出、duty status --json 或交互界面详情栏中的 #编号）/ entry id
    /// (printed by duty log, in duty status --json, and in the screen's details)
    pub entry: String,
}

#[derive(Debug, Args)]
pub struct RateArgs {
    /// 事项 id / item id
    pub item: String,
    /// 分子/分母，如 46/46 / numerator/denominator
    // Hyphen values reach `parse_fraction`, so `-1/4` gets its own message instead of clap's
    // "unexpected argument".
    #[arg(value_parser = parse_fraction, allow_hyphen_values = true)]
    pub fraction: (u64, u64),
    /// 日期，默认今天 / date, default today
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<Date>,
    /// 佐证材料 / evidence
    #[arg(long, default_value = "")]
    pub evidence: String,
}

#[derive(Debug, Args)]
pub struct TextArgs {
    /// 事项 id / item id
    pub item: String,
    /// 文本（空文本清除）/ text (empty clears)
    pub text: String,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// 只看此事项 / only this item
    pub item: Option<String>,
}

/// A value the command line refused, said in both languages: `usage` shows the Chinese,
/// clap (for `--lang en`) the English. Neither repeats the value; the heading names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub zh: String,
    pub en: String,
}

impl Refused {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Refused {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Refused {}

fn parse_lang(s: &str) -> Result<Lang, Refused> {
    // An empty DUTY_LANG means "not chosen", not a mistake.
    if s.trim().is_empty() {
        return Ok(Lang::default());
    }
    s.parse()
        .map_err(|_| Refused::new("应为 zh（中文）或 en（英文）", "expected zh or en"))
}

/// A year from 2000 to 2100, as checklists allow.
pub fn parse_year(s: &str) -> Result<i16, Refused> {
    s.trim()
        .parse::<i16>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .ok_or_else(|| {
            Refused::new(
                "应为 2000 到 2100 之间的年份",
                "expected a year from 2000 to 2100",
            )
        })
}

/// `2024-03-28` or `2024年3月28日`.
pub fn parse_date_arg(s: &str) -> Result<Date, Refused> {
    crate::date::parse_date(s).ok_or_else(|| {
        if crate::date::no_such_day(s) {
            Refused::new(
                "没有这一天，请核对月和日",
                "that day does not exist; check the month and day",
            )
        } else {
            Refused::new(
                "不是日期，应写作 2024-03-28 或 2024年3月28日",
                "not a date; expected e.g. 2024-03-28 or 2024年3月28日",
            )
        }
    })
}

/// Hours of one session: a number above 0.
fn parse_hours(s: &str) -> Result<f64, Refused> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|h| h.is_finite())
        .ok_or_else(|| {
            Refused::new(
                "应为学时数，如 2 或 1.5",
                "expected a number of hours, e.g. 2 or 1.5",
            )
        })
}

/// `46/50`: two whole numbers, the second above zero and not below the first.
pub fn parse_fraction(s: &str) -> Result<(u64, u64), Refused> {
    let bad = || {
        Refused::new(
            "应写作 分子/分母，均为整数，如 46/50",
            "expected NUM/DEN with whole numbers, e.g. 46/50",
        )
    };
    let (n, d) = s.trim().split_once(['/', '／']).ok_or_else(bad)?;
    if [n, d].iter().any(|part| part.trim_start().starts_with('-')) {
        return Err(Refused::new(
            "比率不能为负数，应写作 分子/分母，如 46/50",
            "a rate cannot be negative; expected NUM/DEN, e.g. 46/50",
        ));
    }
    let n: u64 = n.trim().parse().map_err(|_| bad())?;
    let d: u64 = d.trim().parse().map_err(|_| bad())?;
    if d == 0 || n > d {
        return Err(Refused::new(
            "分母须大于 0，且分子不能大于分母",
            "the denominator must be above 0 and not below the numerator",
        ));
    }
    Ok((n, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn fractions() {
        assert_eq!(parse_fraction("46/50"), Ok((46, 50)));
        assert_eq!(parse_fraction(" 3 ／ 4 "), Ok((3, 4)));
        assert!(parse_fraction("5/4").is_err());
        assert!(parse_fraction("1/0").is_err());
        assert!(parse_fraction("-1/4").unwrap_err().en.contains("negative"));
        assert!(parse_fraction("1 / -4").unwrap_err().zh.contains("负数"));
        assert!(parse_fraction("1.5/4").is_err());
    }
}
