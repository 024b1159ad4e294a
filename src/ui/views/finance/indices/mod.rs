pub mod series_card;
