//! The Portfolio tab (issue 17): every quote of this browser's library at a
//! date, one row each, as `quote portfolio` gives it — value, next yearly
//! revision (§9.3) and the MRG year in progress (§9.4) — sortable, with the
//! revision increases by month of anniversary and the CSV export.
//!
//! The rows are `engine::portfolio::portfolio_row` over the stored quotes
//! (the open one as on screen); this folder only reads, sorts and draws.

mod entries;
mod increases_chart;
mod portfolio_table;
pub mod portfolio_view;
