//! The documents: the quote file (lines, environments, build billing, support
//! changes, tickets, tokens, specific lines, revision and MRG terms, RACI
//! edits, a simulated credit month, scenarios, the contract's life:
//! lines that stop or change, reversibility, a termination, the MRG risk
//! settings) and the price book.
//!
//! Plain data with its own invariants and file format. It uses only the
//! kernels (`money`, `timeline`, `lang`) and imports no feature module:
//! every feature reads the document, the document knows no feature.

pub mod catalog;
pub mod client_effort;
pub mod contract_life;
pub mod credit_month;
mod life_check;
pub mod limits;
pub mod line;
pub mod line_life;
pub mod managed_function;
pub mod management_model;
pub mod migrate;
pub mod model_prices;
pub mod model_terms;
pub mod pricebook;
pub mod pricebook_checks;
pub mod quote;
mod quote_check;
pub mod raci;
pub mod scenario;
pub mod support;
pub mod token_plan;
