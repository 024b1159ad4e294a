//! The recurring charges the revision revises (§9.3.1): the quote's monthly
//! service units and governance lines, and the token packs. Not backup and
//! restore (the book says which items are revisable), support (fees and
//! tickets), on-demand tokens, nor one-time charges.
//!
//! Each charge is one monthly amount from its first monthly invoice to the
//! end of the contract; [`super::revise`] revises each the same way, so a
//! quote with several packs only needs [`token_packs`] to list them.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::revised::RevisedCharge;
use crate::engine::document::pricebook::{PriceBooks, Text};
use crate::engine::document::quote::{LineId, Quote, QuoteLine};
use crate::engine::money::{Money, Quantity};
use crate::engine::pricing::{Category, PricedLine, PricedQuote};

/// One recurring charge to revise.
pub(super) struct Charge<'a> {
    pub charge: RevisedCharge,
    pub item: String,
    pub name: Text,
    /// Its first monthly invoice: the base of its first revision (§9.3.1).
    pub starts: NaiveDate,
    pub unit_price: Money,
    pub quantity: Quantity,
    /// What the priced quote bills for it each month.
    pub months: Cow<'a, [Money]>,
    /// The periods it is billed over, each at its quantity (SPEC §14: a
    /// line that changes quantity or ends early has several, or stops).
    pub periods: Vec<Period>,
    /// §9.3.1 SYNTEC, §9.3.2 specific.
    pub syntec: bool,
    pub specific: bool,
    /// §9.3.3: a vendor's increase passed through, in %.
    pub pass_through: Option<Decimal>,
}

/// `[from, to)` billed `monthly` for `quantity` at signature prices.
#[derive(Debug, Clone, Copy)]
pub(super) struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub quantity: Quantity,
    pub monthly: Money,
}

/// The periods of a priced line: one from its start to the end, or one per
/// quantity it is billed for (SPEC §14), to its end.
fn periods_of(line: &PricedLine, end: NaiveDate) -> Vec<Period> {
    let until = line.ends_on.unwrap_or(end);
    if line.periods.is_empty() {
        return vec![Period {
            from: line.starts,
            to: until,
            quantity: line.quantity,
            monthly: line.amount,
        }];
    }
    line.periods
        .iter()
        .enumerate()
        .map(|(i, p)| Period {
            from: p.from.max(line.starts),
            to: line.periods.get(i + 1).map_or(until, |n| n.from).min(until),
            quantity: p.quantity,
            monthly: p.amount,
        })
        .filter(|p| p.from < p.to)
        .collect()
}

impl Charge<'_> {
    pub fn is_revised(&self) -> bool {
        self.syntec || self.specific || self.pass_through.is_some()
    }
}

/// §9.3.1: the quote's monthly service units and governance lines, with the
/// clauses that apply to each (the book in force when the line starts says
/// whether its item is revisable and needs physical hosting).
pub(super) fn lines<'a>(
    quote: &Quote,
    books: &PriceBooks,
    priced: &'a PricedQuote,
) -> Vec<Charge<'a>> {
    let terms = &quote.revision;
    let sources: HashMap<LineId, &QuoteLine> = quote.lines.iter().map(|l| (l.id, l)).collect();
    priced
        .lines
        .iter()
        .filter(|l| matches!(l.category, Category::Run | Category::Governance))
        .filter_map(|line| {
            let src = sources.get(&line.id)?;
            let item = books
                .in_force(&quote.region, line.starts.max(priced.start_date))
                .and_then(|b| b.item(&line.item));
            let revisable = item.is_some_and(|i| i.is_revisable());
            Some(Charge {
                charge: RevisedCharge::Line { id: line.id },
                item: line.item.clone(),
                name: line.name.clone(),
                starts: line.starts,
                unit_price: line.unit_price,
                quantity: line.quantity,
                months: Cow::Borrowed(&line.months),
                periods: periods_of(line, priced.end_date),
                syntec: terms.syntec && revisable,
                specific: terms.specific && revisable && item.is_some_and(|i| i.physical_hosting),
                pass_through: src.pass_through_percent.filter(|_| revisable),
            })
        })
        .collect()
}

/// §9.3.1 (SPEC §14): the token packs, revised with SYNTEC like service
/// units (never the specific revision nor a pass-through), each from run
/// start at the price pricing billed it (the book in force at subscription),
/// committed to the end (§5.5).
pub(super) fn token_packs<'a>(quote: &Quote, priced: &'a PricedQuote) -> Vec<Charge<'a>> {
    priced
        .tokens
        .packs
        .iter()
        .map(|pack| Charge {
            charge: RevisedCharge::TokenPack {
                code: pack.code.clone(),
            },
            item: pack.code.clone(),
            name: Text {
                fr: format!(
                    "Pack de jetons {} ({} jetons/mois)",
                    pack.code, pack.tokens_per_month
                ),
                en: format!(
                    "Token pack {} ({} tokens/month)",
                    pack.code, pack.tokens_per_month
                ),
            },
            starts: priced.run_start,
            unit_price: pack.monthly,
            quantity: Quantity::ONE,
            months: Cow::Borrowed(&pack.months),
            periods: vec![Period {
                from: priced.run_start,
                to: priced.end_date,
                quantity: Quantity::ONE,
                monthly: pack.monthly,
            }],
            syntec: quote.revision.syntec,
            specific: false,
            pass_through: None,
        })
        .collect()
}
