//! Report sentence templates: `召开党组会议专题研究法治建设{count}次` and friends.
//!
//! A template is literal text with `{placeholder}`s; `{{` and `}}` stand for literal braces.
//! Placeholders are a closed set ([`Placeholder`]), each valid only where it has a value
//! (e.g. `{topics}` only for items that log entries), so a checklist that names one that
//! cannot be filled is rejected when it is loaded, with the position of the bad name.
//!
//! A placeholder may carry a format after `:` (`{topics:3}`, `{date:month}`, `{count:cn}`),
//! and a section's clauses may name any item's figures as `{item-id.count}` or an item's
//! whole sentence as `{item-id}`; which items exist is checked by the checklist loader
//! ([`Template::refs`] gives each reference with its position).
//!
//! Templates need no conditionals: the report leaves out the phrase around a value that is
//! missing (see `report`), so a hand-written filler is all it takes.

mod placeholder;

use std::fmt;

pub use placeholder::{Context, Placeholder, Spec};

/// What one `{…}` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Var {
    /// `Some(id)` for `{id.count}` or `{id}`: another item's figure or sentence.
    pub item: Option<String>,
    pub slot: Slot,
    pub spec: Spec,
    /// Byte offset and length of the whole `{…}` in the template text.
    pub at: (usize, usize),
}

/// A value, or (only with an item) that item's whole sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Value(Placeholder),
    Sentence,
}

/// A piece of a template: literal text, as a span of the source ([`Template::text`]), or a
/// `{…}`. A `{{` or `}}` is the text of its first brace: the one after it is skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(std::ops::Range<usize>),
    Var(Var),
}

/// A parsed, validated template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    source: String,
    /// Exactly as long as it is: ten thousand items hold tens of thousands of templates.
    parts: Box<[Part]>,
}

/// Why a template was refused; `offset` is the byte offset in the template text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub offset: usize,
    pub len: usize,
    pub kind: TemplateErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateErrorKind {
    /// `{name}` names no placeholder at all.
    Unknown(String),
    /// `{name}` exists but has no value here (e.g. `{topics}` for a yes/no duty).
    NotHere(Placeholder),
    /// `{name:spec}` with a format the placeholder does not take.
    BadSpec(Placeholder, String),
    /// `{item.name}` outside a section's clauses, where other items cannot be named.
    RefNotHere(String),
    /// `{item:spec}`: an item's whole sentence takes no format.
    SentenceSpec(String),
    /// A `{` with no closing `}`.
    Unclosed,
    /// A `}` with no opening `{` (write `}}` for a literal brace).
    StrayClose,
}

impl Template {
    /// Parse `source` for use in `context`.
    pub fn parse(source: &str, context: Context) -> Result<Self, TemplateError> {
        let bytes = source.as_bytes();
        let mut parts = Vec::new();
        let mut from = 0;
        // Literal text is kept as spans of the source, found a run at a time up to the next
        // brace: every item of a large checklist has templates, so this is on the loading
        // path of every command.
        while let Some(found) = memchr::memchr2(b'{', b'}', &bytes[from..]) {
            let i = from + found;
            let brace = bytes[i];
            if bytes.get(i + 1) == Some(&brace) {
                parts.push(Part::Text(from..i + 1));
                from = i + 2;
                continue;
            }
            if brace == b'}' {
                return Err(TemplateError {
                    offset: i,
                    len: 1,
                    kind: TemplateErrorKind::StrayClose,
                });
            }
            let Some(close) = memchr::memchr(b'}', &bytes[i..]) else {
                return Err(TemplateError {
                    offset: i,
                    len: source.len() - i,
                    kind: TemplateErrorKind::Unclosed,
                });
            };
            let var = parse_var(&source[i + 1..i + close], (i, close + 1), context)?;
            if from < i {
                parts.push(Part::Text(from..i));
            }
            parts.push(Part::Var(var));
            from = i + close + 1;
        }
        if from < source.len() {
            parts.push(Part::Text(from..source.len()));
        }
        Ok(Template {
            source: source.to_string(),
            parts: parts.into_boxed_slice(),
        })
    }

    /// The empty template (a sentence switched off).
    pub fn empty() -> Self {
        Template {
            source: String::new(),
            parts: Box::default(),
        }
    }

    /// The text as written in the checklist.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The literal text of a [`Part::Text`].
    pub fn text(&self, span: &std::ops::Range<usize>) -> &str {
        &self.source[span.clone()]
    }

