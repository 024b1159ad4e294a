//! Section 1 of the proposal, continued: the lines quoted specifically
//! (§6, §11), each with its label, billing and amount, and what the priced
//! quote bills for them over the commitment.

use leptos::prelude::*;

use crate::engine::document::catalog::Charge;
use crate::engine::lang::Lang;
use crate::engine::pricing::{Category, Location, Severity};
use crate::ui::format::date;
use crate::ui::state::use_state;

#[component]
pub fn ProposalSpecific(doc: RwSignal<Lang>) -> impl IntoView {
    let state = use_state();
    let quote = state.quote;
    let priced = state.priced;
    move || {
        let l = doc.get();
        priced.with(|p| {
            let p = p.as_ref()?;
            let lines = quote.with(|q| q.specific.clone());
            if lines.is_empty() {
                return None;
            }
            let rows = lines
                .into_iter()
                .map(|s| {
                    // A line the engine refused (outside the contract) is not billed.
                    let refused = p.issues.iter().any(|i| {
                        i.location == Location::Specific(s.id) && i.severity == Severity::Error
                    });
                    let when = match (s.charge, s.date) {
                        (Charge::OneTime, Some(d)) => format!("{} {}", l.pick("le", "on"), date(d, l)),
                        (Charge::OneTime, None) => l.pick("à la signature", "at signature").to_owned(),
                        (Charge::Monthly, Some(d)) => format!("{} {}", l.pick("à partir du", "from"), date(d, l)),
                        (Charge::Monthly, None) => l.pick("dès le démarrage du run", "from the start of the run").to_owned(),
                    };
                    let amount = match s.charge {
                        Charge::OneTime => s.amount.format(l),
                        Charge::Monthly => format!("{} {}", s.amount.format(l), l.pick("/ mois", "/ month")),
                    };
                    view! {
                        <tr data-testid="proposal-specific-line">
                            <td data-testid="proposal-specific-label">{s.label.clone()}</td>
                            <td>{s.charge.label(l)}{refused.then(|| l.pick(" — hors contrat, non facturée", " — outside the contract, not billed"))}</td>
                            <td>{when}</td>
                            <td class="num" data-testid="proposal-specific-amount">{amount}</td>
                        </tr>
                    }
                })
                .collect_view();
            let totals = [Category::SpecificOneTime, Category::SpecificMonthly]
                .into_iter()
                .map(|c| (c, p.category_total(c)))
                .filter(|(_, m)| !m.is_zero())
                .map(|(c, m)| view! {
                    <tr><th colspan="3">{format!("{} {}", c.label(l), l.pick("— sur l'engagement", "— over the commitment"))}</th><th class="num" data-testid="proposal-specific-total">{m.format(l)}</th></tr>
                })
                .collect_view();
            Some(view! {
                <section data-testid="proposal-specific">
                    <h3>{l.pick("Lignes sur devis spécifique (§6, §11)", "Specifically quoted lines (§6, §11)")}</h3>
                    <table class="doc">
                        <thead><tr>
                            <th>{l.pick("Libellé", "Label")}</th><th>{l.pick("Facturation", "Billing")}</th>
                            <th>{l.pick("Échéance", "When")}</th><th class="num">{l.pick("Montant HT", "Excl. VAT")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                        <tfoot>{totals}</tfoot>
                    </table>
                </section>
            })
        })
    }
}
