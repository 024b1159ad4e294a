pub mod library_bar;
