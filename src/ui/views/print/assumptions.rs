//! Section 8 of the proposal, assumptions: amounts, revision, the quote's
//! warnings (each message once) and errors.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::pricing::Severity;
use crate::ui::format::grouped_issues;
use crate::ui::state::use_state;

#[component]
pub fn ProposalAssumptions(doc: RwSignal<Lang>) -> impl IntoView {
    let state = use_state();
    let priced = state.priced;
    move || {
        let l = doc.get();
        // The same warning on many lines is said once, with their number.
        let issues: Vec<String> = priced.with(|p| {
            p.as_ref()
                .map(|p| {
                    let warnings: Vec<_> = p
                        .issues
                        .iter()
                        .filter(|i| i.severity == Severity::Warning)
                        .collect();
                    grouped_issues(&warnings, l)
                        .into_iter()
                        .map(|(_, msg, _)| msg)
                        .collect()
                })
                .unwrap_or_default()
        });
        let errors = priced.with(|p| {
            p.as_ref().map_or(0, |p| {
                p.issues
                    .iter()
                    .filter(|i| i.severity == Severity::Error)
                    .count()
            })
        });
        view! {
            <section data-testid="proposal-assumptions">
                <h2>{l.pick("8. Hypothèses", "8. Assumptions")}</h2>
                <ul class="doc-list">
                    <li>{l.pick("Montants en euros hors TVA, arrondis au centime par ligne ; le prix du tenant IaaS n'est pas inclus (§9.2).", "Amounts in euros excluding VAT, rounded to the cent per line; the IaaS tenant's price is not included (§9.2).")}</li>
                    <li>{l.pick("Prix révisés chaque année selon la clause ci-dessus ; montants de l'échéancier aux prix de la signature.", "Prices revised every year by the clause above; schedule amounts at signature prices.")}</li>
                    {issues.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                    {(errors > 0).then(|| view! { <li class="error">{format!("{errors} {}", l.pick("erreur(s) à corriger avant envoi.", "error(s) to correct before sending."))}</li> })}
                </ul>
            </section>
        }
    }
}
