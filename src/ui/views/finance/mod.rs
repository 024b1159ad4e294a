pub mod finance_view;
mod indices;
