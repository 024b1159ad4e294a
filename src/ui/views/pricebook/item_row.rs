//! One catalogue item of the draft: name, family, unit and billing, price,
//! tier discount.

use leptos::prelude::*;

use super::model_terms::OTHER_MODELS;
use super::money_text::money_text;
use crate::engine::document::pricebook::PriceBook;
use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::ui::format::text;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn ItemRow(draft: RwSignal<PriceBook>, code: String) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let Some(item) = draft.with_untracked(|b| b.items.iter().find(|i| i.code == code).cloned())
    else {
        return ().into_any();
    };
    let code = StoredValue::new(code);
    let edit = move |f: &dyn Fn(&mut crate::engine::document::pricebook::PriceItem)| {
        code.with_value(|c| {
            draft.update(|b| {
                if let Some(i) = b.items.iter_mut().find(|i| &i.code == c) {
                    f(i)
                }
            })
        })
    };
    let l = lang.get_untracked();
    view! {
        <tr data-testid="pricebook-item" data-code=item.code.clone()>
            <td><code>{item.code.clone()}</code></td>
            <td>
                <input type="text" data-testid="pricebook-item-name" value=item.name.fr.clone()
                    aria-label=format!("{} {}", l.pick("Désignation (FR) de", "Name (FR) of"), item.code)
                    on:input=move |e| { let v = event_target_value(&e); edit(&|i| i.name.fr = v.clone()) } />
                <span class="line-detail">{text(&item.name, Lang::En)}</span>
            </td>
            <td>{move || item.family.label(lang.get())}</td>
            <td>{move || format!("{} · {}", item.unit.label(lang.get()), item.charge.label(lang.get()))}</td>
            <td class="num">
                <ParsedInput id=format!("item-price-{}", item.code) testid="pricebook-item-price" class="qty-input" initial=money_text(item.price)
                    label=format!("{} {}", l.pick("Prix de", "Price of"), item.code)
                    parse=move |t: &str| Money::parse(t, lang.get_untracked()).map_err(FieldError::Number)
                    on_valid=move |m| edit(&|i| i.price = m) />
            </td>
            <td class="num">
                {OTHER_MODELS.into_iter().map(|model| {
                    let now = item.model_prices.iter().find(|p| p.model == model).map(|p| money_text(p.price)).unwrap_or_default();
                    let parse_price = move |t: &str| {
                        if t.trim().is_empty() {
                            Ok(None)
                        } else {
                            Money::parse(t, lang.get_untracked()).map(Some).map_err(FieldError::Number)
                        }
                    };
                    view! {
                        <ParsedInput id=format!("item-model-price-{}-{}", model.key(), item.code) testid="pricebook-item-model-price" class="qty-input" initial=now
                            label=format!("{} {} {}", l.pick("Prix propre sous", "Own price under"), model.label(l), item.code)
                            parse=parse_price
                            on_valid=move |m| edit(&|i| i.set_model_price(model, m)) />
                    }
                }).collect_view()}
            </td>
            <td>
                <input type="checkbox" prop:checked=item.tiered aria-label=format!("{} {}", l.pick("Remise de palier pour", "Tier discount for"), item.code)
                    on:change=move |e| { let v = event_target_checked(&e); edit(&|i| i.tiered = v) } />
            </td>
            <td>
                <RemoveButton testid="pricebook-item-remove" on_remove=move || code.with_value(|c| draft.update(|b| b.items.retain(|i| &i.code != c))) />
            </td>
        </tr>
    }
    .into_any()
}
