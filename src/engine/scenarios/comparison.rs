//! SPEC §1, §2: the same workload priced under several scenarios (Fully
//! Managed, Co-Managed, Full DevOps, or copies with another support level or
//! chain), side by side.
//!
//! A scenario is the quote with a few settings replaced; it is priced by the
//! same `pricing::price` as the quote itself, so each column equals that
//! scenario priced alone.

use serde::Serialize;

use crate::engine::document::pricebook::{PriceBook, PriceBooks};
use crate::engine::document::quote::Quote;
use crate::engine::document::scenario::Scenario;
use crate::engine::models::{self, SetAside};
use crate::engine::money::Money;
use crate::engine::pricing::{price, Category, PricedQuote, PricingError, Severity};
use crate::engine::responsibilities::effort::{client_effort, EffortReport};

/// One priced scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub scenario: Scenario,
    pub quote: Quote,
    pub priced: Result<PricedQuote, PricingError>,
    /// §2: what the scenario's model leaves out of the price.
    pub set_aside: Vec<SetAside>,
    /// SPEC §15: the client's own estimated effort under the scenario (an
    /// estimate, not in its price).
    pub effort: Option<EffortReport>,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        match &self.priced {
            Ok(p) => p
                .issues
                .iter()
                .filter(|i| i.severity == Severity::Error)
                .count(),
            Err(_) => 1,
        }
    }
}

/// A row of the comparison: one figure per scenario (none when the
/// scenario cannot be priced).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub figure: Figure,
    pub amounts: Vec<Option<Money>>,
}

impl Row {
    /// The figure differs between the scenarios.
    pub fn differs(&self) -> bool {
        self.amounts.windows(2).any(|w| w[0] != w[1])
    }

    /// Each amount less the first scenario's (none when either is missing).
    pub fn deltas(&self) -> Vec<Option<Money>> {
        let first = self.amounts.first().copied().flatten();
        self.amounts
            .iter()
            .map(|a| a.zip(first).and_then(|(a, f)| a.checked_sub(f).ok()))
            .collect()
    }

    /// The scenario with the lowest amount, when there is only one.
    pub fn cheapest(&self) -> Option<usize> {
        let min = self.amounts.iter().flatten().min()?;
        let mut at = self
            .amounts
            .iter()
            .enumerate()
            .filter(|(_, a)| a.as_ref() == Some(min));
        let first = at.next()?.0;
        at.next().is_none().then_some(first)
    }
}

/// What a row adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "figure")]
pub enum Figure {
    /// The monthly price of what is signed, for a whole month.
    MonthlyRecurring,
    OneTime,
    /// One category over the whole contract.
    Category {
        category: Category,
    },
    /// Everything invoiced in one contract year (1 = the first 12 months).
    Year {
        year: u32,
    },
    /// Total contract value.
    Total,
    /// SPEC §15: the client's estimated effort over the contract, valued.
    ClientEffort,
    /// SPEC §15: the provider's total and the client's effort together.
    AllIn,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub outcomes: Vec<Outcome>,
    pub rows: Vec<Row>,
}

impl Comparison {
    pub fn row(&self, figure: Figure) -> Option<&Row> {
        self.rows.iter().find(|r| r.figure == figure)
    }
}

