//! The managed functions of the month simulated (§10 "Fonction Managée"):
//! each with its units, their charge and whether each is in production
//! (§8.4.3), and the GTD base; units quoted No Build and not onboarded are
//! marked not managed (§4.1); monthly units in no function (security,
//! supervision) are listed apart, without GTD. By pages on a long quote.

use leptos::prelude::*;

use super::entries::{edit, quote_functions, simulated_month};
use crate::engine::document::quote::LineId;
use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::engine::pricing::Category;
use crate::ui::format::text;
use crate::ui::state::use_state;
use crate::ui::widgets::pager::{page_range, Pager, PAGE};
use crate::ui::widgets::th::Th;

/// One unit row: its line and its function (the cell spans the function's
/// rows of the page).
struct UnitRow {
    line: LineId,
    label: String,
    amount: Money,
    unmanaged: bool,
    /// The function's rank (none: a unit in no function, a row of its own),
    /// name and GTD base.
    function: (Option<usize>, String, String),
}

/// The rows of one page, each with the function cell (name, base, rows
/// spanned) on the first row of its function in the page.
type PageRow = (UnitRow, Option<(String, String, usize)>);

fn page_rows(rows: Vec<UnitRow>, from: usize, to: usize) -> Vec<PageRow> {
    let rows: Vec<UnitRow> = rows.into_iter().skip(from).take(to - from).collect();
    let mut out: Vec<PageRow> = Vec::with_capacity(rows.len());
    let mut first = 0;
    for r in rows {
        let starts =
            r.function.0.is_none() || out.last().is_none_or(|(p, _)| p.function.0 != r.function.0);
        if starts {
            first = out.len();
            out.push((r, None));
            let (_, name, base) = &out[first].0.function;
            out[first].1 = Some((name.clone(), base.clone(), 1));
        } else {
            out.push((r, None));
            if let Some(cell) = out[first].1.as_mut() {
                cell.2 += 1;
            }
        }
    }
    out
}

#[component]
pub fn ServiceUnits() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let rows = move || -> Vec<UnitRow> {
        let l = lang.get();
        let month = simulated_month(quote, priced);
        let mut rows = Vec::new();
        for (k, f) in quote_functions(quote, priced).into_iter().enumerate() {
            let base = format!("{} {}", l.pick("base GTD", "GTD base"), f.base.format(l));
            for u in &f.units {
                rows.push(UnitRow {
                    line: u.line,
                    label: format!("#{} {} — {}", u.line.0, u.item, text(&u.name, l)),
                    amount: u.amount,
                    unmanaged: u.unmanaged,
                    function: (Some(k), f.function.label(l), base.clone()),
                });
            }
        }
        priced.with(|p| {
            let Some(p) = p.as_ref() else { return };
            let index = p.months.iter().position(|x| *x == month);
            for line in p
                .lines
                .iter()
                .filter(|x| x.category == Category::Run && x.function.is_none())
            {
                rows.push(UnitRow {
                    line: line.id,
                    label: format!("#{} {} — {}", line.id.0, line.item, text(&line.name, l)),
                    amount: index
                        .and_then(|i| line.months.get(i).copied())
                        .unwrap_or(Money::ZERO),
                    unmanaged: line.unmanaged,
                    function: (
                        None,
                        l.pick("Aucune fonction managée", "No managed function")
                            .into(),
                        l.pick("pas de GTD (SPEC §14)", "no GTD (SPEC §14)").into(),
                    ),
                });
            }
        });
        rows
    };
    // A long quote's units are shown by pages (issue 19).
    let page = RwSignal::new(0usize);
    let total = Memo::new(move |_| rows().len());
    view! {
        <h3>{move || lang.get().pick("Fonctions managées et unités du mois (§10)", "Managed functions and units of the month (§10)")}</h3>
        <p class="hint">
            {move || lang.get().pick(
                "Une fonction managée regroupe les unités de production d'un même type (tous les OS, toutes les bases…) ; chaque application managée est une fonction à part. Sa base GTD est la redevance du mois de ses unités de production prises en gestion.",
                "A managed function groups the production units of one kind (all OS, all databases…); each managed application is a function of its own. Its GTD base is the month's charge of its production units taken into management.",
            )}
        </p>
        <Pager total page testid="sla-units-pager" fr="Unités" en="Units" />
        <table class="lines sla-units" data-testid="sla-units">
            <thead>
                <tr>
                    <Th fr="Fonction managée" en="Managed function" />
                    <Th fr="Unité (ligne)" en="Unit (line)" />
                    <Th fr="Redevance du mois" en="Charge of the month" num=true />
                    <Th fr="Production" en="Production" />
                </tr>
            </thead>
            <tbody>
                {move || {
                    let l = lang.get();
                    let (from, to) = page_range(total.get(), page.get(), PAGE);
                    page_rows(rows(), from, to).into_iter().map(|(r, cell)| unit_row(r, cell, l, quote, priced)).collect::<Vec<_>>()
                }}
            </tbody>
        </table>
    }
}

fn unit_row(
    r: UnitRow,
    cell: Option<(String, String, usize)>,
    l: Lang,
    quote: RwSignal<crate::engine::document::quote::Quote>,
    priced: Memo<Option<crate::engine::pricing::PricedQuote>>,
) -> impl IntoView {
    let id = r.line;
    let production = quote.with_untracked(|q| {
        q.sla_simulation
            .as_ref()
            .is_none_or(|s| s.is_production(id))
    });
    let function = cell.map(|(name, base, n)| {
        view! {
            <td rowspan=n.to_string() data-testid="sla-unit-function">
                {name}
                <span class="sub">{base}</span>
            </td>
        }
    });
    let not_managed = r.unmanaged.then(|| view! {
        <span class="sub warning" data-testid="sla-unit-not-managed">
            {l.pick("No Build : non managée, sans engagement (§4.1)", "No Build: not managed, no guarantee (§4.1)")}
        </span>
    });
    view! {
        <tr data-testid="sla-unit">
            {function}
            <td>{r.label}{not_managed}</td>
            <td class="num">{r.amount.format(l)}</td>
            <td>
                <input
                    type="checkbox"
                    data-testid="sla-unit-production"
                    aria-label=l.pick("Unité de production", "Production unit")
                    prop:checked=production
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit(quote, priced, |s| {
                            s.non_production.retain(|x| *x != id);
                            if !on {
                                s.non_production.push(id);
                            }
                        });
                    }
                />
            </td>
        </tr>
    }
}
