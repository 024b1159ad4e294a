//! The Service levels tab (§8 of the service description, SPEC §9): the
//! guarantees applied to each environment, the helpers, another provider's
//! catalogue and the credit simulator of a month. May use `state`,
//! `format`, `i18n` and the widgets; no other tab.

mod applied_guarantees;
mod cells;
mod credits;
mod deadline_helper;
mod downtime_helper;
mod guarantee_row;
mod guarantees_table;
pub mod guarantees_view;
mod helpers;
mod managed_functions;
mod other_catalogue;
