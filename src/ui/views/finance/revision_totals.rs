//! §9.3: what the revisions add over the commitment, the minimum complement
//! after revision (§9.2), the regularisation still to invoice, and the state
//! of the specific revision (§9.3.2).

use leptos::prelude::*;

use crate::ui::finance_notes::{complement_after_revision, missing_indices, specific_state};
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
                let missing = missing_indices(r, l);
                view! {
                    <dl class="facts">
                        <dt>{l.pick("Hausse due aux révisions", "Increase from revisions")}</dt>
                        <dd data-testid="revision-total-increase">{r.increase.format(l)}</dd>
                        <dt>{l.pick("dont complément minimum après révision (§9.2)", "of which minimum complement after revision (§9.2)")}</dt>
                        <dd data-testid="revision-complement-change">{r.complement_change.format(l)}</dd>
                        <dt>{l.pick("Total révisé sur l'engagement", "Revised total over the commitment")}</dt>
                        <dd data-testid="revision-total">{r.revised_total.format(l)}</dd>
                        <dt>{l.pick("Régularisation (facture complémentaire)", "Regularisation (complementary invoice)")}</dt>
                        <dd data-testid="revision-total-regularisation">{r.regularisation.format(l)}</dd>
                    </dl>
                    {complement_after_revision(r, l).map(|t| view! { <p class="hint" data-testid="revision-complement-note">{t}</p> })}
                    {specific_state(r, l).map(|t| view! { <p class="warn-note" role="status" data-testid="revision-specific-state">{t}</p> })}
                    {provisional.then(|| view! {
                        <p class="warn-note" data-testid="revision-provisional">
                            {l.pick(
                                "* Provisoire : calculé avec un indice projeté ou pas encore publié. Saisissez la valeur réelle dans le tableau de l'indice : la régularisation apparaît alors ici. † Révision spécifique non calculée faute de valeur d'indice.",
                                "* Provisional: computed with a projected or not yet published index. Enter the real value in the index table: the regularisation then shows here. † Specific revision not computed for want of an index value.",
                            )}
                        </p>
                    })}
                    {missing.into_iter().map(|t| view! { <p class="row-note" data-testid="revision-issue">{t}</p> }).collect_view()}
                }
            })
        })
    }
}
