//! SPEC §9 (§8 of the service description): what the service levels promise
//! each environment of the quote, the helpers (allowed downtime, deadlines in
//! covered hours), another provider's catalogue (seed 003) and the credit
//! simulator of a month.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::credit_simulator::credit_simulator::CreditSimulator;
use crate::engine::document::credit_month::Priority;
use crate::engine::document::support::{EnvironmentKind, SupportLevel};
use crate::engine::lang::Lang;
use crate::engine::money::parse_decimal;
use crate::engine::service_levels::{
    allowed_downtime, deadline, environment_guarantees, format_minutes, guarantees, ChangeKind,
    DeadlineOf, EnvironmentGuarantees, ServiceLevels, SupportCatalogue,
};
use crate::ui::format::{commitment, date, decimal};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::parsed_input::ParsedInput;

fn percent(d: Decimal, lang: Lang) -> String {
    format!("{} %", decimal(d, lang))
}

#[component]
pub fn GuaranteesView() -> impl IntoView {
    view! {
        <AppliedGuarantees />
        <CreditSimulator />
        <Helpers />
        <OtherCatalogue />
    }
}

/// §8.5: the tables, per subscribed environment, under the quote's model.
#[component]
fn AppliedGuarantees() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let tables = ServiceLevels::builtin();
    let applied = Memo::new(move |_| quote.with(|q| guarantees(q, tables)));
    let row = move |label: (&'static str, &'static str),
                    key: &'static str,
                    cell: fn(&EnvironmentGuarantees, Lang) -> String| {
        view! {
            <tr data-testid="guarantee-row" data-row=key>
                <th scope="row">{move || lang.get().pick(label.0, label.1)}</th>
                {move || {
                    let l = lang.get();
                    applied
                        .get()
                        .environments
                        .iter()
                        .map(|e| view! { <td>{cell(e, l)}</td> })
                        .collect_view()
                }}
            </tr>
        }
    };
    view! {
        <section class="card" aria-labelledby="guarantees-title">
            <h2 id="guarantees-title">
                {move || lang.get().pick("Engagements de qualité de service (§8)", "Service-level commitments (§8)")}
            </h2>
            <Show
                when=move || applied.get().apply
                fallback=move || view! {
                    <p class="notice" data-testid="guarantees-none">
                        {move || lang.get().pick(
                            "Full DevOps : aucun engagement de service ne s'applique (000 : « L'engagement de service du Prestataire s'applique à la fois aux modèles Fully Managed et Co-Managed »).",
                            "Full DevOps: no service commitment applies (000: the provider's service commitment applies to the Fully Managed and Co-Managed models).",
                        )}
                    </p>
                }
            >
                <Hint
                    fr="Pour chaque environnement souscrit, au niveau de support choisi. Les délais se comptent sur les plages couvertes (§8.3)."
                    en="For each subscribed environment, at its chosen support level. Times count only covered hours (§8.3)."
                />
                <div class="table-scroll">
                    <table class="guarantees" data-testid="guarantees-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || lang.get().pick("Engagement", "Commitment")}</th>
                                {move || {
                                    let l = lang.get();
                                    applied
                                        .get()
                                        .environments
                                        .iter()
                                        .map(|e| view! {
                                            <th scope="col" data-testid="guarantee-env">
                                                {e.environment.label(l)}
                                                <span class="sub">{e.level.label(l)}</span>
                                            </th>
                                        })
                                        .collect_view()
                                }}
                            </tr>
                        </thead>
                        <tbody>
                            {row(("Pénalités (§8.4.3)", "Penalties (§8.4.3)"), "penalties", |e, l| {
                                if e.penalties { l.pick("Oui", "Yes").into() } else { l.pick("Non (hors production)", "No (non-production)").into() }
                            })}
                            {row(("GTD par fonction managée (§8.5.2)", "Availability per managed function (§8.5.2)"), "gtd", |e, l| percent(e.availability, l))}
                            {row(("GTD Kubernetes managé", "Availability, managed Kubernetes"), "gtd_k8s", |e, l| percent(e.availability_kubernetes, l))}
                            {Priority::ALL
                                .into_iter()
                                .map(|p| {
                                    let (fr, en): (&'static str, &'static str) = match p {
                                        Priority::P1 => ("GTR P1 (§8.5.3)", "Restoration P1 (§8.5.3)"),
                                        Priority::P2 => ("GTR P2", "Restoration P2"),
                                        Priority::P3 => ("GTR P3", "Restoration P3"),
                                        Priority::P4 => ("GTR P4", "Restoration P4"),
                                    };
                                    let cell: fn(&EnvironmentGuarantees, Lang) -> String = match p {
                                        Priority::P1 => |e, l| restoration_cell(e, 0, l),
                                        Priority::P2 => |e, l| restoration_cell(e, 1, l),
                                        Priority::P3 => |e, l| restoration_cell(e, 2, l),
                                        Priority::P4 => |_, l| l.pick("Pas d'engagement", "No commitment").into(),
                                    };
                                    row((fr, en), p.key(), cell)
                                })
                                .collect_view()}
                            {ChangeKind::ALL
                                .into_iter()
                                .enumerate()
                                .map(|(i, k)| {
                                    let (fr, en): (&'static str, &'static str) = match k {
                                        ChangeKind::Simple => ("GTC changement simple (§8.5.4)", "Simple change (§8.5.4)"),
                                        ChangeKind::SimpleAccelerated => ("GTC simple accéléré", "Accelerated simple change"),
                                        ChangeKind::Complex => ("GTC changement complexe", "Complex change"),
                                        ChangeKind::ComplexAccelerated => ("GTC complexe accéléré", "Accelerated complex change"),
                                    };
                                    let cell: fn(&EnvironmentGuarantees, Lang) -> String = match i {
                                        0 => |e, l| change_cell(e, 0, l),
                                        1 => |e, l| change_cell(e, 1, l),
                                        2 => |e, l| change_cell(e, 2, l),
                                        _ => |e, l| change_cell(e, 3, l),
                                    };
                                    row((fr, en), k.key(), cell)
                                })
                                .collect_view()}
                            {row(("Réponse à une demande de cotation", "Answer to a request for quotation"), "quotation", |e, l| {
                                match (e.production, e.quotation_days) {
                                    (true, Some(d)) => format!("{d} {}", l.pick("jours ouvrés", "business days")),
                                    (false, _) => l.pick("Sans pénalité", "No penalty").into(),
                                    _ => l.pick("Pas de SLA", "No SLA").into(),
                                }
                            })}
                        </tbody>
                    </table>
                </div>
                <p class="hint">
                    {move || {
                        let l = lang.get();
                        let g = applied.get();
                        format!(
                            "{} {} ; {} {} (§8.4.9). {}",
                            l.pick("Portail client (§8.5.1) :", "Client portal (§8.5.1):"),
                            percent(g.portal_availability, l),
                            l.pick("plafond des crédits :", "credits cap:"),
                            percent(g.cap_percent, l),
                            l.pick(
                                "Crédit GTD : 2 % (écart ≤ 1 point), 5 % (≤ 2 points), 10 % au-delà, de la redevance de la fonction. Crédit GTR si plus de 5 % des incidents sont hors délai : 2 % (≤ 25 %), 5 % (≤ 50 %), 10 % au-delà, de la redevance de production. GTC : 50 % du prix du changement au tarif jeton à l'usage.",
                                "Availability credit: 2% (gap ≤ 1 point), 5% (≤ 2 points), 10% beyond, of the function's charge. Restoration credit when more than 5% of incidents are late: 2% (≤ 25%), 5% (≤ 50%), 10% beyond, of the production charge. Change credit: 50% of the change's pay-as-you-go token price.",
                            ),
                        )
                    }}
                </p>
                {move || {
                    let l = lang.get();
                    let changes: Vec<String> = quote.with(|q| {
                        q.support_changes
                            .iter()
                            .map(|c| format!("{} {} → {}", date(c.date, l), c.environment.label(l), c.level.label(l)))
                            .collect()
                    });
                    (!changes.is_empty()).then(|| view! {
                        <p class="notice" data-testid="guarantees-support-changes">
                            {format!(
                                "{} {} {}",
                                l.pick("Niveaux à la signature. Changements prévus (§5.3) :", "Levels at signature. Planned changes (§5.3):"),
                                changes.join(" ; "),
                                l.pick("— le simulateur prend le niveau en vigueur le mois simulé.", "— the simulator uses the level in force in the simulated month."),
                            )}
                        </p>
                    })
                }}
                <h3>{move || lang.get().pick("Conditions d'application", "Conditions")}</h3>
                <ul class="conditions" data-testid="guarantee-conditions">
                    {move || {
                        let l = lang.get();
                        applied
                            .get()
                            .conditions
                            .iter()
                            .map(|c| view! {
                                <li data-testid="guarantee-condition">
                                    <span class="clause">{c.clause()}</span>
                                    " "
                                    {c.text(l)}
                                </li>
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}

fn restoration_cell(e: &EnvironmentGuarantees, i: usize, l: Lang) -> String {
    let text = commitment(e.restoration.get(i).and_then(|c| c.1), l);
    if e.production {
        text
    } else {
        // §8.4.3: the commitment holds, without penalty.
        format!("{text} — {}", l.pick("sans pénalité", "no penalty"))
    }
}

fn change_cell(e: &EnvironmentGuarantees, i: usize, l: Lang) -> String {
    if !e.production {
        // §8.5.4 commits per production unit; §8.4.3 no penalty elsewhere.
        return l.pick("Sans pénalité", "No penalty").into();
    }
    commitment(e.changes.get(i).and_then(|c| c.1), l)
}

/// The allowed downtime of a percentage, and deadlines in covered hours.
#[component]
fn Helpers() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let tables = ServiceLevels::builtin();
    let percent_value = RwSignal::new(Decimal::new(995, 1));
    let downtime = move || allowed_downtime(percent_value.get());

    let start = RwSignal::new(None::<NaiveDateTime>);
    let kind = RwSignal::new("p1".to_string());
    let environment = RwSignal::new(EnvironmentKind::Production);
    let level_of = move |env: EnvironmentKind| -> Option<SupportLevel> {
        quote.with(|q| {
            q.environments
                .iter()
                .find(|e| e.kind == env)
                .map(|e| e.support)
        })
    };
    let result = move || -> Option<Result<String, String>> {
        let l = lang.get();
        let start = start.get()?;
        let env = environment.get();
        let Some(level) = level_of(env) else {
            return Some(Err(l
                .pick(
                    "Cet environnement n'est pas souscrit au devis.",
                    "This environment is not subscribed in the quote.",
                )
                .into()));
        };
        let k = kind.get();
        let of = if let Some(p) = Priority::from_key(&k) {
            DeadlineOf::Incident(p)
        } else if k == "quotation" {
            DeadlineOf::Quotation
        } else {
            DeadlineOf::Change(ChangeKind::ALL.into_iter().find(|c| c.key() == k)?)
        };
        let production = env == EnvironmentKind::Production;
        Some(match deadline(tables, of, level, production, start) {
            Ok(Some((c, due))) => Ok(format!(
                "{} {} {} ({} : {})",
                l.pick("Échéance :", "Due:"),
                date(due.date(), l),
                due.format("%H:%M"),
                level.label(l),
                c.describe(l)
            )),
            Ok(None) => Err(l
                .pick(
                    "Pas d'engagement pour ce cas à ce niveau de support.",
                    "No commitment for this case at this support level.",
                )
                .into()),
            Err(e) => Err(e.message(l).into()),
        })
    };
    view! {
        <section class="card" aria-labelledby="helpers-title">
            <h2 id="helpers-title">{move || lang.get().pick("Aides", "Helpers")}</h2>
            <div class="helpers">
                <div class="helper">
                    <h3>{move || lang.get().pick("Indisponibilité admise", "Allowed downtime")}</h3>
                    <label class="field">
                        <span>{move || lang.get().pick("Disponibilité (%)", "Availability (%)")}</span>
                        <ParsedInput
                            id="downtime-percent"
                            testid="downtime-percent"
                            class="qty-input"
                            initial="99.5"
                            parse=|t: &str| {
                                let d = parse_decimal(t).map_err(FieldError::Number)?;
                                if d > Decimal::ONE_HUNDRED {
                                    Err(FieldError::Number(crate::engine::money::NumberError::TooLarge(t.trim().to_string())))
                                } else {
                                    Ok(d)
                                }
                            }
                            on_valid=move |d| percent_value.set(d)
                        />
                    </label>
                    <dl class="figures">
                        <dt>{move || lang.get().pick("Par mois (30 jours = 43 200 min)", "Per month (30 days = 43,200 min)")}</dt>
                        <dd data-testid="downtime-month">
                            {move || downtime().map(|d| format_minutes(d.per_month, lang.get())).unwrap_or_default()}
                        </dd>
                        <dt>{move || lang.get().pick("Par an (365 jours)", "Per year (365 days)")}</dt>
                        <dd data-testid="downtime-year">
                            {move || downtime().map(|d| format_minutes(d.per_year, lang.get())).unwrap_or_default()}
                        </dd>
                    </dl>
                    <Hint
                        fr="Convention : un mois de 30 jours. Le simulateur, lui, prend la vraie durée du mois simulé (28 à 31 jours)."
                        en="Convention: a 30-day month. The simulator uses the real length of the simulated month (28 to 31 days)."
                    />
                </div>
                <div class="helper">
                    <h3>{move || lang.get().pick("Échéance en heures couvertes", "Deadline in covered hours")}</h3>
                    <label class="field">
                        <span>{move || lang.get().pick("Ouverture (heure de Paris)", "Opened (Paris time)")}</span>
                        <input
                            type="datetime-local"
                            data-testid="deadline-start"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                start.set(NaiveDateTime::parse_from_str(v.trim(), "%Y-%m-%dT%H:%M").ok());
                            }
                        />
                    </label>
                    <label class="field">
                        <span>{move || lang.get().pick("Pour", "For")}</span>
                        <select data-testid="deadline-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                            {Priority::ALL[..3]
                                .iter()
                                .map(|p| view! {
                                    <option value=p.key()>{move || format!("{} {}", lang.get().pick("Incident", "Incident"), p.label())}</option>
                                })
                                .collect_view()}
                            {ChangeKind::ALL
                                .into_iter()
                                .map(|k| view! { <option value=k.key()>{move || k.label(lang.get())}</option> })
                                .collect_view()}
                            <option value="quotation">{move || lang.get().pick("Demande de cotation", "Request for quotation")}</option>
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || lang.get().pick("Environnement", "Environment")}</span>
                        <select
                            data-testid="deadline-env"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(e) = EnvironmentKind::ALL.into_iter().find(|e| e.key() == v) {
                                    environment.set(e);
                                }
                            }
                        >
                            {EnvironmentKind::ALL
                                .into_iter()
                                .map(|e| view! { <option value=e.key()>{move || e.label(lang.get())}</option> })
                                .collect_view()}
                        </select>
                    </label>
                    <p class="deadline" data-testid="deadline-result" aria-live="polite">
                        {move || match result() {
                            None => lang.get().pick("Choisissez un moment d'ouverture.", "Choose when it was opened.").to_string(),
                            Some(Ok(t)) | Some(Err(t)) => t,
                        }}
                    </p>
                    <Hint
                        fr="Jours ouvrés 9h–18h du lundi au vendredi, jours fériés de France métropolitaine exclus (§8.3, §10). P1 et P2 de production : 24h/24 7j/7."
                        en="Business days 09:00–18:00 Monday to Friday, metropolitan French public holidays excluded (§8.3, §10). Production P1 and P2: 24/7."
                    />
                </div>
            </div>
        </section>
    }
}

