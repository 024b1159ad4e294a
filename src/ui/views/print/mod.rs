//! The printable proposal (issue 6), in French or English whatever the
//! screen's language: a toolbar, then one section per part of the offer.
//! May use `state`, `session`, `format`, `i18n`, `clauses` and the widgets.

mod assumptions;
mod charges;
mod clauses;
mod comparison;
mod cover;
mod exit;
mod out_of_fee;
pub mod proposal_view;
mod raci;
mod schedule;
mod scope;
mod service_levels;
mod specific;
mod toolbar;
