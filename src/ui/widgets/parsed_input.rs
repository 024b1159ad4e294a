//! A text input that keeps what the user typed and only passes values that
//! parse; otherwise it shows a field error and the document is untouched.

use leptos::prelude::*;

use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;

#[component]
pub fn ParsedInput<T, P, V>(
    /// The element id, for its `<label for>`.
    #[prop(into)]
    id: String,
    #[prop(into)] testid: String,
    /// The text shown at first (the document's current value).
    #[prop(into)]
    initial: String,
    parse: P,
    on_valid: V,
    #[prop(optional, into)] class: String,
    /// The accessible name, when no `<label for>` names the field.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView
where
    T: 'static,
    P: Fn(&str) -> Result<T, FieldError> + 'static,
    V: Fn(T) + 'static,
{
    let state = use_state();
    let text = RwSignal::new(initial);
    let error = RwSignal::new(None::<FieldError>);
    let error_id = format!("{id}-error");
    let error_testid = format!("{testid}-error");
    let described_by = error_id.clone();
    view! {
        <input
            type="text"
            inputmode="decimal"
            id=id
            class=class
            data-testid=testid
            aria-label=label
            class:invalid=move || error.with(Option::is_some)
            aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
            aria-describedby=described_by
            prop:value=move || text.get()
            on:input=move |ev| {
                let typed = event_target_value(&ev);
                match parse(&typed) {
                    Ok(value) => {
                        error.set(None);
                        on_valid(value);
                    }
                    Err(e) => error.set(Some(e)),
                }
                text.set(typed);
            }
        />
        <span class="field-error" id=error_id data-testid=error_testid role="alert">
            {move || error.get().map(|e| e.text(state.lang.get()))}
        </span>
    }
}
