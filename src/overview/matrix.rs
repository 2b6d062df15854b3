//! The matrix: the template's items × the units on the template, items matched by id.
//!
//! An item a unit renamed (same id, another title) is shown with its state and marked as
//! renamed; one whose kind or target the unit changed is marked as changed; one the unit
//! dropped (its checklist has no item with that id) is shown as dropped; items the unit
//! added are counted per unit. Units on another checklist, and units without a usable file,
//! are left out and listed as such.

use std::collections::HashMap;

use super::collect::{Overview, Skeleton, SkeletonItem};
use super::figures::{Cell, CellState};

/// One unit's state for one template item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MatrixCell {
    Item {
        cell: Cell,
        /// The item's index in the unit's own checklist (for its title).
        own: usize,
        renamed: bool,
        /// Another kind or target than the template's.
        changed: bool,
    },
    /// The unit's checklist has no item with this id.
    Dropped,
}

/// Why a row is not a column of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftOut {
    OtherTemplate(String),
    NoFile,
}

#[derive(Debug, Clone)]
pub struct Matrix<'a> {
    /// The template's items (the rows of the matrix).
    pub items: &'a [SkeletonItem],
    /// Row indexes of the overview (the columns), in the order asked for.
    pub units: Vec<usize>,
    /// `cells[item][unit]`.
    pub cells: Vec<Vec<MatrixCell>>,
    /// Per unit, the titles of items it added to the template.
    pub extra: Vec<Vec<&'a str>>,
    /// Rows asked for that are not columns, and why.
    pub left_out: Vec<(usize, LeftOut)>,
}

impl Matrix<'_> {
    /// How many units are in each state for item `i` (dropped ones apart).
    pub fn tally(&self, i: usize) -> Tally {
        let mut t = Tally::default();
        for c in &self.cells[i] {
            match c {
                MatrixCell::Dropped => t.dropped += 1,
                MatrixCell::Item { cell, .. } => match cell.state {
                    CellState::Done => t.done += 1,
                    CellState::Overdue => t.overdue += 1,
                    CellState::Below => t.below += 1,
                    CellState::Behind => t.behind += 1,
                    CellState::Open => t.open += 1,
                },
            }
        }
        t
    }
}

/// Units per state for one item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    pub done: usize,
    pub overdue: usize,
    pub below: usize,
    pub behind: usize,
    pub open: usize,
    pub dropped: usize,
}

/// The matrix of the rows `rows` (indexes into `o.rows`, in the order wanted), or `None`
/// when there is no template (no unit could be read).
pub fn matrix<'a>(o: &'a Overview, rows: &[usize]) -> Option<Matrix<'a>> {
    let template = o.template_skeleton()?;
    let mut units = Vec::new();
    let mut left_out = Vec::new();
    let mut columns = Vec::new();
    for &r in rows {
        let row = &o.rows[r];
        match (o.skeleton(row), &row.other_template) {
            (_, Some(id)) => left_out.push((r, LeftOut::OtherTemplate(id.clone()))),
            (None, None) => left_out.push((r, LeftOut::NoFile)),
            (Some(sk), None) => {
                units.push(r);
                columns.push((sk, row.cells()));
            }
        }
    }
    let mut cells = vec![Vec::with_capacity(units.len()); template.items.len()];
    let mut extra = Vec::with_capacity(units.len());
    // Units on one version of the checklist share its skeleton: match its items to the
    // template's once per version, not once per unit.
    type Fit<'s> = (Vec<Option<usize>>, Vec<&'s str>);
    let mut fits: HashMap<*const Skeleton, Fit<'a>> = HashMap::new();
    let index: HashMap<&str, usize> = template
        .items
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    for (sk, own_cells) in &columns {
        let (map, added) = fits.entry(*sk as *const Skeleton).or_insert_with(|| {
            let mut map = vec![None; template.items.len()];
            let mut added = Vec::new();
            for (own, item) in sk.items.iter().enumerate() {
                match index.get(item.id.as_str()) {
                    Some(&t) => map[t] = Some(own),
                    None => added.push(item.title.as_str()),
                }
            }
            (map, added)
        });
        for (t, item) in template.items.iter().enumerate() {
            cells[t].push(match map[t] {
                None => MatrixCell::Dropped,
                Some(own) => {
                    let mine = &sk.items[own];
                    MatrixCell::Item {
                        cell: own_cells[own],
                        own,
                        renamed: mine.title != item.title,
                        changed: mine.kind != item.kind,
                    }
                }
            });
        }
        extra.push(added.clone());
    }
    Some(Matrix {
        items: &template.items,
        units,
        cells,
        extra,
        left_out,
    })
}
