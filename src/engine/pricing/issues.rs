//! What can go wrong while pricing: a fatal [`PricingError`], or an
//! [`Issue`] located in one part of the quote (an error that leaves the part
//! out of the totals, or a warning that states an assumption).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use thiserror::Error;

use crate::engine::document::catalog::{BuildModel, Family};
use crate::engine::document::pricebook::GovernanceRole;
use crate::engine::document::quote::LineId;
use crate::engine::document::support::{EnvironmentKind, SupportLevel};
use crate::engine::money::Money;

/// Where in the quote a problem lies, so the UI can show it beside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Location {
    Line(LineId),
    Environment(EnvironmentKind),
    Commitment,
    StartDate,
    BuildBilling,
    Lot(u32),
    SupportChange(u32),
    Governance,
    Tickets,
    TokenChange(u32),
    TokenPack,
    Specific(u32),
    Totals,
}

impl Location {
    /// Where it lies, in the words of the quote file (`line id 3`,
    /// `commitment_months`), for messages outside the screen.
    pub fn in_file(self) -> String {
        match self {
            Location::Line(id) => format!("line id {}", id.0),
            Location::Environment(kind) => format!("environment {}", kind.key()),
            Location::Commitment => "commitment_months".to_owned(),
            Location::StartDate => "start_date".to_owned(),
            Location::BuildBilling => "build_billing".to_owned(),
            Location::Lot(id) => format!("build lot id {id}"),
            Location::SupportChange(id) => format!("support change id {id}"),
            Location::Governance => "governance (SDM, CBM)".to_owned(),
            Location::Tickets => "tickets".to_owned(),
            Location::TokenChange(id) => format!("token change id {id}"),
            Location::TokenPack => "token pack".to_owned(),
            Location::Specific(id) => format!("specific line id {id}"),
            Location::Totals => "totals".to_owned(),
        }
    }
}

/// A problem that stops the quote from being priced at all.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(rename_all = "snake_case", tag = "error")]
pub enum PricingError {
    /// §9.1: the minimum duration is one year.
    #[error("the commitment must be between {min} and {max} months, not {months}")]
    CommitmentOutOfRange { months: u32, min: u32, max: u32 },
    #[error("the start date is out of range")]
    DateOutOfRange,
    #[error("no price book for region “{region}” is in force on {date}")]
    NoPriceBook { region: String, date: NaiveDate },
    #[error("an amount is too large to compute ({location:?})")]
    Overflow { location: Location },
}

impl PricingError {
    pub fn location(&self) -> Location {
        match self {
            PricingError::CommitmentOutOfRange { .. } => Location::Commitment,
            PricingError::DateOutOfRange | PricingError::NoPriceBook { .. } => Location::StartDate,
            PricingError::Overflow { location } => *location,
        }
    }
}

