//! The credits of the month: GTD, GTR, GTC, the 15 % cap (§8.4.9), what
//! is billed in tokens, and the higher of GTD and GTR (§8.4.10).

use leptos::prelude::*;

use super::entries::{location_text, Report};
use crate::engine::money::Money;
use crate::ui::format::decimal;
use crate::ui::state::use_state;

#[component]
pub fn MonthCredits(report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let money = move |m: Money| m.format(lang.get());
    view! {
        <h3>{move || lang.get().pick("Crédits du mois", "Credits of the month")}</h3>
        {move || {
            let l = lang.get();
            match report.get() {
                None => view! {
                    <p class="hint" data-testid="sla-result-empty">
                        {l.pick("Ajoutez une interruption, un incident ou un changement pour simuler.", "Add an outage, an incident or a change to simulate.")}
                    </p>
                }.into_any(),
                Some(Err(e)) => view! {
                    <p class="error" role="alert" data-testid="sla-error">
                        {format!("{} : {}", location_text(e.location(), l), e.message(l))}
                    </p>
                }.into_any(),
                Some(Ok(r)) => {
                    let gtr = &r.restoration;
                    let gtr_text = format!(
                        "{} {} / {} {} = {} % → {}",
                        gtr.late,
                        l.pick("hors délai", "late"),
                        gtr.divisor,
                        if gtr.resolved < gtr.divisor { l.pick("(règle des 5)", "(rule of 5)") } else { "" },
                        decimal(gtr.gap_percent.round_dp(2), l),
                        gtr.tier_percent
                            .map(|p| format!("{} % × {}", decimal(p, l), gtr.base.format(l)))
                            .unwrap_or_else(|| l.pick("pas de crédit (≤ 5 %)", "no credit (≤ 5%)").into()),
                    );
                    let higher = r.higher_of.as_ref().map(|h| {
                        let kept = if h.kept_gtd { "GTD" } else { "GTR" };
                        format!(
                            "{} {} ({} {}, {} {}) — {} {}.",
                            l.pick("§8.4.10 : incidents", "§8.4.10: incidents"),
                            h.incidents.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
                            l.pick("GTD gardée :", "keeping GTD:"),
                            h.keeping_gtd.format(l),
                            l.pick("GTR gardée :", "keeping GTR:"),
                            h.keeping_gtr.format(l),
                            l.pick("le plus élevé s'applique :", "the higher applies:"),
                            kept,
                        )
                    });
                    view! {
                        <dl class="figures sla-result" data-testid="sla-result">
                            <dt>{l.pick("Disponibilité (GTD)", "Availability (GTD)")}</dt>
                            <dd data-testid="sla-gtd-total">{money(r.availability_total)}</dd>
                            <dt>{l.pick("Rétablissement (GTR)", "Restoration (GTR)")}</dt>
                            <dd data-testid="sla-gtr">
                                <span data-testid="sla-gtr-total">{money(r.restoration_total)}</span>
                                <span class="sub">{gtr_text}</span>
                            </dd>
                            <dt>{l.pick("Changements (GTC)", "Changes (GTC)")}</dt>
                            <dd data-testid="sla-gtc-total">{money(r.change_total)}</dd>
                            <dt>{l.pick("Sous-total", "Subtotal")}</dt>
                            <dd data-testid="sla-subtotal">{money(r.subtotal)}</dd>
                            <dt>{l.pick("Plafond 15 % (§8.4.9)", "15% cap (§8.4.9)")}</dt>
                            <dd data-testid="sla-cap">
                                {money(r.cap)}
                                <span class="sub">
                                    {format!("15 % × {}{}", r.cap_base.format(l), if r.capped { l.pick(" — atteint", " — reached") } else { "" })}
                                </span>
                            </dd>
                            <dt class="strong">{l.pick("Crédit du mois", "Credit for the month")}</dt>
                            <dd class="strong" data-testid="sla-total">{money(r.total)}</dd>
                            {(r.billed_tokens > 0).then(|| view! {
                                <dt>{l.pick("Facturé au client en jetons (§8.4.4 c, d)", "Billed to the client in tokens (§8.4.4 c, d)")}</dt>
                                <dd data-testid="sla-billed">{format!("{} {} = {}", r.billed_tokens, l.pick("jetons", "tokens"), r.billed.format(l))}</dd>
                            })}
                        </dl>
                        {higher.map(|t| view! { <p class="notice" data-testid="sla-higher-of">{t}</p> })}
                    }.into_any()
                }
            }
        }}
    }
}
