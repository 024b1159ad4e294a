//! One planned change of support level: environment, date, level.

use leptos::prelude::*;

use crate::engine::document::quote::SupportChange;
use crate::engine::document::support::SupportLevel;
use crate::engine::pricing::Location;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn ChangeRow(id: u32) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let Some(change) =
        quote.with_untracked(|q| q.support_changes.iter().find(|c| c.id == id).copied())
    else {
        return ().into_any();
    };
    let update = move |f: &dyn Fn(&mut SupportChange)| {
        quote.update(|q| {
            if let Some(c) = q.support_changes.iter_mut().find(|c| c.id == id) {
                f(c)
            }
        })
    };
    let envs = move || quote.with(|q| q.environments.iter().map(|e| e.kind).collect::<Vec<_>>());
    let current = move || quote.with(|q| q.support_changes.iter().find(|c| c.id == id).copied());
    view! {
        <tr data-testid="support-change">
            <td>
                <select data-testid="support-change-env"
                    aria-label=move || lang.get().pick("Environnement", "Environment")
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(kind) = crate::engine::document::support::EnvironmentKind::ALL.into_iter().find(|k| k.key() == key) {
                            update(&|c| c.environment = kind);
                        }
                    }>
                    {move || envs().into_iter().map(|k| view! {
                        <option value=k.key() selected=move || current().is_some_and(|c| c.environment == k)>{k.label(lang.get())}</option>
                    }).collect_view()}
                </select>
                <IssueNote location=Location::SupportChange(id) testid="support-change-issue" />
            </td>
            <td>
                <DateInput id=format!("support-change-date-{id}") testid="support-change-date" initial=Some(change.date)
                    on_valid=move |d| if let Some(d) = d { update(&|c| c.date = d) } />
            </td>
            <td>
                <select data-testid="support-change-level"
                    aria-label=move || lang.get().pick("Niveau", "Level")
                    on:change=move |ev| if let Some(l) = SupportLevel::from_key(&event_target_value(&ev)) { update(&|c| c.level = l) }>
                    {SupportLevel::ALL.into_iter().map(|l| view! {
                        <option value=l.key() selected=move || current().is_some_and(|c| c.level == l)>{move || l.label(lang.get())}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <RemoveButton on_remove=move || quote.update(|q| q.support_changes.retain(|c| c.id != id)) />
            </td>
        </tr>
    }
    .into_any()
}
