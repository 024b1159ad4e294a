//! Prices a quote against the price books: every line month by month, the
//! build and its instalments, support, tickets, tokens, the monthly minimum,
//! the dated invoice schedule and the totals per contract year.
//!
//! §7 (SPEC): a line = unit price x quantity rounded to the cent, half away
//! from zero; totals are sums of rounded amounts.

pub mod build;
pub mod out_of_flat_fee;
pub mod rules;
pub mod tokens;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;
use thiserror::Error;

use crate::engine::document::catalog::{BuildModel, Charge, Family, Unit};
use crate::engine::document::pricebook::{GovernanceRole, PriceBook, PriceBooks, Text};
use crate::engine::document::quote::{
    BuildBilling, LineId, ManagementModel, Quote, MAX_COMMITMENT_MONTHS, MIN_COMMITMENT_MONTHS,
};
use crate::engine::document::support::{EnvironmentKind, SupportChain, SupportLevel, TicketClass};
use crate::engine::models;
use crate::engine::money::{Money, Overflow, Quantity};
use crate::engine::pricing::build::{build_amount, split_by_percent, thirty_seventy};
use crate::engine::timeline::{months_between, months_rounded_up, Calendar, MonthSums};
use rules::{RuleBreach, RuleLine};
use tokens::{PackOption, MAX_ACCELERATED_PER_YEAR, TOKENS_PER_HOUR};

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
    #[error("{role:?} is only available with a Premium environment (§6.1.1, §6.1.2)")]
    GovernanceUnavailable { role: GovernanceRole },
    #[error("no {model:?} price for this item (§4.1)")]
    BuildNotOffered { model: BuildModel },
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
    #[error("this upgrade commits support until {committed_until}, after the end of the contract (§5.3)")]
    SupportCommitmentBeyondContract { committed_until: NaiveDate },
    #[error("“{code}” is not in the change catalogue")]
    UnknownChange { code: String },
    #[error("{planned} accelerated changes a year: at most {max} (§6)")]
    TooManyAccelerated { planned: u32, max: u32 },
    #[error("“{code}” is not a token pack of this chain")]
    UnknownPack { code: String },
    #[error("the ordering date is outside the contract")]
    OrderedOutsideContract,
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
    /// §6, §11: off-catalogue work quoted specifically, billed once.
    SpecificOneTime,
    /// §6, §11: off-catalogue service quoted specifically, billed monthly.
    SpecificMonthly,
}

impl Category {
    pub const ALL: [Category; 12] = [
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
    fn counts_towards_minimum(self) -> bool {
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
            Category::SpecificOneTime => "specific_one_time",
            Category::SpecificMonthly => "specific_monthly",
        }
    }

