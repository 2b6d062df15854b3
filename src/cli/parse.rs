//! Values on the command line, refined from text into what the commands take: languages,
//! years, dates, hours, rates and windows. A refusal is data ([`BadValue`]); `clap_zh` and
//! clap's own English say it.

use jiff::civil::Date;

use crate::i18n::Lang;
use crate::text::dates;

/// Why a value on the command line was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadValue {
    Lang,
    Year,
    Date,
    NoSuchDay,
    Hours,
    Fraction,
    NegativeRate,
    RateOrder,
    Within,
}

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(Lang::En.words().bad_value(*self))
    }
}

impl std::error::Error for BadValue {}

pub fn lang(s: &str) -> Result<Lang, BadValue> {
    // An empty DUTY_LANG means "not chosen", not a mistake.
    if s.trim().is_empty() {
        return Ok(Lang::default());
    }
    s.parse().map_err(|_| BadValue::Lang)
}

/// A year from 2000 to 2100, as checklists allow.
pub fn year(s: &str) -> Result<i16, BadValue> {
    s.trim()
        .parse::<i16>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .ok_or(BadValue::Year)
}

/// `2024-03-28` or `2024年3月28日` and the other ways officers write a full date.
pub fn date(s: &str) -> Result<Date, BadValue> {
    dates::parse_date(s).ok_or(if dates::no_such_day(s) {
        BadValue::NoSuchDay
    } else {
        BadValue::Date
    })
}

/// Hours of one session: a finite number (its range is the ledger's rule).
pub fn hours(s: &str) -> Result<f64, BadValue> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|h| h.is_finite())
        .ok_or(BadValue::Hours)
}

/// `46/50`: two whole numbers, the second not below the first; `0/0` (or `无`, `none`) for
/// a year with no cases.
pub fn fraction(s: &str) -> Result<(u64, u64), BadValue> {
    if matches!(
        s.trim().to_lowercase().as_str(),
        "无" | "none" | "n/a" | "na"
    ) {
        return Ok((0, 0));
    }
    let (n, d) = s.trim().split_once(['/', '／']).ok_or(BadValue::Fraction)?;
    if [n, d].iter().any(|part| part.trim_start().starts_with('-')) {
        return Err(BadValue::NegativeRate);
    }
    let n: u64 = n.trim().parse().map_err(|_| BadValue::Fraction)?;
    let d: u64 = d.trim().parse().map_err(|_| BadValue::Fraction)?;
    if n > d {
        return Err(BadValue::RateOrder);
    }
    Ok((n, d))
}

/// `14d`, `2w`, `14` → days.
pub fn within(s: &str) -> Result<i64, BadValue> {
    let t = s.trim().to_ascii_lowercase();
    let (digits, factor) = if let Some(d) = t.strip_suffix('w') {
        (d, 7)
    } else if let Some(d) = t.strip_suffix('d') {
        (d, 1)
    } else {
        (t.as_str(), 1)
    };
    match digits.trim().parse::<i64>() {
        Ok(n) if (0..=400).contains(&n) && n * factor <= 800 => Ok(n * factor),
        _ => Err(BadValue::Within),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions() {
        assert_eq!(fraction("46/50"), Ok((46, 50)));
        assert_eq!(fraction(" 3 ／ 4 "), Ok((3, 4)));
        assert_eq!(fraction("5/4"), Err(BadValue::RateOrder));
        assert_eq!(fraction("1/0"), Err(BadValue::RateOrder));
        assert_eq!(fraction("0/0"), Ok((0, 0)));
        assert_eq!(fraction("无"), Ok((0, 0)));
        assert_eq!(fraction("-1/4"), Err(BadValue::NegativeRate));
        assert_eq!(fraction("1 / -4"), Err(BadValue::NegativeRate));
        assert_eq!(fraction("1.5/4"), Err(BadValue::Fraction));
    }

    #[test]
    fn windows() {
        assert_eq!(within("14d"), Ok(14));
        assert_eq!(within("2w"), Ok(14));
        assert_eq!(within(" 30 "), Ok(30));
        assert_eq!(within("900"), Err(BadValue::Within));
        assert_eq!(within("-1"), Err(BadValue::Within));
    }
}
