//! Work in progress.

use leptos::prelude::*;

#[component]
pub fn GuaranteesView() -> impl IntoView {
    view! { <section class="card"></section> }
}
