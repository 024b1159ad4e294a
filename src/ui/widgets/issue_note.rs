//! The messages the engine attached to one place of the quote.

use leptos::prelude::*;

use crate::engine::pricing::Location;
use crate::ui::format::issues_at;
use crate::ui::state::use_state;

#[component]
pub fn IssueNote(location: Location, #[prop(into)] testid: String) -> impl IntoView {
    let state = use_state();
    view! {
        <div class="row-note" data-testid=testid role="status">
            {move || state.priced.with(|p| issues_at(p, location, state.lang.get()))}
        </div>
    }
}
