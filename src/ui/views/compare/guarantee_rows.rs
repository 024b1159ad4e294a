//! The rows of the service-level comparison: each commitment of the
//! production environment, or why there is none.

use crate::engine::lang::Lang;
use crate::engine::service_levels::{Condition, EnvironmentGuarantees, Guarantees};
use crate::ui::format::commitment;

pub type GuaranteeCell = fn(&Guarantees, Lang) -> String;

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
pub fn guarantee_rows() -> Vec<(&'static str, &'static str, &'static str, GuaranteeCell)> {
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
