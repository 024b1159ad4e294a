//! §4, §9.8: build invoicing, 30/70 or milestones, and the instalments.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::lots::Lots;
use crate::engine::document::quote::{BuildBilling, BuildMilestone};
use crate::engine::pricing::Location;
use crate::ui::format::date;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::th::Th;

#[component]
pub fn BuildBillingView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let mode = move || {
        quote.with(|q| match &q.build_billing {
            None => "none",
            Some(BuildBilling::ThirtySeventy { .. }) => "thirty_seventy",
            Some(BuildBilling::Milestones { .. }) => "milestones",
        })
    };
    let set_mode = move |m: String| {
        quote.update(|q| {
            let later = |n: u32| {
                q.start_date
                    .checked_add_months(chrono::Months::new(n))
                    .unwrap_or(q.start_date)
            };
            q.build_billing = match m.as_str() {
                "thirty_seventy" => Some(BuildBilling::ThirtySeventy {
                    end_of_build: later(2),
                }),
                "milestones" => Some(BuildBilling::Milestones {
                    lots: vec![
                        BuildMilestone {
                            id: 1,
                            label: "Lot 1".into(),
                            date: later(1),
                            percent: Decimal::from(40),
                        },
                        BuildMilestone {
                            id: 2,
                            label: "Lot 2".into(),
                            date: later(3),
                            percent: Decimal::from(60),
                        },
                    ],
                }),
                _ => None,
            };
        })
    };
    let instalments = move || {
        state.priced.with(|p| {
            p.as_ref().map(|p| {
                p.build
                    .instalments
                    .iter()
                    .map(|i| {
                        let l = lang.get();
                        view! {
                            <tr data-testid="instalment">
                                <td>{date(i.date, l)}</td>
                                <td>{i.label.clone()}</td>
                                <td class="num">{format!("{} %", i.percent.normalize())}</td>
                                <td class="num">{i.amount.format(l)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let total = move || {
        state.priced.with(|p| {
            p.as_ref()
                .map(|p| p.build.total.format(lang.get()))
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card" aria-labelledby="build-title">
            <h2 id="build-title">{move || lang.get().pick("Facturation du build (§9.8)", "Build invoicing (§9.8)")}</h2>
            <Hint fr="Le modèle de build se choisit sur chaque ligne (onglet Proposition). La première ressource d'un type est au prix « première », les suivantes au prix « suivante » (§4.1). Le run d'une ligne démarre à la livraison de son lot, ou du build entier (§9.8.2)." en="Pick the build model on each line (Proposal tab). The first resource of a type costs the “first” price, the others the “next” price (§4.1). A line's run starts when its lot, or the whole build, is delivered (§9.8.2)." />
            <fieldset class="radios">
                <legend>{move || lang.get().pick("Mode", "Mode")}</legend>
                {[("none", "Non précisé", "Not set"), ("thirty_seventy", "30 % à la signature / 70 % en fin de build", "30 % at signature / 70 % at end of build"), ("milestones", "Par lots (jalons)", "By lots (milestones)")]
                    .into_iter()
                    .map(|(key, fr, en)| view! {
                        <label>
                            <input
                                type="radio"
                                name="build-mode"
                                data-testid=format!("build-mode-{key}")
                                prop:checked=move || mode() == key
                                on:change=move |_| set_mode(key.to_owned())
                            />
                            {move || lang.get().pick(fr, en)}
                        </label>
                    })
                    .collect_view()}
            </fieldset>
            <IssueNote location=Location::BuildBilling testid="build-issue" />
            {move || match mode() {
                "thirty_seventy" => {
                    let initial = quote.with_untracked(|q| match &q.build_billing {
                        Some(BuildBilling::ThirtySeventy { end_of_build }) => Some(*end_of_build),
                        _ => None,
                    });
                    view! {
                        <div class="field narrow">
                            <label for="end-of-build">{move || lang.get().pick("Fin du build", "End of build")}</label>
                            <DateInput
                                id="end-of-build"
                                testid="end-of-build"
                                initial=initial
                                on_valid=move |d| if let Some(d) = d {
                                    quote.update(|q| q.build_billing = Some(BuildBilling::ThirtySeventy { end_of_build: d }))
                                }
                            />
                        </div>
                    }.into_any()
                }
                "milestones" => view! { <Lots /> }.into_any(),
                _ => ().into_any(),
            }}
            <h3>{move || format!("{} {}", lang.get().pick("Échéances du build — total", "Build instalments — total"), total())}</h3>
            <table class="lines" data-testid="instalments">
                <thead><tr>
                    <Th fr="Date" en="Date" />
                    <Th fr="Libellé" en="Label" />
                    <th scope="col" class="num">"%"</th>
                    <Th fr="Montant" en="Amount" num=true />
                </tr></thead>
                <tbody>{instalments}</tbody>
            </table>
        </section>
    }
}
