//! One planned change: catalogue change, per year, off hours, accelerated.

use leptos::prelude::*;

use crate::engine::document::quote::PlannedChange;
use crate::engine::money::parse_whole;
use crate::engine::pricing::Location;
use crate::ui::format::text;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn ChangeRow(id: u32) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let Some(change) =
        quote.with_untracked(|q| q.tokens.changes.iter().find(|c| c.id == id).cloned())
    else {
        return ().into_any();
    };
    let update = move |f: &dyn Fn(&mut PlannedChange)| {
        quote.update(|q| {
            if let Some(c) = q.tokens.changes.iter_mut().find(|c| c.id == id) {
                f(c)
            }
        })
    };
    let current = move || quote.with(|q| q.tokens.changes.iter().find(|c| c.id == id).cloned());
    let catalogue = state.book.with(|b| b.changes.clone());
    let priced = move || {
        state.priced.with(|p| {
            p.as_ref().and_then(|p| {
                p.tokens
                    .changes
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| c.tokens_per_year)
            })
        })
    };
    view! {
        <tr data-testid="token-change">
            <td>
                <select data-testid="token-change-code" aria-label=move || lang.get().pick("Changement", "Change")
                    on:change=move |ev| { let v = event_target_value(&ev); update(&|c| c.change = v.clone()) }>
                    {catalogue.into_iter().map(|c| {
                        let code = c.code.clone();
                        let code2 = c.code.clone();
                        view! {
                            <option value=code selected=move || current().is_some_and(|x| x.change == code2)>
                                {move || format!("{} ({} {})", text(&c.name, lang.get()), c.tokens, lang.get().pick("jeton(s)", "token(s)"))}
                            </option>
                        }
                    }).collect_view()}
                </select>
                <IssueNote location=Location::TokenChange(id) testid="token-change-issue" />
            </td>
            <td class="num">
                <ParsedInput id=format!("per-year-{id}") testid="token-change-per-year" class="qty-input" initial=change.per_year.to_string()
                    parse=move |t: &str| parse_whole(t, lang.get_untracked()).map_err(FieldError::Number)
                    on_valid=move |n| update(&|c| c.per_year = n) />
            </td>
            <td>
                <input type="checkbox" data-testid="token-change-off-hours"
                    aria-label=move || lang.get().pick("Hors heures ouvrées", "Off hours")
                    prop:checked=move || current().is_some_and(|c| c.off_hours)
                    on:change=move |ev| { let on = event_target_checked(&ev); update(&|c| c.off_hours = on) } />
            </td>
            <td>
                <input type="checkbox" data-testid="token-change-accelerated"
                    aria-label=move || lang.get().pick("Accéléré", "Accelerated")
                    prop:checked=move || current().is_some_and(|c| c.accelerated)
                    on:change=move |ev| { let on = event_target_checked(&ev); update(&|c| c.accelerated = on) } />
            </td>
            <td class="num" data-testid="token-change-tokens">{move || priced().map(|t| t.to_string()).unwrap_or_else(|| "—".into())}</td>
            <td>
                <RemoveButton on_remove=move || quote.update(|q| q.tokens.changes.retain(|c| c.id != id)) />
            </td>
        </tr>
    }
    .into_any()
}
