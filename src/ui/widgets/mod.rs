pub mod date_input;
pub mod issue_note;
pub mod parsed_input;
pub mod stacked_bars;
