//! Scenarios (§1, §2): the same workload priced under several management
//! models or support settings, side by side.
//!
//! Uses the document, `models` and `pricing`; a scenario's own data type
//! lives with the document (`document::scenario`).

pub mod comparison;
