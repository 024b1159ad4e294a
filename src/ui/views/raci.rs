//! Work in progress.

use leptos::prelude::*;

#[component]
pub fn RaciView() -> impl IntoView {
    view! { <section class="card"></section> }
}
