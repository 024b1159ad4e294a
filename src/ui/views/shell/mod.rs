pub mod header;
pub mod library;
pub mod quote_screen;
pub mod totals;
