//! SPEC §1, §2: the same workload priced under two to four scenarios (the
//! management models, or copies with another support level or chain), side
//! by side: figures per category and year, differences, a chart.

use leptos::prelude::*;

use crate::engine::comparison::{
    compare, scenarios_of, Comparison, Figure, Scenario, MAX_SCENARIOS, MIN_SCENARIOS,
};
use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::engine::pricing::Category;
use crate::engine::quote::{ManagementModel, Quote};
use crate::engine::support::{SupportChain, SupportLevel};
use crate::ui::i18n;
use crate::ui::state::use_state;
use crate::ui::widgets::remove_button::RemoveButton;
use crate::ui::widgets::stacked_bars::{Bar, StackedBars};
use crate::ui::widgets::text::Hint;

fn figure_label(figure: Figure, lang: Lang) -> String {
    match figure {
        Figure::MonthlyRecurring => lang
            .pick(
                "Mensuel récurrent (mois plein)",
                "Monthly recurring (full month)",
            )
            .into(),
        Figure::OneTime => lang.pick("Frais uniques", "One-time charges").into(),
        Figure::Category { category } => category.label(lang).into(),
        Figure::Year { year } => format!("{} {year}", lang.pick("Année", "Year")),
        Figure::Total => lang
            .pick("Valeur totale du contrat", "Total contract value")
            .into(),
    }
}

/// `+1 234,00 €` / `−12,5 %` against the first scenario.
fn delta_text(delta: Money, base: Option<Money>, lang: Lang) -> String {
    let d = delta.as_decimal();
    let sign = if d.is_sign_positive() && !d.is_zero() {
        "+"
    } else {
        ""
    };
    let pct = base
        .map(|b| b.as_decimal())
        .filter(|b| !b.is_zero())
        .and_then(|b| {
            d.checked_mul(rust_decimal::Decimal::ONE_HUNDRED)?
                .checked_div(b)
        })
        .map(|p| {
            let p = p.round_dp(1).normalize().to_string();
            let p = if lang == Lang::Fr {
                p.replace('.', ",")
            } else {
                p
            };
            format!(" ({sign}{p} %)")
        })
        .unwrap_or_default();
    format!("{sign}{}{pct}", delta.format(lang))
}

/// The quote's scenarios, written into the quote so that edits stick.
fn edit_scenarios(quote: RwSignal<Quote>, f: impl FnOnce(&mut Vec<Scenario>)) {
    quote.update(|q| {
        if q.comparison.is_empty() {
            q.comparison = scenarios_of(q);
        }
        f(&mut q.comparison);
    });
}

fn edit_scenario(quote: RwSignal<Quote>, id: u32, f: impl FnOnce(&mut Scenario)) {
    edit_scenarios(quote, |list| {
        if let Some(s) = list.iter_mut().find(|s| s.id == id) {
            f(s);
        }
    });
}

