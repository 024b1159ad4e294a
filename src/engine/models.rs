//! SPEC §2 (000 §3): what each management model allows, and what a switch
//! of model sets aside.
//!
//! Nothing is ever removed from the quote: a part the model does not sell
//! stays in the document, is left out of the price with a note, and counts
//! again as soon as the user switches back.

use serde::Serialize;

use crate::engine::document::catalog::Family;
use crate::engine::document::pricebook::PriceBook;
use crate::engine::document::quote::{LineId, ManagementModel, Quote};
use crate::engine::document::support::{EnvironmentKind, SupportLevel};

/// §2: may a line of this family be quoted under this model? Full DevOps
/// sells professional services only ("aucun service managé n'est proposé").
pub fn line_allowed(model: ManagementModel, family: Family) -> bool {
    model != ManagementModel::FullDevOps || family.is_professional_service()
}

/// §2: Full DevOps has no managed service, hence no support, tickets,
/// tokens, access fee or billing minimum.
pub fn managed_services(model: ManagementModel) -> bool {
    model != ManagementModel::FullDevOps
}

/// 000: "L'engagement de service du Prestataire s'applique à la fois aux
/// modèles Fully Managed et Co-Managed."
pub fn service_levels_apply(model: ManagementModel) -> bool {
    model != ManagementModel::FullDevOps
}

/// §8.4.4: Co-Managed carries exclusions to the service levels.
pub fn co_managed_exclusions(model: ManagementModel) -> bool {
    model == ManagementModel::CoManaged
}

/// A part of the quote the model leaves out of the price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "part")]
pub enum SetAside {
    /// A managed service line (§2: professional services only).
    Line {
        id: LineId,
        item: String,
        family: Family,
    },
    /// An environment's support subscription (§5.3, §9.5).
    Support {
        environment: EnvironmentKind,
        level: SupportLevel,
    },
    /// The incident tickets forecast (§9.5, §9.6).
    Tickets,
    /// The token plan: changes, extra work, pack (§6).
    Tokens,
    /// The one-time access fee (§9.2).
    AccessFee,
    /// The monthly billing minimum (§9.2).
    MonthlyMinimum,
    /// The service-level guarantees GTD, GTR, GTC (§8, 000).
    ServiceLevels,
}

impl SetAside {
    /// The clause that sets it aside.
    pub fn clause(&self) -> &'static str {
        match self {
            SetAside::ServiceLevels => "000, §8",
            _ => "§2 (000 §3)",
        }
    }
}

/// What the quote's current model leaves out of the price (empty for Fully
/// Managed and Co-Managed). Lines whose item is not in `book` are not listed:
/// the pricing reports them as unknown.
pub fn set_aside(quote: &Quote, book: &PriceBook) -> Vec<SetAside> {
    set_aside_under(quote, book, quote.model)
}

/// What `model` would leave out of this quote's price.
pub fn set_aside_under(quote: &Quote, book: &PriceBook, model: ManagementModel) -> Vec<SetAside> {
    let mut out = Vec::new();
    for line in &quote.lines {
        if let Some(item) = book.item(&line.item) {
            if !line_allowed(model, item.family) {
                out.push(SetAside::Line {
                    id: line.id,
                    item: line.item.clone(),
                    family: item.family,
                });
            }
        }
    }
    if !managed_services(model) {
        for env in &quote.environments {
            out.push(SetAside::Support {
                environment: env.kind,
                level: env.support,
            });
        }
        if !quote.tickets.forecast_per_month.as_decimal().is_zero() {
            out.push(SetAside::Tickets);
        }
        let tokens = &quote.tokens;
        if !tokens.changes.is_empty()
            || !tokens.packs.is_empty()
            || !tokens.extra_per_month.as_decimal().is_zero()
        {
            out.push(SetAside::Tokens);
        }
        if !quote.access_fee_waived && !book.access_fee.is_zero() {
            out.push(SetAside::AccessFee);
        }
        if !book.monthly_minimum.is_zero() {
            out.push(SetAside::MonthlyMinimum);
        }
    }
    if !service_levels_apply(model) {
        out.push(SetAside::ServiceLevels);
    }
    out
}

