//! Business hours and French public holidays (SPEC §6 and the §10 definitions of the
//! service description), and deadlines counted in covered hours (SPEC §9).
//!
//! Every `NaiveDateTime` here is already in Europe/Paris local time: the user types
//! Paris time, and the engine neither reads a clock nor uses a time-zone database.
//! A daylight-saving change therefore does not shorten or lengthen a business day
//! (business hours are wall-clock hours), and a 24x7 deadline is plain wall-clock
//! addition.
//!
//! Nothing here panics: any date arithmetic that would leave the range of `chrono`
//! returns `None`, and the loops are bounded ([`MAX_HOURS`], [`MAX_BUSINESS_DAYS`]).

use chrono::{Datelike, Days, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::engine::lang::Lang;

/// §6, §10: business hours start at 09:00 (inclusive) …
pub const OPENING_HOUR: u32 = 9;
/// … and end at 18:00 (exclusive).
pub const CLOSING_HOUR: u32 = 18;

/// Covered hours of one business day (09:00–18:00).
const HOURS_PER_BUSINESS_DAY: i64 = (CLOSING_HOUR - OPENING_HOUR) as i64;

const OPENING: NaiveTime = match NaiveTime::from_hms_opt(OPENING_HOUR, 0, 0) {
    Some(t) => t,
    None => panic!("invalid opening hour"),
};
const CLOSING: NaiveTime = match NaiveTime::from_hms_opt(CLOSING_HOUR, 0, 0) {
    Some(t) => t,
    None => panic!("invalid closing hour"),
};

/// [`add_covered_hours`] refuses more hours than this (over a century of business hours),
/// which bounds its loop.
pub const MAX_HOURS: u32 = 1_000_000;

/// [`add_business_days`] refuses more days than this (about 3,800 years), which bounds
/// its loop.
pub const MAX_BUSINESS_DAYS: u32 = 1_000_000;

/// §6, §10: the eleven public holidays of metropolitan France.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    /// 1 January.
    NewYear,
    /// Easter Sunday + 1 day.
    EasterMonday,
    /// 1 May.
    LabourDay,
    /// 8 May.
    VictoryDay,
    /// Easter Sunday + 39 days (a Thursday).
    Ascension,
    /// Easter Sunday + 50 days.
    WhitMonday,
    /// 14 July.
    BastilleDay,
    /// 15 August.
    Assumption,
    /// 1 November.
    AllSaints,
    /// 11 November.
    Armistice,
    /// 25 December.
    Christmas,
}

impl Holiday {
    /// The holiday's name in French or English.
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

/// §10: the holidays on a fixed day of the year, as (month, day, holiday).
const FIXED_HOLIDAYS: [(u32, u32, Holiday); 8] = [
    (1, 1, Holiday::NewYear),
    (5, 1, Holiday::LabourDay),
    (5, 8, Holiday::VictoryDay),
    (7, 14, Holiday::BastilleDay),
    (8, 15, Holiday::Assumption),
    (11, 1, Holiday::AllSaints),
    (11, 11, Holiday::Armistice),
    (12, 25, Holiday::Christmas),
];

/// §10: the holidays that follow Easter Sunday, as (days after Easter, holiday).
const EASTER_HOLIDAYS: [(u64, Holiday); 3] = [
    (1, Holiday::EasterMonday),
    (39, Holiday::Ascension),
    (50, Holiday::WhitMonday),
];

/// Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian algorithm,
/// also known as Meeus/Jones/Butcher), for the years 1583 to 9999; `None` outside.
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
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The holidays of `year` in no particular order (fixed ones first).
fn holidays_unsorted(year: i32) -> impl Iterator<Item = (NaiveDate, Holiday)> {
    let easter = easter_sunday(year);
    let fixed = FIXED_HOLIDAYS
        .iter()
        .filter_map(move |&(m, d, h)| NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, h)));
    let movable = EASTER_HOLIDAYS.iter().filter_map(move |&(offset, h)| {
        easter?
            .checked_add_days(Days::new(offset))
            .map(|date| (date, h))
    });
    fixed.chain(movable)
}

/// §6, §10: the public holidays of metropolitan France in `year`, sorted by date.
///
/// Normally eleven entries. Outside the years where [`easter_sunday`] is defined
/// (1583–9999) only the eight fixed-date holidays are listed. A date can carry two
/// holidays (1 May 2008 was also Ascension Day): both are listed, the fixed one first.
pub fn french_public_holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let mut days: Vec<(NaiveDate, Holiday)> = holidays_unsorted(year).collect();
    // Stable: on a shared date the fixed holiday stays first.
    days.sort_by_key(|(date, _)| *date);
    days
}

