//! §9: deadlines counted in covered hours (24/7 or business hours, per
//! service window) and in business days, and the covered time between two
//! moments; French public holidays excluded (§10).

use chrono::{Datelike, Days, Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::holidays::{
    easter_sunday, fixed_holiday, is_business_day, is_weekend, EASTER_HOLIDAYS, FIXED_HOLIDAYS,
};
use super::hours::{CLOSING, CLOSING_HOUR, OPENING, OPENING_HOUR};

/// Covered hours of one business day (09:00–18:00).
const HOURS_PER_BUSINESS_DAY: i64 = (CLOSING_HOUR - OPENING_HOUR) as i64;

/// [`add_covered_hours`] refuses more hours than this (over a century of business hours),
/// which bounds its loop.
pub const MAX_HOURS: u32 = 1_000_000;

/// [`add_business_days`] refuses more days than this (about 3,800 years), which bounds
/// its loop.
pub const MAX_BUSINESS_DAYS: u32 = 1_000_000;

/// Which hours count towards a deadline (§9: 24/7 or business hours, per service
/// window).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// 24x7: every hour counts.
    Always,
    /// Only 09:00–18:00 on business days counts.
    BusinessHours,
}

fn opening(date: NaiveDate) -> NaiveDateTime {
    date.and_time(OPENING)
}

fn closing(date: NaiveDate) -> NaiveDateTime {
    date.and_time(CLOSING)
}

/// §9: the deadline `hours` covered hours after `start`.
///
/// With [`Coverage::Always`] this is plain addition. With [`Coverage::BusinessHours`]
/// only 09:00–18:00 on business days counts: a start outside business hours begins
/// counting at the next opening, and a deadline that falls exactly at closing time is
/// that day's 18:00. `None` if `hours` exceeds [`MAX_HOURS`] or the deadline is beyond
/// the range of dates.
pub fn add_covered_hours(
    start: NaiveDateTime,
    hours: u32,
    coverage: Coverage,
) -> Option<NaiveDateTime> {
    if hours > MAX_HOURS {
        return None;
    }
    let mut left = Duration::try_hours(i64::from(hours))?;
    match coverage {
        Coverage::Always => start.checked_add_signed(left),
        Coverage::BusinessHours => {
            let mut cursor = start;
            // At most about MAX_HOURS / 9 * 7 / 5 + a few days: bounded.
            loop {
                let day = cursor.date();
                if is_business_day(day) && cursor < closing(day) {
                    let from = cursor.max(opening(day));
                    let available = closing(day) - from;
                    if left <= available {
                        return from.checked_add_signed(left);
                    }
                    left -= available;
                }
                cursor = opening(day.succ_opt()?);
            }
        }
    }
}

/// Covered time of `day` between `from` and `to` (business-hours coverage).
fn business_part(day: NaiveDate, from: NaiveDateTime, to: NaiveDateTime) -> Duration {
    if !is_business_day(day) {
        return Duration::zero();
    }
    let from = from.max(opening(day));
    let to = to.min(closing(day));
    if to > from {
        to - from
    } else {
        Duration::zero()
    }
}

/// Monday-to-Friday days from `first` to `last`, both included (`first <= last`).
fn weekdays_in(first: NaiveDate, last: NaiveDate) -> i64 {
    let days = last.signed_duration_since(first).num_days() + 1;
    let first_weekday = i64::from(first.weekday().num_days_from_monday());
    let partial = (0..days % 7)
        .filter(|k| (first_weekday + k) % 7 < 5)
        .count();
    (days / 7) * 5 + partial as i64
}

/// Business days from `first` to `last`, both included (`first <= last`). Work is
/// proportional to the number of years spanned, not of days.
fn business_days_in(first: NaiveDate, last: NaiveDate) -> i64 {
    let counts = |date: &NaiveDate| first <= *date && *date <= last && !is_weekend(*date);
    let mut holidays = 0_i64;
    for year in first.year()..=last.year() {
        let fixed = FIXED_HOLIDAYS
            .iter()
            .filter_map(|&(m, d, _)| NaiveDate::from_ymd_opt(year, m, d))
            .filter(counts)
            .count();
        // A date that is both a fixed and an Easter-based holiday is counted once.
        let movable = easter_sunday(year).map_or(0, |easter| {
            EASTER_HOLIDAYS
                .iter()
                .filter_map(|&(offset, _)| easter.checked_add_days(Days::new(offset)))
                .filter(|date| counts(date) && fixed_holiday(*date).is_none())
                .count()
        });
        holidays += (fixed + movable) as i64;
    }
    weekdays_in(first, last) - holidays
}

