//! What a template may name: the closed set of placeholders, their formats (`{topics:3}`,
//! `{date:month}`, `{count:cn}`), and where each one has a value.

use crate::checklist::KindTag;

/// Everything a template may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placeholder {
    /// The checklist year, e.g. `2024`.
    Year,
    /// The unit's name.
    Org,
    /// The checklist title (report text), the section title (section text) or the item
    /// title (item text).
    Title,
    /// How section three names the principal leader (`局党组书记、局长`); `本人` in the
    /// leader's own 述法 report.
    Leader,
    /// The item's owner office (责任科室).
    Owner,
    /// The date the duty was done, the rate was recorded, or the latest entry was logged.
    Date,
    /// The dates of all logged entries (`2024年6月30日和12月27日`).
    Dates,
    /// The date of the first logged entry.
    FirstDate,
    /// Number of logged entries.
    Count,
    /// The item's target (count, percentage or hours).
    Target,
    /// Logged topics, deduplicated, joined with `、`; `{topics:3}` keeps three and adds `等`.
    Topics,
    /// Total logged hours.
    Hours,
    /// A rate as a percentage with its sign, rounded down (`99.9%`, never `100%` for
    /// 2499/2500).
    Rate,
    /// The numerator and denominator of a rate.
    Numerator,
    Denominator,
    /// Evidence recorded for the item, joined with `、`.
    Evidence,
    /// The item's note as recorded (a score, a grade, an ordinal: `93分、优秀等次`).
    Note,
    /// How far an item is short of its target (sessions, hours, or cases for a rate); only
    /// in a section-five sentence.
    Short,
}

impl Placeholder {
    pub const ALL: [Placeholder; 18] = [
        Placeholder::Year,
        Placeholder::Org,
        Placeholder::Title,
        Placeholder::Leader,
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
        Placeholder::Note,
        Placeholder::Short,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Placeholder::Year => "year",
            Placeholder::Org => "org",
            Placeholder::Title => "title",
            Placeholder::Leader => "leader",
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
            Placeholder::Note => "note",
            Placeholder::Short => "short",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Whether the placeholder has a value in `context`.
    pub fn allowed_in(self, context: Context) -> bool {
        use Placeholder as P;
        match context {
            Context::Report => matches!(self, P::Year | P::Org | P::Title | P::Leader),
            Context::SectionHead | Context::Section => {
                matches!(self, P::Year | P::Org | P::Title | P::Leader)
            }
            Context::Item(kind) => self.in_item(kind),
            Context::Shortfall(kind) => {
                self.in_item(kind) || (self == P::Short && kind != KindTag::Task)
            }
        }
    }

    fn in_item(self, kind: KindTag) -> bool {
        use Placeholder as P;
        match self {
            P::Year
            | P::Org
            | P::Title
            | P::Leader
            | P::Owner
            | P::Date
            | P::Evidence
            | P::Note => true,
            P::Target => kind != KindTag::Task,
            P::Count | P::Dates | P::FirstDate | P::Topics => {
                matches!(kind, KindTag::Count | KindTag::Hours)
            }
            P::Hours => kind == KindTag::Hours,
            P::Rate | P::Numerator | P::Denominator => kind == KindTag::Rate,
            P::Short => false,
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

    /// The formats this placeholder takes after a `:`, for error messages.
    pub fn specs(self) -> &'static [&'static str] {
        use Placeholder as P;
        match self {
            P::Topics => &["1", "2", "3", "…"],
            P::Date | P::FirstDate | P::Dates => &["md", "month"],
            P::Count | P::Numerator | P::Denominator | P::Target | P::Short => &["cn"],
            _ => &[],
        }
    }

    /// The format `spec` (the text after `:`) for this placeholder, if it takes it.
    pub(crate) fn parse_spec(self, spec: &str) -> Option<Spec> {
        use Placeholder as P;
        match (self, spec) {
            (P::Topics, n) => n
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=50).contains(n))
                .map(Spec::Cap),
            (P::Date | P::FirstDate | P::Dates, "md") => Some(Spec::MonthDay),
            (P::Date | P::FirstDate | P::Dates, "month") => Some(Spec::Month),
            (P::Count | P::Numerator | P::Denominator | P::Target | P::Short, "cn") => {
                Some(Spec::Numerals)
            }
            _ => None,
        }
    }
}

/// How a value is written, chosen after a `:` in the placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Spec {
    /// As the placeholder writes it by default.
    #[default]
    Plain,
    /// `{topics:3}`: at most three topics, then `等`.
    Cap(u8),
    /// `{date:md}`: `7月18日`, the year left out.
    MonthDay,
    /// `{date:month}`: `7月`; `{dates:month}`: `3月、7月和12月`.
    Month,
    /// `{count:cn}`: Chinese numerals, `十四` (for `第十四次`).
    Numerals,
}

/// Where a template is used, which decides the placeholders it may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Fixed report text: the heading, opening and closing of section three, the document
    /// title, the texts of section five and of the 述法 report.
    Report,
    /// A section's lead-in and heading (`{title}` is the section title).
    SectionHead,
    /// A section's paragraph clauses: what a section head may name, and any item's figures
    /// (`{party-meetings.count}`) or whole sentence (`{party-meetings}`).
    Section,
    /// An item's sentence, for an item of this kind.
    Item(KindTag),
    /// An item's section-five sentence: its item placeholders and `{short}`.
    Shortfall(KindTag),
}
