//! What each scenario leaves aside (§2) or cannot price.

use leptos::prelude::*;

use crate::engine::scenarios::comparison::Comparison;
use crate::ui::i18n;
use crate::ui::state::use_state;

#[component]
pub fn ScenarioNotes(comparison: Memo<Comparison>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    move || {
        let l = lang.get();
        comparison.with(|c| {
            c.outcomes
                .iter()
                .map(|o| {
                    let title = o.scenario.title(l);
                    let errors = o.errors();
                    let problem = match &o.priced {
                        Err(e) => Some(i18n::pricing_error(e, l)),
                        Ok(_) if errors > 0 => Some(format!(
                            "{errors} {}",
                            l.pick(
                                "erreur(s) dans ce scénario : voyez le devis sous ce modèle.",
                                "error(s) in this scenario: see the quote under this model."
                            )
                        )),
                        Ok(_) => None,
                    };
                    let aside = o
                        .set_aside
                        .iter()
                        .map(|p| i18n::set_aside(p, l))
                        .collect::<Vec<_>>();
                    view! {
                        <li data-testid="scenario-note">
                            <strong>{title}</strong>
                            {problem.map(|p| view! { <span class="err"> {" — "}{p}</span> })}
                            {if aside.is_empty() {
                                format!(" — {}", l.pick("tout le devis est chiffré.", "the whole quote is priced."))
                            } else {
                                format!(" — {} {}", l.pick("mis de côté (§2) :", "set aside (§2):"), aside.join(" ; "))
                            }}
                        </li>
                    }
                })
                .collect_view()
        })
    }
}
