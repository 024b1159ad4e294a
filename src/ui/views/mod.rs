//! The screens: the shell around the tabs (header, library bar, tab strip,
//! totals), one folder per tab of the quote screen, and the printable
//! proposal. A screen may use `state`, `session`, `browser`, `format`,
//! `i18n`, `clauses` and the widgets; a tab never uses another tab.

pub mod build;
pub mod compare;
pub mod finance;
pub mod guarantees;
pub mod portfolio;
pub mod pricebook;
pub mod print;
pub mod proposal;
pub mod raci;
pub mod schedule;
pub mod shell;
pub mod support;
pub mod tokens;
