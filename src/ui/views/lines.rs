//! The service lines: pick from the catalogue, type a quantity, read the amount.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::engine::document::catalog::{BuildModel, Family};
use crate::engine::document::quote::{BuildBilling, LineId, Quote, QuoteLine};
use crate::engine::models;
use crate::engine::money::Quantity;
use crate::engine::pricing::rules;
use crate::engine::pricing::{Location, PricedLine, PricedQuote, QuoteIssue};
use crate::ui::format::{date, text};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;
use crate::ui::widgets::th::Th;

#[component]
pub fn Lines() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    // The picker starts on the first managed service (the OS, §7.1.2: every
    // other level needs it), not on governance.
    let first_code = state
        .book
        .with(|b| {
            b.items
                .iter()
                .find(|i| i.family == Family::Os)
                .or(b.items.first())
                .map(|i| i.code.clone())
        })
        .unwrap_or_default();
    let picked = RwSignal::new(first_code);
    let ids = move || quote.with(|q| q.lines.iter().map(|l| l.id).collect::<Vec<_>>());

    // Each row reads signals of its own, kept in step by one effect: an
    // edit re-renders only the rows whose line, price or messages changed.
    // (Hundreds of rows each subscribed to the whole quote made every edit
    // cost O(rows²) in the reactive graph: issue 7's latency profile.)
    let rows: StoredValue<HashMap<LineId, RowModel>> = StoredValue::new(HashMap::new());
    Effect::new(move |_| {
        quote.with(|q| {
            state.priced.with(|p| {
                let priced_lines: HashMap<LineId, &PricedLine> = p
                    .iter()
                    .flat_map(|p| p.lines.iter().map(|l| (l.id, l)))
                    .collect();
                rows.with_value(|rows| {
                    for line in &q.lines {
                        if let Some(row) = rows.get(&line.id) {
                            row.sync(line, priced_lines.get(&line.id).copied(), p.as_ref());
                        }
                    }
                })
            })
        })
    });
    let lots = Memo::new(move |_| {
        quote.with(|q| match &q.build_billing {
            Some(BuildBilling::Milestones { lots }) => lots
                .iter()
                .map(|l| (l.id, l.label.clone()))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    });

    // §2: the model decides which items may be quoted.
    let allowed = move |code: &str| {
        let model = quote.with(|q| q.model);
        state.book.with(|b| {
            b.item(code)
                .is_none_or(|i| models::line_allowed(model, i.family))
        })
    };
    let catalogue = move || {
        let lang = lang.get();
        let model = quote.with(|q| q.model);
        state.book.with(|b| {
            Family::ALL
                .into_iter()
                .filter(|f| b.items.iter().any(|i| i.family == *f))
                .map(|f| {
                    let options = b
                        .items
                        .iter()
                        .filter(|i| i.family == f)
                        .map(|i| {
                            let code = i.code.clone();
                            let selected = picked.with_untracked(|p| *p == code);
                            let ok = models::line_allowed(model, i.family);
                            let note = if ok {
                                ""
                            } else {
                                lang.pick(" (non vendu sous ce modèle, §2)", " (not sold under this model, §2)")
                            };
                            view! {
                                <option value=code selected=selected disabled=!ok>
                                    {format!("{} — {}{note}", text(&i.name, lang), i.price.format(lang))}
                                </option>
                            }
                        })
                        .collect_view();
                    view! { <optgroup label=f.label(lang)>{options}</optgroup> }
                })
                .collect_view()
        })
    };

    view! {
        <section class="card" aria-labelledby="lines-title">
            <h2 id="lines-title">{move || lang.get().pick("Services", "Services")}</h2>
            <div class="add-line">
                <label for="add-item" class="sr-only">
                    {move || lang.get().pick("Service du catalogue", "Catalogue service")}
                </label>
                <select
                    id="add-item"
                    data-testid="add-item-select"
                    on:change=move |ev| picked.set(event_target_value(&ev))
                >
                    {catalogue}
                </select>
                <button
                    type="button"
                    class="primary"
                    data-testid="add-item-button"
                    disabled=move || !picked.with(|p| allowed(p))
                    on:click=move |_| {
                        let code = picked.get_untracked();
                        if !code.is_empty() && allowed(&code) {
                            quote.update(|q| {
                                q.add_line(&code);
                            });
                        }
                    }
                >
                    {move || lang.get().pick("Ajouter", "Add")}
                </button>
                {move || (!picked.with(|p| allowed(p))).then(|| view! {
                    <small class="warn-note" data-testid="add-item-not-sold">
                        {move || lang.get().pick(
                            "Full DevOps : seuls les services professionnels (expertise, régie) peuvent être ajoutés (§2).",
                            "Full DevOps: only professional services (expertise, time and material) can be added (§2).",
                        )}
                    </small>
                })}
            </div>
            <table class="lines" data-testid="lines">
                <thead>
                    <tr>
                        <Th fr="Service" en="Service" />
                        <Th fr="Prix unitaire" en="Unit price" num=true />
                        <Th fr="Quantité" en="Quantity" num=true />
                        <Th fr="Montant" en="Amount" num=true />
                        <th scope="col"><span class="sr-only">{move || lang.get().pick("Actions", "Actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=ids key=|id| *id let:id>
                        <LineRow id rows lots />
                    </For>
                </tbody>
            </table>
            <Show when=move || quote.with(|q| q.lines.is_empty())>
                <p class="empty" data-testid="lines-empty">
                    {move || lang.get().pick(
                        "Aucun service : choisissez un service du catalogue puis « Ajouter ».",
                        "No service yet: pick a catalogue service, then “Add”.",
                    )}
                </p>
            </Show>
        </section>
    }
}

/// What one row shows, as signals set only when their value changes.
#[derive(Clone, Copy)]
struct RowModel {
    line: RwSignal<Option<QuoteLine>>,
    priced: RwSignal<Option<PricedLine>>,
    issues: RwSignal<Vec<QuoteIssue>>,
}

impl RowModel {
    fn new(id: LineId, quote: &Quote, priced: Option<&PricedQuote>) -> Self {
        let row = RowModel {
            line: RwSignal::new(None),
            priced: RwSignal::new(None),
            issues: RwSignal::new(Vec::new()),
        };
        if let Some(line) = quote.lines.iter().find(|l| l.id == id) {
            let priced_line = priced.and_then(|p| p.lines.iter().find(|l| l.id == id));
            row.sync(line, priced_line, priced);
        }
        row
    }

    fn sync(
        &self,
        line: &QuoteLine,
        priced_line: Option<&PricedLine>,
        priced: Option<&PricedQuote>,
    ) {
        set_if_changed(self.line, Some(line));
        set_if_changed(self.priced, priced_line);
        let issues: Vec<QuoteIssue> = priced
            .map(|p| p.issues_at(Location::Line(line.id)).cloned().collect())
            .unwrap_or_default();
        if self.issues.with_untracked(|old| *old != issues) {
            self.issues.set(issues);
        }
    }
}

fn set_if_changed<T: Clone + PartialEq + Send + Sync + 'static>(
    signal: RwSignal<Option<T>>,
    value: Option<&T>,
) {
    if signal.with_untracked(|old| old.as_ref() != value) {
        signal.set(value.cloned());
    }
}

#[component]
fn LineRow(
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
                let mut parts = vec![
                    i.charge.label(l).to_owned(),
                    format!("{} / {}", i.code, i.unit.label(l)),
                ];
                if let Some(c) = &i.clause {
                    parts.push(c.clone());
                }
                if let Some(p) = priced.get() {
                    if let Some(t) = p.tier_months {
                        parts.push(format!(
                            "{} {t} {} (−{} %)",
                            l.pick("palier", "tier"),
                            l.pick("mois", "months"),
                            p.discount_percent
                        ));
                    }
                    parts.push(format!(
                        "{} {}",
                        l.pick("début", "starts"),
                        date(p.starts, l)
                    ));
                }
                parts.join(" · ")
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
    let lots = move || lots.get();
    let current = move || row.line.get();
    let input_id = format!("qty-{}", id.0);
    let order_id = format!("order-{}", id.0);
    let uses_view = may_use
        .into_iter()
        .map(|f| {
            view! {
                <label class="chip">
                    <input
                        type="checkbox"
                        data-testid=format!("line-uses-{}", serde_key(f))
                        prop:checked=move || current().is_some_and(|l| l.uses.contains(&f))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            quote.update(|q| {
                                if let Some(l) = q.line_mut(id) {
                                    l.uses.retain(|x| *x != f);
                                    if on {
                                        l.uses.push(f);
                                    }
                                }
                            });
                        }
                    />
                    {move || f.label(lang.get())}
                </label>
            }
        })
        .collect_view();
    view! {
        <tr data-testid="line-row" data-code=code>
            <td>
                <div class="line-name">{name}</div>
                <div class="line-detail">{detail}</div>
                <div class="line-options">
                    <Show when=move || buildable>
                        <select
                            data-testid="line-build"
                            aria-label=move || lang.get().pick("Modèle de build", "Build model")
                            on:change=move |ev| {
                                if let Some(m) = BuildModel::from_key(&event_target_value(&ev)) {
                                    quote.update(|q| if let Some(l) = q.line_mut(id) { l.build = m });
                                }
                            }
                        >
                            {BuildModel::ALL.into_iter().map(|m| view! {
                                <option value=m.key() selected=move || current().is_some_and(|l| l.build == m)>
                                    {move || m.label(lang.get())}
                                </option>
                            }).collect_view()}
                        </select>
                    </Show>
                    <Show when=move || !lots().is_empty()>
                        <select
                            data-testid="line-lot"
                            aria-label=move || lang.get().pick("Lot de build", "Build lot")
                            on:change=move |ev| {
                                let lot = event_target_value(&ev).parse::<u32>().ok();
                                quote.update(|q| if let Some(l) = q.line_mut(id) { l.lot = lot });
                            }
                        >
                            <option value="" selected=move || current().is_some_and(|l| l.lot.is_none())>
                                {move || lang.get().pick("Fin du build", "End of build")}
                            </option>
                            {move || lots().into_iter().map(|(lot, label)| view! {
                                <option value=lot.to_string() selected=move || current().is_some_and(|l| l.lot == Some(lot))>
                                    {format!("{} {lot} — {label}", lang.get().pick("Lot", "Lot"))}
                                </option>
                            }).collect_view()}
                        </select>
                    </Show>
                    <label class="inline" for=order_id.clone()>
                        {move || lang.get().pick("Commandé le", "Ordered on")}
                    </label>
                    <DateInput
                        id=order_id
                        testid="line-ordered-on"
                        initial=initial_order
                        optional=true
                        on_valid=move |d| quote.update(|q| if let Some(l) = q.line_mut(id) { l.ordered_on = d })
                    />
                    {uses_view}
                </div>
                <IssueNote location=Location::Line(id) testid="line-issue" issues=row.issues />
            </td>
            <td class="num">{unit_price}</td>
            <td class="num qty">
                <label for=input_id.clone() class="sr-only">{move || lang.get().pick("Quantité", "Quantity")}</label>
                <ParsedInput
                    id=input_id
                    testid="line-qty"
                    class="qty-input"
                    initial=initial
                    parse=|t: &str| Quantity::parse(t).map_err(FieldError::Number)
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

/// The serde name of a family, for test ids.
fn serde_key(f: Family) -> String {
    serde_json::to_string(&f)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}
