//! The contract over its life (issue 15): what a simulated month's service
//! credits do to the invoices (§8.1, §8.2), the reversibility months after
//! the end (§9.9), what the client still owes when leaving early (§5.3,
//! §5.5, §9.4), and the MRG risk (§9.4): the chance that the run revenue
//! falls short of the minimum guaranteed revenue, from the uncertainty each
//! forecast carries.
//!
//! Uses the kernels, the document, the priced quote (`pricing`), `finance`
//! (revision, the MRG table) and `service_levels` (the credits of a month);
//! never `scenarios` or `files`. Screens, files, the portfolio and the
//! command line read it.

pub mod exit_cost;
pub mod invoiced_credit;
pub mod life;
pub mod rates;
pub mod reversibility;
pub mod risk;
