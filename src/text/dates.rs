//! Dates as officers write them in (`2024-03-28`, `2024年3月28日`, `3月5日`, `3/5`, `昨天`,
//! `20250305`, full-width digits …) and as reports write them out (`2024年3月28日`).
//!
//! Pure: "today" and the year being recorded are passed in by the caller.

use jiff::civil::Date;

/// Parse a calendar date written as `2024-03-28`, `2024/3/28`, `2024.3.28` or `2024年3月28日`.
pub fn parse_date(s: &str) -> Option<Date> {
    let (year, month, day) = date_parts(&normalise(s))?;
    Date::new(year, month, day).ok()
}

/// Why a date as an officer wrote it could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not a date in any way officers write one.
    NotADate,
    /// Written like a date, but that day does not exist (`2月30日`).
    NoSuchDay,
    /// A month and day without a year that fits both years of the record's window, both
    /// already past: which one is meant must be said.
    WhichYear { first: Date, second: Date },
}

/// A date as officers write it, for a record of `year` on `today`: a full date in any of
/// the usual spellings; `今天`, `昨天`, `前天`; or a month and day without the year (`3月5日`,
/// `3/5`, `3.5`, `03-05`), which means that day of the record's year, or of the next year's
/// first half (where the report and 述法 fall) when only that one has already happened.
pub fn parse_in(s: &str, year: i16, today: Date) -> Result<Date, DateError> {
    let text = normalise(s);
    let t = text.trim();
    let back = |days: i64| {
        today
            .checked_sub(jiff::Span::new().days(days))
            .map_err(|_| DateError::NotADate)
    };
    match t {
        "今天" | "今日" | "today" => return Ok(today),
        "昨天" | "昨日" | "yesterday" => return back(1),
        "前天" => return back(2),
        _ => {}
    }
    // `20250305`.
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        let (y, m, d) = (&t[..4], &t[4..6], &t[6..]);
        let (y, m, d) = (y.parse().ok(), m.parse().ok(), d.parse().ok());
        return match (y, m, d) {
            (Some(y), Some(m), Some(d)) => Date::new(y, m, d).map_err(|_| DateError::NoSuchDay),
            _ => Err(DateError::NotADate),
        };
    }
    if let Some((y, m, d)) = date_parts(t) {
        return Date::new(y, m, d).map_err(|_| DateError::NoSuchDay);
    }
    let (m, d) = month_day(t).ok_or(DateError::NotADate)?;
    let this = Date::new(year, m, d);
    let next = Date::new(year.saturating_add(1), m, d);
    let (_, window_end) = year_window(year);
    match (this, next) {
        (Err(_), Err(_)) => Err(DateError::NoSuchDay),
        (Ok(a), Ok(b)) if b <= window_end && b <= today && a <= today => {
            Err(DateError::WhichYear {
                first: a,
                second: b,
            })
        }
        (Ok(a), Ok(b)) if a > today && b <= window_end && b <= today => Ok(b),
        (Ok(a), _) => Ok(a),
        // 29 February of a leap year that is not the record's year.
        (Err(_), Ok(b)) if b <= window_end => Ok(b),
        (Err(_), Ok(_)) => Err(DateError::NoSuchDay),
    }
}

/// Full-width digits and separators as ASCII (`２０２５－０３－０５` → `2025-03-05`), so that
/// text typed with a Chinese input method reads like any other.
fn normalise(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '－' | '—' | '–' => '-',
            '／' => '/',
            '．' | '。' => '.',
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// `3月5日`, `3月5号`, `3/5`, `3.5`, `03-05` → (month, day).
fn month_day(s: &str) -> Option<(i8, i8)> {
    let (m, d) = if let Some((m, rest)) = s.split_once('月') {
        let d = rest
            .strip_suffix('日')
            .or_else(|| rest.strip_suffix('号'))
            .unwrap_or(rest);
        (m, d)
    } else {
        let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        s.split_once(sep)?
    };
    Some((number(m)?, number(d)?))
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

/// `YYYY-MM-DD` read straight from its ten bytes, or `None` for any other text (which
/// jiff's parser then reads, or says what is wrong with it). Ledgers hold a date for every
/// entry; this is most of a ledger's dates, at a fraction of the general parser's work.
pub fn iso_fast(s: &str) -> Option<Date> {
    let b: &[u8; 10] = s.as_bytes().try_into().ok()?;
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0i16, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + i16::from(d - b'0'))
        })
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Serde for stored dates: written as jiff writes them (`2024-03-28`), read through
/// [`iso_fast`] first.
pub mod stored {
    use jiff::civil::Date;
    use serde::{Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        date.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date as YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
                match super::iso_fast(s) {
                    Some(date) => Ok(date),
                    None => s.parse::<Date>().map_err(E::custom),
                }
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    proptest::proptest! {
        /// The quick reading of stored dates gives what jiff gives, or leaves it to jiff.
        #[test]
        fn stored_dates_read_as_jiff_reads_them(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9+ -]{10}|2024-0[1-9]-[0-3][0-9]") {
            let jiff = s.parse::<Date>().ok();
            match iso_fast(&s) {
                Some(fast) => proptest::prop_assert_eq!(Some(fast), jiff),
                None => proptest::prop_assert!(jiff.is_none() || !s.as_bytes().iter().all(|b| b.is_ascii_digit() || *b == b'-')),
            }
        }
    }

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
    fn dates_as_officers_write_them() {
        let today = date(2026, 1, 20);
        let p = |s: &str| parse_in(s, 2025, today);
        for (s, d) in [
            ("2025-03-05", date(2025, 3, 5)),
            ("2025.3.5", date(2025, 3, 5)),
            ("20250305", date(2025, 3, 5)),
            ("２０２５－０３－０５", date(2025, 3, 5)),
            ("2025年3月5日", date(2025, 3, 5)),
            ("3月5日", date(2025, 3, 5)),
            ("3月5号", date(2025, 3, 5)),
            ("3/5", date(2025, 3, 5)),
            ("3.5", date(2025, 3, 5)),
            ("03-05", date(2025, 3, 5)),
            ("１２月２７日", date(2025, 12, 27)),
            ("今天", today),
            ("昨天", date(2026, 1, 19)),
            ("前天", date(2026, 1, 18)),
        ] {
            assert_eq!(p(s), Ok(d), "{s}");
        }
        // January of the record's year and of the next are both past: which one?
        assert_eq!(
            p("1月10日"),
            Err(DateError::WhichYear {
                first: date(2025, 1, 10),
                second: date(2026, 1, 10)
            })
        );
        // Only next January has happened yet (recording in February of the record's year).
        assert_eq!(
            parse_in("1-10", 2026, date(2026, 2, 1)),
            Ok(date(2026, 1, 10))
        );
        assert_eq!(
            parse_in("3-1", 2025, date(2026, 2, 1)),
            Ok(date(2025, 3, 1))
        );
        assert_eq!(p("2月30日"), Err(DateError::NoSuchDay));
        assert_eq!(p("2025-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(p("20251301"), Err(DateError::NoSuchDay));
        assert_eq!(p("下周三"), Err(DateError::NotADate));
        assert_eq!(p("3"), Err(DateError::NotADate));
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
