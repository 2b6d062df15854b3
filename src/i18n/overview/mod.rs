//! Words for the collecting office: `duty submit`, `duty overview` (headings, columns, each
//! file's status, what is wrong with a file and where), the matrix's legend; the 通报 draft's
//! sentences are in [`notice`].

mod files;
mod notice;
pub mod screen;

pub use files::FileTag;

use super::Words;
use crate::overview::CellState;
use crate::overview::collect::TemplateSource;
use crate::overview::matrix::LeftOut;
use crate::text::dates::iso;

impl Words {
    pub fn overview_heading(self, year: i16, today: jiff::civil::Date, units: usize) -> String {
        if self.zh() {
            format!(
                "{year}年度法治建设履职台账汇总 · 截至 {} · 单位 {units} 个",
                iso(today)
            )
        } else {
            format!("Overview of {year} · as of {} · {units} units", iso(today))
        }
    }

    pub fn template_line(self, t: Option<&(String, TemplateSource)>) -> String {
        match (t, self.zh()) {
            (None, true) => "模板：无（没有可读取的单位文件）".into(),
            (None, false) => "Template: none (no unit file could be read)".into(),
            (Some((id, TemplateSource::Given { path })), true) => {
                format!("模板：{id}（{path}）")
            }
            (Some((id, TemplateSource::Given { path })), false) => {
                format!("Template: {id} ({path})")
            }
            (Some((id, TemplateSource::MostUsed { units })), true) => {
                format!("模板：{id}（{units} 个单位使用的清单）")
            }
            (Some((id, TemplateSource::MostUsed { units })), false) => {
                format!("Template: {id} (the checklist {units} units use)")
            }
        }
    }

