//! §8.5: the guarantees table, a column per subscribed environment: the
//! penalties, availability, restoration per priority, changes, quotation.

use leptos::prelude::*;

use super::cells::{change_cell, percent, restoration_cell};
use super::guarantee_row::GuaranteeRow;
use crate::engine::document::credit_month::Priority;
use crate::engine::lang::Lang;
use crate::engine::service_levels::Guarantees;
use crate::engine::service_levels::{ChangeKind, EnvironmentGuarantees};
use crate::ui::state::use_state;

#[component]
pub fn GuaranteesTable(applied: Memo<Guarantees>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let row = move |label: (&'static str, &'static str),
                    row_key: &'static str,
                    cell: fn(&EnvironmentGuarantees, Lang) -> String| {
        view! { <GuaranteeRow label row_key cell applied /> }
    };
    view! {
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
    }
}
