//! SPEC §9 (§8 of the service description): what the service levels promise
//! each environment of the quote, the helpers (allowed downtime, deadlines in
//! covered hours), another provider's catalogue (seed 003) and the credit
//! simulator of a month.

use leptos::prelude::*;

use super::applied_guarantees::AppliedGuarantees;
use super::credits::credit_simulator::CreditSimulator;
use super::helpers::Helpers;
use super::other_catalogue::OtherCatalogue;
use crate::engine::lang::Lang;
use crate::ui::format::date;
use crate::ui::state::use_state;

#[component]
pub fn GuaranteesView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    // §9.9: "Pendant la phase de réversibilité, la « Garantie de Temps de
    // Rétablissement » ne s'applique pas."
    let reversibility = move || {
        state.reversibility.get().map(|r| {
            let l = lang.get();
            let period = format!("{} → {}", date(r.from, l), date(r.until, l));
            view! {
                <p class="notice card" data-testid="reversibility-no-gtr">
                    {match l {
                        Lang::Fr => format!("Réversibilité de {} mois ({period}) : la garantie de temps de rétablissement (GTR) ne s'applique pas pendant cette période (§9.9) ; les autres conditions du contrat continuent de s'appliquer.", r.months),
                        Lang::En => format!("Reversibility of {} month(s) ({period}): the restoration time guarantee (GTR) does not apply during that period (§9.9); the contract's other terms still apply.", r.months),
                    }}
                </p>
            }
        })
    };
    view! {
        {reversibility}
        <AppliedGuarantees />
        <CreditSimulator />
        <Helpers />
        <OtherCatalogue />
    }
}
