//! The documents drafted from ledgers: the seed report and other real published reports
//! recorded as ledgers (their facts, never their prose), the honesty rules one by one,
//! what the templates can say, snapshots of every document, and a property test over
//! random ledgers.

mod cases;
mod documents;
mod expressive;
mod honesty;
mod props;
mod seed;

use jiff::civil::{Date, date};

use super::{Document, Format, Input, Options, Part, render_with};
use crate::checklist::{Checklist, load};
use crate::i18n::Lang;
use crate::ledger::{Change, Ctx, Ledger};

/// A checklist and the ledger recorded against it, change by change.
pub(super) struct Book {
    pub c: Checklist,
    pub l: Ledger,
}

pub(super) fn day(y: i16, m: i8, d: i8) -> Date {
    date(y, m, d)
}

impl Book {
    pub fn new(source: &str) -> Book {
        let c = load(source.as_bytes(), "test.ron", 2024, Lang::Zh)
            .unwrap_or_else(|e| panic!("checklist loads: {}", e[0]));
        let l = Ledger::new(&c.id, c.year);
        Book { c, l }
    }

    fn change(&mut self, ch: Change) -> &mut Self {
        let ctx = Ctx {
            today: day(self.c.year + 1, 6, 30),
            now: jiff::Timestamp::UNIX_EPOCH,
            user: "法规科".into(),
        };
        self.l
            .change(&self.c, &ch, &ctx)
            .unwrap_or_else(|e| panic!("{ch:?}: {e:?}"));
        self
    }

    pub fn check(&mut self, item: &str, on: Date) -> &mut Self {
        self.check_with(item, on, "")
    }

    pub fn check_with(&mut self, item: &str, on: Date, evidence: &str) -> &mut Self {
        self.change(Change::Check {
            item: item.into(),
            date: on,
            evidence: evidence.into(),
        })
    }

    pub fn log(&mut self, item: &str, on: Date, topic: &str) -> &mut Self {
        self.change(Change::Log {
            item: item.into(),
            date: on,
            topic: topic.into(),
            hours: None,
            evidence: String::new(),
            people: Default::default(),
            also: Vec::new(),
        })
    }

    /// `n` entries of `topic`, one a month from January (then the 15th of each month).
    pub fn log_n(&mut self, item: &str, n: usize, topic: &str) -> &mut Self {
        for k in 0..n {
            let on = day(self.c.year, 1 + (k % 12) as i8, 5 + 10 * (k / 12 % 2) as i8);
            self.log(item, on, topic);
        }
        self
    }

    pub fn hours(&mut self, item: &str, on: Date, topic: &str, hours: f64) -> &mut Self {
        self.change(Change::Log {
            item: item.into(),
            date: on,
            topic: topic.into(),
            hours: Some(hours),
            evidence: String::new(),
            people: Default::default(),
            also: Vec::new(),
        })
    }

    pub fn rate(&mut self, item: &str, numerator: u64, denominator: u64) -> &mut Self {
        let on = day(self.c.year, 11, 30);
        self.change(Change::Rate {
            item: item.into(),
            numerator,
            denominator,
            date: on,
            evidence: String::new(),
        })
    }

    pub fn note(&mut self, item: &str, text: &str) -> &mut Self {
        self.change(Change::Note {
            item: item.into(),
            text: text.into(),
        })
    }

    pub fn input(&self, today: Date, lang: Lang) -> Input<'_> {
        Input {
            checklist: &self.c,
            ledger: &self.l,
            today,
            lang,
        }
    }

    pub fn render(
        &self,
        doc: Document,
        format: Format,
        today: Date,
        options: Options<'_>,
    ) -> String {
        String::from_utf8(render_with(
            doc,
            format,
            &self.input(today, Lang::Zh),
            options,
        ))
        .expect("utf-8")
    }

    /// Section three as text, drafted on `today`.
    pub fn three(&self, today: Date) -> String {
        self.render(Document::Summary, Format::Text, today, Options::default())
    }

    /// Section five as text.
    pub fn five(&self, today: Date) -> String {
        let options = Options {
            part: Part::Five,
            ..Options::default()
        };
        self.render(Document::Summary, Format::Text, today, options)
    }

    /// The 述法 report as text.
    pub fn shufa(&self, today: Date) -> String {
        self.render(Document::Shufa, Format::Text, today, Options::default())
    }
}

/// An entry with nothing in it, for tests that write entries straight into a ledger.
pub(super) fn blank_entry() -> crate::ledger::Entry {
    crate::ledger::Entry {
        id: Default::default(),
        date: day(2024, 1, 1),
        topic: String::new(),
        hours: None,
        evidence: Default::default(),
        by: Default::default(),
        presided: String::new(),
        attended: String::new(),
        linked: Vec::new(),
    }
}

/// The body of a section-three text: its lines after the heading, without blank ones.
pub(super) fn body(text: &str) -> Vec<&str> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// How many 一是、二是… a paragraph enumerates.
pub(super) fn points(paragraph: &str) -> usize {
    (1..=30)
        .take_while(|&n| paragraph.contains(&format!("{}是", super::prose::chinese_numeral(n))))
        .count()
}

/// Every fact is in `text`, in this order.
pub(super) fn in_order(text: &str, facts: &[&str]) {
    let mut at = 0;
    for fact in facts {
        match text[at..].find(fact) {
            Some(i) => at += i + fact.len(),
            None => panic!("missing {fact:?} (in order) in:\n{text}"),
        }
    }
}

/// What no generated document may hold: a placeholder, a `0次` clause, doubled marks,
/// a raw control character. `None` when `text` is clean.
pub(super) fn flaw(text: &str) -> Option<String> {
    if let Some(c) = text
        .chars()
        .find(|&c| c != '\n' && (c.is_control() || crate::text::is_unsafe(c)))
    {
        return Some(format!("control character {c:?}"));
    }
    if text.contains(['{', '}']) {
        return Some("a brace: an unfilled placeholder".into());
    }
    for bad in [
        "《《", "》》", "““", "””", "（（", "））", "，，", "、、", "；；", "。。", "%%", "等等",
        "、，", "，。", "；。", "、。", "（）", "《》",
    ] {
        if text.contains(bad) {
            return Some(format!("doubled marks {bad:?}"));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).find_map(|w| {
        let zero = w[1] == '0' && !w[0].is_ascii_digit() && !matches!(w[0], '.' | '/');
        (zero && matches!(w[2], '次' | '名' | '期' | '项' | '个' | '学' | '%'))
            .then(|| format!("a zero clause {:?}", w.iter().collect::<String>()))
    })
}
