//! The completion ledger (台账) as a landscape .docx: a row per item, and with `--entries`
//! every logged session under its item's number. The 佐证材料 column holds the evidence
//! texts and then the files kept, one a line, as the workbook's does; in the item table a
//! session's file says which session (by its day) it belongs to.

use jiff::civil::Date;

use super::parts::TEXT_WIDTH_LANDSCAPE;
use super::xml::{Body, Style};
use super::{clean, evidence_lines};
use crate::i18n::Words;
use crate::ledger::{Entry, ItemRecord};
use crate::progress::Status;
use crate::report::Input;
use crate::report::plain::ledger_title_parts;
use crate::report::table::{Row, rows};

pub(super) fn ledger(body: &mut Body, input: &Input<'_>, st: &Status<'_>, entries: bool) -> String {
    let w = input.lang.words();
    let (org, what) = ledger_title_parts(input);
    body.lines(Style::Title, &[&org, &what]);
    body.para(Style::Centred, &w.ledger_as_of(input.today));
    let rows = rows(input, st);
    ledger_table(body, &rows, w);
    if entries {
        body.blank();
        body.para(Style::Heading1, w.ledger_doc_sessions_heading());
        sessions_table(body, &rows, w);
    }
    format!("{org}{what}")
}

/// The files kept for an item, one a line: those of the item itself, then each session's
/// (in the sessions' order), named with the session's day. A name the XML cannot carry is
/// cleaned like every other text.
fn item_file_lines(record: Option<&ItemRecord>, entries: &[&Entry], w: Words) -> Vec<String> {
    let Some(r) = record else {
        return Vec::new();
    };
    let own = r
        .files_of(None)
        .map(|f| w.ledger_file_line(&clean(&f.name), None));
    let of_sessions = entries.iter().flat_map(|e| {
        r.files_of(Some(&e.id))
            .map(move |f| w.ledger_file_line(&clean(&f.name), Some(e.date)))
    });
    // A file whose session is gone (a hand-edited ledger) is still shown, as the item's.
    let orphans = r
        .files
        .iter()
        .filter(|f| {
            f.entry
                .as_deref()
                .is_some_and(|id| !entries.iter().any(|e| e.id == id))
        })
        .map(|f| w.ledger_file_line(&clean(&f.name), None));
    own.chain(of_sessions).chain(orphans).collect()
}

/// A session's files, one a line, after its evidence.
fn session_file_lines(record: Option<&ItemRecord>, entry: &Entry, w: Words) -> Vec<String> {
    record.map_or_else(Vec::new, |r| {
        r.files_of(Some(&entry.id))
            .map(|f| w.ledger_file_line(&clean(&f.name), None))
            .collect()
    })
}

/// The ledger's table on a landscape page: a Chinese date (2024年12月10日) needs 2 200 twips
/// at 小四.
fn ledger_table(body: &mut Body, rows: &[Row<'_>], w: Words) {
    let fixed = [640, 1400, 2600, 1200, 2600, 2200];
    let widths: Vec<usize> = fixed
        .into_iter()
        .chain([TEXT_WIDTH_LANDSCAPE - fixed.iter().sum::<usize>()])
        .collect();
    let day = |d: Option<Date>| d.map(|d| w.doc_date(d)).unwrap_or_default();
    let header = w.ledger_doc_columns();
    let cells: Vec<Vec<Vec<String>>> = rows
        .iter()
        .map(|r| {
            let mut evidence = evidence_lines(&r.evidence);
            evidence.extend(item_file_lines(r.status.record, &r.entries(), w));
            vec![
                vec![r.number.to_string()],
                vec![r.section.clone()],
                vec![r.title.clone()],
                vec![r.owner.clone()],
                vec![r.state_and_progress(w.lang())],
                vec![day(r.done)],
                evidence,
            ]
        })
        .collect();
    body.table(&widths, &header, &cells);
}

/// Every logged session under its item's number, as inspectors check them against the
/// minutes and sign-in sheets: date, topic, hours, who presided, evidence and its files.
fn sessions_table(body: &mut Body, rows: &[Row<'_>], w: Words) {
    // The 佐证 column as wide as section three's, so a 文号 stays on one line; the date as
    // wide as the ledger table's (2024年12月10日 on one line).
    let fixed = [640, 2300, 2200, 3100, 700, 1300];
    let widths: Vec<usize> = fixed
        .into_iter()
        .chain([TEXT_WIDTH_LANDSCAPE - fixed.iter().sum::<usize>()])
        .collect();
    let header = w.ledger_doc_sessions_columns();
    let cells: Vec<Vec<Vec<String>>> = rows
        .iter()
        .flat_map(|r| {
            r.entries().into_iter().map(move |e| {
                let mut evidence = evidence_lines(&clean(&e.evidence));
                evidence.extend(session_file_lines(r.status.record, e, w));
                vec![
                    vec![r.number.to_string()],
                    vec![r.title.clone()],
                    vec![w.doc_date(e.date)],
                    vec![clean(&e.topic)],
                    vec![e.hours.map(crate::report::fill::figure).unwrap_or_default()],
                    vec![clean(&e.presided)],
                    evidence,
                ]
            })
        })
        .collect();
    body.table(&widths, &header, &cells);
}
