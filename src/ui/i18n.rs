//! Messages shown to the user, in French and English.

use chrono::NaiveDate;

use crate::engine::document::catalog::Family;
use crate::engine::document::pricebook::GovernanceRole;
use crate::engine::lang::Lang;
use crate::engine::models::SetAside;
use crate::engine::money::NumberError;
use crate::engine::pricing::{PricingError, QuoteIssue};

/// Why a field's text was not taken into the quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    Number(NumberError),
    /// §9.1: the commitment is at least 12 months.
    CommitmentRange {
        min: u32,
        max: u32,
    },
    /// A date field left empty or unreadable.
    Date,
    /// A number outside its bounds (a percentage 0–100, a count of draws).
    Range {
        min: u32,
        max: u32,
    },
}

impl FieldError {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (FieldError::Number(e), _) => number_error(e, lang),
            (FieldError::CommitmentRange { min, max }, Lang::Fr) => {
                format!("L'engagement doit être compris entre {min} et {max} mois (§9.1 : durée minimale d'un an).")
            }
            (FieldError::CommitmentRange { min, max }, Lang::En) => {
                format!("The commitment must be between {min} and {max} months (§9.1: one year minimum).")
            }
            (FieldError::Date, Lang::Fr) => "Choisissez une date valide.".into(),
            (FieldError::Date, Lang::En) => "Choose a valid date.".into(),
            (FieldError::Range { min, max }, Lang::Fr) => {
                format!("Une valeur de {min} à {max} est attendue.")
            }
            (FieldError::Range { min, max }, Lang::En) => {
                format!("A value from {min} to {max} is expected.")
            }
        }
    }
}

fn number_error(e: &NumberError, lang: Lang) -> String {
    match (e, lang) {
        (NumberError::Empty, Lang::Fr) => "Saisissez une valeur.".into(),
        (NumberError::Empty, Lang::En) => "Enter a value.".into(),
        (NumberError::NotANumber(s), Lang::Fr) => format!("« {s} » n'est pas un nombre."),
        (NumberError::NotANumber(s), Lang::En) => format!("“{s}” is not a number."),
        (NumberError::TooLarge(s), Lang::Fr) => format!("« {s} » est trop grand."),
        (NumberError::TooLarge(s), Lang::En) => format!("“{s}” is too large."),
        (NumberError::Negative, Lang::Fr) => "Une valeur négative n'est pas possible ici.".into(),
        (NumberError::Negative, Lang::En) => "A negative value is not allowed here.".into(),
        (NumberError::TooPrecise { max }, Lang::Fr) => format!("{max} décimales au plus."),
        (NumberError::TooPrecise { max }, Lang::En) => format!("At most {max} decimal places."),
        (NumberError::NotWhole, Lang::Fr) => "Un nombre entier est attendu.".into(),
        (NumberError::NotWhole, Lang::En) => "A whole number is expected.".into(),
        (NumberError::Ambiguous(s), Lang::Fr) => format!("« {s} » est ambigu : en français, les milliers sont séparés par des espaces et les décimales par une virgule (1 000,5)."),
        (NumberError::Ambiguous(s), Lang::En) => format!("“{s}” is ambiguous: in English, commas separate thousands and a dot the decimals (1,000.5)."),
    }
}

