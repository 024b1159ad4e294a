//! The Compare tab (SPEC §1, §2): the same workload priced under two to
//! four scenarios, side by side: costs, service levels, who does what.
//! May use `state`, `format`, `i18n` and the widgets; no other tab.

pub mod comparison_view;
mod costs_table;
mod effort_chart;
mod effort_compared;
mod figures;
mod guarantee_rows;
mod guarantees_compared;
mod raci_compared;
mod scenario_chart;
mod scenario_editor;
mod scenario_notes;
mod scenarios;
