//! The Schedule tab: amounts per contract year (chart and table) and the
//! invoicing schedule month by month. May use `state`, `format` and the
//! widgets; no other tab.

mod months_table;
pub mod schedule_view;
