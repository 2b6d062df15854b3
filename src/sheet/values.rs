//! Reading what offices write in a task spreadsheet's cells: deadlines (`2025年6月底前`,
//! `全年`, `每季度`, `三季度`, a date cell or a date stored as a number) and targets (`不少于4次`,
//! `每月1次`, `100%`, `20学时`, `两次`).

use jiff::civil::Date;

use super::grid::{Value, excel_serial_date};
use crate::checklist::RawKind;
use crate::text::dates::parse_date;

/// A digit or a Chinese numeral up to 十二 as a number.
fn numeral(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    const DIGITS: [(char, u32); 11] = [
        ('一', 1),
        ('二', 2),
        ('两', 2),
        ('三', 3),
        ('四', 4),
        ('五', 5),
        ('六', 6),
        ('七', 7),
        ('八', 8),
        ('九', 9),
        ('十', 10),
    ];
    let value = |c: char| DIGITS.iter().find(|d| d.0 == c).map(|d| d.1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [a] => value(*a),
        ['十', b] => Some(10 + value(*b)?),
        [a, '十'] => Some(value(*a)? * 10),
        [a, '十', b] => Some(value(*a)? * 10 + value(*b)?),
        _ => None,
    }
}

/// The first number in `s` (digits, a decimal, or a Chinese numeral before a unit).
fn first_number(s: &str) -> Option<f64> {
    let mut digits = String::new();
    let mut started = false;
    for c in s.chars() {
        if c.is_ascii_digit() || (started && c == '.') {
            digits.push(c);
            started = true;
        } else if started {
            break;
        }
    }
    if let Ok(n) = digits.trim_end_matches('.').parse::<f64>() {
        return Some(n);
    }
    // 两次, 四次, 十二次: a numeral just before a unit.
    let chars: Vec<char> = s.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if "次场期篇个件项回课".contains(*c) && i > 0 {
            for len in (1..=3).rev() {
                if i >= len {
                    let word: String = chars[i - len..i].iter().collect();
                    if let Some(n) = numeral(&word) {
                        return Some(f64::from(n));
                    }
                }
            }
        }
    }
    None
}

/// A deadline as a checklist writes it (`03-31`, `next-03-01`, `2026-05-01`), from a cell of
/// a checklist for `year`; `None` when it cannot be read.
pub fn due(value: &Value, year: i16) -> Option<String> {
    let date = match value {
        Value::Date(d) => Some(*d),
        Value::Number(n) => excel_serial_date(*n),
        _ => None,
    };
    if let Some(d) = date {
        return Some(due_of_date(d, year));
    }
    let text = value.text();
    due_text(&text, year)
}

fn due_of_date(d: Date, year: i16) -> String {
    if d.year() == year {
        format!("{:02}-{:02}", d.month(), d.day())
    } else if d.year() == year + 1 {
        format!("next-{:02}-{:02}", d.month(), d.day())
    } else {
        crate::text::dates::iso(d)
    }
}

/// The last day of a month of `year`, as a deadline.
fn month_end(year: i16, month: i8) -> Option<String> {
    let d = Date::new(year, month, 1).ok()?.last_of_month();
    Some(format!("{:02}-{:02}", d.month(), d.day()))
}

