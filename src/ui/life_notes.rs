//! The contract's life as sentences next to its figures (issue 15), for
//! the schedule, the service-levels and finance tabs and the printable
//! proposal: where a month's credits go (§8.2), what leaving early owes
//! (§5.3, §5.5, §9.4).

use crate::engine::contract_life::invoiced_credit::{ClaimStatus, InvoicedCredit};
use crate::engine::lang::Lang;
use crate::ui::format::{date, month};

/// §8.2: where the simulated month's credits go, as a sentence.
pub fn credit_sentence(c: &InvoicedCredit, l: Lang) -> String {
    let amount = c.amount.format(l);
    let m = month(c.month, l);
    match (c.status, l) {
        (ClaimStatus::NoCredit, Lang::Fr) => format!("{m} : aucun crédit de service."),
        (ClaimStatus::NoCredit, Lang::En) => format!("{m}: no service credit."),
        (ClaimStatus::NotClaimed, Lang::Fr) => format!("Crédits de {m} ({amount}) non réclamés : rien n'est déduit ; la réclamation doit parvenir au plus tard le {} (§8.2).", date(c.claim_deadline, l)),
        (ClaimStatus::NotClaimed, Lang::En) => format!("Credits of {m} ({amount}) not claimed: nothing is deducted; the claim must arrive by {} (§8.2).", date(c.claim_deadline, l)),
        (ClaimStatus::Late, Lang::Fr) => format!("Réclamation après le {} : plus de 30 jours après le mois, aucun crédit (§8.2).", date(c.claim_deadline, l)),
        (ClaimStatus::Late, Lang::En) => format!("Claimed after {}: more than 30 days after the month, no credit (§8.2).", date(c.claim_deadline, l)),
        (ClaimStatus::Granted, _) | (ClaimStatus::AfterEnd, _) => {
            let invoice = c.invoice_month.map(|d| month(d, l)).unwrap_or_default();
            let answer = c.answer_by.map(|d| date(d, l)).unwrap_or_default();
            let after_end = c.status == ClaimStatus::AfterEnd;
            match l {
                Lang::Fr => format!(
                    "Crédits de {m} ({amount}) réclamés, confirmés au plus tard le {answer}, déduits de la facture de {invoice}{} (§8.2 ; lecture du produit : facture du mois suivant la réclamation).",
                    if after_end { ", par un avoir après la fin du contrat" } else { "" }
                ),
                Lang::En => format!(
                    "Credits of {m} ({amount}) claimed, confirmed by {answer}, deducted from the invoice of {invoice}{} (§8.2; the product's reading: the invoice of the month after the claim).",
                    if after_end { ", as a credit note after the end of the contract" } else { "" }
                ),
            }
        }
    }
}
