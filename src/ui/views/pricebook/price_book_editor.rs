//! The price book editor (issue 6): the book in use (the built-in,
//! illustrative one, or the user's), import and export, and a draft to edit
//! (identity, fees, tiers, items, support, tokens, tickets) that is checked
//! before it replaces the book in use.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use crate::engine::document::pricebook::{CommitmentTier, PriceBook};
use crate::engine::lang::Lang;
use crate::engine::money::{parse_decimal, parse_whole, Money};
use crate::ui::browser;
use crate::ui::format::text;
use crate::ui::i18n::FieldError;
use crate::ui::session::price_book::activate;
use crate::ui::session::use_session;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;
use crate::ui::widgets::th::Th;

fn money_text(m: Money) -> String {
    m.as_decimal().normalize().to_string()
}

#[component]
pub fn PriceBookEditor() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    let draft = RwSignal::new(state.book.get_untracked());
    let epoch = RwSignal::new(0u64);
    let message = RwSignal::new(None::<Result<String, String>>);
    let is_builtin = move || state.builtin.with_value(|b| state.book.with(|x| x == b));
    let changed = move || draft.with(|d| state.book.with(|b| d != b));
    let validation = move || draft.with(|d| d.validate().map_err(|e| e.to_string()));
    let reset_draft = move || {
        draft.set(state.book.get_untracked());
        epoch.update(|e| *e += 1);
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let l = lang.get_untracked();
            let result = match browser::read_picked(&input).await {
                Ok((name, json)) => PriceBook::from_json(&json)
                    .map_err(|e| format!("« {name} » : {e}"))
                    .and_then(|book| {
                        let version = book.version.clone();
                        activate(state, book).map(|()| {
                            format!(
                                "{} {version} ({name}).",
                                l.pick(
                                    "Grille importée et en service :",
                                    "Price book imported and in use:"
                                )
                            )
                        })
                    }),
                Err(e) => Err(e),
            };
            input.set_value("");
            if result.is_ok() {
                reset_draft();
            }
            message.set(Some(result));
        });
    };
    let export = move |_| {
        let (name, json) = state.book.with(|b| {
            (
                format!("grille-{}.json", b.version),
                serde_json::to_string_pretty(b).unwrap_or_default(),
            )
        });
        if let Err(e) = browser::download(&name, "application/json", &json) {
            session.notify(true, e);
        }
    };
    let apply = move |_| {
        let l = lang.get_untracked();
        let result = activate(state, draft.get_untracked()).map(|()| {
            l.pick(
                "Grille appliquée : le devis est rechiffré.",
                "Price book applied: the quote is repriced.",
            )
            .to_string()
        });
        message.set(Some(result));
    };

    view! {
        <section class="card" aria-labelledby="pricebook-title">
            <h2 id="pricebook-title">{move || lang.get().pick("Grille tarifaire", "Price book")}</h2>
            <p data-testid="pricebook-status" class:notice=is_builtin>
                {move || {
                    let l = lang.get();
                    state.book.with(|b| if is_builtin() {
                        format!("{} v{} — {}", l.pick("Grille intégrée", "Built-in book"), b.version, l.pick("illustrative : prix inventés, à remplacer par votre grille.", "illustrative: invented prices, to be replaced by yours."))
                    } else {
                        format!("{} v{} ({} {}, {} {}){}", l.pick("Votre grille", "Your book"), b.version, l.pick("région", "region"), b.region, l.pick("en vigueur le", "effective"), b.effective_date, if b.illustrative { l.pick(" — marquée illustrative", " — marked illustrative") } else { "" })
                    })
                }}
            </p>
            <div class="actions">
                <label class="file-button">
                    <span>{move || lang.get().pick("Importer une grille (JSON)…", "Import a book (JSON)…")}</span>
                    <input type="file" accept=".json,application/json" data-testid="pricebook-import" on:change=import />
                </label>
                <button type="button" data-testid="pricebook-export" on:click=export>
                    {move || lang.get().pick("Exporter la grille", "Export the book")}
                </button>
                <button type="button" data-testid="pricebook-reset" disabled=is_builtin on:click=move |_| {
                    let l = lang.get_untracked();
                    let result = activate(state, state.builtin.get_value()).map(|()| l.pick("Retour à la grille intégrée.", "Back to the built-in book.").to_string());
                    reset_draft();
                    message.set(Some(result));
                }>
                    {move || lang.get().pick("Revenir à la grille intégrée", "Back to the built-in book")}
                </button>
            </div>
            {move || message.get().map(|m| match m {
                Ok(t) => view! { <p class="notice" data-testid="pricebook-message">{t}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert" data-testid="pricebook-error">{e}</p> }.into_any(),
            })}
        </section>
        {move || {
            epoch.track();
            view! { <DraftEditor draft /> }
        }}
        <section class="card pricebook-apply">
            <p data-testid="pricebook-validation" class:error=move || validation().is_err()>
                {move || match validation() {
                    Ok(()) => lang.get().pick("Brouillon valide.", "The draft is valid.").to_string(),
                    Err(e) => format!("{} {e}", lang.get().pick("Brouillon invalide :", "Invalid draft:")),
                }}
            </p>
            <div class="actions">
                <button type="button" class="primary" data-testid="pricebook-apply" disabled=move || !changed() || validation().is_err() on:click=apply>
                    {move || lang.get().pick("Appliquer le brouillon", "Apply the draft")}
                </button>
                <button type="button" data-testid="pricebook-discard" disabled=move || !changed() on:click=move |_| reset_draft()>
                    {move || lang.get().pick("Abandonner les modifications", "Discard the changes")}
                </button>
            </div>
        </section>
    }
}