fn due_text(text: &str, year: i16) -> Option<String> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t
        .trim_end_matches(['前', '。', '.'])
        .trim_end_matches("之")
        .trim_end_matches("以")
        .to_string();
    if t.is_empty() {
        return None;
    }
    if let Some(d) = parse_date(&t) {
        return Some(due_of_date(d, year));
    }
    let all_year = [
        "全年",
        "长期",
        "持续",
        "常态化",
        "年底",
        "年末",
        "年内",
        "本年度",
        "全年持续推进",
        "每月",
        "每季度",
        "每半年",
        "每年",
        "按时",
        "下半年",
        "四季度",
        "第四季度",
        "长期坚持",
    ];
    if all_year.iter().any(|w| t == *w || t.starts_with(w)) {
        return Some("12-31".into());
    }
    for (words, due) in [
        (&["上半年", "二季度", "第二季度"][..], "06-30"),
        (&["一季度", "第一季度"][..], "03-31"),
        (&["三季度", "第三季度", "前三季度"][..], "09-30"),
    ] {
        if words.iter().any(|w| t == *w) {
            return Some(due.into());
        }
    }
    // 2025年6月底, 6月底, 6月, 六月底, 6月30日 (the year of the checklist).
    let (y, rest) = match t.split_once('年') {
        Some((y, rest)) => (y.parse::<i16>().ok()?, rest),
        None => (year, t.as_str()),
    };
    let (m, day) = rest.split_once('月')?;
    let month = i8::try_from(numeral(m)?).ok()?;
    let day = day.trim_end_matches(['底', '末']);
    let day = day.trim_end_matches(['日', '号']);
    let resolved = if day.is_empty() || day == "中旬" || day == "下旬" {
        let end = month_end(y, month)?;
        if y == year {
            return Some(end);
        }
        Date::new(y, month, 1).ok()?.last_of_month()
    } else {
        Date::new(y, month, i8::try_from(numeral(day)?).ok()?).ok()?
    };
    Some(due_of_date(resolved, year))
}

/// What an item counts, from its target cell and its title: a duty, a count a year, a rate
/// or hours; and whether the text was understood (a duty whose target cell holds prose keeps
/// the text as its description).
pub fn kind(target: &str, title: &str) -> (RawKind, bool) {
    let t: String = target.chars().filter(|c| !c.is_whitespace()).collect();
    let understood = |k| (k, true);
    if (t.contains('%') || t.contains('％'))
        && let Some(n) = first_number(&t).filter(|n| *n > 0.0 && *n <= 100.0)
    {
        return understood(RawKind::Rate { target: n });
    }
    if ["学时", "课时", "小时"].iter().any(|u| t.contains(u))
        && let Some(n) = first_number(&t).filter(|n| *n > 0.0)
    {
        return understood(RawKind::Hours { target: n });
    }
    let per_year = if t.contains("每月") {
        12.0
    } else if t.contains("每季度") || t.contains("每季") {
        4.0
    } else if t.contains("每半年") {
        2.0
    } else if t.contains("每周") {
        52.0
    } else {
        1.0
    };
    let counted = "次场期篇个件项回课".chars().any(|u| t.contains(u));
    if let Some(n) = first_number(&t).filter(|n| *n >= 1.0 && n.fract() == 0.0) {
        if counted
            || t.chars()
                .all(|c| c.is_ascii_digit() || "≥>不少于至少".contains(c))
        {
            return understood(RawKind::Count {
                target: (n * per_year) as i64,
            });
        }
    } else if per_year > 1.0 {
        // 每季度召开, 每月一次学法: the period alone says how often.
        return understood(RawKind::Count {
            target: per_year as i64,
        });
    }
    if t.is_empty() || ["完成", "是", "√", "✓", "按时完成"].contains(&t.as_str()) {
        // A rate named in the title (参考率, 报备率) with no figure is expected in full.
        if title.ends_with('率') {
            return understood(RawKind::Rate { target: 100.0 });
        }
        return (RawKind::Task, true);
    }
    (RawKind::Task, false)
}

/// A cell's text on one line, as ledger text must be: lines within a cell (Alt+Enter) are
/// joined — directly between Chinese characters, with a space between Latin words — and any
/// other control character is dropped.
pub fn one_line(s: &str) -> String {
    let wide = |c: char| c > '\u{2E80}';
    let mut out = String::new();
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let (Some(a), Some(b)) = (out.chars().last(), line.chars().next())
            && !(wide(a) || wide(b))
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    crate::text::strip_unsafe(&out)
}

