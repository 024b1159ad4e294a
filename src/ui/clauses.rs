//! The revision and MRG clauses as text, filled with the quote's figures:
//! shown by the finance tab and in the printable proposal (§9.3, §9.4).

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::ui::format::date;
use crate::ui::state::AppState;

/// The revision and MRG clauses in `l`, filled with the quote's figures
/// (empty while the quote cannot be priced). Tracks the signals it reads.
pub fn clause_paragraphs(state: AppState, l: Lang) -> Vec<String> {
    let specific = state.quote.with(|q| q.revision.specific);
    // Read in place: the priced, revised and MRG results are not copied.
    state.priced.with(|p| state.revised.with(|r| state.mrg.with(|m| {
        let (Some(p), Some(r), Some(m)) = (p.as_ref(), r.as_ref(), m.as_ref()) else {
            return Vec::new();
        };
        let first = r.lines.iter().flat_map(|x| x.steps.first()).next();
        let base = first
            .and_then(|s| s.syntec.as_ref())
            .map(|(s0, _)| format!("{} ({})", s0.value, s0.period))
            .unwrap_or_else(|| "—".into());
        let anniversary = first.map(|s| date(s.date, l)).unwrap_or_else(|| "—".into());
        let annual = m
            .years
            .first()
            .map(|y| y.annual_mrg.format(l))
            .unwrap_or_default();
        match l {
            Lang::Fr => vec![
                format!("Révision des prix (§9.3.1). Les prix unitaires des Services, hors prestations de sauvegarde et de restauration, prestations de support et jetons à la demande, sont révisés chaque année à la date anniversaire du Contrat, la première fois le {anniversary}, par application de la formule P1 = P0 × S1 / S0, où S0 est le dernier indice SYNTEC publié à la date de la première facturation mensuelle ({}), soit {base}, puis l'indice retenu à la révision précédente, et S1 le dernier indice SYNTEC publié à la date de révision. Les prestations facturées en début de période le sont sur la base des derniers indices connus ; une facturation complémentaire est établie dès la publication des indices.", date(p.run_start, l)),
                format!("Révision spécifique (§9.3.2). Les unités de service dont les équipements requièrent une zone d'hébergement physique sont en outre révisées par P = P-1 × [⅔ (S / S-1) + ⅓ (T / T-1)], S étant l'indice INSEE du coût de la construction et T l'indice INSEE de l'électricité moyenne tension (> 36 kVA), publiés à la date de révision et douze mois auparavant.{}", if specific { "" } else { " (Non retenue dans ce devis.)" }),
                format!("Minimum de revenu garanti (§9.4). Le Revenu Global de RUN prévu au Contrat est de {}. Le Client s'engage à maintenir un Minimum de Revenu Garanti de {} % de ce montant, soit {}, réparti sur {} année(s) de RUN à compter du {} ({} la première année). Si le montant facturé au titre d'une année est inférieur au MRG annuel, le Différentiel est facturé dans les trente jours de sa notification ; un dépassement participe à l'atteinte du MRG de l'année suivante. Une évolution de périmètre de plus de 15 % du Revenu Global relève le MRG global dans la même proportion.", m.global_revenue.format(l), m.rate_percent, m.global_mrg.format(l), m.years.len(), date(m.run_start, l), annual),
            ],
            Lang::En => vec![
                format!("Price revision (§9.3.1). Service unit prices, excluding backup and restore, support and on-demand tokens, are revised every year on the anniversary of the Contract, first on {anniversary}, by P1 = P0 × S1 / S0, where S0 is the last SYNTEC index published at the first monthly invoice ({}), i.e. {base}, then the index used at the previous revision, and S1 the last SYNTEC index published at the revision date. Services invoiced at the start of a period use the last known indices; a complementary invoice follows once the indices are published.", date(p.run_start, l)),
                format!("Specific revision (§9.3.2). Service units whose equipment needs physical hosting are also revised by P = P-1 × [⅔ (S / S-1) + ⅓ (T / T-1)], S being the INSEE construction cost index and T the INSEE medium-voltage electricity index (> 36 kVA), published at the revision date and twelve months before.{}", if specific { "" } else { " (Not retained in this quote.)" }),
                format!("Minimum guaranteed revenue (§9.4). The Contract's planned global run revenue is {}. The Client commits to a Minimum Guaranteed Revenue of {} % of it, i.e. {}, spread over {} run year(s) from {} ({} in the first year). If the amount invoiced for a year is below the annual MRG, the shortfall is invoiced within thirty days of notice; an excess counts towards the next year's MRG. A scope change of more than 15 % of the global revenue raises the global MRG in the same proportion.", m.global_revenue.format(l), m.rate_percent, m.global_mrg.format(l), m.years.len(), date(m.run_start, l), annual),
            ],
        }
    })))
}
