//! §6, §10: whether a date and time (Paris) is within business hours.

use chrono::NaiveDateTime;
use leptos::prelude::*;

use crate::engine::calendar::{off_hours_reason, OffHoursReason};
use crate::ui::state::use_state;

/// §6, §10: tells whether a date and time (Paris) is within business hours.
#[component]
pub fn OffHoursChecker() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let when = RwSignal::new(None::<NaiveDateTime>);
    let verdict = move || {
        let l = lang.get();
        when.get().map(|at| match off_hours_reason(at) {
            None => l
                .pick(
                    "Heures ouvrées : tarif normal.",
                    "Business hours: normal rate.",
                )
                .to_owned(),
            Some(reason) => {
                let why = match reason {
                    OffHoursReason::Weekend => l.pick("week-end", "weekend").to_owned(),
                    OffHoursReason::Holiday(h) => format!(
                        "{} ({})",
                        l.pick("jour férié", "public holiday"),
                        h.label(l)
                    ),
                    OffHoursReason::BeforeOpening => l.pick("avant 9 h", "before 9:00").to_owned(),
                    OffHoursReason::AfterClosing => l.pick("après 18 h", "after 18:00").to_owned(),
                };
                format!(
                    "{} {why} — x2 (§6).",
                    l.pick("Hors heures ouvrées :", "Outside business hours:")
                )
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="hours-title">
            <h2 id="hours-title">{move || lang.get().pick("Heures ouvrées ?", "Business hours?")}</h2>
            <div class="field narrow">
                <label for="hours-at">{move || lang.get().pick("Date et heure du changement (heure de Paris)", "Date and time of the change (Paris time)")}</label>
                <input type="datetime-local" id="hours-at" data-testid="hours-at"
                    on:input=move |ev| when.set(NaiveDateTime::parse_from_str(&event_target_value(&ev), "%Y-%m-%dT%H:%M").ok()) />
            </div>
            <p data-testid="hours-verdict" role="status">{verdict}</p>
        </section>
    }
}
