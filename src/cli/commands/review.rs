//! `duty review`: what is at risk before the year closes, next year's first-quarter
//! deadlines, last year's paperwork still open, and the month-by-month chart.

use std::io::Write;

use clap::Args;

use super::exchange::{LedgerSources, Scope, load_view, print_rollup};
use crate::cli::error::CmdResult;
use crate::cli::output::Out;
use crate::ledger::Ledger;
use crate::ledger::rules::year_window;
use crate::review;
use crate::session::Session;
use crate::text::dates::iso;
use crate::text::{pad, truncate, width};

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(flatten)]
    pub sources: LedgerSources,
    #[command(flatten)]
    pub scope: Scope,
}

/// Last year's session and ledger while its paperwork is still due (January to June), for a
/// checklist that follows the calendar (no `year:` written): in February the active year is
/// the new one, but the old year's report is what falls due. `None` when the checklist names
/// its year (last year's is another file), when last year has no ledger, or it is closed.
pub fn previous_year(s: &Session) -> Option<(Session, Ledger)> {
    let c = &s.checklist;
    let today = s.clock.today();
    let (_, june_end) = year_window(c.year - 1);
    if c.year_explicit || today < year_window(c.year).0 || today > june_end {
        return None;
    }
    let old = s.for_year(c.year - 1).ok()?;
    let opened = old.read().ok()?;
    if opened.journal == crate::store::Journal::New {
        return None;
    }
    let ledger = opened.ledger;
    (!ledger.closed).then_some((old, ledger))
}

pub fn review(s: &Session, args: &ReviewArgs, out: &mut Out) -> CmdResult {
    let s = &*super::scoped(s, args.scope.owner.as_deref())?;
    let view = load_view(s, &args.sources)?;
    let c = &s.checklist;
    let lang = s.lang;
    let w = s.words();
    let today = s.clock.today();
    let risks = review::review(c, &view.ledger, today);
    writeln!(
        out,
        "{}",
        w.review_heading(c.year, today, risks.len(), view.ledger.closed)
    )?;
    if risks.is_empty() {
        writeln!(out, "  {}", w.nothing_at_risk())?;
    }
    let tag_w = risks
        .iter()
        .map(|r| width(w.risk_tag(r.kind)))
        .max()
        .unwrap_or(0);
    for r in &risks {
        writeln!(
            out,
            "  [{}] {} {}",
            pad(w.risk_tag(r.kind), tag_w),
            r.item,
            truncate(&r.title, 40)
        )?;
        writeln!(out, "      {}", w.risk_advice(r, crate::i18n::Surface::Cli))?;
    }
    let deadlines = review::next_year_deadlines(c, &view.ledger, today);
    if !deadlines.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", w.next_year_deadlines(c.year + 1))?;
        for d in &deadlines {
            writeln!(out, "{}", deadline_line(s, d))?;
        }
    }
    if let Some((old, old_ledger)) = args
        .sources
        .ledgers
        .is_empty()
        .then(|| previous_year(s))
        .flatten()
    {
        let open: Vec<_> = review::next_year_deadlines(&old.checklist, &old_ledger, today)
            .into_iter()
            .filter(|d| !d.complete)
            .collect();
        if !open.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", w.still_open_from(old.checklist.year))?;
            for d in &open {
                writeln!(out, "{}", deadline_line(s, d))?;
            }
        }
    }
    writeln!(out)?;
    for line in review::chart(&review::monthly(c, &view.ledger), lang) {
        writeln!(out, "{line}")?;
    }
    print_rollup(s, view, out)
}

/// `  2025-03-01  年度报告报送…  67天后到期`: one next-year deadline.
fn deadline_line(s: &Session, d: &review::Deadline) -> String {
    let w = s.words();
    let state = if d.complete {
        w.done_state().to_string()
    } else {
        w.due_in(d.days_left)
    };
    format!(
        "  {}  {}  {state}",
        iso(d.due),
        pad(&truncate(&d.title, 36), 36)
    )
}
