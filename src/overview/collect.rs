//! The collector: each file's outcome taken as it is read, reduced at once to what a row
//! and the matrix need, and settled into the [`Overview`] at the end.
//!
//! The rules [`Collector::finish`] applies, in order:
//!
//! 1. **The year** is `--year`, else the template's, else the one most files are for (the
//!    later year on a tie). Files for another year are listed and never counted.
//! 2. **Units** are told apart by name ([`super::unit_key`]). When a unit sent several files
//!    for the year, the one exported last wins (by its header's export time; the later in
//!    reading order on a tie) and the others are listed as superseded by it.
//! 3. **The template** is `--template`, else the checklist id most units use (the smaller
//!    id on a tie); its items are the given checklist's, else those of the version of that
//!    checklist most units use. Units on another checklist keep their row, computed against
//!    their own checklist, and stay out of the matrix.
//! 4. **No unit disappears**: a unit named only by damaged files or files for another year
//!    still has a row, without figures, saying why; such rows come first in the risk order
//!    (the office must ask for the file again), then the rest by score.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use jiff::civil::Date;

use super::figures::{self, Cell, Figures, LastChange};
use super::{Checksum, FileProblem, Submission, UnitHeader, unit_key};
use crate::checklist::{Checklist, Kind};
use crate::ledger::Problem;

/// What the overview is asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The day figures are computed on.
    pub today: Date,
    /// The year to collect (`--year`).
    pub year: Option<i16>,
    /// The city's template (`--template FILE`), and the file it came from.
    pub template: Option<(Checklist, String)>,
}

/// One input file and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileEntry {
    /// The path as found (under the folder given, or as given).
    pub path: String,
    /// The unit it names, when it names one.
    pub unit: Option<String>,
    pub state: FileState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FileState {
    /// Read; its unit's row comes from it.
    Used,
    /// Read; an earlier export of a unit whose later file `by` (an index into the files)
    /// is used.
    Superseded { by: usize },
    /// Read; for another year than the overview's, not counted.
    OtherYear { year: i16 },
    /// No unit could be read from it.
    Unusable(FileProblem),
}

/// A checklist as the matrix sees it: items in order with title and kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Skeleton {
    pub id: String,
    pub year: i16,
    pub title: String,
    pub items: Vec<SkeletonItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SkeletonItem {
    pub id: String,
    pub title: String,
    pub section: String,
    pub kind: Kind,
    pub due: Date,
}

impl Skeleton {
    fn of(c: &Checklist) -> Skeleton {
        Skeleton {
            id: c.id.clone(),
            year: c.year,
            title: c.title.clone(),
            items: c
                .items()
                .map(|(s, i)| SkeletonItem {
                    id: i.id.clone(),
                    title: i.title.clone(),
                    section: s.title.clone(),
                    kind: i.kind,
                    due: i.due_date(c.year),
                })
                .collect(),
        }
    }

    fn fingerprint(&self) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&self.id, self.year, &self.title).hash(&mut h);
        for i in &self.items {
            (&i.id, &i.title, &i.section, i.kind.tag(), i.due).hash(&mut h);
            i.kind.target().map(f64::to_bits).hash(&mut h);
        }
        h.finish()
    }
}

/// Where the template came from.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateSource {
    /// `--template FILE`.
    Given { path: String },
    /// The checklist most units use: `units` of them.
    MostUsed { units: usize },
}

/// One unit's row.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    /// The unit's name as its file writes it.
    pub name: String,
    /// The file its figures come from (an index into [`Overview::files`]).
    pub file: Option<usize>,
    pub header: Option<UnitHeader>,
    /// `None`: no file of this unit for the year could be used.
    pub figures: Option<Figures>,
    pub last_change: Option<LastChange>,
    pub checksum: Checksum,
    /// The unit's checklist, when it is not the template's.
    pub other_template: Option<String>,
    /// A record `duty` would refuse, in the file used.
    pub problem: Option<Problem>,
    /// Every other file naming this unit (superseded, another year, unusable).
    pub other_files: Vec<usize>,
    skeleton: usize,
    cells: Vec<Cell>,
}

impl UnitRow {
    pub fn score(&self) -> Option<u32> {
        self.figures.map(|f| f.score())
    }

    /// Whether anything about the unit's files needs the office's attention: no usable
    /// file, a checksum that does not match, another template, a refused record, or more
    /// than one file.
    pub fn file_trouble(&self) -> bool {
        self.figures.is_none()
            || self.checksum != Checksum::Valid
            || self.other_template.is_some()
            || self.problem.is_some()
            || !self.other_files.is_empty()
    }

    /// The per-item cells, in the order of the unit's own checklist.
    pub fn cells(&self) -> &[Cell] {
        &self.cells
    }
}

