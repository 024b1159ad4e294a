//! §10 "Fonction Managée": the managed functions of a priced quote, with
//! their units and, for a month, the GTD credit base of §8.5.2: "le montant
//! mensuel récurrent hors taxe facturé au Client pour la Fonction Managée
//! affectée pour le mois considéré", i.e. what the function's production
//! units (§8.4.3) taken into management (§4.1) bill in that month.

use std::collections::BTreeMap;

use serde::Serialize;

use super::errors::SlaError;
use crate::engine::document::credit_month::CreditMonth;
use crate::engine::document::managed_function::ManagedFunction;
use crate::engine::document::pricebook::Text;
use crate::engine::document::quote::LineId;
use crate::engine::money::{Money, Quantity};
use crate::engine::pricing::{Category, PricedQuote};
use crate::engine::timeline::first_of_month;

/// One unit line of a managed function.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunctionUnit {
    pub line: LineId,
    pub item: String,
    pub name: Text,
    pub quantity: Quantity,
    /// §8.4.3: not marked non-production in the simulated month.
    pub production: bool,
    /// §4.1: No Build and not onboarded: not taken into management.
    pub unmanaged: bool,
    /// What the line bills in the month.
    pub amount: Money,
}

impl FunctionUnit {
    /// In the function's GTD base: production and taken into management.
    pub fn counted(&self) -> bool {
        self.production && !self.unmanaged
    }
}

/// A managed function of the quote and its units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteFunction {
    pub function: ManagedFunction,
    pub kubernetes: bool,
    pub units: Vec<FunctionUnit>,
    /// §8.5.2: the month's charge of its counted units.
    pub base: Money,
}

impl QuoteFunction {
    pub fn has_production_unit(&self) -> bool {
        self.units.iter().any(|u| u.production)
    }

    pub fn has_counted_unit(&self) -> bool {
        self.units.iter().any(FunctionUnit::counted)
    }
}

/// The managed functions of `priced` (groups in the order of §10's kinds,
/// then one per application line), their units and base in the month of
/// `input`; amounts are zero for a month outside the contract.
pub fn managed_functions(
    priced: &PricedQuote,
    input: &CreditMonth,
) -> Result<Vec<QuoteFunction>, SlaError> {
    let month = first_of_month(input.month);
    let index = priced.months.iter().position(|m| *m == month);
    let mut functions: BTreeMap<ManagedFunction, QuoteFunction> = BTreeMap::new();
    for line in priced.lines.iter().filter(|l| l.category == Category::Run) {
        let Some(function) = line.function else {
            continue;
        };
        let amount = index
            .and_then(|i| line.months.get(i).copied())
            .unwrap_or(Money::ZERO);
        let entry = functions.entry(function).or_insert_with(|| QuoteFunction {
            function,
            kubernetes: function.is_kubernetes(),
            units: Vec::new(),
            base: Money::ZERO,
        });
        let unit = FunctionUnit {
            line: line.id,
            item: line.item.clone(),
            name: line.name.clone(),
            quantity: line.quantity,
            production: input.is_production(line.id),
            unmanaged: line.unmanaged,
            amount,
        };
        if unit.counted() {
            entry.base = entry.base.checked_add(amount)?;
        }
        entry.units.push(unit);
    }
    Ok(functions.into_values().collect())
}
