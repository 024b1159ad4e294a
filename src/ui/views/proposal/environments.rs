//! §5, §9.6: the four environments, each with its own support level.

use leptos::prelude::*;

use super::environment_row::EnvironmentRow;
use crate::engine::document::support::EnvironmentKind;
use crate::ui::state::use_state;
use crate::ui::widgets::th::Th;

#[component]
pub fn Environments() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <section class="card" aria-labelledby="env-title">
            <h2 id="env-title">{move || lang.get().pick("Environnements et support", "Environments and support")}</h2>
            <table class="envs">
                <thead>
                    <tr>
                        <Th fr="Environnement" en="Environment" />
                        <Th fr="Niveau de support" en="Support level" />
                        <Th fr="Support / mois" en="Support / month" num=true />
                    </tr>
                </thead>
                <tbody>
                    {EnvironmentKind::ALL.into_iter().map(|kind| view! { <EnvironmentRow kind /> }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
