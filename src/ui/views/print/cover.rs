//! The proposal's cover: project, client, model, commitment, price book.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::ui::format::date;
use crate::ui::state::use_state;

#[component]
pub fn ProposalCover(doc: RwSignal<Lang>) -> impl IntoView {
    let state = use_state();
    let quote = state.quote;
    move || {
        let l = doc.get();
        let (client, project, model, months, start, end) = quote.with(|q| {
            (
                q.client.clone(),
                q.project.clone(),
                q.model.label(l),
                q.commitment_months,
                q.start_date,
                q.end_date(),
            )
        });
        let book = state
            .book
            .with(|b| (b.version.clone(), b.illustrative, b.effective_date));
        view! {
            <section class="proposal-cover" data-testid="proposal-cover">
                <p class="kicker">{l.pick("Proposition commerciale", "Commercial proposal")}</p>
                <h1>{if project.trim().is_empty() { l.pick("Services cloud managés", "Managed cloud services").to_string() } else { project }}</h1>
                <p class="client">{if client.trim().is_empty() { "—".to_string() } else { client }}</p>
                <dl>
                    <dt>{l.pick("Modèle de management", "Management model")}</dt><dd>{model}</dd>
                    <dt>{l.pick("Engagement", "Commitment")}</dt>
                    <dd>{format!("{months} {} — {} {} {} {}", l.pick("mois", "months"), l.pick("du", "from"), date(start, l), l.pick("au", "to"), end.map(|e| date(e.pred_opt().unwrap_or(e), l)).unwrap_or_default())}</dd>
                    <dt>{l.pick("Grille tarifaire", "Price book")}</dt>
                    <dd>{format!("v{} ({}){}", book.0, date(book.2, l), if book.1 { l.pick(" — illustrative : prix inventés", " — illustrative: invented prices") } else { "" })}</dd>
                    <dt>{l.pick("Montants", "Amounts")}</dt><dd>{l.pick("en euros, hors TVA", "in euros, excluding VAT")}</dd>
                </dl>
            </section>
        }
    }
}
