//! §6, §12: the change plan in tokens, the pack and its suggestion, fixed
//! capacity, and a business-hours checker.

use leptos::prelude::*;

use super::change_plan::ChangePlan;
use super::off_hours_checker::OffHoursChecker;
use super::token_purchase::TokenPurchase;

#[component]
pub fn TokensView() -> impl IntoView {
    view! {
        <ChangePlan />
        <TokenPurchase />
        <OffHoursChecker />
    }
}
