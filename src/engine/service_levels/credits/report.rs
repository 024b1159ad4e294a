//! The credits of a simulated month, clause by clause: per function (GTD),
//! per incident and for the month (GTR), per change (GTC), the higher-of
//! settlement and the cap.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::super::tables::{ChangeKind, Commitment};
use crate::engine::document::managed_function::ManagedFunction;
use crate::engine::document::quote::{LineId, ManagementModel};
use crate::engine::document::support::SupportLevel;
use crate::engine::lang::Lang;
use crate::engine::money::Money;

/// Why a clause earns nothing for an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exemption {
    /// §8.4.3.
    NonProduction,
    /// §8.5.3 / §8.5.4: "Pas de SLA" at this level, or P4.
    NoCommitment,
    /// The environment is not subscribed in the quote.
    NotSubscribed,
    /// §8.4.4 a.
    ClientCause,
    /// §8.4.4 b.
    NoLevel3,
    /// §8.4.6.
    IaasDown,
    /// §4.1 (SPEC §14): No Build, not onboarded: not taken into management.
    NotManaged,
}

impl Exemption {
    pub fn clause(self) -> &'static str {
        match self {
            Exemption::NonProduction => "§8.4.3",
            Exemption::NoCommitment => "§8.5",
            Exemption::NotSubscribed => "§5",
            Exemption::ClientCause => "§8.4.4 a",
            Exemption::NoLevel3 => "§8.4.4 b",
            Exemption::IaasDown => "§8.4.6",
            Exemption::NotManaged => "§4.1",
        }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Exemption::NonProduction => lang.pick(
                "hors production : pas de pénalité",
                "non-production: no penalty",
            ),
            Exemption::NoCommitment => lang.pick(
                "pas d'engagement à ce niveau",
                "no commitment at this level",
            ),
            Exemption::NotSubscribed => {
                lang.pick("environnement non souscrit", "environment not subscribed")
            }
            Exemption::ClientCause => {
                lang.pick("cause client (co-managé)", "client cause (co-managed)")
            }
            Exemption::NoLevel3 => lang.pick(
                "pas de support niveau 3 (co-managé)",
                "no level 3 support (co-managed)",
            ),
            Exemption::IaasDown => lang.pick("IaaS indisponible", "IaaS down"),
            Exemption::NotManaged => lang.pick(
                "No Build : ressource non managée par ce contrat",
                "No Build: resource not managed by this contract",
            ),
        }
    }
}

/// §8.5.2 for one managed function (§10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunctionCredit {
    pub id: u32,
    pub function: ManagedFunction,
    /// The unit lines whose charge makes the base (production, managed).
    pub units: Vec<LineId>,
    /// At least one of its units is a production unit (§8.4.3).
    pub production: bool,
    pub kubernetes: bool,
    /// The production environment's level in the month.
    pub level: Option<SupportLevel>,
    pub guarantee: Option<Decimal>,
    pub month_minutes: u32,
    /// The interruption minutes counted (after exclusions).
    pub counted_minutes: Decimal,
    /// Measured availability, in %, rounded to 4 decimals for display.
    pub availability: Decimal,
    /// Guarantee minus availability, in points (4 decimals), when below.
    pub gap_points: Option<Decimal>,
    pub tier_percent: Option<Decimal>,
    /// The function's monthly recurring charge billed in the month: its
    /// production units taken into management.
    pub base: Money,
    pub credit: Money,
    pub exemption: Option<Exemption>,
}

/// §8.5.3 for one incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentOutcome {
    pub id: u32,
    pub level: Option<SupportLevel>,
    pub commitment: Option<Commitment>,
    pub late: bool,
    /// Counted in the GTR gap (a production incident with a commitment and
    /// no exclusion).
    pub counted: bool,
    pub exemption: Option<Exemption>,
    /// §8.4.4 c, d: tokens billed to the client for the provider's time.
    pub billed_tokens: u32,
    pub billed: Money,
}

/// §8.5.3 for the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestorationCredit {
    pub resolved: u32,
    pub late: u32,
    /// `resolved`, or 5 when fewer than 5 were resolved.
    pub divisor: u32,
    /// late / divisor, in %, 4 decimals.
    pub gap_percent: Decimal,
    pub tier_percent: Option<Decimal>,
    /// The month's recurring charge of all production units.
    pub base: Money,
    pub credit: Money,
}

/// §8.5.4 for one change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeOutcome {
    pub id: u32,
    pub kind: ChangeKind,
    pub level: Option<SupportLevel>,
    pub commitment: Option<Commitment>,
    pub late: bool,
    /// tokens x multiplier x pay-as-you-go token price.
    pub price: Money,
    pub credit: Money,
    pub exemption: Option<Exemption>,
}

/// How §8.4.10 settled a month where one incident earned both credits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HigherOf {
    /// Functions whose GTD credit shares incidents with the GTR.
    pub functions: Vec<u32>,
    /// Incidents behind both credits.
    pub incidents: Vec<u32>,
    /// Total of both clauses when the GTD credits are kept…
    pub keeping_gtd: Money,
    /// … and when the GTR credit is kept instead.
    pub keeping_gtr: Money,
    pub kept_gtd: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreditReport {
    pub month: NaiveDate,
    pub model: ManagementModel,
    /// 000: none under Full DevOps.
    pub apply: bool,
    pub co_managed: bool,
    pub functions: Vec<FunctionCredit>,
    pub incidents: Vec<IncidentOutcome>,
    pub restoration: RestorationCredit,
    pub changes: Vec<ChangeOutcome>,
    pub higher_of: Option<HigherOf>,
    pub availability_total: Money,
    pub restoration_total: Money,
    pub change_total: Money,
    /// Before the cap.
    pub subtotal: Money,
    /// §8.4.9: the month's recurring charge of the Service…
    pub cap_base: Money,
    /// … and 15 % of it.
    pub cap: Money,
    pub capped: bool,
    pub total: Money,
    /// §8.4.4 c, d: what the client is billed in tokens.
    pub billed_tokens: u32,
    pub billed: Money,
}
