//! §11 (seed 002): what the recurring flat fee does not cover, billed on
//! quote or in tokens. Listed in every priced quote and in the proposal.

use crate::engine::document::pricebook::Text;

const OUT_OF_FLAT_FEE: [(&str, &str); 7] = [
    ("Interventions sur le matériel", "Hardware interventions"),
    ("Migrations", "Migrations"),
    (
        "Nouveaux composants logiciels (VPN, bases de données, répartition de charge, cache)",
        "New software components (VPN, databases, load balancing, cache)",
    ),
    ("Gestion de projet avancée", "Advanced project management"),
    ("Contacts avec des tiers", "Contact with third parties"),
    (
        "Incidents causés par le client ou par des tiers",
        "Incidents caused by the client or third parties",
    ),
    (
        "Investigations au-delà de l'expertise prévue",
        "Investigations beyond the stated expertise",
    ),
];

/// §11: the items outside the flat fee.
pub fn out_of_flat_fee() -> Vec<Text> {
    OUT_OF_FLAT_FEE
        .iter()
        .map(|(fr, en)| Text {
            fr: (*fr).to_owned(),
            en: (*en).to_owned(),
        })
        .collect()
}
