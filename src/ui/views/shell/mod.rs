//! The shell around the tabs: the header, the library bar, the quote
//! screen with its tab strip, the live totals, and `on_demand`, the screens
//! that load on first use (issue 18). The quote screen and `on_demand` are
//! the places that use the tabs; the rest uses `state`, `session`, `i18n`
//! and `browser`.

pub mod header;
mod issues;
pub mod library;
pub mod on_demand;
pub mod quote_screen;
mod totals;
