//! Numbers as people write them, and percentages that never round up into a target.

/// A number as people write it: `20`, `12.5`, `92.3` (at most one decimal, no trailing `.0`).
pub fn number(x: f64) -> String {
    let tenths = (x * 10.0).round();
    // Whole tenths in integers: the float formatter's fixed-precision path falls back to
    // slow bignum arithmetic for many values, and status prints tens of thousands of these.
    if tenths.abs() < 1e15 {
        let tenths = tenths as i64;
        let (whole, tenth) = (tenths / 10, (tenths % 10).abs());
        return match (tenth, tenths < 0 && whole == 0) {
            (0, _) => whole.to_string(),
            (_, true) => format!("-0.{tenth}"),
            (_, false) => format!("{whole}.{tenth}"),
        };
    }
    let rounded = tenths / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// A rate as a percentage with at most one decimal, rounded down, in whole integers: a
/// figure short of its target never reads as the target (2499/2500 is `99.9`, not `100`),
/// and every screen and document shows the same figure for the same rate.
pub fn percent(numerator: u64, denominator: u64) -> String {
    let tenths = percent_tenths(numerator, denominator);
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        t => format!("{}.{t}", tenths / 10),
    }
}

/// Tenths of a percent, rounded down (`0` for a rate with no cases).
pub fn percent_tenths(numerator: u64, denominator: u64) -> u64 {
    if denominator == 0 {
        return 0;
    }
    (u128::from(numerator) * 1000 / u128::from(denominator)) as u64
}

/// Why a rate as written is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FractionError {
    NotAFraction,
    Negative,
    NumeratorAbove,
}

/// `46/50` (also with `／`): two whole numbers, the second not below the first; `0/0`, `无`
/// or `none` for a year with no cases.
pub fn fraction(s: &str) -> Result<(u64, u64), FractionError> {
    if matches!(
        s.trim().to_lowercase().as_str(),
        "无" | "none" | "n/a" | "na"
    ) {
        return Ok((0, 0));
    }
    let (n, d) = s
        .trim()
        .split_once(['/', '／'])
        .ok_or(FractionError::NotAFraction)?;
    if [n, d].iter().any(|part| part.trim_start().starts_with('-')) {
        return Err(FractionError::Negative);
    }
    let n: u64 = n.trim().parse().map_err(|_| FractionError::NotAFraction)?;
    let d: u64 = d.trim().parse().map_err(|_| FractionError::NotAFraction)?;
    if n > d {
        return Err(FractionError::NumeratorAbove);
    }
    Ok((n, d))
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_drop_needless_decimals() {
        assert_eq!(super::number(20.0), "20");
        assert_eq!(super::number(12.5), "12.5");
        assert_eq!(super::number(91.666), "91.7");
        assert_eq!(super::number(99.96), "100");
        assert_eq!(super::number(2.25), "2.3");
        assert_eq!(super::number(0.04), "0");
        assert_eq!(super::number(-0.04), "0");
        assert_eq!(super::number(-0.5), "-0.5");
        assert_eq!(super::number(-12.34), "-12.3");
        assert_eq!(super::number(1e8), "100000000");
        assert_eq!(super::number(1e300), format!("{:.0}", 1e300));
    }

    #[test]
    fn numbers_agree_with_the_float_formatter() {
        for i in -100_000..100_000 {
            let x = f64::from(i) * 0.013_7;
            let rounded = (x * 10.0).round() / 10.0;
            let expected = if rounded.fract() == 0.0 {
                format!("{rounded:.0}")
            } else {
                format!("{rounded:.1}")
            };
            // The formatter writes "-0" for small negatives; "0" is what a reader expects.
            let expected = if expected == "-0" {
                "0".to_string()
            } else {
                expected
            };
            assert_eq!(super::number(x), expected, "{x}");
        }
    }

    #[test]
    fn percentages_never_round_up() {
        assert_eq!(super::percent(46, 46), "100");
        assert_eq!(super::percent(2499, 2500), "99.9");
        assert_eq!(super::percent(22, 29), "75.8");
        assert_eq!(super::percent(29, 100), "29");
        assert_eq!(super::percent(1, 3), "33.3");
        assert_eq!(super::percent(0, 0), "0");
        assert_eq!(super::percent(u64::MAX, u64::MAX), "100");
    }
}
