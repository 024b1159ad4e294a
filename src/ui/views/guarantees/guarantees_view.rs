//! SPEC §9 (§8 of the service description): what the service levels promise
//! each environment of the quote, the helpers (allowed downtime, deadlines in
//! covered hours), another provider's catalogue (seed 003) and the credit
//! simulator of a month.

use leptos::prelude::*;

use super::applied_guarantees::AppliedGuarantees;
use super::credits::credit_simulator::CreditSimulator;
use super::helpers::Helpers;
use super::other_catalogue::OtherCatalogue;

#[component]
pub fn GuaranteesView() -> impl IntoView {
    view! {
        <AppliedGuarantees />
        <CreditSimulator />
        <Helpers />
        <OtherCatalogue />
    }
}
