//! §6, §10: business hours (09:00–18:00 Paris on business days), why a moment
//! is off hours, and deadlines counted in covered hours or business days (§9).

use chrono::{NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::holidays::{is_public_holiday, is_weekend, Holiday};

/// §6, §10: business hours start at 09:00 (inclusive) …
pub const OPENING_HOUR: u32 = 9;
/// … and end at 18:00 (exclusive).
pub const CLOSING_HOUR: u32 = 18;

pub(super) const OPENING: NaiveTime = match NaiveTime::from_hms_opt(OPENING_HOUR, 0, 0) {
    Some(t) => t,
    None => panic!("invalid opening hour"),
};
pub(super) const CLOSING: NaiveTime = match NaiveTime::from_hms_opt(CLOSING_HOUR, 0, 0) {
    Some(t) => t,
    None => panic!("invalid closing hour"),
};

/// Why a moment is outside business hours, for the UI to explain it (§6: a change
/// outside business hours costs double).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason", content = "holiday")]
pub enum OffHoursReason {
    /// Saturday or Sunday (also when a holiday falls on it).
    Weekend,
    /// A public holiday on a weekday.
    Holiday(Holiday),
    /// A business day, before 09:00.
    BeforeOpening,
    /// A business day, at or after 18:00.
    AfterClosing,
}

/// §6, §10: why `at` (Paris time) is outside business hours, or `None` within them.
/// A weekend takes precedence over a holiday falling on it.
pub fn off_hours_reason(at: NaiveDateTime) -> Option<OffHoursReason> {
    let date = at.date();
    if is_weekend(date) {
        return Some(OffHoursReason::Weekend);
    }
    if let Some(h) = is_public_holiday(date) {
        return Some(OffHoursReason::Holiday(h));
    }
    let time = at.time();
    if time < OPENING {
        Some(OffHoursReason::BeforeOpening)
    } else if time >= CLOSING {
        Some(OffHoursReason::AfterClosing)
    } else {
        None
    }
}

/// §6, §10: 09:00 ≤ time < 18:00 (Paris) on a business day.
pub fn is_business_time(at: NaiveDateTime) -> bool {
    off_hours_reason(at).is_none()
}

/// §6: outside business hours (a change then costs double).
pub fn is_off_hours(at: NaiveDateTime) -> bool {
    !is_business_time(at)
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

    use super::*;
    use crate::engine::calendar::holidays::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_opt(h, min, 0).unwrap()
    }

    #[test]
    fn business_time_starts_at_nine_inclusive() {
        // 2026-11-23 is a Monday.
        assert_eq!(
            off_hours_reason(at(2026, 11, 23, 8, 59)),
            Some(OffHoursReason::BeforeOpening)
        );
        assert!(is_off_hours(at(2026, 11, 23, 8, 59)));
        let just_before = d(2026, 11, 23)
            .and_hms_nano_opt(8, 59, 59, 999_999_999)
            .unwrap();
        assert!(is_off_hours(just_before));
        assert!(is_business_time(at(2026, 11, 23, 9, 0)));
        assert_eq!(off_hours_reason(at(2026, 11, 23, 9, 0)), None);
    }

    #[test]
    fn business_time_ends_at_six_exclusive() {
        assert!(is_business_time(at(2026, 11, 23, 17, 59)));
        let just_before = d(2026, 11, 23)
            .and_hms_nano_opt(17, 59, 59, 999_999_999)
            .unwrap();
        assert!(is_business_time(just_before));
        assert!(is_off_hours(at(2026, 11, 23, 18, 0)));
        assert_eq!(
            off_hours_reason(at(2026, 11, 23, 18, 0)),
            Some(OffHoursReason::AfterClosing)
        );
        assert_eq!(
            off_hours_reason(at(2026, 11, 23, 23, 59)),
            Some(OffHoursReason::AfterClosing)
        );
        assert_eq!(
            off_hours_reason(at(2026, 11, 23, 0, 0)),
            Some(OffHoursReason::BeforeOpening)
        );
    }

    #[test]
    fn saturday_and_sunday_are_off_hours_all_day() {
        for day in [21, 22] {
            for hour in [0, 9, 12, 17] {
                assert_eq!(
                    off_hours_reason(at(2026, 11, day, hour, 0)),
                    Some(OffHoursReason::Weekend),
                    "{day} {hour}"
                );
            }
        }
    }

    #[test]
    fn bastille_day_on_a_weekday_is_off_hours_all_day() {
        // 14 July 2026 is a Tuesday.
        assert_eq!(d(2026, 7, 14).weekday(), Weekday::Tue);
        assert!(is_off_hours(at(2026, 7, 14, 11, 0)));
        assert_eq!(
            off_hours_reason(at(2026, 7, 14, 11, 0)),
            Some(OffHoursReason::Holiday(Holiday::BastilleDay))
        );
        assert!(is_business_time(at(2026, 7, 15, 11, 0)));
    }

    #[test]
    fn labour_day_on_a_weekday_is_off_hours() {
        // 1 May 2026 is a Friday.
        assert_eq!(d(2026, 5, 1).weekday(), Weekday::Fri);
        assert_eq!(
            off_hours_reason(at(2026, 5, 1, 10, 0)),
            Some(OffHoursReason::Holiday(Holiday::LabourDay))
        );
        assert!(is_business_time(at(2026, 4, 30, 10, 0)));
    }

    #[test]
    fn a_holiday_on_a_weekend_is_reported_as_weekend() {
        // 15 August 2026 is a Saturday.
        assert_eq!(
            off_hours_reason(at(2026, 8, 15, 10, 0)),
            Some(OffHoursReason::Weekend)
        );
    }
}