    /// The placeholders the template names for its own item, in order.
    pub fn placeholders(&self) -> impl Iterator<Item = Placeholder> + '_ {
        self.vars().filter_map(|v| match (&v.item, v.slot) {
            (None, Slot::Value(p)) => Some(p),
            _ => None,
        })
    }

    /// Every `{…}` in order.
    pub fn vars(&self) -> impl Iterator<Item = &Var> + '_ {
        self.parts.iter().filter_map(|p| match p {
            Part::Var(v) => Some(v),
            Part::Text(_) => None,
        })
    }

    /// The other items the template names (`{id.count}`, `{id}`), with each `{…}`.
    pub fn refs(&self) -> impl Iterator<Item = (&str, &Var)> + '_ {
        self.vars()
            .filter_map(|v| v.item.as_deref().map(|id| (id, v)))
    }

    /// Fill the template; `value` gives the text of each `{…}` (empty when it has none).
    pub fn render(&self, mut value: impl FnMut(&Var) -> String) -> String {
        let mut out = String::with_capacity(self.source.len() + 16);
        for part in &self.parts {
            match part {
                Part::Text(span) => out.push_str(self.text(span)),
                Part::Var(v) => out.push_str(&value(v)),
            }
        }
        out
    }
}

/// The inside of one `{…}`: `name`, `name:spec`, `item.name[:spec]` or (in a section) `item`.
fn parse_var(inner: &str, at: (usize, usize), context: Context) -> Result<Var, TemplateError> {
    let err = |kind| TemplateError {
        offset: at.0,
        len: at.1,
        kind,
    };
    let (head, spec) = match inner.split_once(':') {
        Some((h, s)) => (h.trim(), Some(s.trim())),
        None => (inner.trim(), None),
    };
    let (item, name) = match head.rsplit_once('.') {
        Some((item, name)) => (Some(item.trim()), Some(name.trim())),
        None => match Placeholder::from_name(head) {
            Some(_) => (None, Some(head)),
            // In a section's clauses a bare name that is no placeholder is an item's sentence.
            None if context == Context::Section && crate::checklist::is_slug(head) => {
                (Some(head), None)
            }
            None => return Err(err(TemplateErrorKind::Unknown(inner.to_string()))),
        },
    };
    if let Some(id) = item
        && context != Context::Section
    {
        return Err(err(TemplateErrorKind::RefNotHere(id.to_string())));
    }
    let slot = match name {
        None => Slot::Sentence,
        Some(name) => {
            let p = Placeholder::from_name(name)
                .ok_or_else(|| err(TemplateErrorKind::Unknown(inner.to_string())))?;
            // Another item's figures are checked against that item's kind by the loader.
            if item.is_none() && !p.allowed_in(context) {
                return Err(err(TemplateErrorKind::NotHere(p)));
            }
            Slot::Value(p)
        }
    };
    let spec = match (spec, slot) {
        (None, _) => Spec::Plain,
        (Some(s), Slot::Value(p)) => p
            .parse_spec(s)
            .ok_or_else(|| err(TemplateErrorKind::BadSpec(p, s.to_string())))?,
        (Some(_), Slot::Sentence) => {
            return Err(err(TemplateErrorKind::SentenceSpec(
                item.unwrap_or("").to_string(),
            )));
        }
    };
    Ok(Var {
        item: item.map(str::to_string),
        slot,
        spec,
        at,
    })
}

