//! The collector's rules on small, hand-made inputs: which file of a unit wins, which year and
//! template are chosen, that no named unit disappears, the risk order, filters, the matrix's
//! marks and the notice's facts.

use jiff::Timestamp;
use jiff::civil::date;

use super::collect::FileState;
use super::matrix::{MatrixCell, matrix};
use super::*;
use crate::checklist::{BUILTIN_DEFAULT, load};
use crate::i18n::Lang;
use crate::ledger::{Done, ItemRecord, Ledger};

const TODAY: jiff::civil::Date = date(2025, 11, 20);

fn checklist(year: i16, id: &str, rename: bool) -> Checklist {
    let mut text = BUILTIN_DEFAULT.replacen("rule-of-law-duties", id, 1);
    if rename {
        text = text.replacen(
            "将法治建设纳入年度工作要点",
            "将法治建设纳入本单位年度工作要点",
            1,
        );
    }
    load(text.as_bytes(), "t", year, Lang::Zh).unwrap()
}

/// A unit's file: `done` duties ticked (by id), exported at second `at`.
fn unit(name: &str, c: &Checklist, done: &[&str], at: i64) -> Submission {
    let mut ledger = Ledger::new(&c.id, c.year);
    for id in done {
        ledger.items.insert(
            id.to_string(),
            ItemRecord {
                done: Some(Done {
                    date: date(c.year, 2, 1),
                    evidence: "文号".into(),
                    by: "u".into(),
                }),
                ..ItemRecord::default()
            },
        );
    }
    Submission {
        header: UnitHeader {
            name: name.into(),
            checklist: c.id.clone(),
            year: c.year,
            exported_at: Timestamp::from_second(1_700_000_000 + at).unwrap(),
            exported_by: "张三".into(),
            duty_version: "0.1.0".into(),
            last_change: None,
            changes: 0,
        },
        checklist: c.clone(),
        ledger,
        checksum: Checksum::Valid,
        problem: None,
    }
}

/// What reading one file gives the collector: the unit's submission, or why not (and the
/// unit's name when it could be read).
type Outcome = Result<Submission, (FileProblem, Option<String>)>;

fn collect(files: Vec<(&str, Outcome)>) -> Overview {
    let mut c = Collector::new(Options {
        today: TODAY,
        year: None,
        template: None,
    });
    for (path, outcome) in files {
        c.add(path.to_string(), outcome);
    }
    c.finish()
}

fn row<'a>(o: &'a Overview, name: &str) -> &'a UnitRow {
    o.rows.iter().find(|r| r.name == name).unwrap()
}

#[test]
fn the_later_export_wins_whatever_the_reading_order() {
    let c = checklist(2025, "city", false);
    let o = collect(vec![
        (
            "a/late.ron",
            Ok(unit("市司法局", &c, &["annual-plan", "study-plan"], 100)),
        ),
        ("b/early.ron", Ok(unit(" 市司法局 ", &c, &[], 10))),
    ]);
    assert_eq!(o.rows.len(), 1, "one unit, however its name is spaced");
    let r = &o.rows[0];
    assert_eq!(o.file_of(r).unwrap().path, "a/late.ron");
    assert_eq!(r.figures.unwrap().complete, 2);
    assert_eq!(o.files[1].state, FileState::Superseded { by: 0 });
    assert_eq!(r.other_files, [1]);
    // Exported at the same moment: the later in reading order wins.
    let o = collect(vec![
        ("1.ron", Ok(unit("市司法局", &c, &[], 10))),
        ("2.ron", Ok(unit("市司法局", &c, &["annual-plan"], 10))),
    ]);
    assert_eq!(o.file_of(&o.rows[0]).unwrap().path, "2.ron");
}

#[test]
fn year_and_template_are_those_most_units_use_and_no_unit_disappears() {
    let this = checklist(2025, "city", false);
    let other = checklist(2025, "archives", false);
    let last = checklist(2024, "city", false);
    let o = collect(vec![
        ("a.ron", Ok(unit("甲局", &this, &[], 1))),
        ("b.ron", Ok(unit("乙局", &this, &[], 1))),
        ("c.ron", Ok(unit("档案馆", &other, &[], 1))),
        ("d.ron", Ok(unit("丙局", &last, &[], 1))),
        ("e.ron", Err((FileProblem::Empty, Some("丁局".into())))),
        (
            "f.ron",
            Err((FileProblem::NotUnitFile { looks_like: None }, None)),
        ),
    ]);
    assert_eq!(o.year, 2025);
    assert_eq!(
        o.template,
        Some(("city".into(), TemplateSource::MostUsed { units: 2 }))
    );
    assert_eq!(o.rows.len(), 5, "甲 乙 档案馆 丙 丁");
    assert_eq!(
        row(&o, "档案馆").other_template.as_deref(),
        Some("archives")
    );
    assert!(row(&o, "丙局").figures.is_none(), "only last year's file");
    assert_eq!(o.files[3].state, FileState::OtherYear { year: 2024 });
    assert!(row(&o, "丁局").figures.is_none());
    // Rows without a usable file come first.
    assert!(o.rows[..2].iter().all(|r| r.figures.is_none()));
    let m = matrix(&o, &(0..o.rows.len()).collect::<Vec<_>>()).unwrap();
    assert_eq!(m.units.len(), 2);
    assert_eq!(m.left_out.len(), 3);
}

