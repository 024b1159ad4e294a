//! The helpers: the downtime a percentage allows, and deadlines in
//! covered hours.

use leptos::prelude::*;

use super::deadline_helper::DeadlineHelper;
use super::downtime_helper::DowntimeHelper;
use crate::ui::state::use_state;

/// The allowed downtime of a percentage, and deadlines in covered hours.
#[component]
pub fn Helpers() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <section class="card" aria-labelledby="helpers-title">
            <h2 id="helpers-title">{move || lang.get().pick("Aides", "Helpers")}</h2>
            <div class="helpers">
                <DowntimeHelper />
                <DeadlineHelper />
            </div>
        </section>
    }
}
