//! Unit files written and read back, the checksum checked the documented way, and every kind
//! of damage placed at its line and column.

use jiff::civil::date;
use sha2::{Digest, Sha256};

use super::*;
use crate::checklist::{BUILTIN_DEFAULT, load};
use crate::ledger::{Change, Ctx};

fn example() -> (UnitHeader, Checklist, Ledger) {
    let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2025, Lang::Zh).unwrap();
    let mut l = Ledger::new(&c.id, 2025);
    let ctx = Ctx {
        today: date(2025, 6, 1),
        now: "2025-06-01T02:00:00Z".parse().unwrap(),
        user: "张三".into(),
    };
    let changes = [
        Change::Check {
            item: "annual-plan".into(),
            date: date(2025, 3, 1),
            evidence: "局党组〔2025〕3号 \"要点\"".into(),
        },
        Change::Log {
            item: "center-group".into(),
            date: date(2025, 4, 2),
            topic: "学习《中华人民共和国宪法》\\第一讲".into(),
            hours: None,
            evidence: String::new(),
            people: Default::default(),
            also: Vec::new(),
        },
        Change::Rate {
            item: "exam-pass".into(),
            numerator: 45,
            denominator: 46,
            date: date(2025, 5, 1),
            evidence: "名单".into(),
        },
    ];
    for ch in &changes {
        l.change(&c, ch, &ctx).unwrap();
    }
    let h = UnitHeader {
        name: "河源市司法局".into(),
        checklist: c.id.clone(),
        year: 2025,
        exported_at: "2025-06-01T02:30:00Z".parse().unwrap(),
        exported_by: "张三".into(),
        duty_version: "0.1.0".into(),
        last_change: Some(ctx.now),
        changes: l.seq,
    };
    (h, c, l)
}

fn read(text: &str) -> Result<Submission, Failed> {
    parse(text.as_bytes(), "unit.ron", Lang::En)
}

