//! The values of one index, newest first: period, value, publication,
//! source; the user's own can be removed.

use leptos::prelude::*;

use crate::engine::finance::indices::{format_period, IndexKind, Provenance};
use crate::ui::format::date;
use crate::ui::state::use_state;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn IndexRows(kind: IndexKind) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let indices = state.indices;
    let key = kind.key();
    move || {
        let l = lang.get();
        indices.with(|b| {
            let s = b.series(kind);
            s.values
                .iter()
                .rev()
                .map(|v| {
                    let provenance = match &v.provenance {
                        Provenance::Published { source } => source.clone(),
                        Provenance::User => l.pick("saisie utilisateur", "entered by the user").to_owned(),
                        Provenance::Projected => l.pick("projetée", "projected").to_owned(),
                    };
                    let published = match v.published {
                        Some(p) => date(p, l),
                        None => format!("≈ {} ({})", date(s.publication_date(v), l), l.pick("estimée", "estimated")),
                    };
                    let period = v.period;
                    let old = v.old_series;
                    let user = v.provenance == Provenance::User;
                    let series_label = if kind == IndexKind::Syntec {
                        if old { l.pick(" (ancienne série)", " (old series)") } else { "" }
                    } else {
                        ""
                    };
                    let billed = v.billed_with.map(|b| format!(" · {} {b}", l.pick("facturé avec", "billed with"))).unwrap_or_default();
                    view! {
                        <tr data-testid=format!("index-{key}-row")>
                            <td>{format!("{}{series_label}", format_period(v.period, kind))}</td>
                            <td class="num">{v.value.to_string()}</td>
                            <td>{published}</td>
                            <td class="source">{format!("{provenance}{billed}")}</td>
                            <td>
                                {user.then(|| view! {
                                    <RemoveButton fr="Retirer la valeur" en="Remove the value" on_remove=move || indices.update(|b| b.series_mut(kind).remove(period, old)) />
                                })}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    }
}
