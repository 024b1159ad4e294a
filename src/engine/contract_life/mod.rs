//! The contract over its life (issue 15): what may happen to it after
//! signature, drawn or simulated from the quote's own terms. Today the MRG
//! risk (§9.4): the chance that the run revenue falls short of the minimum
//! guaranteed revenue, from the uncertainty each forecast carries.
//!
//! Uses the kernels, the document, the priced quote (`pricing`), `finance`
//! (revision, the MRG table) and `service_levels`; never `scenarios`,
//! `portfolio` or `files`.

pub mod risk;
