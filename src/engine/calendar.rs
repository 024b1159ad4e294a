//! Business hours and French public holidays (§6 and §10 definitions of SPEC).
//!
//! Every date-time here is a `NaiveDateTime` already in Europe/Paris local
//! time: the user types Paris time and the engine never reads a clock or a
//! time zone database.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// §6: business hours start at 09:00 …
pub const OPENING_HOUR: u32 = 9;
/// … and end at 18:00 (exclusive).
pub const CLOSING_HOUR: u32 = 18;

/// §6: the public holidays of metropolitan France.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    NewYear,
    EasterMonday,
    LabourDay,
    VictoryDay,
    Ascension,
    WhitMonday,
    BastilleDay,
    Assumption,
    AllSaints,
    Armistice,
    Christmas,
}

impl Holiday {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Holiday::NewYear => lang.pick("Jour de l'An", "New Year's Day"),
            Holiday::EasterMonday => lang.pick("Lundi de Pâques", "Easter Monday"),
            Holiday::LabourDay => lang.pick("Fête du Travail", "Labour Day"),
            Holiday::VictoryDay => lang.pick("Victoire 1945", "Victory in Europe Day"),
            Holiday::Ascension => lang.pick("Ascension", "Ascension Day"),
            Holiday::WhitMonday => lang.pick("Lundi de Pentecôte", "Whit Monday"),
            Holiday::BastilleDay => lang.pick("Fête nationale", "Bastille Day"),
            Holiday::Assumption => lang.pick("Assomption", "Assumption Day"),
            Holiday::AllSaints => lang.pick("Toussaint", "All Saints' Day"),
            Holiday::Armistice => lang.pick("Armistice 1918", "Armistice Day"),
            Holiday::Christmas => lang.pick("Noël", "Christmas Day"),
        }
    }
}

/// Easter Sunday (Gregorian computus, anonymous algorithm), for 1583–9999.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if !(1583..=9999).contains(&year) {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// §6: the eleven public holidays of `year`, by date.
pub fn french_public_holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let fixed = [
        (1, 1, Holiday::NewYear),
        (5, 1, Holiday::LabourDay),
        (5, 8, Holiday::VictoryDay),
        (7, 14, Holiday::BastilleDay),
        (8, 15, Holiday::Assumption),
        (11, 1, Holiday::AllSaints),
        (11, 11, Holiday::Armistice),
        (12, 25, Holiday::Christmas),
    ];
    let mut days: Vec<(NaiveDate, Holiday)> = fixed
        .iter()
        .filter_map(|(m, d, h)| NaiveDate::from_ymd_opt(year, *m, *d).map(|date| (date, *h)))
        .collect();
    if let Some(easter) = easter_sunday(year) {
        for (offset, holiday) in [
            (1, Holiday::EasterMonday),
            (39, Holiday::Ascension),
            (50, Holiday::WhitMonday),
        ] {
            if let Some(date) = easter.checked_add_signed(Duration::days(offset)) {
                days.push((date, holiday));
            }
        }
    }
    days.sort_by_key(|(date, _)| *date);
    days
}

pub fn is_public_holiday(date: NaiveDate) -> Option<Holiday> {
    french_public_holidays(date.year())
        .into_iter()
        .find(|(d, _)| *d == date)
        .map(|(_, h)| h)
}

/// Monday to Friday, not a public holiday.
pub fn is_business_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && is_public_holiday(date).is_none()
}

/// Why a moment is outside business hours (§6: a change then costs double).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason", content = "holiday")]
pub enum OffHoursReason {
    Weekend,
    Holiday(Holiday),
    BeforeOpening,
    AfterClosing,
}

pub fn off_hours_reason(at: NaiveDateTime) -> Option<OffHoursReason> {
    let date = at.date();
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return Some(OffHoursReason::Weekend);
    }
    if let Some(h) = is_public_holiday(date) {
        return Some(OffHoursReason::Holiday(h));
    }
    match at.hour() {
        h if h < OPENING_HOUR => Some(OffHoursReason::BeforeOpening),
        h if h >= CLOSING_HOUR => Some(OffHoursReason::AfterClosing),
        _ => None,
    }
}

/// 09:00 ≤ time < 18:00 on a business day.
pub fn is_business_time(at: NaiveDateTime) -> bool {
    off_hours_reason(at).is_none()
}

pub fn is_off_hours(at: NaiveDateTime) -> bool {
    !is_business_time(at)
}

/// Which hours count towards a deadline (§9: 24/7 or business hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    Always,
    BusinessHours,
}

/// Refused above this, to bound the loops (over a century of business hours).
pub const MAX_HOURS: u32 = 1_000_000;

fn opening(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(OPENING_HOUR, 0, 0).unwrap_or(NaiveTime::MIN))
}

fn closing(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(CLOSING_HOUR, 0, 0).unwrap_or(NaiveTime::MIN))
}

