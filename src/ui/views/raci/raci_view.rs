//! SPEC §10: the RACI matrix of the quote, editable by mouse and keyboard,
//! validated row by row, with the seed passage behind each default and the
//! differences between two models.
//!
//! Keyboard: the grid has one tab stop (roving tabindex); arrows move,
//! Home/End go to the first/last party, R A C I toggle a letter, Delete or
//! Backspace clears the cell.

use leptos::prelude::*;

use super::cell_panel::CellPanel;
use super::cells::party_name;
use super::effort_table::EffortTable;
use super::raci_diff::RaciDiff;
use super::raci_row::RaciRow;
use super::raci_status::RaciStatus;
use super::raci_tools::RaciTools;
use crate::engine::document::raci::{Letter, Party};
use crate::engine::responsibilities::{matrix, validate};
use crate::ui::state::use_state;

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
            <RaciStatus m problems />
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
            <RaciTools m />
        </section>
        <EffortTable />
        <RaciDiff />
    }
}