#[test]
fn the_risk_order_and_the_filters() {
    let c = checklist(2025, "city", false);
    let all: Vec<&str> = c.items().map(|(_, i)| i.id.as_str()).collect();
    let o = collect(vec![
        ("a.ron", Ok(unit("少做", &c, &["annual-plan"], 1))),
        ("b.ron", Ok(unit("多做", &c, &all[..10], 1))),
    ]);
    let (few, many) = (row(&o, "少做"), row(&o, "多做"));
    assert!(few.score() > many.score());
    assert_eq!(o.rows[0].name, "少做");
    let f = few.figures.unwrap();
    assert_eq!(
        f.score(),
        3 * f.overdue + 2 * f.behind + 2 * f.below + f.no_evidence
    );
    let pick = |filters: &[Filter], find: &str, sort: Sort| -> Vec<&str> {
        filter::select(&o.rows, &o.files, filters, find, sort)
            .into_iter()
            .map(|i| o.rows[i].name.as_str())
            .collect()
    };
    assert_eq!(pick(&[], "多", Sort::Risk), ["多做"]);
    assert_eq!(pick(&[Filter::Overdue], "", Sort::Name), ["多做", "少做"]);
    assert_eq!(
        pick(&[Filter::Complete], "", Sort::Risk),
        Vec::<&str>::new()
    );
    assert_eq!(pick(&[], "", Sort::Completion), ["少做", "多做"]);
}

#[test]
fn renamed_and_dropped_items_are_marked_in_the_matrix() {
    let c = checklist(2025, "city", false);
    let renamed = checklist(2025, "city", true);
    let o = collect(vec![
        ("a.ron", Ok(unit("甲局", &c, &[], 1))),
        ("b.ron", Ok(unit("乙局", &c, &[], 1))),
        ("c.ron", Ok(unit("丙局", &renamed, &[], 1))),
    ]);
    let rows: Vec<usize> = (0..o.rows.len()).collect();
    let m = matrix(&o, &rows).unwrap();
    let k = m
        .units
        .iter()
        .position(|&r| o.rows[r].name == "丙局")
        .unwrap();
    let i = m.items.iter().position(|i| i.id == "annual-plan").unwrap();
    assert!(matches!(
        m.cells[i][k],
        MatrixCell::Item { renamed: true, .. }
    ));
    let others = m
        .units
        .iter()
        .position(|&r| o.rows[r].name == "甲局")
        .unwrap();
    assert!(matches!(
        m.cells[i][others],
        MatrixCell::Item { renamed: false, .. }
    ));
}

#[test]
fn the_notice_names_units_behind_and_files_to_send_again() {
    let c = checklist(2025, "city", false);
    let o = collect(vec![
        ("a.ron", Ok(unit("甲局", &c, &["annual-plan"], 1))),
        ("b.ron", Err((FileProblem::Empty, Some("乙局".into())))),
    ]);
    let rows: Vec<usize> = (0..o.rows.len()).collect();
    let n = notice::notice(&o, &rows, Some("依法治市办"), None);
    assert_eq!(n.overdue.len(), 1);
    assert_eq!(n.file_issues, [("乙局", notice::FileIssue::Unreadable)]);
    let text: Vec<String> = Lang::Zh
        .words()
        .notice(&n)
        .into_iter()
        .map(|b| format!("{b:?}"))
        .collect();
    let text = text.join("\n");
    assert!(
        text.contains("关于2025年度法治建设第一责任人职责履行情况的通报"),
        "{text}"
    );
    assert!(text.contains("甲局（逾期"), "{text}");
    assert!(text.contains("乙局报送的文件无法读取"), "{text}");
    assert!(!text.contains("0个单位"), "no empty clause: {text}");
}

#[test]
fn names_match_across_spacing_and_case() {
    assert_eq!(unit_key(" 市 司法局\u{3000}"), unit_key("市 司法局"));
    assert_eq!(unit_key("City  Justice Bureau"), "city justice bureau");
    assert_ne!(unit_key("市司法局"), unit_key("市 司法局"));
}
