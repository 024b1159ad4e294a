//! The index tables of the Finance tab (§9.3): shipped history with
//! sources, the user's values, projections, pasting a table. May use
//! `state`, `format`, `i18n` and the widgets.

mod index_paste;
mod index_rows;
mod index_value_form;
pub mod indices_editor;
mod series_card;
