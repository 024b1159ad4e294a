//! Finance: index values (SYNTEC, ICC, electricity; §9.3), the yearly price
//! revision of a priced quote (§9.3.1, §9.3.2) and the minimum guaranteed
//! revenue with its yearly true-up (§9.4).
//!
//! Uses the kernels, the document and the priced quote (`pricing`).

pub mod indices;
pub mod mrg;
pub mod revision;
