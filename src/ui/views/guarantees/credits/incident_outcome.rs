//! What became of one incident: its commitment, on time or late, what is
//! exempt, what is billed in tokens.

use leptos::prelude::*;

use super::entries::{exemption_text, row_error, Report};
use crate::engine::service_levels::SlaLocation;
use crate::ui::state::use_state;

#[component]
pub fn IncidentOutcome(id: u32, report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    move || {
        let l = lang.get();
        if let Some(e) = row_error(report, SlaLocation::Incident(id), l) {
            return view! { <span class="error" data-testid="sla-row-error">{e}</span> }.into_any();
        }
        report.with(|r| {
            let Some(Ok(r)) = r else { return ().into_any() };
            let Some(o) = r.incidents.iter().find(|o| o.id == id) else {
                return ().into_any();
            };
            let commitment = o
                .commitment
                .map(|c| c.describe(l))
                .unwrap_or_else(|| l.pick("pas d'engagement", "no commitment").into());
            let status = match (o.commitment, o.late) {
                (None, _) => "",
                (Some(_), true) => l.pick("hors délai", "late"),
                (Some(_), false) => l.pick("dans les délais", "on time"),
            };
            let billed = (o.billed_tokens > 0).then(|| {
                format!(
                    "{} {} {} ({})",
                    l.pick("facturé :", "billed:"),
                    o.billed_tokens,
                    l.pick("jetons", "tokens"),
                    o.billed.format(l)
                )
            });
            view! {
                <span>{commitment}</span>
                <strong class:late=o.late data-testid="sla-inc-status">{status}</strong>
                <span class="sub">{exemption_text(o.exemption, l)}</span>
                {billed.map(|b| view! { <span class="sub" data-testid="sla-inc-billed">{b}</span> })}
            }
            .into_any()
        })
    }
}
