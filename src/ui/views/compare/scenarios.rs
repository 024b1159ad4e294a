//! Editing the quote's scenarios: the three models until the user
//! changes them, then the list kept in the quote.

use leptos::prelude::*;

use crate::engine::document::quote::Quote;
use crate::engine::document::scenario::Scenario;

/// The quote's scenarios, written into the quote so that edits stick.
pub fn edit_scenarios(quote: RwSignal<Quote>, f: impl FnOnce(&mut Vec<Scenario>)) {
    quote.update(|q| {
        if q.comparison.is_empty() {
            q.comparison = q.scenarios();
        }
        f(&mut q.comparison);
    });
}

pub fn edit_scenario(quote: RwSignal<Quote>, id: u32, f: impl FnOnce(&mut Scenario)) {
    edit_scenarios(quote, |list| {
        if let Some(s) = list.iter_mut().find(|s| s.id == id) {
            f(s);
        }
    });
}
