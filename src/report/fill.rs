//! Filling item templates from the ledger, and the small rules of Chinese prose that keep a
//! filled sentence clean: numerals for 一是/二是, punctuation tidying, sentence joining.

use jiff::civil::Date;

use crate::checklist::{Checklist, Item};
use crate::ledger::ItemRecord;
use crate::progress::total_hours;
use crate::template::Placeholder;
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

/// The value of `placeholder` for `item`, from its ledger record. Only called for items with
/// progress, so the dates, counts and rates a template may name all exist.
pub fn value(
    checklist: &Checklist,
    item: &Item,
    record: Option<&ItemRecord>,
    placeholder: Placeholder,
) -> String {
    let entries = || {
        let mut e: Vec<_> = record
            .map(|r| r.entries.iter().collect())
            .unwrap_or_default();
        // Stable: entries logged on the same day keep the order they were logged in.
        e.sort_by_key(|e| e.date);
        e
    };
    match placeholder {
        Placeholder::Year => checklist.year.to_string(),
        Placeholder::Org => clean(&checklist.organization),
        Placeholder::Title => clean(&item.title),
        Placeholder::Owner => match clean(&item.owner) {
            o if o.is_empty() => "有关科室".to_string(),
            o => o,
        },
        Placeholder::Date => done_date(record).map(date::chinese).unwrap_or_default(),
        Placeholder::Dates => chinese_dates(entries().iter().map(|e| e.date)),
        Placeholder::FirstDate => entries()
            .first()
            .map(|e| date::chinese(e.date))
            .unwrap_or_default(),
        Placeholder::Count => record.map_or(0, |r| r.entries.len()).to_string(),
        Placeholder::Target => match item.kind.target() {
            Some(t) if matches!(item.kind, crate::checklist::Kind::Rate { .. }) => {
                format!("{}%", figure(t))
            }
            Some(t) => figure(t),
            None => String::new(),
        },
        Placeholder::Topics => join_unique(entries().iter().map(|e| e.topic.as_str())),
        Placeholder::Hours => figure(total_hours(record)),
        Placeholder::Rate => record
            .and_then(|r| r.rate.as_ref())
            .map(|r| format!("{}%", figure(r.percent())))
            .unwrap_or_default(),
        Placeholder::Numerator => record
            .and_then(|r| r.rate.as_ref())
            .map(|r| r.numerator.to_string())
            .unwrap_or_default(),
        Placeholder::Denominator => record
            .and_then(|r| r.rate.as_ref())
            .map(|r| r.denominator.to_string())
            .unwrap_or_default(),
        Placeholder::Evidence => join_unique(evidence(record)),
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
        let t = clean(t);
        let t = t
            .trim_end_matches(is_separator)
            .trim_end_matches(is_terminal);
        let t = t.trim_start_matches(is_separator).trim();
        if !t.is_empty() && !seen.iter().any(|s| s == t) {
            seen.push(t.to_string());
        }
    }
    let mut out = String::new();
    for t in &seen {
        let titles = (out.ends_with('》') && t.starts_with('《'))
            || (out.ends_with('”') && t.starts_with('“'));
        if !out.is_empty() && !titles {
            out.push('、');
        }
        out.push_str(t);
    }
    out
}

/// Dates in Chinese style joined with `、`; within one year the year is written once
/// (2024年3月1日、5月6日), as officers write them.
pub fn chinese_dates(dates: impl IntoIterator<Item = Date>) -> String {
    let mut out = String::new();
    let mut last: Option<Date> = None;
    for d in dates {
        if last == Some(d) {
            continue;
        }
        match last {
            None => out.push_str(&date::chinese(d)),
            Some(prev) if prev.year() == d.year() => {
                out.push('、');
                out.push_str(&format!("{}月{}日", d.month(), d.day()));
            }
            Some(_) => {
                out.push('、');
                out.push_str(&date::chinese(d));
            }
        }
        last = Some(d);
    }
    out
}

/// `，、；：` and their ASCII forms: marks that join, never end, a sentence.
fn is_separator(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':')
}

/// `。！？`: marks that end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// How strongly a mark separates, to pick one of a run like `、，`.
fn strength(c: char) -> u8 {
    match c {
        '。' | '！' | '？' => 5,
        '；' => 4,
        '：' => 3,
        '，' => 2,
        _ => 1,
    }
}

