//! §9.3: what the revisions add over the commitment, and the
//! regularisation still to invoice.

use leptos::prelude::*;

use crate::ui::format::date;
use crate::ui::state::use_state;

#[component]
pub fn RevisionTotals() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    move || {
        let l = lang.get();
        state.revised.with(|r| {
            r.as_ref().map(|r| {
                let provisional = r.years.iter().any(|y| y.provisional);
                view! {
                    <dl class="facts">
                        <dt>{l.pick("Hausse due aux révisions", "Increase from revisions")}</dt>
                        <dd data-testid="revision-total-increase">{r.increase.format(l)}</dd>
                        <dt>{l.pick("Total révisé sur l'engagement", "Revised total over the commitment")}</dt>
                        <dd data-testid="revision-total">{r.revised_total.format(l)}</dd>
                        <dt>{l.pick("Régularisation (facture complémentaire)", "Regularisation (complementary invoice)")}</dt>
                        <dd data-testid="revision-total-regularisation">{r.regularisation.format(l)}</dd>
                    </dl>
                    {provisional.then(|| view! {
                        <p class="warn-note" data-testid="revision-provisional">
                            {l.pick(
                                "* Provisoire : calculé avec un indice projeté ou pas encore publié. Saisissez la valeur réelle dans le tableau de l'indice : la régularisation apparaît alors ici.",
                                "* Provisional: computed with a projected or not yet published index. Enter the real value in the index table: the regularisation then shows here.",
                            )}
                        </p>
                    })}
                    {r.issues.iter().map(|i| {
                        let crate::engine::finance::revision::RevisionIssue::MissingIndex { index, at } = i;
                        view! { <p class="row-note" data-testid="revision-issue">{format!("{} {} ({})", l.pick("Indice manquant pour réviser :", "Missing index to revise:"), index.key(), date(*at, l))}</p> }
                    }).collect_view()}
                }
            })
        })
    }
}
