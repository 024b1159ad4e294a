//! The finance rulings as sentences next to their figures (SPEC §14), for
//! the finance tab and the printable proposal: each scope change and whether
//! it raised the MRG (§9.4), the minimum complement after revision (§9.2),
//! the token packs revised (§9.3.1), the specific revision provisional or
//! not computed (§9.3.2).

use crate::engine::finance::indices::IndexKind;
use crate::engine::finance::initial_contract::LineEvent;
use crate::engine::finance::mrg::{MrgReport, ScopeEffect, ScopeSource};
use crate::engine::finance::revision::{RevisedCharge, RevisedQuote, RevisionIssue};
use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::ui::format::{date, decimal, text};

fn index_name(kind: IndexKind, l: Lang) -> &'static str {
    match kind {
        IndexKind::Syntec => "SYNTEC",
        IndexKind::Icc => l.pick("ICC (coût de la construction)", "ICC (construction cost)"),
        IndexKind::Electricity => l.pick(
            "électricité moyenne tension (> 36 kVA)",
            "medium-voltage electricity (> 36 kVA)",
        ),
    }
}

/// What a scope change is: the line ordered later, or the label typed.
pub fn scope_source(effect: &ScopeEffect, m: &MrgReport, l: Lang) -> String {
    match &effect.source {
        ScopeSource::LaterOrder { line, item } => {
            let name = m
                .later_orders
                .iter()
                .find(|o| o.line == *line)
                .map(|o| text(&o.name, l))
                .unwrap_or_default();
            format!(
                "{} {name} ({item}, {} {})",
                l.pick("Commande ultérieure :", "Later order:"),
                l.pick("ligne", "line"),
                line.0
            )
        }
        ScopeSource::LineChange { line, item, event } => {
            let name = m
                .later_orders
                .iter()
                .find(|o| o.line == *line)
                .map(|o| text(&o.name, l))
                .unwrap_or_default();
            let what = match event {
                LineEvent::Quantity { from, to } => format!(
                    "{} {} → {}",
                    l.pick("Quantité", "Quantity"),
                    decimal(from.as_decimal(), l),
                    decimal(to.as_decimal(), l)
                ),
                LineEvent::Ends => l.pick("Fin de la ligne", "Line ends").to_owned(),
                LineEvent::Order => l.pick("Commande", "Order").to_owned(),
            };
            format!(
                "{what} : {name} ({item}, {} {})",
                l.pick("ligne", "line"),
                line.0
            )
        }
        ScopeSource::Manual { label, .. } if label.trim().is_empty() => {
            l.pick("Évolution saisie", "Change entered").to_owned()
        }
        ScopeSource::Manual { label, .. } => {
            format!(
                "{} {label}",
                l.pick("Évolution saisie :", "Change entered:")
            )
        }
    }
}

/// §9.4: v / G and what it does to the MRG.
pub fn scope_effect(effect: &ScopeEffect, l: Lang) -> String {
    let share = decimal(effect.share_percent, l);
    if effect.variation.as_decimal().is_sign_negative() && !effect.variation.is_zero() {
        return format!(
            "{share} % {} (§9.4, SPEC §14)",
            l.pick(
                "de G : une réduction baisse le facturé, jamais le MRG",
                "of G: a reduction lowers what is billed, never the MRG"
            )
        );
    }
    if effect.raises_mrg {
        format!(
            "{share} % {} {} (§9.4)",
            l.pick(
                "de G : au-delà de 15 %, le MRG global augmente de",
                "of G: above 15 %, the global MRG rises by"
            ),
            effect.mrg_increase.format(l)
        )
    } else {
        format!(
            "{share} % {} (§9.4)",
            l.pick(
                "de G : 15 % ou moins, MRG inchangé",
                "of G: 15 % or less, MRG unchanged"
            )
        )
    }
}

/// A revision issue as a sentence.
pub fn revision_issue(issue: &RevisionIssue, l: Lang) -> String {
    match issue {
        RevisionIssue::MissingIndex { index, at } => format!(
            "{} {} {} {}.",
            l.pick("Aucune valeur de l'indice", "No value of the index"),
            index_name(*index, l),
            l.pick("au", "at"),
            date(*at, l)
        ),
        RevisionIssue::SpecificNotComputed { date: d, missing } => format!(
            "{} {} : {} {}. {}",
            l.pick(
                "Révision spécifique non calculée (§9.3.2) au",
                "Specific revision not computed (§9.3.2) on"
            ),
            date(*d, l),
            l.pick(
                "aucune valeur, même à projeter, de l'indice",
                "no value, not even one to project from, of the index"
            ),
            missing
                .iter()
                .map(|k| index_name(*k, l))
                .collect::<Vec<_>>()
                .join(", "),
            l.pick(
                "Les montants n'appliquent que la révision SYNTEC tant que les valeurs ne sont pas saisies.",
                "The amounts apply the SYNTEC revision only until the values are entered."
            )
        ),
    }
}