/// ASCII punctuation next to Chinese text becomes its full-width form (`召开会议,研究` →
/// `召开会议，研究`); punctuation between ASCII characters (`12.5`, `a,b`) is left alone.
fn full_width(s: &str) -> String {
    if !s.contains([',', ';', ':', '(', ')', '!', '?']) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let wide = |i: Option<&char>| i.is_some_and(|c| !c.is_ascii());
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let near_chinese =
            wide(i.checked_sub(1).and_then(|j| chars.get(j))) || wide(chars.get(i + 1));
        let mapped = match c {
            ',' if near_chinese => '，',
            ';' if near_chinese => '；',
            ':' if near_chinese => '：',
            '(' if near_chinese => '（',
            ')' if near_chinese => '）',
            '!' if near_chinese => '！',
            '?' if near_chinese => '？',
            c => c,
        };
        out.push(mapped);
    }
    out
}

/// A filled clause made tidy: Chinese punctuation, no empty brackets left by an empty value,
/// no run of marks (`、，` keeps the stronger `，`), no mark just inside a bracket, and no
/// mark at either end (the caller adds the right one when joining clauses).
pub fn tidy(s: &str) -> String {
    let s = full_width(&clean(s));
    let mut s = s;
    for empty in ["（）", "()", "《》", "“”", "【】"] {
        if s.contains(empty) {
            s = s.replace(empty, "");
        }
    }
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        if is_separator(c) || is_terminal(c) {
            match out.last().copied() {
                // Nothing yet, or just after an opening bracket: the mark has nothing to join.
                None | Some('（' | '《' | '“' | '【') => continue,
                Some(p) if is_separator(p) || is_terminal(p) => {
                    if strength(c) > strength(p) {
                        out.pop();
                        out.push(c);
                    }
                    continue;
                }
                _ => {}
            }
        }
        if matches!(c, '）' | '》' | '”' | '】') {
            while out.last().is_some_and(|&p| is_separator(p)) {
                out.pop();
            }
        }
        out.push(c);
    }
    while out.last().is_some_and(|&p| is_separator(p)) {
        out.pop();
    }
    out.into_iter().collect::<String>().trim().to_string()
}

/// A sentence that ends properly: a trailing `，、；：` becomes `。`, a missing end mark is added.
pub fn sentence(s: &str) -> String {
    let t = tidy(s);
    if t.is_empty() || t.ends_with(is_terminal) {
        t
    } else {
        format!("{t}。")
    }
}

/// Chinese numerals as used in 一是、二是 and 第十一: 一, 十, 十一, 二十, 一百零一, 一万零一十.
pub fn chinese_numeral(n: u64) -> String {
    let mut s = numeral(n);
    // A leading ten is written 十, 十一, 十万 … not 一十一, 一十万.
    if s.starts_with("一十") {
        s.remove(0);
    }
    s
}

fn numeral(n: u64) -> String {
    const BIG: [(u64, &str); 2] = [(100_000_000, "亿"), (10_000, "万")];
    for (unit, name) in BIG {
        if n >= unit {
            let (high, low) = (n / unit, n % unit);
            let mut s = numeral(high) + name;
            if low > 0 {
                if low < unit / 10 {
                    s.push('零');
                }
                s.push_str(&numeral(low));
            }
            return s;
        }
    }
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const UNITS: [(u64, &str); 4] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut s = String::new();
    let mut zero_pending = false;
    for (unit, name) in UNITS {
        let d = (n / unit % 10) as usize;
        if d == 0 {
            zero_pending = !s.is_empty();
            continue;
        }
        if zero_pending {
            s.push('零');
            zero_pending = false;
        }
        s.push_str(DIGITS[d]);
        s.push_str(name);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn numerals() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (10_000, "一万"),
            (10_010, "一万零一十"),
            (12_345, "一万二千三百四十五"),
            (100_000, "十万"),
            (150_000, "十五万"),
            (100_000_001, "一亿零一"),
        ];
        for (n, want) in cases {
            assert_eq!(chinese_numeral(n), want, "{n}");
        }
    }

    #[test]
    fn tidy_drops_dangling_and_doubled_marks() {
        assert_eq!(tidy("学习了、《宪法》、"), "学习了、《宪法》");
        assert_eq!(tidy("佐证：（）"), "佐证");
        assert_eq!(tidy("A、，B"), "A，B");
        assert_eq!(tidy("（，说明）"), "（说明）");
        assert_eq!(tidy("召开会议,研究;12.5学时"), "召开会议，研究；12.5学时");
        assert_eq!(tidy("，开头"), "开头");
    }

    #[test]
    fn sentences_end_once() {
        assert_eq!(sentence("已完成"), "已完成。");
        assert_eq!(sentence("已完成。"), "已完成。");
        assert_eq!(sentence("已完成；"), "已完成。");
        assert_eq!(sentence(""), "");
    }

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
        assert_eq!(chinese_dates(d), "2024年3月1日、5月6日、2025年1月2日");
    }
}
