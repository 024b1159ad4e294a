//! SPEC §15, when the toolbar asks for it: the comparison of the
//! scenarios in the proposal, the provider's price beside the client's
//! estimated effort, with its assumptions. The effort is an estimate, never
//! an invoice: it is in no total of the offer.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::engine::scenarios::comparison::{compare, Figure};
use crate::ui::state::use_state;

#[component]
pub fn ProposalComparison(doc: RwSignal<Lang>, include: RwSignal<bool>) -> impl IntoView {
    let state = use_state();
    let quote = state.quote;
    move || {
        if !include.get() {
            return ().into_any();
        }
        let l = doc.get();
        let c = quote.with(|q| {
            state.books.with(|books| {
                state
                    .book
                    .with(|book| compare(q, books, book, &q.scenarios()))
            })
        });
        let head = c
            .outcomes
            .iter()
            .map(|o| view! { <th class="num">{o.scenario.title(l)}</th> })
            .collect_view();
        let amounts = |figure: Figure| {
            c.row(figure)
                .map(|r| r.amounts.clone())
                .unwrap_or_default()
                .into_iter()
                .map(|a: Option<Money>| view! { <td class="num">{a.map(|m| m.format(l)).unwrap_or_else(|| "—".into())}</td> })
                .collect_view()
        };
        let hours = c
            .outcomes
            .iter()
            .map(|o| {
                let h = o
                    .effort
                    .as_ref()
                    .map(|e| e.client_hours_per_month.round_dp(1).normalize().to_string())
                    .unwrap_or_else(|| "—".into());
                let h = if l == Lang::Fr {
                    h.replace('.', ",")
                } else {
                    h
                };
                view! { <td class="num">{format!("{h} h")}</td> }
            })
            .collect_view();
        let rate = quote.with(|q| q.client_effort.day_rate).format(l);
        view! {
            <section data-testid="proposal-comparison">
                <h2>{l.pick("Comparaison des modèles de gestion", "Management models compared")}</h2>
                <table class="doc">
                    <thead><tr><th></th>{head}</tr></thead>
                    <tbody>
                        <tr><td>{l.pick("Prix du prestataire (valeur du contrat)", "Provider's price (contract value)")}</td>{amounts(Figure::Total)}</tr>
                        <tr><td>{l.pick("Effort estimé du client (heures par mois)", "Client's estimated effort (hours a month)")}</td>{hours}</tr>
                        <tr><td>{l.pick("Effort estimé du client (valorisé sur le contrat)", "Client's estimated effort (valued over the contract)")}</td>{amounts(Figure::ClientEffort)}</tr>
                        <tr><td>{l.pick("Prix + effort du client", "Price + client's effort")}</td>{amounts(Figure::AllIn)}</tr>
                    </tbody>
                </table>
                <p class="small">{format!(
                    "{} {rate} {}",
                    l.pick("Effort du client : estimation à", "Client's effort: an estimate at"),
                    l.pick(
                        "par jour de l'équipe du client, sur les activités où le client est R (la moitié avec le prestataire), valeurs illustratives. Ce n'est pas une facture : il n'entre ni dans l'échéancier, ni dans le MRG, ni dans les totaux de l'offre.",
                        "a day of the client's team, on the activities where the client is R (half with the provider), illustrative values. Not an invoice: it is in neither the schedule, the MRG nor the offer's totals.",
                    ),
                )}</p>
            </section>
        }
        .into_any()
    }
}
