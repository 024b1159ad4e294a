//! The finance tab: the revision clause and its indices, revised prices per
//! year, the minimum guaranteed revenue with its true-up, and the clauses
//! as text with the quote's figures (§9.3, §9.4).

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::indices::series_card::IndicesEditor;
use crate::engine::document::quote::{Quote, ScopeChange};
use crate::engine::lang::Lang;
use crate::engine::money::{parse_decimal, parse_whole, Money};
use crate::ui::clauses::clause_paragraphs;
use crate::ui::format::{date, text};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::line_chart::{LineChart, Series};
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;
use crate::ui::widgets::th::Th;

#[component]
pub fn FinanceView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    // The engine refuses amounts it cannot hold (absurd indices or rates):
    // say so instead of showing stale or empty tables silently.
    let broken = move || {
        let priced = state.priced.with(Option::is_some);
        priced && (state.revised.with(Option::is_none) || state.mrg.with(Option::is_none))
    };
    view! {
        <Show when=broken>
            <p class="error card" role="alert" data-testid="finance-error">
                {move || lang.get().pick(
                    "Un montant révisé ou garanti est trop grand pour être calculé : vérifiez les indices, les pourcentages et les montants saisis.",
                    "A revised or guaranteed amount is too large to compute: check the indices, percentages and amounts entered.",
                )}
            </p>
        </Show>
        <RevisionClause />
        <RevisedPrices />
        <Mrg />
        <ClauseText />
        <IndicesEditor />
    }
}

#[component]
fn RevisionClause() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let terms = quote.with_untracked(|q| q.revision.clone());
    let check = move |testid: &'static str,
                      fr: &'static str,
                      en: &'static str,
                      get: fn(&Quote) -> bool,
                      set: fn(&mut Quote, bool)| {
        view! {
            <label class="check">
                <input type="checkbox" data-testid=testid prop:checked=move || quote.with(get)
                    on:change=move |ev| { let on = event_target_checked(&ev); quote.update(|q| set(q, on)) } />
                {move || lang.get().pick(fr, en)}
            </label>
        }
    };
    view! {
        <section class="card" aria-labelledby="revision-title">
            <h2 id="revision-title">{move || lang.get().pick("Clause de révision (§9.3)", "Revision clause (§9.3)")}</h2>
            <div class="grid-3">
                {check("revision-syntec", "Révision SYNTEC des unités de service (§9.3.1)", "SYNTEC revision of service units (§9.3.1)", |q| q.revision.syntec, |q, v| q.revision.syntec = v)}
                {check("revision-specific", "Révision spécifique des unités hébergées : ⅔ ICC + ⅓ électricité (§9.3.2)", "Specific revision of hosted units: ⅔ ICC + ⅓ electricity (§9.3.2)", |q| q.revision.specific, |q, v| q.revision.specific = v)}
                {check("revision-floor", "Pas de baisse (option hors clause)", "No decrease (option beyond the clause)", |q| q.revision.floor, |q, v| q.revision.floor = v)}
                <div class="field">
                    <label for="revision-cap">{move || lang.get().pick("Plafond annuel en % (option, vide = aucun)", "Yearly cap in % (option, empty = none)")}</label>
                    <ParsedInput id="revision-cap" testid="revision-cap" initial=terms.cap_percent.map(|c| c.to_string()).unwrap_or_default()
                        parse=|t: &str| if t.trim().is_empty() { Ok(None) } else { parse_decimal(t).map(Some).map_err(FieldError::Number) }
                        on_valid=move |c| quote.update(|q| q.revision.cap_percent = c) />
                </div>
                <div class="field">
                    <label for="revision-decimals">{move || lang.get().pick("Arrondi du coefficient, décimales (option, 3 = millième supérieur)", "Coefficient rounded up to decimals (option, 3 = thousandth)")}</label>
                    <ParsedInput id="revision-decimals" testid="revision-decimals" initial=terms.coefficient_decimals.map(|c| c.to_string()).unwrap_or_default()
                        parse=|t: &str| if t.trim().is_empty() { Ok(None) } else { parse_whole(t).map(|n| Some(n.min(10))).map_err(FieldError::Number) }
                        on_valid=move |c| quote.update(|q| q.revision.coefficient_decimals = c) />
                </div>
            </div>
            <Hint fr="Révisés : les unités de service mensuelles (pas la sauvegarde, le support, les jetons ni les frais uniques). Le coefficient est gardé en pleine précision et chaque prix révisé est arrondi au centime une fois par révision. Une part « répercussion éditeur » (§9.3.3) se saisit par ligne ci-dessous." en="Revised: monthly service units (not backup, support, tokens or one-time charges). The coefficient keeps full precision and each revised price is rounded to the cent once per revision. A vendor pass-through share (§9.3.3) is set per line below." />
        </section>
    }
}

