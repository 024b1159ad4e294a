//! A column header in the user's language.

use leptos::prelude::*;

use crate::ui::state::use_state;

/// A column header in the user's language; `num` right-aligns it.
#[component]
pub fn Th(fr: &'static str, en: &'static str, #[prop(optional)] num: bool) -> impl IntoView {
    let lang = use_state().lang;
    view! { <th scope="col" class:num=num>{move || lang.get().pick(fr, en)}</th> }
}