#[test]
fn a_unit_file_reads_back_whole_and_checks() {
    let (h, c, l) = example();
    let text = serialize(&h, &c, &l);
    let s = read(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(s.header, h);
    assert_eq!(s.ledger, l);
    assert_eq!(s.checksum, Checksum::Valid);
    assert_eq!(s.problem, None);
    // The checklist is the same checklist, down to the report sentences.
    assert_eq!(s.checklist.items().count(), c.items().count());
    for ((_, a), (_, b)) in s.checklist.items().zip(c.items()) {
        assert_eq!(a, b);
    }
    assert_eq!(s.checklist.report, c.report);
    // Written the same way twice.
    assert_eq!(serialize(&h, &c, &l), text);
}

#[test]
fn the_checksum_is_what_the_documentation_says() {
    let (h, c, l) = example();
    let text = serialize(&h, &c, &l);
    let line = text.find("\n    sha256: \"").unwrap() + 1;
    let documented = super::hex(&Sha256::digest(&text.as_bytes()[..line]));
    assert!(text[line..].starts_with(&format!("    sha256: \"{documented}\",\n)\n")));
    assert!(text.starts_with("// duty 单位报送文件"));
}

#[test]
fn line_endings_and_a_bom_changed_in_transit_still_check() {
    let (h, c, l) = example();
    let text = serialize(&h, &c, &l);
    let mut crlf = b"\xEF\xBB\xBF".to_vec();
    crlf.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    let s = parse(&crlf, "u", Lang::Zh).unwrap();
    assert_eq!(s.checksum, Checksum::Valid);
    // A carriage return that is not part of a line ending counts.
    let lone = text.replacen("// duty unit", "//\r duty unit", 1);
    assert!(matches!(
        read(&lone).unwrap().checksum,
        Checksum::Mismatch { .. }
    ));
}

#[test]
fn a_change_after_export_is_a_mismatch_with_the_figures_kept() {
    let (h, c, l) = example();
    let text = serialize(&h, &c, &l).replace("numerator: 45", "numerator: 46");
    let s = read(&text).unwrap();
    let Checksum::Mismatch { recorded, computed } = &s.checksum else {
        panic!("{:?}", s.checksum)
    };
    assert_ne!(recorded, computed);
    assert_eq!(
        s.ledger.items["exam-pass"].rate.as_ref().unwrap().numerator,
        46
    );
}

fn problem(text: &str) -> (FileProblem, Option<String>) {
    match read(text) {
        Ok(_) => panic!("read:\n{text}"),
        Err(e) => e,
    }
}

#[test]
fn a_cut_off_file_is_placed_at_its_end_and_still_names_its_unit() {
    let (h, c, l) = example();
    let text = serialize(&h, &c, &l);
    let cut = &text[..text.find("ledger:").unwrap() + 40];
    let (p, unit) = problem(cut);
    assert_eq!(unit.as_deref(), Some("河源市司法局"));
    let FileProblem::Syntax { at, .. } = p else {
        panic!("{p:?}")
    };
    let lines = cut.lines().count();
    assert_eq!(at.0, lines, "{p:?}");
    // Cut in the middle of a field's name: still a file cut off, not a missing colon.
    let word = &text[..text.find("exported_by").unwrap() + "exported".len()];
    let (p, _) = problem(word);
    assert!(
        matches!(&p, FileProblem::Syntax { error, .. } if **error == ron::Error::Eof),
        "{p:?}"
    );
    // Cut inside the header: the name is still read from its first line.
    let early = &text[..text.find("exported_by").unwrap()];
    assert_eq!(problem(early).1.as_deref(), Some("河源市司法局"));
}

#[test]
fn a_bad_checklist_inside_is_placed_in_the_unit_file() {
    let (h, c, l) = example();
    let text = serialize(&h, &c, &l).replacen("due: \"03-31\"", "due: \"13-31\"", 1);
    let at = text.find("due: \"13-31\"").unwrap();
    let (line, _) = super::line_col(&text, at);
    let (p, unit) = problem(&text);
    assert_eq!(unit.as_deref(), Some("河源市司法局"));
    let FileProblem::Checklist { first, count } = p else {
        panic!("{p:?}")
    };
    assert_eq!((first.line, count), (line, 1), "{first}");
    assert_eq!(first.origin, "unit.ron");
}

#[test]
fn parts_that_disagree_are_refused() {
    let (h, c, l) = example();
    let text = serialize(&h, &c, &l);
    let other = text.replacen(
        "    year: 2025,\n        closed",
        "    year: 2024,\n        closed",
        1,
    );
    assert!(other != text);
    let (p, _) = problem(&other);
    assert!(
        matches!(
            p,
            FileProblem::Disagrees {
                part: Part::Ledger,
                ..
            }
        ),
        "{p:?}"
    );
}

#[test]
fn what_is_not_a_unit_file_says_what_it_is() {
    let ledger = crate::store::exported(&example().2);
    assert_eq!(
        problem(&ledger).0,
        FileProblem::NotUnitFile {
            looks_like: Some(Lookalike::Ledger)
        }
    );
    assert_eq!(
        problem(BUILTIN_DEFAULT).0,
        FileProblem::NotUnitFile {
            looks_like: Some(Lookalike::Checklist)
        }
    );
    assert_eq!(
        problem("PK\u{3}\u{4} not text").0,
        FileProblem::NotUnitFile { looks_like: None }
    );
    assert_eq!(problem(" \n\t").0, FileProblem::Empty);
    assert_eq!(
        parse(b"\xFF\xFEd\0", "u", Lang::Zh).unwrap_err().0,
        FileProblem::Utf16
    );
    let bad = parse(b"(duty_unit_file: 1,\n unit: \"\xC3(\"", "u", Lang::Zh).unwrap_err();
    assert_eq!(
        bad.0,
        FileProblem::NotUtf8 {
            byte: 0xC3,
            at: (2, 9)
        }
    );
}

#[test]
fn newer_formats_missing_and_unknown_parts() {
    let (h, c, l) = example();
    let text = serialize(&h, &c, &l);
    let newer = text.replacen(
        "duty_unit_file: 1,",
        "duty_unit_file: 2,\n    signature: \"x\",",
        1,
    );
    assert_eq!(problem(&newer).0, FileProblem::TooNew { format: 2 });
    let unknown = text.replacen("duty_unit_file: 1,", "duty_unit_file: 1,\n    extra: 5,", 1);
    let (p, _) = problem(&unknown);
    assert_eq!(p.at(), Some((7, 5)), "{p:?}");
    let no_sum = {
        let at = text.find("    sha256:").unwrap();
        format!("{})\n", &text[..at])
    };
    assert_eq!(problem(&no_sum).0, FileProblem::Missing { field: "sha256" });
    let nameless = text.replacen("name: \"河源市司法局\"", "name: \" \"", 1);
    assert!(matches!(problem(&nameless).0, FileProblem::NoName { .. }));
}
