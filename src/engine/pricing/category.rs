//! What an amount of the schedule is for: the categories of the totals, the
//! CSV exports and the charts.

use serde::Serialize;

use crate::engine::lang::Lang;

/// What an amount of the schedule is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// §9.2: one-time access fee.
    AccessFee,
    /// §9.8.1: build instalments.
    Build,
    /// One-time catalogue lines (time and material days…).
    OneTime,
    /// §9.2: monthly service units.
    Run,
    /// §6.1: SDM, CBM.
    Governance,
    /// §9.5: support fees.
    Support,
    /// §6: monthly token packs.
    TokenPack,
    /// §6: tokens bought on demand or beyond the pack.
    TokenOnDemand,
    /// §9.5: tickets beyond those included.
    TicketOverage,
    /// §9.2: brings a month's recurring charges up to the billing minimum.
    MinimumComplement,
    /// §9.2 (SPEC §14, base-fee reading): the monthly minimum billed as a
    /// fee every run month, the units added to it.
    MinimumFee,
    /// §6, §11: off-catalogue work quoted specifically, billed once.
    SpecificOneTime,
    /// §6, §11: off-catalogue service quoted specifically, billed monthly.
    SpecificMonthly,
}

impl Category {
    pub const ALL: [Category; 13] = [
        Category::AccessFee,
        Category::Build,
        Category::OneTime,
        Category::Run,
        Category::Governance,
        Category::Support,
        Category::TokenPack,
        Category::TokenOnDemand,
        Category::TicketOverage,
        Category::MinimumComplement,
        Category::MinimumFee,
        Category::SpecificOneTime,
        Category::SpecificMonthly,
    ];

    /// One-time charges, as opposed to recurring ones.
    pub fn is_one_time(self) -> bool {
        matches!(
            self,
            Category::AccessFee | Category::Build | Category::OneTime | Category::SpecificOneTime
        )
    }

    /// The subscriptions counted against the monthly billing minimum (§9.2);
    /// consumption (tokens on demand, ticket overage) is not.
    pub(super) fn counts_towards_minimum(self) -> bool {
        matches!(
            self,
            Category::Run
                | Category::Governance
                | Category::Support
                | Category::TokenPack
                | Category::SpecificMonthly
        )
    }

    pub fn key(self) -> &'static str {
        match self {
            Category::AccessFee => "access_fee",
            Category::Build => "build",
            Category::OneTime => "one_time",
            Category::Run => "run",
            Category::Governance => "governance",
            Category::Support => "support",
            Category::TokenPack => "token_pack",
            Category::TokenOnDemand => "token_on_demand",
            Category::TicketOverage => "ticket_overage",
            Category::MinimumComplement => "minimum_complement",
            Category::MinimumFee => "minimum_fee",
            Category::SpecificOneTime => "specific_one_time",
            Category::SpecificMonthly => "specific_monthly",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Category::AccessFee => lang.pick("Frais d'accès", "Access fee"),
            Category::Build => lang.pick("Build", "Build"),
            Category::OneTime => lang.pick("Prestations ponctuelles", "One-time services"),
            Category::Run => lang.pick("Unités de service", "Service units"),
            Category::Governance => lang.pick("Gouvernance", "Governance"),
            Category::Support => lang.pick("Support", "Support"),
            Category::TokenPack => lang.pick("Packs de jetons", "Token packs"),
            Category::TokenOnDemand => lang.pick("Jetons à la demande", "Tokens on demand"),
            Category::TicketOverage => lang.pick("Dépassement de tickets", "Ticket overage"),
            Category::MinimumComplement => lang.pick(
                "Complément minimum de facturation",
                "Minimum billing complement",
            ),
            Category::MinimumFee => {
                lang.pick("Minimum de facturation mensuel", "Monthly billing minimum")
            }
            Category::SpecificOneTime => {
                lang.pick("Devis spécifiques ponctuels", "Specific one-time quotes")
            }
            Category::SpecificMonthly => {
                lang.pick("Devis spécifiques mensuels", "Specific monthly quotes")
            }
        }
    }
}
