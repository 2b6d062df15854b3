//! The ledger: everything recorded against one checklist for one year, and how it changes.
//!
//! Pure. A [`Change`] (what the officer asked) is resolved once ([`resolve()`]) against the
//! checklist and the ledger into an [`Op`] (what it sets and what it replaces, with the entry
//! id, the person and the date fixed); the same `Op` is applied in memory, written to the
//! journal by `store`, shown, and undone through its inverse. "Today", "now" and "who" come
//! in through a [`Stamp`].

mod apply;
mod audit;
mod error;
mod model;
mod op;
mod resolve;
pub mod rules;
mod sessions;
mod undo;

pub use audit::{Flaw, Problem, TextField};
pub use error::{ChangeError, Field};
pub use model::{Attachment, Done, Entry, ItemRecord, Ledger, RateRecord};
pub use op::{Change, EvidenceSet, FileFacts, Op, People, Stamp};
pub use resolve::resolve;
pub use undo::{Recorded, Step, redo_step, undo_step};

#[cfg(test)]
mod tests;

/// For tests: the moment and person of a change, and resolving and applying it in one step.
#[cfg(test)]
pub(crate) struct Ctx {
    pub today: jiff::civil::Date,
    pub now: jiff::Timestamp,
    pub user: String,
}

#[cfg(test)]
impl Ledger {
    pub(crate) fn change(
        &mut self,
        checklist: &crate::checklist::Checklist,
        change: &Change,
        ctx: &Ctx,
    ) -> Result<Op, ChangeError> {
        let stamp = Stamp {
            today: ctx.today,
            at: ctx.now,
            by: ctx.user.clone(),
        };
        let op = resolve(checklist, self, change, &stamp)?;
        self.apply(&op)?;
        Ok(op)
    }
}
