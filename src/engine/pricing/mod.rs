#![cfg_attr(not(test), warn(clippy::arithmetic_side_effects))]
//! Pricing: a quote priced against the price books, as a pipeline of named
//! stages in the contract's order, each in its own file with the clause it
//! implements. The stages write into one [`ledger`]; [`price`] only chains
//! them and reads like the contract's table of contents.
//!
//! Uses the kernels, the document and `models` (§2); finance, service
//! levels, scenarios and files read its result, [`PricedQuote`].
//!
//! §7 (SPEC): a line = unit price x quantity rounded to the cent, half away
//! from zero; totals are sums of rounded amounts.

mod ledger;

pub mod build;
pub mod category;
pub mod fees;
pub mod issues;
pub mod line_life;
pub mod lines;
pub mod out_of_flat_fee;
pub mod priced;
pub mod rules;
mod specific;
pub mod support;
pub mod tickets;
pub mod token_packs;
pub mod tokens;
mod totals;

pub use build::{Instalment, PricedBuild};
pub use category::Category;
pub use fees::PricedMinimum;
pub use issues::{Issue, Location, PricingError, QuoteIssue, Severity};
pub use ledger::Invoice;
pub use line_life::QuantityPeriod;
pub use lines::PricedLine;
pub use priced::{PricedQuote, YearTotal};
pub use support::{CommittedBeyondEnd, PricedSupport, SupportSegment};
pub use tickets::{PricedTickets, TicketPeriod};
pub use tokens::{FixedCapacity, OnDemandPeriod, PricedChange, PricedPack, PricedTokens};

use crate::engine::document::pricebook::PriceBooks;
use crate::engine::document::quote::Quote;
use ledger::Ledger;

/// Prices `quote` with `books`. Fatal problems are an `Err`; problems local
/// to a part of the quote are listed in `issues`.
pub fn price(quote: &Quote, books: &PriceBooks) -> Result<PricedQuote, PricingError> {
    // §9.1: the commitment; §9.7: the book in force at signature.
    let mut l = Ledger::open(quote, books)?;
    // §9.2: the access fee at signature.
    let access_fee = fees::access_fee(&mut l)?;
    // §9.7, §7, §4: each line at its book, tier and build price.
    let drafts = lines::draft(&mut l)?;
    // §9.8.1: build invoicing; §9.8.2: when each line's run starts.
    let build = build::invoice(&mut l, &drafts)?;
    let starts = build::run_starts(&mut l, &drafts, &build);
    let run_start = starts.run_start;
    // §5.3: support levels over time, before the rules that depend on Premium.
    let support = support::timeline(&mut l, run_start)?;
    // §3, §6.1: dependencies and governance.
    rules::flag_breaches(&mut l, &drafts, support.mix());
    // §7: the lines month by month, pro rata in partial months.
    let lines = lines::bill(&mut l, drafts, &starts.per_line)?;
    // §9.5: support fees at the book in force at subscription.
    let support = support::bill(&mut l, support)?;
    // §9.6: ticket overage per review period; §2: none under Full DevOps.
    tickets::flag_under_full_devops(&mut l);
    let tickets = tickets::price(&mut l, &support, run_start)?;
    // §5.5, §6: changes in tokens, packs and tokens on demand.
    let tokens = tokens::price(&mut l, run_start)?;
    // §11: specific lines.
    specific::bill(&mut l, run_start)?;
    // §9.2: the monthly billing minimum, a floor or a base fee (SPEC §14).
    let minimum = fees::minimum(&mut l, run_start)?;
    // The schedule and the totals.
    totals::close(
        l,
        totals::Stages {
            access_fee,
            build: build.priced,
            run_start,
            lines,
            support,
            tickets,
            tokens,
            minimum,
        },
    )
}
