//! The printable proposal (issue 6), in French or English whatever the
//! screen's language: cover, scope, lines, one-time and recurring charges,
//! schedule, revision and MRG clauses, service levels, RACI, what the flat
//! fee does not cover (SPEC §11) and assumptions. Amounts exclude VAT; a VAT
//! line can be added. The browser prints it (and saves it as PDF).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::document::catalog::BuildModel;
use crate::engine::lang::Lang;
use crate::engine::money::{Money, Quantity};
use crate::engine::pricing::out_of_flat_fee::out_of_flat_fee;
use crate::engine::pricing::{Category, Severity};
use crate::engine::responsibilities::matrix;
use crate::engine::service_levels::{guarantees, ServiceLevels};
use crate::ui::clauses::clause_paragraphs;
use crate::ui::format::{commitment, date, decimal, text};
use crate::ui::i18n::{quote_issue, FieldError};
use crate::ui::session::use_session;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;

#[component]
pub fn ProposalView() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let quote = state.quote;
    let priced = state.priced;
    let doc = RwSignal::new(state.lang.get_untracked());
    let vat = RwSignal::new(false);
    let vat_rate = RwSignal::new(Decimal::from(20));
    let ui = state.lang;

    let cover = move || {
        let l = doc.get();
        let (client, project, model, months, start, end) = quote.with(|q| {
            (
                q.client.clone(),
                q.project.clone(),
                q.model.label(l),
                q.commitment_months,
                q.start_date,
                q.end_date(),
            )
        });
        let book = state
            .book
            .with(|b| (b.version.clone(), b.illustrative, b.effective_date));
        view! {
            <section class="proposal-cover" data-testid="proposal-cover">
                <p class="kicker">{l.pick("Proposition commerciale", "Commercial proposal")}</p>
                <h1>{if project.trim().is_empty() { l.pick("Services cloud managés", "Managed cloud services").to_string() } else { project }}</h1>
                <p class="client">{if client.trim().is_empty() { "—".to_string() } else { client }}</p>
                <dl>
                    <dt>{l.pick("Modèle de management", "Management model")}</dt><dd>{model}</dd>
                    <dt>{l.pick("Engagement", "Commitment")}</dt>
                    <dd>{format!("{months} {} — {} {} {} {}", l.pick("mois", "months"), l.pick("du", "from"), date(start, l), l.pick("au", "to"), end.map(|e| date(e.pred_opt().unwrap_or(e), l)).unwrap_or_default())}</dd>
                    <dt>{l.pick("Grille tarifaire", "Price book")}</dt>
                    <dd>{format!("v{} ({}){}", book.0, date(book.2, l), if book.1 { l.pick(" — illustrative : prix inventés", " — illustrative: invented prices") } else { "" })}</dd>
                    <dt>{l.pick("Montants", "Amounts")}</dt><dd>{l.pick("en euros, hors TVA", "in euros, excluding VAT")}</dd>
                </dl>
            </section>
        }
    };

    let scope_and_lines = move || {
        let l = doc.get();
        priced.with(|p| {
            let Some(p) = p.as_ref() else {
                return view! { <p class="error">{l.pick("Le devis ne peut pas être chiffré : corrigez-le d'abord.", "The quote cannot be priced: correct it first.")}</p> }.into_any();
            };
            let envs = quote.with(|q| q.environments.clone());
            let lines = p.lines.iter().map(|line| {
                let build = (line.build != BuildModel::NoBuild).then(|| format!(" · {}", line.build.label(l)));
                view! {
                    <tr data-testid="proposal-line">
                        <td>{line.item.clone()}</td>
                        <td>{text(&line.name, l)}{build}</td>
                        <td class="num">{quantity(line.quantity, l)}</td>
                        <td class="num">{line.unit_price.format(l)}</td>
                        <td>{line.charge.label(l)}</td>
                        <td class="num">{line.amount.format(l)}</td>
                    </tr>
                }
            }).collect_view();
            let support = p.support.iter().map(|s| view! {
                <tr>
                    <td>{s.environment.label(l)}</td>
                    <td>{s.segments.first().map(|x| x.level.label(l)).unwrap_or_default()}</td>
                    <td>{s.chain.label(l)}</td>
                    <td class="num">{s.monthly.format(l)}</td>
                </tr>
            }).collect_view();
            view! {
                <section data-testid="proposal-scope">
                    <h2>{l.pick("1. Périmètre", "1. Scope")}</h2>
                    <p>{quote.with(|q| q.model.label(l))}{" — "}{envs.iter().map(|e| format!("{} ({})", e.kind.label(l), e.support.label(l))).collect::<Vec<_>>().join(", ")}</p>
                    <h3>{l.pick("Services et unités", "Services and units")}</h3>
                    <table class="doc" data-testid="proposal-lines">
                        <thead><tr>
                            <th>{l.pick("Code", "Code")}</th><th>{l.pick("Désignation", "Item")}</th>
                            <th class="num">{l.pick("Qté", "Qty")}</th><th class="num">{l.pick("Prix unitaire", "Unit price")}</th>
                            <th>{l.pick("Facturation", "Billing")}</th><th class="num">{l.pick("Montant", "Amount")}</th>
                        </tr></thead>
                        <tbody>{lines}</tbody>
                    </table>
                    <h3>{l.pick("Support", "Support")}</h3>
                    <table class="doc">
                        <thead><tr>
                            <th>{l.pick("Environnement", "Environment")}</th><th>{l.pick("Niveau", "Level")}</th>
                            <th>{l.pick("Chaîne", "Chain")}</th><th class="num">{l.pick("Par mois", "Per month")}</th>
                        </tr></thead>
                        <tbody>{support}</tbody>
                    </table>
                </section>
            }.into_any()
        })
    };

    let charges = move || {
        let l = doc.get();
        priced.with(|p| {
            let p = p.as_ref()?;
            let rows = |one_time: bool| {
                Category::ALL
                    .into_iter()
                    .filter(|c| c.is_one_time() == one_time)
                    .map(|c| (c, p.category_total(c)))
                    .filter(|(_, m)| !m.is_zero())
                    .map(|(c, m)| view! { <tr><td>{c.label(l)}</td><td class="num">{m.format(l)}</td></tr> })
                    .collect_view()
            };
            let total = p.commitment_total;
            let vat_amount = vat.get().then(|| {
                total.checked_mul(vat_rate.get() / Decimal::ONE_HUNDRED).map(Money::round_cents).ok()
            }).flatten();
            let with_vat = vat_amount.and_then(|v| total.checked_add(v).ok());
            Some(view! {
                <section data-testid="proposal-charges">
                    <h2>{l.pick("2. Prix", "2. Prices")}</h2>
                    <div class="doc-cols">
                        <table class="doc">
                            <thead><tr><th>{l.pick("Frais uniques", "One-time charges")}</th><th class="num">{l.pick("Montant HT", "Excl. VAT")}</th></tr></thead>
                            <tbody>{rows(true)}</tbody>
                            <tfoot><tr><th>{l.pick("Total frais uniques", "Total one-time")}</th><th class="num">{p.one_time.format(l)}</th></tr></tfoot>
                        </table>
                        <table class="doc">
                            <thead><tr><th>{l.pick("Récurrent sur l'engagement", "Recurring over the commitment")}</th><th class="num">{l.pick("Montant HT", "Excl. VAT")}</th></tr></thead>
                            <tbody>{rows(false)}</tbody>
                            <tfoot><tr><th>{l.pick("Total récurrent", "Total recurring")}</th><th class="num">{p.recurring_total.format(l)}</th></tr></tfoot>
                        </table>
                    </div>
                    <dl class="doc-totals">
                        <dt>{l.pick("Mensuel récurrent (mois plein)", "Monthly recurring (full month)")}</dt>
                        <dd>{p.monthly_recurring.format(l)}</dd>
                        <dt class="strong">{l.pick("Valeur totale du contrat HT", "Total contract value excl. VAT")}</dt>
                        <dd class="strong" data-testid="proposal-total">{total.format(l)}</dd>
                        {vat_amount.map(|v| view! {
                            <dt>{format!("{} {} %", l.pick("TVA", "VAT"), decimal(vat_rate.get(), l))}</dt>
                            <dd data-testid="proposal-vat-line">{v.format(l)}</dd>
                            <dt class="strong">{l.pick("Total TTC", "Total incl. VAT")}</dt>
                            <dd class="strong" data-testid="proposal-total-vat">{with_vat.map(|t| t.format(l)).unwrap_or_default()}</dd>
                        })}
                    </dl>
                </section>
            })
        })
    };

    let schedule = move || {
        let l = doc.get();
        priced.with(|p| {
            let p = p.as_ref()?;
            let rows = p.years.iter().map(|y| view! {
                <tr>
                    <td>{format!("{} {} ({} – {})", l.pick("Année", "Year"), y.year, date(y.from, l), date(y.to.pred_opt().unwrap_or(y.to), l))}</td>
                    <td class="num">{y.one_time.format(l)}</td>
                    <td class="num">{y.recurring.format(l)}</td>
                    <td class="num">{y.total.format(l)}</td>
                </tr>
            }).collect_view();
            Some(view! {
                <section data-testid="proposal-schedule">
                    <h2>{l.pick("3. Échéancier de facturation", "3. Invoicing schedule")}</h2>
                    <p>{l.pick(
                        "Les charges récurrentes sont facturées au début de chaque mois (au prorata pour un mois partiel) ; le build selon ses échéances (§9.8).",
                        "Recurring charges are invoiced at the start of each month (pro rata for a partial month); the build by its instalments (§9.8).",
                    )}</p>
                    <table class="doc">
                        <thead><tr>
                            <th>{l.pick("Période", "Period")}</th><th class="num">{l.pick("Uniques", "One-time")}</th>
                            <th class="num">{l.pick("Récurrents", "Recurring")}</th><th class="num">{l.pick("Total HT", "Total excl. VAT")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            })
        })
    };

    let clauses = move || {
        let l = doc.get();
        let paragraphs = clause_paragraphs(state, l);
        view! {
            <section data-testid="proposal-clauses">
                <h2>{l.pick("4. Révision des prix et minimum garanti", "4. Price revision and minimum guaranteed revenue")}</h2>
                {paragraphs.into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
            </section>
        }
    };

    let service_levels = move || {
        let l = doc.get();
        let g = quote.with(|q| guarantees(q, ServiceLevels::builtin()));
        let body = if !g.apply {
            view! { <p>{l.pick("Full DevOps : aucun engagement de service (000).", "Full DevOps: no service commitment (000).")}</p> }.into_any()
        } else {
            let rows = g.environments.iter().map(|e| view! {
                <tr>
                    <td>{e.environment.label(l)}</td>
                    <td>{e.level.label(l)}</td>
                    <td>{format!("{} % / {} %", decimal(e.availability, l), decimal(e.availability_kubernetes, l))}</td>
                    <td>{commitment(e.restoration[0].1, l)}</td>
                    <td>{commitment(e.restoration[1].1, l)}</td>
                    <td>{commitment(e.restoration[2].1, l)}</td>
                    <td>{if e.production { commitment(e.changes[0].1, l) } else { l.pick("sans pénalité", "no penalty").into() }}</td>
                </tr>
            }).collect_view();
            let conditions = g
                .conditions
                .iter()
                .map(|c| view! { <li>{format!("{} — {}", c.clause(), c.text(l))}</li> })
                .collect_view();
            view! {
                <table class="doc">
                    <thead><tr>
                        <th>{l.pick("Environnement", "Environment")}</th><th>{l.pick("Niveau", "Level")}</th>
                        <th>{l.pick("Disponibilité (fonction / Kubernetes)", "Availability (function / Kubernetes)")}</th>
                        <th>"GTR P1"</th><th>"GTR P2"</th><th>"GTR P3"</th><th>{l.pick("Changement simple", "Simple change")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <ul class="doc-list">{conditions}</ul>
            }.into_any()
        };
        view! {
            <section data-testid="proposal-guarantees">
                <h2>{l.pick("5. Engagements de qualité de service", "5. Service-level commitments")}</h2>
                {body}
            </section>
        }
    };

    let raci = move || {
        let l = doc.get();
        let m = quote.with(matrix);
        let parties = m.parties();
        let head = parties
            .iter()
            .map(|p| view! { <th>{p.label(l)}</th> })
            .collect_view();
        let rows = m.rows.iter().map(|r| {
            let cells = parties.iter().map(|p| {
                let x = r.cell(*p).letters;
                view! { <td class="letters">{if x.is_empty() { "—".to_string() } else { x.to_string() }}</td> }
            }).collect_view();
            view! { <tr><td>{r.label(l).to_string()}</td>{cells}</tr> }
        }).collect_view();
        view! {
            <section data-testid="proposal-raci">
                <h2>{l.pick("6. Qui fait quoi (RACI)", "6. Who does what (RACI)")}</h2>
                <p class="small">{format!("{} {} · {} {}", l.pick("Modèle", "Model"), m.model.label(l), l.pick("build", "build"), m.build.label(l))}</p>
                <table class="doc raci-doc">
                    <thead><tr><th>{l.pick("Activité", "Activity")}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="small">{l.pick("R réalise · A approuve (redevable) · C consulté · I informé", "R responsible · A accountable · C consulted · I informed")}</p>
            </section>
        }
    };

    let out_of_fee = move || {
        let l = doc.get();
        view! {
            <section data-testid="proposal-out-of-fee">
                <h2>{l.pick("7. Hors forfait (sur devis ou en jetons)", "7. Outside the flat fee (on quote or in tokens)")}</h2>
                <ul class="doc-list">{out_of_flat_fee().iter().map(|t| view! { <li>{text(t, l)}</li> }).collect_view()}</ul>
            </section>
        }
    };

    let assumptions = move || {
        let l = doc.get();
        let issues: Vec<String> = priced.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.issues
                        .iter()
                        .filter(|i| i.severity == Severity::Warning)
                        .map(|i| quote_issue(&i.issue, l))
                        .collect()
                })
                .unwrap_or_default()
        });
        let errors = priced.with(|p| {
            p.as_ref().map_or(0, |p| {
                p.issues
                    .iter()
                    .filter(|i| i.severity == Severity::Error)
                    .count()
            })
        });
        view! {
            <section data-testid="proposal-assumptions">
                <h2>{l.pick("8. Hypothèses", "8. Assumptions")}</h2>
                <ul class="doc-list">
                    <li>{l.pick("Montants en euros hors TVA, arrondis au centime par ligne ; le prix du tenant IaaS n'est pas inclus (§9.2).", "Amounts in euros excluding VAT, rounded to the cent per line; the IaaS tenant's price is not included (§9.2).")}</li>
                    <li>{l.pick("Prix révisés chaque année selon la clause ci-dessus ; montants de l'échéancier aux prix de la signature.", "Prices revised every year by the clause above; schedule amounts at signature prices.")}</li>
                    {issues.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                    {(errors > 0).then(|| view! { <li class="error">{format!("{errors} {}", l.pick("erreur(s) à corriger avant envoi.", "error(s) to correct before sending."))}</li> })}
                </ul>
            </section>
        }
    };

    view! {
        <div class="proposal-toolbar" data-testid="proposal-toolbar">
            <button type="button" data-testid="proposal-back" on:click=move |_| session.proposal.set(false)>
                {move || ui.get().pick("← Retour à l'édition", "← Back to editing")}
            </button>
            <label class="inline">
                <span>{move || ui.get().pick("Langue du document", "Document language")}</span>
                <select data-testid="proposal-lang" on:change=move |e| doc.set(if event_target_value(&e) == "en" { Lang::En } else { Lang::Fr })>
                    <option value="fr" selected=move || doc.get() == Lang::Fr>"Français"</option>
                    <option value="en" selected=move || doc.get() == Lang::En>"English"</option>
                </select>
            </label>
            <label class="inline">
                <input type="checkbox" data-testid="proposal-vat" prop:checked=move || vat.get() on:change=move |e| vat.set(event_target_checked(&e)) />
                <span>{move || ui.get().pick("Ligne de TVA à", "VAT line at")}</span>
                <ParsedInput
                    id="proposal-vat-rate"
                    testid="proposal-vat-rate"
                    class="qty-input"
                    initial="20"
                    parse=|t: &str| Quantity::parse(t).map(|q| q.as_decimal()).map_err(FieldError::Number)
                    on_valid=move |d| vat_rate.set(d)
                />
                <span>"%"</span>
            </label>
            <button type="button" class="primary" data-testid="proposal-print" on:click=move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>
                {move || ui.get().pick("Imprimer / PDF", "Print / PDF")}
            </button>
        </div>
        <article class="proposal" data-testid="proposal" lang=move || if doc.get() == Lang::Fr { "fr" } else { "en" }>
            {cover}
            {scope_and_lines}
            {charges}
            {schedule}
            {clauses}
            {service_levels}
            {raci}
            {out_of_fee}
            {assumptions}
        </article>
    }
}

fn quantity(q: Quantity, l: Lang) -> String {
    decimal(q.as_decimal(), l)
}
