//! The Portfolio tab: the date, the table, the chart and the CSV export.

use leptos::prelude::*;

use super::entries::library_entries;
use super::increases_chart::IncreasesChart;
use super::portfolio_table::PortfolioTable;
use crate::engine::files::csv::CsvOptions;
use crate::engine::files::reports::portfolio::portfolio_csv;
use crate::engine::lang::Lang;
use crate::engine::portfolio::totals;
use crate::ui::browser;
use crate::ui::format::parse_date;
use crate::ui::session::use_session;
use crate::ui::state::use_state;

#[component]
pub fn PortfolioView() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    let at = RwSignal::new(browser::today());
    let entries = Memo::new(move |_| library_entries(state, session, at.get(), lang.get()));
    let sums = Memo::new(move |_| entries.with(|e| totals(e).ok()));
    let export = move |_| {
        let l = lang.get_untracked();
        let options = CsvOptions {
            decimal_comma: l == Lang::Fr,
            lang: l,
        };
        let csv = entries.with_untracked(|e| {
            sums.with_untracked(|t| t.as_ref().map(|t| portfolio_csv(e, t, options)))
        });
        let Some(csv) = csv else { return };
        let name = format!(
            "{}-{}.csv",
            l.pick("portefeuille", "portfolio"),
            at.get_untracked()
        );
        if let Err(e) =
            browser::download(&name, "text/csv;charset=utf-8", &format!("\u{feff}{csv}"))
        {
            session.notify(true, e.message(l));
        }
    };
    view! {
        <section class="card" aria-labelledby="portfolio-title" data-testid="portfolio">
            <h2 id="portfolio-title">{move || lang.get().pick("Portefeuille : tous les devis de ce navigateur", "Portfolio: every quote of this browser")}</h2>
            <p class="hint">{move || lang.get().pick(
                "Une ligne par devis de la bibliothèque, calculée comme « quote portfolio » : valeur, prochaine révision annuelle (§9.3 : le premier anniversaire à la date ou après, et ce que les révisions ajoutent à l'année qui commence ce jour-là) et l'année de MRG en cours (§9.4 : acquis à date et manque prévu sur l'année). Le devis ouvert compte tel qu'à l'écran.",
                "One row per quote of the library, computed as `quote portfolio`: value, next yearly revision (§9.3: the first anniversary on or after the date, and what revisions add to the year starting then) and the MRG year in progress (§9.4: attained to date and the year's forecast shortfall). The open quote counts as on screen.")}</p>
            <div class="row-form">
                <label class="inline">
                    <span>{move || lang.get().pick("À la date du", "At")}</span>
                    <input type="date" data-testid="portfolio-at" prop:value=move || at.get().to_string()
                        on:change=move |e| if let Ok(d) = parse_date(&event_target_value(&e)) { at.set(d) } />
                </label>
                <button type="button" data-testid="portfolio-export" on:click=export>
                    {move || lang.get().pick("Exporter (CSV)", "Export (CSV)")}
                </button>
            </div>
            <PortfolioTable entries totals=sums lang />
        </section>
        <section class="card" aria-labelledby="portfolio-chart-title">
            <h2 id="portfolio-chart-title">{move || lang.get().pick("Hausses de révision par mois d'anniversaire", "Revision increases by month of anniversary")}</h2>
            <IncreasesChart entries lang />
        </section>
    }
}
