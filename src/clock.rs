//! The only reader of the time: today and now, from the system clock in the local time zone,
//! or fixed (`DUTY_TODAY`, `DUTY_NOW`) so that scripts and tests never depend on the calendar.

use std::cell::OnceCell;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

#[derive(Debug, Clone)]
pub struct Clock {
    today: Option<Date>,
    now: Option<Timestamp>,
    zone: OnceCell<TimeZone>,
}

/// A fixed date or time that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockError {
    Today(String),
    Now(String),
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock {
            today: None,
            now: None,
            zone: OnceCell::new(),
        }
    }

    /// A clock fixed at `today` (and at `now`, when given).
    pub fn fixed(today: Date, now: Option<Timestamp>) -> Clock {
        Clock {
            today: Some(today),
            now,
            zone: OnceCell::new(),
        }
    }

    /// The clock `DUTY_TODAY` (`YYYY-MM-DD`) and `DUTY_NOW` (RFC 3339) ask for: either one
    /// fixes today; `DUTY_NOW` also fixes the moment changes are recorded with.
    pub fn from_vars(today: Option<&str>, now: Option<&str>) -> Result<Clock, ClockError> {
        let now = now
            .map(|s| {
                s.trim()
                    .parse::<Timestamp>()
                    .map_err(|_| ClockError::Now(s.to_string()))
            })
            .transpose()?;
        let mut clock = Clock::system();
        clock.now = now;
        clock.today = match today {
            Some(s) => Some(
                crate::text::dates::parse_date(s)
                    .ok_or_else(|| ClockError::Today(s.to_string()))?,
            ),
            None => now.map(|t| t.to_zoned_datetime(clock.zone().clone()).date()),
        };
        Ok(clock)
    }

    /// The local time zone; Asia/Shanghai when the system names none (`try_system`, because
    /// the plain lookup silently falls back to UTC). Looked up once, only when needed.
    fn zone(&self) -> &TimeZone {
        self.zone.get_or_init(|| {
            TimeZone::try_system()
                .or_else(|_| TimeZone::get("Asia/Shanghai"))
                .unwrap_or(TimeZone::UTC)
        })
    }

    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(|| {
            Timestamp::now()
                .to_zoned_datetime(self.zone().clone())
                .date()
        })
    }

    pub fn now(&self) -> Timestamp {
        self.now.unwrap_or_else(Timestamp::now)
    }

    /// `t` on the local clock, to the minute: `2024-03-28 10:15`.
    pub fn local_minute(&self, t: Timestamp) -> String {
        t.to_zoned_datetime(self.zone().clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// Whether today moves with the calendar (the screen, left open past midnight, then
    /// moves to the new day).
    pub fn follows_calendar(&self) -> bool {
        self.today.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn fixed_by_either_variable() {
        let c = Clock::from_vars(Some("2024-06-01"), None).unwrap();
        assert_eq!(c.today(), date(2024, 6, 1));
        assert!(!c.follows_calendar());
        let c = Clock::from_vars(None, Some("2024-06-01T08:00:00+08:00")).unwrap();
        assert_eq!(c.now(), "2024-06-01T00:00:00Z".parse().unwrap());
        assert_eq!(
            Clock::from_vars(Some("6/1"), None).unwrap_err(),
            ClockError::Today("6/1".into())
        );
        assert!(Clock::from_vars(None, Some("noon")).is_err());
        assert!(Clock::system().follows_calendar());
    }
}
