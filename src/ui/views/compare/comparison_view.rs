//! SPEC §1, §2: the same workload priced under two to four scenarios (the
//! management models, or copies with another support level or chain), side
//! by side: figures per category and year, differences, a chart.

use leptos::prelude::*;

use crate::engine::document::quote::{ManagementModel, Quote};
use crate::engine::document::scenario::{scenarios_of, Scenario, MAX_SCENARIOS, MIN_SCENARIOS};
use crate::engine::document::support::{SupportChain, SupportLevel};
use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::engine::pricing::Category;
use crate::engine::responsibilities::{dominant_build, matrix_for, Matrix};
use crate::engine::scenarios::comparison::{compare, Comparison, Figure};
use crate::engine::service_levels::{
    guarantees, Condition, EnvironmentGuarantees, Guarantees, ServiceLevels,
};
use crate::ui::format::commitment;
use crate::ui::i18n;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::remove_button::RemoveButton;
use crate::ui::widgets::stacked_bars::{Bar, StackedBars};

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
            state.books.with(|books| {
                state
                    .book
                    .with(|book| compare(q, books, book, &scenarios_of(q)))
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

    // §9: which commitments each scenario carries (production environment).
    let guarantee_table = move || {
        let l = lang.get();
        let tables = ServiceLevels::builtin();
        let applied: Vec<Guarantees> = quote.with(|q| {
            scenarios_of(q)
                .iter()
                .map(|s| guarantees(&s.apply(q), tables))
                .collect()
        });
        let head = titles()
            .into_iter()
            .map(|t| view! { <th scope="col">{t}</th> })
            .collect_view();
        let rows = guarantee_rows()
            .into_iter()
            .map(|(key, fr, en, cell)| {
                let values: Vec<String> = applied.iter().map(|g| cell(g, l)).collect();
                let differs = values.windows(2).any(|w| w[0] != w[1]);
                view! {
                    <tr class:differs=differs data-testid="compare-guarantee" data-row=key>
                        <th scope="row">{l.pick(fr, en)}</th>
                        {values.into_iter().map(|v| view! { <td>{v}</td> }).collect_view()}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="scroll">
                <table class="lines compare" data-testid="compare-guarantees">
                    <thead><tr><th scope="col">{l.pick("Engagement (production)", "Commitment (production)")}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };

    // §10: who does what under each scenario's model, the rows that differ.
    let raci_table = move || {
        let l = lang.get();
        let matrices: Vec<Matrix> = quote.with(|q| {
            let build = dominant_build(q);
            scenarios_of(q)
                .iter()
                .map(|s| matrix_for(s.model, build, &q.raci))
                .collect()
        });
        let Some(first) = matrices.first() else {
            return ().into_any();
        };
        let parties = first.parties();
        let cell = |m: &Matrix, id: &str| {
            m.row(id)
                .map(|r| {
                    parties
                        .iter()
                        .map(|p| {
                            let x = r.cell(*p).letters;
                            if x.is_empty() {
                                "—".to_string()
                            } else {
                                x.to_string()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" / ")
                })
                .unwrap_or_default()
        };
        let differing: Vec<(String, String)> = first
            .rows
            .iter()
            .filter(|r| {
                matrices
                    .iter()
                    .any(|m| cell(m, &r.id) != cell(first, &r.id))
            })
            .map(|r| (r.id.clone(), r.label(l).to_string()))
            .collect();
        let head = titles()
            .into_iter()
            .map(|t| view! { <th scope="col">{t}</th> })
            .collect_view();
        let who = parties
            .iter()
            .map(|p| p.label(l))
            .collect::<Vec<_>>()
            .join(" / ");
        if differing.is_empty() {
            return view! {
                <p class="hint" data-testid="compare-raci-none">
                    {l.pick("Les scénarios ont la même matrice RACI.", "The scenarios share the same RACI matrix.")}
                </p>
            }
            .into_any();
        }
        let count = differing.len();
        let rows = differing
            .into_iter()
            .map(|(id, label)| {
                let cells = matrices
                    .iter()
                    .map(|m| {
                        let text = cell(m, &id);
                        let changed = text != cell(first, &id);
                        view! { <td class="letters" class:changed=changed>{text}</td> }
                    })
                    .collect_view();
                view! {
                    <tr data-testid="compare-raci-row" data-activity=id>
                        <th scope="row">{label}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p data-testid="compare-raci-count">
                {format!("{count} {} ({who}).", l.pick("activité(s) dont la répartition diffère", "activity(ies) shared out differently"))}
            </p>
            <div class="scroll">
                <table class="lines compare compare-raci" data-testid="compare-raci">
                    <thead><tr><th scope="col">{l.pick("Activité", "Activity")}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

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
        <section class="card" aria-labelledby="compare-guarantees-title">
            <h2 id="compare-guarantees-title">{move || lang.get().pick("Engagements de service comparés (§8)", "Service levels compared (§8)")}</h2>
            {guarantee_table}
        </section>
        <section class="card" aria-labelledby="compare-raci-title">
            <h2 id="compare-raci-title">{move || lang.get().pick("Qui fait quoi comparé (RACI, §10)", "Who does what compared (RACI, §10)")}</h2>
            <Hint
                fr="Les activités dont la répartition change d'un scénario à l'autre, avec les valeurs par défaut de chaque modèle, le modèle de build du devis et vos modifications (onglet Qui fait quoi)."
                en="The activities shared out differently from one scenario to another, with each model's defaults, the quote's build model and your edits (Who does what tab)."
            />
            {raci_table}
        </section>
    }
}

type GuaranteeCell = fn(&Guarantees, Lang) -> String;

/// The production commitment of a scenario, or why there is none.
fn production(g: &Guarantees) -> Option<&EnvironmentGuarantees> {
    g.environments.iter().find(|e| e.production)
}

fn or_none(g: &Guarantees, l: Lang, f: impl Fn(&EnvironmentGuarantees) -> String) -> String {
    if !g.apply {
        return l.pick("Aucun (Full DevOps)", "None (Full DevOps)").into();
    }
    production(g).map(f).unwrap_or_else(|| {
        l.pick("Pas de production souscrite", "No production subscribed")
            .into()
    })
}

/// The rows of the guarantees comparison: key, French and English labels, cell.
fn guarantee_rows() -> Vec<(&'static str, &'static str, &'static str, GuaranteeCell)> {
    vec![
        (
            "apply",
            "Engagements de service",
            "Service commitments",
            |g, l| {
                if g.apply {
                    l.pick("Oui", "Yes").into()
                } else {
                    l.pick("Non (000 : Full DevOps)", "No (000: Full DevOps)")
                        .into()
                }
            },
        ),
        (
            "level",
            "Niveau de support (production)",
            "Support level (production)",
            |g, l| or_none(g, l, |e| e.level.label(l).into()),
        ),
        (
            "gtd",
            "GTD par fonction (§8.5.2)",
            "Availability per function (§8.5.2)",
            |g, l| {
                or_none(g, l, |e| {
                    format!("{} %", crate::ui::format::decimal(e.availability, l))
                })
            },
        ),
        (
            "gtd_k8s",
            "GTD Kubernetes managé",
            "Availability, managed Kubernetes",
            |g, l| {
                or_none(g, l, |e| {
                    format!(
                        "{} %",
                        crate::ui::format::decimal(e.availability_kubernetes, l)
                    )
                })
            },
        ),
        (
            "p1",
            "GTR P1 (§8.5.3)",
            "Restoration P1 (§8.5.3)",
            |g, l| or_none(g, l, |e| commitment(e.restoration[0].1, l)),
        ),
        ("p2", "GTR P2", "Restoration P2", |g, l| {
            or_none(g, l, |e| commitment(e.restoration[1].1, l))
        }),
        ("p3", "GTR P3", "Restoration P3", |g, l| {
            or_none(g, l, |e| commitment(e.restoration[2].1, l))
        }),
        (
            "simple",
            "GTC changement simple (§8.5.4)",
            "Simple change (§8.5.4)",
            |g, l| or_none(g, l, |e| commitment(e.changes[0].1, l)),
        ),
        (
            "exclusions",
            "Exclusions co-managé (§8.4.4)",
            "Co-managed exclusions (§8.4.4)",
            |g, l| {
                if !g.apply {
                    "—".into()
                } else if g.conditions.contains(&Condition::CoManagedClientCause) {
                    l.pick(
                    "Oui : pas de GTD/GTR si le client est en cause, pas de GTR sans niveau 3, temps facturé en jetons",
                    "Yes: no GTD/GTR when the client is in the cause, no GTR without level 3, time billed in tokens",
                )
                .into()
                } else {
                    l.pick("Non", "No").into()
                }
            },
        ),
    ]
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
