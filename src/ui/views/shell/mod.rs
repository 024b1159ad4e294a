//! The shell around the tabs: the header, the library bar, the quote
//! screen with its tab strip, and the live totals. The quote screen is the
//! one place that uses the tabs; the rest uses `state`, `session`, `i18n`
//! and `browser`.

pub mod header;
mod issues;
pub mod library;
pub mod quote_screen;
mod totals;
