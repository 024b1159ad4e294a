//! The Schedule tab: amounts per contract year (chart and table) and the
//! invoicing schedule month by month, and the card of the credits on later
//! invoices (§8.2) and the reversibility months (§9.9), which the shell
//! loads on demand below it (it needs the finance engine). May use `state`, `format` and the
//! widgets; no other tab.

pub mod after_end;
mod months_table;
pub mod schedule_view;
