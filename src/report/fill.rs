//! Ledger and checklist text made safe for every output, and the ledger's facts as words:
//! figures, dates (`2024年6月30日和12月27日`), topics and evidence joined the way reports
//! join them.

use jiff::civil::Date;

use crate::ledger::ItemRecord;
use crate::template::Spec;
use crate::text::dates as date;
use crate::text::number;

/// Text from a checklist or ledger made safe for every output: control characters and bidi
/// overrides dropped (tabs and line breaks become spaces, so a pasted paragraph stays one
/// line), U+FFFE/U+FFFF dropped (illegal in XML), and ASCII braces turned full-width so that
/// no output shows `{` or `}`, which readers take for an unfilled placeholder.
pub fn clean(s: &str) -> String {
    // Most text needs nothing; skip the rebuild (10 000-item reports clean ~100 000 strings).
    if !needs_cleaning(s) {
        return s.trim().to_string();
    }
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '{' => Some('｛'),
            '}' => Some('｝'),
            '\u{FFFE}' | '\u{FFFF}' => None,
            c if crate::text::is_unsafe(c) => None,
            c => Some(c),
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Whether [`clean`] would change more than surrounding spaces, judged on the UTF-8 bytes:
/// C0 controls and DEL, braces, C1 controls (`C2 80`–`C2 9F`), bidi overrides
/// (`E2 80 AA`–`AE`, `E2 81 A6`–`A9`) and U+FFFE/U+FFFF (`EF BF BE`/`BF`).
fn needs_cleaning(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        0x00..=0x1F | 0x7F | b'{' | b'}' => true,
        0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        0xEF => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0xBF), Some(0xBE | 0xBF))
        ),
        _ => false,
    })
}

/// A figure as [`number`] writes it, without float formatting for whole numbers (most
/// figures are counts; formatting floats dominated the 10 000-item benchmark).
pub fn figure(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        (x as i64).to_string()
    } else {
        number(x)
    }
}

/// The date that says when an item was done: the tick, the rate's date, or the latest entry.
pub fn done_date(record: Option<&ItemRecord>) -> Option<Date> {
    let r = record?;
    r.done
        .as_ref()
        .map(|d| d.date)
        .or_else(|| r.rate.as_ref().map(|x| x.date))
        .or_else(|| r.entries.iter().map(|e| e.date).max())
}

/// Every piece of evidence recorded for an item, item-wide first, then by date.
pub fn evidence(record: Option<&ItemRecord>) -> Vec<&str> {
    let Some(r) = record else {
        return Vec::new();
    };
    let mut entries: Vec<_> = r.entries.iter().collect();
    entries.sort_by_key(|e| e.date);
    std::iter::once(r.evidence.as_str())
        .chain(r.done.as_ref().map(|d| d.evidence.as_str()))
        .chain(r.rate.as_ref().map(|x| x.evidence.as_str()))
        .chain(entries.into_iter().map(|e| e.evidence.as_str()))
        .collect()
}

/// Cleaned, non-empty texts without repeats, in the order given, joined with `、`. Trailing
/// punctuation of each text is dropped so the joint never reads `，、`. Between two titles in
/// 《》 (or two quotations in “”) no `、` is written, as GB/T 15834 prescribes.
pub fn join_unique<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for t in texts {
        let t = trimmed(&clean(t));
        if !t.is_empty() && !seen.contains(&t) {
            seen.push(t);
        }
    }
    join_titles(&seen)
}

/// A text without the marks that would dangle once it is joined to others.
fn trimmed(t: &str) -> String {
    trim_marks(t).to_string()
}

fn trim_marks(t: &str) -> &str {
    t.trim_end_matches(is_separator)
        .trim_end_matches(is_terminal)
        .trim_start_matches(is_separator)
        .trim()
}

/// [`clean`] without a copy when the text needs none (most do not).
pub(super) fn cleaned(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_cleaning(s) {
        std::borrow::Cow::Owned(clean(s))
    } else {
        std::borrow::Cow::Borrowed(s.trim())
    }
}

fn is_separator(c: char) -> bool {
    super::prose::is_separator(c)
}

fn is_terminal(c: char) -> bool {
    super::prose::is_terminal(c)
}

/// Texts joined with `、`, none between two 《》 titles or two “” quotations.
fn join_titles(texts: &[String]) -> String {
    let mut out = String::new();
    for t in texts {
        let titles = (out.ends_with('》') && t.starts_with('《'))
            || (out.ends_with('”') && t.starts_with('“'));
        if !out.is_empty() && !titles {
            out.push('、');
        }
        out.push_str(t);
    }
    out
}

/// Whether a text has a Chinese character: a topic without one (`x`, `test`) is a trial
/// entry, not something a report can state.
fn has_chinese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'))
}