impl fmt::Display for TemplateErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateErrorKind::Unknown(name) => write!(f, "unknown placeholder '{{{name}}}'"),
            TemplateErrorKind::NotHere(p) => {
                write!(f, "placeholder '{{{}}}' has no value here", p.name())
            }
            TemplateErrorKind::BadSpec(p, s) => {
                write!(f, "placeholder '{{{}}}' takes no format '{s}'", p.name())
            }
            TemplateErrorKind::SentenceSpec(id) => {
                write!(f, "'{{{id}}}' is an item's sentence, which takes no format")
            }
            TemplateErrorKind::RefNotHere(id) => {
                write!(
                    f,
                    "'{id}.…' names another item, which only section clauses may"
                )
            }
            TemplateErrorKind::Unclosed => f.write_str("'{' is never closed"),
            TemplateErrorKind::StrayClose => f.write_str("'}' without '{'"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::KindTag;

    const COUNT: Context = Context::Item(KindTag::Count);

    fn plain(v: &Var) -> Placeholder {
        match v.slot {
            Slot::Value(p) => p,
            Slot::Sentence => unreachable!(),
        }
    }

    #[test]
    fn renders_placeholders_and_escapes() {
        let t = Template::parse("召开党组会议{count}次，学习{topics}{{注}}", COUNT).unwrap();
        let out = t.render(|v| match plain(v) {
            Placeholder::Count => "3".into(),
            Placeholder::Topics => "《宪法》".into(),
            _ => unreachable!(),
        });
        assert_eq!(out, "召开党组会议3次，学习《宪法》{注}");
    }

    #[test]
    fn reports_unknown_placeholder_with_offset() {
        let e = Template::parse("学法{cnt}次", COUNT).unwrap_err();
        assert_eq!(e.offset, "学法".len());
        assert_eq!(e.len, 5);
        assert_eq!(e.kind, TemplateErrorKind::Unknown("cnt".into()));
    }

    #[test]
    fn refuses_placeholders_without_a_value() {
        let e = Template::parse("{topics}", Context::Item(KindTag::Task)).unwrap_err();
        assert_eq!(e.kind, TemplateErrorKind::NotHere(Placeholder::Topics));
        let e = Template::parse("{count}", Context::Report).unwrap_err();
        assert_eq!(e.kind, TemplateErrorKind::NotHere(Placeholder::Count));
        let e = Template::parse("{short}", COUNT).unwrap_err();
        assert_eq!(e.kind, TemplateErrorKind::NotHere(Placeholder::Short));
        assert!(Template::parse("差{short}次", Context::Shortfall(KindTag::Count)).is_ok());
    }

    proptest::proptest! {
        /// Any text parses or is refused at a brace; what parses renders back to its text
        /// with `{{`/`}}` undoubled and each `{…}` where it was.
        #[test]
        fn braces_anywhere(s in "[学a{}]{0,12}|[学a{}]{0,4}\\{count\\}[学a{}]{0,4}") {
            match Template::parse(&s, COUNT) {
                Ok(t) => {
                    let rendered = t.render(|v| s[v.at.0..v.at.0 + v.at.1].to_string());
                    let mut expected = String::new();
                    let mut rest = s.as_str();
                    while let Some(c) = rest.chars().next() {
                        if let Some(after) = rest.strip_prefix("{{").or(rest.strip_prefix("}}")) {
                            expected.push(c);
                            rest = after;
                        } else if let Some(after) = rest.strip_prefix("{count}") {
                            expected.push_str("{count}");
                            rest = after;
                        } else {
                            expected.push(c);
                            rest = &rest[c.len_utf8()..];
                        }
                    }
                    proptest::prop_assert_eq!(rendered, expected);
                }
                Err(e) => {
                    let at_brace = matches!(s.as_bytes()[e.offset], b'{' | b'}');
                    proptest::prop_assert!(at_brace, "refused at {}: {:?}", e.offset, s);
                }
            }
        }
    }

    #[test]
    fn refuses_unbalanced_braces() {
        assert_eq!(
            Template::parse("a{year", Context::Report).unwrap_err().kind,
            TemplateErrorKind::Unclosed
        );
        assert_eq!(
            Template::parse("a}b", Context::Report).unwrap_err().kind,
            TemplateErrorKind::StrayClose
        );
    }

    #[test]
    fn formats_after_a_colon() {
        let t = Template::parse("{topics:3}、{date:month}、第{count:cn}次", COUNT).unwrap();
        let specs: Vec<Spec> = t.vars().map(|v| v.spec).collect();
        assert_eq!(specs, [Spec::Cap(3), Spec::Month, Spec::Numerals]);
        for bad in ["{topics:0}", "{topics:x}", "{count:month}", "{title:3}"] {
            let e = Template::parse(bad, COUNT).unwrap_err();
            assert!(
                matches!(e.kind, TemplateErrorKind::BadSpec(..)),
                "{bad}: {e:?}"
            );
        }
    }

    #[test]
    fn sections_name_other_items() {
        let t = Template::parse(
            "召开党组会{party-meetings.count}次和中心组{center-group.count}次，{law-exam}",
            Context::Section,
        )
        .unwrap();
        let refs: Vec<(&str, Slot)> = t.refs().map(|(id, v)| (id, v.slot)).collect();
        assert_eq!(
            refs,
            [
                ("party-meetings", Slot::Value(Placeholder::Count)),
                ("center-group", Slot::Value(Placeholder::Count)),
                ("law-exam", Slot::Sentence),
            ]
        );
        let (_, v) = t.refs().next().unwrap();
        assert_eq!(
            &t.source()[v.at.0..v.at.0 + v.at.1],
            "{party-meetings.count}"
        );
        // An item's own sentence cannot name other items, and a section names no `{count}`.
        let e = Template::parse("{a.count}", COUNT).unwrap_err();
        assert_eq!(e.kind, TemplateErrorKind::RefNotHere("a".into()));
        let e = Template::parse("{count}", Context::Section).unwrap_err();
        assert_eq!(e.kind, TemplateErrorKind::NotHere(Placeholder::Count));
        let e = Template::parse("{a.cnt}", Context::Section).unwrap_err();
        assert_eq!(e.kind, TemplateErrorKind::Unknown("a.cnt".into()));
    }
}
