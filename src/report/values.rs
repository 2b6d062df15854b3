//! What the ledger lets the report say: for each item whether it has a fact to state, and
//! the value of every `{…}` a template names, for the unit (third person) or the leader
//! (first person). A value that is missing is `None`, never `0` or an empty clause.

use std::collections::HashMap;

use super::fill::{clean, date_list, done_date, evidence, figure, join_unique, one_date, topics};
use super::prose::{self, Tok, chinese_numeral, drop_missing, first_person, tidy};
use crate::checklist::{Checklist, IfShort, Kind};
use crate::progress::{ItemStatus, Status, total_hours};
use crate::template::{Part, Placeholder, Slot, Spec, Template, Var};
use crate::text::numbers::percent;

/// Who speaks: the unit about its leader (section three), or the leader (述法).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Person {
    Third,
    First,
}

/// What an item gives the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Say {
    /// Nothing to state: not done, nothing logged, left out when short, or a duty that
    /// follows the report.
    Nothing,
    /// Its sentence with its real figures.
    Fact,
    /// A rate recorded as 0/0: its sentence for a year without cases.
    NoCases,
}

/// A template filled for one place in the text.
pub(crate) struct Filled {
    /// Tidied, without a final mark.
    pub text: String,
    /// The other items whose figures or sentence the text states.
    pub stated: Vec<usize>,
    /// How many other items the template names.
    pub refs: usize,
}

/// The ledger's facts for one text in one voice.
pub(crate) struct Scene<'a> {
    pub checklist: &'a Checklist,
    pub st: &'a Status<'a>,
    pub person: Person,
    index: HashMap<&'a str, usize>,
    says: Vec<Say>,
    /// How the leader is named in the third person, longest first (made 本人 in the first).
    third: Vec<&'a str>,
}

impl<'a> Scene<'a> {
    pub fn new(checklist: &'a Checklist, st: &'a Status<'a>, person: Person) -> Self {
        let index = st
            .items
            .iter()
            .enumerate()
            .map(|(i, s)| (s.item.id.as_str(), i))
            .collect();
        let says = st.items.iter().map(|s| say(s, person)).collect();
        let mut third: Vec<&str> = vec![
            checklist.report.leader.as_str(),
            "我局主要负责人",
            "局主要负责人",
            "主要负责人",
        ];
        third.sort_by_key(|t| std::cmp::Reverse(t.len()));
        third.dedup();
        Scene {
            checklist,
            st,
            person,
            index,
            says,
            third,
        }
    }

