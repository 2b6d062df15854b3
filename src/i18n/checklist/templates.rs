//! Words for a checklist's report texts that do not parse as templates: an unknown or
//! misplaced placeholder, a bad format, an unbalanced brace, a clause naming an item that
//! is not there. Values quoted here are already safe for the terminal.

use super::super::Words;
use crate::checklist::KindTag;
use crate::template::{Context, Placeholder, TemplateErrorKind};

impl Words {
    /// A clause's `{id.…}` names no item of the checklist.
    pub(crate) fn clause_names_no_item(self, id: &str) -> String {
        if self.zh() {
            format!("子句中的 '{{{id}…}}' 指向不存在的事项 '{id}'")
        } else {
            format!("'{{{id}…}}' in the clause names no item '{id}'")
        }
    }

    pub(crate) fn clause_reference_help(self) -> &'static str {
        self.pick(
            "写作 {事项id.占位符}（如 {party-meetings.count}）或 {事项id}",
            "write {item-id.placeholder} (e.g. {party-meetings.count}) or {item-id}",
        )
    }

    /// A clause's `{id.name}` names a figure item `id`'s kind does not have; `names` are
    /// the ones it has, written out.
    pub(crate) fn clause_figure_not_of_kind(
        self,
        id: &str,
        kind: &str,
        placeholder: &str,
        names: &str,
    ) -> String {
        if self.zh() {
            format!(
                "事项 '{id}' 是 {kind} 类事项，'{{{id}.{placeholder}}}' 没有取值，应为 {names} 之一"
            )
        } else {
            format!(
                "item '{id}' is a {kind} item: '{{{id}.{placeholder}}}' has no value; expected one of {names}"
            )
        }
    }

    pub(crate) fn clause_figure_help(self, id: &str) -> String {
        if self.zh() {
            format!("占位符按所指事项的类型取值；写 {{{id}}} 则引用该事项的整句")
        } else {
            format!(
                "a placeholder takes its value from the kind of the item it names; {{{id}}} gives the item's whole sentence"
            )
        }
    }

    /// `no_cases` on an item of another kind than Rate.
    pub(crate) fn no_cases_not_rate(self, kind: &str) -> String {
        if self.zh() {
            format!("no_cases 只用于 Rate 类事项，此事项是 {kind}")
        } else {
            format!("no_cases is only for Rate items; this is a {kind} item")
        }
    }

    pub(crate) fn no_cases_help(self) -> &'static str {
        self.pick(
            "删去 no_cases，或把事项改为 Rate(target: …)",
            "remove no_cases, or make the item a Rate(target: …)",
        )
    }

    /// Why a template was refused: `bad` is the offending text, `allowed` the
    /// placeholders that have a value where it stands.
    pub(crate) fn template_refused(
        self,
        kind: &TemplateErrorKind,
        context: Context,
        bad: &str,
        allowed: &str,
    ) -> String {
        let place = self.template_place(context);
        let zh = self.zh();
        match (kind, zh) {
            (TemplateErrorKind::Unknown(_), true) => {
                format!("模板中的占位符 '{bad}' 不存在，应为 {allowed} 之一")
            }
            (TemplateErrorKind::Unknown(_), false) => {
                format!("unknown placeholder '{bad}'; expected one of {allowed}")
            }
            (TemplateErrorKind::NotHere(Placeholder::Short), true) => {
                format!("占位符 '{bad}' 只用于第五部分的句子（shortfall），应为 {allowed} 之一")
            }
            (TemplateErrorKind::NotHere(Placeholder::Short), false) => format!(
                "placeholder '{bad}' is only for section-five sentences (shortfall); expected one of {allowed}"
            ),
            (TemplateErrorKind::NotHere(_), true) => {
                format!("占位符 '{bad}' {place}没有取值，应为 {allowed} 之一")
            }
            (TemplateErrorKind::NotHere(_), false) => {
                format!("placeholder '{bad}' has no value {place}; expected one of {allowed}")
            }
            (TemplateErrorKind::BadSpec(p, _), true) => match p.specs() {
                [] => format!(
                    "占位符 '{{{}}}' 不带格式，'{bad}' 应写作 '{{{}}}'",
                    p.name(),
                    p.name()
                ),
                specs => format!(
                    "'{bad}' 的格式无效，'{{{}:…}}' 可用的格式：{}",
                    p.name(),
                    specs.join("、")
                ),
            },
            (TemplateErrorKind::BadSpec(p, _), false) => match p.specs() {
                [] => format!(
                    "placeholder '{{{}}}' takes no format; write '{{{}}}' instead of '{bad}'",
                    p.name(),
                    p.name()
                ),
                specs => format!(
                    "invalid format in '{bad}'; '{{{}:…}}' takes {}",
                    p.name(),
                    specs.join(", ")
                ),
            },
            (TemplateErrorKind::RefNotHere(_), true) => format!(
                "'{bad}' 指向另一事项，只有栏目的 clauses 能这样写；{place}应为 {allowed} 之一"
            ),
            (TemplateErrorKind::RefNotHere(_), false) => format!(
                "'{bad}' names another item, which only a section's clauses may; {place} expected one of {allowed}"
            ),
            (TemplateErrorKind::SentenceSpec(id), true) => format!(
                "'{bad}' 是事项 '{id}' 的整句，不带格式；应写作 '{{{id}}}'，或写 '{{{id}.占位符:格式}}'"
            ),
            (TemplateErrorKind::SentenceSpec(id), false) => format!(
                "'{bad}' is item '{id}''s whole sentence, which takes no format; write '{{{id}}}', or '{{{id}.placeholder:format}}'"
            ),
            (TemplateErrorKind::Unclosed, true) => {
                format!("模板中 '{bad}' 的 '{{' 没有对应的 '}}'")
            }
            (TemplateErrorKind::Unclosed, false) => {
                format!("'{{' in '{bad}' is never closed; expected '}}'")
            }
            (TemplateErrorKind::StrayClose, true) => "模板中的 '}' 没有对应的 '{'".into(),
            (TemplateErrorKind::StrayClose, false) => {
                "'}' has no matching '{'; expected '{name}' or '}}' for a literal brace".into()
            }
        }
    }

    /// Where in the checklist a template stands, as the refusal says it.
    fn template_place(self, context: Context) -> String {
        let kind_name = |kind: KindTag| crate::checklist::kind_name(kind);
        match (context, self.zh()) {
            (Context::Report, true) => "在报告固定语句中".to_string(),
            (Context::Report, false) => "in report text".to_string(),
            (Context::SectionHead, true) => "在栏目的标题和开头语中".to_string(),
            (Context::SectionHead, false) => "in a section's heading or lead-in".to_string(),
            (Context::Section, true) => "在栏目子句中".to_string(),
            (Context::Section, false) => "in a section clause".to_string(),
            (Context::Item(kind) | Context::Shortfall(kind), true) => {
                format!("在 {} 类事项中", kind_name(kind))
            }
            (Context::Item(KindTag::Hours) | Context::Shortfall(KindTag::Hours), false) => {
                "in an Hours item".to_string()
            }
            (Context::Item(kind) | Context::Shortfall(kind), false) => {
                format!("in a {} item", kind_name(kind))
            }
        }
    }

    pub(crate) fn topics_format_help(self) -> &'static str {
        self.pick(
            "{topics:3} 表示最多列出 3 个主题，其余以“等”概括；",
            "{topics:3} lists at most three topics, then 等;",
        )
    }

    pub(crate) fn literal_braces_help(self) -> &'static str {
        self.pick(
            "字面的花括号写作 {{ 和 }}",
            "write {{ and }} for literal braces",
        )
    }
}