/// The draft's fields. Rebuilt when the draft is replaced (import, discard).
#[component]
fn DraftEditor(draft: RwSignal<PriceBook>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let d = draft.get_untracked();
    let money = |t: &str| Money::parse(t).map_err(FieldError::Number);
    let item_codes =
        move || draft.with(|b| b.items.iter().map(|i| i.code.clone()).collect::<Vec<_>>());
    let tier_count = move || draft.with(|b| b.commitment_tiers.len());
    let new_code = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let copy_of = RwSignal::new(d.items.first().map(|i| i.code.clone()).unwrap_or_default());
    view! {
        <section class="card" aria-labelledby="draft-title">
            <h2 id="draft-title">{move || lang.get().pick("Brouillon de grille", "Draft book")}</h2>
            <Hint fr="Modifiez puis appliquez : rien ne change avant « Appliquer ». Prix en euros HT." en="Edit then apply: nothing changes before “Apply”. Prices in euros excluding VAT." />
            <div class="grid-3">
                <label class="field">
                    <span>{move || lang.get().pick("Version", "Version")}</span>
                    <input type="text" data-testid="pricebook-version" value=d.version.clone()
                        on:input=move |e| { let v = event_target_value(&e); draft.update(|b| b.version = v) } />
                </label>
                <div class="field">
                    <label for="pricebook-date">{move || lang.get().pick("En vigueur le (§9.7)", "Effective from (§9.7)")}</label>
                    <DateInput id="pricebook-date" testid="pricebook-date" initial=Some(d.effective_date)
                        on_valid={move |v: Option<NaiveDate>| if let Some(v) = v { draft.update(|b| b.effective_date = v) }} />
                </div>
                <label class="field">
                    <span>{move || lang.get().pick("Région (§9.2)", "Region (§9.2)")}</span>
                    <input type="text" data-testid="pricebook-region" value=d.region.clone()
                        on:input=move |e| { let v = event_target_value(&e); draft.update(|b| b.region = v.trim().to_string()) } />
                </label>
                <label class="field">
                    <span>{move || lang.get().pick("Libellé (FR)", "Label (FR)")}</span>
                    <input type="text" value=d.label.fr.clone() on:input=move |e| { let v = event_target_value(&e); draft.update(|b| b.label.fr = v) } />
                </label>
                <label class="field">
                    <span>{move || lang.get().pick("Libellé (EN)", "Label (EN)")}</span>
                    <input type="text" value=d.label.en.clone() on:input=move |e| { let v = event_target_value(&e); draft.update(|b| b.label.en = v) } />
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="pricebook-illustrative" prop:checked=d.illustrative
                        on:change=move |e| { let v = event_target_checked(&e); draft.update(|b| b.illustrative = v) } />
                    {move || lang.get().pick("Illustrative (prix inventés, signalée à l'écran)", "Illustrative (invented prices, flagged on screen)")}
                </label>
                <div class="field">
                    <label for="pricebook-access-fee">{move || lang.get().pick("Frais d'accès (§9.2)", "Access fee (§9.2)")}</label>
                    <ParsedInput id="pricebook-access-fee" testid="pricebook-access-fee" initial=money_text(d.access_fee) parse=money
                        on_valid=move |m| draft.update(|b| b.access_fee = m) />
                </div>
                <div class="field">
                    <label for="pricebook-minimum">{move || lang.get().pick("Minimum mensuel (§9.2)", "Monthly minimum (§9.2)")}</label>
                    <ParsedInput id="pricebook-minimum" testid="pricebook-minimum" initial=money_text(d.monthly_minimum) parse=money
                        on_valid=move |m| draft.update(|b| b.monthly_minimum = m) />
                </div>
            </div>

            <h3>{move || lang.get().pick("Paliers d'engagement (§7)", "Commitment tiers (§7)")}</h3>
            <table class="lines">
                <thead><tr><Th fr="Mois" en="Months" num=true /><Th fr="Remise (%)" en="Discount (%)" num=true /><th></th></tr></thead>
                <tbody>
                    {move || (0..tier_count()).map(|i| {
                        let t = draft.with_untracked(|b| b.commitment_tiers[i]);
                        view! {
                            <tr data-testid="pricebook-tier">
                                <td class="num"><ParsedInput id=format!("tier-months-{i}") testid="pricebook-tier-months" class="qty-input" initial=t.months.to_string()
                                    label=lang.get_untracked().pick("Mois du palier", "Tier months")
                                    parse=|s: &str| parse_whole(s).map_err(FieldError::Number)
                                    on_valid=move |m| draft.update(|b| if let Some(x) = b.commitment_tiers.get_mut(i) { x.months = m }) /></td>
                                <td class="num"><ParsedInput id=format!("tier-discount-{i}") testid="pricebook-tier-discount" class="qty-input" initial=t.discount_percent.normalize().to_string()
                                    label=lang.get_untracked().pick("Remise du palier (%)", "Tier discount (%)")
                                    parse=|s: &str| parse_decimal(s).map_err(FieldError::Number)
                                    on_valid=move |p: Decimal| draft.update(|b| if let Some(x) = b.commitment_tiers.get_mut(i) { x.discount_percent = p }) /></td>
                                <td><RemoveButton on_remove=move || draft.update(|b| { if i < b.commitment_tiers.len() { b.commitment_tiers.remove(i); } }) /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="actions">
                <button type="button" data-testid="pricebook-tier-add" on:click=move |_| draft.update(|b| {
                    let months = b.commitment_tiers.last().map_or(12, |t| t.months + 12);
                    b.commitment_tiers.push(CommitmentTier { months, discount_percent: Decimal::ZERO });
                })>{move || lang.get().pick("+ Palier", "+ Tier")}</button>
            </div>

            <h3>{move || lang.get().pick("Articles du catalogue", "Catalogue items")}</h3>
            <div class="table-scroll">
                <table class="lines pricebook-items">
                    <thead><tr>
                        <Th fr="Code" en="Code" /><Th fr="Désignation" en="Name" /><Th fr="Famille" en="Family" />
                        <Th fr="Unité / facturation" en="Unit / billing" /><Th fr="Prix" en="Price" num=true /><Th fr="Palier" en="Tiered" /><th></th>
                    </tr></thead>
                    <tbody>
                        <For each=item_codes key=|c| c.clone() let:code>
                            <ItemRow draft code />
                        </For>
                    </tbody>
                </table>
            </div>

            <div class="actions add-item">
                <label class="field">
                    <span>{move || lang.get().pick("Nouveau code", "New code")}</span>
                    <input type="text" data-testid="pricebook-new-code" prop:value=move || new_code.get()
                        on:input=move |e| new_code.set(event_target_value(&e)) />
                </label>
                <label class="field">
                    <span>{move || lang.get().pick("Copie de", "Copy of")}</span>
                    <select data-testid="pricebook-copy-of" on:change=move |e| copy_of.set(event_target_value(&e))>
                        {move || item_codes().into_iter().map(|c| {
                            let selected = copy_of.with(|x| *x == c);
                            view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="pricebook-item-add"
                    disabled=move || new_code.with(|c| c.trim().is_empty())
                    on:click=move |_| {
                        let code = new_code.get_untracked().trim().to_string();
                        let source = copy_of.get_untracked();
                        if draft.with_untracked(|b| b.items.iter().any(|i| i.code == code)) {
                            add_error.set(Some(code));
                            return;
                        }
                        add_error.set(None);
                        draft.update(|b| {
                            if let Some(mut item) = b.items.iter().find(|i| i.code == source).cloned() {
                                item.code = code;
                                b.items.push(item);
                            }
                        });
                        new_code.set(String::new());
                    }>
                    {move || lang.get().pick("+ Article (copie, à renommer et chiffrer)", "+ Item (a copy, to rename and price)")}
                </button>
                {move || add_error.get().map(|c| view! {
                    <span class="field-error" role="alert" data-testid="pricebook-add-error">
                        {format!("« {c} » {}", lang.get().pick("est déjà un code de la grille.", "is already a code of the book."))}
                    </span>
                })}
            </div>

            <h3>{move || lang.get().pick("Support (§9.5), jetons (§6), tickets (§9.6)", "Support (§9.5), tokens (§6), tickets (§9.6)")}</h3>
            <div class="grid-3">
                <table class="lines">
                    <thead><tr><Th fr="Niveau × chaîne" en="Level × chain" /><Th fr="Par mois" en="Per month" num=true /></tr></thead>
                    <tbody>
                        {d.support.clone().into_iter().enumerate().map(|(i, s)| view! {
                            <tr>
                                <td>{move || format!("{} × {}", s.level.label(lang.get()), s.chain.label(lang.get()))}</td>
                                <td class="num"><ParsedInput id=format!("support-fee-{i}") testid="pricebook-support-fee" class="qty-input" initial=money_text(s.monthly)
                                    label=format!("{} {} {}", lang.get_untracked().pick("Support", "Support"), s.level.label(lang.get_untracked()), s.chain.label(lang.get_untracked()))
                                    parse=money on_valid=move |m| draft.update(|b| if let Some(x) = b.support.get_mut(i) { x.monthly = m }) /></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <table class="lines">
                    <thead><tr><Th fr="Jeton à l'usage" en="Token, pay as you go" /><Th fr="Prix" en="Price" num=true /></tr></thead>
                    <tbody>
                        {d.tokens.clone().into_iter().enumerate().map(|(i, t)| view! {
                            <tr>
                                <td>{move || t.chain.label(lang.get())}</td>
                                <td class="num"><ParsedInput id=format!("token-price-{i}") testid="pricebook-token-price" class="qty-input" initial=money_text(t.on_demand)
                                    label=format!("{} {}", lang.get_untracked().pick("Jeton", "Token"), t.chain.label(lang.get_untracked()))
                                    parse=money on_valid=move |m| draft.update(|b| if let Some(x) = b.tokens.get_mut(i) { x.on_demand = m }) /></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <table class="lines">
                    <thead><tr><Th fr="Ticket" en="Ticket" /><Th fr="Prix" en="Price" num=true /></tr></thead>
                    <tbody>
                        {d.tickets.clone().into_iter().enumerate().map(|(i, t)| view! {
                            <tr>
                                <td>{move || t.class.label(lang.get())}</td>
                                <td class="num"><ParsedInput id=format!("ticket-price-{i}") testid="pricebook-ticket-price" class="qty-input" initial=money_text(t.price)
                                    label=format!("{} {}", lang.get_untracked().pick("Ticket", "Ticket"), t.class.label(lang.get_untracked()))
                                    parse=money on_valid=move |m| draft.update(|b| if let Some(x) = b.tickets.get_mut(i) { x.price = m }) /></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn ItemRow(draft: RwSignal<PriceBook>, code: String) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let Some(item) = draft.with_untracked(|b| b.items.iter().find(|i| i.code == code).cloned())
    else {
        return ().into_any();
    };
    let code = StoredValue::new(code);
    let edit = move |f: &dyn Fn(&mut crate::engine::document::pricebook::PriceItem)| {
        code.with_value(|c| {
            draft.update(|b| {
                if let Some(i) = b.items.iter_mut().find(|i| &i.code == c) {
                    f(i)
                }
            })
        })
    };
    let l = lang.get_untracked();
    view! {
        <tr data-testid="pricebook-item" data-code=item.code.clone()>
            <td><code>{item.code.clone()}</code></td>
            <td>
                <input type="text" data-testid="pricebook-item-name" value=item.name.fr.clone()
                    aria-label=format!("{} {}", l.pick("Désignation (FR) de", "Name (FR) of"), item.code)
                    on:input=move |e| { let v = event_target_value(&e); edit(&|i| i.name.fr = v.clone()) } />
                <span class="line-detail">{text(&item.name, Lang::En)}</span>
            </td>
            <td>{move || item.family.label(lang.get())}</td>
            <td>{move || format!("{} · {}", item.unit.label(lang.get()), item.charge.label(lang.get()))}</td>
            <td class="num">
                <ParsedInput id=format!("item-price-{}", item.code) testid="pricebook-item-price" class="qty-input" initial=money_text(item.price)
                    label=format!("{} {}", l.pick("Prix de", "Price of"), item.code)
                    parse=|t: &str| Money::parse(t).map_err(FieldError::Number)
                    on_valid=move |m| edit(&|i| i.price = m) />
            </td>
            <td>
                <input type="checkbox" prop:checked=item.tiered aria-label=format!("{} {}", l.pick("Remise de palier pour", "Tier discount for"), item.code)
                    on:change=move |e| { let v = event_target_checked(&e); edit(&|i| i.tiered = v) } />
            </td>
            <td>
                <RemoveButton testid="pricebook-item-remove" on_remove=move || code.with_value(|c| draft.update(|b| b.items.retain(|i| &i.code != c))) />
            </td>
        </tr>
    }
    .into_any()
}
