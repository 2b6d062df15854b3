//! Values on the command line, refined from text into what the commands take: languages,
//! years, dates, hours, rates and windows. A refusal is data ([`BadValue`]); `clap_zh` and
//! clap's own English say it.

use crate::i18n::Lang;

/// Why a value on the command line was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadValue {
    Lang,
    Year,
    Hours,
    Fraction,
    NegativeRate,
    RateOrder,
    Within,
    OnOff,
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

/// Hours of one session: a finite number (its range is the ledger's rule).
pub fn hours(s: &str) -> Result<f64, BadValue> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|h| h.is_finite())
        .ok_or(BadValue::Hours)
}

/// `46/50`, or `0/0` (`无`) for a year with no cases.
pub fn fraction(s: &str) -> Result<(u64, u64), BadValue> {
    use crate::text::numbers::FractionError as E;
    crate::text::numbers::fraction(s).map_err(|e| match e {
        E::NotAFraction => BadValue::Fraction,
        E::Negative => BadValue::NegativeRate,
        E::NumeratorAbove => BadValue::RateOrder,
    })
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
