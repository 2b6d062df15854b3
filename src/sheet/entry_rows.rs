//! Reading one row of an entries file into what it asks to record: the item, the date, the
//! topic, hours, evidence, who presided and attended, and the other items the session
//! counts for, each cell read as offices write it. What is wrong is said with its cell.

use jiff::civil::Date;

use super::grid::{Grid, Value, excel_serial_date};
use super::headings::Field;
use super::import_entries::RowFault;
use super::mapping::Mapping;
use super::values::one_line;
use crate::checklist::{Checklist, Item, KindTag, NotFound};
use crate::ledger::{ChangeError, Field as TextField, People};
use crate::text::dates::{DateError, parse_in};

/// A row read, before it is checked against the ledger.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Read {
    pub row: usize,
    pub item: String,
    pub kind: KindTag,
    pub date: Date,
    pub hours: Option<f64>,
    pub topic: String,
    pub evidence: String,
    pub people: People,
    pub also: Vec<String>,
}

/// What a row is: a session (or a tick) to record, an item's summary row of the ledger's
/// own CSV (passed over), or a blank one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Row {
    Blank,
    Summary,
    Read(Box<Read>),
}

/// A bad cell: its column (from 0), and what is wrong.
pub(crate) type Bad = (usize, RowFault);

/// The item `name` names, as `duty log` names it (id, number in the list, title, or a part
/// of a title only one item has), refused in `duty log`'s words, with its "did you mean".
fn named_item<'a>(checklist: &'a Checklist, name: &str) -> Result<&'a Item, ChangeError> {
    checklist.find(name).map_err(|e| match e {
        NotFound::Nothing { suggestions } => ChangeError::UnknownItem {
            id: name.to_string(),
            suggestions,
        },
        NotFound::Several { matches } => ChangeError::AmbiguousItem {
            name: name.to_string(),
            matches: matches
                .into_iter()
                .map(|(n, id)| {
                    let title = checklist
                        .item(&id)
                        .map(|i| i.title.clone())
                        .unwrap_or_default();
                    (n, id, title)
                })
                .collect(),
        },
    })
}

/// The item of a row's 事项 cell: as `duty log` names it, or else its title written with
/// other spaces and marks (`“七五”普法` as `七五普法`).
fn find_item(checklist: &Checklist, text: &str) -> Result<String, ChangeError> {
    let refused = match named_item(checklist, text) {
        Ok(item) => return Ok(item.id.clone()),
        Err(e) => e,
    };
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !"，。、；：“”\"'（）()《》".contains(*c))
            .collect()
    };
    let wanted = plain(text);
    let mut matching = checklist
        .items()
        .filter(|(_, i)| !wanted.is_empty() && plain(&i.title) == wanted);
    match (matching.next(), matching.next(), refused) {
        (Some((_, one)), None, _) => Ok(one.id.clone()),
        // Nothing near by `duty log`'s measure: the titles that read most alike.
        (_, _, ChangeError::UnknownItem { id, suggestions }) if suggestions.is_empty() => {
            let mut scored: Vec<(f64, &str)> = checklist
                .items()
                .map(|(_, i)| {
                    (
                        strsim::jaro_winkler(&wanted, &plain(&i.title)),
                        i.id.as_str(),
                    )
                })
                .filter(|(s, _)| *s > 0.7)
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            let suggestions = scored
                .into_iter()
                .take(3)
                .map(|(_, id)| id.into())
                .collect();
            Err(ChangeError::UnknownItem { id, suggestions })
        }
        (_, _, refused) => Err(refused),
    }
}

/// An item named as `duty log --also` names it (id, number, title or a part only it has),
/// refused in the same words when it names none or several.
fn also_item(checklist: &Checklist, name: &str) -> Result<String, ChangeError> {
    let item = named_item(checklist, name)?;
    // Only counted and hours items hold sessions, as `duty log --also` insists.
    match item.kind.tag() {
        KindTag::Count | KindTag::Hours => Ok(item.id.clone()),
        kind => Err(ChangeError::WrongKind {
            item: item.id.clone(),
            kind,
            wanted: &[KindTag::Count, KindTag::Hours],
        }),
    }
}

