//! The draws (§9.4): each draw moves every uncertain item's yearly amounts
//! by its drawn factor, adds what stays as planned, and runs the year-end
//! true-up of the table (carry-in, shortfall, carry-out). Integers only.
//!
//! The reading of an uncertainty, per item and per draw: each run year the
//! quantity moves by u, drawn evenly in [−down %, +up %], and the moves
//! compound (factor of year y = Π_{j ≤ y} (1 + u_j)); at each anniversary of
//! the run (the start of years 2, 3, …) an item still running ends with
//! probability end %, and bills nothing after. Both random numbers of every
//! year are read whatever the values, so a larger down % or end % with the
//! same seed never raises what a draw bills.

use super::inputs::{Inputs, Item, ONE, SHIFT};
use super::random::Stream;
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

impl Item {
    /// Adds what the item bills in draw `draw` to each year's amount.
    fn add_draw(&self, seed: u32, draw: u32, billed: &mut [i128]) {
        let mut stream = Stream::new(seed, draw, self.key);
        let mut factor = ONE;
        let span = u64::try_from(self.down + self.up).unwrap_or(0);
        for (y, (amount, slot)) in self.by_year.iter().zip(billed.iter_mut()).enumerate() {
            let r_move = stream.next_fraction();
            let r_end = stream.next_fraction();
            // At each anniversary of the run: ended, nothing billed after.
            if y > 0 && r_end < self.end_threshold {
                return;
            }
            // u in [−down, +up]: −down + (down + up) x r / 2^32, floored.
            let u = ((span * r_move) >> 32) as i64 - self.down;
            factor = (factor * (ONE + u)) >> SHIFT;
            *slot += (i128::from(*amount) * i128::from(factor)) >> SHIFT;
        }
    }
}

/// Runs `draws` draws from `seed`.
pub fn run(inputs: &Inputs, seed: u32, draws: u32) -> Result<Outcomes, Overflow> {
    let n_years = inputs.years.len();
    let n = draws as usize;
    let mut out = Outcomes {
        attainment: vec![Vec::with_capacity(n); n_years],
        shortfall_sum: vec![0; n_years],
        shortfall_count: vec![0; n_years],
        total_billed: Vec::with_capacity(n),
        total_shortfall_sum: 0,
        total_shortfall_count: 0,
    };
    let mut billed = vec![0i128; n_years];
    for draw in 0..draws {
        for (slot, year) in billed.iter_mut().zip(&inputs.years) {
            *slot = i128::from(year.fixed);
        }
        for item in &inputs.items {
            item.add_draw(seed, draw, &mut billed);
        }
        // §9.4: the year-end true-up, as the table does it.
        let (mut carry, mut total, mut shortfalls) = (0i64, 0i64, 0i64);
        for (y, year) in inputs.years.iter().enumerate() {
            let b = i64::try_from(billed[y].max(0)).map_err(|_| Overflow)?;
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
