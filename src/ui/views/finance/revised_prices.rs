//! §9.3: the unit prices revised on each anniversary, charge by charge
//! (service units, governance and token packs, §9.3.1), with the vendor
//! pass-through share of a line (§9.3.3), the revised years and what the
//! revisions add. A long quote's charges are shown by pages.

use leptos::prelude::*;

use super::anniversaries::anniversary_dates;
use super::revised_years::RevisedYears;
use super::revision_chart::RevisionChart;
use super::revision_totals::RevisionTotals;
use crate::engine::money::parse_decimal;
use crate::ui::format::{date, text};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::pager::{page_range, Pager, PAGE};
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::th::Th;

#[component]
pub fn RevisedPrices() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let anniversaries = move || anniversary_dates(state.revised);
    // One row per charge: a long quote is shown by pages (issue 19).
    let page = RwSignal::new(0usize);
    let total = Signal::derive(move || {
        state
            .revised
            .with(|r| r.as_ref().map_or(0, |r| r.charges.len()))
    });
    let rows = move || {
        let l = lang.get();
        let dates = anniversaries();
        let (from, to) = page_range(total.get(), page.get(), PAGE);
        state.revised.with(|r| {
            r.as_ref().map(|r| {
                r.charges[from..to]
                    .iter()
                    .map(|line| {
                        let id = line.charge.line_id();
                        let initial = quote.with_untracked(|q| q.lines.iter().find(|x| Some(x.id) == id).and_then(|x| x.pass_through_percent).map(|p| p.to_string()).unwrap_or_default());
                        let cells = dates
                            .iter()
                            .map(|d| {
                                let step = line.steps.iter().find(|s| s.date == *d);
                                // §9.3.2: a specific revision without its indices is said so.
                                let missing = step.is_some_and(|s| s.specific_not_computed);
                                let title = step.map(|s| format!("{} {}{}", l.pick("coefficient", "coefficient"), s.factor.round_dp(6), if s.specific_not_computed { l.pick(" — révision spécifique non calculée (§9.3.2)", " — specific revision not computed (§9.3.2)") } else { "" })).unwrap_or_default();
                                view! {
                                    <td class="num" class:provisional=step.is_some_and(|s| s.provisional || s.specific_not_computed) title=title
                                        data-testid=if missing { "revision-cell-specific-missing" } else { "revision-cell" }>
                                        {step.map(|s| format!("{}{}{}", s.unit_price.format(l), if s.provisional { " *" } else { "" }, if s.specific_not_computed { " †" } else { "" })).unwrap_or_else(|| "—".into())}
                                    </td>
                                }
                            })
                            .collect_view();
                        let kind = match (line.revised_syntec, line.revised_specific) {
                            (true, true) => "SYNTEC + ICC/élec.",
                            (true, false) if id.is_none() => l.pick("SYNTEC (pack de jetons, §9.3.1)", "SYNTEC (token pack, §9.3.1)"),
                            (true, false) => "SYNTEC",
                            (false, true) => "ICC/élec.",
                            (false, false) => l.pick("non révisé", "not revised"),
                        };
                        let pass_through = id.map(|id| view! {
                            <ParsedInput id=format!("pass-{}", id.0) testid="revision-pass-through" class="qty-input" initial=initial.clone()
                                label=format!("{} — {}", l.pick("Répercussion éditeur (%)", "Vendor pass-through (%)"), line.item)
                                parse=move |t: &str| if t.trim().is_empty() { Ok(None) } else { parse_decimal(t, lang.get_untracked()).map(Some).map_err(FieldError::Number) }
                                on_valid=move |p| quote.update(|q| if let Some(x) = q.line_mut(id) { x.pass_through_percent = p }) />
                        });
                        view! {
                            <tr data-testid=if id.is_some() { "revision-row" } else { "revision-pack-row" }>
                                <td>
                                    <div class="line-name">{text(&line.name, l)}</div>
                                    <div class="line-detail">{kind}</div>
                                </td>
                                <td class="num">{pass_through.map(IntoAny::into_any).unwrap_or_else(|| "—".into_any())}</td>
                                <td class="num">{line.signature_unit_price.format(l)}</td>
                                {cells}
                                <td class="num" data-testid="revision-increase">{line.increase.format(l)}</td>
                                <td class="num" data-testid="revision-regularisation">{line.regularisation.format(l)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let heads = move || {
        let l = lang.get();
        anniversaries()
            .into_iter()
            .map(|d| view! { <th scope="col" class="num">{date(d, l)}</th> })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="revised-title">
            <h2 id="revised-title">{move || lang.get().pick("Prix unitaires révisés par anniversaire", "Revised unit prices per anniversary")}</h2>
            <RevisionTotals />
            <Pager total page testid="revision-pager" fr="Lignes" en="Lines" />
            <div class="scroll">
                <table class="lines" data-testid="revision-table">
                    <thead><tr>
                        <Th fr="Ligne" en="Line" />
                        <Th fr="Répercussion %/an (§9.3.3)" en="Pass-through %/yr (§9.3.3)" num=true />
                        <Th fr="Signature" en="Signature" num=true />
                        {heads}
                        <Th fr="Hausse" en="Increase" num=true />
                        <Th fr="Régularisation" en="Regularisation" num=true />
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <RevisedYears />
            <RevisionChart />
        </section>
    }
}
