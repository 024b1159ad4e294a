//! Section 2 of the proposal, prices: one-time and recurring charges, the
//! total, a VAT line if asked.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::engine::pricing::Category;
use crate::ui::format::decimal;
use crate::ui::state::use_state;

#[component]
pub fn ProposalCharges(
    doc: RwSignal<Lang>,
    vat: RwSignal<bool>,
    vat_rate: RwSignal<Decimal>,
) -> impl IntoView {
    let state = use_state();
    let priced = state.priced;
    move || {
        let l = doc.get();
        priced.with(|p| {
            let p = p.as_ref()?;
            let rows = |one_time: bool| {
                Category::ALL
                    .into_iter()
                    .filter(|c| c.is_one_time() == one_time)
                    .map(|c| (c, p.category_total(c)))
                    .filter(|(_, m)| !m.is_zero())
                    .map(|(c, m)| view! { <tr><td>{c.label(l)}</td><td class="num">{m.format(l)}</td></tr> })
                    .collect_view()
            };
            let total = p.commitment_total;
            let vat_amount = vat.get().then(|| {
                total.checked_mul(vat_rate.get() / Decimal::ONE_HUNDRED).map(Money::round_cents).ok()
            }).flatten();
            let with_vat = vat_amount.and_then(|v| total.checked_add(v).ok());
            Some(view! {
                <section data-testid="proposal-charges">
                    <h2>{l.pick("2. Prix", "2. Prices")}</h2>
                    <div class="doc-cols">
                        <table class="doc">
                            <thead><tr><th>{l.pick("Frais uniques", "One-time charges")}</th><th class="num">{l.pick("Montant HT", "Excl. VAT")}</th></tr></thead>
                            <tbody>{rows(true)}</tbody>
                            <tfoot><tr><th>{l.pick("Total frais uniques", "Total one-time")}</th><th class="num">{p.one_time.format(l)}</th></tr></tfoot>
                        </table>
                        <table class="doc">
                            <thead><tr><th>{l.pick("Récurrent sur l'engagement", "Recurring over the commitment")}</th><th class="num">{l.pick("Montant HT", "Excl. VAT")}</th></tr></thead>
                            <tbody>{rows(false)}</tbody>
                            <tfoot><tr><th>{l.pick("Total récurrent", "Total recurring")}</th><th class="num">{p.recurring_total.format(l)}</th></tr></tfoot>
                        </table>
                    </div>
                    <dl class="doc-totals">
                        <dt>{l.pick("Mensuel récurrent (mois plein)", "Monthly recurring (full month)")}</dt>
                        <dd>{p.monthly_recurring.format(l)}</dd>
                        <dt class="strong">{l.pick("Valeur totale du contrat HT", "Total contract value excl. VAT")}</dt>
                        <dd class="strong" data-testid="proposal-total">{total.format(l)}</dd>
                        {vat_amount.map(|v| view! {
                            <dt>{format!("{} {} %", l.pick("TVA", "VAT"), decimal(vat_rate.get(), l))}</dt>
                            <dd data-testid="proposal-vat-line">{v.format(l)}</dd>
                            <dt class="strong">{l.pick("Total TTC", "Total incl. VAT")}</dt>
                            <dd class="strong" data-testid="proposal-total-vat">{with_vat.map(|t| t.format(l)).unwrap_or_default()}</dd>
                        })}
                    </dl>
                </section>
            })
        })
    }
}