/// Seed 003: another provider's initial response times, beside ours.
#[component]
fn OtherCatalogue() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let shown = RwSignal::new(false);
    let catalogue = SupportCatalogue::seed_003();
    let tables = ServiceLevels::builtin();
    view! {
        <section class="card" aria-labelledby="catalogue-title">
            <h2 id="catalogue-title">{move || lang.get().pick("Catalogue de support alternatif (003)", "Alternative support catalogue (003)")}</h2>
            <Hint
                fr="Le modèle d'un autre prestataire : temps de réponse initial (GTI) par offre et priorité, à comparer aux délais de rétablissement (GTR) de ce devis."
                en="Another provider's model: initial response time by offer and priority, to compare with this quote's restoration times."
            />
            <button
                type="button"
                class="secondary"
                data-testid="catalogue-003-toggle"
                aria-expanded=move || shown.get().to_string()
                on:click=move |_| shown.update(|s| *s = !*s)
            >
                {move || if shown.get() {
                    lang.get().pick("Masquer le catalogue 003", "Hide catalogue 003")
                } else {
                    lang.get().pick("Charger le catalogue 003", "Load catalogue 003")
                }}
            </button>
            {move || shown.get().then(|| match &catalogue {
                Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                Ok(c) => {
                    let l = lang.get();
                    let c = c.clone();
                    view! {
                        <p class="hint">{format!("{} — {}", c.name, c.source)}</p>
                        <table class="catalogue" data-testid="catalogue-003">
                            <thead>
                                <tr>
                                    <th scope="col">{l.pick("Offre", "Offer")}</th>
                                    {Priority::ALL[..3].iter().map(|p| view! { <th scope="col">{format!("GTI {}", p.label())}</th> }).collect_view()}
                                    <th scope="col">{l.pick("Équivalent ici (GTR production)", "Closest here (production restoration)")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {c.offers.iter().map(|o| {
                                    let ours = environment_guarantees(tables, EnvironmentKind::Production, o.closest_level);
                                    view! {
                                        <tr data-testid="catalogue-003-offer" data-offer=o.key.clone()>
                                            <th scope="row">{o.label.clone()}</th>
                                            {Priority::ALL[..3].iter().map(|p| {
                                                let r = o.responses.iter().find(|r| r.priority == *p);
                                                let text = r.map(|r| r.response.describe(&c.business_hours, l)).unwrap_or_else(|| "—".into());
                                                let excerpt = r.map(|r| format!("003 : « {} »", r.excerpt)).unwrap_or_default();
                                                view! { <td title=excerpt>{text}</td> }
                                            }).collect_view()}
                                            <td>
                                                {format!(
                                                    "{} : {}",
                                                    o.closest_level.label(l),
                                                    ours.restoration[..3]
                                                        .iter()
                                                        .map(|(p, c)| format!("{} {}", p.label(), commitment(*c, l)))
                                                        .collect::<Vec<_>>()
                                                        .join(" · ")
                                                )}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <p class="hint">
                            {l.pick(
                                "Attention : une réponse initiale n'est pas un rétablissement ; l'offre 003 compte ses heures ouvrées de 9h à 19h.",
                                "Mind the difference: an initial response is not a restoration; offer 003 counts business hours from 09:00 to 19:00.",
                            )}
                        </p>
                    }
                    .into_any()
                }
            })}
        </section>
    }
}
