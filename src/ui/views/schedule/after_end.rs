//! What the schedule bills beyond the contract's months: a month's service
//! credits on a later invoice (§8.2) and the reversibility months after the
//! end (§9.9), with the readings the engine applies.

use leptos::prelude::*;

use crate::engine::document::contract_life::MAX_REVERSIBILITY_MONTHS;
use crate::ui::format::{date, month};
use crate::ui::life_notes::credit_sentence;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::th::Th;

#[component]
pub fn AfterEnd() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let credit = move || {
        state.credit.get().map(|c| {
            let l = lang.get();
            let sentence = credit_sentence(&c, l);
            let line = c.deduction().map(|d| view! {
                <tr data-testid="schedule-credit-row">
                    <td>{date(d.date, l)}</td>
                    <td>{format!("{} {}", l.pick("Crédit de service de", "Service credit of"), month(c.month, l))}</td>
                    <td class="num" data-testid="schedule-credit-amount">{format!("−{}", d.amount.format(l))}</td>
                </tr>
            });
            view! {
                <p class="notice" data-testid="schedule-credit-note">{sentence}</p>
                {line.map(|row| view! {
                    <table class="lines"><tbody>{row}</tbody></table>
                })}
            }
        })
    };
    let months = move || quote.with(|q| q.contract_life.reversibility_months);
    let set_months = move |ev| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            quote
                .update(|q| q.contract_life.reversibility_months = n.min(MAX_REVERSIBILITY_MONTHS));
        }
    };
    let rows = move || {
        let l = lang.get();
        state.reversibility.get().map(|r| {
            r.schedule
                .into_iter()
                .map(|m| {
                    view! {
                        <tr data-testid="reversibility-row">
                            <td>{date(m.date, l)}</td>
                            <td>{l.pick("Réversibilité (§9.9)", "Reversibility (§9.9)")}</td>
                            <td class="num">{m.amount.format(l)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let total = move || {
        state
            .reversibility
            .get()
            .map(|r| r.total.format(lang.get()))
    };
    view! {
        <section class="card" aria-labelledby="after-end-title" data-testid="after-end">
            <h2 id="after-end-title">{move || lang.get().pick("Avoirs et réversibilité", "Credits and reversibility")}</h2>
            {credit}
            <label class="inline">
                {move || lang.get().pick("Réversibilité après la fin (§9.9, au plus 3 mois) : ", "Reversibility after the end (§9.9, at most 3 months): ")}
                <select data-testid="reversibility-months" on:change=set_months>
                    {(0..=MAX_REVERSIBILITY_MONTHS).map(|n| view! {
                        <option value=n.to_string() selected=move || months() == n>
                            {move || if n == 0 { lang.get().pick("aucune", "none").to_owned() } else { format!("{n} {}", lang.get().pick("mois", "months")) }}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <Show when=move || { months() != 0 }>
                <Hint
                    fr="Les conditions du contrat continuent de s'appliquer (§9.9) : chaque mois reprend les charges récurrentes du dernier jour, à ses prix révisés (unités, gouvernance, packs, support, lignes spécifiques, minimum) ; la consommation est facturée à l'usage. Hors années de run du MRG et hors total d'engagement. La GTR ne s'applique pas pendant la réversibilité."
                    en="The contract's terms still apply (§9.9): each month bills the recurring charges of the last day at its revised prices (units, governance, packs, support, specific lines, minimum); consumption is billed as used. Outside the MRG's run years and the commitment total. The GTR does not apply during reversibility."
                />
                <table class="lines" data-testid="reversibility">
                    <thead><tr>
                        <Th fr="Facturé le" en="Billed on" />
                        <Th fr="Libellé" en="Label" />
                        <Th fr="Montant" en="Amount" num=true />
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="2">{move || lang.get().pick("Total de la réversibilité", "Reversibility total")}</th>
                        <td class="num" data-testid="reversibility-total">{total}</td>
                    </tr></tfoot>
                </table>
            </Show>
        </section>
    }
}
