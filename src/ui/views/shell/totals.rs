//! Live totals (§7): monthly recurring, one-time, total over the commitment.

use leptos::prelude::*;

use super::issues::Issues;
use crate::engine::money::Money;
use crate::ui::i18n::pricing_error;
use crate::ui::state::use_state;

#[component]
pub fn Totals() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let amount = move |pick: fn(&crate::engine::pricing::PricedQuote) -> Money| {
        move || {
            state.priced.with(|p| {
                p.as_ref()
                    .map(|p| pick(p).format(lang.get()))
                    .unwrap_or_else(|| "—".into())
            })
        }
    };
    let months = move || {
        state
            .priced
            .with(|p| p.as_ref().map(|p| p.commitment_months).unwrap_or(0))
    };
    let error = move || {
        state
            .pricing
            .with(|r| r.as_ref().err().map(|e| pricing_error(e, lang.get())))
    };
    view! {
        <section class="card totals" aria-labelledby="totals-title" aria-live="polite">
            <h2 id="totals-title">{move || lang.get().pick("Totaux (HT)", "Totals (excl. VAT)")}</h2>
            <dl>
                <dt>{move || lang.get().pick("Récurrent mensuel", "Monthly recurring")}</dt>
                <dd data-testid="total-monthly">{amount(|p| p.monthly_recurring)}</dd>
                <dt>{move || lang.get().pick("Frais uniques", "One-time charges")}</dt>
                <dd data-testid="total-one-time">{amount(|p| p.one_time)}</dd>
                <dt>
                    {move || match lang.get() {
                        crate::engine::lang::Lang::Fr => format!("Total sur l'engagement ({} mois)", months()),
                        crate::engine::lang::Lang::En => format!("Total over the commitment ({} months)", months()),
                    }}
                </dt>
                <dd class="grand" data-testid="total-commitment">{amount(|p| p.commitment_total)}</dd>
                <dt>{move || lang.get().pick("dont build", "of which build")}</dt>
                <dd data-testid="total-build">{amount(|p| p.build.total)}</dd>
                <dt>{move || lang.get().pick("dont complément minimum", "of which minimum complement")}</dt>
                <dd data-testid="total-minimum">{amount(|p| p.category_total(crate::engine::pricing::Category::MinimumComplement))}</dd>
            </dl>
            <Issues />
            <p class="error" role="alert" data-testid="totals-error">{error}</p>
            <p class="footnote">
                {move || lang.get().pick(
                    "Montants hors TVA, arrondis au centime par ligne (un demi-centime s'arrondit en s'éloignant de zéro). Le prix du tenant IaaS n'est pas inclus (§9.2).",
                    "Amounts excl. VAT, each line rounded to the cent (half away from zero). The IaaS tenant price is not included (§9.2).",
                )}
            </p>
        </section>
    }
}
