//! SPEC §15 (000 §3): prices by management model. An item may carry its
//! own price under a model; else the book may carry a percentage for the
//! model and the item's family; else the model does not change the price.
//! Also the item's rules the pricing stages read (§10 function, §4.1 build,
//! §9.3.1 revision).

use rust_decimal::Decimal;

use crate::engine::document::catalog::{Charge, Family};
use crate::engine::document::managed_function::FunctionGroup;
use crate::engine::document::management_model::ManagementModel;
use crate::engine::document::model_terms::{ModelAdjustment, ModelPrice};
use crate::engine::document::pricebook::{PriceBook, PriceItem};
use crate::engine::money::{Money, Overflow};

/// Where an item's unit price under a model comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "basis")]
pub enum PriceBasis {
    /// The item's own price: the model changes nothing.
    Same,
    /// The item's price for this model.
    ItemPrice,
    /// The book's percentage for the model and family.
    BookPercent {
        #[serde(with = "rust_decimal::serde::str")]
        percent: Decimal,
    },
}

impl PriceBasis {
    pub fn is_same(&self) -> bool {
        *self == PriceBasis::Same
    }
}

impl PriceBook {
    /// SPEC §15: the unit price of `item` under `model`, exact (no rounding:
    /// §7 rounds the line), and where it comes from.
    pub fn price_under(
        &self,
        item: &PriceItem,
        model: ManagementModel,
    ) -> Result<(Money, PriceBasis), Overflow> {
        if let Some(own) = item.model_prices.iter().find(|p| p.model == model) {
            return Ok((own.price, PriceBasis::ItemPrice));
        }
        let Some(percent) = self.model_percent(model, item.family) else {
            return Ok((item.price, PriceBasis::Same));
        };
        let factor = Decimal::ONE_HUNDRED
            .checked_add(percent)
            .and_then(|f| f.checked_div(Decimal::ONE_HUNDRED))
            .ok_or(Overflow)?;
        Ok((
            item.price.checked_mul(factor)?,
            PriceBasis::BookPercent { percent },
        ))
    }

    /// The book's percentage for `model` and `family` (the first that
    /// names the family, else one for every family).
    pub fn model_percent(&self, model: ManagementModel, family: Family) -> Option<Decimal> {
        let of_model = || self.model_adjustments.iter().filter(|a| a.model == model);
        of_model()
            .find(|a| a.families.contains(&family))
            .or_else(|| of_model().find(|a| a.families.is_empty()))
            .map(|a| a.percent)
    }

    /// SPEC §15, the book editor: sets (or, with `None`, removes) the
    /// percentage of `model` for `family`, keeping the other families'
    /// entries and any book-wide one (no family named) as they are.
    pub fn set_model_percent(
        &mut self,
        model: ManagementModel,
        family: Family,
        percent: Option<Decimal>,
    ) {
        // Entries naming families lose this one, and go when none is left;
        // a book-wide entry (no family named) stays.
        self.model_adjustments.retain_mut(|a| {
            if a.model != model || a.families.is_empty() {
                return true;
            }
            a.families.retain(|f| *f != family);
            !a.families.is_empty()
        });
        let Some(percent) = percent else { return };
        match self
            .model_adjustments
            .iter_mut()
            .find(|a| a.model == model && a.percent == percent && !a.families.is_empty())
        {
            Some(a) => a.families.push(family),
            None => self.model_adjustments.push(ModelAdjustment {
                model,
                families: vec![family],
                percent,
            }),
        }
    }
}

impl PriceItem {
    /// SPEC §15, the book editor: sets (or removes) the item's own price
    /// under `model`.
    pub fn set_model_price(&mut self, model: ManagementModel, price: Option<Money>) {
        self.model_prices.retain(|p| p.model != model);
        if let Some(price) = price {
            self.model_prices.push(ModelPrice { model, price });
        }
    }
}

impl PriceItem {
    /// §10: the managed function of the item's units, if any (SPEC §14:
    /// security devices, supervision and governance are none).
    pub fn function_group(&self) -> Option<FunctionGroup> {
        if self.charge != Charge::Monthly {
            return None;
        }
        self.function.or(FunctionGroup::of_family(self.family))
    }

    /// §4.1: a managed service unit the provider builds (or not): a monthly
    /// unit the book offers to build. Governance, professional services and
    /// one-time items need no build; neither do units the book offers no
    /// build for (Computer Vision streams, RDS and Citrix users, Exchange
    /// mailboxes, backup, supervision), which are managed as subscribed.
    pub fn needs_build(&self) -> bool {
        self.charge == Charge::Monthly
            && self.build.is_some()
            && !matches!(
                self.family,
                Family::Contract | Family::Governance | Family::Consulting
            )
    }

    /// §9.3.1: the SPEC default, unless the book says otherwise.
    pub fn is_revisable(&self) -> bool {
        self.charge == Charge::Monthly && self.revisable.unwrap_or(self.family != Family::Backup)
    }
}
