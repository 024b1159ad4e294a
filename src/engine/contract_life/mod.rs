//! The contract over its life (issue 15): what a simulated month's service
//! credits do to the invoices (§8.1, §8.2), the reversibility months after
//! the end (§9.9), what the client still owes when leaving early (§5.3,
//! §5.5, §9.4).
//!
//! Uses the kernels, the document, the priced quote (`pricing`), finance
//! (revision, MRG) and `service_levels` (the credits of a month); screens,
//! files and the command line read it.

pub mod exit_cost;
pub mod invoiced_credit;
pub mod life;
pub mod rates;
pub mod reversibility;
