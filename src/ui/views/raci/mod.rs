//! The "Who does what" tab: the RACI matrix of the quote (§10), editable by
//! mouse and keyboard, validated row by row, and the differences between
//! two models. May use `state` and the widgets; no other tab.

mod cell_panel;
mod cells;
mod effort_table;
mod raci_cell;
mod raci_diff;
mod raci_row;
mod raci_status;
mod raci_tools;
pub mod raci_view;
