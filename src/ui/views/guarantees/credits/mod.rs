//! The credit simulator of one month (SPEC §9): the inputs are kept in
//! the quote (`sla_simulation`) and the credits computed clause by clause by
//! the engine. May use `state`, `format`, `i18n` and the widgets.

mod change_list;
mod change_row;
pub mod credit_simulator;
mod entries;
mod environment_select;
mod function_outages;
mod function_row;
mod incident_list;
mod incident_outcome;
mod incident_row;
mod month_credits;
mod service_units;
mod simulated_month;
