//! The draws (§9.4): each draw moves every uncertain item's yearly amounts
//! by its drawn factor, adds what stays as planned, and runs the year-end
//! true-up of the table (carry-in, shortfall, carry-out). Integers only.
//!
//! The reading of an uncertainty, per item and per draw: each run year the
//! quantity moves by u, drawn evenly in [−down %, +up %], and the moves
//! compound (factor of year y = Π_{j ≤ y} (1 + u_j)); at each anniversary of
//! the run (the start of years 2, 3, …) an item still running ends with
//! probability end %, and bills nothing after. Every year's random number
//! is read whatever the values, so a larger down % or end % with the same
//! seed never raises what a draw bills.
//!
//! Item by item over every draw (each item's figures stay at hand), then
//! the true-up draw by draw; in `i64` when the amounts allow it.

use super::inputs::{Inputs, Item, ONE, SHIFT};
use super::random::{draw_key, Stream};
use crate::engine::money::Overflow;

/// What the draws give, in cents, for the statistics.
pub struct Outcomes {
    /// Per run year, each draw's attainment (billed + carry-in).
    pub attainment: Vec<Vec<i64>>,
    /// Per run year, the sum over the draws of the shortfall, and the
    /// number of draws with one.
    pub shortfall_sum: Vec<i128>,
    pub shortfall_count: Vec<u32>,
    /// Each draw's billed amount over every run year.
    pub total_billed: Vec<i64>,
    /// The sum over the draws of every year's shortfall, and the number of
    /// draws with a shortfall in some year.
    pub total_shortfall_sum: i128,
    pub total_shortfall_count: u32,
}

/// A year's billed amount while the items add to it: `i64` when the bounds
/// allow it, `i128` otherwise.
trait Cents: Copy {
    fn of(cents: i64) -> Self;
    /// Adds `amount x factor`, in fixed point.
    fn add_moved(&mut self, amount: i64, factor: i64);
    fn cents(self) -> Option<i64>;
}

impl Cents for i64 {
    fn of(cents: i64) -> Self {
        cents
    }
    fn add_moved(&mut self, amount: i64, factor: i64) {
        // Within 2^62 by `Inputs::narrow`.
        *self += (amount * factor) >> SHIFT;
    }
    fn cents(self) -> Option<i64> {
        Some(self)
    }
}

impl Cents for i128 {
    fn of(cents: i64) -> Self {
        i128::from(cents)
    }
    fn add_moved(&mut self, amount: i64, factor: i64) {
        *self += (i128::from(amount) * i128::from(factor)) >> SHIFT;
    }
    fn cents(self) -> Option<i64> {
        i64::try_from(self).ok()
    }
}

impl Item {
    /// Adds what the item bills in one draw to each year's amount.
    fn add_draw<C: Cents>(&self, stream: &mut Stream, billed: &mut [C]) {
        let mut factor = ONE;
        let span = u64::try_from(self.down + self.up).unwrap_or(0);
        for (y, (amount, slot)) in self.by_year.iter().zip(billed.iter_mut()).enumerate() {
            let r = stream.next_u64();
            // At each anniversary of the run: ended, nothing billed after.
            if y > 0 && (r & 0xFFFF_FFFF) < self.end_threshold {
                return;
            }
            // u in [−down, +up]: −down + (down + up) x r / 2^32, floored.
            let u = ((span * (r >> 32)) >> 32) as i64 - self.down;
            factor = (factor * (ONE + u)) >> SHIFT;
            slot.add_moved(*amount, factor);
        }
    }
}

/// Each draw's billed amount per year: `draws x years`, draw by draw.
fn billed<C: Cents>(inputs: &Inputs, keys: &[u64]) -> Vec<C> {
    let n_years = inputs.years.len();
    let mut billed: Vec<C> = Vec::with_capacity(keys.len() * n_years);
    for _ in keys {
        billed.extend(inputs.years.iter().map(|y| C::of(y.fixed)));
    }
    if n_years == 0 {
        return billed;
    }
    for item in &inputs.items {
        for (key, years) in keys.iter().zip(billed.chunks_exact_mut(n_years)) {
            item.add_draw(&mut Stream::new(*key, item.key), years);
        }
    }
    billed
}

