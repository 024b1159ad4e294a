//! The portfolio (issue 17): every running contract at one date, one row
//! each: what it is worth, its next yearly revision (§9.3) and where its
//! minimum guaranteed revenue stands (§9.4). Finance runs it over all the
//! contracts at once, from the command line (`quote portfolio`) or the
//! browser's library.
//!
//! A row is a pure function of one quote, the price books, the index book
//! and the date ([`portfolio_row`]): the same `pricing::price`,
//! `finance::revision::revise` and `finance::mrg` (through
//! `contract_life::life`, a claimed credit deducted) as the quote's own
//! finance screen and `quote finance`, never a rule of its own. A file that
//! cannot be read or priced gives an [`Entry`] with its located error, and
//! the batch goes on ([`read_entry`]); [`totals`] sums the rows that could
//! be computed. Natively, [`entries_parallel`] computes the entries on
//! every core (rayon; never in the wasm build).
//!
//! Uses the kernels, the document, `pricing` and `finance`.

mod batch;
mod row;

#[cfg(not(target_arch = "wasm32"))]
pub use batch::entries_parallel;
pub use batch::{read_entry, totals, Entry, Totals};
pub use row::{portfolio_row, IndexChange, MrgToDate, NextRevision, PortfolioRow, RowError};
