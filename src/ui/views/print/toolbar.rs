//! Above the proposal: back to editing, the document's language, a VAT
//! line, print.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::lang::Lang;
use crate::engine::money::Quantity;
use crate::ui::browser;
use crate::ui::i18n::FieldError;
use crate::ui::session::use_session;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;

#[component]
pub fn ProposalToolbar(
    doc: RwSignal<Lang>,
    vat: RwSignal<bool>,
    vat_rate: RwSignal<Decimal>,
    with_comparison: RwSignal<bool>,
    with_exit: RwSignal<bool>,
) -> impl IntoView {
    let quote = use_state().quote;
    let has_exit = move || quote.with(|q| q.contract_life.terminates_on.is_some());
    let state = use_state();
    let session = use_session();
    let ui = state.lang;
    view! {
        <div class="proposal-toolbar" data-testid="proposal-toolbar">
            <button type="button" data-testid="proposal-back" on:click=move |_| session.proposal.set(false)>
                {move || ui.get().pick("← Retour à l'édition", "← Back to editing")}
            </button>
            <label class="inline">
                <span>{move || ui.get().pick("Langue du document", "Document language")}</span>
                <select data-testid="proposal-lang" on:change=move |e| doc.set(if event_target_value(&e) == "en" { Lang::En } else { Lang::Fr })>
                    <option value="fr" selected=move || doc.get() == Lang::Fr>"Français"</option>
                    <option value="en" selected=move || doc.get() == Lang::En>"English"</option>
                </select>
            </label>
            <label class="inline">
                <input type="checkbox" data-testid="proposal-vat" prop:checked=move || vat.get() on:change=move |e| vat.set(event_target_checked(&e)) />
                <span>{move || ui.get().pick("Ligne de TVA à", "VAT line at")}</span>
                <ParsedInput
                    id="proposal-vat-rate"
                    testid="proposal-vat-rate"
                    class="qty-input"
                    initial="20"
                    parse=move |t: &str| Quantity::parse(t, ui.get_untracked()).map(|q| q.as_decimal()).map_err(FieldError::Number)
                    on_valid=move |d| vat_rate.set(d)
                />
                <span>"%"</span>
            </label>
            <label class="inline">
                <input type="checkbox" data-testid="proposal-with-comparison" prop:checked=move || with_comparison.get() on:change=move |e| with_comparison.set(event_target_checked(&e)) />
                <span>{move || ui.get().pick("Inclure la comparaison des modèles (§15)", "Include the models compared (§15)")}</span>
            </label>
            <Show when=has_exit>
                <label class="inline">
                    <input type="checkbox" data-testid="proposal-with-exit" prop:checked=move || with_exit.get() on:change=move |e| with_exit.set(event_target_checked(&e)) />
                    <span>{move || ui.get().pick("Inclure le coût de sortie à la date de résiliation", "Include the exit cost at the termination date")}</span>
                </label>
            </Show>
            <button type="button" class="primary" data-testid="proposal-print" on:click=move |_| browser::print()>
                {move || ui.get().pick("Imprimer / PDF", "Print / PDF")}
            </button>
        </div>
    }
}
