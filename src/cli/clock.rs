//! The clock, read here only (by the command line and the desk's runner): the domain and the
//! desk's update are told the time, so that every test can fix it.

use chrono::{DateTime, FixedOffset, Local, NaiveDate};

use crate::domain::date::Date;

/// The local date and time now; with `--as-of`, that day at the time of day it is now, so that
/// a desk run as of a date records its decisions on that date.
pub fn local_now(as_of: Option<Date>) -> DateTime<FixedOffset> {
    let now = Local::now().fixed_offset();
    let Some(day) = as_of else { return now };
    NaiveDate::from_ymd_opt(day.year(), u32::from(day.month()), u32::from(day.day()))
        .and_then(|d| d.and_time(now.time()).and_local_timezone(*now.offset()).single())
        .unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn as_of_moves_the_day_and_keeps_the_time_of_day() {
        let day = Date::new(2026, 11, 28).unwrap();
        let at = local_now(Some(day));
        assert_eq!((at.year(), at.month(), at.day()), (2026, 11, 28));
    }
}
