//! §6.1: the governance roles a Premium environment requires.

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
            <Hint fr="Service Delivery Manager et Contract Business Manager : obligatoires dès qu'un environnement est en Premium, indisponibles sinon (§6.1.1, §6.1.2 ; un projet en Initial seul est traité comme un projet en Standard seul). Ajoutez-les comme lignes « Gouvernance » dans l'onglet Proposition ; les expertises (architecture, DevOps, SRE, DRE) sont en régie." en="Service Delivery Manager and Contract Business Manager: mandatory once an environment is Premium, unavailable otherwise (§6.1.1, §6.1.2; an Initial-only project is treated like a Standard-only one). Add them as “Governance” lines in the Proposal tab; expertise (architecture, DevOps, SRE, DRE) is time and material." />
            <IssueNote location=Location::Governance testid="governance-issue" />
        </section>
    }
}
