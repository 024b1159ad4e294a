//! The quote screen: the proposal form beside its live totals.

use leptos::prelude::*;

use super::environments::Environments;
use super::lines::Lines;
use super::project_form::ProjectForm;
use super::totals::Totals;

#[component]
pub fn QuoteScreen() -> impl IntoView {
    view! {
        <div class="quote-screen">
            <div class="editor">
                <ProjectForm />
                <Environments />
                <Lines />
            </div>
            <aside class="summary">
                <Totals />
            </aside>
        </div>
    }
}
