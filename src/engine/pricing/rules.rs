//! Catalogue rules checked on a quote: dependencies between managed services
//! (§3 of SPEC; §6.3, §6.4, §6.11, §6.12, §7.1.2, §5.11.4 of the service
//! description) and governance bound to the support levels (§5; §6.1.1,
//! §6.1.2; SPEC §14: mandatory with a Premium environment, not available
//! when every environment is Standard, optional otherwise).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::issues::{Location, QuoteIssue};
use super::ledger::Ledger;
use super::lines::LineDraft;
use crate::engine::document::catalog::Family;
use crate::engine::document::pricebook::GovernanceRole;
use crate::engine::document::quote::LineId;

/// What the rules need to know of one priced line.
pub struct RuleLine {
    pub id: LineId,
    pub family: Family,
    pub quantity: Decimal,
    pub uses: Vec<Family>,
    pub role: Option<GovernanceRole>,
}

/// §6.1.1–6.1.2: what the governance rules need to know of the
/// environments' support levels over the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SupportMix {
    /// Some environment is Premium at some point: SDM and CBM are mandatory.
    pub any_premium: bool,
    /// There is an environment and every one is Standard throughout ("les
    /// Projets incluant uniquement des Tenants Managés de niveau de support
    /// Standard"): SDM and CBM are not available.
    pub only_standard: bool,
}

/// A rule broken by one line, or by the quote as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleBreach {
    /// The line needs these families managed on the same project.
    MissingDependency { line: LineId, requires: Vec<Family> },
    /// §6.12: managed AD needs at least 2 VMs.
    AdNeedsTwoVms { line: LineId },
    /// §6.1.1–6.1.2: mandatory with a Premium environment.
    GovernanceRequired { role: GovernanceRole },
    /// §6.1.1–6.1.2: not available when every environment is Standard.
    GovernanceUnavailable { line: LineId, role: GovernanceRole },
}

/// The families a line of `family` always requires (§7.1.2 and the clauses
/// of each service), before what it declares it uses.
fn always_requires(family: Family) -> &'static [Family] {
    match family {
        // §6.3, §6.4, §7.1.2: database and middleware need the OS managed.
        Family::Database | Family::Middleware => &[Family::Os],
        // §7.1.2: containers with Caascad need Kubernetes managed with Caascad.
        Family::Container => &[Family::Kubernetes],
        // §7.1.2: application managed needs the OS managed.
        Family::Application => &[Family::Os],
        // §6.11: RDS needs the OS and AD managed.
        Family::Rds => &[Family::Os, Family::Ad],
        // §6.12: AD needs the OS managed.
        Family::Ad => &[Family::Os],
        _ => &[],
    }
}

/// The families a line may declare it uses (§7.1.2 for applications,
/// §5.11.4 for supervised business functions).
pub fn may_use(family: Family) -> &'static [Family] {
    match family {
        Family::Application => &[
            Family::Database,
            Family::Middleware,
            Family::Container,
            Family::Kubernetes,
        ],
        Family::Supervision => &[
            Family::Os,
            Family::Database,
            Family::Middleware,
            Family::Kubernetes,
            Family::Container,
            Family::Application,
            Family::BigData,
        ],
        _ => &[],
    }
}

/// Checks the dependencies and governance rules; `support` tells what the
/// environments' levels are (§6.1.1, §6.1.2).
pub fn check(lines: &[RuleLine], support: SupportMix) -> Vec<RuleBreach> {
    let mut present: BTreeMap<Family, Decimal> = BTreeMap::new();
    for line in lines {
        if line.quantity > Decimal::ZERO {
            // Quantities are bounded (`limits`): a sum that would not fit
            // saturates, which only a rule's presence test reads.
            let sum = present.entry(line.family).or_default();
            *sum = sum.saturating_add(line.quantity);
        }
    }
    let mut breaches = Vec::new();
    for line in lines.iter().filter(|l| l.quantity > Decimal::ZERO) {
        let mut requires: Vec<Family> = always_requires(line.family).to_vec();
        for used in &line.uses {
            if may_use(line.family).contains(used) && !requires.contains(used) {
                requires.push(*used);
            }
        }
        requires.retain(|f| !present.contains_key(f));
        if !requires.is_empty() {
            breaches.push(RuleBreach::MissingDependency {
                line: line.id,
                requires,
            });
        }
        // §6.12: at least two VMs (domain controllers) for managed AD.
        if line.family == Family::Ad && present.get(&Family::Ad).copied() < Some(Decimal::TWO) {
            breaches.push(RuleBreach::AdNeedsTwoVms { line: line.id });
        }
        if let Some(role) = line.role {
            // §6.1.1–6.1.2: "n'est pas disponible pour les Projets incluant
            // uniquement des Tenants Managés de niveau de support Standard";
            // with Initial environments the role is optional (SPEC §14).
            if support.only_standard {
                breaches.push(RuleBreach::GovernanceUnavailable {
                    line: line.id,
                    role,
                });
            }
        }
    }
    // §6.1.1–6.1.2: "doit obligatoirement être souscrite pour chaque Projet
    // qui inclut au moins un Tenant Managé de niveau de support Premium".
    if support.any_premium {
        for role in [
            GovernanceRole::ServiceDeliveryManager,
            GovernanceRole::ContractBusinessManager,
        ] {
            let quoted = lines
                .iter()
                .any(|l| l.role == Some(role) && l.quantity > Decimal::ZERO);
            if !quoted {
                breaches.push(RuleBreach::GovernanceRequired { role });
            }
        }
    }
    breaches
}

