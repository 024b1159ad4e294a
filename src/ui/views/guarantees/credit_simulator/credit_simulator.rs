//! SPEC §9: the service credits of one month, clause by clause. The inputs
//! are kept in the quote (`sla_simulation`), so they are saved with it.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::document::credit_month::{
    Cause, ChangeRecord, CreditMonth, FunctionMonth, IncidentRecord, Priority,
};
use crate::engine::document::quote::{LineId, Quote};
use crate::engine::document::support::EnvironmentKind;
use crate::engine::lang::Lang;
use crate::engine::money::{parse_whole, Money, Quantity};
use crate::engine::pricing::{Category, PricedQuote};
use crate::engine::service_levels::{
    simulate, CreditReport, Exemption, ServiceLevels, SlaError, SlaLocation,
};
use crate::engine::timeline::first_of_month;
use crate::ui::format::{decimal, month as month_label, text};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;
use crate::ui::widgets::th::Th;

type Report = Option<Result<CreditReport, SlaError>>;

/// The three lists of entries of a simulated month, edited the same way.
trait Entry: Clone + 'static {
    fn id(&self) -> u32;
    fn list(month: &CreditMonth) -> &Vec<Self>;
    fn list_mut(month: &mut CreditMonth) -> &mut Vec<Self>;
}

/// `Entry` for a record type kept in the `CreditMonth` field `$list`.
macro_rules! entry {
    ($t:ty, $list:ident) => {
        impl Entry for $t {
            fn id(&self) -> u32 {
                self.id
            }
            fn list(month: &CreditMonth) -> &Vec<Self> {
                &month.$list
            }
            fn list_mut(month: &mut CreditMonth) -> &mut Vec<Self> {
                &mut month.$list
            }
        }
    };
}

entry!(FunctionMonth, functions);
entry!(IncidentRecord, incidents);
entry!(ChangeRecord, changes);

/// The ids of the entries, tracked (for `<For>`).
fn ids<T: Entry>(quote: RwSignal<Quote>) -> Vec<u32> {
    quote.with(|q| {
        q.sla_simulation
            .as_ref()
            .map(|s| T::list(s).iter().map(T::id).collect())
            .unwrap_or_default()
    })
}

/// An entry as it is now, untracked (a row's initial values).
fn entry<T: Entry>(quote: RwSignal<Quote>, id: u32) -> Option<T> {
    quote.with_untracked(|q| {
        q.sla_simulation
            .as_ref()
            .and_then(|s| T::list(s).iter().find(|x| x.id() == id).cloned())
    })
}

fn update<T: Entry>(quote: RwSignal<Quote>, id: u32, f: impl FnOnce(&mut T)) {
    quote.update(|q| {
        if let Some(x) = q
            .sla_simulation
            .as_mut()
            .and_then(|s| T::list_mut(s).iter_mut().find(|x| x.id() == id))
        {
            f(x);
        }
    });
}

fn remove<T: Entry>(quote: RwSignal<Quote>, id: u32) {
    quote.update(|q| {
        if let Some(s) = q.sla_simulation.as_mut() {
            T::list_mut(s).retain(|x| x.id() != id);
        }
    });
}

fn non_negative(t: &str) -> Result<Decimal, FieldError> {
    Quantity::parse(t)
        .map(|q| q.as_decimal())
        .map_err(FieldError::Number)
}

/// The month a new simulation starts on: the first month of the run.
fn default_month(priced: &Option<PricedQuote>, quote: &Quote) -> NaiveDate {
    priced
        .as_ref()
        .map(|p| first_of_month(p.run_start))
        .unwrap_or_else(|| first_of_month(quote.start_date))
}

/// Edits the quote's simulation, starting one if there is none.
fn edit(
    quote: RwSignal<Quote>,
    priced: Memo<Option<PricedQuote>>,
    f: impl FnOnce(&mut CreditMonth),
) {
    let month = priced.with_untracked(|p| quote.with_untracked(|q| default_month(p, q)));
    quote.update(|q| {
        f(q.sla_simulation
            .get_or_insert_with(|| CreditMonth::new(month)))
    });
}

fn exemption_text(e: Option<Exemption>, lang: Lang) -> String {
    e.map(|e| format!("{} ({})", e.text(lang), e.clause()))
        .unwrap_or_default()
}

