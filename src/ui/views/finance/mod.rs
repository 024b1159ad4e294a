//! The Finance tab: the revision clause, revised prices per anniversary,
//! the minimum guaranteed revenue and its risk (`risk*`: settings, lines'
//! uncertainty, figures, histogram), leaving early (`exit_view`: §5.3,
//! §5.5, §9.4, §9.9), the clauses as text, and the index tables (§9.3,
//! §9.4). May use `state`, `format`, `i18n`, `clauses` and the
//! widgets; no other tab.

mod anniversaries;
mod clause_text;
mod exit_view;
pub mod finance_view;
mod indices;
mod mrg;
mod mrg_chart;
mod mrg_summary;
mod revised_prices;
mod revised_years;
mod revision_chart;
mod revision_clause;
mod revision_totals;
mod risk;
mod risk_chart;
mod risk_entry;
mod risk_lines;
mod risk_results;
mod risk_settings;
mod scope_changes;
mod scope_table;
