//! The finance tab: the revision clause and its indices, revised prices per
//! year, the minimum guaranteed revenue with its true-up and its risk, and
//! the clauses as text with the quote's figures (§9.3, §9.4).

use leptos::prelude::*;

use super::clause_text::ClauseText;
use super::exit_view::ExitView;
use super::indices::indices_editor::IndicesEditor;
use super::mrg::Mrg;
use super::revised_prices::RevisedPrices;
use super::revision_clause::RevisionClause;
use super::risk::MrgRisk;
use crate::ui::state::use_state;

#[component]
pub fn FinanceView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    // The engine refuses amounts it cannot hold (absurd indices or rates):
    // say so instead of showing stale or empty tables silently.
    let broken = move || {
        let priced = state.priced.with(Option::is_some);
        priced && (state.revised.with(Option::is_none) || state.mrg.with(Option::is_none))
    };
    view! {
        <Show when=broken>
            <p class="error card" role="alert" data-testid="finance-error">
                {move || lang.get().pick(
                    "Un montant révisé ou garanti est trop grand pour être calculé : vérifiez les indices, les pourcentages et les montants saisis.",
                    "A revised or guaranteed amount is too large to compute: check the indices, percentages and amounts entered.",
                )}
            </p>
        </Show>
        <RevisionClause />
        <RevisedPrices />
        <Mrg />
        <MrgRisk />
        <ExitView />
        <ClauseText />
        <IndicesEditor />
    }
}
