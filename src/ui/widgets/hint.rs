//! An explanatory paragraph in the user's language.

use leptos::prelude::*;

use crate::ui::state::use_state;

/// An explanatory paragraph under a card's title.
#[component]
pub fn Hint(fr: &'static str, en: &'static str) -> impl IntoView {
    let lang = use_state().lang;
    view! { <p class="hint">{move || lang.get().pick(fr, en)}</p> }
}
