pub mod date_input;
pub mod issue_note;
pub mod line_chart;
pub mod parsed_input;
pub mod remove_button;
pub mod stacked_bars;
pub mod text;