    pub fn say(&self, i: usize) -> Say {
        self.says[i]
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Whether the item `id` has what `var` asks of it: something to state, and for its
    /// rate's figures a rate with cases.
    pub fn can_state(&self, id: &str, var: &Var) -> bool {
        let Some(i) = self.find(id) else {
            return false;
        };
        let rate = matches!(
            var.slot,
            Slot::Value(Placeholder::Rate | Placeholder::Numerator | Placeholder::Denominator)
        );
        match self.says[i] {
            Say::Nothing => false,
            Say::NoCases => !rate,
            Say::Fact => true,
        }
    }

    /// The item's own sentence, or `None` when it has nothing to state.
    pub fn sentence(&self, i: usize) -> Option<String> {
        let s = &self.st.items[i];
        let template = match (self.says[i], self.person) {
            (Say::Nothing, _) => return None,
            (Say::NoCases, _) => s.item.no_cases.as_deref(),
            (Say::Fact, Person::First) => s.item.shufa.as_deref().or(Some(&s.item.report)),
            (Say::Fact, Person::Third) => Some(&s.item.report),
        };
        let text = match template {
            Some(t) => self.fill(t, Some(i), &s.item.title).text,
            None => no_cases_default(&s.item.title),
        };
        (!text.is_empty()).then_some(text)
    }

    /// Fill `t` for the item `home` (if any), `title` being what `{title}` names there.
    /// The phrase around a missing value is left out; the result is tidied and, in the
    /// first person, speaks as 本人.
    pub fn fill(&self, t: &Template, home: Option<usize>, title: &str) -> Filled {
        let mut toks: Vec<Tok> = Vec::with_capacity(t.source().len());
        let mut vars: Vec<Option<usize>> = Vec::new();
        let parts = t.parts();
        let mut skip_open = false;
        for (k, part) in parts.iter().enumerate() {
            match part {
                Part::Text(span) => {
                    let mut chars = t.text(span).chars();
                    if skip_open {
                        chars.next();
                        skip_open = false;
                    }
                    toks.extend(chars.map(Tok::Literal));
                }
                Part::Var(var) => {
                    // `《{topics}》`: the template wraps the list in 书名号, so each topic is
                    // written as a title and the template's own pair is dropped.
                    let titled = var.slot == Slot::Value(Placeholder::Topics)
                        && toks.last() == Some(&Tok::Literal('《'))
                        && matches!(parts.get(k + 1), Some(Part::Text(n)) if t.text(n).starts_with('》'));
                    if titled {
                        toks.pop();
                        skip_open = true;
                    }
                    let n = vars.len();
                    let target = match &var.item {
                        Some(id) => self.find(id),
                        None => home,
                    };
                    vars.push(var.item.as_ref().and(target));
                    // `学习了{topics}` with topics logged as `学习《…》`: the verb once.
                    let after_study =
                        var.slot == Slot::Value(Placeholder::Topics) && ends_with_study(&toks);
                    let value = self.value(target, var, title, titled);
                    let value = value.map(|v| if after_study { without_study(&v) } else { v });
                    match value {
                        Some(v) if !v.is_empty() => {
                            // Every value is cleaned where it is made.
                            toks.extend(v.chars().map(|c| Tok::Value(c, n)));
                        }
                        _ => toks.push(Tok::Missing(n)),
                    }
                }
            }
        }
        let (text, kept) = drop_missing(&toks, vars.len());
        let mut text = tidy(&text);
        if self.person == Person::First {
            text = first_person(&text, &self.third);
        }
        let refs = t.refs().count();
        let stated = vars
            .iter()
            .zip(&kept)
            .filter_map(|(v, k)| v.filter(|_| *k))
            .collect();
        Filled { text, stated, refs }
    }

    /// The value of one `{…}` for item `i` (or for the text as a whole when `None`).
    fn value(&self, i: Option<usize>, var: &Var, title: &str, titled: bool) -> Option<String> {
        let c = self.checklist;
        if var.item.is_some() {
            // Another item's figures exist only when that item has something to state.
            let i = i?;
            if self.says[i] == Say::Nothing {
                return None;
            }
            if var.slot == Slot::Sentence {
                return self.sentence(i);
            }
        }
        let Slot::Value(p) = var.slot else {
            return None;
        };
        let general = match p {
            Placeholder::Year => Some(c.year.to_string()),
            Placeholder::Org => Some(clean(&c.organization)),
            Placeholder::Leader => Some(match self.person {
                Person::Third => clean(&c.report.leader),
                Person::First => "本人".to_string(),
            }),
            Placeholder::Title if var.item.is_none() => Some(clean(title)),
            _ => None,
        };
        if general.is_some() {
            return general;
        }
        let s = &self.st.items[i?];
        self.item_value(s, p, var.spec, titled)
    }

    fn item_value(
        &self,
        s: &ItemStatus<'_>,
        p: Placeholder,
        spec: Spec,
        titled: bool,
    ) -> Option<String> {
        let record = s.record;
        let rate = record
            .and_then(|r| r.rate.as_ref())
            .filter(|r| !r.no_cases());
        // In date order, only for the placeholders that list them. Stable: entries logged on
        // the same day keep the order they were logged in.
        let entries = || {
            let mut e: Vec<_> = record
                .map(|r| r.entries.iter().collect())
                .unwrap_or_default();
            e.sort_by_key(|e: &&crate::ledger::Entry| e.date);
            e
        };
        let number = |n: u64| match spec {
            Spec::Numerals => chinese_numeral(n),
            _ => n.to_string(),
        };
        let nonzero = |n: u64| (n > 0).then(|| number(n));
        match p {
            Placeholder::Title => Some(clean(&s.item.title)),
            Placeholder::Owner => Some(match clean(&s.item.owner) {
                o if o.is_empty() => "有关科室".to_string(),
                o => o,
            }),
            Placeholder::Date => done_date(record).map(|d| one_date(d, spec)),
            Placeholder::Dates => Some(date_list(entries().iter().map(|e| e.date), spec)),
            Placeholder::FirstDate => record
                .and_then(|r| r.entries.iter().map(|e| e.date).min())
                .map(|d| one_date(d, spec)),
            Placeholder::Count => nonzero(s.entry_count() as u64),
            Placeholder::Target => match s.item.kind {
                Kind::Task => None,
                Kind::Count { target } => Some(number(u64::from(target))),
                Kind::Rate { target } => Some(format!("{}%", figure(target))),
                Kind::Hours { target } => Some(figure(target)),
            },
            Placeholder::Topics => {
                let cap = match spec {
                    Spec::Cap(n) => Some(n),
                    _ => None,
                };
                Some(topics(
                    entries().iter().map(|e| e.topic.as_str()),
                    cap,
                    titled,
                ))
            }
            Placeholder::Hours => {
                let h = total_hours(record);
                (h > 0.0).then(|| figure(h))
            }
            Placeholder::Rate => rate
                .filter(|r| r.numerator > 0)
                .map(|r| format!("{}%", percent(r.numerator, r.denominator))),
            Placeholder::Numerator => rate.and_then(|r| nonzero(r.numerator)),
            Placeholder::Denominator => rate.and_then(|r| nonzero(r.denominator)),
            Placeholder::Evidence => Some(join_unique(evidence(record))),
            Placeholder::Note => record.map(|r| clean(&r.note)),
            Placeholder::Short => short(s).map(|x| match (s.item.kind, spec) {
                (Kind::Hours { .. }, _) => figure(x),
                (_, Spec::Numerals) => chinese_numeral(x as u64),
                _ => figure(x),
            }),
            Placeholder::Year | Placeholder::Org | Placeholder::Leader => None,
        }
    }
}

/// How far an item is short of its target: sessions, hours, or for a rate the cases that
/// would have met it (`56/57` against 100% is 1 short). `None` when it is not short.
pub(crate) fn short(s: &ItemStatus<'_>) -> Option<f64> {
    if s.complete {
        return None;
    }
    let gap = match s.item.kind {
        Kind::Task => return None,
        Kind::Count { target } => f64::from(target) - s.entry_count() as f64,
        Kind::Hours { target } => target - total_hours(s.record),
        Kind::Rate { target } => {
            let r = s.record.and_then(|r| r.rate.as_ref())?;
            let needed = (target * r.denominator as f64 / 100.0 - 1e-9).ceil();
            needed - r.numerator as f64
        }
    };
    (gap > 0.0).then_some(gap)
}

/// What an item gives a text in `person`'s voice.
fn say(s: &ItemStatus<'_>, person: Person) -> Say {
    let item = s.item;
    if item.follows_report
        || (person == Person::First && item.shufa.as_deref().is_some_and(Template::is_empty))
    {
        return Say::Nothing;
    }
    let stated = |progress: bool| match (progress, s.complete, item.if_short) {
        (false, _, _) => Say::Nothing,
        (true, false, IfShort::Omit) => Say::Nothing,
        (true, _, _) => Say::Fact,
    };
    match item.kind {
        Kind::Task => stated(s.complete),
        Kind::Count { .. } => stated(s.entry_count() > 0),
        Kind::Hours { .. } => stated(total_hours(s.record) > 0.0),
        Kind::Rate { .. } => match s.record.and_then(|r| r.rate.as_ref()) {
            Some(r) if r.no_cases() => Say::NoCases,
            Some(r) => stated(r.numerator > 0),
            None => Say::Nothing,
        },
    }
}

/// A rate's sentence for a year without cases, when the checklist gives none:
/// `行政机关负责人出庭应诉，本年度无此类案件` (the title's final 率 left out).
fn no_cases_default(title: &str) -> String {
    let t = clean(title);
    let t = t.strip_suffix('率').unwrap_or(&t);
    prose::tidy(&format!("{t}，本年度无此类案件"))
}

/// Whether the literal text before a placeholder ends with the verb 学习 (or 学习了).
fn ends_with_study(toks: &[Tok]) -> bool {
    let tail: String = toks
        .iter()
        .rev()
        .take(3)
        .filter_map(|t| match t {
            Tok::Literal(c) => Some(*c),
            _ => None,
        })
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    tail.ends_with("学习") || tail.ends_with("学习了")
}

/// Each listed topic without a leading 学习 the sentence already says.
fn without_study(list: &str) -> String {
    list.split('、')
        .map(|t| match t.strip_prefix("学习") {
            Some(rest) if !rest.is_empty() && !rest.starts_with(['、', '等']) => rest,
            _ => t,
        })
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_the_sentence_says_is_not_repeated_by_its_topics() {
        let lit = |s: &str| s.chars().map(Tok::Literal).collect::<Vec<_>>();
        assert!(ends_with_study(&lit("及时传达，学习了")));
        assert!(ends_with_study(&lit("专题学习")));
        assert!(!ends_with_study(&lit("开展了")));
        assert_eq!(
            without_study("学习《中华人民共和国行政复议法》、学习习近平法治思想、宪法"),
            "《中华人民共和国行政复议法》、习近平法治思想、宪法"
        );
        assert_eq!(without_study("学习"), "学习");
    }
}
