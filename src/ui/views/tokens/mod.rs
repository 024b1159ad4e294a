//! The Tokens tab: the change plan in tokens, buying them (pack,
//! suggestion, fixed capacity) and a business-hours checker (§6, §12).
//! May use `state`, `format`, `i18n` and the widgets; no other tab.

mod change_plan;
mod change_row;
mod off_hours_checker;
mod token_purchase;
pub mod tokens_view;
