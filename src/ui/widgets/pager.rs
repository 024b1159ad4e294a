//! Long tables by pages (issue 19): "lines 1–50 of 1,000", previous and
//! next. The page holds a bounded number of rows whatever the quote's size,
//! so opening or editing a quote of thousands of lines stays fast.

use leptos::prelude::*;

use crate::ui::format::count;
use crate::ui::state::use_state;

/// Rows per page of a long table.
pub const PAGE: usize = 50;

/// The number of pages of `total` rows (one, even when empty).
pub fn pages(total: usize, size: usize) -> usize {
    total.div_ceil(size.max(1)).max(1)
}

/// The rows `[from, to)` shown on `page`, clamped to the last page.
pub fn page_range(total: usize, page: usize, size: usize) -> (usize, usize) {
    let size = size.max(1);
    let page = page.min(pages(total, size) - 1);
    let from = page * size;
    (from, (from + size).min(total))
}

/// The pager above a long table; nothing when every row fits on one page.
/// `fr`/`en` name the rows ("Lignes", "Lines"); the test ids are
/// `{testid}`, `{testid}-range`, `{testid}-prev` and `{testid}-next`.
#[component]
pub fn Pager(
    #[prop(into)] total: Signal<usize>,
    page: RwSignal<usize>,
    testid: &'static str,
    fr: &'static str,
    en: &'static str,
) -> impl IntoView {
    let lang = use_state().lang;
    let last = move || pages(total.get(), PAGE) - 1;
    let current = move || page.get().min(last());
    let at_start = move || current() == 0;
    let at_end = move || current() >= last();
    let range = move || {
        let l = lang.get();
        let total = total.get();
        let (from, to) = page_range(total, page.get(), PAGE);
        format!(
            "{} {}–{} {} {}",
            l.pick(fr, en),
            count(from + 1, l),
            count(to, l),
            l.pick("sur", "of"),
            count(total, l)
        )
    };
    view! {
        <Show when=move || { total.get() > PAGE }>
            <div class="pager" role="group" data-testid=testid aria-label=move || lang.get().pick(fr, en)>
                <button
                    type="button"
                    data-testid=format!("{testid}-first")
                    disabled=at_start
                    on:click=move |_| page.set(0)
                >
                    {move || lang.get().pick("« Début", "« First")}
                </button>
                <button
                    type="button"
                    data-testid=format!("{testid}-prev")
                    disabled=at_start
                    on:click=move |_| page.set(current().saturating_sub(1))
                >
                    {move || lang.get().pick("‹ Précédentes", "‹ Previous")}
                </button>
                <span data-testid=format!("{testid}-range") aria-live="polite">{range}</span>
                <button
                    type="button"
                    data-testid=format!("{testid}-next")
                    disabled=at_end
                    on:click=move |_| page.set((current() + 1).min(last()))
                >
                    {move || lang.get().pick("Suivantes ›", "Next ›")}
                </button>
                <button
                    type="button"
                    data-testid=format!("{testid}-last")
                    disabled=at_end
                    on:click=move |_| page.set(last())
                >
                    {move || lang.get().pick("Fin »", "Last »")}
                </button>
            </div>
        </Show>
    }
}
