//! Leaving early and reversibility (issue 15): a termination date, what
//! the client still owes then (§5.3, §5.5, §9.4), the same for every month
//! of the contract as a chart, and the reversibility months after it
//! (§9.9). The engine computes; the screen shows and edits the date.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::engine::contract_life::exit_cost::{exit_curve, of_quote, ExitError, ExitPoint};
use crate::engine::contract_life::reversibility::reversibility;
use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::ui::format::{date, month};
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::exit_table::ExitTable;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::line_chart::{LineChart, Series};

fn error_text(e: ExitError, l: Lang) -> String {
    match (e, l) {
        (ExitError::NotFirstOfMonth, Lang::Fr) => "Une résiliation prend effet le 1er d'un mois : choisissez le premier jour sans service.".into(),
        (ExitError::NotFirstOfMonth, Lang::En) => "A termination takes effect on the 1st of a month: choose the first day without service.".into(),
        (ExitError::OutsideContract { start, end }, Lang::Fr) => format!("La résiliation doit tomber après la signature ({}) et avant le terme ({}).", date(start, l), date(end, l)),
        (ExitError::OutsideContract { start, end }, Lang::En) => format!("The termination must fall after the signature ({}) and before the end ({}).", date(start, l), date(end, l)),
        (ExitError::Overflow, _) => l.pick("Un montant est trop grand pour être calculé.", "An amount is too large to compute.").into(),
    }
}

#[component]
pub fn ExitView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let exit = Memo::new(move |_| {
        state.priced.with(|p| {
            let p = p.as_ref()?;
            state.revised.with(|r| {
                let r = r.as_ref()?;
                state
                    .mrg
                    .with(|m| quote.with(|q| of_quote(q, p, r, m.as_ref()?)))
            })
        })
    });
    let curve = Memo::new(move |_| {
        state.priced.with(|p| {
            let p = p.as_ref()?;
            state.revised.with(|r| {
                let r = r.as_ref()?;
                state.mrg.with(|m| exit_curve(p, r, m.as_ref()?).ok())
            })
        })
    });
    let after = Memo::new(move |_| {
        let t = quote.with(|q| q.contract_life.terminates_on)?;
        let months = quote.with(|q| q.contract_life.reversibility_months);
        state.priced.with(|p| {
            let p = p.as_ref()?;
            state.revised.with(|r| {
                quote.with(|q| reversibility(q, p, r.as_ref()?, t, months).ok().flatten())
            })
        })
    });
    let initial = quote.with_untracked(|q| q.contract_life.terminates_on);
    let on_date = move |d: Option<NaiveDate>| quote.update(|q| q.contract_life.terminates_on = d);
    let body = move || {
        let l = lang.get();
        match exit.get() {
            None => view! {
                <p class="line-detail" data-testid="exit-none">{l.pick("Choisissez une date de résiliation pour voir ce qui reste dû.", "Pick a termination date to see what is still owed.")}</p>
            }.into_any(),
            Some(Err(e)) => view! { <p class="error" role="alert" data-testid="exit-error">{error_text(e, l)}</p> }.into_any(),
            Some(Ok(e)) => view! { <ExitTable exit=e lang=l /> }.into_any(),
        }
    };
    let reversibility_note = move || {
        after.get().map(|r| {
            let l = lang.get();
            view! {
                <p class="notice" data-testid="exit-reversibility">{match l {
                    Lang::Fr => format!("Puis {} mois de réversibilité ({} → {}) aux prix du dernier jour : {}, prestations rendues et facturées en plus du coût de sortie, sans GTR (§9.9).", r.months, date(r.from, l), date(r.until, l), r.total.format(l)),
                    Lang::En => format!("Then {} month(s) of reversibility ({} → {}) at the last day's prices: {}, services rendered and billed on top of the exit cost, without GTR (§9.9).", r.months, date(r.from, l), date(r.until, l), r.total.format(l)),
                }}</p>
            }
        })
    };
    let labels = Signal::derive(move || {
        let l = lang.get();
        // One label a year (January and the first month): 120 months of
        // labels would overlap.
        curve
            .get()
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if i == 0 || p.date.month() == 1 {
                    month(p.date, l)
                } else {
                    String::new()
                }
            })
            .collect()
    });
    let series = Signal::derive(move || {
        let l = lang.get();
        let points = curve.get().unwrap_or_default();
        let s = |fr: &'static str, en: &'static str, f: fn(&ExitPoint) -> Money| Series {
            label: l.pick(fr, en).to_owned(),
            points: points.iter().map(f).collect(),
        };
        vec![
            s("Coût de sortie", "Exit cost", |p| p.total),
            s("Différentiels de MRG", "MRG différentiels", |p| {
                p.mrg_shortfall
            }),
            s(
                "Packs et support engagés",
                "Committed packs and support",
                |p| p.packs.checked_add(p.support).unwrap_or(p.packs),
            ),
        ]
    });
    let title = Signal::derive(move || {
        lang.get()
            .pick(
                "Coût de sortie selon le mois de résiliation",
                "Exit cost by month of termination",
            )
            .to_owned()
    });
    view! {
        <section class="card" aria-labelledby="exit-title" data-testid="exit">
            <h2 id="exit-title">{move || lang.get().pick("Sortie anticipée (§5.3, §5.5, §9.4)", "Leaving early (§5.3, §5.5, §9.4)")}</h2>
            <Hint
                fr="Lecture du produit : à la résiliation restent dus les packs de jetons jusqu'au terme (§5.5), le support engagé non encore couru (§5.3) et le différentiel de MRG de l'année de run en cours et de chaque année non courue (§9.4) ; le facturé de l'année, le report de l'année précédente et les packs et support dus pour ses mois comptent pour l'atteindre. Les années terminées ont été soldées en leur temps."
                en="The product's reading: at termination the client still owes the token packs to the end (§5.5), the support committed and not yet run (§5.3) and the MRG différentiel of the run year in progress and of every year not run (§9.4); the year's billing, the previous year's carry and the packs and support owed for its months count towards it. Finished years were settled in their time."
            />
            <label class="field inline" for="exit-date">
                <span>{move || lang.get().pick("Résiliation au", "Terminated on")}</span>
            </label>
            <DateInput id="exit-date" testid="exit-date" initial optional=true on_valid=on_date />
            {body}
            {reversibility_note}
            <LineChart series x_labels=labels lang title testid="exit-chart" />
        </section>
    }
}
