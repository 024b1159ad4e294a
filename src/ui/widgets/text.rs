//! Bilingual static texts: a column header and a hint paragraph.

use leptos::prelude::*;

use crate::ui::state::use_state;

/// A column header in the user's language; `num` right-aligns it.
#[component]
pub fn Th(fr: &'static str, en: &'static str, #[prop(optional)] num: bool) -> impl IntoView {
    let lang = use_state().lang;
    view! { <th scope="col" class:num=num>{move || lang.get().pick(fr, en)}</th> }
}

/// An explanatory paragraph under a card's title.
#[component]
pub fn Hint(fr: &'static str, en: &'static str) -> impl IntoView {
    let lang = use_state().lang;
    view! { <p class="hint">{move || lang.get().pick(fr, en)}</p> }
}
