//! The 通报 draft's sentences, in the official register (Chinese) and plainly (English).
//! Every figure comes from the notice's data; a clause with nothing to say is left out, never
//! written as "0 个单位".

use crate::i18n::Words;
use crate::overview::notice::{Block, FileIssue, Named, Notice};
use crate::text::dates::{chinese, iso};
use crate::text::numbers::percent;

const CN_NUM: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn pct(n: &Named<'_>) -> String {
    percent(u64::from(n.figures.complete), u64::from(n.figures.items))
}

impl Words {
    fn named(self, list: &[Named<'_>], what: impl Fn(&Named<'_>) -> String) -> String {
        let parts: Vec<String> = list
            .iter()
            .map(|n| {
                let mut inner = what(n);
                if n.unverified {
                    inner.push_str(self.pick("，数据未经校验", ", unverified"));
                }
                if self.zh() {
                    format!("{}（{inner}）", n.name)
                } else {
                    format!("{} ({inner})", n.name)
                }
            })
            .collect();
        parts.join(self.pick("、", "; "))
    }

    /// The notice as blocks: title, salutation, the three parts, the signature.
    pub fn notice(self, n: &Notice<'_>) -> Vec<Block> {
        let zh = self.zh();
        let t = &n.totals;
        let year = n.year;
        let mut out = vec![
            Block::Title(if zh {
                format!("关于{year}年度法治建设第一责任人职责履行情况的通报")
            } else {
                format!("Notice on how the rule-of-law duties of {year} were carried out")
            }),
            Block::Subtitle(
                self.pick(
                    "（草稿：根据各单位报送的台账文件汇总生成，印发前请逐项核对）",
                    "(Draft, compiled from the units' files; check every figure before it is sent)",
                )
                .into(),
            ),
            Block::Salutation(self.pick("各单位：", "To all units:").into()),
            Block::Paragraph(if zh {
                format!(
                    "为推动党政主要负责人切实履行推进法治建设第一责任人职责，现根据各单位报送的{year}年度履职台账，将有关情况通报如下。"
                )
            } else {
                format!(
                    "To help principal leaders carry out their duties in building the rule of law, here is what the units' ledgers for {year} show."
                )
            }),
            Block::Heading(self.pick("一、基本情况", "1. Overall").into()),
        ];
        let usable = t.units - t.no_file;
        let mut basic = if zh {
            format!(
                "截至{}，共收到报送文件{}份，涉及{}个单位，其中{usable}个单位的台账可以汇总。",
                chinese(n.today),
                n.files,
                t.units
            )
        } else {
            format!(
                "By {}, {} files had come in from {} units; the ledgers of {usable} of them could be read.",
                iso(n.today),
                n.files,
                t.units
            )
        };
        if usable == 0 {
            basic.push_str(self.pick("暂无可汇总的台账。", " No ledger could be summed up yet."));
        } else {
            let p = percent(t.complete as u64, t.items as u64);
            basic.push_str(&if zh {
                format!(
                    "上述单位清单所列事项共{}项，已完成{}项，完成率{p}%。",
                    t.items, t.complete
                )
            } else {
                format!(
                    " Their checklists hold {} items, of which {} are complete ({p}%).",
                    t.items, t.complete
                )
            });
            if t.all_done > 0 {
                let names = if n.all_done.len() <= 10 {
                    let list = n.all_done.join(self.pick("、", ", "));
                    if zh {
                        format!("（{list}）")
                    } else {
                        format!(" ({list})")
                    }
                } else {
                    String::new()
                };
                basic.push_str(&if zh {
                    format!("{}个单位已完成全部事项{names}。", t.all_done)
                } else {
                    format!(" {} units have completed every item{names}.", t.all_done)
                });
            }
            let clauses: Vec<String> = [
                (
                    t.with_overdue,
                    "个单位存在逾期未完成事项",
                    "units have overdue items",
                ),
                (
                    t.with_behind,
                    "个单位部分工作进度滞后",
                    "units are behind pace",
                ),
                (
                    t.with_below,
                    "个单位部分指标未达到目标要求",
                    "units have rates below target",
                ),
                (
                    t.with_no_evidence,
                    "个单位佐证材料不够齐全",
                    "units lack some evidence",
                ),
            ]
            .iter()
            .filter(|(k, _, _)| *k > 0)
            .map(|(k, z, e)| {
                if zh {
                    format!("{k}{z}")
                } else {
                    format!("{k} {e}")
                }
            })
            .collect();
            basic.push_str(&match (clauses.is_empty(), zh) {
                (true, true) => "各单位均未发现逾期、滞后、未达标或缺少佐证材料的情况。".into(),
                (true, false) => {
                    " No unit has overdue items, items behind pace, rates below target or missing evidence.".into()
                }
                (false, true) => format!("{}。", clauses.join("，")),
                (false, false) => format!(" {}.", clauses.join("; ")),
            });
        }
        out.push(Block::Paragraph(basic));
        let problems = self.problems(n);
        if !problems.is_empty() {
            out.push(Block::Heading(
                self.pick("二、存在问题", "2. Problems").into(),
            ));
            out.extend(problems.into_iter().map(Block::Paragraph));
        }
        out.push(Block::Heading(if zh {
            format!(
                "{}、下一步要求",
                if out
                    .iter()
                    .any(|b| matches!(b, Block::Heading(h) if h.starts_with("二")))
                {
                    "三"
                } else {
                    "二"
                }
            )
        } else if out
            .iter()
            .any(|b| matches!(b, Block::Heading(h) if h.starts_with('2')))
        {
            "3. Next steps".into()
        } else {
            "2. Next steps".into()
        }));
        out.extend(self.requirements(n).into_iter().map(Block::Paragraph));
        out.push(Block::Signature(vec![
            n.office
                .map(str::to_string)
                .unwrap_or_else(|| self.pick("（发文单位）", "(issuing office)").into()),
            if zh { chinese(n.today) } else { iso(n.today) },
        ]));
        out
    }

