//! §9.3: the index tables: shipped history with sources, the user's values,
//! projections, and pasting a table.

use leptos::prelude::*;

use crate::engine::finance::indices::{
    format_period, parse_index_csv, parse_period, IndexKind, IndexValue, Provenance,
};
use crate::engine::money::{parse_decimal, parse_whole};
use crate::ui::format::date;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;
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
pub fn IndicesEditor() -> impl IntoView {
    view! {
        {IndexKind::ALL.into_iter().map(|kind| view! { <SeriesCard kind /> }).collect_view()}
    }
}

#[component]
fn SeriesCard(kind: IndexKind) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let indices = state.indices;
    let key = kind.key();
    let (lag, projection) = indices.with_untracked(|b| {
        let s = b.series(kind);
        (s.lag_months, s.projection_percent)
    });
    let paste = RwSignal::new(String::new());
    let paste_error = RwSignal::new(None::<String>);
    let new_period = RwSignal::new(String::new());
    let new_value = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let rows = move || {
        let l = lang.get();
        indices.with(|b| {
            let s = b.series(kind);
            s.values
                .iter()
                .rev()
                .map(|v| {
                    let provenance = match &v.provenance {
                        Provenance::Published { source } => source.clone(),
                        Provenance::User => l.pick("saisie utilisateur", "entered by the user").to_owned(),
                        Provenance::Projected => l.pick("projetée", "projected").to_owned(),
                    };
                    let published = match v.published {
                        Some(p) => date(p, l),
                        None => format!("≈ {} ({})", date(s.publication_date(v), l), l.pick("estimée", "estimated")),
                    };
                    let period = v.period;
                    let old = v.old_series;
                    let user = v.provenance == Provenance::User;
                    let series_label = if kind == IndexKind::Syntec {
                        if old { l.pick(" (ancienne série)", " (old series)") } else { "" }
                    } else {
                        ""
                    };
                    let billed = v.billed_with.map(|b| format!(" · {} {b}", l.pick("facturé avec", "billed with"))).unwrap_or_default();
                    view! {
                        <tr data-testid=format!("index-{key}-row")>
                            <td>{format!("{}{series_label}", format_period(v.period, kind))}</td>
                            <td class="num">{v.value.to_string()}</td>
                            <td>{published}</td>
                            <td class="source">{format!("{provenance}{billed}")}</td>
                            <td>
                                {user.then(|| view! {
                                    <RemoveButton fr="Retirer la valeur" en="Remove the value" on_remove=move || indices.update(|b| b.series_mut(kind).remove(period, old)) />
                                })}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let add = move |_| {
        let l = lang.get_untracked();
        let Some(period) = parse_period(&new_period.get_untracked(), kind) else {
            add_error.set(Some(
                l.pick(
                    "Période attendue : 2025-10 (ou 2025-Q3 pour l'ICC).",
                    "Expected period: 2025-10 (or 2025-Q3 for the ICC).",
                )
                .to_owned(),
            ));
            return;
        };
        match parse_decimal(&new_value.get_untracked()) {
            Ok(value) if value > rust_decimal::Decimal::ZERO => {
                // §9.3.1: when a revision of this quote used a projection of
                // this period, invoices were issued with it: keep it for the
                // regularisation.
                let label = format_period(period, kind);
                let billed_with = state.revised.with_untracked(|r| {
                    r.as_ref().and_then(|r| {
                        r.lines
                            .iter()
                            .flat_map(|l| &l.steps)
                            .flat_map(|s| [&s.syntec, &s.icc, &s.electricity])
                            .flatten()
                            .flat_map(|(a, b)| [a, b])
                            .find(|u| u.index == kind && u.period == label && u.provisional)
                            .map(|u| u.value)
                    })
                });
                indices.update(|b| {
                    b.series_mut(kind).set(IndexValue {
                        period,
                        value,
                        published: None,
                        provenance: Provenance::User,
                        old_series: false,
                        billed_with,
                    });
                });
                add_error.set(None);
                new_value.set(String::new());
            }
            _ => add_error.set(Some(
                l.pick("Valeur positive attendue.", "A positive value is expected.")
                    .to_owned(),
            )),
        }
    };
    let import = move |_| {
        let l = lang.get_untracked();
        match parse_index_csv(&paste.get_untracked(), kind) {
            Ok(values) if values.is_empty() => paste_error.set(Some(
                l.pick("Aucune valeur trouvée.", "No value found.")
                    .to_owned(),
            )),
            Ok(values) => {
                indices.update(|b| values.into_iter().for_each(|v| b.series_mut(kind).set(v)));
                paste_error.set(None);
                paste.set(String::new());
            }
            // The table is left untouched: nothing typed before is lost.
            Err(e) => paste_error.set(Some(format!(
                "{} {} : {}",
                l.pick("Ligne", "Line"),
                e.line,
                e.message
            ))),
        }
    };
    view! {
        <section class="card" aria-labelledby=format!("index-{key}-title") data-testid=format!("index-{key}")>
            <h2 id=format!("index-{key}-title")>{move || title(kind, lang.get())}</h2>
            <div class="grid-3">
                <div class="field">
                    <label for=format!("lag-{key}")>{move || lang.get().pick("Délai de publication (mois après la période)", "Publication lag (months after the period)")}</label>
                    <ParsedInput id=format!("lag-{key}") testid=format!("index-{key}-lag") initial=lag.to_string()
                        parse=|t: &str| parse_whole(t).map_err(FieldError::Number)
                        on_valid=move |n| indices.update(|b| b.series_mut(kind).lag_months = n.min(24)) />
                </div>
                <div class="field">
                    <label for=format!("proj-{key}")>{move || lang.get().pick("Projection (% par an)", "Projection (% a year)")}</label>
                    <ParsedInput id=format!("proj-{key}") testid=format!("index-{key}-projection") initial=projection.to_string()
                        parse=|t: &str| parse_decimal(t).map_err(FieldError::Number)
                        on_valid=move |p| indices.update(|b| b.series_mut(kind).projection_percent = p) />
                </div>
                <div class="field">
                    <span class="label">{move || lang.get().pick("Ajouter ou corriger une valeur", "Add or correct a value")}</span>
                    <div class="inline-form">
                        <input type="text" data-testid=format!("index-{key}-new-period") aria-label=move || lang.get().pick("Période", "Period")
                            placeholder=if kind == IndexKind::Icc { "2025-Q3" } else { "2025-10" }
                            prop:value=move || new_period.get() on:input=move |ev| new_period.set(event_target_value(&ev)) />
                        <input type="text" inputmode="decimal" data-testid=format!("index-{key}-new-value") aria-label=move || lang.get().pick("Valeur", "Value")
                            prop:value=move || new_value.get() on:input=move |ev| new_value.set(event_target_value(&ev)) />
                        <button type="button" data-testid=format!("index-{key}-add") on:click=add>{move || lang.get().pick("Enregistrer", "Save")}</button>
                    </div>
                    <span class="field-error" role="alert" data-testid=format!("index-{key}-add-error")>{move || add_error.get()}</span>
                </div>
            </div>
            <details>
                <summary>{move || lang.get().pick("Coller un tableau (CSV : période;valeur;publication;source)", "Paste a table (CSV: period,value,published,source)")}</summary>
                <textarea rows="4" data-testid=format!("index-{key}-paste") aria-label=move || lang.get().pick("Tableau à coller", "Table to paste")
                    prop:value=move || paste.get() on:input=move |ev| paste.set(event_target_value(&ev))></textarea>
                <button type="button" data-testid=format!("index-{key}-import") on:click=import>{move || lang.get().pick("Importer", "Import")}</button>
                <span class="field-error" role="alert" data-testid=format!("index-{key}-paste-error")>{move || paste_error.get()}</span>
            </details>
            <div class="scroll short" tabindex="0" role="region" aria-label=move || lang.get().pick("Historique de l'indice", "Index history")>
                <table class="lines">
                    <thead><tr>
                        <Th fr="Période" en="Period" />
                        <Th fr="Valeur" en="Value" num=true />
                        <Th fr="Publication" en="Published" />
                        <Th fr="Source" en="Source" />
                        <th scope="col"></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
