//! Files: admission of a quote on every way in (`admit`), the CSV exports,
//! the reports of the command line (`reports`: finance, credits,
//! comparison, RACI, portfolio, MRG risk, as JSON and CSV), the JSON Schemas of the quote and price book
//! files, share links and the browser library's storage format.
//!
//! The last layer: it may use any other part of the engine, and nothing in
//! the engine uses it.

pub mod admit;
pub mod csv;
pub mod library;
pub mod reports;
pub mod schema;
pub mod share;
