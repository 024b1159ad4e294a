//! Section 4 of the proposal: the price revision and minimum guaranteed
//! revenue clauses, with the rulings next to their figures (SPEC §14): the
//! token packs revised (§9.3.1), the complement after revision (§9.2), the
//! specific revision's state (§9.3.2, in the clause) and every scope change
//! with whether it raised the MRG (§9.4).

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::ui::clauses::clause_paragraphs;
use crate::ui::finance_notes::{
    complement_after_revision, packs_revised, scope_effect, scope_source,
};
use crate::ui::format::date;
use crate::ui::state::use_state;

#[component]
pub fn ProposalClauses(doc: RwSignal<Lang>) -> impl IntoView {
    let state = use_state();
    move || {
        let l = doc.get();
        let paragraphs = clause_paragraphs(state, l);
        let notes: Vec<String> = state.revised.with(|r| {
            r.as_ref()
                .map(|r| {
                    [packs_revised(r, l), complement_after_revision(r, l)]
                        .into_iter()
                        .flatten()
                        .collect()
                })
                .unwrap_or_default()
        });
        let scope = state.mrg.with(|m| {
            m.as_ref().filter(|m| !m.scope.is_empty()).map(|m| {
                let rows = m
                    .scope
                    .iter()
                    .map(|s| view! {
                        <tr data-testid="proposal-scope-row">
                            <td>{date(s.date, l)}</td>
                            <td>{scope_source(s, m, l)}</td>
                            <td class="num">{s.variation.format(l)}</td>
                            <td>{scope_effect(s, l)}</td>
                        </tr>
                    })
                    .collect_view();
                view! {
                    <table class="lines" data-testid="proposal-scope">
                        <caption>{l.pick("Évolutions de périmètre (§9.4)", "Scope changes (§9.4)")}</caption>
                        <thead><tr>
                            <th scope="col">{l.pick("Date", "Date")}</th>
                            <th scope="col">{l.pick("Évolution", "Change")}</th>
                            <th scope="col" class="num">{l.pick("Revenu de RUN ajouté (v)", "Run revenue added (v)")}</th>
                            <th scope="col">{l.pick("Effet sur le MRG", "Effect on the MRG")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            })
        });
        view! {
            <section data-testid="proposal-clauses">
                <h2>{l.pick("4. Révision des prix et minimum garanti", "4. Price revision and minimum guaranteed revenue")}</h2>
                {paragraphs.into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
                {notes.into_iter().map(|t| view! { <p data-testid="proposal-finance-note">{t}</p> }).collect_view()}
                {scope}
            </section>
        }
    }
}
