//! §9.3: the revision clause: SYNTEC, specific revision, options.

use leptos::prelude::*;

use crate::engine::document::quote::Quote;
use crate::engine::money::{parse_decimal, parse_whole};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::parsed_input::ParsedInput;

#[component]
pub fn RevisionClause() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let terms = quote.with_untracked(|q| q.revision.clone());
    let check = move |testid: &'static str,
                      fr: &'static str,
                      en: &'static str,
                      get: fn(&Quote) -> bool,
                      set: fn(&mut Quote, bool)| {
        view! {
            <label class="check">
                <input type="checkbox" data-testid=testid prop:checked=move || quote.with(get)
                    on:change=move |ev| { let on = event_target_checked(&ev); quote.update(|q| set(q, on)) } />
                {move || lang.get().pick(fr, en)}
            </label>
        }
    };
    view! {
        <section class="card" aria-labelledby="revision-title">
            <h2 id="revision-title">{move || lang.get().pick("Clause de révision (§9.3)", "Revision clause (§9.3)")}</h2>
            <div class="grid-3">
                {check("revision-syntec", "Révision SYNTEC des unités de service (§9.3.1)", "SYNTEC revision of service units (§9.3.1)", |q| q.revision.syntec, |q, v| q.revision.syntec = v)}
                {check("revision-specific", "Révision spécifique des unités hébergées : ⅔ ICC + ⅓ électricité (§9.3.2)", "Specific revision of hosted units: ⅔ ICC + ⅓ electricity (§9.3.2)", |q| q.revision.specific, |q, v| q.revision.specific = v)}
                {check("revision-floor", "Pas de baisse (option hors clause)", "No decrease (option beyond the clause)", |q| q.revision.floor, |q, v| q.revision.floor = v)}
                <div class="field">
                    <label for="revision-cap">{move || lang.get().pick("Plafond annuel en % (option, vide = aucun)", "Yearly cap in % (option, empty = none)")}</label>
                    <ParsedInput id="revision-cap" testid="revision-cap" initial=terms.cap_percent.map(|c| c.to_string()).unwrap_or_default()
                        parse=move |t: &str| if t.trim().is_empty() { Ok(None) } else { parse_decimal(t, lang.get_untracked()).map(Some).map_err(FieldError::Number) }
                        on_valid=move |c| quote.update(|q| q.revision.cap_percent = c) />
                </div>
                <div class="field">
                    <label for="revision-decimals">{move || lang.get().pick("Arrondi du coefficient, décimales (option, 3 = millième supérieur)", "Coefficient rounded up to decimals (option, 3 = thousandth)")}</label>
                    <ParsedInput id="revision-decimals" testid="revision-decimals" initial=terms.coefficient_decimals.map(|c| c.to_string()).unwrap_or_default()
                        parse=move |t: &str| if t.trim().is_empty() { Ok(None) } else { parse_whole(t, lang.get_untracked()).map(|n| Some(n.min(crate::engine::document::limits::MAX_COEFFICIENT_DECIMALS))).map_err(FieldError::Number) }
                        on_valid=move |c| quote.update(|q| q.revision.coefficient_decimals = c) />
                </div>
            </div>
            <Hint fr="Révisés (§9.3.1) : les unités de service mensuelles, la gouvernance et les packs de jetons (pas la sauvegarde, le support, les jetons à la demande ni les frais uniques) ; le minimum mensuel n'est pas révisé, son complément est calculé après révision (§9.2). Le coefficient est gardé en pleine précision et chaque prix révisé est arrondi au centime une fois par révision. Une part « répercussion éditeur » (§9.3.3) se saisit par ligne ci-dessous." en="Revised (§9.3.1): monthly service units, governance and token packs (not backup, support, on-demand tokens or one-time charges); the monthly minimum is not revised, its complement is computed after revision (§9.2). The coefficient keeps full precision and each revised price is rounded to the cent once per revision. A vendor pass-through share (§9.3.3) is set per line below." />
        </section>
    }
}
