//! Messages shown to the user, in French and English.

use crate::engine::lang::Lang;
use crate::engine::money::NumberError;
use crate::engine::pricing::{LineIssue, PricingError};

/// Why a field's text was not taken into the quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    Number(NumberError),
    /// §9.1: the commitment is at least 12 months.
    CommitmentRange {
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
    }
}

pub fn line_issue(issue: &LineIssue, lang: Lang) -> String {
    match (issue, lang) {
        (LineIssue::UnknownItem { code }, Lang::Fr) => {
            format!("« {code} » n'existe pas dans la grille tarifaire.")
        }
        (LineIssue::UnknownItem { code }, Lang::En) => {
            format!("“{code}” is not in the price book.")
        }
        (LineIssue::NotSoldUnderFullDevOps { .. }, Lang::Fr) => {
            "Non disponible en Full DevOps : seuls les services professionnels sont vendus (§2)."
                .into()
        }
        (LineIssue::NotSoldUnderFullDevOps { .. }, Lang::En) => {
            "Not available under Full DevOps: only professional services are sold (§2).".into()
        }
        (LineIssue::NoSupportUnderFullDevOps, Lang::Fr) => {
            "Pas de support souscrit en Full DevOps (§2) : non facturé.".into()
        }
        (LineIssue::NoSupportUnderFullDevOps, Lang::En) => {
            "No support subscription under Full DevOps (§2): not billed.".into()
        }
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
        (PricingError::Overflow { .. }, Lang::Fr) => {
            "Montant trop grand pour être calculé : vérifiez les quantités. Les totaux affichés sont les derniers valides.".into()
        }
        (PricingError::Overflow { .. }, Lang::En) => {
            "An amount is too large to compute: check the quantities. The totals shown are the last valid ones.".into()
        }
    }
}
