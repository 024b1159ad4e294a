//! A date field: only a valid date reaches the document.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::format::parse_date;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;

#[component]
pub fn DateInput<V>(
    #[prop(into)] id: String,
    #[prop(into)] testid: String,
    initial: Option<NaiveDate>,
    on_valid: V,
    /// Whether an empty field means "no date" (passes `None`).
    #[prop(optional)]
    optional: bool,
) -> impl IntoView
where
    V: Fn(Option<NaiveDate>) + 'static,
{
    let state = use_state();
    let error = RwSignal::new(None::<FieldError>);
    let error_id = format!("{id}-error");
    let error_testid = format!("{testid}-error");
    let described_by = error_id.clone();
    let value = initial
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    view! {
        <input
            type="date"
            id=id
            data-testid=testid
            value=value
            class:invalid=move || error.with(Option::is_some)
            aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
            aria-describedby=described_by
            on:change=move |ev| {
                let typed = event_target_value(&ev);
                if optional && typed.trim().is_empty() {
                    error.set(None);
                    on_valid(None);
                    return;
                }
                match parse_date(&typed) {
                    Ok(d) => {
                        error.set(None);
                        on_valid(Some(d));
                    }
                    Err(e) => error.set(Some(e)),
                }
            }
        />
        <span class="field-error" id=error_id data-testid=error_testid role="alert">
            {move || error.get().map(|e| e.text(state.lang.get()))}
        </span>
    }
}
