//! SPEC §15: the draft's prices by management model: the book's percentage
//! per model and family (empty: the model does not change the price). An
//! item's own price under a model is in its row.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::document::catalog::Family;
use crate::engine::document::management_model::ManagementModel;
use crate::engine::document::pricebook::PriceBook;
use crate::engine::money::parse_decimal;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;

/// The models a book may price differently from Fully Managed's prices.
pub const OTHER_MODELS: [ManagementModel; 2] =
    [ManagementModel::CoManaged, ManagementModel::FullDevOps];

#[component]
pub fn ModelTerms(draft: RwSignal<PriceBook>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let rows = move || {
        let l = lang.get_untracked();
        Family::ALL
            .into_iter()
            .enumerate()
            .map(|(fi, family)| {
                let cells = OTHER_MODELS
                    .into_iter()
                    .map(|model| {
                        let now = draft.with_untracked(|b| b.model_percent(model, family));
                        let set_percent = move |p: Option<Decimal>| {
                            draft.update(|b| b.set_model_percent(model, family, p))
                        };
                        let parse_percent = move |t: &str| {
                            if t.trim().is_empty() {
                                Ok(None)
                            } else {
                                parse_decimal(t, lang.get_untracked())
                                    .map(Some)
                                    .map_err(FieldError::Number)
                            }
                        };
                        view! {
                            <td class="num">
                                <ParsedInput id=format!("model-pct-{}-{fi}", model.key()) testid="pricebook-model-percent" class="qty-input"
                                    initial=now.map(|p| p.normalize().to_string()).unwrap_or_default()
                                    label=format!("{} — {} (%)", model.label(l), family.label(l))
                                    parse=parse_percent
                                    on_valid=set_percent />
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr data-testid="pricebook-model-row"><th scope="row">{family.label(l)}</th>{cells}</tr> }
            })
            .collect_view()
    };
    view! {
        <h3>{move || lang.get().pick("Prix par modèle de gestion (§15)", "Prices by management model (§15)")}</h3>
        <p class="hint">{move || lang.get().pick(
            "Pourcentage sur le prix de l'article par modèle et famille (−15 = 15 % de moins) ; vide : le modèle ne change pas le prix. Le prix propre d'un article sous un modèle (colonne de l'article) passe avant. La grille illustrative montre −15 % en Co-Managed sur les unités de run : valeurs illustratives.",
            "Percentage on the item's price per model and family (−15 = 15 % less); empty: the model does not change the price. An item's own price under a model (the item's column) comes first. The illustrative book shows −15 % under Co-Managed on run units: illustrative values.",
        )}</p>
        <div class="table-scroll">
            <table class="lines" data-testid="pricebook-model-terms">
                <thead><tr>
                    <th scope="col">{move || lang.get().pick("Famille", "Family")}</th>
                    {OTHER_MODELS.into_iter().map(|m| view! { <th scope="col" class="num">{move || format!("{} (%)", m.label(lang.get()))}</th> }).collect_view()}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
