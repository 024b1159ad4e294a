//! The Support tab: governance, the support level timeline and the
//! incident tickets (§5, §6.1, §9.5, §9.6). May use `state`, `format`,
//! `i18n` and the widgets; no other tab.

mod change_row;
mod governance;
pub mod support_and_tickets;
mod support_timeline;
mod tickets;
