//! SPEC §15: each activity's monthly effort (a fixed part and a part per
//! managed unit, editable, the default's reason as a hint) and who carries
//! it under the quote's matrix; the client's total. An estimate, never an
//! invoice.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::document::client_effort::EffortEstimate;
use crate::engine::document::raci::Party;
use crate::engine::lang::Lang;
use crate::engine::money::Quantity;
use crate::engine::responsibilities::effort::{client_effort, EffortReport, EffortRow};
use crate::engine::responsibilities::RaciCatalogue;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;

fn hours(h: Decimal, l: Lang) -> String {
    let t = h.round_dp(1).normalize().to_string();
    let t = if l == Lang::Fr {
        t.replace('.', ",")
    } else {
        t
    };
    format!("{t} h")
}

fn carried_by(row: &EffortRow, l: Lang) -> String {
    if row.responsible.is_empty() {
        return l.pick("personne (aucun R)", "nobody (no R)").into();
    }
    let names = row
        .responsible
        .iter()
        .map(|p| p.label(l).to_owned())
        .collect::<Vec<_>>()
        .join(" + ");
    if row.responsible.contains(&Party::Client) && row.responsible.len() > 1 {
        let share = (row.client_share * Decimal::ONE_HUNDRED).round_dp(0);
        format!("{names} ({} {share} %)", l.pick("client :", "client:"))
    } else {
        names
    }
}

#[component]
fn EffortLine(id: String, report: Memo<Option<EffortReport>>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let id = StoredValue::new(id);
    let row = move || {
        report.with(|r| {
            r.as_ref()?
                .rows
                .iter()
                .find(|x| id.with_value(|i| &x.id == i))
                .cloned()
        })
    };
    let Some(first) = row() else {
        return ().into_any();
    };
    let set = move |fixed: Option<Decimal>, per_unit: Option<Decimal>| {
        let Some(now) = row() else { return };
        let default = RaciCatalogue::builtin()
            .effort_of(&now.id)
            .map(|d| (d.fixed_hours, d.per_unit_hours));
        quote.update(|q| {
            q.client_effort.set(
                EffortEstimate {
                    activity: now.id.clone(),
                    fixed_hours: fixed.unwrap_or(now.fixed_hours),
                    per_unit_hours: per_unit.unwrap_or(now.per_unit_hours),
                },
                default,
            )
        });
    };
    let l = lang.get_untracked();
    let name = if l == Lang::Fr {
        first.fr.clone()
    } else {
        first.en.clone()
    };
    let reason = first.reason.as_ref().map(|r| {
        if l == Lang::Fr {
            r.fr.clone()
        } else {
            r.en.clone()
        }
    });
    let key = first.id.clone();
    let hint = reason.clone().unwrap_or_default();
    view! {
        <tr data-testid="effort-row" data-activity=key.clone() title=hint>
            <th scope="row">{name}{reason.map(|r| view! { <span class="line-detail">{r}</span> })}</th>
            <td class="num">
                <ParsedInput id=format!("effort-fixed-{key}") testid="effort-fixed" class="qty-input" initial=first.fixed_hours.normalize().to_string()
                    label=l.pick("Heures fixes par mois", "Fixed hours a month").to_owned()
                    parse=move |t: &str| Quantity::parse(t, lang.get_untracked()).map_err(FieldError::Number).map(|q| q.as_decimal())
                    on_valid=move |h| set(Some(h), None) />
            </td>
            <td class="num">
                <ParsedInput id=format!("effort-unit-{key}") testid="effort-per-unit" class="qty-input" initial=first.per_unit_hours.normalize().to_string()
                    label=l.pick("Heures par unité gérée et par mois", "Hours per managed unit a month").to_owned()
                    parse=move |t: &str| Quantity::parse(t, lang.get_untracked()).map_err(FieldError::Number).map(|q| q.as_decimal())
                    on_valid=move |h| set(None, Some(h)) />
            </td>
            <td class="num">{move || row().map(|r| r.units.normalize().to_string()).unwrap_or_default()}</td>
            <td class="num">{move || row().map(|r| hours(r.hours, lang.get())).unwrap_or_default()}</td>
            <td data-testid="effort-carried">{move || row().map(|r| carried_by(&r, lang.get())).unwrap_or_default()}</td>
            <td class="num" data-testid="effort-client-hours">{move || row().map(|r| hours(r.client_hours, lang.get())).unwrap_or_default()}</td>
        </tr>
    }
    .into_any()
}

#[component]
pub fn EffortTable() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let report = Memo::new(move |_| quote.with(|q| state.book.with(|b| client_effort(q, b).ok())));
    let ids = move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| r.rows.iter().map(|x| x.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let total = move || {
        let l = lang.get();
        report.with(|r| {
            r.as_ref().map(|r| {
                format!(
                    "{} {} ; {} {} {} ({} {}).",
                    l.pick("Effort estimé du client :", "Client's estimated effort:"),
                    hours(r.client_hours_per_month, l),
                    l.pick("par mois, soit", "a month, that is"),
                    r.cost.format(l),
                    l.pick("sur le contrat", "over the contract"),
                    r.day_rate.format(l),
                    l.pick(
                        "par jour — une estimation, jamais une facture",
                        "a day — an estimate, never an invoice"
                    ),
                )
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="effort-title">
            <h2 id="effort-title">{move || lang.get().pick("Effort de chaque activité et qui le porte (§15)", "Each activity's effort and who carries it (§15)")}</h2>
            <p class="hint">{move || lang.get().pick(
                "Heures par mois : une part fixe plus une part par unité gérée des familles concernées. Valeurs par défaut illustratives, avec leur raison ; modifiez-les pour votre contexte. Le client porte les activités où il est R (la moitié avec le prestataire, une part égale entre les parties R avec un tiers).",
                "Hours a month: a fixed part plus a part per managed unit of the families concerned. Illustrative defaults, with their reason; edit them for your context. The client carries the activities where it is R (half with the provider, an equal share among the parties R with a third party).",
            )}</p>
            <p data-testid="effort-total">{total}</p>
            <div class="table-scroll">
                <table class="lines" data-testid="effort-activities">
                    <thead><tr>
                        <th scope="col">{move || lang.get().pick("Activité", "Activity")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("Fixe (h/mois)", "Fixed (h/month)")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("Par unité (h/mois)", "Per unit (h/month)")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("Unités", "Units")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("Heures/mois", "Hours/month")}</th>
                        <th scope="col">{move || lang.get().pick("Porté par (R)", "Carried by (R)")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("Part du client", "Client's part")}</th>
                    </tr></thead>
                    <tbody>
                        <For each=ids key=|id| id.clone() let:id>
                            <EffortLine id report />
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
