//! Random ledgers against the built-in checklist, the seed's and the real-report cases':
//! no document holds a placeholder, a `0次` clause, doubled marks, or a raw control
//! character — whatever was recorded, in whatever order, on whatever day it is drafted.

use proptest::prelude::*;

use super::documents::{paragraphs, part};
use super::{Book, blank_entry, day, flaw};
use crate::checklist::{BUILTIN_DEFAULT, Kind};
use crate::i18n::Lang;
use crate::report::{Document, Format, Options, Part, render_with};

/// Text officers do type: trial entries, bare names, stray marks, braces, escapes.
const TOPICS: [&str; 14] = [
    "x",
    "",
    "test",
    "《宪法》",
    "宪法",
    "民法典。",
    "学习了、",
    "{year}",
    "\u{1b}[31m红字",
    "《《宪法》》",
    "（试行）",
    "“12·4”国家宪法日",
    "习近平法治思想，",
    "等等",
];

const NOTES: [&str; 5] = ["", "93分、优秀等次", "第14次", "%%", "{note}"];

const SOURCES: [&str; 5] = [
    BUILTIN_DEFAULT,
    include_str!("../../../tests/it/fixtures/report/heyuan-2024.ron"),
    include_str!("../../../tests/it/fixtures/report-cases/xuchang-sthjj-2023.ron"),
    include_str!("../../../tests/it/fixtures/report-cases/weihai-sthjj-2023.ron"),
    include_str!("../../../tests/it/fixtures/report-cases/zhejiang-jtyst-2024.ron"),
];

/// One thing recorded: which item (by position), how much, which text, which day.
type Act = (usize, u8, u8, usize, usize, i8);

/// An entry written straight into the ledger, as a damaged or hand-edited file may hold
/// it (the ledger itself refuses control characters when they are typed).
fn raw_log(b: &mut Book, id: &str, on: jiff::civil::Date, topic: &str, hours: Option<f64>) {
    let r = b.l.items.entry(id.to_string()).or_default();
    let n = r.entries.len();
    r.entries.push(crate::ledger::Entry {
        id: format!("p{n}").into(),
        date: on,
        topic: topic.to_string(),
        hours,
        evidence: topic.into(),
        by: "法规科".into(),
        ..blank_entry()
    });
}

fn record(b: &mut Book, acts: &[Act]) {
    let items: Vec<(String, Kind)> = b.c.items().map(|(_, i)| (i.id.clone(), i.kind)).collect();
    let year = b.c.year;
    for &(which, a, d, topic, note, month) in acts {
        let (id, kind) = &items[which % items.len()];
        let on = day(year, month, 1 + (a % 28) as i8);
        let topic = TOPICS[topic % TOPICS.len()];
        match kind {
            Kind::Task => {
                if b.l.record(id).is_none_or(|r| r.done.is_none()) {
                    b.check(id, on);
                }
            }
            Kind::Count { .. } => {
                for _ in 0..a % 4 {
                    raw_log(b, id, on, topic, None);
                }
            }
            Kind::Rate { .. } => {
                let (n, den) = (u64::from(a.min(d)), u64::from(d));
                b.l.items.remove(id);
                b.rate(id, n, den);
            }
            Kind::Hours { .. } => {
                raw_log(b, id, on, topic, Some(f64::from(a % 9) * 1.5));
            }
        }
        b.l.items.entry(id.clone()).or_default().note = NOTES[note % NOTES.len()].to_string();
    }
}

fn check(b: &Book, today: jiff::civil::Date) -> Result<(), TestCaseError> {
    let options = Options {
        part: Part::Both,
        todo: false,
        ..Options::default()
    };
    for lang in [Lang::Zh, Lang::En] {
        let input = b.input(today, lang);
        for doc in [Document::Summary, Document::Shufa] {
            for format in [Format::Text, Format::Md] {
                let out = String::from_utf8(render_with(doc, format, &input, options)).unwrap();
                if lang == Lang::Zh || format == Format::Text {
                    prop_assert_eq!(
                        flaw(&out),
                        None,
                        "{:?} {:?} {}:\n{}",
                        doc,
                        format,
                        lang,
                        out
                    );
                }
            }
            let docx = render_with(doc, Format::Docx, &input, options);
            let text = paragraphs(&part(&docx, "word/document.xml"));
            prop_assert_eq!(flaw(&text), None, "{:?} docx {}:\n{}", doc, lang, text);
        }
        // The ledger lists what was typed, but never a placeholder or a control character.
        for format in [Format::Text, Format::Md] {
            let out =
                String::from_utf8(render_with(Document::Ledger, format, &input, options)).unwrap();
            prop_assert!(!out.contains(['{', '}']), "{}", out);
            prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{}", out);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_document_holds_a_placeholder_a_zero_or_doubled_marks(
        source in 0..SOURCES.len(),
        acts in proptest::collection::vec(
            (0usize..64, 0u8..30, 0u8..30, 0usize..32, 0usize..8, 1i8..=12),
            0..40,
        ),
        drafted in 0i8..3,
    ) {
        let mut b = Book::new(SOURCES[source]);
        record(&mut b, &acts);
        // In December, after the year, and after the report's own deadlines.
        let today = match drafted {
            0 => day(b.c.year, 12, 20),
            1 => day(b.c.year + 1, 1, 15),
            _ => day(b.c.year + 1, 4, 10),
        };
        check(&b, today)?;
    }
}
