//! SPEC §10: the RACI matrix of the quote, editable by mouse and keyboard,
//! validated row by row, with the seed passage behind each default and the
//! differences between two models.
//!
//! Keyboard: the grid has one tab stop (roving tabindex); arrows move,
//! Home/End go to the first/last party, R A C I toggle a letter, Delete or
//! Backspace clears the cell.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::document::quote::{ManagementModel, Quote};
use crate::engine::document::raci::{Letter, Letters, Party};
use crate::engine::lang::Lang;
use crate::engine::responsibilities::{
    self, diff, dominant_build, matrix, matrix_for, validate, Matrix, RaciProblem,
};
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::remove_button::RemoveButton;

/// Sets a cell of the quote's current model.
fn set_cell(quote: RwSignal<Quote>, activity: &str, party: Party, letters: Letters) {
    quote.update(|q| {
        let (model, build) = (q.model, dominant_build(q));
        responsibilities::set_cell(&mut q.raci, model, build, activity, party, letters);
    });
}

fn party_name(m: &Matrix, party: Party, lang: Lang) -> String {
    if party == Party::ThirdParty && !m.third_party_name.trim().is_empty() {
        m.third_party_name.trim().to_string()
    } else {
        party.label(lang).to_string()
    }
}

fn letters_text(letters: Letters, lang: Lang) -> String {
    if letters.is_empty() {
        return lang.pick("aucune lettre", "no letter").into();
    }
    Letter::ALL
        .into_iter()
        .filter(|l| letters.has(*l))
        .map(|l| format!("{} ({})", l.char(), l.meaning(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Moves the keyboard focus to the cell at (`row`, `col`).
fn focus_cell(row: usize, col: usize) {
    let selector = format!("[data-cell=\"{row}-{col}\"]");
    if let Ok(Some(el)) = document().query_selector(&selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

#[component]
pub fn RaciView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let m = Memo::new(move |_| quote.with(matrix));
    let problems = Memo::new(move |_| m.with(validate));
    // The cell with the tab stop, and the one under the mouse.
    let active = RwSignal::new((0usize, 0usize));
    let hovered = RwSignal::new(None::<(usize, usize)>);
    let row_ids = move || m.with(|m| m.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    let new_label = RwSignal::new(String::new());
    let add = move || {
        let label = new_label.get_untracked();
        let mut added = false;
        quote.update(|q| added = q.raci.add_custom(&label).is_some());
        if added {
            new_label.set(String::new());
        }
    };
    view! {
        <section class="card raci" aria-labelledby="raci-title">
            <h2 id="raci-title">{move || lang.get().pick("Qui fait quoi (RACI, §10)", "Who does what (RACI, §10)")}</h2>
            <p class="raci-basis" data-testid="raci-basis">
                {move || {
                    let l = lang.get();
                    m.with(|m| format!(
                        "{} {} ; {} {} (§4.1). {}",
                        l.pick("Valeurs par défaut du modèle", "Defaults of the model"),
                        m.model.label(l),
                        l.pick("modèle de build le plus étendu du devis :", "the quote's most comprehensive build model:"),
                        m.build.label(l),
                        l.pick(
                            "Chaque case par défaut cite le passage du descriptif qui la justifie (survol ou focus). Vos modifications sont gardées par modèle.",
                            "Each default cell cites the passage of the service description behind it (hover or focus). Your edits are kept per model.",
                        ),
                    ))
                }}
            </p>
            <p class="raci-legend">
                {move || {
                    let l = lang.get();
                    Letter::ALL
                        .into_iter()
                        .map(|x| format!("{} = {}", x.char(), x.meaning(l)))
                        .collect::<Vec<_>>()
                        .join(" · ")
                }}
            </p>
            <div class="raci-status">
                <span data-testid="raci-problem-count" class:bad=move || problems.with(|p| !p.is_empty())>
                    {move || {
                        let l = lang.get();
                        match problems.with(Vec::len) {
                            0 => l.pick("Matrice valide : un A et au moins un R par activité.", "Valid matrix: one A and at least one R per activity.").to_string(),
                            n => format!("{n} {}", l.pick("problème(s) : voir les lignes marquées.", "problem(s): see the marked rows.")),
                        }
                    }}
                </span>
                <span class="edited-count" data-testid="raci-edited-count">
                    {move || {
                        let l = lang.get();
                        format!("{} {}", m.with(Matrix::edited), l.pick("case(s) modifiée(s)", "cell(s) edited"))
                    }}
                </span>
                <button
                    type="button"
                    class="secondary"
                    data-testid="raci-reset"
                    disabled=move || m.with(|m| m.rows.iter().all(|r| r.custom || r.cells.iter().all(|c| !c.edited)))
                    on:click=move |_| quote.update(|q| {
                        let model = q.model;
                        let custom: Vec<String> = q.raci.custom.iter().map(|c| c.id.clone()).collect();
                        // Custom activities keep their letters: only the defaults come back.
                        q.raci.overrides.retain(|o| o.model != model || custom.contains(&o.activity));
                    })
                >
                    {move || lang.get().pick("Revenir aux valeurs par défaut de ce modèle", "Back to this model's defaults")}
                </button>
            </div>
            <div class="raci-layout">
                <div class="table-scroll">
                    <table class="raci-grid" role="grid" data-testid="raci-table" aria-labelledby="raci-title">
                        <thead>
                            <tr>
                                <th scope="col">{move || lang.get().pick("Activité", "Activity")}</th>
                                <th scope="col">{move || Party::Client.label(lang.get())}</th>
                                <th scope="col">{move || Party::Provider.label(lang.get())}</th>
                                <Show when=move || m.with(|m| m.third_party)>
                                    <th scope="col">{move || m.with(|m| party_name(m, Party::ThirdParty, lang.get()))}</th>
                                </Show>
                                <th scope="col" class="problems-col">{move || lang.get().pick("Contrôle", "Check")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=row_ids key=|id| id.clone() let:id>
                                <RaciRow id m problems active hovered />
                            </For>
                        </tbody>
                    </table>
                </div>
                <CellPanel m active hovered />
            </div>
            <div class="raci-tools">
                <label class="field">
                    <span>{move || lang.get().pick("Nouvelle activité", "New activity")}</span>
                    <input
                        type="text"
                        data-testid="raci-add-label"
                        prop:value=move || new_label.get()
                        on:input=move |ev| new_label.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { add() }
                    />
                </label>
                <button type="button" class="secondary" data-testid="raci-add"
                    disabled=move || new_label.with(|t| t.trim().is_empty())
                    on:click=move |_| add()>
                    {move || lang.get().pick("+ Ajouter l'activité", "+ Add the activity")}
                </button>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="raci-third-party"
                        prop:checked=move || m.with(|m| m.third_party)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            quote.update(|q| q.raci.third_party = on);
                        }
                    />
                    {move || lang.get().pick("Colonne tiers / éditeur (§3.1)", "Third party / vendor column (§3.1)")}
                </label>
                <Show when=move || m.with(|m| m.third_party)>
                    <label class="field">
                        <span>{move || lang.get().pick("Nom du tiers", "Third party's name")}</span>
                        <input
                            type="text"
                            data-testid="raci-third-party-name"
                            prop:value=move || m.with(|m| m.third_party_name.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                quote.update(|q| q.raci.third_party_name = v);
                            }
                        />
                    </label>
                </Show>
            </div>
        </section>
        <RaciDiff />
    }
}

#[component]
fn RaciRow(
    id: String,
    m: Memo<Matrix>,
    problems: Memo<Vec<RaciProblem>>,
    active: RwSignal<(usize, usize)>,
    hovered: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let id = StoredValue::new(id);
    let index = move || {
        m.with(|m| {
            id.with_value(|id| m.rows.iter().position(|r| &r.id == id))
                .unwrap_or(0)
        })
    };
    let row_problems = move || {
        problems.with(|p| {
            id.with_value(|id| {
                p.iter()
                    .filter(|x| &x.activity == id)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    let custom = move || m.with(|m| id.with_value(|id| m.row(id).is_some_and(|r| r.custom)));
    let label = move || {
        let l = lang.get();
        m.with(|m| {
            id.with_value(|id| {
                m.row(id)
                    .map(|r| r.label(l).to_string())
                    .unwrap_or_default()
            })
        })
    };
    let cell = move |party: Party, col: usize| {
        let letters = move || {
            m.with(|m| {
                id.with_value(|id| m.row(id).map(|r| r.cell(party).letters))
                    .unwrap_or_default()
            })
        };
        let edited =
            move || m.with(|m| id.with_value(|id| m.row(id).is_some_and(|r| r.cell(party).edited)));
        let title = move || {
            m.with(|m| {
                id.with_value(|id| {
                    m.row(id)
                        .and_then(|r| r.cell(party).source.clone())
                        .map(|s| format!("{} {} : « {} »", s.seed, s.clause, s.excerpt))
                })
            })
        };
        let aria = move || {
            let l = lang.get();
            // The visible letters first (WCAG 2.5.3), then what they mean.
            format!(
                "{} {} — {} : {}",
                letters(),
                label(),
                m.with(|m| party_name(m, party, l)),
                letters_text(letters(), l)
            )
        };
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            let (r, c) = (index(), col);
            let rows = m.with(|m| m.rows.len());
            let cols = if m.with(|m| m.third_party) { 3 } else { 2 };
            let key = ev.key();
            let moved = match key.as_str() {
                "ArrowUp" => Some((r.saturating_sub(1), c)),
                "ArrowDown" => Some(((r + 1).min(rows.saturating_sub(1)), c)),
                "ArrowLeft" => Some((r, c.saturating_sub(1))),
                "ArrowRight" => Some((r, (c + 1).min(cols - 1))),
                "Home" => Some((r, 0)),
                "End" => Some((r, cols - 1)),
                _ => None,
            };
            if let Some((nr, nc)) = moved {
                ev.prevent_default();
                active.set((nr, nc));
                focus_cell(nr, nc);
                return;
            }
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let current = letters();
            let next = match key.as_str() {
                "Delete" | "Backspace" => Some(Letters::NONE),
                k if k.chars().count() == 1 => k
                    .chars()
                    .next()
                    .and_then(Letter::from_char)
                    .map(|x| current.toggled(x)),
                _ => None,
            };
            if let Some(next) = next {
                ev.prevent_default();
                id.with_value(|id| set_cell(quote, id, party, next));
            }
        };
        view! {
            <td
                role="gridcell"
                class="raci-cell"
                class:edited=edited
                class:empty=move || letters().is_empty()
                data-testid="raci-cell"
                data-party=party.key()
                data-cell=move || format!("{}-{col}", index())
                tabindex=move || if active.get() == (index(), col) { "0" } else { "-1" }
                title=title
                aria-label=aria
                aria-describedby="raci-panel"
                on:focus=move |_| active.set((index(), col))
                on:click=move |_| active.set((index(), col))
                on:mouseenter=move |_| hovered.set(Some((index(), col)))
                on:mouseleave=move |_| hovered.set(None)
                on:keydown=on_key
            >
                {move || letters().to_string()}
            </td>
        }
    };
    view! {
        <tr
            data-testid="raci-row"
            data-activity=move || id.get_value()
            class:invalid=move || !row_problems().is_empty()
            class:custom=custom
        >
            <th scope="row">
                {label}
                <Show when=custom>
                    <RemoveButton
                        testid="raci-remove"
                        fr="Retirer cette activité"
                        en="Remove this activity"
                        on_remove=move || id.with_value(|id| quote.update(|q| q.raci.remove_custom(id)))
                    />
                </Show>
            </th>
            {cell(Party::Client, 0)}
            {cell(Party::Provider, 1)}
            <Show when=move || m.with(|m| m.third_party)>
                {cell(Party::ThirdParty, 2)}
            </Show>
            <td class="problems-col">
                {move || {
                    let l = lang.get();
                    row_problems()
                        .into_iter()
                        .map(|p| view! { <span class="raci-problem" data-testid="raci-problem" role="note">{p.message(l)}</span> })
                        .collect_view()
                }}
            </td>
        </tr>
    }
}

/// The selected (or hovered) cell: its letters, its default and source, and
/// buttons to edit it by mouse.
#[component]
fn CellPanel(
    m: Memo<Matrix>,
    active: RwSignal<(usize, usize)>,
    hovered: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let target = move || {
        let (r, c) = hovered.get().unwrap_or_else(|| active.get());
        m.with(|m| {
            let row = m.rows.get(r)?;
            let party = *m.parties().get(c)?;
            Some((row.clone(), party, party_name(m, party, lang.get())))
        })
    };
    view! {
        <aside class="raci-panel" id="raci-panel" data-testid="raci-source" aria-live="polite">
            {move || {
                let l = lang.get();
                let Some((row, party, name)) = target() else {
                    return view! { <p class="hint">{l.pick("Choisissez une case.", "Pick a cell.")}</p> }.into_any();
                };
                let c = row.cell(party).clone();
                let id = row.id.clone();
                let source = match &c.source {
                    Some(s) => view! {
                        <p class="source">
                            <span class="clause">{format!("{} {}", s.seed, s.clause)}</span>
                            <q lang="fr">{s.excerpt.clone()}</q>
                        </p>
                    }.into_any(),
                    None => view! { <p class="hint">{l.pick("Activité ajoutée : pas de source.", "Added activity: no source.")}</p> }.into_any(),
                };
                let buttons = Letter::ALL.into_iter().map(|x| {
                    let id = id.clone();
                    let pressed = c.letters.has(x);
                    view! {
                        <button
                            type="button"
                            class="letter"
                            data-testid=format!("raci-letter-{}", x.char())
                            aria-pressed=pressed.to_string()
                            title=x.meaning(l)
                            on:click=move |_| set_cell(quote, &id, party, c.letters.toggled(x))
                        >
                            {x.char().to_string()}
                        </button>
                    }
                }).collect_view();
                let clear_id = id.clone();
                let default_id = id.clone();
                view! {
                    <h3>{format!("{} — {name}", row.label(l))}</h3>
                    <p class="letters-now">
                        <strong>{if c.letters.is_empty() { "—".to_string() } else { c.letters.to_string() }}</strong>
                        " "
                        {Letter::ALL.into_iter().filter(|x| c.letters.has(*x)).map(|x| x.meaning(l)).collect::<Vec<_>>().join(", ")}
                    </p>
                    {c.edited.then(|| view! {
                        <p class="edited-note">
                            {format!("{} {}", l.pick("Modifié ; par défaut :", "Edited; default:"), if c.default.is_empty() { "—".to_string() } else { c.default.to_string() })}
                        </p>
                    })}
                    {source}
                    <div class="letter-buttons" role="group" aria-label=l.pick("Lettres de la case", "Letters of the cell")>
                        {buttons}
                        <button type="button" class="secondary" data-testid="raci-clear"
                            on:click=move |_| set_cell(quote, &clear_id, party, Letters::NONE)>
                            {l.pick("Vider", "Clear")}
                        </button>
                        <button type="button" class="secondary" data-testid="raci-default" disabled=!c.edited
                            on:click=move |_| set_cell(quote, &default_id, party, c.default)>
                            {l.pick("Par défaut", "Default")}
                        </button>
                    </div>
                    <p class="hint">{l.pick(
                        "Clavier : flèches pour se déplacer, R A C I pour basculer une lettre, Suppr pour vider.",
                        "Keyboard: arrows to move, R A C I to toggle a letter, Delete to clear.",
                    )}</p>
                }.into_any()
            }}
        </aside>
    }
}

/// The cells that differ between two models, for the quote's build model
/// and edits.
#[component]
fn RaciDiff() -> impl IntoView {
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
