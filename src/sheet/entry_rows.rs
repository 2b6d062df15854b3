//! Reading one row of an entries file into what it asks to record: the item, the date, the
//! topic, hours, evidence, who presided and attended, and the other items the session
//! counts for, each cell read as offices write it. What is wrong is said with its cell.

use jiff::civil::Date;

use super::grid::{Grid, Value, excel_serial_date};
use super::headings::Field;
use super::import_entries::RowFault;
use super::mapping::Mapping;
use super::values::one_line;
use crate::checklist::{Checklist, KindTag, NotFound};
use crate::ledger::{ChangeError, People};
use crate::text::dates::parse_date;

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

/// A bad cell: the field whose column it is in, and what is wrong.
pub(crate) type Bad = (Field, RowFault);

/// The item a cell names: its id, or its title (exactly, or ignoring spaces and marks).
pub(crate) fn find_item(checklist: &Checklist, text: &str) -> Result<String, RowFault> {
    if checklist.item(text).is_some() {
        return Ok(text.to_string());
    }
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !"，。、；：“”\"'（）()《》".contains(*c))
            .collect()
    };
    let wanted = plain(text);
    let matching: Vec<&str> = checklist
        .items()
        .filter(|(_, i)| i.title.trim() == text || plain(&i.title) == wanted)
        .map(|(_, i)| i.id.as_str())
        .collect();
    match matching.as_slice() {
        [one] => Ok((*one).to_string()),
        [] => {
            let mut scored: Vec<(f64, &str)> = checklist
                .items()
                .map(|(_, i)| {
                    let by_title = strsim::jaro_winkler(&wanted, &plain(&i.title));
                    let by_id = strsim::jaro_winkler(text, &i.id);
                    (by_title.max(by_id), i.id.as_str())
                })
                .filter(|(s, _)| *s > 0.7)
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            Err(RowFault::UnknownItem {
                suggestions: scored
                    .into_iter()
                    .take(3)
                    .map(|(_, id)| id.to_string())
                    .collect(),
            })
        }
        many => Err(RowFault::AmbiguousItem {
            ids: many.iter().map(|s| s.to_string()).collect(),
        }),
    }
}

/// An item named as `duty log --also` names it (id, number, title or a part only it has),
/// refused in the same words when it names none or several.
fn also_item(checklist: &Checklist, name: &str) -> Result<String, ChangeError> {
    let item = checklist.find(name).map_err(|e| match e {
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
    })?;
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

fn date_of(v: &Value) -> Option<Date> {
    match v {
        Value::Date(d) => Some(*d),
        Value::Number(n) => excel_serial_date(*n),
        Value::Text(t) => {
            let t = t.trim();
            parse_date(t).or_else(|| {
                // 20250328
                (t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| {
                        Date::new(
                            t[..4].parse().ok()?,
                            t[4..6].parse().ok()?,
                            t[6..].parse().ok()?,
                        )
                        .ok()
                    })
                    .flatten()
            })
        }
        _ => None,
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

/// Whether a row holds nothing of its own: empty, or only what merged cells spread over it
/// (an item merged down a block of rows leaves its blank rows blank).
fn blank(grid: &Grid, r: usize) -> bool {
    grid.rows[r]
        .iter()
        .enumerate()
        .all(|(c, v)| v.is_empty() || grid.is_merged(r, c))
}

/// Read row `r`: what it is, or its first bad cell (every formula or error value in it).
pub(crate) fn read(
    grid: &Grid,
    mapping: &Mapping,
    checklist: &Checklist,
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
    let unreadable: Vec<Bad> = mapping
        .used()
        .into_iter()
        .filter(|u| u.1 != Field::Number)
        .filter_map(|(c, f)| match grid.get(r, c) {
            Value::Formula(_) => Some((f, RowFault::Formula)),
            Value::Error(_) => Some((f, RowFault::ErrorValue)),
            _ => None,
        })
        .collect();
    if !unreadable.is_empty() {
        return Err(unreadable);
    }
    let one = |field: Field, fault: RowFault| Err(vec![(field, fault)]);
    let item_field = if mapping.col(Field::Id).is_some() {
        Field::Id
    } else {
        Field::Title
    };
    let item_text = cell(item_field).text();
    if item_text.is_empty() {
        return one(item_field, RowFault::NoItem);
    }
    let item = match find_item(checklist, &item_text) {
        Ok(id) => id,
        Err(fault) => return one(item_field, fault),
    };
    let date = match cell(Field::Date) {
        v if v.is_empty() => return one(Field::Date, RowFault::NoDate),
        v => match date_of(v) {
            Some(d) => d,
            None => return one(Field::Date, RowFault::BadDate),
        },
    };
    let Ok(hours) = hours_of(cell(Field::Hours)) else {
        return one(Field::Hours, RowFault::BadHours);
    };
    let kind = checklist
        .item(&item)
        .map_or(KindTag::Task, |i| i.kind.tag());
    let people = People {
        presided: text_of(cell(Field::Presided)),
        attended: text_of(cell(Field::Attended)),
    };
    let also = match also_items(checklist, &cell(Field::Also).text()) {
        Ok(also) => also,
        Err(ChangeError::WrongKind { item, kind, .. }) => {
            return one(Field::Also, RowFault::AlsoWrongKind { item, kind });
        }
        Err(e) => return one(Field::Also, RowFault::Refused(e)),
    };
    match kind {
        KindTag::Rate => return one(item_field, RowFault::RateItem),
        // A tick has no one presiding and counts for nothing else: said, never dropped.
        KindTag::Task if !also.is_empty() => return one(Field::Also, RowFault::AlsoOnTick),
        KindTag::Task if !people.presided.is_empty() => {
            return one(Field::Presided, RowFault::PeopleOnTick);
        }
        KindTag::Task if !people.attended.is_empty() => {
            return one(Field::Attended, RowFault::PeopleOnTick);
        }
        _ => {}
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