    fn problems(self, n: &Notice<'_>) -> Vec<String> {
        let zh = self.zh();
        let mut parts: Vec<(&str, &str, String)> = Vec::new();
        if !n.overdue.is_empty() {
            let list = self.named(&n.overdue, |u| {
                if zh {
                    format!("逾期{}项，完成率{}%", u.figures.overdue, pct(u))
                } else {
                    format!("{} overdue, {}% complete", u.figures.overdue, pct(u))
                }
            });
            parts.push(("部分事项逾期未完成。", "Items past their due date: ", list));
        }
        if !n.behind.is_empty() {
            let list = self.named(&n.behind, |u| {
                if zh {
                    format!("落后{}项", u.figures.behind)
                } else {
                    format!("{} behind", u.figures.behind)
                }
            });
            parts.push(("部分工作进度滞后。", "Work behind pace: ", list));
        }
        if !n.below.is_empty() {
            let list = self.named(&n.below, |u| {
                if zh {
                    format!("未达标{}项", u.figures.below)
                } else {
                    format!("{} below target", u.figures.below)
                }
            });
            parts.push(("部分指标未达到目标要求。", "Rates below target: ", list));
        }
        if !n.no_evidence.is_empty() {
            let list = self.named(&n.no_evidence, |u| {
                if zh {
                    format!("{}项缺少佐证材料", u.figures.no_evidence)
                } else {
                    format!("{} without evidence", u.figures.no_evidence)
                }
            });
            parts.push(("佐证材料不够齐全。", "Evidence missing: ", list));
        }
        let issues = |pick: &dyn Fn(&FileIssue) -> bool| -> Vec<&str> {
            n.file_issues
                .iter()
                .filter(|(_, i)| pick(i))
                .map(|(name, _)| *name)
                .collect()
        };
        let unreadable = issues(&|i| *i == FileIssue::Unreadable);
        let altered = issues(&|i| *i == FileIssue::Altered);
        let other_year = issues(&|i| matches!(i, FileIssue::OtherYear(_)));
        let sep = self.pick("、", ", ");
        let mut filing = Vec::new();
        if !unreadable.is_empty() {
            filing.push(if zh {
                format!("{}报送的文件无法读取", unreadable.join(sep))
            } else {
                format!("the files of {} cannot be read", unreadable.join(sep))
            });
        }
        if !altered.is_empty() {
            filing.push(if zh {
                format!("{}的报送文件在导出后被改动，校验未通过", altered.join(sep))
            } else {
                format!(
                    "the files of {} were changed after export and do not check",
                    altered.join(sep)
                )
            });
        }
        if !other_year.is_empty() {
            filing.push(if zh {
                format!("{}报送的不是{}年度的文件", other_year.join(sep), n.year)
            } else {
                format!(
                    "{} sent files for another year than {}",
                    other_year.join(sep),
                    n.year
                )
            });
        }
        if !filing.is_empty() {
            parts.push((
                "台账报送不够规范。",
                "Files: ",
                filing.join(self.pick("；", "; ")),
            ));
        }
        parts
            .into_iter()
            .enumerate()
            .map(|(i, (z, e, list))| {
                if zh {
                    format!("（{}）{z}{list}。", CN_NUM[i.min(9)])
                } else {
                    format!("({}) {e}{list}.", i + 1)
                }
            })
            .collect()
    }

