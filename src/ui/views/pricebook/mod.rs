pub mod price_book_editor;
