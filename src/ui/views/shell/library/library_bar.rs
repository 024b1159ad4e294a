//! The bar under the header: the quotes of the library, undo and redo,
//! share link, import and export; the conflict banner and the notices.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::files::csv::{lines_csv, schedule_csv, CsvOptions};
use crate::engine::files::share::{builtin_ref, encode, SharedBook};
use crate::ui::browser;
use crate::ui::session::library::file_stem;
use crate::ui::session::use_session;
use crate::ui::state::use_state;

#[component]
pub fn LibraryBar() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    let share = RwSignal::new(None::<Result<String, String>>);
    let decimal_comma = RwSignal::new(true);
    let current_name = move || {
        let id = session.current.get();
        session
            .index
            .with(|i| {
                i.entries
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.name.clone())
            })
            .unwrap_or_default()
    };
    let save_status = move || {
        let l = lang.get();
        if let Some(e) = session.save_error.get() {
            return format!(
                "{} {e}",
                l.pick("Enregistrement impossible :", "Cannot save:")
            );
        }
        if session.conflict.get() {
            return l.pick("Enregistrement suspendu", "Saving suspended").into();
        }
        let id = session.current.get();
        let when = session
            .index
            .with(|i| {
                i.entries
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.updated.clone())
            })
            .unwrap_or_default();
        // ISO time: keep hours and minutes (UTC, as the browser gives it).
        let hm = when.get(11..16).unwrap_or("").to_string();
        format!(
            "{} {hm} UTC",
            l.pick(
                "Enregistré dans ce navigateur à",
                "Saved in this browser at"
            )
        )
    };

    // Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) outside text fields.
    let handle = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key()) {
            return;
        }
        let in_field = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field {
            return;
        }
        match (e.key().to_lowercase().as_str(), e.shift_key()) {
            ("z", false) => {
                e.prevent_default();
                session.undo(state);
            }
            ("z", true) | ("y", _) => {
                e.prevent_default();
                session.redo(state);
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());

    let make_link = move |_| {
        let l = lang.get_untracked();
        let result = state.quote.with_untracked(|q| {
            // The built-in book travels by reference, the user's whole.
            let shared = state.book.with_untracked(|b| {
                if state.builtin.with_value(|x| x == b) {
                    builtin_ref(b)
                } else {
                    SharedBook::Embedded {
                        book: Box::new(b.clone()),
                    }
                }
            });
            encode(q, shared)
                .map(|link| format!("{}#{link}", browser::base_url()))
                .map_err(|e| e.message(l))
        });
        share.set(Some(result));
    };
    let export_json = move || {
        let l = lang.get_untracked();
        let json = state.quote.with_untracked(|q| q.to_json());
        if let Err(e) = browser::download(
            &format!("{}.json", file_stem(session, l)),
            "application/json",
            &json,
        ) {
            session.notify(true, e);
        }
    };
    let export_csv = move |schedule: bool| {
        let l = lang.get_untracked();
        let options = CsvOptions {
            decimal_comma: decimal_comma.get_untracked(),
            lang: l,
        };
        let csv = state.priced.with_untracked(|p| {
            p.as_ref().map(|p| {
                if schedule {
                    schedule_csv(p, options)
                } else {
                    lines_csv(p, options)
                }
            })
        });
        let Some(csv) = csv else {
            session.notify(
                true,
                l.pick(
                    "Le devis ne peut pas être chiffré : rien à exporter.",
                    "The quote cannot be priced: nothing to export.",
                )
                .into(),
            );
            return;
        };
        let suffix = if schedule {
            l.pick("echeancier", "schedule")
        } else {
            l.pick("lignes", "lines")
        };
        if let Err(e) = browser::download(
            &format!("{}-{suffix}.csv", file_stem(session, l)),
            "text/csv;charset=utf-8",
            &format!("\u{feff}{csv}"),
        ) {
            session.notify(true, e);
        }
    };
    let export_book = move |_| {
        let json = state
            .book
            .with(|b| serde_json::to_string_pretty(b).unwrap_or_default());
        let name = state.book.with(|b| format!("grille-{}.json", b.version));
        if let Err(e) = browser::download(&name, "application/json", &json) {
            session.notify(true, e);
        }
    };
    let import = move |ev: ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_picked(&input).await {
                Ok((name, text)) => session.import(state, &name, &text),
                Err(e) => session.notify(true, e),
            }
            input.set_value("");
        });
    };

    view! {
        <div class="library-bar" data-testid="library-bar">
            <label class="inline">
                <span>{move || lang.get().pick("Devis", "Quote")}</span>
                <select
                    data-testid="library-select"
                    aria-label=move || lang.get().pick("Devis enregistrés", "Saved quotes")
                    on:change=move |e| {
                        let id = event_target_value(&e);
                        if id != session.current.get_untracked() {
                            session.open(state, &id);
                        }
                    }
                >
                    {move || {
                        let current = session.current.get();
                        session.index.get().entries.into_iter().map(|e| {
                            let selected = e.id == current;
                            view! { <option value=e.id.clone() selected=selected>{e.name.clone()}</option> }
                        }).collect_view()
                    }}
                </select>
            </label>
            <input
                type="text"
                class="name"
                data-testid="library-name"
                aria-label=move || lang.get().pick("Nom du devis", "Quote name")
                prop:value=current_name
                on:change=move |e| session.rename(&event_target_value(&e))
            />
            <button type="button" data-testid="library-new" on:click=move |_| {
                let l = lang.get_untracked();
                let start = state.quote.with_untracked(|q| q.start_date);
                let entries = session.index.get_untracked().entries;
                session.create(state, crate::engine::document::quote::Quote::new(start), crate::engine::files::library::unique_name(l.pick("Nouveau devis", "New quote"), &entries));
            }>{move || lang.get().pick("Nouveau", "New")}</button>
            <button type="button" data-testid="library-duplicate" on:click=move |_| session.duplicate(state)>
                {move || lang.get().pick("Dupliquer", "Duplicate")}
            </button>
            <button type="button" data-testid="library-delete" on:click=move |_| session.delete(state)>
                {move || lang.get().pick("Supprimer", "Delete")}
            </button>
            <span class="sep" aria-hidden="true"></span>
            <button type="button" data-testid="undo" disabled=move || !session.can_undo.get()
                title=move || lang.get().pick("Annuler (Ctrl+Z)", "Undo (Ctrl+Z)")
                on:click=move |_| session.undo(state)>
                {move || lang.get().pick("↶ Annuler", "↶ Undo")}
            </button>
            <button type="button" data-testid="redo" disabled=move || !session.can_redo.get()
                title=move || lang.get().pick("Rétablir (Ctrl+Y)", "Redo (Ctrl+Y)")
                on:click=move |_| session.redo(state)>
                {move || lang.get().pick("↷ Rétablir", "↷ Redo")}
            </button>
            <span class="sep" aria-hidden="true"></span>
            <button type="button" data-testid="open-proposal" on:click=move |_| session.proposal.update(|p| *p = !*p)>
                {move || if session.proposal.get() {
                    lang.get().pick("Retour à l'édition", "Back to editing")
                } else {
                    lang.get().pick("Proposition à imprimer", "Printable proposal")
                }}
            </button>
            <button type="button" data-testid="share-link" on:click=make_link>
                {move || lang.get().pick("Lien de partage", "Share link")}
            </button>
            <button type="button" data-testid="export-quote" on:click=move |_| export_json()>
                {move || lang.get().pick("Exporter (JSON)", "Export (JSON)")}
            </button>
            <label class="file-button">
                <span>{move || lang.get().pick("Importer…", "Import…")}</span>
                <input type="file" accept=".json,application/json" data-testid="import-quote" on:change=import />
            </label>
            <details class="exports">
                <summary>{move || lang.get().pick("Autres exports", "More exports")}</summary>
                <div class="exports-menu">
                    <label class="check">
                        <input type="checkbox" data-testid="csv-decimal-comma" prop:checked=move || decimal_comma.get()
                            on:change=move |e| decimal_comma.set(event_target_checked(&e)) />
                        {move || lang.get().pick("CSV pour tableur français (virgule décimale, « ; »)", "CSV for French spreadsheets (decimal comma, “;”)")}
                    </label>
                    <button type="button" data-testid="export-lines-csv" on:click=move |_| export_csv(false)>
                        {move || lang.get().pick("Lignes chiffrées (CSV)", "Priced lines (CSV)")}
                    </button>
                    <button type="button" data-testid="export-schedule-csv" on:click=move |_| export_csv(true)>
                        {move || lang.get().pick("Échéancier (CSV)", "Invoice schedule (CSV)")}
                    </button>
                    <button type="button" data-testid="export-book" on:click=export_book>
                        {move || lang.get().pick("Grille tarifaire (JSON)", "Price book (JSON)")}
                    </button>
                </div>
            </details>
            <span class="save-status" data-testid="save-status" class:bad=move || session.save_error.with(Option::is_some) || session.conflict.get()>
                {save_status}
            </span>
        </div>
        <Show when=move || session.conflict.get()>
            <div class="banner conflict" role="alert" data-testid="conflict">
                {move || lang.get().pick(
                    "Ce devis a été modifié dans un autre onglet. Rien n'a été écrasé : l'enregistrement est suspendu ici.",
                    "This quote was changed in another tab. Nothing was overwritten: saving is suspended here.",
                )}
                <button type="button" data-testid="conflict-theirs" on:click=move |_| session.load_theirs(state)>
                    {move || lang.get().pick("Charger leur version", "Load their version")}
                </button>
                <button type="button" data-testid="conflict-copy" on:click=move |_| session.keep_mine_as_copy(state)>
                    {move || lang.get().pick("Garder la mienne comme copie", "Keep mine as a copy")}
                </button>
            </div>
        </Show>
        {move || share.get().map(|r| match r {
            Ok(url) => view! {
                <div class="banner share" data-testid="share-panel">
                    <label>
                        <span>{move || lang.get().pick("Lien (tout le devis, sans serveur) :", "Link (the whole quote, no server):")}</span>
                        <input type="text" readonly data-testid="share-url" value=url.clone()
                            on:focus=move |e| {
                                if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    i.select();
                                }
                            } />
                    </label>
                    <span class="hint">{format!("{} {}", url.len(), lang.get_untracked().pick("caractères", "characters"))}</span>
                    <button type="button" class="icon" aria-label=move || lang.get().pick("Fermer", "Close") on:click=move |_| share.set(None)>"✕"</button>
                </div>
            }.into_any(),
            Err(message) => view! {
                <div class="banner error" role="alert" data-testid="share-error">
                    {message}
                    <button type="button" on:click=move |_| { share.set(None); export_json(); }>
                        {move || lang.get().pick("Exporter le fichier", "Export the file")}
                    </button>
                    <button type="button" class="icon" aria-label=move || lang.get().pick("Fermer", "Close") on:click=move |_| share.set(None)>"✕"</button>
                </div>
            }.into_any(),
        })}
        <ul class="notices" data-testid="notices" aria-live="polite">
            <For each=move || session.notices.get() key=|n| n.id let:n>
                <li class="notice" class:error=n.error data-testid="notice">
                    <span>{n.text.clone()}</span>
                    {n.restore.is_some().then(|| view! {
                        <button type="button" data-testid="notice-restore" on:click=move |_| session.restore(state, n.id)>
                            {move || lang.get().pick("Annuler la suppression", "Undo the deletion")}
                        </button>
                    })}
                    <button type="button" class="icon" data-testid="notice-dismiss"
                        aria-label=move || lang.get().pick("Fermer le message", "Dismiss the message")
                        on:click=move |_| session.dismiss(n.id)>"✕"</button>
                </li>
            </For>
        </ul>
    }
}