/// §9: the covered time between `start` and `end` (zero if `end <= start`);
/// consistent with [`add_covered_hours`].
pub fn covered_hours_between(
    start: NaiveDateTime,
    end: NaiveDateTime,
    coverage: Coverage,
) -> Duration {
    if end <= start {
        return Duration::zero();
    }
    match coverage {
        Coverage::Always => end - start,
        Coverage::BusinessHours => {
            let (first, last) = (start.date(), end.date());
            if first == last {
                return business_part(first, start, end);
            }
            let mut total = business_part(first, start, closing(first))
                + business_part(last, opening(last), end);
            if let (Some(a), Some(b)) = (first.succ_opt(), last.pred_opt()) {
                if a <= b {
                    let days = business_days_in(a, b);
                    // At most ~1.2e9 hours over the whole range of dates: cannot overflow.
                    total +=
                        Duration::try_hours(days * HOURS_PER_BUSINESS_DAY).unwrap_or(Duration::MAX);
                }
            }
            total
        }
    }
}

/// §9: `date` plus `n` business days, skipping weekends and public holidays (e.g. the
/// 5 / 3 business days to quote a non-standard change). `n = 0` returns `date` itself,
/// even on a non-business day. `None` if `n` exceeds [`MAX_BUSINESS_DAYS`] or the
/// result is beyond the range of dates.
pub fn add_business_days(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    if n > MAX_BUSINESS_DAYS {
        return None;
    }
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt()?;
        if is_business_day(day) {
            left -= 1;
        }
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

    use super::*;
    use crate::engine::calendar::holidays::*;
    use crate::engine::calendar::hours::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_opt(h, min, 0).unwrap()
    }

    /// Business time counted hour by hour (for hour-aligned bounds).
    fn brute_force_hours(start: NaiveDateTime, end: NaiveDateTime) -> i64 {
        let mut t = start;
        let mut hours = 0;
        while t < end {
            if is_business_time(t) {
                hours += 1;
            }
            t += Duration::hours(1);
        }
        hours
    }

    #[test]
    fn friday_five_pm_plus_two_business_hours_is_monday_ten_am() {
        // 2026-11-20 is a Friday.
        assert_eq!(
            add_covered_hours(at(2026, 11, 20, 17, 0), 2, Coverage::BusinessHours),
            Some(at(2026, 11, 23, 10, 0))
        );
    }

    #[test]
    fn a_start_outside_business_hours_counts_from_the_next_opening() {
        assert_eq!(
            add_covered_hours(at(2026, 11, 23, 6, 0), 4, Coverage::BusinessHours),
            Some(at(2026, 11, 23, 13, 0))
        );
        // Monday 20:00 -> Tuesday 09:00 + 4 h.
        assert_eq!(
            add_covered_hours(at(2026, 11, 23, 20, 0), 4, Coverage::BusinessHours),
            Some(at(2026, 11, 24, 13, 0))
        );
        // Saturday -> Monday 09:00 + 8 h.
        assert_eq!(
            add_covered_hours(at(2026, 11, 21, 12, 0), 8, Coverage::BusinessHours),
            Some(at(2026, 11, 23, 17, 0))
        );
        // Zero hours outside business hours is the next opening; within, the start itself.
        assert_eq!(
            add_covered_hours(at(2026, 11, 21, 12, 0), 0, Coverage::BusinessHours),
            Some(at(2026, 11, 23, 9, 0))
        );
        assert_eq!(
            add_covered_hours(at(2026, 11, 23, 11, 15), 0, Coverage::BusinessHours),
            Some(at(2026, 11, 23, 11, 15))
        );
    }

    #[test]
    fn a_deadline_at_closing_time_stays_on_that_day() {
        assert_eq!(
            add_covered_hours(at(2026, 11, 20, 17, 0), 1, Coverage::BusinessHours),
            Some(at(2026, 11, 20, 18, 0))
        );
        assert_eq!(
            add_covered_hours(at(2026, 11, 23, 9, 0), 9, Coverage::BusinessHours),
            Some(at(2026, 11, 23, 18, 0))
        );
        assert_eq!(
            add_covered_hours(at(2026, 11, 23, 9, 0), 10, Coverage::BusinessHours),
            Some(at(2026, 11, 24, 10, 0))
        );
    }

    #[test]
    fn one_business_day_of_p1_restoration_from_christmas_eve() {
        // §9: Initial P1 = 1 business day = 9 h. Thursday 24 Dec 2026 15:00: 3 h,
        // Christmas (Friday) and the weekend skipped, 6 h on Monday 28 Dec.
        assert_eq!(
            add_covered_hours(at(2026, 12, 24, 15, 0), 9, Coverage::BusinessHours),
            Some(at(2026, 12, 28, 15, 0))
        );
    }

    #[test]
    fn twenty_four_seven_coverage_is_plain_addition() {
        assert_eq!(
            add_covered_hours(at(2026, 11, 20, 17, 0), 8, Coverage::Always),
            Some(at(2026, 11, 21, 1, 0))
        );
        assert_eq!(
            add_covered_hours(at(2026, 4, 5, 12, 0), 48, Coverage::Always),
            Some(at(2026, 4, 7, 12, 0))
        );
        assert_eq!(
            add_covered_hours(at(2026, 4, 5, 12, 0), 0, Coverage::Always),
            Some(at(2026, 4, 5, 12, 0))
        );
        assert_eq!(
            covered_hours_between(
                at(2026, 11, 20, 17, 0),
                at(2026, 11, 23, 10, 30),
                Coverage::Always
            ),
            Duration::minutes(65 * 60 + 30)
        );
    }

    #[test]
    fn too_many_hours_or_dates_beyond_the_range_give_none() {
        let start = at(2026, 11, 20, 17, 0);
        for coverage in [Coverage::Always, Coverage::BusinessHours] {
            assert_eq!(add_covered_hours(start, MAX_HOURS + 1, coverage), None);
            assert_eq!(add_covered_hours(start, u32::MAX, coverage), None);
        }
        let last_day = NaiveDate::MAX.and_hms_opt(12, 0, 0).unwrap();
        assert_eq!(add_covered_hours(last_day, 24, Coverage::Always), None);
        assert_eq!(
            add_covered_hours(last_day, 24, Coverage::BusinessHours),
            None
        );
        assert_eq!(add_business_days(NaiveDate::MAX, 1), None);
        assert_eq!(
            add_business_days(d(2026, 1, 1), MAX_BUSINESS_DAYS + 1),
            None
        );
    }

    #[test]
    fn the_largest_allowed_hours_still_give_a_consistent_deadline() {
        let start = at(2026, 11, 20, 17, 0);
        let end = add_covered_hours(start, MAX_HOURS, Coverage::BusinessHours).unwrap();
        assert_eq!(
            covered_hours_between(start, end, Coverage::BusinessHours),
            Duration::hours(i64::from(MAX_HOURS))
        );
    }

    #[test]
    fn covered_time_is_zero_when_end_is_not_after_start() {
        let t = at(2026, 11, 23, 10, 0);
        for coverage in [Coverage::Always, Coverage::BusinessHours] {
            assert_eq!(covered_hours_between(t, t, coverage), Duration::zero());
            assert_eq!(
                covered_hours_between(t, at(2026, 11, 20, 10, 0), coverage),
                Duration::zero()
            );
        }
    }

    #[test]
    fn a_whole_year_of_business_hours_matches_a_day_by_day_count() {
        for year in [2008, 2024, 2025, 2026, 2027, 2028] {
            let days = (0..366)
                .map(|k| d(year, 1, 1) + Duration::days(k))
                .filter(|date| date.year() == year && is_business_day(*date))
                .count() as i64;
            assert_eq!(
                covered_hours_between(
                    at(year, 1, 1, 0, 0),
                    at(year + 1, 1, 1, 0, 0),
                    Coverage::BusinessHours
                ),
                Duration::hours(days * 9),
                "{year}"
            );
        }
        assert_eq!(
            covered_hours_between(
                at(2026, 1, 1, 0, 0),
                at(2027, 1, 1, 0, 0),
                Coverage::BusinessHours
            ),
            Duration::hours(252 * 9)
        );
    }

    #[test]
    fn covered_business_time_matches_an_hour_by_hour_count() {
        let base = at(2026, 3, 27, 0, 0);
        for start_offset in (0..24 * 12).step_by(5) {
            let start = base + Duration::hours(start_offset);
            for length in [0, 1, 7, 23, 49, 100, 24 * 9] {
                let end = start + Duration::hours(length);
                assert_eq!(
                    covered_hours_between(start, end, Coverage::BusinessHours),
                    Duration::hours(brute_force_hours(start, end)),
                    "{start} -> {end}"
                );
            }
        }
    }

    #[test]
    fn covered_time_between_agrees_with_the_deadline() {
        let base = at(2026, 4, 1, 0, 0);
        for start_offset in (0..24 * 10 * 4).step_by(7) {
            let start = base + Duration::minutes(start_offset * 15);
            for hours in [0, 1, 2, 5, 8, 9, 10, 24, 32, 48, 72] {
                for coverage in [Coverage::Always, Coverage::BusinessHours] {
                    let end = add_covered_hours(start, hours, coverage).unwrap();
                    assert_eq!(
                        covered_hours_between(start, end, coverage),
                        Duration::hours(i64::from(hours)),
                        "{start} + {hours} h {coverage:?}"
                    );
                    if coverage == Coverage::BusinessHours && hours > 0 {
                        // The deadline is the earliest such moment: one minute earlier
                        // is not enough.
                        let earlier = end - Duration::minutes(1);
                        assert!(
                            covered_hours_between(start, earlier, coverage)
                                < Duration::hours(i64::from(hours)),
                            "{start} + {hours} h"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn covered_time_over_the_whole_date_range_is_additive() {
        let min = NaiveDate::MIN.and_hms_opt(0, 0, 0).unwrap();
        let max = NaiveDate::MAX.and_hms_opt(23, 0, 0).unwrap();
        let mid = at(2026, 6, 15, 12, 30);
        let whole = covered_hours_between(min, max, Coverage::BusinessHours);
        assert_eq!(
            whole,
            covered_hours_between(min, mid, Coverage::BusinessHours)
                + covered_hours_between(mid, max, Coverage::BusinessHours)
        );
        assert!(whole < covered_hours_between(min, max, Coverage::Always));
    }

    #[test]
    fn business_hours_skip_good_friday_weekend_and_easter_monday_2026() {
        // Thursday 2 April 17:00: 1 h that day, 9 h on Friday 3 April (not a holiday),
        // weekend and Easter Monday (6 April) skipped, then 1 h on Tuesday 7 April.
        assert_eq!(
            add_covered_hours(at(2026, 4, 2, 17, 0), 11, Coverage::BusinessHours),
            Some(at(2026, 4, 7, 10, 0))
        );
        // Friday 3 April 16:30 + 4 h: 1.5 h on Friday, 2.5 h on Tuesday.
        assert_eq!(
            add_covered_hours(at(2026, 4, 3, 16, 30), 4, Coverage::BusinessHours),
            Some(at(2026, 4, 7, 11, 30))
        );
    }

    #[test]
    fn covered_business_time_over_a_weekend_and_easter_monday() {
        assert_eq!(
            covered_hours_between(
                at(2026, 11, 20, 17, 0),
                at(2026, 11, 23, 10, 0),
                Coverage::BusinessHours
            ),
            Duration::hours(2)
        );
        assert_eq!(
            covered_hours_between(
                at(2026, 4, 2, 17, 0),
                at(2026, 4, 7, 10, 0),
                Coverage::BusinessHours
            ),
            Duration::hours(11)
        );
        // Same day, partly before opening.
        assert_eq!(
            covered_hours_between(
                at(2026, 11, 23, 7, 0),
                at(2026, 11, 23, 9, 45),
                Coverage::BusinessHours
            ),
            Duration::minutes(45)
        );
        // Entirely within a weekend.
        assert_eq!(
            covered_hours_between(
                at(2026, 11, 21, 0, 0),
                at(2026, 11, 23, 0, 0),
                Coverage::BusinessHours
            ),
            Duration::zero()
        );
    }

    #[test]
    fn adding_business_days_skips_weekends_and_holidays() {
        // Good Friday 2026 + 1 = Tuesday after Easter Monday.
        assert_eq!(add_business_days(d(2026, 4, 3), 1), Some(d(2026, 4, 7)));
        // Wednesday 29 April + 2: Thursday 30, (1 May holiday, weekend), Monday 4 May.
        assert_eq!(add_business_days(d(2026, 4, 29), 2), Some(d(2026, 5, 4)));
        // §9: 5 business days to quote a non-standard change, from Monday 4 May 2026
        // (8 May, Victory Day, is a Friday): 5, 6, 7, 11, 12 May.
        assert_eq!(add_business_days(d(2026, 5, 4), 5), Some(d(2026, 5, 12)));
        // From a Saturday, the first business day is the Monday.
        assert_eq!(add_business_days(d(2026, 11, 21), 1), Some(d(2026, 11, 23)));
        assert_eq!(add_business_days(d(2026, 11, 21), 0), Some(d(2026, 11, 21)));
        // A whole year: 252 business days in 2026, so from 31 Dec 2025 to 31 Dec 2026.
        assert_eq!(
            add_business_days(d(2025, 12, 31), 252),
            Some(d(2026, 12, 31))
        );
    }

    #[test]
    fn holidays_and_reasons_serialise_in_snake_case() {
        assert_eq!(
            serde_json::to_string(&Holiday::EasterMonday).unwrap(),
            "\"easter_monday\""
        );
        assert_eq!(
            serde_json::to_string(&OffHoursReason::Holiday(Holiday::BastilleDay)).unwrap(),
            r#"{"reason":"holiday","holiday":"bastille_day"}"#
        );
        assert_eq!(
            serde_json::to_string(&OffHoursReason::BeforeOpening).unwrap(),
            r#"{"reason":"before_opening"}"#
        );
        assert_eq!(
            serde_json::from_str::<Coverage>("\"business_hours\"").unwrap(),
            Coverage::BusinessHours
        );
    }
}
