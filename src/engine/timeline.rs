#![cfg_attr(not(test), warn(clippy::arithmetic_side_effects))]
//! The contract's calendar months and pro-rata temporis.
//!
//! §7 (SPEC, from §6.15): a charge that starts or stops on a day other than
//! the 1st of a month is billed for that month as amount x days covered /
//! days in the month, rounded to the cent.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use crate::engine::money::{Money, Overflow};

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
        Some(next) => next.signed_duration_since(first_of_month(date)).num_days() as u32,
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
        end.signed_duration_since(start).num_days() as u32
    } else {
        0
    }
}

/// §7: a monthly amount billed for the part of `month` inside `[from, to)`:
/// the whole amount for a whole month, else pro rata temporis rounded to the cent.
/// The definition, month by month: the engine lays amounts on a
/// [`Calendar`], which tests check against this.
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

/// Day number of a date (days since 1 January of year 1), for cheap
/// differences in hot loops.
fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The contract's calendar months with their bounds as day numbers, so that
/// spreading a monthly amount over a period touches only the months it
/// overlaps and does no calendar arithmetic per month. Gives exactly what
/// [`prorate`] gives, month by month.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// (day number of the month's 1st, of the next month's 1st).
    months: Vec<(i64, i64)>,
}

impl Calendar {
    /// `months` are first days of consecutive calendar months, as
    /// [`months_between`] lists them.
    pub fn new(months: &[NaiveDate]) -> Self {
        let months = months
            .iter()
            .map(|m| {
                let start = day_number(*m);
                let end = next_month(*m).map_or(start.saturating_add(31), day_number);
                (start, end)
            })
            .collect();
        Calendar { months }
    }

    pub fn len(&self) -> usize {
        self.months.len()
    }

    pub fn is_empty(&self) -> bool {
        self.months.is_empty()
    }

    /// §7: `monthly` over `[from, to)` month by month, pro rata temporis in a
    /// partial month (rounded to the cent there), zero where it does not reach.
    pub fn amounts(
        &self,
        monthly: Money,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Money>, Overflow> {
        let mut out = vec![Money::ZERO; self.len()];
        self.pieces(monthly, from, to)?.add_into(&mut out)?;
        Ok(out)
    }

    /// What [`Calendar::amounts`] gives, in three parts: a partial first
    /// month, a run of whole months at `monthly`, a partial last month.
    pub fn pieces(
        &self,
        monthly: Money,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Pieces, Overflow> {
        let (from, to) = (day_number(from), day_number(to));
        let mut pieces = Pieces {
            head: None,
            full: 0..0,
            monthly,
            tail: None,
        };
        // Months [first, last) overlap the period.
        let first = self.months.partition_point(|(_, end)| *end <= from);
        let last = self.months.partition_point(|(start, _)| *start < to);
        if to <= from || first >= last {
            return Ok(pieces);
        }
        let (mut a, mut b) = (first, last);
        let whole = |i: usize| {
            let (start, end) = self.months[i];
            from <= start && to >= end
        };
        if !whole(first) {
            pieces.head = Some((first, self.part(monthly, from, to, first)?));
            a = a.saturating_add(1);
        }
        // b > a >= 0: b - 1 does not wrap.
        if b > a && !whole(b.saturating_sub(1)) {
            b = b.saturating_sub(1);
            pieces.tail = Some((b, self.part(monthly, from, to, b)?));
        }
        pieces.full = a..b;
        Ok(pieces)
    }

    /// §7: the pro rata of a partial month `i`, rounded to the cent.
    fn part(&self, monthly: Money, from: i64, to: i64, i: usize) -> Result<Money, Overflow> {
        let (start, end) = self.months[i];
        let covered = to.min(end).saturating_sub(from.max(start));
        let share = Decimal::from(covered)
            .checked_div(Decimal::from(end.saturating_sub(start)))
            .ok_or(Overflow)?;
        Ok(monthly.checked_mul(share)?.round_cents())
    }
}

/// A monthly amount laid on the calendar (see [`Calendar::pieces`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pieces {
    pub head: Option<(usize, Money)>,
    /// Whole months, each billed `monthly`.
    pub full: std::ops::Range<usize>,
    pub monthly: Money,
    pub tail: Option<(usize, Money)>,
}

impl Pieces {
    /// Adds each month's amount to `months` (a period's whole months are
    /// no other period's: they are set).
    pub fn add_into(&self, months: &mut [Money]) -> Result<(), Overflow> {
        for (i, amount) in self.head.iter().chain(&self.tail) {
            months[*i] = months[*i].checked_add(*amount)?;
        }
        for slot in &mut months[self.full.clone()] {
            *slot = self.monthly;
        }
        Ok(())
    }

    /// The sum over all months.
    pub fn total(&self) -> Result<Money, Overflow> {
        let whole = Decimal::from(self.full.len() as u64);
        let mut total = self.monthly.checked_mul(whole)?;
        for (_, amount) in self.head.iter().chain(&self.tail) {
            total = total.checked_add(*amount)?;
        }
        Ok(total)
    }
}

/// Month-by-month sums of many [`Pieces`], each added in constant time
/// (runs of whole months through a difference array). Decimal addition is
/// exact, so the sums are exactly those of adding month by month.
#[derive(Debug, Clone)]
pub struct MonthSums {
    direct: Vec<Money>,
    /// diff[i] - diff[i - 1] applies from month i on.
    diff: Vec<Money>,
}

impl MonthSums {
    pub fn new(months: usize) -> Self {
        MonthSums {
            direct: vec![Money::ZERO; months],
            diff: vec![Money::ZERO; months.saturating_add(1)],
        }
    }

