//! Words for changes to the ledger that were refused, and the names of kinds and fields.

use jiff::civil::Date;

use super::Words;
use crate::checklist::KindTag;
use crate::ledger::rules::MAX_ENTRY_HOURS;
use crate::ledger::{ChangeError, Field};
use crate::text::dates::{chinese, iso};

impl Words {
    /// A date as this language writes it: `2024年3月28日` / `2024-03-28`.
    pub fn date(self, d: Date) -> String {
        if self.zh() { chinese(d) } else { iso(d) }
    }

    /// The kind's name: `计次类事项` / `counted target`.
    pub fn kind(self, kind: KindTag) -> &'static str {
        match kind {
            KindTag::Task => self.pick("是否完成类事项", "yes/no duty"),
            KindTag::Count => self.pick("计次类事项", "counted target"),
            KindTag::Rate => self.pick("比率类事项", "rate target"),
            KindTag::Hours => self.pick("学时类事项", "hours target"),
        }
    }

    pub fn field(self, field: Field) -> &'static str {
        match field {
            Field::Topic => self.pick("主题", "topic"),
            Field::Evidence => self.pick("佐证材料", "evidence"),
            Field::Note => self.pick("备注", "note"),
            Field::FileName => self.pick("文件名", "file name"),
            Field::Presided => self.pick("主持人", "presided by"),
            Field::Attended => self.pick("参加人员", "attended by"),
        }
    }

    /// How far off a due date is: `逾期12天`, `今天到期`, `3天后到期` / `12 days overdue`,
    /// `due today`, `due in 3 days`. One wording for every list and report.
    pub fn due_in(self, days_left: i64) -> String {
        let plural = |n: i64| if n == 1 { "" } else { "s" };
        match (self.zh(), days_left) {
            (true, d) if d < 0 => format!("逾期{}天", -d),
            (true, 0) => "今天到期".to_string(),
            (true, d) => format!("{d}天后到期"),
            (false, d) if d < 0 => format!("{} day{} overdue", -d, plural(-d)),
            (false, 0) => "due today".to_string(),
            (false, d) => format!("due in {d} day{}", plural(d)),
        }
    }

    /// Why a date could not be read, quoting what was written.
    pub fn date_error(self, written: &str, e: &crate::text::dates::DateError) -> String {
        use crate::text::dates::DateError;
        match (e, self.zh()) {
            (DateError::NotADate, true) => format!(
                "“{written}”不是日期；可写作 2025-03-28、2025年3月28日、3月28日、3/28、20250328、今天、昨天"
            ),
            (DateError::NotADate, false) => format!(
                "'{written}' is not a date; write e.g. 2025-03-28, 2025年3月28日, 3/28, 20250328, today or yesterday"
            ),
            (DateError::NoSuchDay, true) => format!("“{written}”：没有这一天，请核对月和日"),
            (DateError::NoSuchDay, false) => {
                format!("'{written}': that day does not exist; check the month and day")
            }
            (DateError::WhichYear { first, second }, true) => format!(
                "“{written}”可能是 {} 或 {}（两天都已过去）；请写明年份",
                self.date(*first),
                self.date(*second)
            ),
            (DateError::WhichYear { first, second }, false) => format!(
                "'{written}' could be {} or {} (both have passed); give the year",
                self.date(*first),
                self.date(*second)
            ),
        }
    }

    pub fn change_error(self, e: &ChangeError) -> String {
        let zh = self.zh();
        match e {
            ChangeError::UnknownItem { id, suggestions } => {
                let mut m = if zh {
                    format!("清单中没有事项“{id}”")
                } else {
                    format!("no item '{id}' in the checklist")
                };
                if !suggestions.is_empty() {
                    let list = suggestions.join(self.pick("”、“", "', '"));
                    m.push_str(&if zh {
                        format!("；是否想找“{list}”？")
                    } else {
                        format!("; did you mean '{list}'?")
                    });
                }
                m
            }
            ChangeError::AmbiguousItem { name, matches } => {
                let list = matches
                    .iter()
                    .map(|(n, id, title)| format!("{n} {title}（{id}）"))
                    .collect::<Vec<_>>()
                    .join(self.pick("；", "; "));
                if zh {
                    format!("“{name}”对应多个事项：{list}；请写得更完整，或用编号、id")
                } else {
                    format!("'{name}' matches several items: {list}; say more, or use the number or id")
                }
            }
            ChangeError::WrongKind { item, kind, wanted } => {
                let wanted: Vec<_> = wanted.iter().map(|k| self.kind(*k)).collect();
                if zh {
                    format!(
                        "事项“{item}”属于{}，此命令只适用于{}",
                        self.kind(*kind),
                        wanted.join("或")
                    )
                } else {
                    format!(
                        "item '{item}' is a {}; this command is for {} items",
                        self.kind(*kind),
                        wanted.join(" or ")
                    )
                }
            }
            ChangeError::DateOutside { date, from, to } => {
                let (day, first, last, year) = (iso(*date), iso(*from), iso(*to), from.year());
                let mut m = if zh {
                    format!("日期 {day} 不在 {year} 年度范围内（{first} 至 {last}）")
                } else {
                    format!("date {day} is outside {year} ({first} to {last})")
                };
                // Most often last year's work, recorded in the new year before the report.
                if date < from {
                    let y = date.year();
                    m.push_str(&if zh {
                        format!("；如要记入 {y} 年度，请切换到该年度（命令行加 --year {y}，界面按 y）")
                    } else {
                        format!("; to record it in {y}, switch to that year (--year {y}, or y on the screen)")
                    });
                }
                m
            }
            ChangeError::InFuture { date, today } => {
                if zh {
                    format!("日期 {} 晚于今天（{}）：请在活动完成后再登记", iso(*date), iso(*today))
                } else {
                    format!("date {} is after today ({}); record it once it has happened", iso(*date), iso(*today))
                }
            }
            ChangeError::EmptyTopic => self.pick("主题不能为空", "the topic must not be empty").into(),
            ChangeError::UnsafeText { field, ch } => {
                let field = self.field(*field);
                let code = *ch as u32;
                if zh {
                    format!("{field}含有控制字符或方向控制符 U+{code:04X}，不能保存；请删去后重试")
                } else {
                    format!("the {field} contains control character U+{code:04X}; remove it and try again")
                }
            }
            ChangeError::HoursRequired { item } => {
                if zh {
                    format!("事项“{item}”按学时计，请用 --hours 填写学时")
                } else {
                    format!("item '{item}' counts hours; give them with --hours")
                }
            }
            ChangeError::HoursNotHere { item } => {
                if zh {
                    format!("事项“{item}”按次数计，不记学时；请去掉 --hours")
                } else {
                    format!("item '{item}' counts occurrences, not hours; leave out --hours")
                }
            }
            ChangeError::BadHours { hours } => {
                let max = MAX_ENTRY_HOURS;
                match (zh, *hours < 0.0) {
                    (true, true) => format!("学时“{hours}”是负数；学时应大于 0 且不超过 {max}"),
                    (false, true) => format!("hours '{hours}' are negative; expected more than 0 and at most {max}"),
                    (true, false) => format!("学时“{hours}”无效，应大于 0 且不超过 {max}"),
                    (false, false) => format!("hours '{hours}' are invalid; expected more than 0 and at most {max}"),
                }
            }
            ChangeError::BadRate { numerator, denominator } => {
                if zh {
                    format!("比率“{numerator}/{denominator}”无效：分子不能大于分母（本年度无此类情况请写 0/0）")
                } else {
                    format!("rate '{numerator}/{denominator}' is invalid: the numerator must be at most the denominator (for a year with no cases write 0/0)")
                }
            }
            ChangeError::NotChecked { item } => {
                if zh {
                    format!("事项“{item}”尚未勾选，无需取消")
                } else {
                    format!("item '{item}' is not checked")
                }
            }
            ChangeError::NoSuchEntry { item, entry, known } => {
                let known = if known.is_empty() {
                    self.pick("（无记录）", "(none)").to_string()
                } else {
                    known.join(", ")
                };
                if zh {
                    format!("事项“{item}”没有编号为“{entry}”的记录；现有记录：{known}")
                } else {
                    format!("item '{item}' has no entry '{entry}'; its entries: {known}")
                }
            }
            ChangeError::SameRate { item, numerator, denominator, date } => {
                self.same_rate(item, *numerator, *denominator, *date)
            }
            ChangeError::NothingToEdit { item, entry } => {
                if zh {
                    format!("事项“{item}”的记录 {entry} 没有变化：请给出要改的内容（--date、--topic、--hours 或 --evidence）")
                } else {
                    format!("entry {entry} of '{item}' would stay as it is: give what to change (--date, --topic, --hours or --evidence)")
                }
            }
            ChangeError::Closed { year } => {
                if zh {
                    format!("{year} 年度已关账，台账只读；如需修改请先运行 duty reopen --year {year}")
                } else {
                    format!("the year {year} is closed and its ledger is read-only; run 'duty reopen --year {year}' to change it")
                }
            }
            ChangeError::NotClosed { year } => {
                if zh { format!("{year} 年度并未关账") } else { format!("the year {year} is not closed") }
            }
            ChangeError::AlreadyClosed { year } => {
                if zh { format!("{year} 年度已经关账") } else { format!("the year {year} is already closed") }
            }
            ChangeError::EmptyFileName => self.pick("文件名不能为空", "the file name must not be empty").into(),
            ChangeError::AlreadyAttached { item, name } => {
                if zh {
                    format!("事项“{item}”已附有同一文件（{name}），未重复添加")
                } else {
                    format!("item '{item}' already keeps this file ({name}); it was not added twice")
                }
            }
            ChangeError::NoSuchFile { item, file, known } => {
                let known = if known.is_empty() {
                    self.pick("（无附件）", "(none)").to_string()
                } else {
                    known.join(", ")
                };
                if zh {
                    format!("事项“{item}”没有哈希以“{file}”开头的附件；现有附件：{known}")
                } else {
                    format!("item '{item}' has no file whose hash starts with '{file}'; its files: {known}")
                }
            }
            ChangeError::AmbiguousFile { item, file } => {
                if zh {
                    format!("事项“{item}”有多个附件的哈希以“{file}”开头；请多写几位")
                } else {
                    format!("several files of '{item}' have hashes starting with '{file}'; give more of it")
                }
            }
            ChangeError::EntryHasFiles { item, entry, files } => {
                if zh {
                    format!("登记 #{entry} 附有 {files} 个文件，不能删除；请先用 duty detach {item} 取下这些文件（duty evidence {item} 可查看）")
                } else {
                    format!("entry #{entry} keeps {files} file(s) and cannot be removed; take them off first with duty detach {item} (duty evidence {item} lists them)")
                }
            }
            ChangeError::FileNotKept { item, name } => {
                if zh {
                    format!("文件“{name}”已被清理，不能再附回事项“{item}”；请用 duty attach {item} 原文件 重新附上")
                } else {
                    format!("the file '{name}' was cleaned up and cannot be put back on '{item}'; attach the original again with duty attach {item} FILE")
                }
            }
            ChangeError::NothingToUndo => self.pick("没有可以撤销的修改", "there is nothing to undo").into(),
            ChangeError::NothingToRedo => self.pick("没有可以重做的修改（撤销之后又做了新的修改，或从未撤销）", "there is nothing to redo (nothing was undone, or a new change was made since)").into(),
            ChangeError::NothingNew => self.pick("没有本机台账中缺少的内容", "nothing the local ledger lacks").into(),
            ChangeError::Changed { item: Some(item) } => {
                if zh {
                    format!("事项“{item}”刚被别处（另一个窗口或命令）修改过，本次修改未保存；请查看最新内容后重新操作")
                } else {
                    format!("item '{item}' was just changed elsewhere (another window or command); this change was not saved: look at it again and redo it")
                }
            }
            ChangeError::Changed { item: None } => self
                .pick(
                    "年度台账刚被别处修改过（关账或重新打开），本次修改未保存",
                    "the year was just changed elsewhere (closed or reopened); this change was not saved",
                )
                .into(),
        }
    }
}
