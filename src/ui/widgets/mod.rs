//! Reusable pieces of the screens: inputs that parse, table headers, hints,
//! row notes, the pager of long tables and SVG charts. May use `state`,
//! `format` and `i18n`; never a screen or the session.

pub mod date_input;
pub mod exit_table;
pub mod hint;
pub mod issue_note;
pub mod line_chart;
pub mod pager;
pub mod parsed_input;
pub mod remove_button;
pub mod stacked_bars;
pub mod th;
