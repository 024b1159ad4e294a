//! Section 7 of the proposal: what the flat fee does not cover (SPEC §11).

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::pricing::out_of_flat_fee::out_of_flat_fee;
use crate::ui::format::text;

#[component]
pub fn ProposalOutOfFee(doc: RwSignal<Lang>) -> impl IntoView {
    move || {
        let l = doc.get();
        view! {
            <section data-testid="proposal-out-of-fee">
                <h2>{l.pick("7. Hors forfait (sur devis ou en jetons)", "7. Outside the flat fee (on quote or in tokens)")}</h2>
                <ul class="doc-list">{out_of_flat_fee().iter().map(|t| view! { <li>{text(t, l)}</li> }).collect_view()}</ul>
            </section>
        }
    }
}