#[component]
fn RevisedPrices() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let anniversaries = move || {
        state.revised.with(|r| {
            r.as_ref()
                .and_then(|r| {
                    r.lines
                        .iter()
                        .map(|l| l.steps.iter().map(|s| s.date).collect::<Vec<_>>())
                        .max_by_key(Vec::len)
                })
                .unwrap_or_default()
        })
    };
    let rows = move || {
        let l = lang.get();
        let dates = anniversaries();
        state.revised.with(|r| {
            r.as_ref().map(|r| {
                r.lines
                    .iter()
                    .map(|line| {
                        let id = line.id;
                        let initial = quote.with_untracked(|q| q.lines.iter().find(|x| x.id == id).and_then(|x| x.pass_through_percent).map(|p| p.to_string()).unwrap_or_default());
                        let cells = dates
                            .iter()
                            .map(|d| {
                                let step = line.steps.iter().find(|s| s.date == *d);
                                view! {
                                    <td class="num" class:provisional=step.is_some_and(|s| s.provisional)
                                        title=step.map(|s| format!("{} {}", l.pick("coefficient", "coefficient"), s.factor.round_dp(6))).unwrap_or_default()>
                                        {step.map(|s| format!("{}{}", s.unit_price.format(l), if s.provisional { " *" } else { "" })).unwrap_or_else(|| "—".into())}
                                    </td>
                                }
                            })
                            .collect_view();
                        let kind = match (line.revised_syntec, line.revised_specific) {
                            (true, true) => "SYNTEC + ICC/élec.",
                            (true, false) => "SYNTEC",
                            (false, true) => "ICC/élec.",
                            (false, false) => l.pick("non révisé", "not revised"),
                        };
                        view! {
                            <tr data-testid="revision-row">
                                <td>
                                    <div class="line-name">{text(&line.name, l)}</div>
                                    <div class="line-detail">{kind}</div>
                                </td>
                                <td class="num">
                                    <ParsedInput id=format!("pass-{}", id.0) testid="revision-pass-through" class="qty-input" initial=initial
                                        label=format!("{} — {}", l.pick("Répercussion éditeur (%)", "Vendor pass-through (%)"), line.item)
                                        parse=|t: &str| if t.trim().is_empty() { Ok(None) } else { parse_decimal(t).map(Some).map_err(FieldError::Number) }
                                        on_valid=move |p| quote.update(|q| if let Some(x) = q.line_mut(id) { x.pass_through_percent = p }) />
                                </td>
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
    let chart_labels = Signal::derive(move || {
        let l = lang.get();
        std::iter::once(l.pick("Signature", "Signature").to_owned())
            .chain(anniversaries().into_iter().map(|d| date(d, l)))
            .collect()
    });
    let chart = Signal::derive(move || {
        let l = lang.get();
        state.revised.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.lines
                        .iter()
                        .filter(|x| !x.steps.is_empty())
                        .take(6)
                        .map(|x| Series {
                            label: text(&x.name, l),
                            points: std::iter::once(x.signature_unit_price)
                                .chain(x.steps.iter().map(|s| s.unit_price))
                                .collect(),
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let title = Signal::derive(move || {
        lang.get()
            .pick(
                "Évolution des prix unitaires révisés",
                "Revised unit prices over time",
            )
            .to_owned()
    });
    let totals = move || {
        let l = lang.get();
        state.revised.with(|r| {
            r.as_ref().map(|r| {
                let provisional = r.years.iter().any(|y| y.provisional);
                view! {
                    <dl class="facts">
                        <dt>{l.pick("Hausse due aux révisions", "Increase from revisions")}</dt>
                        <dd data-testid="revision-total-increase">{r.increase.format(l)}</dd>
                        <dt>{l.pick("Total révisé sur l'engagement", "Revised total over the commitment")}</dt>
                        <dd data-testid="revision-total">{r.revised_total.format(l)}</dd>
                        <dt>{l.pick("Régularisation (facture complémentaire)", "Regularisation (complementary invoice)")}</dt>
                        <dd data-testid="revision-total-regularisation">{r.regularisation.format(l)}</dd>
                    </dl>
                    {provisional.then(|| view! {
                        <p class="warn-note" data-testid="revision-provisional">
                            {l.pick(
                                "* Provisoire : calculé avec un indice projeté ou pas encore publié. Saisissez la valeur réelle dans le tableau de l'indice : la régularisation apparaît alors ici.",
                                "* Provisional: computed with a projected or not yet published index. Enter the real value in the index table: the regularisation then shows here.",
                            )}
                        </p>
                    })}
                    {r.issues.iter().map(|i| {
                        let crate::engine::finance::revision::RevisionIssue::MissingIndex { index, at } = i;
                        view! { <p class="row-note" data-testid="revision-issue">{format!("{} {} ({})", l.pick("Indice manquant pour réviser :", "Missing index to revise:"), index.key(), date(*at, l))}</p> }
                    }).collect_view()}
                }
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="revised-title">
            <h2 id="revised-title">{move || lang.get().pick("Prix unitaires révisés par anniversaire", "Revised unit prices per anniversary")}</h2>
            {totals}
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
            <LineChart series=chart x_labels=chart_labels lang title testid="revision-chart" />
        </section>
    }
}

#[component]
fn Mrg() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let terms = quote.with_untracked(|q| q.mrg.clone());
    let rows = move || {
        let l = lang.get();
        state.mrg.with(|m| {
            m.as_ref().map(|m| {
                m.years
                    .iter()
                    .enumerate()
                    .map(|(i, y)| {
                        let initial = quote.with_untracked(|q| q.mrg.billed_override.get(i).copied().flatten().map(|b| b.as_decimal().to_string()).unwrap_or_default());
                        view! {
                            <tr data-testid="mrg-row" class:shortfall=!y.shortfall.is_zero()>
                                <th scope="row">{format!("{} ({} → {})", y.year, date(y.from, l), date(y.to, l))}</th>
                                <td class="num" data-testid="mrg-annual">{y.annual_mrg.format(l)}</td>
                                <td class="num">
                                    <ParsedInput id=format!("mrg-billed-{i}") testid="mrg-billed" class="qty-input" initial=initial
                                        label=format!("{} {}", l.pick("Facturé, année", "Billed, year"), y.year)
                                        parse=|t: &str| if t.trim().is_empty() { Ok(None) } else { Money::parse(t).map(Some).map_err(FieldError::Number) }
                                        on_valid=move |b| quote.update(|q| {
                                            if q.mrg.billed_override.len() <= i { q.mrg.billed_override.resize(i + 1, None); }
                                            q.mrg.billed_override[i] = b;
                                        }) />
                                    <div class="line-detail" data-testid="mrg-forecast">{if y.overridden { l.pick("simulé", "simulated") } else { l.pick("prévision de l'échéancier", "schedule forecast") }} " " {y.billed.format(l)}{if y.provisional { " *" } else { "" }}</div>
                                </td>
                                <td class="num">{y.carry_in.format(l)}</td>
                                <td class="num">{format!("{} ({} %)", y.attainment.format(l), y.attainment_percent)}</td>
                                <td class="num" data-testid="mrg-shortfall">{y.shortfall.format(l)}{(!y.shortfall.is_zero()).then(|| view! { <div class="line-detail">{format!("{} {}", l.pick("à régler avant le", "due by"), date(y.shortfall_due, l))}</div> })}</td>
                                <td class="num" data-testid="mrg-carry-out">{y.carry_out.format(l)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let summary = move || {
        let l = lang.get();
        state.mrg.with(|m| {
            m.as_ref().map(|m| view! {
                <dl class="facts">
                    <dt>{l.pick("Revenu global de RUN prévu (G)", "Planned global run revenue (G)")}</dt>
                    <dd data-testid="mrg-g">{m.global_revenue.format(l)}</dd>
                    <dt>{l.pick("MRG global", "Global MRG")}</dt>
                    <dd data-testid="mrg-global">{m.global_mrg.format(l)}</dd>
                    <dt>{l.pick("MRG global après évolutions de périmètre", "Global MRG after scope changes")}</dt>
                    <dd data-testid="mrg-global-final">{m.global_mrg_final.format(l)}</dd>
                    <dt>{l.pick("Différentiels à facturer", "Shortfalls to invoice")}</dt>
                    <dd data-testid="mrg-total-shortfall">{m.total_shortfall.format(l)}</dd>
                </dl>
            })
        })
    };
    let labels = Signal::derive(move || {
        state.mrg.with(|m| {
            m.as_ref()
                .map(|m| m.years.iter().map(|y| y.year.to_string()).collect())
                .unwrap_or_default()
        })
    });
    let series = Signal::derive(move || {
        let l = lang.get();
        state.mrg.with(|m| {
            m.as_ref()
                .map(|m| {
                    vec![
                        Series {
                            label: l.pick("MRG annuel", "Annual MRG").into(),
                            points: m.years.iter().map(|y| y.annual_mrg).collect(),
                        },
                        Series {
                            label: l
                                .pick("Atteint (facturé + report)", "Attained (billed + carry-in)")
                                .into(),
                            points: m.years.iter().map(|y| y.attainment).collect(),
                        },
                    ]
                })
                .unwrap_or_default()
        })
    });
    let title = Signal::derive(move || {
        lang.get()
            .pick(
                "MRG annuel et montant atteint par année de RUN",
                "Annual MRG and amount attained per run year",
            )
            .to_owned()
    });
    let scope_ids =
        move || quote.with(|q| q.mrg.scope_changes.iter().map(|c| c.id).collect::<Vec<_>>());
    let scope_effect = move |id: u32| {
        let l = lang.get();
        state.mrg.with(|m| {
            m.as_ref().and_then(|m| {
                m.scope.iter().find(|s| s.id == id).map(|s| {
                    if s.raises_mrg {
                        format!(
                            "{} % {} → +{}",
                            s.share_percent,
                            l.pick(
                                "de G : au-delà de 15 %, le MRG augmente",
                                "of G: above 15 %, the MRG rises"
                            ),
                            s.mrg_increase.format(l)
                        )
                    } else {
                        format!(
                            "{} % {}",
                            s.share_percent,
                            l.pick(
                                "de G : 15 % ou moins, MRG inchangé",
                                "of G: 15 % or less, MRG unchanged"
                            )
                        )
                    }
                })
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="mrg-title">
            <h2 id="mrg-title">{move || lang.get().pick("Minimum de revenu garanti (§9.4)", "Minimum guaranteed revenue (§9.4)")}</h2>
            <div class="grid-3">
                <div class="field">
                    <label for="mrg-rate">{move || lang.get().pick("Taux garanti (%)", "Guaranteed rate (%)")}</label>
                    <ParsedInput id="mrg-rate" testid="mrg-rate" initial=terms.rate_percent.to_string()
                        parse=|t: &str| parse_decimal(t).map_err(FieldError::Number).and_then(|r| if r >= Decimal::ZERO && r <= Decimal::ONE_HUNDRED { Ok(r) } else { Err(FieldError::Number(crate::engine::money::NumberError::TooLarge(t.to_owned()))) })
                        on_valid=move |r| quote.update(|q| q.mrg.rate_percent = r) />
                </div>
                <div class="field">
                    <label for="mrg-g-input">{move || lang.get().pick("G imposé (vide = revenu de RUN du devis)", "G override (empty = the quote's run revenue)")}</label>
                    <ParsedInput id="mrg-g-input" testid="mrg-g-input" initial=terms.global_revenue.map(|g| g.as_decimal().to_string()).unwrap_or_default()
                        parse=|t: &str| if t.trim().is_empty() { Ok(None) } else { Money::parse(t).map(Some).map_err(FieldError::Number) }
                        on_valid=move |g| quote.update(|q| q.mrg.global_revenue = g) />
                </div>
            </div>
            {summary}
            <table class="lines" data-testid="mrg-table">
                <thead><tr>
                    <Th fr="Année de RUN" en="Run year" />
                    <Th fr="MRG annuel" en="Annual MRG" num=true />
                    <Th fr="Facturé (simuler)" en="Billed (simulate)" num=true />
                    <Th fr="Report entrant" en="Carry-in" num=true />
                    <Th fr="Atteint" en="Attained" num=true />
                    <Th fr="Différentiel" en="Shortfall" num=true />
                    <Th fr="Report sortant" en="Carry-out" num=true />
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <LineChart series x_labels=labels lang title testid="mrg-chart" />
            <h3>{move || lang.get().pick("Évolutions de périmètre", "Scope changes")}</h3>
            <table class="lines">
                <tbody>
                    <For each=scope_ids key=|id| *id let:id>
                        <tr data-testid="scope-row">
                            <td>
                                <DateInput id=format!("scope-date-{id}") testid="scope-date"
                                    initial=quote.with_untracked(|q| q.mrg.scope_changes.iter().find(|c| c.id == id).map(|c| c.date))
                                    on_valid=move |d| if let Some(d) = d { quote.update(|q| if let Some(c) = q.mrg.scope_changes.iter_mut().find(|c| c.id == id) { c.date = d }) } />
                            </td>
                            <td class="num">
                                <ParsedInput id=format!("scope-v-{id}") testid="scope-variation" class="qty-input"
                                    initial=quote.with_untracked(|q| q.mrg.scope_changes.iter().find(|c| c.id == id).map(|c| c.variation.to_string()).unwrap_or_default())
                                    parse=|t: &str| parse_decimal(t).map_err(FieldError::Number)
                                    on_valid=move |v| quote.update(|q| if let Some(c) = q.mrg.scope_changes.iter_mut().find(|c| c.id == id) { c.variation = v }) />
                            </td>
                            <td data-testid="scope-effect">{move || scope_effect(id)}</td>
                            <td><RemoveButton on_remove=move || quote.update(|q| q.mrg.scope_changes.retain(|c| c.id != id)) /></td>
                        </tr>
                    </For>
                </tbody>
            </table>
            <button type="button" data-testid="scope-add" on:click=move |_| quote.update(|q| {
                let id = Quote::next_id(&q.mrg.scope_changes, |c| c.id);
                let date = q.start_date.checked_add_months(chrono::Months::new(12)).unwrap_or(q.start_date);
                q.mrg.scope_changes.push(ScopeChange { id, date, label: String::new(), variation: Decimal::ZERO });
            })>{move || lang.get().pick("+ Évolution (variation du revenu de RUN, €)", "+ Change (run revenue variation, €)")}</button>
        </section>
    }
}

/// The revision and MRG clauses, filled with the quote's figures.
#[component]
fn ClauseText() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let paragraphs = move |l: Lang| clause_paragraphs(state, l);
    view! {
        <section class="card clauses" aria-labelledby="clauses-title">
            <h2 id="clauses-title">{move || lang.get().pick("Clauses (FR et EN) avec les chiffres du devis", "Clauses (FR and EN) with the quote's figures")}</h2>
            <div class="grid-2">
                <div lang="fr" data-testid="clauses-fr">{move || paragraphs(Lang::Fr).into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}</div>
                <div lang="en" data-testid="clauses-en">{move || paragraphs(Lang::En).into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}</div>
            </div>
        </section>
    }
}
