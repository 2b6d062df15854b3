//! Report sentence templates: `召开党组会议专题研究法治建设{count}次` and friends.
//!
//! A template is literal text with `{placeholder}`s; `{{` and `}}` stand for literal braces.
//! Placeholders are a closed set ([`Placeholder`]), each valid only where it has a value
//! (e.g. `{topics}` only for items that log entries), so a checklist that names one that
//! cannot be filled is rejected when it is loaded, with the position of the bad name.
//! Templates need no conditionals or loops: an item that is not done is left out of the
//! report altogether (see `report`), so a hand-written filler is all it takes.

use std::fmt;

use crate::checklist::KindTag;

/// Everything a template may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placeholder {
    /// The checklist year, e.g. `2024`.
    Year,
    /// The unit's name.
    Org,
    /// The checklist title (in report text) or the item title (in an item template).
    Title,
    /// The item's owner office (责任科室).
    Owner,
    /// The date the duty was done, the rate was recorded, or the latest entry was logged.
    Date,
    /// The dates of all logged entries, joined with `、`.
    Dates,
    /// The date of the first logged entry.
    FirstDate,
    /// Number of logged entries.
    Count,
    /// The item's target (count, percentage or hours).
    Target,
    /// Logged topics, deduplicated, joined with `、`.
    Topics,
    /// Total logged hours.
    Hours,
    /// A rate as a percentage with its sign, e.g. `100%`.
    Rate,
    /// The numerator and denominator of a rate.
    Numerator,
    Denominator,
    /// Evidence recorded for the item, joined with `、`.
    Evidence,
}

impl Placeholder {
    pub const ALL: [Placeholder; 15] = [
        Placeholder::Year,
        Placeholder::Org,
        Placeholder::Title,
        Placeholder::Owner,
        Placeholder::Date,
        Placeholder::Dates,
        Placeholder::FirstDate,
        Placeholder::Count,
        Placeholder::Target,
        Placeholder::Topics,
        Placeholder::Hours,
        Placeholder::Rate,
        Placeholder::Numerator,
        Placeholder::Denominator,
        Placeholder::Evidence,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Placeholder::Year => "year",
            Placeholder::Org => "org",
            Placeholder::Title => "title",
            Placeholder::Owner => "owner",
            Placeholder::Date => "date",
            Placeholder::Dates => "dates",
            Placeholder::FirstDate => "first_date",
            Placeholder::Count => "count",
            Placeholder::Target => "target",
            Placeholder::Topics => "topics",
            Placeholder::Hours => "hours",
            Placeholder::Rate => "rate",
            Placeholder::Numerator => "numerator",
            Placeholder::Denominator => "denominator",
            Placeholder::Evidence => "evidence",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Whether the placeholder has a value in `context`.
    pub fn allowed_in(self, context: Context) -> bool {
        use Placeholder as P;
        match context {
            Context::Report => matches!(self, P::Year | P::Org | P::Title),
            Context::Item(kind) => match self {
                P::Year | P::Org | P::Title | P::Owner | P::Date | P::Evidence => true,
                P::Target => kind != KindTag::Task,
                P::Count | P::Dates | P::FirstDate | P::Topics => {
                    matches!(kind, KindTag::Count | KindTag::Hours)
                }
                P::Hours => kind == KindTag::Hours,
                P::Rate | P::Numerator | P::Denominator => kind == KindTag::Rate,
            },
        }
    }

    /// The names allowed in `context`, for error messages.
    pub fn names_in(context: Context) -> Vec<&'static str> {
        Self::ALL
            .into_iter()
            .filter(|p| p.allowed_in(context))
            .map(Placeholder::name)
            .collect()
    }
}

/// Where a template is used, which decides the placeholders it may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The report heading, opening or closing sentence.
    Report,
    /// An item's sentence, for an item of this kind.
    Item(KindTag),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Var(Placeholder),
}

/// A parsed, validated template. (Serialised only into the checklist cache; see
/// [`crate::checklist::Checklist`].)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    source: String,
    parts: Vec<Part>,
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
    /// A `{` with no closing `}`.
    Unclosed,
    /// A `}` with no opening `{` (write `}}` for a literal brace).
    StrayClose,
}

impl Template {
    /// Parse `source` for use in `context`.
    pub fn parse(source: &str, context: Context) -> Result<Self, TemplateError> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = source.char_indices().peekable();
        while let Some((i, c)) = rest.next() {
            match c {
                '{' if rest.peek().map(|&(_, c)| c) == Some('{') => {
                    rest.next();
                    text.push('{');
                }
                '}' if rest.peek().map(|&(_, c)| c) == Some('}') => {
                    rest.next();
                    text.push('}');
                }
                '}' => {
                    return Err(TemplateError {
                        offset: i,
                        len: 1,
                        kind: TemplateErrorKind::StrayClose,
                    });
                }
                '{' => {
                    let Some(close) = source[i..].find('}') else {
                        return Err(TemplateError {
                            offset: i,
                            len: source.len() - i,
                            kind: TemplateErrorKind::Unclosed,
                        });
                    };
                    let name = &source[i + 1..i + close];
                    let err = |kind| TemplateError {
                        offset: i,
                        len: close + 1,
                        kind,
                    };
                    let placeholder = Placeholder::from_name(name.trim())
                        .ok_or_else(|| err(TemplateErrorKind::Unknown(name.to_string())))?;
                    if !placeholder.allowed_in(context) {
                        return Err(err(TemplateErrorKind::NotHere(placeholder)));
                    }
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(Part::Var(placeholder));
                    while rest.peek().is_some_and(|&(j, _)| j <= i + close) {
                        rest.next();
                    }
                }
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(Template {
            source: source.to_string(),
            parts,
        })
    }

    /// The text as written in the checklist.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The placeholders the template names, in order.
    pub fn placeholders(&self) -> impl Iterator<Item = Placeholder> + '_ {
        self.parts.iter().filter_map(|p| match p {
            Part::Var(v) => Some(*v),
            Part::Text(_) => None,
        })
    }

    /// Fill the template; `value` gives the text of each placeholder.
    pub fn render(&self, mut value: impl FnMut(Placeholder) -> String) -> String {
        let mut out = String::with_capacity(self.source.len() + 16);
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Var(v) => out.push_str(&value(*v)),
            }
        }
        out
    }
}

impl fmt::Display for TemplateErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateErrorKind::Unknown(name) => write!(f, "unknown placeholder '{{{name}}}'"),
            TemplateErrorKind::NotHere(p) => {
                write!(f, "placeholder '{{{}}}' has no value here", p.name())
            }
            TemplateErrorKind::Unclosed => f.write_str("'{' is never closed"),
            TemplateErrorKind::StrayClose => f.write_str("'}' without '{'"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNT: Context = Context::Item(KindTag::Count);

    #[test]
    fn renders_placeholders_and_escapes() {
        let t = Template::parse("召开党组会议{count}次，学习{topics}{{注}}", COUNT).unwrap();
        let out = t.render(|p| match p {
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
}