/// The deadline `hours` covered hours after `start`. With business-hours
/// coverage, a start outside business hours begins counting at the next opening.
pub fn add_covered_hours(
    start: NaiveDateTime,
    hours: u32,
    coverage: Coverage,
) -> Option<NaiveDateTime> {
    if hours > MAX_HOURS {
        return None;
    }
    let mut left = Duration::hours(i64::from(hours));
    match coverage {
        Coverage::Always => start.checked_add_signed(left),
        Coverage::BusinessHours => {
            let mut cursor = start;
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

/// Covered time between two moments (zero if `end` is not after `start`).
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
            let mut total = Duration::zero();
            let mut day = start.date();
            while day <= end.date() {
                if is_business_day(day) {
                    let from = start.max(opening(day));
                    let to = end.min(closing(day));
                    if to > from {
                        total += to - from;
                    }
                }
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
            total
        }
    }
}

/// `date` plus `n` business days (skipping weekends and holidays).
pub fn add_business_days(date: NaiveDate, n: u32) -> Option<NaiveDate> {
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
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_opt(h, min, 0).unwrap()
    }

    #[test]
    fn easter_sunday_matches_known_years() {
        for (year, date) in [
            (2000, d(2000, 4, 23)),
            (2024, d(2024, 3, 31)),
            (2025, d(2025, 4, 20)),
            (2026, d(2026, 4, 5)),
            (2027, d(2027, 3, 28)),
            (2038, d(2038, 4, 25)),
        ] {
            assert_eq!(easter_sunday(year), Some(date), "{year}");
        }
        assert_eq!(easter_sunday(1500), None);
    }

    #[test]
    fn the_2026_holidays_are_the_eleven_of_metropolitan_france() {
        let days: Vec<NaiveDate> = french_public_holidays(2026)
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        assert_eq!(
            days,
            [
                d(2026, 1, 1),
                d(2026, 4, 6),
                d(2026, 5, 1),
                d(2026, 5, 8),
                d(2026, 5, 14),
                d(2026, 5, 25),
                d(2026, 7, 14),
                d(2026, 8, 15),
                d(2026, 11, 1),
                d(2026, 11, 11),
                d(2026, 12, 25),
            ]
        );
        assert_eq!(is_public_holiday(d(2025, 5, 29)), Some(Holiday::Ascension));
        assert_eq!(is_public_holiday(d(2025, 6, 9)), Some(Holiday::WhitMonday));
    }

    #[test]
    fn business_hours_run_from_nine_to_six_on_working_days() {
        // 2026-11-23 is a Monday.
        assert!(is_off_hours(at(2026, 11, 23, 8, 59)));
        assert!(is_business_time(at(2026, 11, 23, 9, 0)));
        assert!(is_business_time(at(2026, 11, 23, 17, 59)));
        assert_eq!(
            off_hours_reason(at(2026, 11, 23, 18, 0)),
            Some(OffHoursReason::AfterClosing)
        );
        assert_eq!(
            off_hours_reason(at(2026, 11, 21, 11, 0)),
            Some(OffHoursReason::Weekend)
        );
        assert_eq!(
            off_hours_reason(at(2026, 7, 14, 11, 0)),
            Some(OffHoursReason::Holiday(Holiday::BastilleDay))
        );
        // 1 May 2026 is a Friday.
        assert!(is_off_hours(at(2026, 5, 1, 10, 0)));
    }

    #[test]
    fn covered_hours_skip_weekends_and_holidays() {
        // Friday 2026-11-20 17:00 + 2 business hours = Monday 10:00.
        assert_eq!(
            add_covered_hours(at(2026, 11, 20, 17, 0), 2, Coverage::BusinessHours),
            Some(at(2026, 11, 23, 10, 0))
        );
        // Thursday 2026-04-02 17:00 + 10 h: Friday 9 h, Easter Monday skipped -> Tuesday 7 April 10:00.
        assert_eq!(
            add_covered_hours(at(2026, 4, 2, 17, 0), 11, Coverage::BusinessHours),
            Some(at(2026, 4, 7, 10, 0))
        );
        // A start before opening counts from 09:00.
        assert_eq!(
            add_covered_hours(at(2026, 11, 23, 6, 0), 4, Coverage::BusinessHours),
            Some(at(2026, 11, 23, 13, 0))
        );
        assert_eq!(
            add_covered_hours(at(2026, 11, 20, 17, 0), 8, Coverage::Always),
            Some(at(2026, 11, 21, 1, 0))
        );
        assert_eq!(
            add_covered_hours(at(2026, 11, 20, 17, 0), MAX_HOURS + 1, Coverage::Always),
            None
        );
    }

    #[test]
    fn covered_time_between_agrees_with_the_deadline() {
        let start = at(2026, 4, 2, 17, 0);
        let end = add_covered_hours(start, 11, Coverage::BusinessHours).unwrap();
        assert_eq!(
            covered_hours_between(start, end, Coverage::BusinessHours),
            Duration::hours(11)
        );
        assert_eq!(
            covered_hours_between(end, start, Coverage::BusinessHours),
            Duration::zero()
        );
        assert_eq!(add_business_days(d(2026, 4, 3), 1), Some(d(2026, 4, 7)));
    }
}