/// The items of a 同时计入 cell: one a line, or separated by `；` `;` `，` `,`. A title that
/// holds a separator (`党组会、局务会专题研究法治建设`) is read whole first, so `、` divides
/// only names that do not make one title together.
pub(crate) fn also_items(checklist: &Checklist, cell: &str) -> Result<Vec<String>, ChangeError> {
    let mut out: Vec<String> = Vec::new();
    let whole = cell.trim();
    if whole.is_empty() {
        return Ok(out);
    }
    if let Ok(one) = also_item(checklist, whole) {
        return Ok(vec![one]);
    }
    for piece in whole
        .split(['\n', '；', ';', '，', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let ids = match also_item(checklist, piece) {
            Ok(id) => vec![id],
            Err(e) if piece.contains('、') => piece
                .split('、')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| also_item(checklist, p))
                .collect::<Result<Vec<_>, _>>()
                // The error said is the one for the piece as written.
                .map_err(|_| e)?,
            Err(e) => return Err(e),
        };
        for id in ids {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    Ok(out)
}

/// A date cell: a date, a date Excel stores as a number, or text read as `duty log --date`
/// reads it (`2025-03-28`, `3月5日`, `5/14`, `昨天` …) for the checklist's year on `today`.
fn date_of(v: &Value, year: i16, today: Date) -> Result<Date, DateError> {
    match v {
        Value::Date(d) => Ok(*d),
        Value::Number(n) => excel_serial_date(*n)
            .ok_or(DateError::NotADate)
            .or_else(|_| parse_in(&v.text(), year, today)),
        Value::Text(t) => parse_in(t.trim(), year, today),
        _ => Err(DateError::NotADate),
    }
}

fn hours_of(v: &Value) -> Result<Option<f64>, ()> {
    match v {
        Value::Empty => Ok(None),
        Value::Number(n) => Ok(Some(*n)),
        Value::Text(t) if t.trim().is_empty() => Ok(None),
        Value::Text(t) => t
            .trim()
            .trim_end_matches(['时', '学', '课', '小'])
            .trim()
            .parse::<f64>()
            .map(Some)
            .map_err(|_| ()),
        _ => Err(()),
    }
}

/// A text cell on one line, without the `'` the ledger's CSV puts before a cell a
/// spreadsheet would otherwise run as a formula (`'=…`), so that its topics read back as
/// they were logged.
fn text_of(v: &Value) -> String {
    let t = one_line(&v.text());
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => t,
    }
}

/// The first character of a cell that may not be stored (a control character or a bidi
/// override; line breaks and tabs are only a cell's layout), refused as `duty log` refuses
/// it rather than stripped.
fn unsafe_char(v: &Value) -> Option<char> {
    v.text()
        .chars()
        .find(|c| !matches!(c, '\n' | '\r' | '\t') && crate::text::is_unsafe(*c))
}

/// Whether a row holds nothing of its own: empty, or only what merged cells spread over it
/// (an item merged down a block of rows leaves its blank rows blank).
fn blank(grid: &Grid, r: usize) -> bool {
    grid.rows[r]
        .iter()
        .enumerate()
        .all(|(c, v)| v.is_empty() || grid.is_merged(r, c))
}

/// Read row `r`, checked against the checklist's `year` on `today`: what it is, or every bad
/// cell in it.
pub(crate) fn read(
    grid: &Grid,
    mapping: &Mapping,
    checklist: &Checklist,
    (year, today): (i16, Date),
    r: usize,
) -> Result<Row, Vec<Bad>> {
    if blank(grid, r) {
        return Ok(Row::Blank);
    }
    let cell = |f: Field| mapping.col(f).map_or(&Value::Empty, |c| grid.get(r, c));
    let kind_of_row = cell(Field::Record).text();
    if ["事项", "item"].contains(&kind_of_row.to_lowercase().as_str()) {
        return Ok(Row::Summary);
    }
    let item_field = if mapping.col(Field::Id).is_some() {
        Field::Id
    } else {
        Field::Title
    };
    let item_col = mapping.col(item_field).unwrap_or(0);
    let col = |f: Field| mapping.col(f).unwrap_or(item_col);
    let mut bad: Vec<Bad> = Vec::new();
    // A cell with no heading above it would be dropped without a word.
    for (c, v) in grid.rows[r].iter().enumerate() {
        if !v.is_empty() && !grid.is_merged(r, c) && !mapping.columns.iter().any(|m| m.col == c) {
            bad.push((c, RowFault::Unheaded));
        }
    }
    let mut unreadable = Vec::new();
    for (c, f) in mapping.used() {
        match grid.get(r, c) {
            _ if f == Field::Number => {}
            Value::Formula(_) => unreadable.push((c, RowFault::Formula)),
            Value::Error(_) => unreadable.push((c, RowFault::ErrorValue)),
            v => {
                let field = match f {
                    Field::Topic => TextField::Topic,
                    Field::Evidence => TextField::Evidence,
                    Field::Presided => TextField::Presided,
                    Field::Attended => TextField::Attended,
                    _ => continue,
                };
                if let Some(ch) = unsafe_char(v) {
                    bad.push((c, RowFault::Refused(ChangeError::UnsafeText { field, ch })));
                }
            }
        }
    }
    let readable = |c: usize| !unreadable.iter().any(|u| u.0 == c);
    let item_text = cell(item_field).text();
    let item = match find_item(checklist, &item_text) {
        _ if !readable(item_col) => None,
        _ if item_text.is_empty() => {
            bad.push((item_col, RowFault::NoItem));
            None
        }
        Ok(id) => Some(id),
        Err(e) => {
            bad.push((item_col, RowFault::Refused(e)));
            None
        }
    };
    let date = match cell(Field::Date) {
        _ if !readable(col(Field::Date)) => None,
        v if v.is_empty() => {
            bad.push((col(Field::Date), RowFault::NoDate));
            None
        }
        v => match date_of(v, year, today) {
            Ok(d) => Some(d),
            Err(e) => {
                bad.push((col(Field::Date), RowFault::BadDate(e)));
                None
            }
        },
    };
    let hours = match hours_of(cell(Field::Hours)) {
        _ if !readable(col(Field::Hours)) => None,
        Ok(h) => h,
        Err(()) => {
            bad.push((col(Field::Hours), RowFault::BadHours));
            None
        }
    };
    let kind = item
        .as_deref()
        .and_then(|id| checklist.item(id))
        .map(|i| i.kind.tag());
    let people = People {
        presided: text_of(cell(Field::Presided)),
        attended: text_of(cell(Field::Attended)),
    };
    let also = match also_items(checklist, &cell(Field::Also).text()) {
        _ if !readable(col(Field::Also)) => Vec::new(),
        Ok(also) => also,
        Err(ChangeError::WrongKind { item, kind, .. }) => {
            bad.push((col(Field::Also), RowFault::AlsoWrongKind { item, kind }));
            Vec::new()
        }
        Err(e) => {
            bad.push((col(Field::Also), RowFault::Refused(e)));
            Vec::new()
        }
    };
    match kind {
        Some(KindTag::Rate) => bad.push((item_col, RowFault::RateItem)),
        // A tick has no one presiding and counts for nothing else: said, never dropped.
        Some(KindTag::Task) => {
            if !also.is_empty() {
                bad.push((col(Field::Also), RowFault::AlsoOnTick));
            }
            if !people.presided.is_empty() {
                bad.push((col(Field::Presided), RowFault::PeopleOnTick));
            }
            if !people.attended.is_empty() {
                bad.push((col(Field::Attended), RowFault::PeopleOnTick));
            }
        }
        _ => {}
    }
    bad.extend(unreadable);
    let (Some(item), Some(kind), Some(date)) = (item, kind, date) else {
        return Err(bad);
    };
    if !bad.is_empty() {
        return Err(bad);
    }
    Ok(Row::Read(Box::new(Read {
        row: r,
        item,
        kind,
        date,
        hours,
        topic: text_of(cell(Field::Topic)),
        evidence: text_of(cell(Field::Evidence)),
        people,
        also,
    })))
}

#[cfg(test)]
mod tests {
    use super::also_items;
    use crate::checklist::{BUILTIN_DEFAULT, load};
    use crate::i18n::Lang;
    use crate::ledger::ChangeError;

    #[test]
    fn also_counted_items_are_named_as_duty_log_also_names_them() {
        let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2025, Lang::Zh).unwrap();
        let ok = |cell: &str| also_items(&c, cell).unwrap();
        assert!(ok("  ").is_empty());
        // A title holding 、 is one item; ids, numbers and unique parts of titles count.
        assert_eq!(ok("党组会、局务会专题研究法治建设"), ["party-meetings"]);
        assert_eq!(
            ok("center-group\n17"),
            ["center-group", "pre-meeting-study"]
        );
        assert_eq!(
            ok("会前学法、中心组；study-hours,center-group"),
            ["pre-meeting-study", "center-group", "study-hours"]
        );
        assert!(matches!(
            also_items(&c, "centre-group"),
            Err(ChangeError::UnknownItem { suggestions, .. }) if suggestions[0] == "center-group"
        ));
        assert!(matches!(
            also_items(&c, "年度报告"),
            Err(ChangeError::AmbiguousItem { .. })
        ));
        // Only items that hold sessions; the error names the piece as written.
        assert!(matches!(
            also_items(&c, "center-group；annual-plan"),
            Err(ChangeError::WrongKind { item, .. }) if item == "annual-plan"
        ));
        assert!(matches!(
            also_items(&c, "中心组、不存在"),
            Err(ChangeError::UnknownItem { id, .. }) if id == "中心组、不存在"
        ));
    }
}
