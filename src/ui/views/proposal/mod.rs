//! The Proposal tab: the project form (client, model, commitment), the
//! environments, the service lines and the specifically quoted lines.
//! May use `state`, `format`, `i18n` and the widgets; no other tab.

mod add_line;
mod environment_row;
pub mod environments;
mod line_life;
mod line_options;
mod line_row;
pub mod lines;
mod lines_filter;
mod model_field;
mod model_switch;
mod model_switch_note;
pub mod project_form;
mod row_model;
pub mod specific;
mod specific_row;
mod use_chip;
