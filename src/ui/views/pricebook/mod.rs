//! The Price book tab (issue 6): the book in use, import and export, and
//! a draft to edit that is checked before it replaces the book in use.
//! May use `state`, `session` (the book in use), `browser`, `format`,
//! `i18n` and the widgets; no other tab.

mod catalogue_items;
mod commitment_tiers;
mod draft_editor;
mod draft_fees;
mod draft_identity;
mod item_row;
mod model_terms;
mod money_text;
pub mod price_book_editor;
