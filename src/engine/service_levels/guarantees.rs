//! What the service levels promise each environment of a quote (§8.3,
//! §8.4, §8.5), and the conditions under which they apply.

use rust_decimal::Decimal;
use serde::Serialize;

use super::tables::{ChangeKind, Commitment, ServiceLevels};
use crate::engine::document::credit_month::Priority;
use crate::engine::document::managed_function::ManagedFunction;
use crate::engine::document::quote::{LineId, ManagementModel, Quote};
use crate::engine::document::support::{EnvironmentKind, SupportLevel};
use crate::engine::lang::Lang;
use crate::engine::models;
use crate::engine::pricing::{Category, PricedQuote};

/// What the service levels promise one environment of the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnvironmentGuarantees {
    pub environment: EnvironmentKind,
    pub level: SupportLevel,
    pub production: bool,
    /// §8.4.3: penalties only on production units.
    pub penalties: bool,
    /// §8.5.2.
    pub availability: Decimal,
    pub availability_kubernetes: Decimal,
    /// §8.5.3, P1 to P4.
    pub restoration: Vec<(Priority, Option<Commitment>)>,
    /// §8.5.4.
    pub changes: Vec<(ChangeKind, Option<Commitment>)>,
    pub quotation_days: Option<u32>,
}

/// A clause that limits or excludes the guarantees, shown with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    NonProductionNoPenalty,
    CoManagedClientCause,
    CoManagedNoLevel3,
    CoManagedClientWorkInTokens,
    CoManagedSharedHalf,
    BackendBuildClass2,
    IaasDown,
    Cap,
    HigherOf,
    Reversibility,
    ClaimWithin30Days,
}

impl Condition {
    pub fn clause(self) -> &'static str {
        match self {
            Condition::NonProductionNoPenalty => "§8.4.3",
            Condition::CoManagedClientCause => "§8.4.4 a",
            Condition::CoManagedNoLevel3 => "§8.4.4 b",
            Condition::CoManagedClientWorkInTokens => "§8.4.4 c",
            Condition::CoManagedSharedHalf => "§8.4.4 d",
            Condition::BackendBuildClass2 => "§8.4.5",
            Condition::IaasDown => "§8.4.6",
            Condition::Cap => "§8.4.9",
            Condition::HigherOf => "§8.4.10",
            Condition::Reversibility => "§9.9",
            Condition::ClaimWithin30Days => "§8.2",
        }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Condition::NonProductionNoPenalty => lang.pick(
                "Les engagements valent aussi hors production (plages ouvrées), mais sans pénalité.",
                "Commitments also hold outside production (business hours), but without penalty.",
            ),
            Condition::CoManagedClientCause => lang.pick(
                "Pas de GTD ni de GTR pendant les périodes où le client est impliqué dans la cause de l'incident.",
                "No GTD or GTR while the client is involved in the cause of the incident.",
            ),
            Condition::CoManagedNoLevel3 => lang.pick(
                "Pas de GTR sur les unités dont le prestataire n'assure pas le support niveau 3.",
                "No GTR on units whose level 3 support the provider does not hold.",
            ),
            Condition::CoManagedClientWorkInTokens => lang.pick(
                "Le temps passé sur un incident causé par le client est facturé en jetons.",
                "Time spent on an incident caused by the client is billed in tokens.",
            ),
            Condition::CoManagedSharedHalf => lang.pick(
                "Responsabilité partagée : le temps passé est partagé à 50 % chacun.",
                "Shared responsibility: the time spent is shared 50/50.",
            ),
            Condition::BackendBuildClass2 => lang.pick(
                "Backend Build classe 2 : responsabilité limitée à la détection, l'investigation et le rétablissement permis par l'outillage du client.",
                "Backend Build class 2: responsibility limited to the detection, investigation and restoration the client's tooling allows.",
            ),
            Condition::IaasDown => lang.pick(
                "Aucun engagement pendant l'indisponibilité de l'IaaS du client.",
                "No commitment while the client's IaaS is down.",
            ),
            Condition::Cap => lang.pick(
                "Crédits plafonnés à 15 % du montant mensuel récurrent du Service pour le mois.",
                "Credits capped at 15% of the Service's monthly recurring charge for the month.",
            ),
            Condition::HigherOf => lang.pick(
                "Un même incident ne cumule pas GTD et GTR : le crédit le plus élevé s'applique.",
                "One incident cannot earn both GTD and GTR: the higher credit applies.",
            ),
            Condition::Reversibility => lang.pick(
                "Pendant la réversibilité (3 mois au plus), la GTR ne s'applique pas.",
                "During reversibility (3 months at most), the GTR does not apply.",
            ),
            Condition::ClaimWithin30Days => lang.pick(
                "Les crédits sont à demander dans les 30 jours suivant le mois concerné.",
                "Credits must be claimed within 30 days after the month concerned.",
            ),
        }
    }
}

