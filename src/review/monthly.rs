//! Month by month: how many occurrences were logged in each month of the checklist year,
//! per counted or hours item and overall, and a plain-text chart of it.
//!
//! Pure. The chart uses ASCII only: block glyphs (U+2581…U+2588) are East-Asian
//! ambiguous-width and take two cells in many Chinese terminals, which would skew the bars.

use crate::checklist::{Checklist, Kind};
use crate::i18n::Lang;
use crate::ledger::Ledger;
use crate::text::{for_terminal, pad, truncate, width};

/// Occurrences logged per month (January first): overall and per counted/hours item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Monthly {
    pub overall: [u32; 12],
    /// (item id, title, counts) for every counted or hours item, in checklist order, including
    /// those with nothing logged (a silent item is what the chart is for).
    pub items: Vec<(String, String, [u32; 12])>,
}

/// Count entries by month. Only entries dated in the checklist year are counted: entries of
/// the next year's first half (allowed for late records) would otherwise land on January to
/// June and make a quiet spring look busy.
pub fn monthly(checklist: &Checklist, ledger: &Ledger) -> Monthly {
    let mut overall = [0u32; 12];
    let mut items = Vec::new();
    // A session that counts for several items holds an entry with one id in each: it is
    // one occurrence overall.
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (_, item) in checklist.items() {
        if !matches!(item.kind, Kind::Count { .. } | Kind::Hours { .. }) {
            continue;
        }
        let mut counts = [0u32; 12];
        if let Some(record) = ledger.record(&item.id) {
            for e in record
                .entries
                .iter()
                .filter(|e| e.date.year() == checklist.year)
            {
                let m = usize::try_from(e.date.month() - 1).unwrap_or(0);
                counts[m] += 1;
                if e.linked.is_empty() || seen.insert(e.id.as_str()) {
                    overall[m] += 1;
                }
            }
        }
        items.push((item.id.clone(), item.title.clone(), counts));
    }
    Monthly { overall, items }
}

/// Longest overall bar, in characters.
const BAR_MAX: u32 = 40;

/// The chart as lines of text: overall as one horizontal bar per month, then one row per
/// item with a cell per month (`.` nothing, `1`–`9`, `+` ten or more) and its total.
pub fn chart(m: &Monthly, lang: Lang) -> Vec<String> {
    let words = lang.words();
    let mut lines = Vec::new();
    let top = m.overall.iter().copied().max().unwrap_or(0);
    lines.push(words.chart_overall().to_string());
    for (i, &n) in m.overall.iter().enumerate() {
        // Round up so that a month with one entry never looks empty.
        let bar = if top == 0 {
            0
        } else {
            (n * BAR_MAX).div_ceil(top)
        };
        let month = words.chart_month(i as u8 + 1);
        lines.push(format!(
            "  {} |{}{}",
            pad(&month, 4),
            "#".repeat(bar as usize),
            if n > 0 {
                format!(" {n}")
            } else {
                String::new()
            }
        ));
    }
    if m.items.is_empty() {
        return lines;
    }
    let title_w = m
        .items
        .iter()
        .map(|(_, t, _)| width(t))
        .max()
        .unwrap_or(0)
        .clamp(8, 30);
    lines.push(String::new());
    lines.push(words.chart_per_item().to_string());
    // The month numbers stand over the cells of the rows below.
    lines.push(format!(
        "  {}  {}",
        pad("", title_w),
        (1..=12)
            .map(|m| format!("{m:>2}"))
            .collect::<Vec<_>>()
            .join(" ")
    ));
    for (_, title, counts) in &m.items {
        let cells: Vec<String> = counts
            .iter()
            // Two cells a month, so that every month's number fits under its label.
            .map(|&n| match n {
                0 => " .".to_string(),
                1..=99 => format!("{n:>2}"),
                _ => " +".to_string(),
            })
            .collect();
        let total: u32 = counts.iter().sum();
        lines.push(format!(
            "  {}  {}  {}",
            pad(&for_terminal(&truncate(title, title_w)), title_w),
            cells.join(" "),
            words.chart_total(total)
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_scales_bars_and_marks_empty_months() {
        let mut overall = [0; 12];
        overall[0] = 4;
        overall[1] = 1;
        let m = Monthly {
            overall,
            items: vec![(
                "a".into(),
                "会前学法".into(),
                [12, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 300],
            )],
        };
        let lines = chart(&m, Lang::Zh);
        assert_eq!(lines[1], format!("   1月 |{} 4", "#".repeat(40)));
        assert_eq!(lines[2], format!("   2月 |{} 1", "#".repeat(10)));
        assert_eq!(lines[3], "   3月 |");
        // Each month's figure sits under its label, 11 and 12 included.
        let header = &lines[lines.len() - 2];
        let row = lines.last().unwrap();
        assert!(
            header.ends_with(" 1  2  3  4  5  6  7  8  9 10 11 12"),
            "{header}"
        );
        assert!(
            row.ends_with("12  1  .  .  .  .  .  .  .  .  .  +  共313"),
            "{row}"
        );
        assert_eq!(width(header), width(row) - width("  共313"));
        assert!(lines.iter().all(|l| {
            l.chars()
                .all(|c| c.is_ascii() || width(&c.to_string()) == 2)
        }));
    }

    #[test]
    fn a_session_counted_for_two_items_is_one_occurrence_overall() {
        let c = crate::checklist::load(
            crate::checklist::BUILTIN_DEFAULT.as_bytes(),
            "t",
            2024,
            Lang::Zh,
        )
        .unwrap();
        let entry = |linked: &str| {
            format!(
                r#"(id: "s1", date: "2024-05-06", topic: "讲座", hours: Some(2.0), by: "张三", linked: ["{linked}"])"#
            )
        };
        let text = format!(
            r#"(checklist: "rule-of-law-duties", year: 2024, items: {{ "lectures": (entries: [{}]), "study-hours": (entries: [{}]) }})"#,
            entry("study-hours"),
            entry("lectures")
        );
        let ledger: Ledger = ron::from_str(&text).unwrap();
        let m = monthly(&c, &ledger);
        assert_eq!(m.overall[4], 1, "one session");
        let per_item: u32 = m.items.iter().map(|(_, _, n)| n[4]).sum();
        assert_eq!(per_item, 2, "counted in each item");
    }
}
