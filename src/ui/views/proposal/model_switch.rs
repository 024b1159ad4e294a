//! §2: switching the management model, remembering what the switch set
//! aside or restored.

use leptos::prelude::*;

use crate::engine::document::quote::ManagementModel;
use crate::engine::models::{self, ModelSwitch};
use crate::ui::state::AppState;

/// Makes `m` the quote's model; `last_switch` keeps what changed (none when
/// nothing did).
pub fn switch_model(
    state: AppState,
    last_switch: RwSignal<Option<ModelSwitch>>,
    m: ManagementModel,
) {
    let quote = state.quote;
    let change = quote.with_untracked(|q| state.book.with(|b| models::switch(q, b, m)));
    last_switch.set((!change.is_empty()).then_some(change));
    quote.update(|q| q.model = m);
}
