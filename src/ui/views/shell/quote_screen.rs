//! The quote screen: tabs for each part of the proposal beside live totals.
//! The proposal, build, support, tokens and schedule tabs are in the first
//! load; the others arrive on first use (`on_demand`, issue 18).

use leptos::prelude::*;

use super::on_demand::{OnDemand, Screen};
use super::totals::Totals;
use crate::ui::session::use_session;
use crate::ui::state::use_state;
use crate::ui::views::build::build_billing_view::BuildBillingView;
use crate::ui::views::proposal::environments::Environments;
use crate::ui::views::proposal::lines::Lines;
use crate::ui::views::proposal::project_form::ProjectForm;
use crate::ui::views::proposal::specific::SpecificLines;
use crate::ui::views::schedule::schedule_view::ScheduleView;
use crate::ui::views::support::support_and_tickets::SupportAndTickets;
use crate::ui::views::tokens::tokens_view::TokensView;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Proposal,
    Build,
    Support,
    Tokens,
    Schedule,
    Finance,
    Raci,
    Guarantees,
    Compare,
    Portfolio,
    PriceBook,
}

impl Tab {
    const ALL: [Tab; 11] = [
        Tab::Proposal,
        Tab::Build,
        Tab::Support,
        Tab::Tokens,
        Tab::Schedule,
        Tab::Finance,
        Tab::Raci,
        Tab::Guarantees,
        Tab::Compare,
        Tab::Portfolio,
        Tab::PriceBook,
    ];

    fn key(self) -> &'static str {
        match self {
            Tab::Proposal => "proposal",
            Tab::Build => "build",
            Tab::Support => "support",
            Tab::Tokens => "tokens",
            Tab::Schedule => "schedule",
            Tab::Finance => "finance",
            Tab::Raci => "raci",
            Tab::Guarantees => "guarantees",
            Tab::Compare => "compare",
            Tab::Portfolio => "portfolio",
            Tab::PriceBook => "pricebook",
        }
    }
}

#[component]
pub fn QuoteScreen() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let session = use_session();
    let tab = RwSignal::new(Tab::Proposal);
    let label = move |t: Tab| {
        let l = lang.get();
        match t {
            Tab::Proposal => l.pick("Proposition", "Proposal"),
            Tab::Build => l.pick("Build", "Build"),
            Tab::Support => l.pick("Support et tickets", "Support and tickets"),
            Tab::Tokens => l.pick("Jetons", "Tokens"),
            Tab::Schedule => l.pick("Échéancier", "Schedule"),
            Tab::Finance => l.pick("Finance", "Finance"),
            Tab::Raci => l.pick("Qui fait quoi", "Who does what"),
            Tab::Guarantees => l.pick("Engagements de service", "Service levels"),
            Tab::Compare => l.pick("Comparer", "Compare"),
            Tab::Portfolio => l.pick("Portefeuille", "Portfolio"),
            Tab::PriceBook => l.pick("Grille tarifaire", "Price book"),
        }
    };
    view! {
        <div class="quote-screen">
            <div class="editor">
                <nav class="tabs" role="tablist" aria-label=move || lang.get().pick("Parties du devis", "Parts of the quote")>
                    {Tab::ALL
                        .into_iter()
                        .map(|t| {
                            view! {
                                <button
                                    type="button"
                                    role="tab"
                                    id=format!("tab-{}", t.key())
                                    data-testid=format!("tab-{}", t.key())
                                    aria-selected=move || (tab.get() == t).to_string()
                                    aria-controls="tab-panel"
                                    on:click=move |_| tab.set(t)
                                >
                                    {move || label(t)}
                                </button>
                            }
                        })
                        .collect_view()}
                </nav>
                <div id="tab-panel" role="tabpanel" class="tab-panel">
                    {move || {
                        // A replaced document (open, undo, import) rebuilds the editors.
                        session.epoch.track();
                        match tab.get() {
                        Tab::Proposal => view! {
                            <ProjectForm />
                            <Environments />
                            <Lines />
                            <SpecificLines />
                        }.into_any(),
                        Tab::Build => view! { <BuildBillingView /> }.into_any(),
                        Tab::Support => view! { <SupportAndTickets /> }.into_any(),
                        Tab::Tokens => view! { <TokensView /> }.into_any(),
                        // The credits and reversibility card needs the
                        // finance engine: it arrives on demand below the
                        // schedule (issue 15, issue 18).
                        Tab::Schedule => view! { <ScheduleView /> <OnDemand screen=Screen::AfterEnd /> }.into_any(),
                        Tab::Finance => view! { <OnDemand screen=Screen::Finance /> }.into_any(),
                        Tab::Raci => view! { <OnDemand screen=Screen::Raci /> }.into_any(),
                        Tab::Guarantees => view! { <OnDemand screen=Screen::Guarantees /> }.into_any(),
                        Tab::Compare => view! { <OnDemand screen=Screen::Compare /> }.into_any(),
                        Tab::Portfolio => view! { <OnDemand screen=Screen::Portfolio /> }.into_any(),
                        Tab::PriceBook => view! { <OnDemand screen=Screen::PriceBook /> }.into_any(),
                    }}}
                </div>
            </div>
            <aside class="summary">
                <Totals />
            </aside>
        </div>
    }
}