/// Everything the office sees.
#[derive(Debug, Clone)]
pub struct Overview {
    pub year: i16,
    pub today: Date,
    /// The template's checklist id and where it came from (`None`: no unit could be read).
    pub template: Option<(String, TemplateSource)>,
    /// One row per unit, in risk order.
    pub rows: Vec<UnitRow>,
    /// Every input file, in reading order.
    pub files: Vec<FileEntry>,
    skeletons: Vec<Skeleton>,
    template_skeleton: Option<usize>,
    /// For each file, the row whose figures come from it.
    file_rows: Vec<Option<usize>>,
}

impl Overview {
    /// The row whose figures come from file `file`.
    pub fn row_of_file(&self, file: usize) -> Option<&UnitRow> {
        self.file_rows
            .get(file)
            .copied()
            .flatten()
            .map(|r| &self.rows[r])
    }

    /// The checklist of `row` as the matrix sees it (`None` for a row without figures).
    pub fn skeleton(&self, row: &UnitRow) -> Option<&Skeleton> {
        self.skeletons.get(row.skeleton)
    }

    /// The template's items.
    pub fn template_skeleton(&self) -> Option<&Skeleton> {
        self.template_skeleton.map(|i| &self.skeletons[i])
    }

    /// The file a row's figures come from.
    pub fn file_of(&self, row: &UnitRow) -> Option<&FileEntry> {
        row.file.map(|i| &self.files[i])
    }
}

/// A readable file, reduced.
struct Candidate {
    file: usize,
    header: UnitHeader,
    figures: Figures,
    last_change: Option<LastChange>,
    checksum: Checksum,
    problem: Option<Problem>,
    skeleton: usize,
    cells: Vec<Cell>,
}

/// Takes files one at a time; see the module's rules.
pub struct Collector {
    options: Options,
    files: Vec<FileEntry>,
    candidates: Vec<Candidate>,
    skeletons: Vec<Skeleton>,
    by_print: HashMap<u64, Vec<usize>>,
}

impl Collector {
    pub fn new(options: Options) -> Collector {
        Collector {
            options,
            files: Vec::new(),
            candidates: Vec::new(),
            skeletons: Vec::new(),
            by_print: HashMap::new(),
        }
    }

    /// The number of files taken so far.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Take one file's outcome. `unit` is the name a file that could not be read seems to
    /// carry (read from its first lines), so that its unit still has a row.
    pub fn add(
        &mut self,
        path: String,
        outcome: Result<Submission, (FileProblem, Option<String>)>,
    ) {
        let file = self.files.len();
        match outcome {
            Err((problem, unit)) => self.files.push(FileEntry {
                path,
                unit: unit.filter(|u| !u.trim().is_empty()),
                state: FileState::Unusable(problem),
            }),
            Ok(s) => {
                let (figures, cells) =
                    figures::figures(&s.checklist, &s.ledger, self.options.today);
                let last_change = s
                    .header
                    .last_change
                    .map(LastChange::Journal)
                    .or_else(|| figures::latest_record(&s.ledger).map(LastChange::Recorded));
                let skeleton = self.skeleton(&s.checklist);
                self.files.push(FileEntry {
                    path,
                    unit: Some(s.header.name.clone()),
                    state: FileState::Used,
                });
                self.candidates.push(Candidate {
                    file,
                    header: s.header,
                    figures,
                    last_change,
                    checksum: s.checksum,
                    problem: s.problem,
                    skeleton,
                    cells,
                });
            }
        }
    }

    /// The index of `c`'s skeleton, shared with every unit on the same checklist version.
    fn skeleton(&mut self, c: &Checklist) -> usize {
        let sk = Skeleton::of(c);
        let print = sk.fingerprint();
        let same = self.by_print.entry(print).or_default();
        if let Some(&i) = same.iter().find(|&&i| self.skeletons[i] == sk) {
            return i;
        }
        same.push(self.skeletons.len());
        self.skeletons.push(sk);
        self.skeletons.len() - 1
    }

