//! Work in progress.

use leptos::prelude::*;

#[component]
pub fn ComparisonView() -> impl IntoView {
    view! { <section class="card"></section> }
}
