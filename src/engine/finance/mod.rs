//! Finance: index values (SYNTEC, ICC, electricity; §9.3), the yearly price
//! revision of a priced quote (§9.3.1, §9.3.2) and the minimum guaranteed
//! revenue with its yearly true-up (§9.4), against the run revenue of the
//! initial contract (the lines ordered later are scope changes).
//!
//! Uses the kernels, the document and the priced quote (`pricing`).

pub mod indices;
pub mod initial_contract;
pub mod mrg;
pub mod revision;
