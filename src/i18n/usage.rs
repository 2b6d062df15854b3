//! Words for the command line itself: values it refused, and clap's usage errors said again
//! in Chinese (clap words them in English only).

use super::Words;
use crate::cli::parse::BadValue;

impl Words {
    pub fn bad_value(self, v: BadValue) -> &'static str {
        match v {
            BadValue::Lang => self.pick("应为 zh（中文）或 en（英文）", "expected zh or en"),
            BadValue::Year => self.pick(
                "应为 2000 到 2100 之间的年份",
                "expected a year from 2000 to 2100",
            ),
            BadValue::Hours => self.pick(
                "应为学时数，如 2 或 1.5",
                "expected a number of hours, e.g. 2 or 1.5",
            ),
            BadValue::Fraction => self.pick(
                "应写作 分子/分母，均为整数，如 46/50",
                "expected NUM/DEN with whole numbers, e.g. 46/50",
            ),
            BadValue::NegativeRate => self.pick(
                "比率不能为负数，应写作 分子/分母，如 46/50",
                "a rate cannot be negative; expected NUM/DEN, e.g. 46/50",
            ),
            BadValue::RateOrder => self.pick(
                "分子不能大于分母（本年度无此类情况请写 0/0）",
                "the numerator cannot be above the denominator (for a year with no cases write 0/0)",
            ),
            BadValue::OnOff => self.pick("应为 on（开）或 off（关）", "expected on or off"),
            BadValue::Within => self.pick(
                "应为天数或周数，如 14d、2w 或 14（最多 800 天）",
                "expected days or weeks, e.g. 14d, 2w or 14 (at most 800 days)",
            ),
        }
    }
}

impl Words {
    pub fn stdout_failed(self, e: &std::io::Error) -> String {
        if self.zh() {
            format!("无法写入标准输出：{}", self.io_reason(e))
        } else {
            format!("cannot write the output: {}", self.io_reason(e))
        }
    }

    /// A full-width mark where a checklist's RON wants ASCII punctuation.
    pub fn full_width_mark(self, found: char, name_zh: &str, name_en: &str) -> String {
        if self.zh() {
            format!("此处是{name_zh} '{found}'，RON 格式只认半角标点")
        } else {
            format!("a {name_en} '{found}' here; RON takes only ASCII punctuation")
        }
    }

    pub fn full_width_fix(self, ascii: &str) -> String {
        if self.zh() {
            format!("请改为半角 {ascii}")
        } else {
            format!("type {ascii} instead (switch the input method to English punctuation)")
        }
    }

    pub fn checklist_errors(self, n: usize) -> String {
        if self.zh() {
            format!("清单有 {n} 处错误，请按上面的提示修改后再试。")
        } else {
            format!("{n} error(s) in the checklist; fix them as shown above and try again.")
        }
    }

    /// `--year` names a year the checklist file does not cover, and no file of that year
    /// was found beside it.
    pub fn year_mismatch(
        self,
        checklist: &std::path::Path,
        file_year: i16,
        asked: i16,
        looked_for: &[std::path::PathBuf],
    ) -> String {
        let file = checklist.display();
        let tried = looked_for
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(self.pick("、", ", "));
        let wanted = looked_for
            .first()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        if self.zh() {
            format!(
                "清单“{file}”是 {file_year} 年度的，找不到 {asked} 年度的清单（找过：{tried}）。\n请用 --checklist 指定 {asked} 年度的清单文件，例如：duty --checklist {wanted} --year {asked} …"
            )
        } else {
            format!(
                "the checklist '{file}' is for {file_year}, and no {asked} checklist was found beside it (looked for: {tried}).\nName the {asked} checklist with --checklist, e.g. duty --checklist {wanted} --year {asked} …"
            )
        }
    }

    /// `duty` started in a terminal too small for the screen: the status follows instead.
    pub fn screen_too_small(
        self,
        (cols, rows): (u16, u16),
        (min_cols, min_rows): (u16, u16),
    ) -> String {
        if self.zh() {
            format!(
                "终端窗口只有 {cols} 列 × {rows} 行，交互界面至少需要 {min_cols} 列 × {min_rows} 行；下面显示进度。放大窗口后再运行 duty 即可打开交互界面。"
            )
        } else {
            format!(
                "The terminal is {cols} columns × {rows} rows; the screen needs at least {min_cols} × {min_rows}, so here is the status. Enlarge the window and run duty again for the screen."
            )
        }
    }

    pub fn clock_error(self, e: &crate::clock::ClockError) -> String {
        match e {
            crate::clock::ClockError::Today(s) => {
                if self.zh() {
                    format!("DUTY_TODAY='{s}' 不是日期（应为 YYYY-MM-DD）")
                } else {
                    format!("DUTY_TODAY='{s}' is not a date (YYYY-MM-DD)")
                }
            }
            crate::clock::ClockError::Now(s) => {
                if self.zh() {
                    format!(
                        "DUTY_NOW='{s}' 不是时间（应为 RFC 3339，如 2024-06-01T08:00:00+08:00）"
                    )
                } else {
                    format!(
                        "DUTY_NOW='{s}' is not a time (RFC 3339, e.g. 2024-06-01T08:00:00+08:00)"
                    )
                }
            }
        }
    }
}

impl Words {
    pub fn left_unsaved(self, n: usize) -> String {
        if self.zh() {
            format!("注意：有 {n} 项修改未能保存到磁盘（保存失败），已放弃；请检查磁盘后重新登记")
        } else {
            format!(
                "note: {n} change(s) could not be saved to disk and were dropped; check the disk and record them again"
            )
        }
    }

    pub fn terminal_failed(self, e: &std::io::Error) -> String {
        if self.zh() {
            format!(
                "终端出错，界面已关闭：{}（可改用命令行，如 duty status）",
                self.io_reason(e)
            )
        } else {
            format!(
                "the terminal failed and the screen closed: {} (the commands still work, e.g. duty status)",
                self.io_reason(e)
            )
        }
    }
}