    /// How the score is made, in one line.
    pub fn score_formula(self) -> &'static str {
        self.pick(
            "风险分 = 逾期项数×3 + 落后项数×2 + 未达标项数×2 + 缺佐证项数×1；无可用文件的单位排在最前。",
            "Score = 3 × overdue + 2 × behind + 2 × below target + 1 × without evidence; units without a usable file come first.",
        )
    }

    /// Column headings of the unit table.
    pub fn overview_columns(self) -> [&'static str; 11] {
        if self.zh() {
            [
                "序号",
                "单位",
                "完成",
                "完成率",
                "逾期",
                "落后",
                "未达标",
                "缺佐证",
                "风险分",
                "最近修改",
                "说明",
            ]
        } else {
            [
                "#",
                "Unit",
                "Done",
                "Rate",
                "Overdue",
                "Behind",
                "Below",
                "No evid.",
                "Score",
                "Last change",
                "Notes",
            ]
        }
    }

    /// The whole picture in one line.
    pub fn overview_totals(self, t: &crate::overview::export::Totals) -> String {
        let pct = crate::text::numbers::percent(t.complete as u64, t.items as u64);
        let no_file = match (t.no_file, self.zh()) {
            (0, _) => String::new(),
            (n, true) => format!("（其中 {n} 个无可用文件）"),
            (n, false) => format!(" ({n} without a usable file)"),
        };
        if self.zh() {
            format!(
                "合计：单位 {} 个{no_file}；事项 {} 项，已完成 {} 项（{pct}%）；有逾期事项的单位 {} 个，进度落后的 {} 个，有指标未达标的 {} 个，佐证不全的 {} 个；全部完成的 {} 个。",
                t.units,
                t.items,
                t.complete,
                t.with_overdue,
                t.with_behind,
                t.with_below,
                t.with_no_evidence,
                t.all_done
            )
        } else {
            format!(
                "Totals: {} units{no_file}; {} items, {} complete ({pct}%); units with overdue items {}, behind pace {}, rates below target {}, missing evidence {}; all complete {}.",
                t.units,
                t.items,
                t.complete,
                t.with_overdue,
                t.with_behind,
                t.with_below,
                t.with_no_evidence,
                t.all_done
            )
        }
    }

    pub fn files_heading(self, total: usize, counts: &[(FileTag, usize)]) -> String {
        let parts: Vec<String> = counts
            .iter()
            .map(|(t, n)| format!("{} {n}", self.file_tag(*t)))
            .collect();
        if self.zh() {
            format!("文件（共 {total} 个：{}）", parts.join("，"))
        } else {
            format!("Files ({total}: {})", parts.join(", "))
        }
    }

    pub fn shown_of(self, shown: usize, total: usize) -> String {
        if self.zh() {
            format!("（按筛选条件显示 {shown} / {total} 个单位）")
        } else {
            format!("(showing {shown} of {total} units, as filtered)")
        }
    }

    /// A cell of the matrix in two to four cells of width, and the legend that explains them.
    pub fn cell_code(self, s: CellState) -> &'static str {
        match s {
            CellState::Done => self.pick("完成", "ok"),
            CellState::Overdue => self.pick("逾期", "LATE"),
            CellState::Below => self.pick("未达", "low"),
            CellState::Behind => self.pick("落后", "slow"),
            CellState::Open => self.pick("进行", "open"),
        }
    }

    pub fn dropped_code(self) -> &'static str {
        self.pick("未列", "none")
    }

    pub fn matrix_legend(self) -> &'static str {
        self.pick(
            "完成 = 已完成；逾期 = 过期未完成；未达 = 比率低于目标；落后 = 低于进度；进行 = 未到期且进度正常；未列 = 该单位清单中没有此项；* = 该单位改了事项名称；# = 该单位改了类型或目标。",
            "ok = complete; LATE = overdue; low = rate below target; slow = behind pace; open = not due, on pace; none = not in the unit's checklist; * = renamed by the unit; # = kind or target changed by the unit.",
        )
    }

    pub fn matrix_heading(self, items: usize, units: usize) -> String {
        if self.zh() {
            format!("事项 × 单位矩阵（{items} 个事项，{units} 个单位，按事项编号对应）")
        } else {
            format!("Items × units ({items} items, {units} units, matched by item id)")
        }
    }

    pub fn left_out(self, name: &str, why: &LeftOut) -> String {
        match (why, self.zh()) {
            (LeftOut::OtherTemplate(id), true) => format!("{name}：使用另一清单“{id}”，未列入"),
            (LeftOut::OtherTemplate(id), false) => {
                format!("{name}: on another checklist '{id}', left out")
            }
            (LeftOut::NoFile, true) => format!("{name}：无可用文件，未列入"),
            (LeftOut::NoFile, false) => format!("{name}: no usable file, left out"),
        }
    }

    pub fn added_items(self, n: usize) -> String {
        if self.zh() {
            format!("另增 {n} 项")
        } else {
            format!("{n} added")
        }
    }

    pub fn no_template(self) -> &'static str {
        self.pick(
            "没有可读取的单位文件，无法生成矩阵。",
            "No unit file could be read; there is no matrix.",
        )
    }

    pub fn no_inputs_exist(self, path: &str) -> String {
        if self.zh() {
            format!("“{path}”不存在（请检查文件夹或文件名）")
        } else {
            format!("'{path}' does not exist (check the folder or file name)")
        }
    }

    pub fn output_inside_input(self, out: &str, dir: &str) -> String {
        if self.zh() {
            format!("不能写到正在汇总的文件夹“{dir}”里（{out}）：请换一个位置")
        } else {
            format!(
                "will not write into the folder being read, '{dir}' ({out}): choose another place"
            )
        }
    }

    pub fn wrote_file(self, path: &str) -> String {
        if self.zh() {
            format!("已写入 {path}")
        } else {
            format!("Wrote {path}")
        }
    }

    pub fn xlsx_needs_output(self) -> &'static str {
        self.pick(
            "xlsx 是二进制格式，请用 -o 文件名.xlsx 写入文件",
            "xlsx is binary: write it to a file with -o NAME.xlsx",
        )
    }

    pub fn bad_template(self, path: &str, n: usize) -> String {
        if self.zh() {
            format!("模板清单“{path}”有 {n} 处错误（见上）")
        } else {
            format!("the template checklist '{path}' has {n} error(s) (see above)")
        }
    }

    pub fn submitted(self, unit: &str, year: i16, path: &str, items: usize) -> String {
        if self.zh() {
            format!(
                "已生成 {unit} {year} 年度报送文件：{path}（清单 {items} 个事项，含台账和校验和）；把这个文件交给汇总单位即可"
            )
        } else {
            format!(
                "Wrote {unit}'s unit file for {year}: {path} ({items} items, with the ledger and a checksum); send this one file to the collecting office"
            )
        }
    }

    pub fn unit_name_missing(self) -> &'static str {
        self.pick(
            "报送文件须写明单位名称：请在清单的 organization 中填写本单位全称，或用 --unit 名称 指定",
            "a unit file must name its unit: put the unit's full name in the checklist's organization, or give it with --unit NAME",
        )
    }

    pub fn unit_name_unsafe(self, ch: char) -> String {
        if self.zh() {
            format!("单位名称中有控制字符 U+{:04X}，请删去后重试", ch as u32)
        } else {
            format!(
                "the unit's name holds control character U+{:04X}; remove it and try again",
                ch as u32
            )
        }
    }
}
