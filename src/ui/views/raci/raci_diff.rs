//! The cells that differ between two models, for the quote's build model
//! and edits.

use leptos::prelude::*;

use crate::engine::document::quote::ManagementModel;
use crate::engine::lang::Lang;
use crate::engine::responsibilities::{diff, dominant_build, matrix_for};
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;

/// The cells that differ between two models, for the quote's build model
/// and edits.
#[component]
pub fn RaciDiff() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let current = quote.with_untracked(|q| q.model);
    let other = match current {
        ManagementModel::FullyManaged => ManagementModel::CoManaged,
        _ => ManagementModel::FullyManaged,
    };
    let a = RwSignal::new(current);
    let b = RwSignal::new(other);
    let rows = Memo::new(move |_| {
        quote.with(|q| {
            let build = dominant_build(q);
            diff(
                &matrix_for(a.get(), build, &q.raci),
                &matrix_for(b.get(), build, &q.raci),
            )
        })
    });
    let select = move |signal: RwSignal<ManagementModel>, testid: &'static str| {
        view! {
            <select
                data-testid=testid
                aria-label=move || lang.get().pick("Modèle comparé", "Model compared")
                on:change=move |ev| {
                    if let Some(x) = ManagementModel::from_key(&event_target_value(&ev)) {
                        signal.set(x);
                    }
                }
            >
                {ManagementModel::ALL
                    .into_iter()
                    .map(|x| view! { <option value=x.key() selected=move || signal.get() == x>{move || x.label(lang.get())}</option> })
                    .collect_view()}
            </select>
        }
    };
    view! {
        <section class="card raci-diff" aria-labelledby="raci-diff-title">
            <h2 id="raci-diff-title">{move || lang.get().pick("Différences entre deux modèles", "Differences between two models")}</h2>
            <Hint
                fr="Avec le modèle de build du devis et vos modifications de chaque modèle."
                en="With the quote's build model and your edits of each model."
            />
            <div class="diff-pick">
                {select(a, "raci-diff-a")}
                <span>"↔"</span>
                {select(b, "raci-diff-b")}
            </div>
            {move || {
                let l = lang.get();
                let list = rows.get();
                if list.is_empty() {
                    return view! { <p class="hint" data-testid="raci-diff-none">{l.pick("Aucune différence.", "No difference.")}</p> }.into_any();
                }
                let (ta, tb) = (a.get().label(l), b.get().label(l));
                view! {
                    <p data-testid="raci-diff-count">{format!("{} {}", list.len(), l.pick("case(s) diffèrent.", "cell(s) differ."))}</p>
                    <table class="lines raci-diff-table">
                        <thead>
                            <tr>
                                <th scope="col">{l.pick("Activité", "Activity")}</th>
                                <th scope="col">{l.pick("Partie", "Party")}</th>
                                <th scope="col">{ta}</th>
                                <th scope="col">{tb}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.into_iter().map(|d| view! {
                                <tr data-testid="raci-diff-row" data-activity=d.activity.clone()>
                                    <td>{if l == Lang::Fr { d.fr.clone() } else { d.en.clone() }}</td>
                                    <td>{d.party.label(l)}</td>
                                    <td class="letters">{if d.a.is_empty() { "—".into() } else { d.a.to_string() }}</td>
                                    <td class="letters">{if d.b.is_empty() { "—".into() } else { d.b.to_string() }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
