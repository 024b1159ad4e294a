//! §8.5: what the service levels promise each subscribed environment,
//! under the quote's model, and the conditions that apply.

use leptos::prelude::*;

use super::cells::percent;
use super::guarantees_table::GuaranteesTable;
use super::managed_functions::ManagedFunctions;
use crate::engine::service_levels::{guarantees, ServiceLevels};
use crate::ui::format::date;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;

/// §8.5: the tables, per subscribed environment, under the quote's model.
#[component]
pub fn AppliedGuarantees() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let tables = ServiceLevels::builtin();
    let applied = Memo::new(move |_| quote.with(|q| guarantees(q, tables)));
    view! {
        <section class="card" aria-labelledby="guarantees-title">
            <h2 id="guarantees-title">
                {move || lang.get().pick("Engagements de qualité de service (§8)", "Service-level commitments (§8)")}
            </h2>
            <Show
                when=move || applied.get().apply
                fallback=move || view! {
                    <p class="notice" data-testid="guarantees-none">
                        {move || lang.get().pick(
                            "Full DevOps : aucun engagement de service ne s'applique (000 : « L'engagement de service du Prestataire s'applique à la fois aux modèles Fully Managed et Co-Managed »).",
                            "Full DevOps: no service commitment applies (000: the provider's service commitment applies to the Fully Managed and Co-Managed models).",
                        )}
                    </p>
                }
            >
                <Hint
                    fr="Pour chaque environnement souscrit, au niveau de support choisi. Les délais se comptent sur les plages couvertes (§8.3)."
                    en="For each subscribed environment, at its chosen support level. Times count only covered hours (§8.3)."
                />
                <GuaranteesTable applied />
                <ManagedFunctions />
                <p class="hint">
                    {move || {
                        let l = lang.get();
                        let g = applied.get();
                        format!(
                            "{} {} ; {} {} (§8.4.9). {}",
                            l.pick("Portail client (§8.5.1) :", "Client portal (§8.5.1):"),
                            percent(g.portal_availability, l),
                            l.pick("plafond des crédits :", "credits cap:"),
                            percent(g.cap_percent, l),
                            l.pick(
                                "Crédit GTD : 2 % (écart ≤ 1 point), 5 % (≤ 2 points), 10 % au-delà, de la redevance de la fonction. Crédit GTR si plus de 5 % des incidents sont hors délai : 2 % (≤ 25 %), 5 % (≤ 50 %), 10 % au-delà, de la redevance de production. GTC : 50 % du prix du changement au tarif jeton à l'usage.",
                                "Availability credit: 2% (gap ≤ 1 point), 5% (≤ 2 points), 10% beyond, of the function's charge. Restoration credit when more than 5% of incidents are late: 2% (≤ 25%), 5% (≤ 50%), 10% beyond, of the production charge. Change credit: 50% of the change's pay-as-you-go token price.",
                            ),
                        )
                    }}
                </p>
                {move || {
                    let l = lang.get();
                    let changes: Vec<String> = quote.with(|q| {
                        q.support_changes
                            .iter()
                            .map(|c| format!("{} {} → {}", date(c.date, l), c.environment.label(l), c.level.label(l)))
                            .collect()
                    });
                    (!changes.is_empty()).then(|| view! {
                        <p class="notice" data-testid="guarantees-support-changes">
                            {format!(
                                "{} {} {}",
                                l.pick("Niveaux à la signature. Changements prévus (§5.3) :", "Levels at signature. Planned changes (§5.3):"),
                                changes.join(" ; "),
                                l.pick("— le simulateur prend le niveau en vigueur le mois simulé.", "— the simulator uses the level in force in the simulated month."),
                            )}
                        </p>
                    })
                }}
                <h3>{move || lang.get().pick("Conditions d'application", "Conditions")}</h3>
                <ul class="conditions" data-testid="guarantee-conditions">
                    {move || {
                        let l = lang.get();
                        applied
                            .get()
                            .conditions
                            .iter()
                            .map(|c| view! {
                                <li data-testid="guarantee-condition">
                                    <span class="clause">{c.clause()}</span>
                                    " "
                                    {c.text(l)}
                                </li>
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}
