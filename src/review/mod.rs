//! Before year end: pacing, what is at risk, the year's lifecycle, roll-up across ledgers.
//! (Interface fixed first so the screen can use it; the body is being written.)

use jiff::civil::Date;

use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::ledger::Ledger;
use crate::progress::ItemStatus;

/// How a counted or hours item keeps pace with its target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// Expected value by today.
    pub expected: f64,
    /// How far behind (positive) or ahead (negative) of that.
    pub behind: f64,
}

/// Pace of `status` on `today`; `None` for kinds without a yearly quantity.
pub fn pace(status: &ItemStatus<'_>, year: i16, today: Date) -> Option<Pace> {
    let _ = (status, year, today);
    None
}

/// One thing at risk, with what to do about it.
#[derive(Debug, Clone)]
pub struct Risk {
    pub item: String,
    pub title: String,
    /// One line: what is wrong and what to do.
    pub advice: String,
}

/// Everything at risk, most urgent first.
pub fn review(checklist: &Checklist, ledger: &Ledger, today: Date, lang: Lang) -> Vec<Risk> {
    let _ = (checklist, ledger, today, lang);
    Vec::new()
}

/// Occurrences logged per month (January first): overall and per counted/hours item.
pub struct Monthly {
    pub overall: [u32; 12],
    pub items: Vec<(String, String, [u32; 12])>,
}

pub fn monthly(checklist: &Checklist, ledger: &Ledger) -> Monthly {
    let _ = (checklist, ledger);
    Monthly {
        overall: [0; 12],
        items: Vec::new(),
    }
}
