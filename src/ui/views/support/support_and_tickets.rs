//! §5: support level timeline, governance and tickets.

use leptos::prelude::*;

use super::governance::Governance;
use super::support_timeline::SupportTimeline;
use super::tickets::Tickets;

#[component]
pub fn SupportAndTickets() -> impl IntoView {
    view! {
        <Governance />
        <SupportTimeline />
        <Tickets />
    }
}
