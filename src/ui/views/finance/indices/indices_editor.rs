//! §9.3: the index tables, one card per index.

use leptos::prelude::*;

use super::series_card::SeriesCard;
use crate::engine::finance::indices::IndexKind;

#[component]
pub fn IndicesEditor() -> impl IntoView {
    view! {
        {IndexKind::ALL.into_iter().map(|kind| view! { <SeriesCard kind /> }).collect_view()}
    }
}