#[component]
fn ScenarioEditor(scenario: Scenario, index: usize) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let id = scenario.id;
    let count = move || quote.with(|q| scenarios_of(q).len());
    let current = Memo::new(move |_| {
        quote.with(|q| {
            scenarios_of(q)
                .into_iter()
                .find(|s| s.id == id)
                .unwrap_or_else(|| scenario.clone())
        })
    });
    view! {
        <fieldset class="scenario" data-testid="scenario">
            <legend>{move || format!("{} {}", lang.get().pick("Scénario", "Scenario"), index + 1)}</legend>
            <label class="field">
                <span>{move || lang.get().pick("Modèle", "Model")}</span>
                <select
                    data-testid="scenario-model"
                    on:change=move |ev| {
                        if let Some(m) = ManagementModel::from_key(&event_target_value(&ev)) {
                            edit_scenario(quote, id, |s| s.model = m);
                        }
                    }
                >
                    {ManagementModel::ALL
                        .into_iter()
                        .map(|m| view! {
                            <option value=m.key() selected=move || current.get().model == m>
                                {move || m.label(lang.get())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Niveau de support", "Support level")}</span>
                <select
                    data-testid="scenario-support"
                    on:change=move |ev| {
                        let level = SupportLevel::from_key(&event_target_value(&ev));
                        edit_scenario(quote, id, |s| s.support = level);
                    }
                >
                    <option value="" selected=move || current.get().support.is_none()>
                        {move || lang.get().pick("Celui du devis", "The quote's")}
                    </option>
                    {SupportLevel::ALL
                        .into_iter()
                        .map(|l| view! {
                            <option value=l.key() selected=move || current.get().support == Some(l)>
                                {move || l.label(lang.get())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Chaîne de support", "Support chain")}</span>
                <select
                    data-testid="scenario-chain"
                    on:change=move |ev| {
                        let chain = SupportChain::from_key(&event_target_value(&ev));
                        edit_scenario(quote, id, |s| s.support_chain = chain);
                    }
                >
                    <option value="" selected=move || current.get().support_chain.is_none()>
                        {move || lang.get().pick("Celle du devis", "The quote's")}
                    </option>
                    {SupportChain::ALL
                        .into_iter()
                        .map(|c| view! {
                            <option value=c.key() selected=move || current.get().support_chain == Some(c)>
                                {move || c.label(lang.get())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Intitulé (facultatif)", "Title (optional)")}</span>
                <input
                    type="text"
                    data-testid="scenario-label"
                    prop:value=move || current.get().label
                    on:input=move |ev| {
                        let label = event_target_value(&ev);
                        edit_scenario(quote, id, |s| s.label = label);
                    }
                />
            </label>
            <Show when=move || { count() > MIN_SCENARIOS }>
                <RemoveButton
                    testid="scenario-remove"
                    fr="Retirer ce scénario"
                    en="Remove this scenario"
                    on_remove=move || edit_scenarios(quote, |list| list.retain(|s| s.id != id))
                />
            </Show>
        </fieldset>
    }
}

#[component]
pub fn ComparisonView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    // Priced only while this tab is open: one pricing per scenario.
    let comparison: Memo<Comparison> = Memo::new(move |_| {
        quote.with(|q| {
            state.books.with_value(|books| {
                state
                    .book
                    .with_value(|book| compare(q, books, book, &scenarios_of(q)))
            })
        })
    });
    let scenario_ids = move || {
        quote.with(|q| {
            scenarios_of(q)
                .into_iter()
                .map(|s| s.id)
                .collect::<Vec<_>>()
        })
    };
    let add = move |_: leptos::ev::MouseEvent| {
        edit_scenarios(quote, |list| {
            if list.len() < MAX_SCENARIOS {
                let id = list.iter().map(|s| s.id).max().unwrap_or(0) + 1;
                // A copy of the last scenario, to vary one setting.
                let mut copy = list
                    .last()
                    .cloned()
                    .unwrap_or_else(|| Scenario::new(id, ManagementModel::FullyManaged));
                copy.id = id;
                copy.label.clear();
                list.push(copy);
            }
        })
    };
    let reset = move |_: leptos::ev::MouseEvent| quote.update(|q| q.comparison.clear());

    let titles = move || {
        let l = lang.get();
        comparison.with(|c| {
            c.outcomes
                .iter()
                .map(|o| o.scenario.title(l))
                .collect::<Vec<_>>()
        })
    };

    let table = move || {
        let l = lang.get();
        comparison.with(|c| {
            let head = titles()
                .into_iter()
                .map(|t| view! { <th scope="col" class="num">{t}</th> })
                .collect_view();
            let rows = c
                .rows
                .iter()
                .map(|row| {
                    let deltas = row.deltas();
                    let first = row.amounts.first().copied().flatten();
                    let cheapest = row.cheapest();
                    let differs = row.differs();
                    let strong = matches!(row.figure, Figure::Total);
                    let cells = row
                        .amounts
                        .iter()
                        .zip(deltas)
                        .enumerate()
                        .map(|(i, (amount, delta))| {
                            let best = differs && cheapest == Some(i);
                            let text = amount.map(|a| a.format(l)).unwrap_or_else(|| "—".into());
                            let delta = (i > 0 && differs)
                                .then_some(delta)
                                .flatten()
                                .filter(|d| !d.is_zero())
                                .map(|d| delta_text(d, first, l));
                            view! {
                                <td class="num" class:best=best data-testid="compare-cell">
                                    <span class="amount">{text}</span>
                                    {delta.map(|d| view! { <span class="delta">{d}</span> })}
                                </td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr class:differs=differs class:strong=strong data-testid="compare-row" data-figure=figure_key(row.figure)>
                            <th scope="row">{figure_label(row.figure, l)}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="scroll">
                    <table class="lines compare" data-testid="compare-table">
                        <thead><tr><th scope="col">{l.pick("Montant (HT)", "Amount (excl. VAT)")}</th>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };

    // What each scenario leaves aside or cannot price.
    let notes = move || {
        let l = lang.get();
        comparison.with(|c| {
            c.outcomes
                .iter()
                .map(|o| {
                    let title = o.scenario.title(l);
                    let errors = o.errors();
                    let problem = match &o.priced {
                        Err(e) => Some(i18n::pricing_error(e, l)),
                        Ok(_) if errors > 0 => Some(format!(
                            "{errors} {}",
                            l.pick(
                                "erreur(s) dans ce scénario : voyez le devis sous ce modèle.",
                                "error(s) in this scenario: see the quote under this model."
                            )
                        )),
                        Ok(_) => None,
                    };
                    let aside = o
                        .set_aside
                        .iter()
                        .map(|p| i18n::set_aside(p, l))
                        .collect::<Vec<_>>();
                    view! {
                        <li data-testid="scenario-note">
                            <strong>{title}</strong>
                            {problem.map(|p| view! { <span class="err"> {" — "}{p}</span> })}
                            {if aside.is_empty() {
                                format!(" — {}", l.pick("tout le devis est chiffré.", "the whole quote is priced."))
                            } else {
                                format!(" — {} {}", l.pick("mis de côté (§2) :", "set aside (§2):"), aside.join(" ; "))
                            }}
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let bars = Signal::derive(move || {
        let l = lang.get();
        comparison.with(|c| {
            c.outcomes
                .iter()
                .filter_map(|o| {
                    let p = o.priced.as_ref().ok()?;
                    Some(Bar {
                        label: o.scenario.title(l),
                        segments: Category::ALL
                            .into_iter()
                            .map(|cat| (cat, p.category_total(cat)))
                            .collect(),
                        total: p.commitment_total,
                    })
                })
                .collect()
        })
    });
    let chart_title = Signal::derive(move || {
        lang.get()
            .pick(
                "Valeur du contrat par scénario et par catégorie",
                "Contract value per scenario and category",
            )
            .to_owned()
    });

    view! {
        <section class="card" aria-labelledby="compare-title">
            <h2 id="compare-title">{move || lang.get().pick("Comparer des scénarios", "Compare scenarios")}</h2>
            <Hint
                fr="La même charge de travail chiffrée sous 2 à 4 scénarios : chaque colonne est exactement le devis chiffré seul sous ce modèle, ce niveau et cette chaîne de support. Les écarts sont comparés au premier scénario ; le moins cher est mis en évidence."
                en="The same workload priced under 2 to 4 scenarios: each column is exactly the quote priced alone under that model, support level and chain. Differences are against the first scenario; the cheapest is highlighted."
            />
            <div class="scenarios">
                <For each=scenario_ids key=|id| *id let:id>
                    {
                        let scenario = quote.with_untracked(|q| scenarios_of(q).into_iter().find(|s| s.id == id));
                        let index = quote.with_untracked(|q| scenarios_of(q).iter().position(|s| s.id == id).unwrap_or(0));
                        scenario.map(|s| view! { <ScenarioEditor scenario=s index /> })
                    }
                </For>
            </div>
            <div class="actions">
                <button
                    type="button"
                    data-testid="scenario-add"
                    disabled=move || { scenario_ids().len() >= MAX_SCENARIOS }
                    on:click=add
                >
                    {move || lang.get().pick("+ Ajouter un scénario (copie du dernier)", "+ Add a scenario (copy of the last)")}
                </button>
                <button type="button" data-testid="scenario-reset" on:click=reset>
                    {move || lang.get().pick("Revenir aux trois modèles", "Back to the three models")}
                </button>
            </div>
        </section>
        <section class="card" aria-labelledby="compare-figures-title">
            <h2 id="compare-figures-title">{move || lang.get().pick("Coûts comparés", "Costs compared")}</h2>
            {table}
            <ul class="scenario-notes">{notes}</ul>
            <StackedBars bars lang title=chart_title />
        </section>
    }
}

fn figure_key(figure: Figure) -> String {
    match figure {
        Figure::MonthlyRecurring => "monthly_recurring".into(),
        Figure::OneTime => "one_time".into(),
        Figure::Category { category } => category.key().into(),
        Figure::Year { year } => format!("year_{year}"),
        Figure::Total => "total".into(),
    }
}
