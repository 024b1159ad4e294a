//! The revised quote: each line's revision steps (factors, indices used,
//! provisional flags) and months, and the totals per contract year.

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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineRevision {
    pub id: LineId,
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

/// Why a revision could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "issue")]
pub enum RevisionIssue {
    /// No value of this index, not even one to project from.
    MissingIndex { index: IndexKind, at: NaiveDate },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisedYear {
    pub year: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The schedule's total at signature prices.
    pub signature: Money,
    pub revised: Money,
    pub increase: Money,
    pub regularisation: Money,
    pub provisional: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisedQuote {
    pub lines: Vec<LineRevision>,
    pub years: Vec<RevisedYear>,
    /// Every schedule month, revisions included (all categories).
    pub months: Vec<Money>,
    pub increase: Money,
    pub regularisation: Money,
    pub revised_total: Money,
    pub issues: Vec<RevisionIssue>,
}
