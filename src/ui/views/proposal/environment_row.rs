//! One environment: subscribed or not, its support level and monthly fee.

use leptos::prelude::*;

use crate::engine::document::support::{EnvironmentKind, SupportLevel};
use crate::engine::pricing::Location;
use crate::ui::state::use_state;
use crate::ui::widgets::issue_note::IssueNote;

#[component]
pub fn EnvironmentRow(kind: EnvironmentKind) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let level = move || quote.with(|q| q.environment(kind).map(|e| e.support));
    let checkbox_id = format!("env-{}", kind.key());
    let fee = move || {
        state.priced.with(|p| {
            p.as_ref()
                .and_then(|p| p.support.iter().find(|s| s.environment == kind))
                .map(|s| s.monthly.format(lang.get()))
                .unwrap_or_else(|| "—".into())
        })
    };
    view! {
        <tr data-testid=format!("env-{}", kind.key())>
            <td>
                <input
                    type="checkbox"
                    id=checkbox_id.clone()
                    data-testid=format!("env-{}-enabled", kind.key())
                    prop:checked=move || level().is_some()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        quote.update(|q| q.set_environment(kind, on.then_some(SupportLevel::Standard)));
                    }
                />
                <label for=checkbox_id>{move || kind.label(lang.get())}</label>
                <IssueNote location=Location::Environment(kind) testid=format!("env-{}-issue", kind.key()) />
            </td>
            <td>
                <select
                    data-testid=format!("env-{}-level", kind.key())
                    aria-label=move || format!("{} — {}", kind.label(lang.get()), lang.get().pick("niveau de support", "support level"))
                    disabled=move || level().is_none()
                    on:change=move |ev| {
                        if let Some(l) = SupportLevel::from_key(&event_target_value(&ev)) {
                            quote.update(|q| q.set_environment(kind, Some(l)));
                        }
                    }
                >
                    {SupportLevel::ALL
                        .into_iter()
                        .map(|l| view! {
                            <option value=l.key() selected=move || level() == Some(l)>
                                {move || l.label(lang.get())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </td>
            <td class="num">{fee}</td>
        </tr>
    }
}
