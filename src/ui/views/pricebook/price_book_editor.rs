//! The price book editor (issue 6): the book in use (the built-in,
//! illustrative one, or the user's), import and export, and a draft to edit
//! (identity, fees, tiers, items, support, tokens, tickets) that is checked
//! before it replaces the book in use.

use leptos::prelude::*;

use super::draft_editor::DraftEditor;
use crate::engine::document::pricebook::PriceBook;
use crate::ui::browser;
use crate::ui::session::price_book::activate;
use crate::ui::session::use_session;
use crate::ui::state::use_state;

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
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
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
                Err(e) => Err(e.message(l)),
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
            session.notify(true, e.message(lang.get_untracked()));
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
