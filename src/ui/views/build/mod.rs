//! The Build tab: how the build is invoiced (§9.8), its lots and its
//! instalments. May use `state`, `format`, `i18n` and the widgets; no
//! other tab.

pub mod build_billing_view;
mod lots;
