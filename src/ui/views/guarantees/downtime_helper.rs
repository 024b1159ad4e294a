//! The downtime an availability percentage allows, per month and year.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::money::parse_decimal;
use crate::engine::service_levels::{allowed_downtime, format_minutes};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::parsed_input::ParsedInput;

#[component]
pub fn DowntimeHelper() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let percent_value = RwSignal::new(Decimal::new(995, 1));
    let downtime = move || allowed_downtime(percent_value.get());
    view! {
        <div class="helper">
            <h3>{move || lang.get().pick("Indisponibilité admise", "Allowed downtime")}</h3>
            <label class="field">
                <span>{move || lang.get().pick("Disponibilité (%)", "Availability (%)")}</span>
                <ParsedInput
                    id="downtime-percent"
                    testid="downtime-percent"
                    class="qty-input"
                    initial="99.5"
                    parse=move |t: &str| {
                        let d = parse_decimal(t, lang.get_untracked()).map_err(FieldError::Number)?;
                        if d > Decimal::ONE_HUNDRED {
                            Err(FieldError::Number(crate::engine::money::NumberError::TooLarge(t.trim().to_string())))
                        } else {
                            Ok(d)
                        }
                    }
                    on_valid=move |d| percent_value.set(d)
                />
            </label>
            <dl class="figures">
                <dt>{move || lang.get().pick("Par mois (30 jours = 43 200 min)", "Per month (30 days = 43,200 min)")}</dt>
                <dd data-testid="downtime-month">
                    {move || downtime().map(|d| format_minutes(d.per_month, lang.get())).unwrap_or_default()}
                </dd>
                <dt>{move || lang.get().pick("Par an (365 jours)", "Per year (365 days)")}</dt>
                <dd data-testid="downtime-year">
                    {move || downtime().map(|d| format_minutes(d.per_year, lang.get())).unwrap_or_default()}
                </dd>
            </dl>
            <Hint
                fr="Convention : un mois de 30 jours. Le simulateur, lui, prend la vraie durée du mois simulé (28 à 31 jours)."
                en="Convention: a 30-day month. The simulator uses the real length of the simulated month (28 to 31 days)."
            />
        </div>
    }
}
