//! The other exports: priced lines and schedule as CSV, the price book.

use leptos::prelude::*;

use super::exports::{export_book, export_csv};
use crate::ui::session::use_session;
use crate::ui::state::use_state;

#[component]
pub fn MoreExports() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    let decimal_comma = RwSignal::new(true);
    view! {
        <details class="exports">
            <summary>{move || lang.get().pick("Autres exports", "More exports")}</summary>
            <div class="exports-menu">
                <label class="check">
                    <input type="checkbox" data-testid="csv-decimal-comma" prop:checked=move || decimal_comma.get()
                        on:change=move |e| decimal_comma.set(event_target_checked(&e)) />
                    {move || lang.get().pick("CSV pour tableur français (virgule décimale, « ; »)", "CSV for French spreadsheets (decimal comma, “;”)")}
                </label>
                <button type="button" data-testid="export-lines-csv" on:click=move |_| export_csv(state, session, decimal_comma.get_untracked(), false)>
                    {move || lang.get().pick("Lignes chiffrées (CSV)", "Priced lines (CSV)")}
                </button>
                <button type="button" data-testid="export-schedule-csv" on:click=move |_| export_csv(state, session, decimal_comma.get_untracked(), true)>
                    {move || lang.get().pick("Échéancier (CSV)", "Invoice schedule (CSV)")}
                </button>
                <button type="button" data-testid="export-book" on:click=move |_| export_book(state, session)>
                    {move || lang.get().pick("Grille tarifaire (JSON)", "Price book (JSON)")}
                </button>
            </div>
        </details>
    }
}
