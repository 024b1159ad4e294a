//! The contract's calendar months and pro-rata temporis.
//!
//! §7 (SPEC, from §6.15): a charge that starts or stops on a day other than
//! the 1st of a month is billed for that month as amount x days covered /
//! days in the month, rounded to the cent.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use super::money::{Money, Overflow};

/// The 1st of the month of `date`.
pub fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The 1st of the month after `date`'s month, if representable.
pub fn next_month(date: NaiveDate) -> Option<NaiveDate> {
    first_of_month(date).checked_add_months(Months::new(1))
}

pub fn days_in_month(date: NaiveDate) -> u32 {
    match next_month(date) {
        Some(next) => (next - first_of_month(date)).num_days() as u32,
        None => 31,
    }
}

/// The first days of the calendar months that overlap `[start, end)`.
pub fn months_between(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut months = Vec::new();
    let mut month = first_of_month(start);
    while month < end {
        months.push(month);
        match next_month(month) {
            Some(next) => month = next,
            None => break,
        }
    }
    months
}

/// Days of `[from, to)` that fall in the month starting on `month`.
pub fn covered_days(from: NaiveDate, to: NaiveDate, month: NaiveDate) -> u32 {
    let Some(month_end) = next_month(month) else {
        return 0;
    };
    let start = from.max(month);
    let end = to.min(month_end);
    if end > start {
        (end - start).num_days() as u32
    } else {
        0
    }
}

/// §7: a monthly amount billed for the part of `month` inside `[from, to)`:
/// the whole amount for a whole month, else pro rata temporis rounded to the cent.
pub fn prorate(
    monthly: Money,
    from: NaiveDate,
    to: NaiveDate,
    month: NaiveDate,
) -> Result<Money, Overflow> {
    let covered = covered_days(from, to, month);
    let total = days_in_month(month);
    if covered == 0 {
        Ok(Money::ZERO)
    } else if covered >= total {
        Ok(monthly)
    } else {
        let share = Decimal::from(covered)
            .checked_div(Decimal::from(total))
            .ok_or(Overflow)?;
        monthly.checked_mul(share).map(Money::round_cents)
    }
}

/// Whole months from `from` to `to`, a started month counting as one
/// (§9.2: the remaining commitment is rounded up).
pub fn months_rounded_up(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut n = 0;
    let mut cursor = from;
    while cursor < to {
        n += 1;
        match from.checked_add_months(Months::new(n)) {
            Some(next) => cursor = next,
            None => break,
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_between_lists_every_overlapping_calendar_month() {
        assert_eq!(
            months_between(d(2027, 1, 15), d(2027, 4, 1)),
            [d(2027, 1, 1), d(2027, 2, 1), d(2027, 3, 1)]
        );
        assert_eq!(
            months_between(d(2027, 1, 1), d(2027, 1, 1)),
            Vec::<NaiveDate>::new()
        );
    }

    #[test]
    fn a_charge_starting_mid_month_is_prorated_to_the_cent() {
        // §7: 100.00 from 16 January: 16 days of 31 = 51.612903… -> 51.61.
        let m = Money::euros(100);
        assert_eq!(
            prorate(m, d(2027, 1, 16), d(2028, 1, 1), d(2027, 1, 1))
                .unwrap()
                .to_string(),
            "51.61"
        );
        // February 2028 has 29 days: from the 15th, 15 days -> 51.72.
        assert_eq!(
            prorate(m, d(2028, 2, 15), d(2029, 1, 1), d(2028, 2, 1))
                .unwrap()
                .to_string(),
            "51.72"
        );
        assert_eq!(
            prorate(m, d(2027, 1, 1), d(2028, 1, 1), d(2027, 5, 1)).unwrap(),
            m
        );
        assert_eq!(
            prorate(m, d(2027, 6, 1), d(2028, 1, 1), d(2027, 5, 1)).unwrap(),
            Money::ZERO
        );
    }

    #[test]
    fn remaining_months_round_up() {
        assert_eq!(months_rounded_up(d(2027, 1, 1), d(2028, 1, 1)), 12);
        assert_eq!(months_rounded_up(d(2027, 1, 2), d(2028, 1, 1)), 12);
        assert_eq!(months_rounded_up(d(2027, 2, 1), d(2028, 1, 1)), 11);
        assert_eq!(months_rounded_up(d(2027, 2, 1), d(2027, 2, 1)), 0);
    }
}
