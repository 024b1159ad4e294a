//! One index (§9.3): publication lag, projection, the values with their
//! sources, and ways to add them.

use leptos::prelude::*;

use super::index_paste::IndexPaste;
use super::index_rows::IndexRows;
use super::index_value_form::IndexValueForm;
use crate::engine::finance::indices::IndexKind;
use crate::engine::money::{parse_decimal, parse_whole};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::th::Th;

fn title(kind: IndexKind, lang: crate::engine::lang::Lang) -> &'static str {
    match kind {
        IndexKind::Syntec => lang.pick("Indice SYNTEC (mensuel, §9.3.1)", "SYNTEC index (monthly, §9.3.1)"),
        IndexKind::Icc => lang.pick("Indice du coût de la construction INSEE (trimestriel, §9.3.2)", "INSEE construction cost index (quarterly, §9.3.2)"),
        IndexKind::Electricity => lang.pick(
            "Électricité vendue aux entreprises > 36 kVA (INSEE 1771242, mensuel, §9.3.2) : à saisir",
            "Electricity sold to businesses > 36 kVA (INSEE 1771242, monthly, §9.3.2): to be entered",
        ),
    }
}

#[component]
pub fn SeriesCard(kind: IndexKind) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let indices = state.indices;
    let key = kind.key();
    let (lag, projection) = indices.with_untracked(|b| {
        let s = b.series(kind);
        (s.lag_months, s.projection_percent)
    });
    view! {
        <section class="card" aria-labelledby=format!("index-{key}-title") data-testid=format!("index-{key}")>
            <h2 id=format!("index-{key}-title")>{move || title(kind, lang.get())}</h2>
            <div class="grid-3">
                <div class="field">
                    <label for=format!("lag-{key}")>{move || lang.get().pick("Délai de publication (mois après la période)", "Publication lag (months after the period)")}</label>
                    <ParsedInput id=format!("lag-{key}") testid=format!("index-{key}-lag") initial=lag.to_string()
                        parse=move |t: &str| parse_whole(t, lang.get_untracked()).map_err(FieldError::Number)
                        on_valid=move |n| indices.update(|b| b.series_mut(kind).lag_months = n.min(24)) />
                </div>
                <div class="field">
                    <label for=format!("proj-{key}")>{move || lang.get().pick("Projection (% par an)", "Projection (% a year)")}</label>
                    <ParsedInput id=format!("proj-{key}") testid=format!("index-{key}-projection") initial=projection.to_string()
                        parse=move |t: &str| parse_decimal(t, lang.get_untracked()).map_err(FieldError::Number)
                        on_valid=move |p| indices.update(|b| b.series_mut(kind).projection_percent = p) />
                </div>
                <IndexValueForm kind />
            </div>
            <IndexPaste kind />
            <div class="scroll short" tabindex="0" role="region" aria-label=move || lang.get().pick("Historique de l'indice", "Index history")>
                <table class="lines">
                    <thead><tr>
                        <Th fr="Période" en="Period" />
                        <Th fr="Valeur" en="Value" num=true />
                        <Th fr="Publication" en="Published" />
                        <Th fr="Source" en="Source" />
                        <th scope="col"></th>
                    </tr></thead>
                    <tbody><IndexRows kind /></tbody>
                </table>
            </div>
        </section>
    }
}
