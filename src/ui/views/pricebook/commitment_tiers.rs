//! The draft's commitment tiers (§7): months and discount.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::document::pricebook::{CommitmentTier, PriceBook};
use crate::engine::money::{parse_decimal, parse_whole};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;
use crate::ui::widgets::th::Th;

#[component]
pub fn CommitmentTiers(draft: RwSignal<PriceBook>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let tier_count = move || draft.with(|b| b.commitment_tiers.len());
    view! {
        <h3>{move || lang.get().pick("Paliers d'engagement (§7)", "Commitment tiers (§7)")}</h3>
        <table class="lines">
            <thead><tr><Th fr="Mois" en="Months" num=true /><Th fr="Remise (%)" en="Discount (%)" num=true /><th></th></tr></thead>
            <tbody>
                {move || (0..tier_count()).map(|i| {
                    let t = draft.with_untracked(|b| b.commitment_tiers[i]);
                    view! {
                        <tr data-testid="pricebook-tier">
                            <td class="num"><ParsedInput id=format!("tier-months-{i}") testid="pricebook-tier-months" class="qty-input" initial=t.months.to_string()
                                label=lang.get_untracked().pick("Mois du palier", "Tier months")
                                parse=move |s: &str| parse_whole(s, lang.get_untracked()).map_err(FieldError::Number)
                                on_valid=move |m| draft.update(|b| if let Some(x) = b.commitment_tiers.get_mut(i) { x.months = m }) /></td>
                            <td class="num"><ParsedInput id=format!("tier-discount-{i}") testid="pricebook-tier-discount" class="qty-input" initial=t.discount_percent.normalize().to_string()
                                label=lang.get_untracked().pick("Remise du palier (%)", "Tier discount (%)")
                                parse=move |s: &str| parse_decimal(s, lang.get_untracked()).map_err(FieldError::Number)
                                on_valid=move |p: Decimal| draft.update(|b| if let Some(x) = b.commitment_tiers.get_mut(i) { x.discount_percent = p }) /></td>
                            <td><RemoveButton on_remove=move || draft.update(|b| { if i < b.commitment_tiers.len() { b.commitment_tiers.remove(i); } }) /></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <div class="actions">
            <button type="button" data-testid="pricebook-tier-add" on:click=move |_| draft.update(|b| {
                let months = b.commitment_tiers.last().map_or(12, |t| t.months + 12);
                b.commitment_tiers.push(CommitmentTier { months, discount_percent: Decimal::ZERO });
            })>{move || lang.get().pick("+ Palier", "+ Tier")}</button>
        </div>
    }
}
