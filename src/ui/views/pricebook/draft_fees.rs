//! The draft's support fees (§9.5), token prices (§6) and ticket prices
//! (§9.6).

use leptos::prelude::*;

use super::money_text::money_text;
use crate::engine::document::pricebook::PriceBook;
use crate::engine::money::Money;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::th::Th;

#[component]
pub fn DraftFees(draft: RwSignal<PriceBook>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let d = draft.get_untracked();
    let money = move |t: &str| Money::parse(t, lang.get_untracked()).map_err(FieldError::Number);
    view! {
        <h3>{move || lang.get().pick("Support (§9.5), jetons (§6), tickets (§9.6)", "Support (§9.5), tokens (§6), tickets (§9.6)")}</h3>
        <div class="grid-3">
            <table class="lines">
                <thead><tr><Th fr="Niveau × chaîne" en="Level × chain" /><Th fr="Par mois" en="Per month" num=true /></tr></thead>
                <tbody>
                    {d.support.clone().into_iter().enumerate().map(|(i, s)| view! {
                        <tr>
                            <td>{move || format!("{} × {}", s.level.label(lang.get()), s.chain.label(lang.get()))}</td>
                            <td class="num"><ParsedInput id=format!("support-fee-{i}") testid="pricebook-support-fee" class="qty-input" initial=money_text(s.monthly)
                                label=format!("{} {} {}", lang.get_untracked().pick("Support", "Support"), s.level.label(lang.get_untracked()), s.chain.label(lang.get_untracked()))
                                parse=money on_valid=move |m| draft.update(|b| if let Some(x) = b.support.get_mut(i) { x.monthly = m }) /></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <table class="lines">
                <thead><tr><Th fr="Jeton à l'usage" en="Token, pay as you go" /><Th fr="Prix" en="Price" num=true /></tr></thead>
                <tbody>
                    {d.tokens.clone().into_iter().enumerate().map(|(i, t)| view! {
                        <tr>
                            <td>{move || t.chain.label(lang.get())}</td>
                            <td class="num"><ParsedInput id=format!("token-price-{i}") testid="pricebook-token-price" class="qty-input" initial=money_text(t.on_demand)
                                label=format!("{} {}", lang.get_untracked().pick("Jeton", "Token"), t.chain.label(lang.get_untracked()))
                                parse=money on_valid=move |m| draft.update(|b| if let Some(x) = b.tokens.get_mut(i) { x.on_demand = m }) /></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <table class="lines">
                <thead><tr><Th fr="Ticket" en="Ticket" /><Th fr="Prix" en="Price" num=true /></tr></thead>
                <tbody>
                    {d.tickets.clone().into_iter().enumerate().map(|(i, t)| view! {
                        <tr>
                            <td>{move || t.class.label(lang.get())}</td>
                            <td class="num"><ParsedInput id=format!("ticket-price-{i}") testid="pricebook-ticket-price" class="qty-input" initial=money_text(t.price)
                                label=format!("{} {}", lang.get_untracked().pick("Ticket", "Ticket"), t.class.label(lang.get_untracked()))
                                parse=money on_valid=move |m| draft.update(|b| if let Some(x) = b.tickets.get_mut(i) { x.price = m }) /></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
