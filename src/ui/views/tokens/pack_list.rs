//! §5.5 (SPEC §14): the monthly token packs subscribed, several at once
//! (the same pack more than once), each committed to the end of the
//! contract, with its price and total; a pack of the chain is added below.

use leptos::prelude::*;

use crate::engine::pricing::PricedPack;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;

/// The priced pack of each of the quote's codes, in order (an unknown code,
/// left out of the pricing, has none).
fn priced_rows(codes: &[String], priced: &[PricedPack]) -> Vec<(String, Option<PricedPack>)> {
    let mut priced = priced.iter().peekable();
    codes
        .iter()
        .map(|code| {
            let found = priced.next_if(|p| &p.code == code).cloned();
            (code.clone(), found)
        })
        .collect()
}

#[component]
pub fn PackList() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let offered = move || {
        let chain = quote.with(|q| q.support_chain);
        state.book.with(|b| {
            b.token_packs
                .iter()
                .filter(|p| p.chain == chain)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let to_add = RwSignal::new(String::new());
    let rows = move || {
        let codes = quote.with(|q| q.tokens.packs.clone());
        let priced = state.priced.with(|p| {
            p.as_ref()
                .map(|p| p.tokens.packs.clone())
                .unwrap_or_default()
        });
        priced_rows(&codes, &priced)
    };
    view! {
        <div class="field" data-testid="token-packs">
            <span>{move || lang.get().pick("Packs mensuels (chacun engagé jusqu'à la fin du contrat, §5.5)", "Monthly packs (each committed to the end of the contract, §5.5)")}</span>
            <Hint fr="Plusieurs packs peuvent être souscrits, le même plusieurs fois ; les jetons au-delà de tous les packs sont facturés à la demande, au prix de la grille du mois de consommation (§9.2). Les jetons non consommés d'un pack sont perdus." en="Several packs may be subscribed, the same one more than once; tokens beyond all the packs are billed on demand, at the price of the book of the month they are used in (§9.2). Unused pack tokens are lost." />
            <ul class="doc-list">
                {move || {
                    let l = lang.get();
                    rows().into_iter().enumerate().map(|(i, (code, priced))| view! {
                        <li data-testid="token-pack-row">
                            <span data-testid="token-pack-code">{code}</span>
                            {priced.map(|p| view! {
                                <span data-testid="token-pack-tokens">{format!(" — {} {}", p.tokens_per_month, l.pick("jetons / mois", "tokens / month"))}</span>
                                <span data-testid="token-pack-monthly">{format!(" — {} / {}", p.monthly.format(l), l.pick("mois", "month"))}</span>
                                <span data-testid="token-pack-total">{format!(" — {} {}", l.pick("total", "total"), p.total.format(l))}</span>
                            })}
                            " "
                            <button type="button" data-testid="token-pack-remove" on:click=move |_| quote.update(|q| {
                                if i < q.tokens.packs.len() {
                                    q.tokens.packs.remove(i);
                                }
                            })>{l.pick("Retirer", "Remove")}</button>
                        </li>
                    }).collect_view()
                }}
            </ul>
            <Show when=move || quote.with(|q| q.tokens.packs.is_empty())>
                <p data-testid="token-packs-none">{move || lang.get().pick("Aucun pack : tout à la demande.", "No pack: everything on demand.")}</p>
            </Show>
            <div class="inline-form">
                <select data-testid="token-pack" aria-label=move || lang.get().pick("Pack à ajouter", "Pack to add")
                    on:change=move |ev| to_add.set(event_target_value(&ev))>
                    <option value="" selected=move || to_add.with(String::is_empty)>{move || lang.get().pick("Choisir un pack…", "Choose a pack…")}</option>
                    {move || offered().into_iter().map(|p| {
                        let code = p.code.clone();
                        let selected = code.clone();
                        view! {
                            <option value=code selected=move || to_add.with(|c| *c == selected)>
                                {format!("{} — {} {} — {}", p.code, p.tokens_per_month, lang.get().pick("jetons", "tokens"), p.monthly.format(lang.get()))}
                            </option>
                        }
                    }).collect_view()}
                </select>
                <button type="button" data-testid="token-pack-add" disabled=move || to_add.with(String::is_empty)
                    on:click=move |_| {
                        let code = to_add.get_untracked();
                        if !code.is_empty() {
                            quote.update(|q| q.tokens.packs.push(code));
                        }
                    }>
                    {move || lang.get().pick("Ajouter le pack", "Add the pack")}
                </button>
            </div>
        </div>
    }
}