    fn requirements(self, n: &Notice<'_>) -> Vec<String> {
        let zh = self.zh();
        let by = |zh_text: &str, en_text: &str| match (n.deadline, zh) {
            (Some(d), true) => format!("，并于{}前{zh_text}", chinese(d)),
            (Some(d), false) => format!(", and {en_text} by {}", iso(d)),
            (None, _) => String::new(),
        };
        let files = !n.file_issues.is_empty();
        let trouble = !(n.overdue.is_empty() && n.behind.is_empty() && n.below.is_empty());
        let mut out = Vec::new();
        if trouble {
            out.push(if zh {
                format!(
                    "对照清单抓紧整改。请上述存在逾期、滞后和未达标问题的单位对照年度清单逐项梳理，明确责任科室和完成时限，尽快完成相关工作，确保年度任务如期落实{}。",
                    if files { String::new() } else { by("报送整改情况", "report what was done") }
                )
            } else {
                format!(
                    "Catch up against the checklist. The units named above should go through their checklist item by item, give each open item to an office with a date, and finish the work so that the year's tasks are met{}.",
                    if files { String::new() } else { by("", "report what was done") }
                )
            });
        }
        out.push(
            self.pick(
                "健全台账，留存佐证。坚持工作开展与台账登记同步进行，会议纪要、签到表、文件文号等佐证材料随登记一并留存，做到真实、完整、可查。",
                "Keep the ledger as the work is done. Record each meeting, study session and decision when it happens, with its minutes, sign-in sheet or document number, so that everything can be checked.",
            )
            .into(),
        );
        if files {
            out.push(if zh {
                format!(
                    "规范报送台账。请报送文件无法读取、校验未通过或年度有误的单位，使用 duty submit 重新生成报送文件{}；报送文件生成后不得手工改动。",
                    match n.deadline {
                        Some(d) => format!("，并于{}前重新报送", chinese(d)),
                        None => "并重新报送".into(),
                    }
                )
            } else {
                format!(
                    "Send proper files. Units whose file could not be read, did not check or was for another year should make a new one with duty submit and send it again{}; a unit file must not be edited after it is made.",
                    n.deadline.map(|d| format!(" by {}", iso(d))).unwrap_or_default()
                )
            });
        }
        out.into_iter()
            .enumerate()
            .map(|(i, s)| {
                if zh {
                    format!("（{}）{s}", CN_NUM[i.min(9)])
                } else {
                    format!("({}) {s}", i + 1)
                }
            })
            .collect()
    }
}
