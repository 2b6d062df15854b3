//! Before year end: pacing, what is at risk, the year's lifecycle, roll-up across ledgers.
//!
//! What the screen and the commands call:
//!
//! * [`pace`] — expected value by today and how far behind, per counted/hours item;
//! * [`review`] — the ordered risk list, each with one line of advice;
//! * [`next_year_deadlines`] — the report and 述法 deadlines in the next year's first quarter;
//! * [`monthly`] and [`chart`] — occurrences logged per month, per item and overall;
//! * [`rollover::rollover`] — next year's checklist; [`rollup::combine`] — several ledgers
//!   as one; [`rollup::merge_into`] — an import.
//!
//! Everything here is pure; reading other machines' ledgers and saving is `store`'s.

mod monthly;
mod pace;
mod rhythm;
mod risk;
pub mod rollover;
pub mod rollup;

pub use monthly::{Monthly, chart, monthly};
pub use pace::{Pace, PaceState, elapsed_share, pace, window};
pub use rhythm::{Period, missed};
pub use risk::{Deadline, Left, Risk, RiskKind, Why, next_year_deadlines, review};
