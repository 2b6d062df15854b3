//! The 通报 draft: the short notice the collecting office sends after gathering the units'
//! ledgers (基本情况, 存在问题, 下一步要求), as data drawn from the files only. Its sentences
//! are chosen by `i18n` ([`crate::i18n::Words::notice`]); [`Block`]s are laid out as text
//! or Markdown by `export`.

use jiff::civil::Date;

use super::collect::{FileState, Overview};
use super::export::Totals;
use super::figures::Figures;
use super::{Checksum, FileProblem};

/// One unit named in the notice, with its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Named<'a> {
    pub name: &'a str,
    pub figures: Figures,
    /// Its file did not check: the figures are as the file says, unverified.
    pub unverified: bool,
}

/// A unit whose file is the problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileIssue {
    /// No file of the year could be read.
    Unreadable,
    /// Only a file for another year.
    OtherYear(i16),
    /// Changed after export.
    Altered,
}

/// Everything the notice says, as facts.
#[derive(Debug, Clone)]
pub struct Notice<'a> {
    pub year: i16,
    pub today: Date,
    /// Who sends it (`--office`); a placeholder when not given.
    pub office: Option<&'a str>,
    /// Files read in all.
    pub files: usize,
    pub totals: Totals,
    /// Units with everything complete.
    pub all_done: Vec<&'a str>,
    pub overdue: Vec<Named<'a>>,
    pub behind: Vec<Named<'a>>,
    pub below: Vec<Named<'a>>,
    pub no_evidence: Vec<Named<'a>>,
    pub file_issues: Vec<(&'a str, FileIssue)>,
    /// A date by which files are to be sent again (`--deadline`).
    pub deadline: Option<Date>,
}

/// A piece of the laid-out notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    /// A line under the title (草稿).
    Subtitle(String),
    /// 各单位：
    Salutation(String),
    /// 一、基本情况
    Heading(String),
    Paragraph(String),
    /// The sender and the date, at the end, right-aligned in print.
    Signature(Vec<String>),
}

/// The notice for the rows `rows` of `o` (indexes into `o.rows`, e.g. as filtered).
pub fn notice<'a>(
    o: &'a Overview,
    rows: &[usize],
    office: Option<&'a str>,
    deadline: Option<Date>,
) -> Notice<'a> {
    let mut n = Notice {
        year: o.year,
        today: o.today,
        office,
        files: o.files.len(),
        totals: Totals::of(o, rows),
        all_done: Vec::new(),
        overdue: Vec::new(),
        behind: Vec::new(),
        below: Vec::new(),
        no_evidence: Vec::new(),
        file_issues: Vec::new(),
        deadline,
    };
    for &r in rows {
        let row = &o.rows[r];
        let Some(f) = row.figures else {
            let other_year = row
                .other_files
                .iter()
                .find_map(|&i| match o.files[i].state {
                    FileState::OtherYear { year } => Some(year),
                    _ => None,
                });
            let unreadable = row
                .other_files
                .iter()
                .any(|&i| matches!(o.files[i].state, FileState::Unusable(ref p) if !matches!(p, FileProblem::TooNew { .. })));
            let issue = match (other_year, unreadable) {
                (Some(y), false) => FileIssue::OtherYear(y),
                _ => FileIssue::Unreadable,
            };
            n.file_issues.push((&row.name, issue));
            continue;
        };
        let unverified = row.checksum != Checksum::Valid;
        if unverified {
            n.file_issues.push((&row.name, FileIssue::Altered));
        }
        let named = Named {
            name: &row.name,
            figures: f,
            unverified,
        };
        if f.items > 0 && f.complete == f.items {
            n.all_done.push(&row.name);
        }
        if f.overdue > 0 {
            n.overdue.push(named.clone());
        }
        if f.behind > 0 {
            n.behind.push(named.clone());
        }
        if f.below > 0 {
            n.below.push(named.clone());
        }
        if f.no_evidence > 0 {
            n.no_evidence.push(named);
        }
    }
    // Most first within each problem; the name breaks ties, so the draft is stable.
    let by = |key: fn(&Figures) -> u32| {
        move |a: &Named<'_>, b: &Named<'_>| {
            key(&b.figures)
                .cmp(&key(&a.figures))
                .then(a.figures.permille().cmp(&b.figures.permille()))
                .then(a.name.cmp(b.name))
        }
    };
    n.overdue.sort_by(by(|f| f.overdue));
    n.behind.sort_by(by(|f| f.behind));
    n.below.sort_by(by(|f| f.below));
    n.no_evidence.sort_by(by(|f| f.no_evidence));
    n
}
