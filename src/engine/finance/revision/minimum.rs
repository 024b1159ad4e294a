//! §9.2 after revision (SPEC §14): the monthly minimum is a fee of the book,
//! not revised; the minimum complement is computed after revision. A month
//! that revision lifts above the minimum needs no complement; a month still
//! below keeps a smaller one. Revision never adds on top of a month the
//! complement already brought to the minimum.
//!
//! Reads the priced quote's floor of each month (`floor_of_month`: zero
//! where there is none) and `monthly_subscribed`: with no floor (no minimum,
//! or a book whose minimum is a base fee) nothing changes here.

use crate::engine::money::{Money, Overflow};
use crate::engine::pricing::PricedQuote;

/// The complement after revision, month by month.
pub(super) struct ComplementAfterRevision {
    /// The complement of each month, revised subscriptions against the minimum.
    pub months: Vec<Money>,
    /// Complement after revision − complement at signature prices.
    pub change: Vec<Money>,
    /// §9.3.1: what the complement adds to the regularisation: the
    /// complement with the real values − with the values invoiced
    /// provisionally (negative when the real values are higher).
    pub regularisation: Vec<Money>,
}

/// §9.2: max(0, minimum − subscribed); no floor, no complement.
pub fn complement(minimum: Money, subscribed: Money) -> Result<Money, Overflow> {
    if minimum.is_zero() || subscribed >= minimum {
        return Ok(Money::ZERO);
    }
    minimum.checked_sub(subscribed)
}

/// §9.2: the complement of each month once `delta` (what revision adds to
/// the subscriptions, real values) and `regul` (real − invoiced values) are
/// laid on the priced months.
pub(super) fn after_revision(
    priced: &PricedQuote,
    delta: &[Money],
    regul: &[Money],
) -> Result<ComplementAfterRevision, Overflow> {
    let n = priced.months.len();
    let mut out = ComplementAfterRevision {
        months: priced.minimum_complement.clone(),
        change: vec![Money::ZERO; n],
        regularisation: vec![Money::ZERO; n],
    };
    out.months.resize(n, Money::ZERO);
    for i in 0..n {
        let minimum = priced.floor_of_month(i);
        if minimum.is_zero() {
            // No floor this month: the priced complement (none) stands.
            continue;
        }
        let subscribed = priced
            .monthly_subscribed
            .get(i)
            .copied()
            .unwrap_or_default();
        let added = delta.get(i).copied().unwrap_or_default();
        let real = subscribed.checked_add(added)?;
        let invoiced = real.checked_sub(regul.get(i).copied().unwrap_or_default())?;
        let after = complement(minimum, real)?;
        let priced_complement = priced
            .minimum_complement
            .get(i)
            .copied()
            .unwrap_or_default();
        out.change[i] = after.checked_sub(priced_complement)?;
        out.regularisation[i] = after.checked_sub(complement(minimum, invoiced)?)?;
        out.months[i] = after;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::from_file_text(s).unwrap()
    }

    #[test]
    fn the_complement_tops_a_month_up_to_the_minimum_and_no_further() {
        // §9.2: minimum 2 000.00; subscribed 1 800.00 -> 200.00.
        assert_eq!(complement(m("2000"), m("1800")).unwrap(), m("200"));
        // Revised to 2 050.00: above the minimum, no complement.
        assert_eq!(complement(m("2000"), m("2050")).unwrap(), Money::ZERO);
        assert_eq!(complement(m("2000"), m("2000")).unwrap(), Money::ZERO);
        // No floor (no minimum, or a base fee): never a complement.
        assert_eq!(complement(Money::ZERO, m("10")).unwrap(), Money::ZERO);
    }
}
