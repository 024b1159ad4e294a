//! Seed 003: another provider's support catalogue, its initial response
//! times beside this quote's restoration times.

use leptos::prelude::*;

use crate::engine::document::credit_month::Priority;
use crate::engine::document::support::EnvironmentKind;
use crate::engine::service_levels::{environment_guarantees, ServiceLevels, SupportCatalogue};
use crate::ui::format::commitment;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;

/// Seed 003: another provider's initial response times, beside ours.
#[component]
pub fn OtherCatalogue() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let shown = RwSignal::new(false);
    let catalogue = SupportCatalogue::seed_003();
    let tables = ServiceLevels::builtin();
    view! {
        <section class="card" aria-labelledby="catalogue-title">
            <h2 id="catalogue-title">{move || lang.get().pick("Catalogue de support alternatif (003)", "Alternative support catalogue (003)")}</h2>
            <Hint
                fr="Le modèle d'un autre prestataire : temps de réponse initial (GTI) par offre et priorité, à comparer aux délais de rétablissement (GTR) de ce devis."
                en="Another provider's model: initial response time by offer and priority, to compare with this quote's restoration times."
            />
            <button
                type="button"
                class="secondary"
                data-testid="catalogue-003-toggle"
                aria-expanded=move || shown.get().to_string()
                on:click=move |_| shown.update(|s| *s = !*s)
            >
                {move || if shown.get() {
                    lang.get().pick("Masquer le catalogue 003", "Hide catalogue 003")
                } else {
                    lang.get().pick("Charger le catalogue 003", "Load catalogue 003")
                }}
            </button>
            {move || shown.get().then(|| match &catalogue {
                Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                Ok(c) => {
                    let l = lang.get();
                    let c = c.clone();
                    view! {
                        <p class="hint">{format!("{} — {}", c.name, c.source)}</p>
                        <table class="catalogue" data-testid="catalogue-003">
                            <thead>
                                <tr>
                                    <th scope="col">{l.pick("Offre", "Offer")}</th>
                                    {Priority::ALL[..3].iter().map(|p| view! { <th scope="col">{format!("GTI {}", p.label())}</th> }).collect_view()}
                                    <th scope="col">{l.pick("Équivalent ici (GTR production)", "Closest here (production restoration)")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {c.offers.iter().map(|o| {
                                    let ours = environment_guarantees(tables, EnvironmentKind::Production, o.closest_level);
                                    view! {
                                        <tr data-testid="catalogue-003-offer" data-offer=o.key.clone()>
                                            <th scope="row">{o.label.clone()}</th>
                                            {Priority::ALL[..3].iter().map(|p| {
                                                let r = o.responses.iter().find(|r| r.priority == *p);
                                                let text = r.map(|r| r.response.describe(&c.business_hours, l)).unwrap_or_else(|| "—".into());
                                                let excerpt = r.map(|r| format!("003 : « {} »", r.excerpt)).unwrap_or_default();
                                                view! { <td title=excerpt>{text}</td> }
                                            }).collect_view()}
                                            <td>
                                                {format!(
                                                    "{} : {}",
                                                    o.closest_level.label(l),
                                                    ours.restoration[..3]
                                                        .iter()
                                                        .map(|(p, c)| format!("{} {}", p.label(), commitment(*c, l)))
                                                        .collect::<Vec<_>>()
                                                        .join(" · ")
                                                )}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <p class="hint">
                            {l.pick(
                                "Attention : une réponse initiale n'est pas un rétablissement ; l'offre 003 compte ses heures ouvrées de 9h à 19h.",
                                "Mind the difference: an initial response is not a restoration; offer 003 counts business hours from 09:00 to 19:00.",
                            )}
                        </p>
                    }
                    .into_any()
                }
            })}
        </section>
    }
}
