pub mod parsed_input;