    /// Settle year, duplicates and template (see the module's rules).
    pub fn finish(mut self) -> Overview {
        let year = self.year();
        let template = self.template(year);
        let given = self.options.template.as_ref().map(|(c, _)| c.clone());
        let template_skeleton = match given {
            Some(c) => Some(self.skeleton(&c)),
            None => template
                .as_ref()
                .and_then(|(id, _)| self.most_used_skeleton(year, id)),
        };
        let Collector {
            files,
            candidates,
            skeletons,
            ..
        } = self;
        let mut files = files;
        // Units in order of first appearance, each with its candidates.
        let mut units: Vec<(String, Vec<Candidate>, Vec<usize>)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut slot = |key: String, units: &mut Vec<(String, Vec<Candidate>, Vec<usize>)>| {
            *index.entry(key).or_insert_with(|| {
                units.push((String::new(), Vec::new(), Vec::new()));
                units.len() - 1
            })
        };
        let mut candidates = candidates.into_iter().peekable();
        for (i, f) in files.iter().enumerate() {
            let readable = candidates.peek().is_some_and(|c| c.file == i);
            if readable {
                let c = candidates.next().unwrap_or_else(|| unreachable!());
                let u = slot(unit_key(&c.header.name), &mut units);
                if units[u].0.is_empty() {
                    units[u].0 = c.header.name.trim().to_string();
                }
                units[u].1.push(c);
            } else if let Some(name) = &f.unit {
                let u = slot(unit_key(name), &mut units);
                if units[u].0.is_empty() {
                    units[u].0 = name.trim().to_string();
                }
                units[u].2.push(i);
            }
        }
        let template_id = template.as_ref().map(|(id, _)| id.clone());
        let mut rows = Vec::with_capacity(units.len());
        for (name, mut cands, mut others) in units {
            // The winner: the last export of the year (reading order breaks ties).
            cands.sort_by(|a, b| {
                (a.header.exported_at, a.file).cmp(&(b.header.exported_at, b.file))
            });
            let winner = cands.iter().rposition(|c| c.header.year == year);
            let mut used = None;
            for (k, c) in cands.into_iter().enumerate() {
                others.push(c.file);
                if Some(k) == winner {
                    used = Some(c);
                } else if c.header.year != year {
                    files[c.file].state = FileState::OtherYear {
                        year: c.header.year,
                    };
                }
            }
            others.sort_unstable();
            if let Some(w) = &used {
                others.retain(|&f| f != w.file);
                for &f in &others {
                    if files[f].state == FileState::Used {
                        files[f].state = FileState::Superseded { by: w.file };
                    }
                }
            }
            rows.push(match used {
                Some(c) => UnitRow {
                    name: c.header.name.trim().to_string(),
                    file: Some(c.file),
                    other_template: (Some(&c.header.checklist) != template_id.as_ref())
                        .then(|| c.header.checklist.clone()),
                    header: Some(c.header),
                    figures: Some(c.figures),
                    last_change: c.last_change,
                    checksum: c.checksum,
                    problem: c.problem,
                    other_files: others,
                    skeleton: c.skeleton,
                    cells: c.cells,
                },
                None => UnitRow {
                    name,
                    file: None,
                    header: None,
                    figures: None,
                    last_change: None,
                    checksum: Checksum::Valid,
                    other_template: None,
                    problem: None,
                    other_files: others,
                    skeleton: usize::MAX,
                    cells: Vec::new(),
                },
            });
        }
        super::filter::sort(&mut rows, super::Sort::Risk, &files);
        let mut file_rows = vec![None; files.len()];
        for (i, r) in rows.iter().enumerate() {
            if let Some(f) = r.file {
                file_rows[f] = Some(i);
            }
        }
        Overview {
            file_rows,
            year,
            today: self.options.today,
            template,
            rows,
            files,
            skeletons,
            template_skeleton,
        }
    }

    fn year(&self) -> i16 {
        if let Some(y) = self.options.year {
            return y;
        }
        if let Some((c, _)) = &self.options.template {
            return c.year;
        }
        let mut counts: HashMap<i16, usize> = HashMap::new();
        for c in &self.candidates {
            *counts.entry(c.header.year).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|&(y, n)| (n, y))
            .map_or(self.options.today.year(), |(y, _)| y)
    }

    fn template(&self, year: i16) -> Option<(String, TemplateSource)> {
        if let Some((c, path)) = &self.options.template {
            return Some((c.id.clone(), TemplateSource::Given { path: path.clone() }));
        }
        // Counted per unit (its last file of the year), not per file: a unit that sent
        // three copies does not outvote three units.
        let mut last: HashMap<String, (jiff::Timestamp, usize, &str)> = HashMap::new();
        for c in self.candidates.iter().filter(|c| c.header.year == year) {
            let key = (c.header.exported_at, c.file, c.header.checklist.as_str());
            let e = last.entry(unit_key(&c.header.name)).or_insert(key);
            if (key.0, key.1) > (e.0, e.1) {
                *e = key;
            }
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (_, _, id) in last.values() {
            *counts.entry(id).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(id, units)| (id.to_string(), TemplateSource::MostUsed { units }))
    }

    fn most_used_skeleton(&self, year: i16, id: &str) -> Option<usize> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for c in &self.candidates {
            if c.header.year == year && c.header.checklist == id {
                *counts.entry(c.skeleton).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(s, _)| s)
    }
}