/// §9.3.2: the anniversaries whose specific revision could not be computed
/// and the indices without any value, in one sentence.
fn not_computed(r: &RevisedQuote, l: Lang) -> Option<String> {
    let mut dates = Vec::new();
    let mut kinds: Vec<IndexKind> = Vec::new();
    for issue in &r.issues {
        if let RevisionIssue::SpecificNotComputed { date: d, missing } = issue {
            dates.push(date(*d, l));
            for k in missing {
                if !kinds.contains(k) {
                    kinds.push(*k);
                }
            }
        }
    }
    if dates.is_empty() {
        return None;
    }
    Some(format!(
        "{} {} : {} {}. {}",
        l.pick(
            "Révision spécifique non calculée (§9.3.2) au",
            "Specific revision not computed (§9.3.2) on"
        ),
        dates.join(", "),
        l.pick(
            "aucune valeur, même à projeter, de l'indice",
            "no value, not even one to project from, of the index"
        ),
        kinds
            .iter()
            .map(|k| index_name(*k, l))
            .collect::<Vec<_>>()
            .join(", "),
        l.pick(
            "Les montants n'appliquent que la révision SYNTEC tant que les valeurs ne sont pas saisies.",
            "The amounts apply the SYNTEC revision only until the values are entered."
        )
    ))
}

/// The missing index values not already told by [`specific_state`].
pub fn missing_indices(r: &RevisedQuote, l: Lang) -> Vec<String> {
    let told: Vec<IndexKind> = r
        .issues
        .iter()
        .flat_map(|i| match i {
            RevisionIssue::SpecificNotComputed { missing, .. } => missing.clone(),
            RevisionIssue::MissingIndex { .. } => Vec::new(),
        })
        .collect();
    r.issues
        .iter()
        .filter(|i| matches!(i, RevisionIssue::MissingIndex { index, .. } if !told.contains(index)))
        .map(|i| revision_issue(i, l))
        .collect()
}

/// §9.3.2: the state of the specific revision, when it is not final.
pub fn specific_state(r: &RevisedQuote, l: Lang) -> Option<String> {
    if let Some(text) = not_computed(r, l) {
        return Some(text);
    }
    let provisional = r.charges.iter().any(|c| {
        c.revised_specific
            && c.steps
                .iter()
                .any(|s| s.provisional && (s.icc.is_some() || s.electricity.is_some()))
    });
    provisional.then(|| {
        l.pick(
            "Révision spécifique (§9.3.2) provisoire : un indice ICC ou électricité est projeté ou pas encore publié ; une facturation complémentaire suivra sa publication.",
            "Specific revision (§9.3.2) provisional: an ICC or electricity index is projected or not yet published; a complementary invoice follows its publication.",
        )
        .to_owned()
    })
}

/// §9.2: the minimum complement after revision, when revision changes it.
pub fn complement_after_revision(r: &RevisedQuote, l: Lang) -> Option<String> {
    if r.complement_change.is_zero() {
        return None;
    }
    let less = Money::ZERO
        .checked_sub(r.complement_change)
        .unwrap_or_default();
    Some(format!(
        "{} {} {}",
        l.pick(
            "Minimum mensuel de facturation (§9.2) : il n'est pas révisé et le complément est calculé après révision ; les révisions le réduisent de",
            "Monthly billing minimum (§9.2): it is not revised and the complement is computed after revision; revisions reduce it by",
        ),
        less.format(l),
        l.pick(
            "sur l'engagement (un mois révisé au-dessus du minimum n'a plus de complément).",
            "over the commitment (a revised month above the minimum has no complement left).",
        )
    ))
}

/// §9.3.1: the token packs and their revised prices.
pub fn packs_revised(r: &RevisedQuote, l: Lang) -> Option<String> {
    let packs: Vec<String> = r
        .charges
        .iter()
        .filter(|c| matches!(c.charge, RevisedCharge::TokenPack { .. }) && !c.steps.is_empty())
        .map(|c| {
            let steps = c
                .steps
                .iter()
                .map(|s| format!("{} ({})", s.unit_price.format(l), date(s.date, l)))
                .collect::<Vec<_>>()
                .join(" → ");
            format!("{} {} → {steps}", c.item, c.signature_unit_price.format(l))
        })
        .collect();
    (!packs.is_empty()).then(|| {
        format!(
            "{} {}.",
            l.pick(
                "Packs de jetons révisés comme les unités de service (§9.3.1 n'exclut que les jetons à la demande), par mois :",
                "Token packs revised like service units (§9.3.1 leaves out only on-demand tokens), a month:",
            ),
            packs.join(" ; ")
        )
    })
}
