pub mod environments;
pub mod header;
pub mod lines;
pub mod project_form;
pub mod quote_screen;
pub mod totals;
