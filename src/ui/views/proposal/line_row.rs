//! One service line: name and details, options, unit price, quantity,
//! amount.

use std::collections::HashMap;

use leptos::prelude::*;

use super::line_life::LineLife;
use super::line_options::LineOptions;
use super::row_model::RowModel;
use crate::engine::document::catalog::{Charge, Family};
use crate::engine::document::model_prices::PriceBasis;
use crate::engine::document::pricebook::PriceItem;
use crate::engine::document::quote::LineId;
use crate::engine::lang::Lang;
use crate::engine::money::Quantity;
use crate::engine::pricing::rules;
use crate::engine::pricing::{Location, PricedLine};
use crate::ui::format::{date, text};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn LineRow(
    id: LineId,
    rows: StoredValue<HashMap<LineId, RowModel>>,
    lots: Memo<Vec<(u32, String)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let row = quote.with_untracked(|q| {
        state
            .priced
            .with_untracked(|p| RowModel::new(id, q, p.as_ref()))
    });
    rows.update_value(|rows| {
        rows.insert(id, row);
    });
    on_cleanup(move || {
        // The map may already be gone with the whole list.
        let _ = rows.try_update_value(|rows| rows.remove(&id));
    });
    let (code, initial, initial_order) = row.line.with_untracked(|l| {
        l.as_ref()
            .map(|l| (l.item.clone(), l.quantity.to_string(), l.ordered_on))
            .unwrap_or_default()
    });
    let item = state.book.with(|b| b.item(&code).cloned());
    let buildable = item.as_ref().is_some_and(|i| i.build.is_some());
    // SPEC §14: a monthly line may end early or change quantity.
    let monthly = item.as_ref().is_some_and(|i| i.charge == Charge::Monthly);
    // §4.1: a managed service unit that No Build leaves unmanaged.
    let needs_build = item.as_ref().is_some_and(PriceItem::needs_build);
    let may_use: Vec<Family> = item
        .as_ref()
        .map(|i| rules::may_use(i.family).to_vec())
        .unwrap_or_default();
    let name = {
        let item = item.clone();
        let code = code.clone();
        move || match &item {
            Some(i) => text(&i.name, lang.get()),
            None => code.clone(),
        }
    };
    let priced = row.priced;
    let detail = {
        let item = item.clone();
        move || {
            item.as_ref().map(|i| {
                let l = lang.get();
                line_detail(i, priced.get(), l)
            })
        }
    };
    let unit_price = move || {
        priced
            .get()
            .map(|p| p.unit_price.format(lang.get()))
            .or_else(|| item.as_ref().map(|i| i.price.format(lang.get())))
            .unwrap_or_else(|| "—".into())
    };
    // SPEC §15: where the price under the quote's model comes from.
    let quote = state.quote;
    let basis = move || {
        let l = lang.get();
        let model = quote.with(|q| q.model.label(l).to_owned());
        priced.get().and_then(|p| basis_text(&p, &model, l))
    };
    let amount = move || {
        priced
            .get()
            .map(|l| l.amount.format(lang.get()))
            .unwrap_or_else(|| "—".into())
    };
    let build_amount = move || {
        priced
            .get()
            .filter(|l| !l.build_amount.is_zero())
            .map(|l| {
                format!(
                    "{} {}",
                    lang.get().pick("Build", "Build"),
                    l.build_amount.format(lang.get())
                )
            })
            .unwrap_or_default()
    };
    let input_id = format!("qty-{}", id.0);
    view! {
        <tr data-testid="line-row" data-code=code>
            <td>
                <div class="line-name">{name}</div>
                <div class="line-detail">{detail}</div>
                <LineOptions id line=row.line buildable needs_build may_use lots initial_order />
                {monthly.then(|| view! { <LineLife id line=row.line priced=row.priced /> })}
                <IssueNote location=Location::Line(id) testid="line-issue" issues=row.issues />
            </td>
            <td class="num">{unit_price}{move || basis().map(|b| view! { <span class="line-detail" data-testid="price-basis">{b}</span> })}</td>
            <td class="num qty">
                <label for=input_id.clone() class="sr-only">{move || lang.get().pick("Quantité", "Quantity")}</label>
                <ParsedInput
                    id=input_id
                    testid="line-qty"
                    class="qty-input"
                    initial=initial
                    parse=move |t: &str| Quantity::parse(t, lang.get_untracked()).map_err(FieldError::Number)
                    on_valid=move |q| quote.update(|doc| doc.set_quantity(id, q))
                />
            </td>
            <td class="num amount">
                <span data-testid="line-amount">{amount}</span>
                <div class="line-detail" data-testid="line-build-amount">{build_amount}</div>
            </td>
            <td>
                <RemoveButton fr="Retirer la ligne" en="Remove line" testid="line-remove" on_remove=move || quote.update(|q| q.remove_line(id)) />
            </td>
        </tr>
    }
}

/// SPEC §15: `prix Co-Managed : −15 % (grille)`, `prix Co-Managed (article)`,
/// none when the model does not change the price.
fn basis_text(p: &PricedLine, model: &str, l: Lang) -> Option<String> {
    match p.price_basis {
        PriceBasis::Same => None,
        PriceBasis::ItemPrice => Some(format!(
            "{} {model} {}",
            l.pick("prix", "price"),
            l.pick("(propre à l'article)", "(the item's own)")
        )),
        PriceBasis::BookPercent { percent } => {
            let pct = percent.normalize().to_string().replace('-', "−");
            let pct = if pct.starts_with('−') {
                pct
            } else {
                format!("+{pct}")
            };
            let pct = if l == Lang::Fr {
                pct.replace('.', ",")
            } else {
                pct
            };
            Some(format!(
                "{} {model} : {pct} % ({})",
                l.pick("prix", "price"),
                l.pick("grille", "price book")
            ))
        }
    }
}

/// The line's billing, code and unit, clause, tier and start.
fn line_detail(i: &PriceItem, priced: Option<PricedLine>, l: Lang) -> String {
    let mut parts = vec![
        i.charge.label(l).to_owned(),
        format!("{} / {}", i.code, i.unit.label(l)),
    ];
    if let Some(c) = &i.clause {
        parts.push(c.clone());
    }
    if let Some(p) = priced {
        if let Some(t) = p.tier_months {
            parts.push(format!(
                "{} {t} {} (−{} %)",
                l.pick("palier", "tier"),
                l.pick("mois", "months"),
                p.discount_percent
            ));
        }
        // §9.2 (SPEC §14): a later order never gets a better tier than the
        // contract's own at signature.
        if let Some(from) = p.tier_capped_from {
            parts.push(format!(
                "{} {from} {}",
                l.pick(
                    "plafonné au palier du contrat (§9.2) au lieu de",
                    "capped at the contract's tier (§9.2) instead of"
                ),
                l.pick("mois", "months")
            ));
        }
        parts.push(format!(
            "{} {}",
            l.pick("début", "starts"),
            date(p.starts, l)
        ));
    }
    parts.join(" · ")
}