/// Logged topics as a report lists them: cleaned, trial entries without Chinese dropped,
/// each once (`《宪法》` and `宪法` are one topic), in the order given; at most `cap` of them
/// and then `等`. With `titles`, each is written as a title in 《》 (the template already
/// wraps the list: `专题学习《{topics}》`).
pub fn topics<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    cap: Option<u8>,
    titles: bool,
) -> String {
    // Entries repeat their topic (twelve sessions of 习近平法治思想): each text is looked at
    // once, and copied only when it is kept.
    let mut seen: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut more = false;
    for raw in texts {
        let c = cleaned(raw);
        let t = trim_marks(&c);
        if t.is_empty() {
            continue;
        }
        let k: std::borrow::Cow<'_, str> = if t.contains(['《', '》']) {
            t.replace(['《', '》'], "").into()
        } else {
            t.into()
        };
        if keys.iter().any(|seen| *seen == *k) || !has_chinese(t) {
            continue;
        }
        if cap.is_some_and(|c| seen.len() >= usize::from(c)) {
            more = true;
            break;
        }
        // A law's name is a title wherever it stands (GB/T 15834): `民法典` → `《民法典》`.
        let law = crate::checklist::lint::is_law_name(t);
        seen.push(if titles || law {
            format!("《{k}》")
        } else {
            t.to_string()
        });
        keys.push(k.into_owned());
    }
    let mut out = join_titles(&seen);
    if more {
        out.push('等');
    }
    out
}

/// Dates in Chinese style, as officers write a list of them: the year once per year, `和`
/// before the last (`2024年6月30日和12月27日`, `3月1日、5月6日和7月8日`). `Spec::MonthDay`
/// leaves the year out, `Spec::Month` writes each month once (`3月、7月和12月`).
pub fn date_list(dates: impl IntoIterator<Item = Date>, spec: Spec) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut last: Option<Date> = None;
    for d in dates {
        let same = match (spec, last) {
            (Spec::Month, Some(p)) => (p.year(), p.month()) == (d.year(), d.month()),
            (_, Some(p)) => p == d,
            (_, None) => false,
        };
        if same {
            continue;
        }
        let new_year = last.is_none_or(|p| p.year() != d.year());
        words.push(match spec {
            Spec::Month if new_year && words.is_empty() => format!("{}月", d.month()),
            Spec::Month => format!("{}月", d.month()),
            Spec::MonthDay => format!("{}月{}日", d.month(), d.day()),
            _ if new_year => date::chinese(d),
            _ => format!("{}月{}日", d.month(), d.day()),
        });
        last = Some(d);
    }
    match words.len() {
        0 => String::new(),
        1 => words.remove(0),
        n => {
            debug_assert!(n > 1);
            let last = words.pop().unwrap_or_default();
            format!("{}和{last}", words.join("、"))
        }
    }
}

/// One date in Chinese style, or its month and day, or its month.
pub fn one_date(d: Date, spec: Spec) -> String {
    match spec {
        Spec::MonthDay => format!("{}月{}日", d.month(), d.day()),
        Spec::Month => format!("{}月", d.month()),
        _ => date::chinese(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn clean_removes_controls_and_braces() {
        assert_eq!(clean(" a\x1b[31m{b}\u{202E}\n"), "a[31m｛b｝");
        for c in [
            '\0', '\x7f', '\u{85}', '\u{202A}', '\u{2069}', '\u{FFFE}', '{',
        ] {
            assert!(needs_cleaning(&format!("学{c}法")), "{c:?}");
        }
        assert!(!needs_cleaning("《中华人民共和国保守国家秘密法》“12·4”—…"));
        assert_eq!(clean("  学法 "), "学法");
    }

    #[test]
    fn figures_match_number() {
        for x in [0.0, 3.0, 20.0, 12.5, 91.666, 99.96, 100.0] {
            assert_eq!(figure(x), number(x), "{x}");
        }
    }

    #[test]
    fn joins_unique_in_order() {
        assert_eq!(
            join_unique(["《宪法》", "民法典。", "《宪法》", " ", "，"]),
            "《宪法》、民法典"
        );
        assert_eq!(
            join_unique(["《宪法》", "《民法典》"]),
            "《宪法》《民法典》"
        );
    }

    #[test]
    fn dates_share_their_year() {
        let d = [
            date(2024, 3, 1),
            date(2024, 3, 1),
            date(2024, 5, 6),
            date(2025, 1, 2),
        ];
        assert_eq!(
            date_list(d, Spec::Plain),
            "2024年3月1日、5月6日和2025年1月2日"
        );
        let two = [date(2024, 6, 30), date(2024, 12, 27)];
        assert_eq!(date_list(two, Spec::Plain), "2024年6月30日和12月27日");
        assert_eq!(date_list(two, Spec::MonthDay), "6月30日和12月27日");
        let months = [date(2024, 3, 1), date(2024, 3, 9), date(2024, 7, 1)];
        assert_eq!(date_list(months, Spec::Month), "3月和7月");
        assert_eq!(one_date(date(2024, 7, 18), Spec::Month), "7月");
    }

    #[test]
    fn topics_are_capped_deduplicated_and_titled() {
        let t = [
            "《宪法》",
            "x",
            "宪法",
            "民法典。",
            "《行政复议法》",
            "test",
            "《保密法》",
        ];
        assert_eq!(
            topics(t, None, false),
            "《宪法》《民法典》《行政复议法》《保密法》"
        );
        assert_eq!(topics(t, Some(2), false), "《宪法》《民法典》等");
        let plain = ["习近平法治思想", "学习宪法", "x"];
        assert_eq!(topics(plain, None, false), "习近平法治思想、学习宪法");
        assert_eq!(
            topics(t, Some(3), true),
            "《宪法》《民法典》《行政复议法》等"
        );
        assert_eq!(topics(["x", "aa"], None, false), "");
    }
}