fn fixed_holiday(date: NaiveDate) -> Option<Holiday> {
    FIXED_HOLIDAYS
        .iter()
        .find(|(m, d, _)| date.month() == *m && date.day() == *d)
        .map(|(_, _, h)| *h)
}

fn easter_holiday(date: NaiveDate) -> Option<Holiday> {
    let easter = easter_sunday(date.year())?;
    let offset = u64::try_from(date.signed_duration_since(easter).num_days()).ok()?;
    EASTER_HOLIDAYS
        .iter()
        .find(|(o, _)| *o == offset)
        .map(|(_, h)| *h)
}

/// §6, §10: the public holiday falling on `date`, if any (on a date with two holidays,
/// the fixed-date one, as first listed by [`french_public_holidays`]).
pub fn is_public_holiday(date: NaiveDate) -> Option<Holiday> {
    fixed_holiday(date).or_else(|| easter_holiday(date))
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// §6, §10: Monday to Friday, and not a public holiday.
pub fn is_business_day(date: NaiveDate) -> bool {
    !is_weekend(date) && is_public_holiday(date).is_none()
}

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
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_opt(h, min, 0).unwrap()
    }

    /// Oudin's algorithm (as in dateutil), independent of the one under test.
    fn easter_oudin(y: i32) -> NaiveDate {
        let g = y % 19;
        let c = y / 100;
        let h = (c - c / 4 - (8 * c + 13) / 25 + 19 * g + 15) % 30;
        let i = h - (h / 28) * (1 - (h / 28) * (29 / (h + 1)) * ((21 - g) / 11));
        let j = (y + y / 4 + i + 2 - c + c / 4) % 7;
        let p = i - j;
        let day = 1 + (p + 27 + (p + 6) / 40) % 31;
        let month = 3 + (p + 26) / 30;
        d(y, month as u32, day as u32)
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
    fn easter_sunday_matches_known_years() {
        for (year, date) in [
            (2000, d(2000, 4, 23)),
            (2024, d(2024, 3, 31)),
            (2025, d(2025, 4, 20)),
            (2026, d(2026, 4, 5)),
            (2027, d(2027, 3, 28)),
            (2038, d(2038, 4, 25)),
            (2008, d(2008, 3, 23)),
            (1583, d(1583, 4, 10)),
            (9999, d(9999, 3, 28)),
        ] {
            assert_eq!(easter_sunday(year), Some(date), "{year}");
        }
    }

    #[test]
    fn easter_sunday_is_undefined_outside_1583_to_9999() {
        assert_eq!(easter_sunday(1582), None);
        assert_eq!(easter_sunday(10000), None);
        assert_eq!(easter_sunday(-5), None);
        assert_eq!(easter_sunday(i32::MIN), None);
        assert_eq!(easter_sunday(i32::MAX), None);
    }

    #[test]
    fn easter_sunday_agrees_with_oudins_algorithm_for_every_year() {
        for year in 1583..=9999 {
            let easter = easter_sunday(year).unwrap();
            assert_eq!(easter, easter_oudin(year), "{year}");
            assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
            assert!(
                d(year, 3, 22) <= easter && easter <= d(year, 4, 25),
                "{year}"
            );
        }
    }

    #[test]
    fn easter_monday_2025_is_april_21() {
        assert_eq!(
            is_public_holiday(d(2025, 4, 21)),
            Some(Holiday::EasterMonday)
        );
        assert_eq!(is_public_holiday(d(2025, 4, 20)), None);
        assert_eq!(
            is_public_holiday(d(2025, 4, 18)),
            None,
            "Good Friday is not a holiday"
        );
    }

    #[test]
    fn the_2026_holidays_are_the_eleven_of_metropolitan_france_in_date_order() {
        assert_eq!(
            french_public_holidays(2026),
            vec![
                (d(2026, 1, 1), Holiday::NewYear),
                (d(2026, 4, 6), Holiday::EasterMonday),
                (d(2026, 5, 1), Holiday::LabourDay),
                (d(2026, 5, 8), Holiday::VictoryDay),
                (d(2026, 5, 14), Holiday::Ascension),
                (d(2026, 5, 25), Holiday::WhitMonday),
                (d(2026, 7, 14), Holiday::BastilleDay),
                (d(2026, 8, 15), Holiday::Assumption),
                (d(2026, 11, 1), Holiday::AllSaints),
                (d(2026, 11, 11), Holiday::Armistice),
                (d(2026, 12, 25), Holiday::Christmas),
            ]
        );
    }

    #[test]
    fn every_listed_holiday_is_recognised_by_is_public_holiday() {
        for year in [1583, 1999, 2024, 2025, 2026, 2027, 2100, 9999] {
            let list = french_public_holidays(year);
            assert_eq!(list.len(), 11, "{year}");
            assert!(list.windows(2).all(|w| w[0].0 <= w[1].0), "{year} sorted");
            for (date, holiday) in list {
                assert_eq!(is_public_holiday(date), Some(holiday), "{date}");
            }
        }
    }

    #[test]
    fn ascension_is_easter_plus_39_and_whit_monday_easter_plus_50() {
        assert_eq!(is_public_holiday(d(2025, 5, 29)), Some(Holiday::Ascension));
        assert_eq!(is_public_holiday(d(2025, 6, 9)), Some(Holiday::WhitMonday));
        assert_eq!(is_public_holiday(d(2024, 5, 9)), Some(Holiday::Ascension));
        assert_eq!(is_public_holiday(d(2024, 5, 20)), Some(Holiday::WhitMonday));
        assert_eq!(is_public_holiday(d(2027, 5, 6)), Some(Holiday::Ascension));
        assert_eq!(is_public_holiday(d(2027, 5, 17)), Some(Holiday::WhitMonday));
        assert_eq!(d(2025, 5, 29).weekday(), Weekday::Thu);
        assert_eq!(is_public_holiday(d(2025, 6, 8)), None, "Whit Sunday itself");
    }

    #[test]
    fn a_date_with_two_holidays_is_listed_twice_and_reported_as_the_fixed_one() {
        // 2008: Easter on 23 March, so Ascension fell on 1 May.
        let may_first: Vec<Holiday> = french_public_holidays(2008)
            .into_iter()
            .filter(|(date, _)| *date == d(2008, 5, 1))
            .map(|(_, h)| h)
            .collect();
        assert_eq!(may_first, [Holiday::LabourDay, Holiday::Ascension]);
        assert_eq!(is_public_holiday(d(2008, 5, 1)), Some(Holiday::LabourDay));
    }

    #[test]
    fn years_without_an_easter_date_list_only_the_fixed_holidays() {
        let list = french_public_holidays(1500);
        assert_eq!(list.len(), 8);
        assert_eq!(list[0], (d(1500, 1, 1), Holiday::NewYear));
        assert_eq!(is_public_holiday(d(1500, 12, 25)), Some(Holiday::Christmas));
        assert!(french_public_holidays(i32::MAX).is_empty());
    }

    #[test]
    fn holiday_labels_exist_in_french_and_english() {
        assert_eq!(Holiday::Christmas.label(Lang::Fr), "Noël");
        assert_eq!(Holiday::Christmas.label(Lang::En), "Christmas Day");
        assert_eq!(Holiday::WhitMonday.label(Lang::Fr), "Lundi de Pentecôte");
        assert_eq!(Holiday::BastilleDay.label(Lang::En), "Bastille Day");
        for lang in [Lang::Fr, Lang::En] {
            let mut labels: Vec<&str> = french_public_holidays(2026)
                .into_iter()
                .map(|(_, h)| h.label(lang))
                .collect();
            labels.sort_unstable();
            labels.dedup();
            assert_eq!(labels.len(), 11, "{lang:?}: all distinct");
        }
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

    #[test]
    fn business_days_are_weekdays_that_are_not_holidays() {
        assert!(is_business_day(d(2026, 11, 23)), "Monday");
        assert!(!is_business_day(d(2026, 11, 21)), "Saturday");
        assert!(!is_business_day(d(2026, 11, 22)), "Sunday");
        assert!(!is_business_day(d(2026, 4, 6)), "Easter Monday");
        assert!(is_business_day(d(2026, 4, 3)), "Good Friday");
        let count = (0..365)
            .filter(|k| is_business_day(d(2026, 1, 1) + Duration::days(*k)))
            .count();
        // 261 weekdays, minus 9 holidays on weekdays (15 Aug and 1 Nov 2026 are a weekend).
        assert_eq!(count, 252);
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

    #[test]
    fn friday_five_pm_plus_two_business_hours_is_monday_ten_am() {
        // 2026-11-20 is a Friday.
        assert_eq!(
            add_covered_hours(at(2026, 11, 20, 17, 0), 2, Coverage::BusinessHours),
            Some(at(2026, 11, 23, 10, 0))
        );
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
}
