//! §6, §10: the eleven public holidays of metropolitan France, Easter and the
//! holidays that follow it, and business days.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::engine::lang::Lang;

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
pub(super) const FIXED_HOLIDAYS: [(u32, u32, Holiday); 8] = [
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
pub(super) const EASTER_HOLIDAYS: [(u64, Holiday); 3] = [
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

pub(super) fn fixed_holiday(date: NaiveDate) -> Option<Holiday> {
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

pub(super) fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// §6, §10: Monday to Friday, and not a public holiday.
pub fn is_business_day(date: NaiveDate) -> bool {
    !is_weekend(date) && is_public_holiday(date).is_none()
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate};

    use super::*;
    use crate::engine::lang::Lang;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
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
}