/// How serious an issue is: an error makes the quote invalid, a warning
/// states an assumption the engine made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// A problem with one part of the quote. Parts that cannot be priced
/// (unknown item, invalid change…) are left out of the totals; rule breaches
/// (a missing dependency…) are priced and flagged.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(rename_all = "snake_case", tag = "issue")]
pub enum QuoteIssue {
    #[error("“{code}” is not in the price book in force")]
    UnknownItem { code: String },
    /// §2: Full DevOps quotes professional services only.
    #[error("set aside under Full DevOps: only professional services are sold (§2); another model restores it")]
    NotSoldUnderFullDevOps { family: Family },
    /// §2: Full DevOps has no managed service, hence no support subscription.
    #[error("no support subscription under Full DevOps (§2)")]
    NoSupportUnderFullDevOps,
    /// §3 (§7.1.2 …): the line needs these services managed too.
    #[error("requires {requires:?} managed on the same project (§7.1.2)")]
    MissingDependency { requires: Vec<Family> },
    #[error("managed AD requires at least 2 VMs (§6.12)")]
    AdNeedsTwoVms,
    #[error("{role:?} is mandatory with a Premium environment (§6.1.1, §6.1.2)")]
    GovernanceRequired { role: GovernanceRole },
    /// §6.1.1–6.1.2: not available when every environment is Standard.
    #[error("{role:?} is not available when every environment is Standard (§6.1.1, §6.1.2)")]
    GovernanceUnavailable { role: GovernanceRole },
    #[error("no {model:?} price for this item (§4.1)")]
    BuildNotOffered { model: BuildModel },
    /// §4.1 (SPEC §14): No Build, "la ressource n'est pas managée".
    #[error("No Build: the resource is not taken into management by this contract and carries no service-level guarantee (§4.1), unless it is already onboarded")]
    NotManagedWithoutBuild,
    #[error("a built resource is counted in whole units (§4)")]
    BuildNeedsWholeQuantity,
    #[error("the build is quoted but its invoicing is not set: 30/70 with the build ending on {assumed} is assumed (§9.8.1)")]
    BuildBillingAssumed { assumed: NaiveDate },
    #[error("milestone percentages sum to {sum} %, not 100 % (§9.8.1)")]
    MilestonesNot100 { sum: Decimal },
    #[error("this date is outside the contract ({start} to {end})")]
    OutsideContract { start: NaiveDate, end: NaiveDate },
    #[error("lot {lot} does not exist (§9.8.2)")]
    UnknownLot { lot: u32 },
    #[error("lot number {lot} is used twice")]
    DuplicateLot { lot: u32 },
    #[error("the build invoicing has no lot")]
    NoLots,
    #[error("a support level changes on the 1st of a month (§5.3)")]
    SupportChangeNotFirstOfMonth,
    #[error("this environment is not subscribed")]
    SupportChangeUnknownEnvironment,
    #[error("support can only be upgraded while committed, until {committed_until} (§5.3)")]
    SupportDowngradeWhileCommitted { committed_until: NaiveDate },
    /// §5.3 (SPEC §14): the level's 6-month commitment runs past the end of
    /// the contract; the committed months left are billed with the last month.
    #[error("{level:?} support is committed until {committed_until}, after the end of the contract: {months} committed month(s) left, {amount}, billed with the last month (§5.3)")]
    SupportCommitmentBeyondContract {
        level: SupportLevel,
        committed_until: NaiveDate,
        months: u32,
        amount: Money,
    },
    #[error("“{code}” is not in the change catalogue")]
    UnknownChange { code: String },
    #[error("{planned} accelerated changes a year: at most {max} (§6)")]
    TooManyAccelerated { planned: u32, max: u32 },
    #[error("“{code}” is not a token pack of this chain")]
    UnknownPack { code: String },
    #[error("the ordering date is outside the contract")]
    OrderedOutsideContract,
    /// SPEC §14: a quantity change after the order, before the end.
    #[error("the quantity change of {date} must fall after the line's order ({from}) and before the end of the contract ({to}); it is left out")]
    QuantityChangeOutsideLine {
        date: NaiveDate,
        from: NaiveDate,
        to: NaiveDate,
    },
    #[error("the quantity change of {date} is not after the one before it: changes are in date order, one a day; it is left out")]
    QuantityChangesOutOfOrder { date: NaiveDate },
    /// SPEC §14: a line ends after its order and its last change, at the
    /// latest at the end of the contract.
    #[error("the line's end, {date}, must fall after {from} and no later than the end of the contract ({to}); it is left out")]
    LineEndOutsideLine {
        date: NaiveDate,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// A one-time line is billed once: it neither ends nor changes.
    #[error("a one-time line is billed once: its end and quantity changes are not used")]
    OneTimeLineDoesNotChange,
    /// §2: tickets and tokens belong to managed services.
    #[error("no incident tickets or change tokens under Full DevOps (§2): not billed")]
    NoRunServicesUnderFullDevOps,
}

impl QuoteIssue {
    pub fn severity(&self) -> Severity {
        match self {
            QuoteIssue::NoSupportUnderFullDevOps
            | QuoteIssue::NotSoldUnderFullDevOps { .. }
            | QuoteIssue::NoRunServicesUnderFullDevOps
            | QuoteIssue::BuildBillingAssumed { .. }
            | QuoteIssue::NotManagedWithoutBuild
            | QuoteIssue::OneTimeLineDoesNotChange
            | QuoteIssue::SupportCommitmentBeyondContract { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub location: Location,
    pub severity: Severity,
    pub issue: QuoteIssue,
}
