//! The text of a guarantee cell: percentages, restoration and change
//! commitments, without penalty outside production (§8.4.3).

use rust_decimal::Decimal;

use crate::engine::lang::Lang;
use crate::engine::service_levels::EnvironmentGuarantees;
use crate::ui::format::{commitment, decimal};

pub fn restoration_cell(e: &EnvironmentGuarantees, i: usize, l: Lang) -> String {
    let text = commitment(e.restoration.get(i).and_then(|c| c.1), l);
    if e.production {
        text
    } else {
        // §8.4.3: the commitment holds, without penalty.
        format!("{text} — {}", l.pick("sans pénalité", "no penalty"))
    }
}

pub fn change_cell(e: &EnvironmentGuarantees, i: usize, l: Lang) -> String {
    if !e.production {
        // §8.5.4 commits per production unit; §8.4.3 no penalty elsewhere.
        return l.pick("Sans pénalité", "No penalty").into();
    }
    commitment(e.changes.get(i).and_then(|c| c.1), l)
}

pub fn percent(d: Decimal, lang: Lang) -> String {
    format!("{} %", decimal(d, lang))
}
