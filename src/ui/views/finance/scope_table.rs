//! §9.4: every scope change of the contract, from the lines ordered later
//! and entered by hand, with the run revenue it adds, its share of G and
//! whether it raised the MRG.

use leptos::prelude::*;

use crate::ui::finance_notes::{scope_effect, scope_source};
use crate::ui::format::date;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::th::Th;

#[component]
pub fn ScopeTable() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let rows = move || {
        let l = lang.get();
        state.mrg.with(|m| {
            m.as_ref().map(|m| {
                m.scope
                    .iter()
                    .map(|s| {
                        view! {
                            <tr data-testid="scope-effect-row" class:shortfall=s.raises_mrg>
                                <td>{date(s.date, l)}</td>
                                <td>{scope_source(s, m, l)}</td>
                                <td class="num">{s.variation.format(l)}</td>
                                <td data-testid="scope-effect-text">{scope_effect(s, l)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let empty = move || {
        state
            .mrg
            .with(|m| m.as_ref().is_none_or(|m| m.scope.is_empty()))
    };
    view! {
        <h3>{move || lang.get().pick("Évolutions de périmètre (§9.4)", "Scope changes (§9.4)")}</h3>
        <Hint fr="G est le revenu de RUN du contrat initial (ce qui est signé au départ). Chaque ligne commandée après la signature est une évolution de périmètre : elle ajoute ce qu'elle facture jusqu'à la fin du contrat, moins le complément minimum qu'elle rend inutile. Au-delà de +15 % de G, le MRG global augmente d'autant (MRG' = MRG × (1 + v)) ; à 15 % ou moins, il est inchangé." en="G is the run revenue of the initial contract (what is signed at the start). Each line ordered after signature is a scope change: it adds what it bills to the end of the contract, less the minimum complement it makes unnecessary. Above +15 % of G the global MRG rises as much (MRG' = MRG × (1 + v)); at 15 % or less it is unchanged." />
        <Show when=move || !empty() fallback=move || view! { <p class="hint" data-testid="scope-none">{move || lang.get().pick("Aucune évolution de périmètre.", "No scope change.")}</p> }>
            <table class="lines" data-testid="scope-table">
                <thead><tr>
                    <Th fr="Date" en="Date" />
                    <Th fr="Évolution" en="Change" />
                    <Th fr="Revenu de RUN ajouté (v)" en="Run revenue added (v)" num=true />
                    <Th fr="Effet sur le MRG" en="Effect on the MRG" />
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </Show>
    }
}
