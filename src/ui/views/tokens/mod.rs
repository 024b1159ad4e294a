pub mod tokens_view;