    fn at(slot: &mut Money, amount: Money, negate: bool) -> Result<(), Overflow> {
        *slot = if negate {
            slot.checked_sub(amount)?
        } else {
            slot.checked_add(amount)?
        };
        Ok(())
    }

    fn apply(&mut self, pieces: &Pieces, negate: bool) -> Result<(), Overflow> {
        for (i, amount) in pieces.head.iter().chain(&pieces.tail) {
            Self::at(&mut self.direct[*i], *amount, negate)?;
        }
        if !pieces.full.is_empty() {
            Self::at(&mut self.diff[pieces.full.start], pieces.monthly, negate)?;
            Self::at(&mut self.diff[pieces.full.end], pieces.monthly, !negate)?;
        }
        Ok(())
    }

    pub fn add(&mut self, pieces: &Pieces) -> Result<(), Overflow> {
        self.apply(pieces, false)
    }

    pub fn sub(&mut self, pieces: &Pieces) -> Result<(), Overflow> {
        self.apply(pieces, true)
    }

    /// The sum of each month.
    pub fn finish(self) -> Result<Vec<Money>, Overflow> {
        let mut running = Money::ZERO;
        let mut out = self.direct;
        for (slot, d) in out.iter_mut().zip(self.diff) {
            running = running.checked_add(d)?;
            *slot = slot.checked_add(running)?;
        }
        Ok(out)
    }
}

/// Whether the calendar month starting on `month` is counted in the period
/// `[from, to)`: months are invoiced on their 1st (§7), so a month belongs
/// to the period its 1st falls in; the first period of a sequence also
/// takes the month it starts in. Each month is in one period only.
pub fn month_in_period(month: NaiveDate, from: NaiveDate, to: NaiveDate, first: bool) -> bool {
    let from = if first { first_of_month(from) } else { from };
    month >= from && month < to
}

/// Whole months from `from` to `to`, a started month counting as one
/// (§9.2: the remaining commitment is rounded up).
pub fn months_rounded_up(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut n: u32 = 0;
    let mut cursor = from;
    while cursor < to {
        n = n.saturating_add(1);
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
    fn the_calendar_spreads_exactly_as_prorate_does() {
        // Every pair of start and end days over fourteen months (leap
        // February included), against prorate month by month.
        let months = months_between(d(2027, 12, 1), d(2029, 2, 1));
        let cal = Calendar::new(&months);
        let m = Money::from_decimal(Decimal::new(123_457, 2));
        let days: Vec<NaiveDate> = (0..430)
            .step_by(7)
            .map(|n| d(2027, 11, 20) + chrono::Days::new(n))
            .collect();
        for from in &days {
            for to in &days {
                let expected: Vec<Money> = months
                    .iter()
                    .map(|month| prorate(m, *from, *to, *month).unwrap())
                    .collect();
                assert_eq!(cal.amounts(m, *from, *to).unwrap(), expected, "{from} {to}");
            }
        }
    }

    #[test]
    fn pieces_and_month_sums_give_the_month_by_month_figures() {
        let months = months_between(d(2027, 12, 1), d(2029, 2, 1));
        let cal = Calendar::new(&months);
        let days: Vec<NaiveDate> = (0..430)
            .step_by(11)
            .map(|n| d(2027, 11, 20) + chrono::Days::new(n))
            .collect();
        let mut sums = MonthSums::new(months.len());
        let mut expected = vec![Money::ZERO; months.len()];
        for (k, from) in days.iter().enumerate() {
            let to = days[(k * 7 + 3) % days.len()];
            let m = Money::from_decimal(Decimal::new(10_001 + k as i64 * 37, 2));
            let pieces = cal.pieces(m, *from, to).unwrap();
            let by_month = cal.amounts(m, *from, to).unwrap();
            let expected_by_month: Vec<Money> = months
                .iter()
                .map(|month| prorate(m, *from, to, *month).unwrap())
                .collect();
            assert_eq!(by_month, expected_by_month, "{from} {to}");
            assert_eq!(
                pieces.total().unwrap(),
                Money::checked_sum(by_month.iter().copied()).unwrap()
            );
            // Add every other period, take the others away.
            for (slot, a) in expected.iter_mut().zip(&by_month) {
                *slot = if k % 2 == 0 {
                    slot.checked_add(*a).unwrap()
                } else {
                    slot.checked_sub(*a).unwrap()
                };
            }
            if k % 2 == 0 {
                sums.add(&pieces).unwrap();
            } else {
                sums.sub(&pieces).unwrap();
            }
        }
        assert_eq!(sums.finish().unwrap(), expected);
    }

    #[test]
    fn remaining_months_round_up() {
        assert_eq!(months_rounded_up(d(2027, 1, 1), d(2028, 1, 1)), 12);
        assert_eq!(months_rounded_up(d(2027, 1, 2), d(2028, 1, 1)), 12);
        assert_eq!(months_rounded_up(d(2027, 2, 1), d(2028, 1, 1)), 11);
        assert_eq!(months_rounded_up(d(2027, 2, 1), d(2027, 2, 1)), 0);
    }
}
