//! CSV: the completion table for spreadsheets, one row per item and optionally per entry,
//! which `duty import-entries` reads back (its item rows passed over).
//!
//! Cells that a spreadsheet would run as a formula (`= + - @`, or a leading tab or carriage
//! return) get a leading `'`, the usual neutraliser (OWASP "CSV injection").

use super::fill::figure;
use super::table::{kind_label, rows};
use super::{Input, Options};
use crate::progress::Status;
use crate::text::dates::iso;

/// A cell a spreadsheet will show as text, never evaluate.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

pub fn csv(input: &Input<'_>, st: &Status<'_>, options: Options) -> Vec<u8> {
    let lang = input.lang;
    let mut buf = Vec::new();
    if options.bom {
        buf.extend_from_slice("\u{FEFF}".as_bytes());
    }
    let mut w = csv::Writer::from_writer(buf);
    let header = [
        lang.pick("记录", "record"),
        lang.pick("序号", "no"),
        lang.pick("栏目", "section"),
        lang.pick("事项编号", "item_id"),
        lang.pick("事项", "item"),
        lang.pick("责任科室", "owner"),
        lang.pick("类型", "kind"),
        lang.pick("目标", "target"),
        lang.pick("完成值", "value"),
        lang.pick("完成情况", "state"),
        lang.pick("状态", "progress"),
        lang.pick("截止日期", "due"),
        lang.pick("完成日期", "done"),
        lang.pick("主题", "topic"),
        lang.pick("学时", "hours"),
        lang.pick("主持人", "presided"),
        lang.pick("参加人员", "attended"),
        lang.pick("佐证材料", "evidence"),
        lang.pick("备注", "note"),
        // Last, so that a reader counting columns finds the others where they were.
        lang.pick("同时计入", "also"),
    ];
    let mut write = |cells: [&str; 20]| {
        // Field by field, so that a neutralised cell is the only one that allocates.
        // Writing into a Vec cannot fail.
        for c in cells {
            w.write_field(neutralise(c).as_bytes())
                .unwrap_or_else(|e| unreachable!("csv into memory: {e}"));
        }
        w.write_record(None::<&[u8]>)
            .unwrap_or_else(|e| unreachable!("csv into memory: {e}"));
    };
    write(header);
    for r in rows(input, st) {
        let number_text = r.number.to_string();
        let due = iso(r.status.due);
        let done = r.done.map(iso).unwrap_or_default();
        let value = figure(r.status.value);
        write([
            lang.pick("事项", "item"),
            &number_text,
            &r.section,
            &r.status.item.id,
            &r.title,
            &r.owner,
            kind_label(r.status.item.kind.tag(), lang),
            &r.target,
            &value,
            &r.state,
            &r.progress,
            &due,
            &done,
            "",
            "",
            "",
            "",
            &r.evidence,
            &r.note,
            "",
        ]);
        if options.entries {
            for e in r.entries() {
                let date = iso(e.date);
                let topic = super::fill::clean(&e.topic);
                let hours = e.hours.map(figure).unwrap_or_default();
                let evidence = super::fill::clean(&e.evidence);
                let presided = super::fill::clean(&e.presided);
                let attended = super::fill::clean(&e.attended);
                // The other items the session counts for, by id as `duty log --also` takes
                // them, so that `duty import-entries` links the copies again.
                let also = e.linked.join("；");
                write([
                    lang.pick("登记", "entry"),
                    &number_text,
                    &r.section,
                    &r.status.item.id,
                    &r.title,
                    &r.owner,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    &date,
                    &topic,
                    &hours,
                    &presided,
                    &attended,
                    &evidence,
                    "",
                    &also,
                ]);
            }
        }
    }
    w.into_inner()
        .unwrap_or_else(|e| unreachable!("csv into memory: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn formula_cells_get_a_quote() {
        for s in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(super::neutralise(s).starts_with('\''), "{s:?}");
        }
        assert_eq!(super::neutralise("学法"), "学法");
        assert_eq!(super::neutralise("1-2"), "1-2");
    }
}
