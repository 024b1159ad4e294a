pub mod comparison_view;