/// Prices every scenario of `base` and lines their figures up. `book` is the
/// book in force at signature, used to tell what each model sets aside.
pub fn compare(
    base: &Quote,
    books: &PriceBooks,
    book: &PriceBook,
    scenarios: &[Scenario],
) -> Comparison {
    let outcomes: Vec<Outcome> = scenarios
        .iter()
        .map(|scenario| {
            let quote = base.with_scenario(scenario);
            Outcome {
                scenario: scenario.clone(),
                priced: price(&quote, books),
                set_aside: models::set_aside(&quote, book),
                effort: client_effort(&quote, book).ok(),
                quote,
            }
        })
        .collect();
    let figure_of = |o: &Outcome, figure: Figure| -> Option<Money> {
        let p = o.priced.as_ref().ok()?;
        Some(match figure {
            Figure::MonthlyRecurring => p.monthly_recurring,
            Figure::OneTime => p.one_time,
            Figure::Category { category } => p.category_total(category),
            Figure::Year { year } => p
                .years
                .iter()
                .find(|y| y.year == year)
                .map(|y| y.total)
                .unwrap_or(Money::ZERO),
            Figure::Total => p.commitment_total,
            Figure::ClientEffort => o.effort.as_ref()?.cost,
            Figure::AllIn => p
                .commitment_total
                .checked_add(o.effort.as_ref()?.cost)
                .ok()?,
        })
    };
    let years = outcomes
        .iter()
        .filter_map(|o| o.priced.as_ref().ok())
        .map(|p| p.years.len())
        .max()
        .unwrap_or(0);
    let mut figures = vec![Figure::MonthlyRecurring, Figure::OneTime];
    // Only the categories some scenario bills.
    figures.extend(
        Category::ALL
            .into_iter()
            .map(|category| Figure::Category { category })
            .filter(|f| {
                outcomes
                    .iter()
                    .any(|o| figure_of(o, *f).is_some_and(|m| !m.is_zero()))
            }),
    );
    figures.extend((1..=years as u32).map(|year| Figure::Year { year }));
    figures.extend([Figure::Total, Figure::ClientEffort, Figure::AllIn]);
    let rows = figures
        .into_iter()
        .map(|figure| Row {
            figure,
            amounts: outcomes.iter().map(|o| figure_of(o, figure)).collect(),
        })
        .collect();
    Comparison { outcomes, rows }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::engine::document::quote::ManagementModel;
    use crate::engine::document::scenario::default_scenarios;
    use crate::engine::document::support::{EnvironmentKind, SupportLevel};
    use crate::engine::lang::Lang;
    use crate::engine::money::Quantity;

    fn setup() -> (Quote, PriceBooks, PriceBook) {
        let book = PriceBook::builtin().unwrap();
        let books = PriceBooks::new(vec![book.clone()]).unwrap();
        let mut q = Quote::new(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        let os = q.add_line("OS-MGD");
        q.set_quantity(os, Quantity::from_whole(10));
        let exp = q.add_line("DEVOPS-EXP");
        q.set_quantity(exp, Quantity::from_whole(5));
        (q, books, book)
    }

    #[test]
    fn each_column_is_the_scenario_priced_alone() {
        let (q, books, book) = setup();
        let c = compare(&q, &books, &book, &default_scenarios());
        assert_eq!(c.outcomes.len(), 3);
        for (i, o) in c.outcomes.iter().enumerate() {
            let alone = price(&q.with_scenario(&o.scenario), &books).unwrap();
            assert_eq!(o.priced.as_ref().unwrap(), &alone);
            assert_eq!(
                c.row(Figure::Total).unwrap().amounts[i],
                Some(alone.commitment_total)
            );
        }
    }

    #[test]
    fn full_devops_costs_only_its_professional_services() {
        let (q, books, book) = setup();
        let c = compare(&q, &books, &book, &default_scenarios());
        let total = c.row(Figure::Total).unwrap();
        let devops = c.outcomes[2].priced.as_ref().unwrap();
        assert_eq!(total.amounts[2], Some(devops.one_time));
        assert!(total.differs());
        assert_eq!(total.cheapest(), Some(2));
        assert!(!c.outcomes[2].set_aside.is_empty());
    }

    #[test]
    fn a_support_override_applies_to_every_environment_and_drops_planned_changes() {
        let (mut q, _, _) = setup();
        q.set_environment(EnvironmentKind::PreProduction, Some(SupportLevel::Initial));
        let s = Scenario {
            support: Some(SupportLevel::Premium),
            ..Scenario::new(1, ManagementModel::CoManaged)
        };
        let applied = q.with_scenario(&s);
        assert!(applied
            .environments
            .iter()
            .all(|e| e.support == SupportLevel::Premium));
        assert!(applied.support_changes.is_empty());
        assert_eq!(applied.model, ManagementModel::CoManaged);
        assert_eq!(s.title(Lang::En), "Co-Managed · Premium");
    }

    #[test]
    fn deltas_are_against_the_first_scenario() {
        let row = Row {
            figure: Figure::Total,
            amounts: vec![
                Some(Money::from_file_text("100").unwrap()),
                Some(Money::from_file_text("80.5").unwrap()),
                None,
            ],
        };
        assert_eq!(
            row.deltas(),
            vec![
                Some(Money::ZERO),
                Some(Money::from_decimal(rust_decimal::Decimal::new(-195, 1))),
                None
            ]
        );
        assert_eq!(row.cheapest(), Some(1));
    }
}
