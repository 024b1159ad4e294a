//! The pure engine: contract rules and prices, with no web types.
//!
//! Everything is passed in as arguments (even "today"), so that it is tested
//! natively with plain `cargo test`.

pub mod build;
pub mod calendar;
pub mod catalog;
pub mod comparison;
pub mod indices;
pub mod io;
pub mod lang;
pub mod library;
pub mod models;
pub mod money;
pub mod mrg;
pub mod pricebook;
pub mod pricing;
pub mod quote;
pub mod raci;
pub mod revision;
pub mod rules;
pub mod scope;
pub mod share;
pub mod sla;
pub mod support;
pub mod timeline;
pub mod tokens;