/// What changes when the quote switches from its model to `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelSwitch {
    pub from: ManagementModel,
    pub to: ManagementModel,
    /// Counted under `from`, left out under `to`.
    pub set_aside: Vec<SetAside>,
    /// Left out under `from`, counted again under `to`.
    pub restored: Vec<SetAside>,
    /// §8.4.4: the co-managed exclusions start (true) or stop (false) to
    /// apply; `None` when unchanged.
    pub co_managed_exclusions: Option<bool>,
}

impl ModelSwitch {
    pub fn is_empty(&self) -> bool {
        self.set_aside.is_empty()
            && self.restored.is_empty()
            && self.co_managed_exclusions.is_none()
    }
}

/// Compares what the quote's current model and `to` leave out of the price.
pub fn switch(quote: &Quote, book: &PriceBook, to: ManagementModel) -> ModelSwitch {
    let from = quote.model;
    let before = set_aside_under(quote, book, from);
    let after = set_aside_under(quote, book, to);
    let exclusions = (co_managed_exclusions(from) != co_managed_exclusions(to))
        .then_some(co_managed_exclusions(to));
    ModelSwitch {
        from,
        to,
        set_aside: after
            .iter()
            .filter(|a| !before.contains(a))
            .cloned()
            .collect(),
        restored: before.into_iter().filter(|b| !after.contains(b)).collect(),
        co_managed_exclusions: exclusions,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::engine::document::quote::PlannedChange;
    use crate::engine::money::Quantity;

    fn quote() -> (Quote, PriceBook) {
        let book = PriceBook::builtin().unwrap();
        let mut q = Quote::new(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        q.add_line("OS-MGD");
        q.add_line("DEVOPS-EXP");
        q.tokens.changes.push(PlannedChange {
            id: 1,
            change: "CHG-DNS".into(),
            per_year: 4,
            off_hours: false,
            accelerated: false,
        });
        (q, book)
    }

    #[test]
    fn fully_managed_and_co_managed_set_nothing_aside() {
        let (mut q, book) = quote();
        assert!(set_aside(&q, &book).is_empty());
        q.model = ManagementModel::CoManaged;
        assert!(set_aside(&q, &book).is_empty());
    }

    #[test]
    fn full_devops_sets_aside_every_managed_part_but_keeps_professional_services() {
        let (mut q, book) = quote();
        q.model = ManagementModel::FullDevOps;
        let aside = set_aside(&q, &book);
        assert_eq!(
            aside,
            vec![
                SetAside::Line {
                    id: LineId(1),
                    item: "OS-MGD".into(),
                    family: Family::Os
                },
                SetAside::Support {
                    environment: EnvironmentKind::Production,
                    level: SupportLevel::Standard
                },
                SetAside::Tickets,
                SetAside::Tokens,
                SetAside::AccessFee,
                SetAside::MonthlyMinimum,
                SetAside::ServiceLevels,
            ]
        );
    }

    #[test]
    fn switching_there_and_back_restores_exactly_what_was_set_aside() {
        let (mut q, book) = quote();
        q.access_fee_waived = true;
        q.tickets.forecast_per_month = Quantity::ZERO;
        let there = switch(&q, &book, ManagementModel::FullDevOps);
        assert_eq!(there.set_aside.len(), 5, "{there:?}");
        assert!(there.restored.is_empty());
        assert!(!there.set_aside.contains(&SetAside::AccessFee));
        q.model = ManagementModel::FullDevOps;
        let back = switch(&q, &book, ManagementModel::FullyManaged);
        assert_eq!(back.restored, there.set_aside);
        assert!(back.set_aside.is_empty());
    }

    #[test]
    fn co_managed_exclusions_start_and_stop_with_the_model() {
        let (mut q, book) = quote();
        let to_co = switch(&q, &book, ManagementModel::CoManaged);
        assert_eq!(to_co.co_managed_exclusions, Some(true));
        assert!(to_co.set_aside.is_empty() && to_co.restored.is_empty());
        q.model = ManagementModel::CoManaged;
        assert_eq!(
            switch(&q, &book, ManagementModel::FullyManaged).co_managed_exclusions,
            Some(false)
        );
        assert!(switch(&q, &book, ManagementModel::CoManaged).is_empty());
    }
}
