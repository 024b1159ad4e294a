//! §9.4: the MRG risk: scenarios drawn from the uncertainty of each
//! forecast, with the probability of a shortfall, its expected value and
//! the percentiles of attainment per run year and in total, a histogram,
//! and how an uncertainty is read. Only engine calls: the section's memo
//! over `contract_life::risk::mrg_risk`.

use leptos::prelude::*;

use super::risk_chart::RiskChart;
use super::risk_lines::RiskLines;
use super::risk_results::RiskResults;
use super::risk_settings::RiskSettings;
use crate::engine::contract_life::risk::{mrg_risk, RiskError, RiskSource};
use crate::engine::lang::Lang;
use crate::ui::format::count;
use crate::ui::state::use_state;

fn error_text(e: &RiskError, l: Lang) -> String {
    match e {
        RiskError::Overflow => l
            .pick(
                "Un montant est trop grand pour tirer les scénarios : vérifiez les montants et les pourcentages saisis.",
                "An amount is too large to draw the scenarios: check the amounts and percentages entered.",
            )
            .into(),
        RiskError::Draws { max, .. } => match l {
            Lang::Fr => format!("Le nombre de tirages doit être compris entre 1 et {}.", count(*max as usize, l)),
            Lang::En => format!("The number of draws must be between 1 and {}.", count(*max as usize, l)),
        },
    }
}

#[component]
pub fn MrgRisk() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let result = Memo::new(move |_| {
        state.priced.with(|p| {
            let p = p.as_ref()?;
            state.revised.with(|r| {
                let r = r.as_ref()?;
                state.mrg.with(|m| {
                    let m = m.as_ref()?;
                    state.quote.with(|q| Some(mrg_risk(q, p, r, m)))
                })
            })
        })
    });
    let report = Memo::new(move |_| result.with(|r| r.clone().and_then(Result::ok)));
    let error = move || {
        let l = lang.get();
        result.with(|r| {
            r.as_ref().and_then(|r| r.as_ref().err()).map(|e| {
                view! { <p class="error" role="alert" data-testid="risk-error">{error_text(e, l)}</p> }
            })
        })
    };
    let summary = move || {
        let l = lang.get();
        report.with(|r| {
            r.as_ref().map(|r| {
                let lines = r
                    .items
                    .iter()
                    .filter(|i| matches!(i.source, RiskSource::Line { .. }))
                    .count();
                let of = |s: RiskSource| r.items.iter().any(|i| i.source == s);
                let consumption = match (of(RiskSource::Tickets), of(RiskSource::Tokens)) {
                    (true, true) => l.pick(", tickets et jetons", ", tickets and tokens"),
                    (true, false) => l.pick(", tickets", ", tickets"),
                    (false, true) => l.pick(", jetons", ", tokens"),
                    (false, false) => "",
                };
                let text = match l {
                    Lang::Fr => format!(
                        "{} tirages, graine {} ; incertains : {} ligne(s){consumption}.",
                        count(r.draws as usize, l),
                        r.seed,
                        count(lines, l)
                    ),
                    Lang::En => format!(
                        "{} draws, seed {}; uncertain: {} line(s){consumption}.",
                        count(r.draws as usize, l),
                        r.seed,
                        count(lines, l)
                    ),
                };
                view! { <p data-testid="risk-summary">{text}</p> }
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="risk-title" data-testid="mrg-risk">
            <h2 id="risk-title">{move || lang.get().pick("Risque MRG (§9.4)", "MRG risk (§9.4)")}</h2>
            <p class="hint" data-testid="risk-reading">{move || lang.get().pick(
                "Lecture : chaque année de RUN, la quantité d'un élément incertain varie d'une part tirée uniformément entre −baisse % et +hausse %, et les variations se cumulent d'année en année ; à chaque anniversaire du RUN (début des années 2, 3…), un élément encore actif s'arrête avec la probabilité « arrêt % » et ne facture plus rien ensuite. Le reste du facturé (support, gouvernance sans incertitude, complément de minimum, packs de jetons, années au facturé simulé) est celui du tableau ci-dessus, reports compris. Sans incertitude, chaque tirage est le tableau. La même graine donne les mêmes chiffres. Percentiles au rang le plus proche ; atteinte en % du MRG annuel (en total : facturé du RUN / somme des MRG annuels).",
                "Reading: each run year, an uncertain item's quantity moves by a share drawn evenly between −down % and +up %, and the moves compound year after year; at each anniversary of the run (the start of years 2, 3…), an item still running ends with probability “end %” and bills nothing after. The rest of what is billed (support, governance without uncertainty, minimum complement, token packs, years whose billed amount is simulated) is the table's above, carries included. With no uncertainty every draw is the table. The same seed gives the same figures. Nearest-rank percentiles; attainment in % of the annual MRG (in total: run billed / sum of the annual MRGs).",
            )}</p>
            <RiskSettings />
            {error}
            {summary}
            <RiskResults report=report.into() />
            <RiskChart report=report.into() />
            <RiskLines />
        </section>
    }
}
