//! Section 1 of the proposal, scope: the environments, the services and
//! units, the support.

use leptos::prelude::*;

use crate::engine::document::catalog::BuildModel;
use crate::engine::lang::Lang;
use crate::engine::money::Quantity;
use crate::ui::format::{decimal, text};
use crate::ui::state::use_state;

#[component]
pub fn ProposalScope(doc: RwSignal<Lang>) -> impl IntoView {
    let state = use_state();
    let quote = state.quote;
    let priced = state.priced;
    move || {
        let l = doc.get();
        priced.with(|p| {
            let Some(p) = p.as_ref() else {
                return view! { <p class="error">{l.pick("Le devis ne peut pas être chiffré : corrigez-le d'abord.", "The quote cannot be priced: correct it first.")}</p> }.into_any();
            };
            let envs = quote.with(|q| q.environments.clone());
            let lines = p.lines.iter().map(|line| {
                let build = (line.build != BuildModel::NoBuild).then(|| format!(" · {}", line.build.label(l)));
                view! {
                    <tr data-testid="proposal-line">
                        <td>{line.item.clone()}</td>
                        <td>{text(&line.name, l)}{build}</td>
                        <td class="num">{quantity(line.quantity, l)}</td>
                        <td class="num">{line.unit_price.format(l)}</td>
                        <td>{line.charge.label(l)}</td>
                        <td class="num">{line.amount.format(l)}</td>
                    </tr>
                }
            }).collect_view();
            let support = p.support.iter().map(|s| view! {
                <tr>
                    <td>{s.environment.label(l)}</td>
                    <td>{s.segments.first().map(|x| x.level.label(l)).unwrap_or_default()}</td>
                    <td>{s.chain.label(l)}</td>
                    <td class="num">{s.monthly.format(l)}</td>
                </tr>
            }).collect_view();
            view! {
                <section data-testid="proposal-scope">
                    <h2>{l.pick("1. Périmètre", "1. Scope")}</h2>
                    <p>{quote.with(|q| q.model.label(l))}{" — "}{envs.iter().map(|e| format!("{} ({})", e.kind.label(l), e.support.label(l))).collect::<Vec<_>>().join(", ")}</p>
                    <h3>{l.pick("Services et unités", "Services and units")}</h3>
                    <table class="doc" data-testid="proposal-lines">
                        <thead><tr>
                            <th>{l.pick("Code", "Code")}</th><th>{l.pick("Désignation", "Item")}</th>
                            <th class="num">{l.pick("Qté", "Qty")}</th><th class="num">{l.pick("Prix unitaire", "Unit price")}</th>
                            <th>{l.pick("Facturation", "Billing")}</th><th class="num">{l.pick("Montant", "Amount")}</th>
                        </tr></thead>
                        <tbody>{lines}</tbody>
                    </table>
                    <h3>{l.pick("Support", "Support")}</h3>
                    <table class="doc">
                        <thead><tr>
                            <th>{l.pick("Environnement", "Environment")}</th><th>{l.pick("Niveau", "Level")}</th>
                            <th>{l.pick("Chaîne", "Chain")}</th><th class="num">{l.pick("Par mois", "Per month")}</th>
                        </tr></thead>
                        <tbody>{support}</tbody>
                    </table>
                </section>
            }.into_any()
        })
    }
}

fn quantity(q: Quantity, l: Lang) -> String {
    decimal(q.as_decimal(), l)
}
