//! Calendar dates without a clock: the domain is told what "today" is, so it stays pure.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// 1970-01-01, the origin of `days_since_epoch`.
    pub const EPOCH: Date = Date { year: 1970, month: 1, day: 1 };

    /// A valid date, or `None` (30 February, month 13…).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `2024-12-31` (ISO) or `31/12/2024`, `31-12-2024`, `31.12.2024` (as Benelux
    /// spreadsheets write dates).
    pub fn parse(raw: &str) -> Result<Date, String> {
        let text = raw.trim();
        let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
        let number = |s: &str| s.parse::<i32>().ok().filter(|_| !s.is_empty());
        let parsed = match parts.as_slice() {
            [y, m, d] if y.len() == 4 => (number(y), number(m), number(d)),
            [d, m, y] if y.len() == 4 => (number(y), number(m), number(d)),
            _ => (None, None, None),
        };
        let bad = || format!("'{text}' is not a date (expected 2024-12-31 or 31/12/2024)");
        match parsed {
            (Some(y), Some(m), Some(d)) => {
                let m = u8::try_from(m).map_err(|_| bad())?;
                let d = u8::try_from(d).map_err(|_| bad())?;
                Date::new(y, m, d).ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-day algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01; the inverse of `days_since_epoch`.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// The same day `months` months later, or the last day of that month when it is shorter
    /// (31 January plus one month is 28 or 29 February); the last day of year 9999 at most.
    pub fn plus_months(self, months: u32) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
        let Ok(year) = i32::try_from(year).map(|y| y.min(9999)) else { return self };
        let month = if year == 9999 && index.div_euclid(12) > 9999 { 12 } else { month as u8 };
        Date::new(year, month, self.day.min(days_in_month(year, month))).unwrap_or(self)
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: Date) -> i32 {
        let months = (later.year - self.year) * 12 + i32::from(later.month) - i32::from(self.month);
        if later.day < self.day { months - 1 } else { months }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `2024-12-31` read without allocating, as the store writes every date.
fn iso(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    Date::new(year, u8::try_from(digits(5..7)?).ok()?, u8::try_from(digits(8..10)?).ok()?)
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        iso(&text).map_or_else(|| Date::parse(&text).map_err(serde::de::Error::custom), Ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_and_benelux_forms() {
        let want = Date::new(2024, 12, 31);
        for raw in ["2024-12-31", "31/12/2024", "31-12-2024", " 31.12.2024 "] {
            assert_eq!(Date::parse(raw).ok(), want, "{raw}");
        }
        for raw in ["2023-02-29", "2024-13-01", "12/2024", "yesterday", "24-12-31"] {
            assert!(Date::parse(raw).is_err(), "{raw}");
        }
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).map(Date::days_since_epoch), Some(0));
        assert_eq!(Date::new(2000, 3, 1).map(Date::days_since_epoch), Some(11_017));
        for days in [-700_000, -1, 0, 59, 11_016, 20_000, 2_000_000] {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.map(Date::days_since_epoch), Some(days));
        }
    }

    #[test]
    fn adds_months_keeping_the_day_or_the_months_last() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(d(2024, 1, 31).plus_months(1), d(2024, 2, 29), "a leap February");
        assert_eq!(d(2025, 1, 31).plus_months(1), d(2025, 2, 28));
        assert_eq!(d(2026, 11, 28).plus_months(3), d(2027, 2, 28));
        assert_eq!(d(2026, 12, 15).plus_months(12), d(2027, 12, 15));
        assert_eq!(d(2026, 5, 31).plus_months(0), d(2026, 5, 31));
        assert_eq!(d(9999, 6, 30).plus_months(u32::MAX), d(9999, 12, 30), "capped at year 9999");
    }

    #[test]
    fn counts_whole_months() {
        let a = Date::new(2024, 1, 31).unwrap();
        assert_eq!(a.months_until(Date::new(2024, 2, 29).unwrap()), 0);
        assert_eq!(a.months_until(Date::new(2024, 3, 31).unwrap()), 2);
        assert_eq!(a.months_until(Date::new(2023, 1, 31).unwrap()), -12);
    }
}