/// §8 for a quote: what applies, environment by environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Guarantees {
    pub model: ManagementModel,
    /// 000: the commitments apply to Fully Managed and Co-Managed only.
    pub apply: bool,
    pub environments: Vec<EnvironmentGuarantees>,
    pub conditions: Vec<Condition>,
    pub portal_availability: Decimal,
    pub cap_percent: Decimal,
}

/// §8: what the service levels promise each environment of `quote`, at the
/// support level it is subscribed with.
pub fn guarantees(quote: &Quote, tables: &ServiceLevels) -> Guarantees {
    let apply = models::service_levels_apply(quote.model);
    let environments = if apply {
        quote
            .environments
            .iter()
            .map(|e| environment_guarantees(tables, e.kind, e.support))
            .collect()
    } else {
        Vec::new()
    };
    let mut conditions = Vec::new();
    if apply {
        conditions.push(Condition::NonProductionNoPenalty);
        if models::co_managed_exclusions(quote.model) {
            conditions.extend([
                Condition::CoManagedClientCause,
                Condition::CoManagedNoLevel3,
                Condition::CoManagedClientWorkInTokens,
                Condition::CoManagedSharedHalf,
            ]);
        }
        if quote
            .lines
            .iter()
            .any(|l| l.build == crate::engine::document::catalog::BuildModel::Backend)
        {
            conditions.push(Condition::BackendBuildClass2);
        }
        conditions.extend([
            Condition::IaasDown,
            Condition::Cap,
            Condition::HigherOf,
            Condition::Reversibility,
            Condition::ClaimWithin30Days,
        ]);
    }
    Guarantees {
        model: quote.model,
        apply,
        environments,
        conditions,
        portal_availability: tables.portal_availability,
        cap_percent: tables.cap_percent,
    }
}

pub fn environment_guarantees(
    tables: &ServiceLevels,
    environment: EnvironmentKind,
    level: SupportLevel,
) -> EnvironmentGuarantees {
    let production = environment == EnvironmentKind::Production;
    EnvironmentGuarantees {
        environment,
        level,
        production,
        penalties: production,
        availability: tables.availability(level, false),
        availability_kubernetes: tables.availability(level, true),
        restoration: Priority::ALL
            .into_iter()
            .map(|p| (p, tables.restoration(p, level, production)))
            .collect(),
        changes: ChangeKind::ALL
            .into_iter()
            .map(|k| (k, tables.change(k, level)))
            .collect(),
        quotation_days: tables.quotation_days(level),
    }
}

/// §8.5.2, §10: one managed function of the quote and its guarantee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunctionGuarantee {
    pub function: ManagedFunction,
    pub kubernetes: bool,
    /// At the production environment's level at signature; none when
    /// production is not subscribed, the model has no service levels or
    /// no unit of the function is taken into management.
    pub availability: Option<Decimal>,
    /// Its units taken into management.
    pub units: Vec<LineId>,
    /// §4.1: its units quoted No Build and not onboarded (no guarantee).
    pub not_managed: Vec<LineId>,
}

/// §10: which managed functions the quote has, which monthly units are in
/// none (security devices, supervision: no GTD) and which are not taken
/// into management (§4.1 No Build, not onboarded: no guarantee at all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunctionGuarantees {
    pub functions: Vec<FunctionGuarantee>,
    pub outside_functions: Vec<LineId>,
    pub not_managed: Vec<LineId>,
}

pub fn function_guarantees(
    quote: &Quote,
    priced: &PricedQuote,
    tables: &ServiceLevels,
) -> FunctionGuarantees {
    let apply = models::service_levels_apply(quote.model);
    let level = quote
        .environment(EnvironmentKind::Production)
        .map(|e| e.support)
        .filter(|_| apply);
    let runs = || priced.lines.iter().filter(|l| l.category == Category::Run);
    let mut functions: Vec<FunctionGuarantee> = Vec::new();
    for line in runs() {
        let Some(function) = line.function else {
            continue;
        };
        let index = match functions.iter().position(|f| f.function == function) {
            Some(i) => i,
            None => {
                functions.push(FunctionGuarantee {
                    function,
                    kubernetes: function.is_kubernetes(),
                    availability: None,
                    units: Vec::new(),
                    not_managed: Vec::new(),
                });
                functions.len() - 1
            }
        };
        let f = &mut functions[index];
        if line.unmanaged {
            f.not_managed.push(line.id);
        } else {
            f.units.push(line.id);
        }
    }
    functions.sort_by_key(|f| f.function);
    for f in &mut functions {
        if !f.units.is_empty() {
            f.availability = level.map(|l| tables.availability(l, f.kubernetes));
        }
    }
    FunctionGuarantees {
        functions,
        outside_functions: runs()
            .filter(|l| l.function.is_none())
            .map(|l| l.id)
            .collect(),
        not_managed: runs().filter(|l| l.unmanaged).map(|l| l.id).collect(),
    }
}
