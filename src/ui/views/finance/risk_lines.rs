//! §9.4: each recurring line's uncertainty for the MRG risk, editable, by
//! pages on a long quote, with a helper that gives every line the same.

use std::collections::HashSet;

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::risk_entry::{Part, UncertaintyCells};
use crate::engine::document::line_life::Uncertainty;
use crate::engine::document::pricebook::Text;
use crate::engine::document::quote::LineId;
use crate::ui::format::text;
use crate::ui::state::use_state;
use crate::ui::widgets::pager::{page_range, Pager, PAGE};
use crate::ui::widgets::th::Th;

#[component]
pub fn RiskLines() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    // The recurring lines (what the MRG counts): the revised charges' lines.
    let ids = Memo::new(move |_| {
        state.revised.with(|r| {
            r.as_ref().map_or_else(Vec::new, |r| {
                r.charges
                    .iter()
                    .filter_map(|c| c.charge.line_id())
                    .collect::<Vec<LineId>>()
            })
        })
    });
    let page = RwSignal::new(0usize);
    let total = Signal::derive(move || ids.with(Vec::len));
    // Bumped when every line is set at once: the rows are drawn again with
    // the new values (typing in a row does not redraw it).
    let generation = RwSignal::new(0u32);
    let shown = move || {
        let (from, to) = page_range(total.get(), page.get(), PAGE);
        let g = generation.get();
        ids.with(|ids| ids[from..to].iter().map(|id| (*id, g)).collect::<Vec<_>>())
    };
    let all = RwSignal::new(Uncertainty::default());
    let apply = move |_| {
        let u = all.get_untracked();
        let chosen: HashSet<LineId> = ids.with_untracked(|ids| ids.iter().copied().collect());
        quote.update(|q| {
            for line in q.lines.iter_mut().filter(|l| chosen.contains(&l.id)) {
                line.uncertainty = (!u.is_none()).then_some(u);
            }
        });
        generation.update(|g| *g += 1);
    };
    let row = move |id: LineId| {
        let l = lang.get_untracked();
        let (name, item) = state
            .revised
            .with_untracked(|r| {
                r.as_ref()
                    .and_then(|r| r.charges.iter().find(|c| c.charge.line_id() == Some(id)))
                    .map(|c| (c.name.clone(), c.item.clone()))
            })
            .unwrap_or_else(|| {
                let none = Text {
                    fr: String::new(),
                    en: String::new(),
                };
                (none, String::new())
            });
        let what = text(&name, l);
        let initial = quote.with_untracked(|q| {
            q.lines
                .iter()
                .find(|x| x.id == id)
                .and_then(|x| x.uncertainty)
        });
        view! {
            <tr data-testid="risk-line">
                <td>
                    <div class="line-name">{move || text(&name, lang.get())}</div>
                    <div class="line-detail">{item}</div>
                </td>
                <UncertaintyCells id=format!("risk-line-{}", id.0) testid="risk-line" what=what
                    initial
                    on_valid=move |part: Part, v: Decimal| quote.update(|q| if let Some(x) = q.line_mut(id) { x.uncertainty = part.set(x.uncertainty, v) }) />
            </tr>
        }
    };
    view! {
        <h3>{move || lang.get().pick("Incertitude des lignes récurrentes", "Uncertainty of the recurring lines")}</h3>
        <Pager total page testid="risk-pager" fr="Lignes" en="Lines" />
        <div class="scroll">
            <table class="lines" data-testid="risk-lines">
                <thead><tr>
                    <Th fr="Ligne" en="Line" />
                    <Th fr="Baisse %/an" en="Down %/yr" num=true />
                    <Th fr="Hausse %/an" en="Up %/yr" num=true />
                    <Th fr="Arrêt % par anniversaire" en="End % per anniversary" num=true />
                </tr></thead>
                <tbody>
                    <tr data-testid="risk-apply" class="apply-row">
                        <th scope="row">
                            <div class="line-name">{move || lang.get().pick("Pour toutes les lignes", "For every line")}</div>
                            <button type="button" data-testid="risk-apply-all" on:click=apply>
                                {move || lang.get().pick("Appliquer à toutes les lignes", "Apply to every line")}
                            </button>
                        </th>
                        <UncertaintyCells id="risk-all" testid="risk-all" what=lang.get_untracked().pick("Toutes les lignes", "Every line")
                            initial=None
                            on_valid=move |part: Part, v: Decimal| all.update(|u| *u = part.set(Some(*u), v).unwrap_or_default()) />
                    </tr>
                    <For each=shown key=|k| *k let:k>
                        {row(k.0)}
                    </For>
                </tbody>
            </table>
        </div>
    }
}