fn location_text(location: SlaLocation, lang: Lang) -> String {
    match location {
        SlaLocation::Month => lang.pick("Mois", "Month").into(),
        SlaLocation::Function(id) => format!("{} {id}", lang.pick("Interruption", "Outage")),
        SlaLocation::Incident(id) => format!("{} {id}", lang.pick("Incident", "Incident")),
        SlaLocation::Change(id) => format!("{} {id}", lang.pick("Changement", "Change")),
    }
}

/// The monthly service units of the quote, for the selects.
fn units(priced: &Option<PricedQuote>, lang: Lang) -> Vec<(LineId, String)> {
    priced
        .as_ref()
        .map(|p| {
            p.lines
                .iter()
                .filter(|l| l.category == Category::Run)
                .map(|l| {
                    (
                        l.id,
                        format!("#{} {} — {}", l.id.0, l.item, text(&l.name, lang)),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[component]
pub fn CreditSimulator() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let tables = ServiceLevels::builtin();
    let report: Memo<Report> = Memo::new(move |_| {
        quote.with(|q| {
            priced.with(|p| {
                let p = p.as_ref()?;
                let m = q.sla_simulation.as_ref()?;
                Some(simulate(q, p, tables, m))
            })
        })
    });
    let month = move || {
        quote.with(|q| {
            q.sla_simulation
                .as_ref()
                .map(|s| first_of_month(s.month))
                .unwrap_or_else(|| priced.with(|p| default_month(p, q)))
        })
    };
    let months = move || priced.with(|p| p.as_ref().map(|p| p.months.clone()).unwrap_or_default());
    let fn_ids = move || ids::<FunctionMonth>(quote);
    let incident_ids = move || ids::<IncidentRecord>(quote);
    let change_ids = move || ids::<ChangeRecord>(quote);
    let applies = move || quote.with(|q| crate::engine::models::service_levels_apply(q.model));
    let money = move |m: Money| m.format(lang.get());
    view! {
        <section class="card" aria-labelledby="simulator-title" data-testid="sla-simulator">
            <h2 id="simulator-title">{move || lang.get().pick("Simulateur de crédits de service (un mois)", "Service credit simulator (one month)")}</h2>
            <Hint
                fr="Saisissez ce qui s'est passé dans le mois : interruptions par fonction managée, incidents résolus, changements réalisés. Les crédits se calculent clause par clause ; la saisie est enregistrée avec le devis."
                en="Enter what happened in the month: outages per managed function, incidents resolved, changes carried out. Credits are computed clause by clause; the entries are saved with the quote."
            />
            <Show when=move || !applies()>
                <p class="notice" data-testid="sla-none">
                    {move || lang.get().pick("Full DevOps : pas d'engagement de service, donc pas de crédit.", "Full DevOps: no service commitment, hence no credit.")}
                </p>
            </Show>
            <label class="field inline">
                <span>{move || lang.get().pick("Mois simulé", "Simulated month")}</span>
                <select
                    data-testid="sla-month"
                    on:change=move |ev| {
                        if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                            edit(quote, priced, |s| s.month = d);
                        }
                    }
                >
                    {move || {
                        let current = month();
                        let l = lang.get();
                        months()
                            .into_iter()
                            .map(|m| view! {
                                <option value=m.format("%Y-%m-%d").to_string() selected=m == current>{month_label(m, l)}</option>
                            })
                            .collect_view()
                    }}
                </select>
            </label>

            <h3>{move || lang.get().pick("Unités de service du mois", "Service units of the month")}</h3>
            <table class="lines sla-units" data-testid="sla-units">
                <thead>
                    <tr>
                        <Th fr="Ligne" en="Line" />
                        <Th fr="Redevance du mois" en="Charge of the month" num=true />
                        <Th fr="Production" en="Production" />
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let l = lang.get();
                        let m = month();
                        priced.with(|p| {
                            let Some(p) = p.as_ref() else { return Vec::new() };
                            let index = p.months.iter().position(|x| *x == m);
                            p.lines
                                .iter()
                                .filter(|line| line.category == Category::Run)
                                .map(|line| {
                                    let id = line.id;
                                    let amount = index.and_then(|i| line.months.get(i).copied()).unwrap_or(Money::ZERO);
                                    let production = quote.with(|q| q.sla_simulation.as_ref().is_none_or(|s| s.is_production(id)));
                                    view! {
                                        <tr data-testid="sla-unit">
                                            <td>{format!("#{} {} — {}", id.0, line.item, text(&line.name, l))}</td>
                                            <td class="num">{amount.format(l)}</td>
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
                                })
                                .collect::<Vec<_>>()
                        })
                    }}
                </tbody>
            </table>

            <h3>{move || lang.get().pick("Disponibilité par fonction managée (GTD, §8.5.2)", "Availability per managed function (GTD, §8.5.2)")}</h3>
            <div class="table-scroll">
                <table class="lines sla-records" data-testid="sla-functions">
                    <thead>
                        <tr>
                            <Th fr="Fonction" en="Function" />
                            <Th fr="Interruption (min)" en="Outage (min)" num=true />
                            <Th fr="dont IaaS indisponible (§8.4.6)" en="of which IaaS down (§8.4.6)" num=true />
                            <Th fr="dont cause client (§8.4.4 a)" en="of which client cause (§8.4.4 a)" num=true />
                            <Th fr="Résultat" en="Outcome" />
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=fn_ids key=|id| *id let:id>
                            <FunctionRow id report />
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="actions">
                <button
                    type="button"
                    data-testid="sla-fn-add"
                    disabled=move || priced.with(|p| units(p, Lang::Fr).is_empty())
                    on:click=move |_| {
                        let first = priced.with_untracked(|p| units(p, Lang::Fr).first().map(|u| u.0));
                        let Some(line) = first else { return };
                        edit(quote, priced, |s| {
                            let id = Quote::next_id(&s.functions, |f| f.id);
                            let taken: Vec<LineId> = s.functions.iter().map(|f| f.line).collect();
                            let line = priced
                                .with_untracked(|p| units(p, Lang::Fr))
                                .into_iter()
                                .map(|u| u.0)
                                .find(|l| !taken.contains(l))
                                .unwrap_or(line);
                            s.functions.push(FunctionMonth {
                                id,
                                line,
                                interruption_minutes: Decimal::ZERO,
                                iaas_down_minutes: Decimal::ZERO,
                                client_caused_minutes: Decimal::ZERO,
                            });
                        });
                    }
                >
                    {move || lang.get().pick("+ Interruption d'une fonction", "+ Function outage")}
                </button>
            </div>

            <h3>{move || lang.get().pick("Incidents résolus (GTR, §8.5.3)", "Incidents resolved (GTR, §8.5.3)")}</h3>
            <div class="table-scroll">
                <table class="lines sla-records" data-testid="sla-incidents">
                    <thead>
                        <tr>
                            <Th fr="Priorité" en="Priority" />
                            <Th fr="Environnement" en="Environment" />
                            <Th fr="Fonction touchée" en="Function hit" />
                            <Th fr="Rétablissement (h couvertes)" en="Restored in (covered h)" num=true />
                            <Th fr="Cause" en="Cause" />
                            <Th fr="Résultat" en="Outcome" />
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=incident_ids key=|id| *id let:id>
                            <IncidentRow id report />
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="actions">
                <button
                    type="button"
                    data-testid="sla-inc-add"
                    on:click=move |_| edit(quote, priced, |s| {
                        let id = Quote::next_id(&s.incidents, |i| i.id);
                        s.incidents.push(IncidentRecord {
                            id,
                            priority: Priority::P1,
                            environment: EnvironmentKind::Production,
                            line: None,
                            resolution_hours: Decimal::ZERO,
                            cause: Cause::Provider,
                            provider_level3: true,
                            work_hours: Decimal::ZERO,
                        });
                    })
                >
                    {move || lang.get().pick("+ Incident", "+ Incident")}
                </button>
            </div>

            <h3>{move || lang.get().pick("Changements réalisés (GTC, §8.5.4)", "Changes carried out (GTC, §8.5.4)")}</h3>
            <div class="table-scroll">
                <table class="lines sla-records" data-testid="sla-changes">
                    <thead>
                        <tr>
                            <Th fr="Environnement" en="Environment" />
                            <Th fr="Jetons (catalogue)" en="Tokens (catalogue)" num=true />
                            <Th fr="Accéléré" en="Accelerated" />
                            <Th fr="Hors heures ouvrées" en="Off hours" />
                            <Th fr="Réalisé en (h ouvrées)" en="Done in (business h)" num=true />
                            <Th fr="Résultat" en="Outcome" />
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=change_ids key=|id| *id let:id>
                            <ChangeRow id report />
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="actions">
                <button
                    type="button"
                    data-testid="sla-chg-add"
                    on:click=move |_| edit(quote, priced, |s| {
                        let id = Quote::next_id(&s.changes, |c| c.id);
                        s.changes.push(ChangeRecord {
                            id,
                            environment: EnvironmentKind::Production,
                            tokens: 1,
                            accelerated: false,
                            off_hours: false,
                            duration_hours: Decimal::ZERO,
                        });
                    })
                >
                    {move || lang.get().pick("+ Changement", "+ Change")}
                </button>
            </div>

            <h3>{move || lang.get().pick("Crédits du mois", "Credits of the month")}</h3>
            {move || {
                let l = lang.get();
                match report.get() {
                    None => view! {
                        <p class="hint" data-testid="sla-result-empty">
                            {l.pick("Ajoutez une interruption, un incident ou un changement pour simuler.", "Add an outage, an incident or a change to simulate.")}
                        </p>
                    }.into_any(),
                    Some(Err(e)) => view! {
                        <p class="error" role="alert" data-testid="sla-error">
                            {format!("{} : {}", location_text(e.location(), l), e.message(l))}
                        </p>
                    }.into_any(),
                    Some(Ok(r)) => {
                        let gtr = &r.restoration;
                        let gtr_text = format!(
                            "{} {} / {} {} = {} % → {}",
                            gtr.late,
                            l.pick("hors délai", "late"),
                            gtr.divisor,
                            if gtr.resolved < gtr.divisor { l.pick("(règle des 5)", "(rule of 5)") } else { "" },
                            decimal(gtr.gap_percent.round_dp(2), l),
                            gtr.tier_percent
                                .map(|p| format!("{} % × {}", decimal(p, l), gtr.base.format(l)))
                                .unwrap_or_else(|| l.pick("pas de crédit (≤ 5 %)", "no credit (≤ 5%)").into()),
                        );
                        let higher = r.higher_of.as_ref().map(|h| {
                            let kept = if h.kept_gtd { "GTD" } else { "GTR" };
                            format!(
                                "{} {} ({} {}, {} {}) — {} {}.",
                                l.pick("§8.4.10 : incidents", "§8.4.10: incidents"),
                                h.incidents.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
                                l.pick("GTD gardée :", "keeping GTD:"),
                                h.keeping_gtd.format(l),
                                l.pick("GTR gardée :", "keeping GTR:"),
                                h.keeping_gtr.format(l),
                                l.pick("le plus élevé s'applique :", "the higher applies:"),
                                kept,
                            )
                        });
                        view! {
                            <dl class="figures sla-result" data-testid="sla-result">
                                <dt>{l.pick("Disponibilité (GTD)", "Availability (GTD)")}</dt>
                                <dd data-testid="sla-gtd-total">{money(r.availability_total)}</dd>
                                <dt>{l.pick("Rétablissement (GTR)", "Restoration (GTR)")}</dt>
                                <dd data-testid="sla-gtr">
                                    <span data-testid="sla-gtr-total">{money(r.restoration_total)}</span>
                                    <span class="sub">{gtr_text}</span>
                                </dd>
                                <dt>{l.pick("Changements (GTC)", "Changes (GTC)")}</dt>
                                <dd data-testid="sla-gtc-total">{money(r.change_total)}</dd>
                                <dt>{l.pick("Sous-total", "Subtotal")}</dt>
                                <dd data-testid="sla-subtotal">{money(r.subtotal)}</dd>
                                <dt>{l.pick("Plafond 15 % (§8.4.9)", "15% cap (§8.4.9)")}</dt>
                                <dd data-testid="sla-cap">
                                    {money(r.cap)}
                                    <span class="sub">
                                        {format!("15 % × {}{}", r.cap_base.format(l), if r.capped { l.pick(" — atteint", " — reached") } else { "" })}
                                    </span>
                                </dd>
                                <dt class="strong">{l.pick("Crédit du mois", "Credit for the month")}</dt>
                                <dd class="strong" data-testid="sla-total">{money(r.total)}</dd>
                                {(r.billed_tokens > 0).then(|| view! {
                                    <dt>{l.pick("Facturé au client en jetons (§8.4.4 c, d)", "Billed to the client in tokens (§8.4.4 c, d)")}</dt>
                                    <dd data-testid="sla-billed">{format!("{} {} = {}", r.billed_tokens, l.pick("jetons", "tokens"), r.billed.format(l))}</dd>
                                })}
                            </dl>
                            {higher.map(|t| view! { <p class="notice" data-testid="sla-higher-of">{t}</p> })}
                        }.into_any()
                    }
                }
            }}
        </section>
    }
}

fn row_error(report: Memo<Report>, at: SlaLocation, lang: Lang) -> Option<String> {
    report.with(|r| match r {
        Some(Err(e)) if e.location() == at => Some(e.message(lang)),
        _ => None,
    })
}

#[component]
fn FunctionRow(id: u32, report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let Some(f) = entry::<FunctionMonth>(quote, id) else {
        return ().into_any();
    };
    let line = f.line;
    let outcome = move || {
        let l = lang.get();
        if let Some(e) = row_error(report, SlaLocation::Function(id), l) {
            return view! { <span class="error" data-testid="sla-row-error">{e}</span> }.into_any();
        }
        report.with(|r| {
            let Some(Ok(r)) = r else { return ().into_any() };
            let Some(c) = r.functions.iter().find(|c| c.id == id) else {
                return ().into_any();
            };
            let guarantee = c
                .guarantee
                .map(|g| format!(" / {} {} %", l.pick("garanti", "guaranteed"), decimal(g, l)))
                .unwrap_or_default();
            let tier = c
                .tier_percent
                .map(|p| format!(" → {} % × {}", decimal(p, l), c.base.format(l)))
                .unwrap_or_default();
            view! {
                <span data-testid="sla-fn-availability">{format!("{} %{guarantee}{tier}", decimal(c.availability, l))}</span>
                <strong class="credit" data-testid="sla-fn-credit">{c.credit.format(l)}</strong>
                <span class="sub">{exemption_text(c.exemption, l)}</span>
            }
            .into_any()
        })
    };
    view! {
        <tr data-testid="sla-fn">
            <td>
                <select
                    data-testid="sla-fn-line"
                    aria-label=move || lang.get().pick("Fonction managée", "Managed function")
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                            update::<FunctionMonth>(quote, id, |x| x.line = LineId(n));
                        }
                    }
                >
                    {move || {
                        let l = lang.get();
                        priced.with(|p| units(p, l))
                            .into_iter()
                            .map(|(u, label)| view! { <option value=u.0.to_string() selected=u == line>{label}</option> })
                            .collect_view()
                    }}
                </select>
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-fn-minutes-{id}")
                    testid="sla-fn-minutes"
                    label=lang.get_untracked().pick("Interruption (min)", "Outage (min)")
                    class="qty-input"
                    initial=f.interruption_minutes.normalize().to_string()
                    parse=non_negative
                    on_valid={move |d| update::<FunctionMonth>(quote, id, |x| x.interruption_minutes = d)}
                />
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-fn-iaas-{id}")
                    testid="sla-fn-iaas"
                    label=lang.get_untracked().pick("dont IaaS indisponible (min)", "of which IaaS down (min)")
                    class="qty-input"
                    initial=f.iaas_down_minutes.normalize().to_string()
                    parse=non_negative
                    on_valid={move |d| update::<FunctionMonth>(quote, id, |x| x.iaas_down_minutes = d)}
                />
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-fn-client-{id}")
                    testid="sla-fn-client"
                    label=lang.get_untracked().pick("dont cause client (min)", "of which client cause (min)")
                    class="qty-input"
                    initial=f.client_caused_minutes.normalize().to_string()
                    parse=non_negative
                    on_valid={move |d| update::<FunctionMonth>(quote, id, |x| x.client_caused_minutes = d)}
                />
            </td>
            <td class="outcome">{outcome}</td>
            <td>
                <RemoveButton on_remove={move || remove::<FunctionMonth>(quote, id)} />
            </td>
        </tr>
    }
    .into_any()
}

#[component]
fn EnvironmentSelect<F>(testid: &'static str, initial: EnvironmentKind, on_pick: F) -> impl IntoView
where
    F: Fn(EnvironmentKind) + 'static,
{
    let lang = use_state().lang;
    view! {
        <select
            data-testid=testid
            aria-label=move || lang.get().pick("Environnement", "Environment")
            on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(e) = EnvironmentKind::ALL.into_iter().find(|e| e.key() == v) {
                    on_pick(e);
                }
            }
        >
            {EnvironmentKind::ALL
                .into_iter()
                .map(|e| view! { <option value=e.key() selected=e == initial>{move || e.label(lang.get())}</option> })
                .collect_view()}
        </select>
    }
}

#[component]
fn IncidentRow(id: u32, report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let Some(i) = entry::<IncidentRecord>(quote, id) else {
        return ().into_any();
    };
    let co_managed = move || quote.with(|q| crate::engine::models::co_managed_exclusions(q.model));
    let outcome = move || {
        let l = lang.get();
        if let Some(e) = row_error(report, SlaLocation::Incident(id), l) {
            return view! { <span class="error" data-testid="sla-row-error">{e}</span> }.into_any();
        }
        report.with(|r| {
            let Some(Ok(r)) = r else { return ().into_any() };
            let Some(o) = r.incidents.iter().find(|o| o.id == id) else {
                return ().into_any();
            };
            let commitment = o
                .commitment
                .map(|c| c.describe(l))
                .unwrap_or_else(|| l.pick("pas d'engagement", "no commitment").into());
            let status = match (o.commitment, o.late) {
                (None, _) => "",
                (Some(_), true) => l.pick("hors délai", "late"),
                (Some(_), false) => l.pick("dans les délais", "on time"),
            };
            let billed = (o.billed_tokens > 0).then(|| {
                format!(
                    "{} {} {} ({})",
                    l.pick("facturé :", "billed:"),
                    o.billed_tokens,
                    l.pick("jetons", "tokens"),
                    o.billed.format(l)
                )
            });
            view! {
                <span>{commitment}</span>
                <strong class:late=o.late data-testid="sla-inc-status">{status}</strong>
                <span class="sub">{exemption_text(o.exemption, l)}</span>
                {billed.map(|b| view! { <span class="sub" data-testid="sla-inc-billed">{b}</span> })}
            }
            .into_any()
        })
    };
    let line = i.line;
    view! {
        <tr data-testid="sla-inc">
            <td>
                <select
                    data-testid="sla-inc-priority"
                    aria-label=move || lang.get().pick("Priorité", "Priority")
                    on:change=move |ev| {
                        if let Some(p) = Priority::from_key(&event_target_value(&ev)) {
                            update::<IncidentRecord>(quote, id, |x| x.priority = p);
                        }
                    }
                >
                    {Priority::ALL
                        .into_iter()
                        .map(|p| view! { <option value=p.key() selected=p == i.priority>{p.label()}</option> })
                        .collect_view()}
                </select>
            </td>
            <td>
                <EnvironmentSelect
                    testid="sla-inc-env"
                    initial=i.environment
                    on_pick={move |e| update::<IncidentRecord>(quote, id, |x| x.environment = e)}
                />
            </td>
            <td>
                <select
                    data-testid="sla-inc-line"
                    aria-label=move || lang.get().pick("Fonction touchée (§8.4.10)", "Function hit (§8.4.10)")
                    on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<u32>().ok().map(LineId);
                        update::<IncidentRecord>(quote, id, |x| x.line = v);
                    }
                >
                    <option value="" selected=line.is_none()>"—"</option>
                    {move || {
                        let l = lang.get();
                        priced.with(|p| units(p, l))
                            .into_iter()
                            .map(|(u, label)| view! { <option value=u.0.to_string() selected=Some(u) == line>{label}</option> })
                            .collect_view()
                    }}
                </select>
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-inc-hours-{id}")
                    testid="sla-inc-hours"
                    label=lang.get_untracked().pick("Rétablissement (heures couvertes)", "Restored in (covered hours)")
                    class="qty-input"
                    initial=i.resolution_hours.normalize().to_string()
                    parse=non_negative
                    on_valid={move |d| update::<IncidentRecord>(quote, id, |x| x.resolution_hours = d)}
                />
            </td>
            <td>
                <select
                    data-testid="sla-inc-cause"
                    aria-label=move || lang.get().pick("Cause", "Cause")
                    on:change=move |ev| {
                        if let Some(c) = Cause::from_key(&event_target_value(&ev)) {
                            update::<IncidentRecord>(quote, id, |x| x.cause = c);
                        }
                    }
                >
                    {Cause::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.key() selected=c == i.cause>{move || c.label(lang.get())}</option> })
                        .collect_view()}
                </select>
                <Show when=co_managed>
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="sla-inc-level3"
                            prop:checked=i.provider_level3
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                update::<IncidentRecord>(quote, id, |x| x.provider_level3 = on);
                            }
                        />
                        {move || lang.get().pick("Niveau 3 assuré par le prestataire", "Provider holds level 3")}
                    </label>
                    <label class="check">
                        {move || lang.get().pick("Temps passé (h)", "Time spent (h)")}
                        <ParsedInput
                            id=format!("sla-inc-work-{id}")
                            testid="sla-inc-work"
                            label=lang.get_untracked().pick("Temps passé (h)", "Time spent (h)")
                            class="qty-input"
                            initial=i.work_hours.normalize().to_string()
                            parse=non_negative
                            on_valid={move |d| update::<IncidentRecord>(quote, id, |x| x.work_hours = d)}
                        />
                    </label>
                </Show>
            </td>
            <td class="outcome">{outcome}</td>
            <td>
                <RemoveButton on_remove={move || remove::<IncidentRecord>(quote, id)} />
            </td>
        </tr>
    }
    .into_any()
}