fn families(list: &[Family], lang: Lang) -> String {
    list.iter()
        .map(|f| f.label(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

fn role(role: GovernanceRole) -> &'static str {
    match role {
        GovernanceRole::ServiceDeliveryManager => "Service Delivery Manager",
        GovernanceRole::ContractBusinessManager => "Contract Business Manager",
    }
}

fn fr_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// The message for an issue of the priced quote, with the clause it applies.
pub fn quote_issue(issue: &QuoteIssue, lang: Lang) -> String {
    use QuoteIssue as I;
    match issue {
        I::UnknownItem { .. }
        | I::NotSoldUnderFullDevOps { .. }
        | I::MissingDependency { .. }
        | I::AdNeedsTwoVms
        | I::GovernanceRequired { .. }
        | I::GovernanceUnavailable { .. }
        | I::BuildNotOffered { .. }
        | I::BuildNeedsWholeQuantity
        | I::NotManagedWithoutBuild
        | I::OrderedOutsideContract => line_issue(issue, lang),
        I::QuantityChangeOutsideLine { .. }
        | I::QuantityChangesOutOfOrder { .. }
        | I::LineEndOutsideLine { .. }
        | I::OneTimeLineDoesNotChange => line_life_issue(issue, lang),
        I::BuildBillingAssumed { .. }
        | I::MilestonesNot100 { .. }
        | I::OutsideContract { .. }
        | I::UnknownLot { .. }
        | I::DuplicateLot { .. }
        | I::NoLots => build_issue(issue, lang),
        I::NoSupportUnderFullDevOps
        | I::SupportChangeNotFirstOfMonth
        | I::SupportChangeUnknownEnvironment
        | I::SupportDowngradeWhileCommitted { .. }
        | I::SupportCommitmentBeyondContract { .. } => support_issue(issue, lang),
        I::UnknownChange { .. }
        | I::TooManyAccelerated { .. }
        | I::UnknownPack { .. }
        | I::NoRunServicesUnderFullDevOps => run_issue(issue, lang),
    }
}

/// SPEC §14: a line's quantity changes and end.
fn line_life_issue(issue: &QuoteIssue, lang: Lang) -> String {
    use QuoteIssue as I;
    let fr = lang == Lang::Fr;
    let d = |date: &NaiveDate| if fr { fr_date(*date) } else { date.to_string() };
    match issue {
        I::QuantityChangeOutsideLine { date, from, to } if fr => format!(
            "Le changement de quantité du {} doit tomber après la commande de la ligne ({}) et avant la fin du contrat ({}) : il n'est pas pris en compte.",
            d(date), d(from), d(to)
        ),
        I::QuantityChangeOutsideLine { date, from, to } => format!(
            "The quantity change of {} must fall after the line's order ({}) and before the end of the contract ({}): it is left out.",
            d(date), d(from), d(to)
        ),
        I::QuantityChangesOutOfOrder { date } if fr => format!(
            "Le changement de quantité du {} ne suit pas le précédent : un changement par date, dans l'ordre des dates ; il n'est pas pris en compte.",
            d(date)
        ),
        I::QuantityChangesOutOfOrder { date } => format!(
            "The quantity change of {} does not follow the one before: one change a date, in date order; it is left out.",
            d(date)
        ),
        I::LineEndOutsideLine { date, from, to } if fr => format!(
            "La fin de la ligne, le {}, doit tomber après le {} et au plus tard à la fin du contrat ({}) : elle n'est pas prise en compte.",
            d(date), d(from), d(to)
        ),
        I::LineEndOutsideLine { date, from, to } => format!(
            "The line's end, {}, must fall after {} and no later than the end of the contract ({}): it is left out.",
            d(date), d(from), d(to)
        ),
        I::OneTimeLineDoesNotChange if fr => "Une ligne ponctuelle est facturée une fois : sa date de fin et ses changements de quantité ne sont pas utilisés.".to_owned(),
        _ => issue.to_string(),
    }
}

/// §3, §4, §6, §7: a line of the quote (catalogue, dependencies, governance, build, order date).
fn line_issue(issue: &QuoteIssue, lang: Lang) -> String {
    use QuoteIssue as I;
    let fr = lang == Lang::Fr;
    let pick = |a: &str, b: &str| if fr { a.to_owned() } else { b.to_owned() };
    match issue {
        I::UnknownItem { code } => {
            if fr {
                format!("« {code} » n'existe pas dans la grille tarifaire en vigueur.")
            } else {
                format!("“{code}” is not in the price book in force.")
            }
        }
        I::NotSoldUnderFullDevOps { .. } => pick(
            "Mis de côté en Full DevOps : seuls les services professionnels sont vendus (§2) ; un autre modèle le rétablit.",
            "Set aside under Full DevOps: only professional services are sold (§2); another model restores it.",
        ),
        I::MissingDependency { requires } => {
            if fr {
                format!(
                    "Requiert aussi en managé sur le projet : {} (§7.1.2).",
                    families(requires, lang)
                )
            } else {
                format!(
                    "Also requires, managed on the project: {} (§7.1.2).",
                    families(requires, lang)
                )
            }
        }
        I::AdNeedsTwoVms => pick(
            "L'AD managé requiert au moins 2 VM (§6.12).",
            "Managed AD requires at least 2 VMs (§6.12).",
        ),
        I::GovernanceRequired { role: r } => {
            if fr {
                format!(
                    "{} obligatoire avec un environnement Premium (§6.1.1, §6.1.2).",
                    role(*r)
                )
            } else {
                format!(
                    "{} is mandatory with a Premium environment (§6.1.1, §6.1.2).",
                    role(*r)
                )
            }
        }
        I::GovernanceUnavailable { role: r } => {
            if fr {
                format!(
                    "{} n'est pas disponible quand tous les environnements sont en Standard (§6.1.1, §6.1.2).",
                    role(*r)
                )
            } else {
                format!(
                    "{} is not available when every environment is Standard (§6.1.1, §6.1.2).",
                    role(*r)
                )
            }
        }
        I::BuildNotOffered { model } => {
            if fr {
                format!("Pas de prix {} pour ce service (§4.1).", model.label(lang))
            } else {
                format!("No {} price for this service (§4.1).", model.label(lang))
            }
        }
        I::BuildNeedsWholeQuantity => pick(
            "Une ressource construite se compte en unités entières (§4).",
            "Built resources are counted in whole units (§4).",
        ),
        I::NotManagedWithoutBuild => pick(
            "No Build : « la ressource n'est pas managée » (§4.1) ; elle n'est pas prise en gestion par ce contrat et ne porte aucun engagement de service. Choisissez un build, ou cochez « déjà pris en gestion » si elle est reprise d'un contrat précédent.",
            "No Build: “the resource is not managed” (§4.1); this contract does not take it into management and it carries no service-level guarantee. Choose a build, or tick “already onboarded” if it is taken over from an earlier contract.",
        ),
        I::OrderedOutsideContract => pick(
            "La date de commande est hors du contrat.",
            "The order date is outside the contract.",
        ),
        // The other parts, dispatched by `quote_issue`.
        // Dispatched elsewhere by `quote_issue`; never empty if that changes.
        _ => issue.to_string(),
    }
}

/// §9.8: build invoicing, its lots, and dates of the contract.
fn build_issue(issue: &QuoteIssue, lang: Lang) -> String {
    use QuoteIssue as I;
    let fr = lang == Lang::Fr;
    let pick = |a: &str, b: &str| if fr { a.to_owned() } else { b.to_owned() };
    match issue {
        I::BuildBillingAssumed { assumed } => {
            if fr {
                format!("Facturation du build non choisie : 30/70 avec fin de build le {} supposée (§9.8.1).", fr_date(*assumed))
            } else {
                format!("Build invoicing not chosen: 30/70 with the build ending on {assumed} assumed (§9.8.1).")
            }
        }
        I::MilestonesNot100 { sum } => {
            if fr {
                format!(
                    "Les pourcentages des lots totalisent {} %, pas 100 % (§9.8.1).",
                    sum.to_string().replace('.', ",")
                )
            } else {
                format!("Lot percentages sum to {sum} %, not 100 % (§9.8.1).")
            }
        }
        I::OutsideContract { start, end } => {
            if fr {
                format!(
                    "Date hors du contrat ({} – {}).",
                    fr_date(*start),
                    fr_date(*end)
                )
            } else {
                format!("Date outside the contract ({start} – {end}).")
            }
        }
        I::UnknownLot { lot } => {
            if fr {
                format!("Le lot {lot} n'existe pas (§9.8.2).")
            } else {
                format!("Lot {lot} does not exist (§9.8.2).")
            }
        }
        I::DuplicateLot { lot } => {
            if fr {
                format!("Le numéro de lot {lot} est utilisé deux fois.")
            } else {
                format!("Lot number {lot} is used twice.")
            }
        }
        I::NoLots => pick(
            "La facturation par lots n'a aucun lot.",
            "Milestone invoicing has no lot.",
        ),
        // The other parts, dispatched by `quote_issue`.
        // Dispatched elsewhere by `quote_issue`; never empty if that changes.
        _ => issue.to_string(),
    }
}

/// §2, §5.3: the support subscription and its level changes.
fn support_issue(issue: &QuoteIssue, lang: Lang) -> String {
    use QuoteIssue as I;
    let fr = lang == Lang::Fr;
    let pick = |a: &str, b: &str| if fr { a.to_owned() } else { b.to_owned() };
    match issue {
        I::NoSupportUnderFullDevOps => pick(
            "Pas de support souscrit en Full DevOps (§2) : non facturé.",
            "No support subscription under Full DevOps (§2): not billed.",
        ),
        I::SupportChangeNotFirstOfMonth => pick(
            "Un changement de niveau prend effet le 1er d'un mois (§5.3).",
            "A level change takes effect on the 1st of a month (§5.3).",
        ),
        I::SupportChangeUnknownEnvironment => pick(
            "Cet environnement n'est pas souscrit.",
            "This environment is not subscribed.",
        ),
        I::SupportDowngradeWhileCommitted { committed_until } => {
            if fr {
                format!(
                    "Le support ne peut qu'augmenter pendant l'engagement, jusqu'au {} (§5.3).",
                    fr_date(*committed_until)
                )
            } else {
                format!(
                    "Support can only be upgraded while committed, until {committed_until} (§5.3)."
                )
            }
        }
        I::SupportCommitmentBeyondContract {
            level,
            committed_until,
            months,
            amount,
        } => {
            if fr {
                format!(
                    "Support {} engagé jusqu'au {}, après la fin du contrat : {} mois engagés restants, {}, facturés avec le dernier mois (§5.3).",
                    level.label(lang),
                    fr_date(*committed_until),
                    months,
                    amount.format(lang)
                )
            } else {
                format!(
                    "{} support is committed until {committed_until}, after the contract ends: {months} committed month(s) left, {}, billed with the last month (§5.3).",
                    level.label(lang),
                    amount.format(lang)
                )
            }
        }
        // The other parts, dispatched by `quote_issue`.
        // Dispatched elsewhere by `quote_issue`; never empty if that changes.
        _ => issue.to_string(),
    }
}

/// §2, §6: tokens (changes, packs) and tickets.
fn run_issue(issue: &QuoteIssue, lang: Lang) -> String {
    use QuoteIssue as I;
    let fr = lang == Lang::Fr;
    let pick = |a: &str, b: &str| if fr { a.to_owned() } else { b.to_owned() };
    match issue {
        I::UnknownChange { code } => {
            if fr {
                format!("« {code} » n'est pas au catalogue de changements.")
            } else {
                format!("“{code}” is not in the change catalogue.")
            }
        }
        I::TooManyAccelerated { planned, max } => {
            if fr {
                format!("{planned} changements accélérés par an : {max} au plus (§6).")
            } else {
                format!("{planned} accelerated changes a year: at most {max} (§6).")
            }
        }
        I::UnknownPack { code } => {
            if fr {
                format!("« {code} » n'est pas un pack de jetons de cette chaîne.")
            } else {
                format!("“{code}” is not a token pack of this chain.")
            }
        }
        I::NoRunServicesUnderFullDevOps => pick(
            "Ni tickets ni jetons en Full DevOps (§2) : non facturés.",
            "No tickets or tokens under Full DevOps (§2): not billed.",
        ),
        // The other parts, dispatched by `quote_issue`.
        // Dispatched elsewhere by `quote_issue`; never empty if that changes.
        _ => issue.to_string(),
    }
}

pub fn pricing_error(error: &PricingError, lang: Lang) -> String {
    match (error, lang) {
        (PricingError::CommitmentOutOfRange { months, min, max }, Lang::Fr) => format!(
            "Engagement de {months} mois hors limites ({min} à {max} mois, §9.1)."
        ),
        (PricingError::CommitmentOutOfRange { months, min, max }, Lang::En) => format!(
            "A {months}-month commitment is out of range ({min} to {max} months, §9.1)."
        ),
        (PricingError::DateOutOfRange, Lang::Fr) => "Date de début hors limites.".into(),
        (PricingError::DateOutOfRange, Lang::En) => "Start date out of range.".into(),
        (PricingError::NoPriceBook { region, date }, Lang::Fr) => {
            format!("Aucune grille tarifaire de la région {region} n'est en vigueur le {}.", date.format("%d/%m/%Y"))
        }
        (PricingError::NoPriceBook { region, date }, Lang::En) => {
            format!("No price book of region {region} is in force on {date}.")
        }
        (PricingError::Overflow { .. }, Lang::Fr) => {
            "Montant trop grand pour être calculé : vérifiez les quantités. Les totaux affichés sont les derniers valides.".into()
        }
        (PricingError::Overflow { .. }, Lang::En) => {
            "An amount is too large to compute: check the quantities. The totals shown are the last valid ones.".into()
        }
    }
}

/// §2: one part of the quote a management model leaves out of the price.
pub fn set_aside(part: &SetAside, lang: Lang) -> String {
    let pick = |fr: &'static str, en: &'static str| lang.pick(fr, en).to_owned();
    match part {
        SetAside::Line { item, family, .. } => format!(
            "{} {item} ({})",
            lang.pick("Ligne", "Line"),
            family.label(lang)
        ),
        SetAside::Support { environment, level } => format!(
            "{} {} ({})",
            lang.pick("Support", "Support"),
            environment.label(lang),
            level.label(lang)
        ),
        SetAside::Tickets => pick("Tickets d'incident prévus", "Forecast incident tickets"),
        SetAside::Tokens => pick(
            "Plan de jetons (changements, pack)",
            "Token plan (changes, pack)",
        ),
        SetAside::AccessFee => pick("Frais d'accès", "Access fee"),
        SetAside::MonthlyMinimum => {
            pick("Minimum de facturation mensuel", "Monthly billing minimum")
        }
        SetAside::ServiceLevels => pick(
            "Engagements de service (GTD, GTR, GTC)",
            "Service-level guarantees (GTD, GTR, GTC)",
        ),
    }
}

/// A warning about a price book (SPEC §14, §5.10.2).
pub fn pricebook_warning(
    warning: &crate::engine::document::pricebook_checks::PriceBookWarning,
    lang: Lang,
) -> String {
    use crate::engine::document::pricebook_checks::PriceBookWarning as W;
    match warning {
        W::LongerRetentionCheaper { longer, shorter } => lang
            .pick(
                "« {longer} » garde les sauvegardes plus longtemps que « {shorter} » mais coûte moins cher (§5.10.2).",
                "“{longer}” keeps backups longer than “{shorter}” but costs less (§5.10.2).",
            )
            .replace("{longer}", longer)
            .replace("{shorter}", shorter),
    }
}

/// §9.2 (SPEC §14): the reading of the monthly minimum a book uses.
pub fn minimum_mode(
    mode: crate::engine::document::pricebook::MinimumMode,
    lang: Lang,
) -> &'static str {
    use crate::engine::document::pricebook::MinimumMode as M;
    match mode {
        M::Floor => lang.pick(
            "Plancher (§9.2 « minimum de facturation ») : le mois est complété jusqu'au minimum",
            "Floor (§9.2 “minimum de facturation”): the month is topped up to the minimum",
        ),
        M::BaseFee => lang.pick(
            "Redevance de base (§9.2 « auxquels s'ajoute le prix des Unités ») : le minimum est facturé chaque mois, les unités s'y ajoutent",
            "Base fee (§9.2 “auxquels s'ajoute le prix des Unités”): the minimum is billed every month, the units added to it",
        ),
    }
}