/// §3, §6.1: checks the drafted lines and flags each breach where it lies.
pub(super) fn flag_breaches(l: &mut Ledger, drafts: &[LineDraft], support: SupportMix) {
    let rule_lines: Vec<RuleLine> = drafts
        .iter()
        .map(|d| RuleLine {
            id: d.line.id,
            family: d.item.family,
            quantity: d.line.quantity.as_decimal(),
            uses: d.line.uses.clone(),
            role: d.item.role,
        })
        .collect();
    for breach in check(&rule_lines, support) {
        match breach {
            RuleBreach::MissingDependency { line, requires } => l.flag(
                Location::Line(line),
                QuoteIssue::MissingDependency { requires },
            ),
            RuleBreach::AdNeedsTwoVms { line } => {
                l.flag(Location::Line(line), QuoteIssue::AdNeedsTwoVms)
            }
            RuleBreach::GovernanceRequired { role } => l.flag(
                Location::Governance,
                QuoteIssue::GovernanceRequired { role },
            ),
            RuleBreach::GovernanceUnavailable { line, role } => l.flag(
                Location::Line(line),
                QuoteIssue::GovernanceUnavailable { role },
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No governance constraint (an Initial environment, say).
    const NONE: SupportMix = SupportMix {
        any_premium: false,
        only_standard: false,
    };
    const PREMIUM: SupportMix = SupportMix {
        any_premium: true,
        only_standard: false,
    };
    const ONLY_STANDARD: SupportMix = SupportMix {
        any_premium: false,
        only_standard: true,
    };

    fn line(id: u32, family: Family, qty: i64) -> RuleLine {
        RuleLine {
            id: LineId(id),
            family,
            quantity: Decimal::from(qty),
            uses: Vec::new(),
            role: None,
        }
    }

    #[test]
    fn a_database_without_managed_os_names_the_missing_os() {
        // §6.3, §7.1.2
        let breaches = check(&[line(1, Family::Database, 2)], NONE);
        assert_eq!(
            breaches,
            [RuleBreach::MissingDependency {
                line: LineId(1),
                requires: vec![Family::Os]
            }]
        );
        assert!(check(
            &[line(1, Family::Database, 2), line(2, Family::Os, 1)],
            NONE
        )
        .is_empty());
    }

    #[test]
    fn containers_need_kubernetes_and_rds_needs_os_and_ad() {
        // §7.1.2, §6.11
        let breaches = check(
            &[line(1, Family::Container, 1), line(2, Family::Rds, 10)],
            NONE,
        );
        assert_eq!(
            breaches,
            [
                RuleBreach::MissingDependency {
                    line: LineId(1),
                    requires: vec![Family::Kubernetes]
                },
                RuleBreach::MissingDependency {
                    line: LineId(2),
                    requires: vec![Family::Os, Family::Ad]
                },
            ]
        );
    }

    #[test]
    fn an_application_needs_what_it_uses() {
        // §7.1.2
        let mut app = line(1, Family::Application, 1);
        app.uses = vec![Family::Database, Family::Kubernetes];
        let breaches = check(
            &[app, line(2, Family::Os, 1), line(3, Family::Kubernetes, 1)],
            NONE,
        );
        assert_eq!(
            breaches,
            [RuleBreach::MissingDependency {
                line: LineId(1),
                requires: vec![Family::Database]
            }]
        );
    }

    #[test]
    fn managed_ad_needs_two_vms() {
        // §6.12
        let breaches = check(&[line(1, Family::Ad, 1), line(2, Family::Os, 2)], NONE);
        assert_eq!(breaches, [RuleBreach::AdNeedsTwoVms { line: LineId(1) }]);
        assert!(check(&[line(1, Family::Ad, 2), line(2, Family::Os, 2)], NONE).is_empty());
    }

    #[test]
    fn premium_support_requires_both_governance_roles() {
        // §6.1.1, §6.1.2
        let mut sdm = line(1, Family::Governance, 1);
        sdm.role = Some(GovernanceRole::ServiceDeliveryManager);
        assert_eq!(
            check(&[sdm], PREMIUM),
            [RuleBreach::GovernanceRequired {
                role: GovernanceRole::ContractBusinessManager
            }]
        );
    }

    #[test]
    fn governance_is_unavailable_only_when_every_environment_is_standard() {
        // §6.1.1, §6.1.2 (SPEC §14): "n'est pas disponible pour les Projets
        // incluant uniquement des Tenants Managés de niveau de support
        // Standard"; optional otherwise (an Initial environment, say).
        let mut sdm = line(1, Family::Governance, 1);
        sdm.role = Some(GovernanceRole::ServiceDeliveryManager);
        assert_eq!(
            check(std::slice::from_ref(&sdm), ONLY_STANDARD),
            [RuleBreach::GovernanceUnavailable {
                line: LineId(1),
                role: GovernanceRole::ServiceDeliveryManager
            }]
        );
        assert_eq!(check(std::slice::from_ref(&sdm), NONE), []);
        // And not mandatory there either: no breach without the roles.
        assert_eq!(check(&[line(2, Family::Os, 1)], NONE), []);
    }

    #[test]
    fn a_line_at_quantity_zero_neither_needs_nor_provides() {
        assert!(check(&[line(1, Family::Database, 0)], NONE).is_empty());
        assert_eq!(
            check(
                &[line(1, Family::Database, 1), line(2, Family::Os, 0)],
                NONE
            )
            .len(),
            1
        );
    }
}