/// §9.4: the year-end true-up of each draw, as the table does it.
fn true_up<C: Cents>(inputs: &Inputs, billed: &[C], draws: usize) -> Result<Outcomes, Overflow> {
    let n_years = inputs.years.len();
    let mut out = Outcomes {
        attainment: vec![Vec::with_capacity(draws); n_years],
        shortfall_sum: vec![0; n_years],
        shortfall_count: vec![0; n_years],
        total_billed: Vec::with_capacity(draws),
        total_shortfall_sum: 0,
        total_shortfall_count: 0,
    };
    for draw in 0..draws {
        let (mut carry, mut total, mut shortfalls) = (0i64, 0i64, 0i64);
        for (y, year) in inputs.years.iter().enumerate() {
            let b = billed[draw * n_years + y].cents().ok_or(Overflow)?.max(0);
            let attainment = b.checked_add(carry).ok_or(Overflow)?;
            let gap = year.annual_mrg.checked_sub(attainment).ok_or(Overflow)?;
            let shortfall = gap.max(0);
            carry = gap.checked_neg().ok_or(Overflow)?.max(0);
            total = total.checked_add(b).ok_or(Overflow)?;
            shortfalls = shortfalls.checked_add(shortfall).ok_or(Overflow)?;
            out.attainment[y].push(attainment);
            out.shortfall_sum[y] += i128::from(shortfall);
            out.shortfall_count[y] += u32::from(shortfall > 0);
        }
        out.total_billed.push(total);
        out.total_shortfall_sum += i128::from(shortfalls);
        out.total_shortfall_count += u32::from(shortfalls > 0);
    }
    Ok(out)
}

/// Runs `draws` draws from `seed`.
pub fn run(inputs: &Inputs, seed: u32, draws: u32) -> Result<Outcomes, Overflow> {
    let keys: Vec<u64> = (0..draws).map(|d| draw_key(seed, d)).collect();
    if inputs.narrow {
        true_up(inputs, &billed::<i64>(inputs, &keys), keys.len())
    } else {
        true_up(inputs, &billed::<i128>(inputs, &keys), keys.len())
    }
}

#[cfg(test)]
mod tests {
    //! Amounts in cents.
    use super::super::inputs::{RiskSource, YearBase};
    use super::*;
    use crate::engine::document::line_life::Uncertainty;

    fn item(id: u64, by_year: Vec<i64>, (down, up, end): (i64, i64, u64)) -> Item {
        Item {
            source: RiskSource::Tickets,
            uncertainty: Uncertainty::default(),
            key: super::super::random::item_key(id),
            by_year,
            down,
            up,
            end_threshold: end,
        }
    }

    #[test]
    fn the_i64_and_i128_paths_give_the_same_draws() {
        let mut inputs = Inputs {
            items: vec![
                item(1, vec![100000, 120000, 90000], (ONE / 5, ONE / 10, 1 << 29)),
                item(2, vec![5000, 0, 7000], (ONE, ONE, 1 << 31)),
            ],
            years: [90000, 150000, 80000]
                .into_iter()
                .map(|annual_mrg| YearBase {
                    annual_mrg,
                    fixed: 30000,
                })
                .collect(),
            narrow: true,
        };
        let a = run(&inputs, 9, 500).unwrap();
        inputs.narrow = false;
        let b = run(&inputs, 9, 500).unwrap();
        assert_eq!(a.attainment, b.attainment);
        assert_eq!(a.total_billed, b.total_billed);
        assert_eq!(a.shortfall_sum, b.shortfall_sum);
        assert_eq!(a.total_shortfall_count, b.total_shortfall_count);
        let spread = a.shortfall_count.iter().any(|c| *c > 0 && *c < 500);
        assert!(spread, "{:?}", a.shortfall_count);
    }

    #[test]
    fn an_item_certain_to_end_bills_its_first_year_only() {
        let inputs = Inputs {
            items: vec![item(1, vec![10000, 10000], (0, 0, 1 << 32))],
            years: vec![
                YearBase {
                    annual_mrg: 15000,
                    fixed: 5000,
                },
                YearBase {
                    annual_mrg: 15000,
                    fixed: 5000,
                },
            ],
            narrow: true,
        };
        let out = run(&inputs, 1, 10).unwrap();
        assert!(out.attainment[0].iter().all(|a| *a == 15000));
        assert!(out.attainment[1].iter().all(|a| *a == 5000));
        assert_eq!(out.shortfall_sum, [0, 10 * 10000]);
    }
}
