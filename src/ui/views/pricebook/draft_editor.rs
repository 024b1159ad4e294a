//! The draft book's fields, rebuilt when the draft is replaced.

use leptos::prelude::*;

use super::catalogue_items::CatalogueItems;
use super::commitment_tiers::CommitmentTiers;
use super::draft_fees::DraftFees;
use super::draft_identity::DraftIdentity;
use super::model_terms::ModelTerms;
use crate::engine::document::pricebook::PriceBook;
use crate::ui::i18n::pricebook_warning;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;

/// The draft's fields. Rebuilt when the draft is replaced (import, discard).
#[component]
pub fn DraftEditor(draft: RwSignal<PriceBook>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <section class="card" aria-labelledby="draft-title">
            <h2 id="draft-title">{move || lang.get().pick("Brouillon de grille", "Draft book")}</h2>
            <Hint fr="Modifiez puis appliquez : rien ne change avant « Appliquer ». Prix en euros HT." en="Edit then apply: nothing changes before “Apply”. Prices in euros excluding VAT." />
            <DraftIdentity draft />
            <CommitmentTiers draft />
            <CatalogueItems draft />
            <ModelTerms draft />
            // SPEC §14 (§5.10.2): what the book prices but a buyer would find wrong.
            <ul class="doc-list warn-note" data-testid="pricebook-warnings">
                {move || draft.with(|b| b.warnings()).into_iter().map(|w| view! {
                    <li data-testid="pricebook-warning">{pricebook_warning(&w, lang.get())}</li>
                }).collect_view()}
            </ul>
            <DraftFees draft />
        </section>
    }
}
