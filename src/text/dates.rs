//! Dates as officers write them: `2024-03-28` or `2024年3月28日` in, `2024年3月28日` out.
//!
//! Pure: "today" is always passed in by the caller.

use jiff::civil::Date;

/// Parse a calendar date written as `2024-03-28`, `2024/3/28`, `2024.3.28` or `2024年3月28日`.
pub fn parse_date(s: &str) -> Option<Date> {
    let (year, month, day) = date_parts(s)?;
    Date::new(year, month, day).ok()
}

/// Whether `s` is written like a date but names a day that does not exist (`2024年2月30日`).
pub fn no_such_day(s: &str) -> bool {
    date_parts(s).is_some() && parse_date(s).is_none()
}

/// Year, month and day as written, before checking that such a day exists.
fn date_parts(s: &str) -> Option<(i16, i8, i8)> {
    let s = s.trim();
    let (y, rest) = if let Some((y, rest)) = s.split_once('年') {
        let rest = rest
            .strip_suffix('日')
            .or_else(|| rest.strip_suffix('号'))?;
        let (m, d) = rest.split_once('月')?;
        (y, (m, d))
    } else {
        let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        let mut parts = s.splitn(3, sep);
        let y = parts.next()?;
        let m = parts.next()?;
        let d = parts.next()?;
        (y, (m, d))
    };
    Some((number(y)?, number(rest.0)?, number(rest.1)?))
}

fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    let s = s.trim();
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// How far off a due date is, in words: `逾期12天`, `今天到期`, `3天后到期` /
/// `12 days overdue`, `due today`, `due in 3 days`. One wording for every list and report.
pub fn due_in(days_left: i64, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    let plural = |n: i64| if n == 1 { "" } else { "s" };
    match (lang, days_left) {
        (Lang::Zh, d) if d < 0 => format!("逾期{}天", -d),
        (Lang::Zh, 0) => "今天到期".to_string(),
        (Lang::Zh, d) => format!("{d}天后到期"),
        (Lang::En, d) if d < 0 => format!("{} day{} overdue", -d, plural(-d)),
        (Lang::En, 0) => "due today".to_string(),
        (Lang::En, d) => format!("due in {d} day{}", plural(d)),
    }
}

/// `2024年3月28日`.
pub fn chinese(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// `2024-03-28`.
pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The dates a year's records and deadlines may carry: 1 January of `year` to 30 June of the
/// next (the report, its publication and the leader's 述法 fall in the next year's first half).
pub fn year_window(year: i16) -> (Date, Date) {
    let from = Date::new(year, 1, 1).unwrap_or(Date::MIN);
    let to = Date::new(year.saturating_add(1), 6, 30).unwrap_or(Date::MAX);
    (from, to)
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    // Civil dates have no time zone, so every day is exactly 86 400 seconds here.
    from.duration_until(to).as_secs() / 86_400
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_both_styles() {
        assert_eq!(parse_date("2024-03-28"), Some(date(2024, 3, 28)));
        assert_eq!(parse_date("2024年3月28日"), Some(date(2024, 3, 28)));
        assert_eq!(parse_date(" 2024/3/8 "), Some(date(2024, 3, 8)));
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("2024-3"), None);
        assert_eq!(parse_date("二〇二四年三月"), None);
        assert_eq!(parse_date("-2024-01-01"), None);
        assert_eq!(parse_date("99999-01-01"), None);
    }

    #[test]
    fn formats_chinese_and_iso() {
        assert_eq!(chinese(date(2024, 3, 28)), "2024年3月28日");
        assert_eq!(iso(date(2024, 3, 8)), "2024-03-08");
    }

    #[test]
    fn counts_days_across_leap_years() {
        assert_eq!(days_between(date(2024, 2, 28), date(2024, 3, 1)), 2);
        assert_eq!(days_between(date(2024, 12, 31), date(2024, 1, 1)), -365);
        assert_eq!(days_between(date(2023, 1, 1), date(2024, 1, 1)), 365);
    }
}