    pub fn label(self, lang: crate::engine::lang::Lang) -> &'static str {
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
            Category::SpecificOneTime => {
                lang.pick("Devis spécifiques ponctuels", "Specific one-time quotes")
            }
            Category::SpecificMonthly => {
                lang.pick("Devis spécifiques mensuels", "Specific monthly quotes")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedLine {
    pub id: LineId,
    pub item: String,
    pub name: Text,
    pub family: Family,
    pub unit: Unit,
    pub charge: Charge,
    pub category: Category,
    /// The version of the price book the line is priced with (§9.7).
    pub book_version: String,
    pub list_price: Money,
    /// §7: the commitment tier applied, and its discount.
    pub tier_months: Option<u32>,
    pub discount_percent: Decimal,
    /// list price x (1 - discount), exact.
    pub unit_price: Money,
    pub quantity: Quantity,
    /// unit price x quantity, rounded to the cent (§7): per month for a
    /// monthly line, once for a one-time line.
    pub amount: Money,
    pub build: BuildModel,
    pub build_amount: Money,
    /// The day its run invoicing starts (§9.8.2), or when a one-time line is billed.
    pub starts: NaiveDate,
    /// Amount billed in each month of the contract (pro rata in partial months).
    pub months: Vec<Money>,
    /// The line's total over the contract, build included.
    pub total: Money,
}

/// §5.3: a period at one support level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupportSegment {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub level: SupportLevel,
    pub monthly: Money,
    /// The end of the 6-month commitment that started this level.
    pub committed_until: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedSupport {
    pub environment: EnvironmentKind,
    pub chain: SupportChain,
    pub segments: Vec<SupportSegment>,
    /// The fee of the first month at the initial level.
    pub monthly: Money,
    pub months: Vec<Money>,
    pub total: Money,
}

/// §9.5: one review period of ticket consumption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TicketPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// §9.6: the class of the highest level among environments in the period.
    pub class: TicketClass,
    pub price: Money,
    pub included: Decimal,
    pub forecast: Decimal,
    pub overage: Decimal,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedTickets {
    pub periods: Vec<TicketPeriod>,
    pub total: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedChange {
    pub id: u32,
    pub change: String,
    pub name: Text,
    pub tokens_each: u32,
    /// §6: x2 off hours, x2 accelerated.
    pub multiplier: u32,
    pub per_year: u32,
    pub tokens_per_year: u32,
}

/// §12: a fixed monthly capacity of hours, in tokens, priced the cheapest way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FixedCapacity {
    pub hours: u32,
    pub tokens: u32,
    pub cheapest: PackOption,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedTokens {
    pub chain: SupportChain,
    pub on_demand_price: Money,
    pub changes: Vec<PricedChange>,
    pub accelerated_per_year: u32,
    /// Forecast tokens a month (changes / 12 + other work).
    pub forecast_per_month: Decimal,
    /// The chosen way of buying them and its monthly cost.
    pub chosen: PackOption,
    pub on_demand_only: PackOption,
    /// §6: the cheapest option for the forecast.
    pub suggestion: PackOption,
    pub fixed_capacity: Option<FixedCapacity>,
    pub total: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Instalment {
    pub date: NaiveDate,
    pub label: String,
    pub percent: Decimal,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedBuild {
    pub total: Money,
    pub instalments: Vec<Instalment>,
    /// When the whole build is delivered (the last instalment).
    pub delivered: Option<NaiveDate>,
}

/// One dated amount of the invoicing schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invoice {
    pub date: NaiveDate,
    pub category: Category,
    pub label: Text,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearTotal {
    /// 1 for the first 12 months from signature.
    pub year: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by_category: BTreeMap<Category, Money>,
    pub one_time: Money,
    pub recurring: Money,
    pub total: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedQuote {
    pub start_date: NaiveDate,
    /// The first day after the commitment.
    pub end_date: NaiveDate,
    pub commitment_months: u32,
    /// When the run of the project starts (§9.8.2): support, tickets, tokens,
    /// governance and the monthly minimum start then.
    pub run_start: NaiveDate,
    /// The first day of each calendar month of the contract.
    pub months: Vec<NaiveDate>,
    pub book_version: String,
    pub lines: Vec<PricedLine>,
    pub support: Vec<PricedSupport>,
    pub tickets: PricedTickets,
    pub tokens: PricedTokens,
    pub build: PricedBuild,
    pub access_fee: Money,
    /// §9.2: the complement billed in each month, zero when above the minimum.
    pub minimum_complement: Vec<Money>,
    pub schedule: Vec<Invoice>,
    pub years: Vec<YearTotal>,
    /// The monthly price of what is signed, for a whole month (lines ordered
    /// at signature, governance, support, tokens, monthly specific lines).
    pub monthly_recurring: Money,
    /// Access fee, build, one-time lines and one-time specific quotes.
    pub one_time: Money,
    pub recurring_total: Money,
    /// Total contract value: everything in the schedule.
    pub commitment_total: Money,
    /// §11: what the recurring fee does not cover (billed on quote or in tokens).
    pub out_of_flat_fee: Vec<Text>,
    pub issues: Vec<Issue>,
}

impl PricedQuote {
    /// The issues that concern one place of the quote.
    pub fn issues_at(&self, location: Location) -> impl Iterator<Item = &QuoteIssue> {
        self.issues
            .iter()
            .filter(move |i| i.location == location)
            .map(|i| &i.issue)
    }

    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// The sum over the contract of one category.
    pub fn category_total(&self, category: Category) -> Money {
        self.years
            .iter()
            .filter_map(|y| y.by_category.get(&category).copied())
            .fold(Money::ZERO, |a, b| a.checked_add(b).unwrap_or(a))
    }
}

/// Collects issues and schedule entries while pricing.
struct Pricer<'a> {
    quote: &'a Quote,
    books: &'a PriceBooks,
    book: &'a PriceBook,
    start: NaiveDate,
    end: NaiveDate,
    months: Vec<NaiveDate>,
    calendar: Calendar,
    /// Recurring charges per category, summed month by month at the end.
    recurring_sums: BTreeMap<Category, MonthSums>,
    issues: Vec<Issue>,
    schedule: Vec<Invoice>,
    /// Per month, per category (for the minimum and the per-year totals).
    monthly: Vec<BTreeMap<Category, Money>>,
    /// The recurring charges per month and category: one schedule entry
    /// each (the per-line detail stays in each line's months).
    recurring_months: Vec<BTreeMap<Category, Money>>,
}

fn overflow(location: Location) -> impl Fn(Overflow) -> PricingError {
    move |_| PricingError::Overflow { location }
}

fn text(fr: impl Into<String>, en: impl Into<String>) -> Text {
    Text {
        fr: fr.into(),
        en: en.into(),
    }
}

impl<'a> Pricer<'a> {
    fn flag(&mut self, location: Location, issue: QuoteIssue) {
        self.issues.push(Issue {
            location,
            severity: issue.severity(),
            issue,
        });
    }

    fn in_contract(&self, date: NaiveDate) -> bool {
        date >= self.start && date < self.end
    }

    fn month_index(&self, date: NaiveDate) -> Option<usize> {
        self.months
            .iter()
            .rposition(|m| *m <= date)
            .filter(|_| date < self.end)
    }

    /// Books a one-off amount on a date.
    fn one_off(
        &mut self,
        date: NaiveDate,
        category: Category,
        label: Text,
        amount: Money,
        location: Location,
    ) -> Result<(), PricingError> {
        if amount.is_zero() {
            return Ok(());
        }
        if let Some(i) = self.month_index(date) {
            let slot = self.monthly[i].entry(category).or_default();
            *slot = slot.checked_add(amount).map_err(overflow(location))?;
        }
        self.schedule.push(Invoice {
            date,
            category,
            label,
            amount,
        });
        Ok(())
    }

    /// Books a monthly amount over `[from, to)`, pro rata in partial months,
    /// and returns what falls in each month of the contract and the sum.
    fn recurring(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
        monthly: Money,
        category: Category,
        location: Location,
    ) -> Result<(Vec<Money>, Money), PricingError> {
        let months = self.months.len();
        let pieces = self
            .calendar
            .pieces(monthly, from, to)
            .map_err(overflow(location))?;
        let mut amounts = vec![Money::ZERO; months];
        pieces.add_into(&mut amounts).map_err(overflow(location))?;
        self.recurring_sums
            .entry(category)
            .or_insert_with(|| MonthSums::new(months))
            .add(&pieces)
            .map_err(overflow(location))?;
        let total = pieces.total().map_err(overflow(location))?;
        Ok((amounts, total))
    }

    /// Books the recurring charges' monthly sums per category (after the
    /// last call to `recurring`).
    fn flush_recurring(&mut self) -> Result<(), PricingError> {
        let location = Location::Totals;
        for (category, sums) in std::mem::take(&mut self.recurring_sums) {
            let sums = sums.finish().map_err(overflow(location))?;
            for (i, amount) in sums.into_iter().enumerate() {
                if amount.is_zero() {
                    continue;
                }
                for book in [&mut self.monthly[i], &mut self.recurring_months[i]] {
                    let slot = book.entry(category).or_default();
                    *slot = slot.checked_add(amount).map_err(overflow(location))?;
                }
            }
        }
        Ok(())
    }

    /// §7: recurring charges are invoiced at the start of each month (the
    /// signature day in the first one), one entry per category.
    fn schedule_recurring(&mut self) {
        for (month, categories) in self.months.iter().zip(&self.recurring_months) {
            for (category, amount) in categories {
                self.schedule.push(Invoice {
                    date: (*month).max(self.start),
                    category: *category,
                    label: text(
                        category.label(crate::engine::lang::Lang::Fr),
                        category.label(crate::engine::lang::Lang::En),
                    ),
                    amount: *amount,
                });
            }
        }
    }
}

/// Prices `quote` with `books`. Fatal problems are an `Err`; problems local
/// to a part of the quote are listed in `issues`.
pub fn price(quote: &Quote, books: &PriceBooks) -> Result<PricedQuote, PricingError> {
    let months_n = quote.commitment_months;
    // §9.1: minimum duration one year.
    if !(MIN_COMMITMENT_MONTHS..=MAX_COMMITMENT_MONTHS).contains(&months_n) {
        return Err(PricingError::CommitmentOutOfRange {
            months: months_n,
            min: MIN_COMMITMENT_MONTHS,
            max: MAX_COMMITMENT_MONTHS,
        });
    }
    let start = quote.start_date;
    let end = quote.end_date().ok_or(PricingError::DateOutOfRange)?;
    let book = books
        .in_force(&quote.region, start)
        .ok_or_else(|| PricingError::NoPriceBook {
            region: quote.region.clone(),
            date: start,
        })?;
    let months = months_between(start, end);
    let mut p = Pricer {
        quote,
        books,
        book,
        start,
        end,
        monthly: vec![BTreeMap::new(); months.len()],
        recurring_months: vec![BTreeMap::new(); months.len()],
        calendar: Calendar::new(&months),
        recurring_sums: BTreeMap::new(),
        months,
        issues: Vec::new(),
        schedule: Vec::new(),
    };
    let full_devops = quote.model == ManagementModel::FullDevOps;

    // §9.2: the access fee, once, at signature; §2: none under Full DevOps,
    // which subscribes no managed service.
    let access_fee = if quote.access_fee_waived || full_devops {
        Money::ZERO
    } else {
        book.access_fee
    };
    p.one_off(
        start,
        Category::AccessFee,
        text("Frais d'accès au service", "Service access fee"),
        access_fee,
        Location::Totals,
    )?;

    // Lines: item, book in force, tier, build.
    struct Draft<'b> {
        line: &'b crate::engine::document::quote::QuoteLine,
        item: crate::engine::document::pricebook::PriceItem,
        book_version: String,
        tier_months: Option<u32>,
        discount: Decimal,
        unit_price: Money,
        amount: Money,
        build_amount: Money,
        ordered: NaiveDate,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut built_so_far: HashMap<(String, BuildModel), u32> = HashMap::new();
    for line in &quote.lines {
        let location = Location::Line(line.id);
        let ordered = line.ordered_on.unwrap_or(start).max(start);
        if let Some(date) = line.ordered_on {
            if !p.in_contract(date) {
                p.flag(location, QuoteIssue::OrderedOutsideContract);
                continue;
            }
        }
        // §9.7: the book in force at the order date.
        let Some(line_book) = books.in_force(&quote.region, ordered) else {
            p.flag(
                location,
                QuoteIssue::UnknownItem {
                    code: line.item.clone(),
                },
            );
            continue;
        };
        let Some(item) = line_book.item(&line.item) else {
            p.flag(
                location,
                QuoteIssue::UnknownItem {
                    code: line.item.clone(),
                },
            );
            continue;
        };
        // §2: Full DevOps buys professional services only; the line stays in
        // the quote, set aside, and counts again under another model.
        if !models::line_allowed(quote.model, item.family) {
            p.flag(
                location,
                QuoteIssue::NotSoldUnderFullDevOps {
                    family: item.family,
                },
            );
            continue;
        }
        // §7, §9.2: the tier of the commitment at signature; later orders take
        // the tier of the remaining commitment rounded up.
        let tier = if !item.tiered {
            None
        } else if ordered <= start {
            line_book.tier_at_signature(months_n)
        } else {
            line_book.tier_for_remaining(months_rounded_up(ordered, end))
        };
        let discount = tier.map(|t| t.discount_percent).unwrap_or_default();
        let factor = (Decimal::ONE_HUNDRED - discount) / Decimal::ONE_HUNDRED;
        let unit_price = item.price.checked_mul(factor).map_err(overflow(location))?;
        // §7: unit price x quantity, rounded to the cent.
        let amount = Money::line_amount(unit_price, line.quantity).map_err(overflow(location))?;

        // §4: build, first resource of a type at the "first" price.
        let mut build = Money::ZERO;
        if line.build != BuildModel::NoBuild {
            match item.build.and_then(|b| b.for_model(line.build)) {
                None => p.flag(location, QuoteIssue::BuildNotOffered { model: line.build }),
                Some(prices) => {
                    let q = line.quantity.as_decimal();
                    match (q.fract().is_zero(), q.to_u32()) {
                        (false, _) => p.flag(location, QuoteIssue::BuildNeedsWholeQuantity),
                        // More resources than can be counted: an absurd quantity.
                        (true, None) => return Err(PricingError::Overflow { location }),
                        (true, Some(units)) => {
                            let key = (item.code.clone(), line.build);
                            let already = built_so_far.get(&key).copied().unwrap_or(0);
                            build =
                                build_amount(prices, already, units).map_err(overflow(location))?;
                            built_so_far.insert(key, already.saturating_add(units));
                        }
                    }
                }
            }
        }
        drafts.push(Draft {
            line,
            item: item.clone(),
            book_version: line_book.version.clone(),
            tier_months: tier.map(|t| t.months),
            discount,
            unit_price,
            amount,
            build_amount: build,
            ordered,
        });
    }

    // §9.8: build invoicing, and when each line's run starts.
    // §9.8.1: the build ordered at signature is invoiced 30/70 or by lots; a
    // line ordered later has its build invoiced at its order date.
    let signature_build = Money::checked_sum(
        drafts
            .iter()
            .filter(|d| d.ordered <= start)
            .map(|d| d.build_amount),
    )
    .map_err(overflow(Location::Totals))?;
    let mut instalments = Vec::new();
    let mut lot_dates: BTreeMap<u32, NaiveDate> = BTreeMap::new();
    let mut delivered = None;
    if !signature_build.is_zero() {
        let billing = match &quote.build_billing {
            Some(b) => b.clone(),
            None => {
                let assumed = start
                    .checked_add_months(Months::new(2))
                    .ok_or(PricingError::DateOutOfRange)?;
                p.flag(
                    Location::BuildBilling,
                    QuoteIssue::BuildBillingAssumed { assumed },
                );
                BuildBilling::ThirtySeventy {
                    end_of_build: assumed,
                }
            }
        };
        let mut parts: Vec<(NaiveDate, String, Decimal)> = Vec::new();
        match &billing {
            BuildBilling::ThirtySeventy { end_of_build } => {
                if !p.in_contract(*end_of_build) {
                    p.flag(
                        Location::BuildBilling,
                        QuoteIssue::OutsideContract { start, end },
                    );
                }
                let [thirty, seventy] = thirty_seventy();
                parts.push((start, "30 % à la signature / at signature".into(), thirty));
                parts.push((
                    *end_of_build,
                    "70 % en fin de build / at end of build".into(),
                    seventy,
                ));
                delivered = Some(*end_of_build);
            }
            BuildBilling::Milestones { lots } => {
                let mut sorted = lots.clone();
                sorted.sort_by_key(|l| (l.date, l.id));
                let sum: Decimal = sorted.iter().map(|l| l.percent).sum();
                if sorted.is_empty() {
                    p.flag(Location::BuildBilling, QuoteIssue::NoLots);
                } else if sum != Decimal::ONE_HUNDRED {
                    p.flag(
                        Location::BuildBilling,
                        QuoteIssue::MilestonesNot100 {
                            sum: sum.normalize(),
                        },
                    );
                }
                for lot in &sorted {
                    if lot_dates.insert(lot.id, lot.date).is_some() {
                        p.flag(
                            Location::Lot(lot.id),
                            QuoteIssue::DuplicateLot { lot: lot.id },
                        );
                    }
                    if !p.in_contract(lot.date) {
                        p.flag(
                            Location::Lot(lot.id),
                            QuoteIssue::OutsideContract { start, end },
                        );
                    }
                    parts.push((lot.date, lot.label.clone(), lot.percent));
                }
                delivered = sorted.last().map(|l| l.date);
            }
        }
        let percents: Vec<Decimal> = parts.iter().map(|(_, _, pct)| *pct).collect();
        let amounts = split_by_percent(signature_build, &percents)
            .map_err(overflow(Location::BuildBilling))?;
        for ((date, label, percent), amount) in parts.into_iter().zip(amounts) {
            p.one_off(
                date,
                Category::Build,
                text(format!("Build : {label}"), format!("Build: {label}")),
                amount,
                Location::BuildBilling,
            )?;
            instalments.push(Instalment {
                date,
                label,
                percent,
                amount,
            });
        }
    }
    for d in drafts
        .iter()
        .filter(|d| d.ordered > start && !d.build_amount.is_zero())
    {
        let label = format!("{} ({})", d.item.code, d.ordered);
        p.one_off(
            d.ordered,
            Category::Build,
            text(
                format!("Build, ligne commandée ensuite : {label}"),
                format!("Build of a line ordered later: {label}"),
            ),
            d.build_amount,
            Location::Line(d.line.id),
        )?;
        instalments.push(Instalment {
            date: d.ordered,
            label,
            percent: Decimal::ONE_HUNDRED,
            amount: d.build_amount,
        });
    }
    let build_total = Money::checked_sum(drafts.iter().map(|d| d.build_amount))
        .map_err(overflow(Location::Totals))?;
    let delivered_or_start = delivered.unwrap_or(start).max(start);

    // Run start per line (§9.8.2): its lot's delivery, else the whole build's.
    let mut starts = Vec::with_capacity(drafts.len());
    for d in &drafts {
        let delivery = match d.line.lot {
            // A line ordered later starts at its order, whatever its lot.
            _ if d.ordered > start => d.ordered,
            Some(lot) if !signature_build.is_zero() => match lot_dates.get(&lot) {
                Some(date) => *date,
                None => {
                    p.flag(Location::Line(d.line.id), QuoteIssue::UnknownLot { lot });
                    delivered_or_start
                }
            },
            _ => delivered_or_start,
        };
        starts.push(if d.item.charge == Charge::OneTime {
            d.ordered
        } else {
            delivery.max(d.ordered)
        });
    }
    let run_start = drafts
        .iter()
        .zip(&starts)
        .filter(|(d, _)| d.item.charge == Charge::Monthly)
        .map(|(_, s)| *s)
        .min()
        .unwrap_or(delivered_or_start)
        .min(end);

    // Support timeline (§5.3), before the rules that depend on Premium.
    let mut support = Vec::new();
    let mut level_timeline: Vec<(EnvironmentKind, Vec<SupportSegment>)> = Vec::new();
    for env in &quote.environments {
        if full_devops {
            p.flag(
                Location::Environment(env.kind),
                QuoteIssue::NoSupportUnderFullDevOps,
            );
            continue;
        }
        let segments = support_segments(&mut p, env.kind, env.support, run_start)?;
        level_timeline.push((env.kind, segments));
    }
    for change in &quote.support_changes {
        if quote.environment(change.environment).is_none() {
            p.flag(
                Location::SupportChange(change.id),
                QuoteIssue::SupportChangeUnknownEnvironment,
            );
        }
    }
    let any_premium = level_timeline
        .iter()
        .any(|(_, segs)| segs.iter().any(|s| s.level == SupportLevel::Premium));

    // §3, §5: dependency and governance rules.
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
    for breach in rules::check(&rule_lines, any_premium) {
        match breach {
            RuleBreach::MissingDependency { line, requires } => p.flag(
                Location::Line(line),
                QuoteIssue::MissingDependency { requires },
            ),
            RuleBreach::AdNeedsTwoVms { line } => {
                p.flag(Location::Line(line), QuoteIssue::AdNeedsTwoVms)
            }
            RuleBreach::GovernanceRequired { role } => p.flag(
                Location::Governance,
                QuoteIssue::GovernanceRequired { role },
            ),
            RuleBreach::GovernanceUnavailable { line, role } => p.flag(
                Location::Line(line),
                QuoteIssue::GovernanceUnavailable { role },
            ),
        }
    }

    // Lines month by month.
    let mut lines = Vec::with_capacity(drafts.len());
    for (d, starts_on) in drafts.into_iter().zip(starts) {
        let location = Location::Line(d.line.id);
        let label = d.item.name.clone();
        let category = match (d.item.charge, d.item.family) {
            (Charge::OneTime, _) => Category::OneTime,
            (Charge::Monthly, Family::Governance) => Category::Governance,
            (Charge::Monthly, _) => Category::Run,
        };
        let (months, months_total) = match d.item.charge {
            Charge::Monthly => p.recurring(starts_on, end, d.amount, category, location)?,
            Charge::OneTime => {
                p.one_off(starts_on, category, label.clone(), d.amount, location)?;
                let mut months = vec![Money::ZERO; p.months.len()];
                if let Some(i) = p.month_index(starts_on) {
                    months[i] = d.amount;
                }
                let total = Money::checked_sum(months.iter().copied());
                (months, total.map_err(overflow(location))?)
            }
        };
        let total = months_total
            .checked_add(d.build_amount)
            .map_err(overflow(location))?;
        lines.push(PricedLine {
            id: d.line.id,
            item: d.item.code.clone(),
            name: d.item.name.clone(),
            family: d.item.family,
            unit: d.item.unit,
            charge: d.item.charge,
            category,
            book_version: d.book_version,
            list_price: d.item.price,
            tier_months: d.tier_months,
            discount_percent: d.discount.normalize(),
            unit_price: d.unit_price,
            quantity: d.line.quantity,
            amount: d.amount,
            build: d.line.build,
            build_amount: d.build_amount,
            starts: starts_on,
            months,
            total,
        });
    }

    // Support fees per segment (§9.5: at the book in force at subscription).
    for (kind, segments) in level_timeline {
        let location = Location::Environment(kind);
        let mut months = vec![Money::ZERO; p.months.len()];
        for seg in &segments {
            let (seg_months, _) =
                p.recurring(seg.from, seg.to, seg.monthly, Category::Support, location)?;
            for (slot, m) in months.iter_mut().zip(seg_months) {
                *slot = slot.checked_add(m).map_err(overflow(location))?;
            }
        }
        let total = Money::checked_sum(months.iter().copied()).map_err(overflow(location))?;
        support.push(PricedSupport {
            environment: kind,
            chain: quote.support_chain,
            monthly: segments.first().map(|s| s.monthly).unwrap_or_default(),
            segments,
            months,
            total,
        });
    }

    // §2: Full DevOps has no managed service: no incident tickets, no
    // change tokens and no monthly billing minimum.
    if full_devops {
        let plan = &quote.tokens;
        if !plan.changes.is_empty()
            || plan.pack.is_some()
            || !plan.extra_per_month.as_decimal().is_zero()
        {
            p.flag(
                Location::TokenPack,
                QuoteIssue::NoRunServicesUnderFullDevOps,
            );
        }
        if !quote.tickets.forecast_per_month.as_decimal().is_zero() {
            p.flag(Location::Tickets, QuoteIssue::NoRunServicesUnderFullDevOps);
        }
    }
    let tickets = if full_devops {
        PricedTickets {
            periods: Vec::new(),
            total: Money::ZERO,
        }
    } else {
        price_tickets(&mut p, &support, run_start)?
    };
    let tokens = price_tokens(&mut p, run_start, full_devops)?;

    // §6, §11: specific lines.
    for line in &quote.specific {
        let location = Location::Specific(line.id);
        let label = text(line.label.clone(), line.label.clone());
        match line.charge {
            Charge::OneTime => {
                let date = line.date.unwrap_or(start);
                if !p.in_contract(date) {
                    p.flag(location, QuoteIssue::OutsideContract { start, end });
                    continue;
                }
                p.one_off(
                    date,
                    Category::SpecificOneTime,
                    label,
                    line.amount,
                    location,
                )?;
            }
            Charge::Monthly => {
                let from = line.date.unwrap_or(run_start).max(start);
                p.recurring(from, end, line.amount, Category::SpecificMonthly, location)?;
            }
        }
    }

    // §9.2: the monthly billing minimum, from run start, pro rata in a partial month.
    p.flush_recurring()?;
    let mut minimum_complement = vec![Money::ZERO; p.months.len()];
    let monthly_minimum = if full_devops {
        Money::ZERO
    } else {
        book.monthly_minimum
    };
    let minimums = p
        .calendar
        .amounts(monthly_minimum, run_start, end)
        .map_err(overflow(Location::Totals))?;
    for (i, minimum) in minimums.into_iter().enumerate() {
        if minimum.is_zero() {
            continue;
        }
        let subscribed = Money::checked_sum(
            p.monthly[i]
                .iter()
                .filter(|(c, _)| c.counts_towards_minimum())
                .map(|(_, m)| *m),
        )
        .map_err(overflow(Location::Totals))?;
        if subscribed < minimum {
            let complement = minimum
                .checked_sub(subscribed)
                .map_err(overflow(Location::Totals))?;
            minimum_complement[i] = complement;
            *p.monthly[i].entry(Category::MinimumComplement).or_default() = complement;
            p.schedule.push(Invoice {
                date: p.months[i].max(run_start),
                category: Category::MinimumComplement,
                label: text(
                    "Complément minimum de facturation mensuel",
                    "Monthly billing minimum complement",
                ),
                amount: complement,
            });
        }
    }

    p.schedule_recurring();
    p.schedule.sort_by_key(|i| (i.date, i.category));
    let years = year_totals(&p)?;
    let totals = overflow(Location::Totals);
    let commitment_total =
        Money::checked_sum(p.schedule.iter().map(|i| i.amount)).map_err(&totals)?;
    let one_time = Money::checked_sum(
        p.schedule
            .iter()
            .filter(|i| i.category.is_one_time())
            .map(|i| i.amount),
    )
    .map_err(&totals)?;
    let recurring_total = commitment_total.checked_sub(one_time).map_err(&totals)?;
    let ordered_later: HashSet<LineId> = quote
        .lines
        .iter()
        .filter(|q| q.ordered_on.is_some_and(|o| o > start))
        .map(|q| q.id)
        .collect();
    let monthly_recurring = Money::checked_sum(
        lines
            .iter()
            // The monthly price of what is signed: lines ordered later are left out.
            .filter(|l| l.charge == Charge::Monthly && !ordered_later.contains(&l.id))
            .map(|l| l.amount)
            .chain(support.iter().map(|s| s.monthly))
            .chain(std::iter::once(tokens.chosen.monthly_cost))
            .chain(
                quote
                    .specific
                    .iter()
                    .filter(|s| s.charge == Charge::Monthly)
                    .map(|s| s.amount),
            ),
    )
    .map_err(&totals)?;

    Ok(PricedQuote {
        start_date: start,
        end_date: end,
        commitment_months: months_n,
        run_start,
        months: p.months.clone(),
        book_version: book.version.clone(),
        lines,
        support,
        tickets,
        tokens,
        build: PricedBuild {
            total: build_total,
            instalments,
            delivered,
        },
        access_fee,
        minimum_complement,
        schedule: p.schedule,
        years,
        monthly_recurring,
        one_time,
        recurring_total,
        commitment_total,
        out_of_flat_fee: crate::engine::pricing::out_of_flat_fee::out_of_flat_fee(),
        issues: p.issues,
    })
}

/// §5.3: the levels of one environment over time, from run start: changes on
/// the 1st of a month, upgrades only while committed, each level change
/// committing 6 months; fees from the book in force at each subscription.
fn support_segments(
    p: &mut Pricer,
    kind: EnvironmentKind,
    initial: SupportLevel,
    run_start: NaiveDate,
) -> Result<Vec<SupportSegment>, PricingError> {
    let six = Months::new(6);
    let fee = |p: &Pricer, level: SupportLevel, at: NaiveDate| -> Money {
        p.books
            .in_force(&p.quote.region, at)
            .unwrap_or(p.book)
            .support_fee(level, p.quote.support_chain)
            .unwrap_or_default()
    };
    let mut changes: Vec<_> = p
        .quote
        .support_changes
        .iter()
        .filter(|c| c.environment == kind)
        .copied()
        .collect();
    changes.sort_by_key(|c| (c.date, c.id));
    let committed = |from: NaiveDate| from.checked_add_months(six).unwrap_or(from);
    let mut segments = vec![SupportSegment {
        from: run_start,
        to: p.end,
        level: initial,
        monthly: fee(p, initial, run_start),
        committed_until: committed(run_start),
    }];
    for change in changes {
        let location = Location::SupportChange(change.id);
        if change.date.format("%d").to_string() != "01" {
            p.flag(location, QuoteIssue::SupportChangeNotFirstOfMonth);
            continue;
        }
        if !p.in_contract(change.date) || change.date <= run_start {
            p.flag(
                location,
                QuoteIssue::OutsideContract {
                    start: run_start,
                    end: p.end,
                },
            );
            continue;
        }
        let Some(current) = segments.last().cloned() else {
            continue;
        };
        if change.level == current.level {
            continue;
        }
        if change.level < current.level && change.date < current.committed_until {
            p.flag(
                location,
                QuoteIssue::SupportDowngradeWhileCommitted {
                    committed_until: current.committed_until,
                },
            );
            continue;
        }
        let until = committed(change.date);
        if until > p.end {
            p.flag(
                location,
                QuoteIssue::SupportCommitmentBeyondContract {
                    committed_until: until,
                },
            );
        }
        if let Some(last) = segments.last_mut() {
            last.to = change.date;
        }
        segments.push(SupportSegment {
            from: change.date,
            to: p.end,
            level: change.level,
            monthly: fee(p, change.level, change.date),
            committed_until: until,
        });
    }
    Ok(segments)
}

/// §9.5, §9.6: ticket overage per review period, at the ticket price of the
/// highest support level among environments during the period.
fn price_tickets(
    p: &mut Pricer,
    support: &[PricedSupport],
    run_start: NaiveDate,
) -> Result<PricedTickets, PricingError> {
    let plan = &p.quote.tickets;
    let location = Location::Tickets;
    let step = Months::new(plan.review.months());
    let mut periods = Vec::new();
    let mut from = run_start;
    while from < p.end {
        let to = from.checked_add_months(step).unwrap_or(p.end).min(p.end);
        let level = support
            .iter()
            .flat_map(|s| &s.segments)
            .filter(|seg| seg.from < to && seg.to > from)
            .map(|seg| seg.level)
            .max();
        let class = TicketClass::of(level);
        let price = p.book.ticket_price(class).unwrap_or_default();
        // A short last period counts its months, a started month as one.
        let months = Decimal::from(months_rounded_up(from, to));
        let included = Decimal::from(plan.included_per_month) * months;
        let forecast = plan
            .forecast_per_month
            .as_decimal()
            .checked_mul(months)
            .ok_or(PricingError::Overflow { location })?;
        let overage = (forecast - included).max(Decimal::ZERO);
        let amount = price
            .checked_mul(overage)
            .map(Money::round_cents)
            .map_err(overflow(location))?;
        // Billed at the review, the last day of the period.
        let billed_on = to.pred_opt().unwrap_or(to);
        p.one_off(
            billed_on,
            Category::TicketOverage,
            text(
                format!("Tickets au-delà du forfait ({} → {})", from, to),
                format!("Tickets beyond those included ({} → {})", from, to),
            ),
            amount,
            location,
        )?;
        periods.push(TicketPeriod {
            from,
            to,
            class,
            price,
            included,
            forecast: forecast.normalize(),
            overage: overage.normalize(),
            amount,
        });
        from = to;
    }
    let total = Money::checked_sum(periods.iter().map(|t| t.amount)).map_err(overflow(location))?;
    Ok(PricedTickets { periods, total })
}

/// §6: the token forecast from the change plan, the chosen pack, the
/// cheapest option, and the monthly token charges from run start.
fn price_tokens(
    p: &mut Pricer,
    run_start: NaiveDate,
    full_devops: bool,
) -> Result<PricedTokens, PricingError> {
    let plan = &p.quote.tokens;
    let chain = p.quote.support_chain;
    let on_demand = p.book.token_price(chain).unwrap_or_default();
    let mut changes = Vec::new();
    let mut tokens_per_year = Decimal::ZERO;
    let mut accelerated = 0u32;
    for planned in &plan.changes {
        let location = Location::TokenChange(planned.id);
        let Some(change) = p.book.change(&planned.change) else {
            p.flag(
                location,
                QuoteIssue::UnknownChange {
                    code: planned.change.clone(),
                },
            );
            continue;
        };
        if planned.accelerated {
            // §6: at most 6 accelerated changes a year; the row that goes
            // beyond is refused and left out.
            let total = accelerated.saturating_add(planned.per_year);
            if total > MAX_ACCELERATED_PER_YEAR {
                p.flag(
                    location,
                    QuoteIssue::TooManyAccelerated {
                        planned: total,
                        max: MAX_ACCELERATED_PER_YEAR,
                    },
                );
                continue;
            }
            accelerated = total;
        }
        let multiplier = tokens::multiplier(planned.off_hours, planned.accelerated);
        let per_year = change
            .tokens
            .checked_mul(multiplier)
            .and_then(|t| t.checked_mul(planned.per_year))
            .ok_or(PricingError::Overflow { location })?;
        tokens_per_year += Decimal::from(per_year);
        changes.push(PricedChange {
            id: planned.id,
            change: change.code.clone(),
            name: change.name.clone(),
            tokens_each: change.tokens,
            multiplier,
            per_year: planned.per_year,
            tokens_per_year: per_year,
        });
    }
    let location = Location::TokenPack;
    let forecast = (tokens_per_year / Decimal::from(12))
        .checked_add(plan.extra_per_month.as_decimal())
        .ok_or(PricingError::Overflow { location })?;
    let packs: Vec<_> = p
        .book
        .token_packs
        .iter()
        .filter(|pk| pk.chain == chain)
        .collect();
    let on_demand_only = tokens::cheapest(forecast, &[], on_demand).map_err(overflow(location))?;
    let suggestion = tokens::cheapest(forecast, &packs, on_demand).map_err(overflow(location))?;
    let chosen_pack = match &plan.pack {
        None => None,
        Some(code) => match packs.iter().find(|pk| &pk.code == code) {
            Some(pk) => Some(*pk),
            None => {
                p.flag(location, QuoteIssue::UnknownPack { code: code.clone() });
                None
            }
        },
    };
    if full_devops {
        // §2: no managed service, hence no token purchase.
        let none = PackOption {
            pack: None,
            tokens_per_month: 0,
            monthly_cost: Money::ZERO,
        };
        return Ok(PricedTokens {
            chain,
            on_demand_price: on_demand,
            changes,
            accelerated_per_year: accelerated,
            forecast_per_month: forecast.normalize(),
            chosen: none.clone(),
            on_demand_only,
            suggestion,
            fixed_capacity: None,
            total: Money::ZERO,
        });
    }
    let chosen = PackOption {
        pack: chosen_pack.map(|pk| pk.code.clone()),
        tokens_per_month: chosen_pack.map(|pk| pk.tokens_per_month).unwrap_or(0),
        monthly_cost: tokens::monthly_cost(forecast, chosen_pack, on_demand)
            .map_err(overflow(location))?,
    };
    // Pack (committed to the end of the contract) and consumption beyond it.
    let mut total = Money::ZERO;
    if let Some(pk) = chosen_pack {
        let (_, pack) = p.recurring(run_start, p.end, pk.monthly, Category::TokenPack, location)?;
        total = total.checked_add(pack).map_err(overflow(location))?;
    }
    let beyond = chosen
        .monthly_cost
        .checked_sub(chosen_pack.map(|pk| pk.monthly).unwrap_or_default())
        .map_err(overflow(location))?;
    let (_, beyond_total) =
        p.recurring(run_start, p.end, beyond, Category::TokenOnDemand, location)?;
    total = total
        .checked_add(beyond_total)
        .map_err(overflow(location))?;

    let fixed_capacity = match plan.fixed_capacity_hours {
        None => None,
        Some(hours) => {
            let tokens = hours
                .checked_mul(TOKENS_PER_HOUR)
                .ok_or(PricingError::Overflow { location })?;
            Some(FixedCapacity {
                hours,
                tokens,
                cheapest: tokens::cheapest(Decimal::from(tokens), &packs, on_demand)
                    .map_err(overflow(location))?,
            })
        }
    };
    Ok(PricedTokens {
        chain,
        on_demand_price: on_demand,
        changes,
        accelerated_per_year: accelerated,
        forecast_per_month: forecast.normalize(),
        chosen,
        on_demand_only,
        suggestion,
        fixed_capacity,
        total,
    })
}

/// Sums the schedule per contract year (12-month periods from signature).
fn year_totals(p: &Pricer) -> Result<Vec<YearTotal>, PricingError> {
    let location = Location::Totals;
    let mut years = Vec::new();
    let mut from = p.start;
    let mut year = 1;
    while from < p.end {
        let to = from
            .checked_add_months(Months::new(12))
            .unwrap_or(p.end)
            .min(p.end);
        let mut by_category: BTreeMap<Category, Money> = BTreeMap::new();
        for invoice in p.schedule.iter().filter(|i| i.date >= from && i.date < to) {
            let slot = by_category.entry(invoice.category).or_default();
            *slot = slot
                .checked_add(invoice.amount)
                .map_err(overflow(location))?;
        }
        let one_time = Money::checked_sum(
            by_category
                .iter()
                .filter(|(c, _)| c.is_one_time())
                .map(|(_, m)| *m),
        )
        .map_err(overflow(location))?;
        let total =
            Money::checked_sum(by_category.values().copied()).map_err(overflow(location))?;
        years.push(YearTotal {
            year,
            from,
            to,
            one_time,
            recurring: total.checked_sub(one_time).map_err(overflow(location))?,
            total,
            by_category,
        });
        from = to;
        year += 1;
    }
    Ok(years)
}
