//! The overview for programs and spreadsheets: CSV (one table per view; cells a spreadsheet
//! would run as a formula neutralised with a leading `'`) and JSON (everything in one
//! document, with keys in English whatever the language).

use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use serde_json::{Value, json};

use super::collect::{FileState, Overview, TemplateSource};
use super::export::{Context, Totals, View, cell_figure, file_cells, last_change_day, unit_cells};
use super::figures::CellState;
use super::figures::{WEIGHT_BEHIND, WEIGHT_BELOW, WEIGHT_NO_EVIDENCE, WEIGHT_OVERDUE};
use super::matrix::{Matrix, MatrixCell, matrix};
use super::{Checksum, FileProblem};
use crate::checklist::Kind;
use crate::text::dates::iso;

/// A cell a spreadsheet will show as text, never evaluate (OWASP "CSV injection").
fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s != "-" {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The header and rows of `view` as a table (shared with the spreadsheet).
pub fn table(o: &Overview, view: View, ctx: &Context<'_>) -> (Vec<String>, Vec<Vec<String>>) {
    let lang = ctx.lang;
    let w = lang.words();
    match view {
        View::Units | View::Notice => {
            let mut header: Vec<String> =
                w.overview_columns().iter().map(|s| s.to_string()).collect();
            header.extend(
                [
                    lang.pick("文件", "File"),
                    lang.pick("导出时间", "Exported at"),
                    lang.pick("导出人", "Exported by"),
                    lang.pick("校验", "Checksum"),
                ]
                .map(String::from),
            );
            let rows = ctx
                .rows
                .iter()
                .enumerate()
                .map(|(n, &r)| {
                    let row = &o.rows[r];
                    let mut cells = unit_cells(o, n + 1, row, ctx).to_vec();
                    cells.push(o.file_of(row).map(|f| f.path.clone()).unwrap_or_default());
                    match &row.header {
                        Some(h) => {
                            cells.push((ctx.minute)(h.exported_at));
                            cells.push(h.exported_by.clone());
                            cells.push(
                                match row.checksum {
                                    Checksum::Valid => lang.pick("一致", "valid"),
                                    Checksum::Mismatch { .. } => lang.pick("不符", "mismatch"),
                                }
                                .into(),
                            );
                        }
                        None => cells.extend([String::new(), String::new(), String::new()]),
                    }
                    cells
                })
                .collect();
            (header, rows)
        }
        View::Files => {
            let header = [
                lang.pick("状态", "Status"),
                lang.pick("文件", "File"),
                lang.pick("单位", "Unit"),
                lang.pick("说明", "Detail"),
            ]
            .map(String::from)
            .to_vec();
            let rows = (0..o.files.len())
                .map(|i| {
                    let (tag, path, detail) = file_cells(o, i, lang);
                    vec![
                        w.file_tag(tag).to_string(),
                        path.to_string(),
                        o.files[i].unit.clone().unwrap_or_default(),
                        detail,
                    ]
                })
                .collect();
            (header, rows)
        }
        View::Matrix => {
            let Some(m) = matrix(o, ctx.rows) else {
                return (vec![w.no_template().to_string()], Vec::new());
            };
            let mut header = vec![
                lang.pick("事项编号", "Item id").to_string(),
                lang.pick("事项", "Item").to_string(),
            ];
            header.extend(m.units.iter().map(|&r| o.rows[r].name.clone()));
            header.extend(
                [
                    lang.pick("完成单位数", "Done"),
                    lang.pick("逾期单位数", "Overdue"),
                    lang.pick("未列单位数", "Not listed"),
                ]
                .map(String::from),
            );
            let mut rows = Vec::with_capacity(m.items.len());
            for (i, item) in m.items.iter().enumerate() {
                let mut cells = vec![item.id.clone(), item.title.clone()];
                for (k, &r) in m.units.iter().enumerate() {
                    cells.push(super::export::matrix_text(
                        o,
                        &o.rows[r],
                        &m.cells[i][k],
                        lang,
                        true,
                    ));
                }
                let t = m.tally(i);
                cells.extend([t.done, t.overdue, t.dropped].map(|n| n.to_string()));
                rows.push(cells);
            }
            (header, rows)
        }
    }
}

pub fn csv(o: &Overview, view: View, ctx: &Context<'_>) -> Vec<u8> {
    let mut buf = Vec::new();
    if ctx.bom {
        buf.extend_from_slice("\u{FEFF}".as_bytes());
    }
    let (header, rows) = table(o, view, ctx);
    let mut w = csv::Writer::from_writer(buf);
    for r in std::iter::once(&header).chain(rows.iter()) {
        // Writing into memory cannot fail.
        let _ = w.write_record(r.iter().map(|c| neutralise(c).into_owned()));
    }
    w.into_inner().unwrap_or_default()
}

fn kind_json(k: Kind) -> Value {
    json!({ "kind": k.tag().as_str(), "target": k.target() })
}

fn problem_json(p: &FileProblem, lang: crate::i18n::Lang) -> Value {
    let at = p.at();
    json!({
        "what": lang.words().file_problem(p),
        "line": at.map(|a| a.0),
        "column": at.map(|a| a.1),
    })
}

/// Everything in one JSON document.
pub fn json(o: &Overview, ctx: &Context<'_>) -> String {
    let lang = ctx.lang;
    let w = lang.words();
    let template = o.template.as_ref().map(|(id, src)| match src {
        TemplateSource::Given { path } => json!({ "id": id, "source": "given", "path": path }),
        TemplateSource::MostUsed { units } => {
            json!({ "id": id, "source": "most-used", "units": units })
        }
    });
    let units: Vec<Value> = ctx
        .rows
        .iter()
        .enumerate()
        .map(|(n, &r)| {
            let row = &o.rows[r];
            let last = row.last_change.map(|c| {
                let (d, recorded) = last_change_day(c, ctx.day);
                json!({ "date": iso(d), "source": if recorded { "recorded" } else { "journal" } })
            });
            json!({
                "number": n + 1,
                "name": row.name,
                "file": o.file_of(row).map(|f| f.path.clone()),
                "figures": row.figures,
                "score": row.score(),
                "last_change": last,
                "checksum": match &row.checksum {
                    Checksum::Valid => json!("valid"),
                    Checksum::Mismatch { recorded, computed } =>
                        json!({ "recorded": recorded, "computed": computed }),
                },
                "other_template": row.other_template,
                "problem": row.problem.as_ref().map(|p| w.problem(p)),
                "notes": w.row_notes(row, &o.files),
                "other_files": row.other_files.iter().map(|&i| o.files[i].path.clone()).collect::<Vec<_>>(),
                "exported_at": row.header.as_ref().map(|h| h.exported_at.to_string()),
                "exported_by": row.header.as_ref().map(|h| h.exported_by.clone()),
                "duty_version": row.header.as_ref().map(|h| h.duty_version.clone()),
                "changes": row.header.as_ref().map(|h| h.changes),
            })
        })
        .collect();
    let matrix = matrix(o, ctx.rows);
    let matrix = matrix.as_ref().map(|m| MatrixDoc {
        items: m
            .items
            .iter()
            .map(|i| {
                json!({
                    "id": i.id, "title": i.title, "section": i.section,
                    "kind": kind_json(i.kind), "due": iso(i.due),
                })
            })
            .collect(),
        units: m.units.iter().map(|&r| o.rows[r].name.as_str()).collect(),
        cells: Cells { o, m },
        added: &m.extra,
        left_out: m
            .left_out
            .iter()
            .map(|(r, _)| o.rows[*r].name.as_str())
            .collect(),
    });
    let files: Vec<Value> = (0..o.files.len())
        .map(|i| {
            let (tag, path, detail) = file_cells(o, i, lang);
            let f = &o.files[i];
            json!({
                "path": path,
                "status": tag.key(),
                "unit": f.unit,
                "detail": detail,
                "problem": match &f.state {
                    FileState::Unusable(p) => problem_json(p, lang),
                    _ => Value::Null,
                },
            })
        })
        .collect();
    let doc = Doc {
        year: o.year,
        today: iso(o.today),
        template,
        score: json!({ "overdue": WEIGHT_OVERDUE, "behind": WEIGHT_BEHIND,
                       "below": WEIGHT_BELOW, "no_evidence": WEIGHT_NO_EVIDENCE }),
        totals: Totals::of(o, ctx.rows),
        units,
        matrix,
        files,
    };
    let mut out = Vec::with_capacity(1024 + 400 * o.rows.len());
    // Writing into memory cannot fail.
    let _ = serde_json::to_writer_pretty(&mut out, &doc);
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// The document, serialised as it is written: the matrix's cells (items × units, the bulk
/// of a province's document) are made one at a time, never held as a JSON tree.
#[derive(Serialize)]
struct Doc<'a> {
    year: i16,
    today: String,
    template: Option<Value>,
    score: Value,
    totals: Totals,
    units: Vec<Value>,
    matrix: Option<MatrixDoc<'a>>,
    files: Vec<Value>,
}

#[derive(Serialize)]
struct MatrixDoc<'a> {
    items: Vec<Value>,
    units: Vec<&'a str>,
    cells: Cells<'a>,
    added: &'a [Vec<&'a str>],
    left_out: Vec<&'a str>,
}

struct Cells<'a> {
    o: &'a Overview,
    m: &'a Matrix<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum CellDoc {
    Dropped(&'static str),
    Item {
        state: CellState,
        value: f64,
        figure: Option<String>,
        renamed: bool,
        changed: bool,
    },
}

impl Serialize for Cells<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (o, m) = (self.o, self.m);
        let mut items = s.serialize_seq(Some(m.cells.len()))?;
        for row in &m.cells {
            let cells: Vec<CellDoc> = row
                .iter()
                .zip(&m.units)
                .map(|(c, &r)| match c {
                    MatrixCell::Dropped => CellDoc::Dropped("dropped"),
                    MatrixCell::Item {
                        cell,
                        own,
                        renamed,
                        changed,
                    } => CellDoc::Item {
                        state: cell.state,
                        value: cell.value,
                        figure: o
                            .skeleton(&o.rows[r])
                            .map(|sk| cell_figure(sk.items[*own].kind, cell)),
                        renamed: *renamed,
                        changed: *changed,
                    },
                })
                .collect();
            items.serialize_element(&cells)?;
        }
        items.end()
    }
}
