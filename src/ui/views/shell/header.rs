//! The top bar: product name, price book label, language.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::ui::state::use_state;

#[component]
pub fn Header() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let book_label = move || {
        state.book.with(|b| {
            let label = match lang.get() {
                Lang::Fr => &b.label.fr,
                Lang::En => &b.label.en,
            };
            format!("{label} · v{} · {}", b.version, b.effective_date)
        })
    };
    let illustrative = state.book.with(|b| b.illustrative);
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◆"</span>
                <span class="name">
                    {move || lang.get().pick("Simulateur de devis — services cloud managés", "Quote simulator — managed cloud services")}
                </span>
            </div>
            <div class="pricebook" class:illustrative=illustrative data-testid="pricebook-label">
                {book_label}
            </div>
            <div class="lang" role="group" aria-label="Langue / Language">
                <button
                    type="button"
                    data-testid="lang-fr"
                    aria-pressed=move || (lang.get() == Lang::Fr).to_string()
                    on:click=move |_| lang.set(Lang::Fr)
                >"FR"</button>
                <button
                    type="button"
                    data-testid="lang-en"
                    aria-pressed=move || (lang.get() == Lang::En).to_string()
                    on:click=move |_| lang.set(Lang::En)
                >"EN"</button>
            </div>
        </header>
    }
}
