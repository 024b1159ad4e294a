//! §9.3 per contract year: the schedule at signature prices and revised,
//! with the change of the minimum complement after revision (§9.2) and the
//! provisional or incomplete years (§9.3.1, §9.3.2).

use leptos::prelude::*;

use crate::ui::format::date;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::th::Th;

#[component]
pub fn RevisedYears() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let rows = move || {
        let l = lang.get();
        state.revised.with(|r| {
            r.as_ref().map(|r| {
                r.years
                    .iter()
                    .map(|y| {
                        let mark = match (y.provisional, y.specific_not_computed) {
                            (_, true) => " *†",
                            (true, false) => " *",
                            _ => "",
                        };
                        view! {
                            <tr data-testid="revised-year-row">
                                <th scope="row">{format!("{} ({} → {})", y.year, date(y.from, l), date(y.to, l))}</th>
                                <td class="num">{y.signature.format(l)}</td>
                                <td class="num" class:provisional=y.provisional || y.specific_not_computed data-testid="revised-year-total">{format!("{}{mark}", y.revised.format(l))}</td>
                                <td class="num">{y.increase.format(l)}</td>
                                <td class="num" data-testid="revised-year-complement">{y.complement_change.format(l)}</td>
                                <td class="num">{y.regularisation.format(l)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <h3>{move || lang.get().pick("Échéancier révisé par année de contrat", "Revised schedule per contract year")}</h3>
        <Hint fr="§9.2 : le minimum mensuel de facturation n'est pas révisé ; le complément est calculé après révision : un mois révisé au-dessus du minimum n'a plus de complément, un mois encore en dessous en garde un plus petit." en="§9.2: the monthly billing minimum is not revised; the complement is computed after revision: a revised month above the minimum has no complement left, a month still below keeps a smaller one." />
        <div class="scroll">
            <table class="lines" data-testid="revised-years">
                <thead><tr>
                    <Th fr="Année" en="Year" />
                    <Th fr="Aux prix de la signature" en="At signature prices" num=true />
                    <Th fr="Révisé" en="Revised" num=true />
                    <Th fr="Hausse" en="Increase" num=true />
                    <Th fr="dont complément (§9.2)" en="of which complement (§9.2)" num=true />
                    <Th fr="Régularisation" en="Regularisation" num=true />
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
