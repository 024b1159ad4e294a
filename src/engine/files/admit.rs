//! Admission: what the app does with a quote before making it the current
//! one, whichever way it came in (an imported file, a share link, the
//! browser's storage, the quote opened at start).
//!
//! [`admit`] checks the quote against the document's bounds
//! (`document::limits`, located errors) and prices it once: a quote that is
//! admitted is within bounds and priced (its issues, if any, are in the
//! priced quote), so nothing the screens compute from it can fail or panic.
//! A quote refused is not made current; the caller shows
//! [`AdmitError::message`] and keeps what the user had.

use thiserror::Error;

use crate::engine::document::limits::{messages, LimitError};
use crate::engine::document::pricebook::PriceBooks;
use crate::engine::document::quote::Quote;
use crate::engine::lang::Lang;
use crate::engine::pricing::{price, PricedQuote, PricingError};

/// A quote admitted: within bounds, and priced with the books it was
/// admitted with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admitted {
    pub quote: Quote,
    pub priced: PricedQuote,
}

/// Why a quote is not admitted.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AdmitError {
    /// Values out of the document's bounds, each located.
    #[error("{}", messages(.0, Lang::En))]
    Limits(Vec<LimitError>),
    /// The quote cannot be priced at all.
    #[error("the quote cannot be priced: {0}")]
    Pricing(PricingError),
}

impl AdmitError {
    /// Sentences for people, in `lang` (one a line for several limits).
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AdmitError::Limits(errors), lang) => messages(errors, lang),
            (AdmitError::Pricing(e), Lang::Fr) => {
                format!("Le devis ne peut pas être chiffré : {}", pricing_fr(e))
            }
            (AdmitError::Pricing(e), Lang::En) => format!("The quote cannot be priced: {e}."),
        }
    }
}

fn pricing_fr(e: &PricingError) -> String {
    match e {
        PricingError::CommitmentOutOfRange { months, min, max } => {
            format!("l'engagement doit être de {min} à {max} mois, pas {months}.")
        }
        PricingError::DateOutOfRange => "la date de début est hors limites.".into(),
        PricingError::NoPriceBook { region, date } => {
            format!("aucune grille tarifaire de la région « {region} » n'est en vigueur le {date}.")
        }
        PricingError::Overflow { .. } => "un montant est trop grand pour être calculé.".into(),
    }
}

/// Checks `quote` against the document's bounds and prices it with
/// `books`, once. Call it on every way in before the quote becomes
/// current; `Quote::from_json*` already checks the bounds, so a quote read
/// from text is checked twice (cheaply: the check is linear).
pub fn admit(quote: Quote, books: &PriceBooks) -> Result<Admitted, AdmitError> {
    quote.check().map_err(AdmitError::Limits)?;
    let priced = price(&quote, books).map_err(AdmitError::Pricing)?;
    Ok(Admitted { quote, priced })
}
