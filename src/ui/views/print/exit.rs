//! The contract's end in the proposal: the reversibility months it plans
//! (§9.9) and, when the toolbar asks for it, what leaving early on the
//! quote's termination date would owe (§5.3, §5.5, §9.4).

use leptos::prelude::*;

use crate::engine::contract_life::exit_cost::of_quote;
use crate::engine::lang::Lang;
use crate::ui::format::date;
use crate::ui::state::use_state;
use crate::ui::widgets::exit_table::ExitTable;

#[component]
pub fn ProposalExit(doc: RwSignal<Lang>, include: RwSignal<bool>) -> impl IntoView {
    let state = use_state();
    let quote = state.quote;
    move || {
        let l = doc.get();
        let reversibility = state.reversibility.get().map(|r| match l {
            Lang::Fr => format!("Réversibilité : {} mois après la fin ({} → {}), aux conditions du contrat et aux prix du dernier mois, {} au total ; la garantie de temps de rétablissement ne s'applique pas pendant cette période (§9.9).", r.months, date(r.from, l), date(r.until, l), r.total.format(l)),
            Lang::En => format!("Reversibility: {} month(s) after the end ({} → {}), on the contract's terms at the last month's prices, {} in all; the restoration time guarantee does not apply then (§9.9).", r.months, date(r.from, l), date(r.until, l), r.total.format(l)),
        });
        let exit = include.get().then(|| {
            state.priced.with(|p| {
                let p = p.as_ref()?;
                state.revised.with(|r| {
                    let r = r.as_ref()?;
                    state
                        .mrg
                        .with(|m| quote.with(|q| of_quote(q, p, r, m.as_ref()?)))
                })
            })
        });
        let exit = exit.flatten().and_then(Result::ok);
        if reversibility.is_none() && exit.is_none() {
            return ().into_any();
        }
        let table = exit.map(|e| {
            let head = match l {
                Lang::Fr => format!("En cas de résiliation au {}, restent dus (lecture du produit : packs jusqu'au terme §5.5, support engagé §5.3, différentiel de MRG de l'année en cours et des années non courues §9.4) :", date(e.terminates_on, l)),
                Lang::En => format!("If the contract ended on {}, still owed (the product's reading: packs to the end §5.5, committed support §5.3, the MRG différentiel of the year in progress and the years not run §9.4):", date(e.terminates_on, l)),
            };
            view! { <p>{head}</p> <ExitTable exit=e lang=l /> }
        });
        view! {
            <section data-testid="proposal-exit">
                <h2>{l.pick("Fin du contrat", "End of the contract")}</h2>
                {reversibility.map(|t| view! { <p data-testid="proposal-reversibility">{t}</p> })}
                {table}
            </section>
        }
        .into_any()
    }
}
