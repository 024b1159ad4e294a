//! SPEC §1, §2: the same workload priced under several scenarios (Fully
//! Managed, Co-Managed, Full DevOps, or copies with another support level or
//! chain), side by side.
//!
//! A scenario is the quote with a few settings replaced; it is priced by the
//! same `pricing::price` as the quote itself, so each column equals that
//! scenario priced alone.

use serde::{Deserialize, Serialize};

use super::lang::Lang;
use super::models::{self, SetAside};
use super::money::Money;
use super::pricebook::{PriceBook, PriceBooks};
use super::pricing::{price, Category, PricedQuote, PricingError, Severity};
use super::quote::{ManagementModel, Quote};
use super::support::{SupportChain, SupportLevel};

/// SPEC §1: between two and four scenarios are compared.
pub const MIN_SCENARIOS: usize = 2;
pub const MAX_SCENARIOS: usize = 4;

/// One scenario compared with the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: u32,
    /// The column's title; empty: the model's name and support level.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub model: ManagementModel,
    /// Every environment on this support level for the whole contract
    /// (the quote's planned support changes are then left out); none: the
    /// quote's own levels and changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<SupportLevel>,
    /// Another support chain; none: the quote's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_chain: Option<SupportChain>,
}

impl Scenario {
    pub fn new(id: u32, model: ManagementModel) -> Self {
        Scenario {
            id,
            label: String::new(),
            model,
            support: None,
            support_chain: None,
        }
    }

    /// The column title: the user's label, or the model with the support
    /// level and chain when they differ from the quote's.
    pub fn title(&self, lang: Lang) -> String {
        if !self.label.trim().is_empty() {
            return self.label.trim().to_owned();
        }
        let mut title = self.model.label(lang).to_owned();
        if let Some(level) = self.support {
            title.push_str(" · ");
            title.push_str(level.label(lang));
        }
        if let Some(chain) = self.support_chain {
            title.push_str(" · ");
            title.push_str(chain.label(lang));
        }
        title
    }

    /// The quote as this scenario prices it.
    pub fn apply(&self, base: &Quote) -> Quote {
        let mut quote = base.clone();
        quote.model = self.model;
        if let Some(level) = self.support {
            for env in &mut quote.environments {
                env.support = level;
            }
            quote.support_changes.clear();
        }
        if let Some(chain) = self.support_chain {
            quote.support_chain = chain;
        }
        // The comparison itself is not part of a scenario.
        quote.comparison.clear();
        quote
    }
}

/// The scenarios shown before the user picks any: the three models with the
/// quote's own support.
pub fn default_scenarios() -> Vec<Scenario> {
    ManagementModel::ALL
        .into_iter()
        .zip(1..)
        .map(|(model, id)| Scenario::new(id, model))
        .collect()
}

/// The scenarios the quote compares: its own list, or the defaults.
pub fn scenarios_of(quote: &Quote) -> Vec<Scenario> {
    if quote.comparison.is_empty() {
        default_scenarios()
    } else {
        quote.comparison.clone()
    }
}

/// One priced scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub scenario: Scenario,
    pub quote: Quote,
    pub priced: Result<PricedQuote, PricingError>,
    /// §2: what the scenario's model leaves out of the price.
    pub set_aside: Vec<SetAside>,
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
            let quote = scenario.apply(base);
            Outcome {
                scenario: scenario.clone(),
                priced: price(&quote, books),
                set_aside: models::set_aside(&quote, book),
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
    figures.push(Figure::Total);
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
    use crate::engine::money::Quantity;
    use crate::engine::support::EnvironmentKind;

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
            let alone = price(&o.scenario.apply(&q), &books).unwrap();
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
        let applied = s.apply(&q);
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
                Some(Money::parse("100").unwrap()),
                Some(Money::parse("80.5").unwrap()),
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
