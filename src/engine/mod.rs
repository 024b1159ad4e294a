//! The pure engine: contract rules and prices, with no web types.
//!
//! Everything is passed in as arguments (even "today"), so that it is tested
//! natively with plain `cargo test`. Data flows one way, each layer using only
//! the layers above it in this list:
//!
//! 1. kernels: [`money`], [`calendar`] (business hours, French holidays),
//!    [`timeline`] (months and pro rata), [`lang`], [`number_entry`]
//!    (numbers typed by language);
//! 2. [`document`]: the quote file and the price book, which know no feature;
//! 3. [`models`]: what each management model sells and guarantees (§2);
//! 4. [`pricing`]: the quote priced as a pipeline of contract stages;
//! 5. [`finance`] (revision, MRG), [`service_levels`] (guarantees, credits),
//!    [`responsibilities`] (RACI), each reading the priced quote;
//! 6. [`scenarios`]: the same workload priced under several models;
//!    [`portfolio`]: every contract at a date (value, next revision, MRG);
//!    [`contract_life`]: the contract over its life (credits on invoices,
//!    reversibility, leaving early, the MRG risk drawn from each
//!    forecast's uncertainty);
//! 7. [`files`]: JSON and CSV formats, schemas, share links, the library.

pub mod calendar;
pub mod lang;
pub mod money;
pub mod number_entry;
pub mod timeline;

pub mod document;

pub mod models;

pub mod pricing;

pub mod finance;
pub mod responsibilities;
pub mod service_levels;

pub mod contract_life;
pub mod portfolio;
pub mod scenarios;

pub mod files;
