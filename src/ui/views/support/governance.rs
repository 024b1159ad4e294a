//! §6.1: the governance roles, mandatory with a Premium environment,
//! unavailable when every environment is Standard, optional otherwise.

use leptos::prelude::*;

use crate::engine::pricing::Location;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::issue_note::IssueNote;

#[component]
pub fn Governance() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <section class="card" aria-labelledby="gov-title">
            <h2 id="gov-title">{move || lang.get().pick("Gouvernance (§6.1)", "Governance (§6.1)")}</h2>
            <Hint fr="Service Delivery Manager et Contract Business Manager : obligatoires dès qu'un environnement est en Premium ; indisponibles quand tous les environnements sont en Standard ; facultatifs sinon, par exemple avec un environnement Initial (§6.1.1, §6.1.2). Ajoutez-les comme lignes « Gouvernance » dans l'onglet Proposition ; les expertises (architecture, DevOps, SRE, DRE : Data Reliability Engineer du Big Data, §6.1.7) sont en régie." en="Service Delivery Manager and Contract Business Manager: mandatory once an environment is Premium; unavailable when every environment is Standard; optional otherwise, with an Initial environment for example (§6.1.1, §6.1.2). Add them as “Governance” lines in the Proposal tab; expertise (architecture, DevOps, SRE, DRE: the Big Data Data Reliability Engineer, §6.1.7) is time and material." />
            <IssueNote location=Location::Governance testid="governance-issue" />
        </section>
    }
}
