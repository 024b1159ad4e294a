//! The service lines: pick from the catalogue, type a quantity, read the
//! amount. A long quote is shown by pages, with a filter by item code or
//! name (issue 19): the page holds at most `PAGE` rows whatever the quote.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use super::add_line::AddLine;
use super::line_row::LineRow;
use super::lines_filter::LinesFilter;
use super::row_model::RowModel;
use crate::engine::document::pricebook::PriceBook;
use crate::engine::document::quote::{BuildBilling, LineId, Quote};
use crate::engine::pricing::{Location, PricedLine, QuoteIssue};
use crate::ui::session::use_session;
use crate::ui::state::use_state;
use crate::ui::widgets::pager::{page_range, pages, Pager, PAGE};
use crate::ui::widgets::th::Th;

/// The lines whose item code or name (in either language) contains
/// `needle` (already lower case), in the quote's order.
fn matching(q: &Quote, book: &PriceBook, needle: &str) -> Vec<LineId> {
    if needle.is_empty() {
        return q.lines.iter().map(|l| l.id).collect();
    }
    let codes: HashSet<&str> = book
        .items
        .iter()
        .filter(|i| {
            [&i.code, &i.name.fr, &i.name.en]
                .iter()
                .any(|t| t.to_lowercase().contains(needle))
        })
        .map(|i| i.code.as_str())
        .collect();
    q.lines
        .iter()
        .filter(|l| codes.contains(l.item.as_str()) || l.item.to_lowercase().contains(needle))
        .map(|l| l.id)
        .collect()
}

#[component]
pub fn Lines() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let page = RwSignal::new(0usize);
    let filter = RwSignal::new(String::new());
    // A replaced document (import, open, undo) makes the tab panel build a
    // new list (session.epoch): this one keeps its rows until it is dropped
    // (issue 19: every row was built twice on import, here then anew).
    let session = use_session();
    let epoch = session.epoch.get_untracked();
    let replaced = move || session.epoch.get_untracked() != epoch;
    let shown = Memo::new(move |before: Option<&Vec<LineId>>| match before {
        Some(before) if replaced() => before.clone(),
        _ => {
            let needle = filter.with(|f| f.trim().to_lowercase());
            quote.with(|q| state.book.with(|b| matching(q, b, &needle)))
        }
    });
    let total = Signal::derive(move || shown.with(Vec::len));
    let ids = move || {
        let (from, to) = page_range(total.get(), page.get(), PAGE);
        shown.with(|s| s[from..to].to_vec())
    };
    // A line just added shows on its page, whatever the filter.
    Effect::new(move |before: Option<(usize, Option<LineId>)>| {
        let now = quote.with(|q| (q.lines.len(), q.lines.last().map(|l| l.id)));
        if let Some((len, last)) = before {
            if now.0 == len + 1 && now.1 != last {
                filter.set(String::new());
                page.set(pages(now.0, PAGE) - 1);
            }
        }
        now
    });

    // Each row reads signals of its own, kept in step by one effect: an
    // edit re-renders only the rows whose line, price or messages changed.
    // (Hundreds of rows each subscribed to the whole quote made every edit
    // cost O(rows²) in the reactive graph: issue 7's latency profile.)
    let rows: StoredValue<HashMap<LineId, RowModel>> = StoredValue::new(HashMap::new());
    Effect::new(move |_| {
        if replaced() {
            return;
        }
        quote.with(|q| {
            state.priced.with(|p| {
                let priced_lines: HashMap<LineId, &PricedLine> = p
                    .iter()
                    .flat_map(|p| p.lines.iter().map(|l| (l.id, l)))
                    .collect();
                let mut issues: HashMap<LineId, Vec<QuoteIssue>> = HashMap::new();
                for i in p.iter().flat_map(|p| &p.issues) {
                    if let Location::Line(id) = i.location {
                        issues.entry(id).or_default().push(i.issue.clone());
                    }
                }
                rows.with_value(|rows| {
                    for line in &q.lines {
                        if let Some(row) = rows.get(&line.id) {
                            let issues = issues.remove(&line.id).unwrap_or_default();
                            row.sync(line, priced_lines.get(&line.id).copied(), issues);
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

    view! {
        <section class="card" aria-labelledby="lines-title">
            <h2 id="lines-title">{move || lang.get().pick("Services", "Services")}</h2>
            <AddLine />
            <LinesFilter filter page total />
            <Pager total page testid="lines-pager" fr="Lignes" en="Lines" />
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
            <Pager total page testid="lines-pager-bottom" fr="Lignes" en="Lines" />
            <Show when=move || total.get() == 0 && !filter.with(|f| f.is_empty())>
                <p class="empty" data-testid="lines-none-match">
                    {move || lang.get().pick("Aucune ligne ne correspond au filtre.", "No line matches the filter.")}
                </p>
            </Show>
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
