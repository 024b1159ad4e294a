//! The filter above a long list of lines (issue 19): by item code or
//! name, with how many lines it keeps.

use leptos::prelude::*;

use crate::ui::format::count;
use crate::ui::state::use_state;
use crate::ui::widgets::pager::PAGE;

/// Shown once the quote has more lines than a page (or while filtering).
#[component]
pub fn LinesFilter(
    filter: RwSignal<String>,
    page: RwSignal<usize>,
    total: Signal<usize>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let many = Memo::new(move |_| quote.with(|q| q.lines.len() > PAGE));
    view! {
        <Show when=move || many.get() || filter.with(|f| !f.is_empty())>
            <div class="lines-tools">
                <label for="lines-filter">{move || lang.get().pick("Filtrer (code ou nom)", "Filter (code or name)")}</label>
                <input
                    id="lines-filter"
                    type="search"
                    data-testid="lines-filter"
                    prop:value=move || filter.get()
                    on:input=move |ev| {
                        filter.set(event_target_value(&ev));
                        page.set(0);
                    }
                />
                <span class="hint" data-testid="lines-count">{move || {
                    let l = lang.get();
                    let all = quote.with(|q| q.lines.len());
                    let n = total.get();
                    if n == all {
                        format!("{} {}", count(all, l), l.pick("lignes", "lines"))
                    } else {
                        format!("{} {} {}", count(n, l), l.pick("lignes sur", "lines of"), count(all, l))
                    }
                }}</span>
            </div>
        </Show>
    }
}
