//! The revised quote: each revised charge's steps (factors, indices used,
//! provisional flags) and months, the minimum complement after revision
//! (§9.2), and the totals per contract year.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::document::pricebook::Text;
use crate::engine::document::quote::LineId;
use crate::engine::finance::indices::{format_period, IndexKind, IndexValue};
use crate::engine::money::Money;

/// An index value used by a revision, for display and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexUse {
    pub index: IndexKind,
    pub period: String,
    pub value: Decimal,
    /// Projected or not yet published: amounts using it are provisional.
    pub provisional: bool,
}

impl IndexUse {
    pub(super) fn of(kind: IndexKind, v: &IndexValue, billed: bool) -> Self {
        let value = if billed {
            v.billed_with.unwrap_or_else(|| v.linked_value())
        } else {
            v.linked_value()
        };
        IndexUse {
            index: kind,
            period: format_period(v.period, kind),
            value,
            provisional: v.is_provisional(),
        }
    }
}

/// One anniversary's revision of one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisionStep {
    pub date: NaiveDate,
    /// (previous, current) SYNTEC values, when SYNTEC applies.
    pub syntec: Option<(IndexUse, IndexUse)>,
    /// (twelve months before, current) ICC and electricity, when the specific revision applies.
    pub icc: Option<(IndexUse, IndexUse)>,
    pub electricity: Option<(IndexUse, IndexUse)>,
    /// The coefficient applied to the previous unit price.
    pub factor: Decimal,
    pub unit_price: Money,
    pub monthly: Money,
    pub provisional: bool,
    /// §9.3.2: the specific revision applies but an index it needs has no
    /// value, not even one to project from: the factor leaves it out and
    /// the step says so (see [`RevisionIssue::SpecificNotComputed`]).
    pub specific_not_computed: bool,
}

/// What a revised charge is: a line of the quote or a token pack (§9.3.1:
/// packs are revised like service units; only on-demand tokens are not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum RevisedCharge {
    Line { id: LineId },
    TokenPack { code: String },
}

impl RevisedCharge {
    /// The quote line, when the charge is one.
    pub fn line_id(&self) -> Option<LineId> {
        match self {
            RevisedCharge::Line { id } => Some(*id),
            RevisedCharge::TokenPack { .. } => None,
        }
    }
}

/// One recurring charge through the revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChargeRevision {
    pub charge: RevisedCharge,
    /// The price book item code, or the pack code.
    pub item: String,
    pub name: Text,
    pub revised_syntec: bool,
    pub revised_specific: bool,
    pub signature_unit_price: Money,
    pub steps: Vec<RevisionStep>,
    /// Amount billed in each month of the contract, revisions included.
    pub months: Vec<Money>,
    /// What the revisions add over the contract.
    pub increase: Money,
    /// §9.3.1: complementary invoice once real indices replace the values
    /// invoiced provisionally.
    pub regularisation: Money,
}

/// Why a revision, or part of it, could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "issue")]
pub enum RevisionIssue {
    /// No value of this index at this date, not even one to project from.
    MissingIndex { index: IndexKind, at: NaiveDate },
    /// §9.3.2: the specific revision of the anniversary `date` could not be
    /// computed: `missing` have no value (nor one to project from). The
    /// amounts leave it out until the values are entered; it never
    /// disappears silently.
    SpecificNotComputed {
        date: NaiveDate,
        missing: Vec<IndexKind>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisedYear {
    pub year: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The schedule's total at signature prices.
    pub signature: Money,
    pub revised: Money,
    /// revised − signature: what the revised charges add, with the change
    /// of the minimum complement.
    pub increase: Money,
    /// §9.2: the change of the minimum complement once the months are
    /// revised (negative when revision brings a month nearer the minimum).
    pub complement_change: Money,
    pub regularisation: Money,
    pub provisional: bool,
    /// §9.3.2: a revision in the year left the specific revision out.
    pub specific_not_computed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisedQuote {
    /// The revised charges: the quote's recurring lines, then the token packs.
    pub charges: Vec<ChargeRevision>,
    pub years: Vec<RevisedYear>,
    /// Every schedule month, revisions included (all categories), with the
    /// minimum complement computed after revision.
    pub months: Vec<Money>,
    /// §9.2: the minimum complement of each month after revision: the
    /// minimum (not revised) less the revised subscriptions, never below 0.
    pub minimum_complement: Vec<Money>,
    /// §9.2: the complement after revision less the priced complement, over
    /// the contract (part of `increase`).
    pub complement_change: Money,
    /// revised total − total at signature prices.
    pub increase: Money,
    pub regularisation: Money,
    pub revised_total: Money,
    pub issues: Vec<RevisionIssue>,
}