#[component]
fn ChangeRow(id: u32, report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let Some(c) = entry::<ChangeRecord>(quote, id) else {
        return ().into_any();
    };
    let outcome = move || {
        let l = lang.get();
        if let Some(e) = row_error(report, SlaLocation::Change(id), l) {
            return view! { <span class="error" data-testid="sla-row-error">{e}</span> }.into_any();
        }
        report.with(|r| {
            let Some(Ok(r)) = r else { return ().into_any() };
            let Some(o) = r.changes.iter().find(|o| o.id == id) else {
                return ().into_any();
            };
            let commitment = o
                .commitment
                .map(|c| c.describe(l))
                .unwrap_or_else(|| l.pick("pas d'engagement", "no commitment").into());
            let status = match (o.commitment, o.late) {
                (None, _) => "",
                (Some(_), true) => l.pick("hors délai", "late"),
                (Some(_), false) => l.pick("dans les délais", "on time"),
            };
            view! {
                <span>{format!("{} : {commitment}", o.kind.label(l))}</span>
                <strong class:late=o.late data-testid="sla-chg-status">{status}</strong>
                <span class="sub">{format!("{} {}", l.pick("prix :", "price:"), o.price.format(l))}</span>
                <strong class="credit" data-testid="sla-chg-credit">{o.credit.format(l)}</strong>
                <span class="sub">{exemption_text(o.exemption, l)}</span>
            }
            .into_any()
        })
    };
    view! {
        <tr data-testid="sla-chg">
            <td>
                <EnvironmentSelect
                    testid="sla-chg-env"
                    initial=c.environment
                    on_pick={move |e| update::<ChangeRecord>(quote, id, |x| x.environment = e)}
                />
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-chg-tokens-{id}")
                    testid="sla-chg-tokens"
                    label=lang.get_untracked().pick("Jetons du changement", "Tokens of the change")
                    class="qty-input"
                    initial=c.tokens.to_string()
                    parse=|t: &str| parse_whole(t).map_err(FieldError::Number)
                    on_valid={move |n| update::<ChangeRecord>(quote, id, |x| x.tokens = n)}
                />
            </td>
            <td>
                <input
                    type="checkbox"
                    data-testid="sla-chg-accelerated"
                    aria-label=move || lang.get().pick("Accéléré", "Accelerated")
                    prop:checked=c.accelerated
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        update::<ChangeRecord>(quote, id, |x| x.accelerated = on);
                    }
                />
            </td>
            <td>
                <input
                    type="checkbox"
                    data-testid="sla-chg-off-hours"
                    aria-label=move || lang.get().pick("Hors heures ouvrées", "Off hours")
                    prop:checked=c.off_hours
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        update::<ChangeRecord>(quote, id, |x| x.off_hours = on);
                    }
                />
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-chg-hours-{id}")
                    testid="sla-chg-hours"
                    label=lang.get_untracked().pick("Réalisé en (heures ouvrées)", "Done in (business hours)")
                    class="qty-input"
                    initial=c.duration_hours.normalize().to_string()
                    parse=non_negative
                    on_valid={move |d| update::<ChangeRecord>(quote, id, |x| x.duration_hours = d)}
                />
            </td>
            <td class="outcome">{outcome}</td>
            <td>
                <RemoveButton on_remove={move || remove::<ChangeRecord>(quote, id)} />
            </td>
        </tr>
    }
    .into_any()
}
