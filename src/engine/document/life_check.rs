//! [`Quote::check`], the contract's life (issue 15): each line's end and
//! quantity changes, the uncertainties of the MRG risk, reversibility, the
//! termination date. Bounds only; whether a date falls in the line's life
//! is a pricing issue (a state being edited), not a bound.

use rust_decimal::Decimal;

use super::contract_life::{MAX_DRAWS, MAX_REVERSIBILITY_MONTHS};
use super::limits::{Checker, Place, MAX_QUANTITY_CHANGES};
use super::line::QuoteLine;
use super::line_life::Uncertainty;
use super::quote::Quote;

impl Quote {
    pub(super) fn check_life(&self, c: &mut Checker) {
        for line in &self.lines {
            check_line_life(c, line);
        }
        let q = &Place::Quote;
        let life = &self.contract_life;
        // §9.9: "limitée à 3 mois".
        c.whole(
            q,
            "contract_life.reversibility_months",
            life.reversibility_months,
            0,
            MAX_REVERSIBILITY_MONTHS,
        );
        if let Some(date) = life.terminates_on {
            c.date(q, "contract_life.terminates_on", date);
        }
        c.whole(q, "contract_life.risk.draws", life.risk.draws, 1, MAX_DRAWS);
        for u in [&life.risk.tickets, &life.risk.tokens]
            .into_iter()
            .flatten()
        {
            check_uncertainty(c, q, u);
        }
        if let Some(date) = self.sla_simulation.as_ref().and_then(|m| m.claimed_on) {
            c.date(q, "sla_simulation.claimed_on", date);
        }
    }
}

fn check_line_life(c: &mut Checker, line: &QuoteLine) {
    let p = Place::Line(line.id.0);
    if let Some(date) = line.ends_on {
        c.date(&p, "ends_on", date);
    }
    c.count(
        &p,
        "quantity_changes",
        line.quantity_changes.len(),
        MAX_QUANTITY_CHANGES,
    );
    for change in &line.quantity_changes {
        c.date(&p, "quantity_changes.date", change.date);
        c.quantity(
            &p,
            "quantity_changes.quantity",
            change.quantity.as_decimal(),
        );
    }
    if let Some(u) = &line.uncertainty {
        check_uncertainty(c, &p, u);
    }
}

/// Every share of an uncertainty is a percentage, 0 to 100.
fn check_uncertainty(c: &mut Checker, p: &Place, u: &Uncertainty) {
    for (field, v) in [
        ("uncertainty.down_percent", u.down_percent),
        ("uncertainty.up_percent", u.up_percent),
        ("uncertainty.end_percent", u.end_percent),
    ] {
        c.decimal(p, field, v, Decimal::ZERO, Decimal::ONE_HUNDRED);
    }
}
