//! The printable proposal (issue 6), in French or English whatever the
//! screen's language: cover, scope, lines, the specific lines (§11),
//! one-time and recurring charges, schedule, revision and MRG clauses,
//! service levels, RACI, what the flat fee does not cover (SPEC §11) and
//! assumptions. Amounts exclude VAT; a VAT
//! line can be added. The browser prints it (and saves it as PDF).

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::assumptions::ProposalAssumptions;
use super::charges::ProposalCharges;
use super::clauses::ProposalClauses;
use super::comparison::ProposalComparison;
use super::cover::ProposalCover;
use super::exit::ProposalExit;
use super::out_of_fee::ProposalOutOfFee;
use super::raci::ProposalRaci;
use super::schedule::ProposalSchedule;
use super::scope::ProposalScope;
use super::service_levels::ProposalServiceLevels;
use super::specific::ProposalSpecific;
use super::toolbar::ProposalToolbar;
use crate::engine::lang::Lang;
use crate::ui::state::use_state;

#[component]
pub fn ProposalView() -> impl IntoView {
    let state = use_state();
    let doc = RwSignal::new(state.lang.get_untracked());
    let vat = RwSignal::new(false);
    let vat_rate = RwSignal::new(Decimal::from(20));
    // SPEC §15: the comparison of the models, when asked for.
    let with_comparison = RwSignal::new(false);
    // Issue 15: what leaving early owes, when asked for.
    let with_exit = RwSignal::new(false);
    view! {
        <ProposalToolbar doc vat vat_rate with_comparison with_exit />
        <article class="proposal" data-testid="proposal" lang=move || if doc.get() == Lang::Fr { "fr" } else { "en" }>
            <ProposalCover doc />
            <ProposalScope doc />
            <ProposalSpecific doc />
            <ProposalCharges doc vat vat_rate />
            <ProposalSchedule doc />
            <ProposalClauses doc />
            <ProposalServiceLevels doc />
            <ProposalRaci doc />
            <ProposalComparison doc include=with_comparison />
            <ProposalExit doc include=with_exit />
            <ProposalOutOfFee doc />
            <ProposalAssumptions doc />
        </article>
    }
}