/// Leading numbering offices put before titles: `一、`, `（三）`, `1.`, `2、`, `(4)`.
pub fn strip_numbering(title: &str) -> &str {
    let t = title.trim();
    let chinese = "一二三四五六七八九十";
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some((n, rest)) = rest.split_once(close)
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit() || chinese.contains(c))
        {
            return rest.trim_start();
        }
    }
    let end = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || chinese.contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = end
        && let Some(rest) = t[end..].strip_prefix(['、', '.', '．', ' '])
        && !rest.trim().is_empty()
        && !rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return rest.trim_start();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn deadlines_as_offices_write_them() {
        let y = 2025;
        for (cell, want) in [
            ("2025年6月底前", "06-30"),
            ("6月底", "06-30"),
            ("2月", "02-28"),
            ("六月底前", "06-30"),
            ("十二月", "12-31"),
            ("2025年3月31日", "03-31"),
            ("2025-03-31", "03-31"),
            ("2025/3/31前", "03-31"),
            ("3月31日前", "03-31"),
            ("2026年3月1日前", "next-03-01"),
            ("全年", "12-31"),
            ("长期坚持", "12-31"),
            ("每季度", "12-31"),
            ("上半年", "06-30"),
            ("三季度", "09-30"),
            ("年底前", "12-31"),
            ("2024年12月", "2024-12-31"),
        ] {
            assert_eq!(due(&text(cell), y).as_deref(), Some(want), "{cell}");
        }
        assert_eq!(due(&Value::Number(45_838.0), y).as_deref(), Some("06-30"));
        assert_eq!(
            due(&Value::Date(jiff::civil::date(2025, 4, 1)), y).as_deref(),
            Some("04-01")
        );
        for bad in ["尽快", "视情况", "13月", "2025年2月30日", ""] {
            assert_eq!(due(&text(bad), y), None, "{bad}");
        }
    }

    #[test]
    fn targets_as_offices_write_them() {
        let k = |t: &str| kind(t, "事项").0;
        assert!(matches!(k("不少于4次"), RawKind::Count { target: 4 }));
        assert!(matches!(k("≥2次"), RawKind::Count { target: 2 }));
        assert!(matches!(k("两次"), RawKind::Count { target: 2 }));
        assert!(matches!(k("每月1次"), RawKind::Count { target: 12 }));
        assert!(matches!(k("每季度至少1次"), RawKind::Count { target: 4 }));
        assert!(matches!(k("每季度召开"), RawKind::Count { target: 4 }));
        assert!(matches!(k("4"), RawKind::Count { target: 4 }));
        assert!(matches!(k("100%"), RawKind::Rate { target } if target == 100.0));
        assert!(matches!(k("参考率达到95％"), RawKind::Rate { target } if target == 95.0));
        assert!(matches!(k("不少于20学时"), RawKind::Hours { target } if target == 20.0));
        assert!(matches!(k("12.5学时"), RawKind::Hours { target } if target == 12.5));
        assert!(matches!(k("完成"), RawKind::Task));
        assert!(matches!(k(""), RawKind::Task));
        assert!(
            matches!(kind("", "学法考试参考率").0, RawKind::Rate { target } if target == 100.0)
        );
        let (prose, understood) = kind("建立健全法律顾问制度", "x");
        assert!(matches!(prose, RawKind::Task) && !understood);
    }

    #[test]
    fn cells_on_one_line() {
        assert_eq!(one_line("党组会\n专题研究"), "党组会专题研究");
        assert_eq!(one_line("study\r\nlaw "), "study law");
        assert_eq!(one_line("学法\tx"), "学法 x");
    }

    #[test]
    fn numbering_is_dropped() {
        assert_eq!(strip_numbering("一、第一责任人职责"), "第一责任人职责");
        assert_eq!(strip_numbering("（三）依法决策"), "依法决策");
        assert_eq!(strip_numbering("1.学法"), "学法");
        assert_eq!(strip_numbering("12、会前学法"), "会前学法");
        assert_eq!(strip_numbering("2025年度计划"), "2025年度计划");
        assert_eq!(strip_numbering("12·4宪法日"), "12·4宪法日");
    }
}
