//! The report's own words in a checklist, validated: section three's fixed sentences, how
//! its sections open, section five's and the 述法 report's fixed texts, and their defaults.
//!
//! Every default here is a sentence the unit may replace in its checklist; none of them
//! states a fact, so a checklist that says nothing of the report still drafts only what the
//! ledger holds.

use crate::template::Template;

pub(super) const DEFAULT_TITLE: &str = "{org}{year}年法治政府建设年度报告";
pub(super) const DEFAULT_HEADING: &str =
    "三、{year}年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况";
pub(super) const DEFAULT_OPENING: &str = "{year}年，{org}主要负责人认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》，切实履行推进法治建设第一责任人职责，坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。";
pub(super) const DEFAULT_CLOSING: &str =
    "通过以上举措，法治建设各项任务有效落实，为推动各项工作提供了坚实的法治保障。";
pub(super) const DEFAULT_LEADER: &str = "主要负责人";
pub(super) const DEFAULT_LEAD_IN: &str = "在{title}方面，";

pub(super) const DEFAULT_FIVE_HEADING: &str = "五、{year}年度推进法治政府建设存在的不足和原因";
pub(super) const DEFAULT_FIVE_OPENING: &str =
    "对照年度法治建设责任清单，{year}年仍有部分工作未达到要求：";

pub(super) const DEFAULT_SHUFA_TITLE: &str = "{org}{leader}{year}年度述法报告";
pub(super) const DEFAULT_SHUFA_OPENING: &str = "{year}年，本人认真履行推进法治建设第一责任人职责，坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。现将本人履职情况报告如下。";
pub(super) const DEFAULT_SHUFA_SHORTCOMINGS: &str = "对照年度职责清单，本人履职中还存在以下不足：";
pub(super) const DEFAULT_SHUFA_PLAN: &str = "坚持把法治建设摆在全局工作的重要位置，认真履行推进法治建设第一责任人职责，确保年度各项法治建设任务落实到位";

/// The fixed sentences of the report and how its sections are laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportText {
    /// The document's title.
    pub title: Template,
    pub heading: Template,
    pub opening: Template,
    pub closing: Template,
    /// How section three names the principal leader (`{leader}`); `本人` in the 述法 report.
    pub leader: String,
    /// What opens each section's paragraph unless the section says otherwise.
    pub lead_in: Template,
    /// Sections as （一）（二） sub-headings, each above its paragraph.
    pub numbered: bool,
    pub five: FiveText,
    pub shufa: ShufaText,
}

/// Section five: 存在的不足和原因.
#[derive(Debug, Clone, PartialEq)]
pub struct FiveText {
    pub heading: Template,
    pub opening: Template,
    pub closing: Template,
    /// Shortcomings the unit states every year, after those drawn from the ledger.
    pub general: Vec<Template>,
}

/// The principal leader's annual 述法 report.
#[derive(Debug, Clone, PartialEq)]
pub struct ShufaText {
    pub title: Template,
    pub opening: Template,
    /// Opens part two, 存在的不足.
    pub shortcomings: Template,
    /// Part three, 下一步打算.
    pub plans: Vec<Template>,
    pub closing: Template,
}

/// What section three does with an item short of its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IfShort {
    /// State it with its real figures (`组织中心组学习11次`): work short of a target is
    /// still work done. Section five says what is missing.
    #[default]
    State,
    /// Leave it out of section three; section five still says what is missing.
    Omit,
}
