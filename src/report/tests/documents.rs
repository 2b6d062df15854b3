//! Snapshots of every document (the report's draft: section three, section five, both with
//! the to-do list and table; the 述法 report; the ledger) in text, Markdown and .docx, in
//! Chinese and English; and the .docx read back as a package by an independent reader.

use std::io::Read;

use super::seed::seed;
use super::{Book, blank_entry, day, flaw};
use crate::i18n::Lang;
use crate::report::{Document, Format, Options, Part, render_with};

/// The seed's ledger with a few gaps and with text that needs cleaning, so that every
/// document has facts, shortfalls and a to-do list to show.
fn partly_done() -> Book {
    let mut b = seed();
    b.l.items.remove("law-exam");
    b.rate("law-exam", 45, 46);
    let r = b.l.items.entry("center-group".into()).or_default();
    r.entries.truncate(11);
    r.entries.push(crate::ledger::Entry {
        id: "x1".into(),
        date: day(2024, 4, 2),
        topic: "《宪法》\u{1b}[31m{year}\u{202E}".into(),
        hours: None,
        evidence: "=HYPERLINK(\"http://example.invalid\")".into(),
        by: "法规科".into(),
        ..blank_entry()
    });
    b.l.items.entry("annual-plan".into()).or_default().note = "计划|待印发".into();
    b
}

const TODAY: jiff::civil::Date = jiff::civil::date(2025, 1, 15);

fn all() -> Options<'static> {
    Options {
        part: Part::Both,
        todo: true,
        table: true,
        author: "张三",
        ..Options::default()
    }
}

fn text(b: &Book, doc: Document, format: Format, lang: Lang, options: Options<'_>) -> String {
    String::from_utf8(render_with(doc, format, &b.input(TODAY, lang), options)).expect("utf-8")
}

/// The XML part `name` of a .docx, read with the `zip` crate's reader.
pub(super) fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("docx is a zip");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in docx"))
        .read_to_string(&mut s)
        .expect("utf-8 xml");
    s
}

/// The text of every paragraph of a WordprocessingML part, one per line (parsing it with
/// quick-xml proves it is well-formed XML).
pub(super) fn paragraphs(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::End(e) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Event::Empty(e) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Event::Empty(e) if e.name().as_ref() == b"w:br" => out.push_str(" / "),
            Event::Text(t) if in_text => out.push_str(&t.unescape().expect("valid escapes")),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn every_document_in_text_and_markdown() {
    let b = partly_done();
    for lang in [Lang::Zh, Lang::En] {
        let l = lang.to_string();
        for (name, doc, options) in [
            ("summary", Document::Summary, Options::default()),
            (
                "summary_five",
                Document::Summary,
                Options {
                    part: Part::Five,
                    ..Options::default()
                },
            ),
            ("summary_all", Document::Summary, all()),
            ("shufa", Document::Shufa, Options::default()),
            ("ledger", Document::Ledger, Options::default()),
        ] {
            for (ext, format) in [("text", Format::Text), ("md", Format::Md)] {
                let out = text(&b, doc, format, lang, options);
                if doc != Document::Ledger && lang == Lang::Zh && format == Format::Text {
                    assert_eq!(flaw(&out), None, "{name}:\n{out}");
                }
                insta::assert_snapshot!(format!("{name}_{ext}_{l}"), out);
            }
        }
    }
}

#[test]
fn every_document_as_docx() {
    let b = partly_done();
    for lang in [Lang::Zh, Lang::En] {
        let l = lang.to_string();
        for (name, doc, options) in [
            ("summary", Document::Summary, Options::default()),
            ("summary_all", Document::Summary, all()),
            ("shufa", Document::Shufa, Options::default()),
            ("ledger", Document::Ledger, Options::default()),
        ] {
            let bytes = render_with(doc, Format::Docx, &b.input(TODAY, lang), options);
            let body = paragraphs(&part(&bytes, "word/document.xml"));
            insta::assert_snapshot!(format!("docx_{name}_{l}"), body);
        }
    }
}

#[test]
fn the_docx_follows_gb_t_9704() {
    let b = partly_done();
    let bytes = render_with(
        Document::Summary,
        Format::Docx,
        &b.input(TODAY, Lang::Zh),
        all(),
    );
    let doc = part(&bytes, "word/document.xml");
    // 22 lines of 28 characters on A4 with the standard margins: a grid of lines, 三号
    // condensed to 28 a line.
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    assert!(
        doc.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1588""#),
        "margins"
    );
    assert!(
        doc.contains(r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#),
        "grid"
    );
    // Odd and even footers, page numbers outside right and left, 四号 宋体.
    assert!(part(&bytes, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
    let odd = part(&bytes, "word/footer1.xml");
    let even = part(&bytes, "word/footer2.xml");
    assert!(
        odd.contains(r#"<w:ind w:right="280"/><w:jc w:val="right"/>"#),
        "{odd}"
    );
    assert!(
        even.contains(r#"<w:ind w:left="280"/><w:jc w:val="left"/>"#),
        "{even}"
    );
    for f in [&odd, &even] {
        assert_eq!(paragraphs(f), "— 1 —\n");
        assert!(f.contains(" PAGE "));
    }
    let styles = part(&bytes, "word/styles.xml");
    for needle in [
        r#"w:eastAsia="方正小标宋简体"/><w:spacing w:val="0"/><w:sz w:val="44"/>"#,
        r#"w:styleId="Heading1"><w:name w:val="heading 1"/>"#,
        r#"w:eastAsia="黑体""#,
        r#"w:eastAsia="楷体_GB2312""#,
        r#"w:eastAsia="仿宋_GB2312""#,
        r#"<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:cs="宋体"/><w:spacing w:val="0"/><w:sz w:val="28"/>"#,
        r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#,
        r#"<w:spacing w:val="-5"/><w:sz w:val="32"/>"#,
    ] {
        assert!(styles.contains(needle), "{needle}");
    }
    // The table: its header repeats, rows may break, evidence one per line.
    assert!(doc.contains("<w:tblHeader/>"));
    assert_eq!(
        doc.matches("<w:cantSplit/>").count(),
        1,
        "only the header is kept whole"
    );
    // Title from the checklist, once 年度; author from the session.
    let body = paragraphs(&doc);
    assert!(
        body.starts_with("河源市政务服务和数据管理局 / 2024年法治政府建设年度报告\n"),
        "{body}"
    );
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:creator>张三</dc:creator>"), "{core}");
    assert!(
        core.contains("2025-01-15T00:00:00Z") && !core.contains("1970"),
        "{core}"
    );
}

#[test]
fn without_asking_the_docx_holds_the_report_only() {
    let b = partly_done();
    let bytes = render_with(
        Document::Summary,
        Format::Docx,
        &b.input(TODAY, Lang::Zh),
        Options::default(),
    );
    let body = paragraphs(&part(&bytes, "word/document.xml"));
    for absent in ["待办事项", "附表", "序号", "佐证材料"] {
        assert!(!body.contains(absent), "{absent}:\n{body}");
    }
    assert!(body.contains("三、2024年度"), "{body}");
}
