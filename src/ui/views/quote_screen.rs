//! The quote screen: tabs for each part of the proposal beside live totals.

use leptos::prelude::*;

use super::build_billing::BuildBillingView;
use super::environments::Environments;
use super::finance::FinanceView;
use super::lines::Lines;
use super::project_form::ProjectForm;
use super::schedule::ScheduleView;
use super::specific::SpecificLines;
use super::support_tickets::SupportAndTickets;
use super::tokens::TokensView;
use super::totals::Totals;
use crate::ui::state::use_state;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Proposal,
    Build,
    Support,
    Tokens,
    Schedule,
    Finance,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Proposal,
        Tab::Build,
        Tab::Support,
        Tab::Tokens,
        Tab::Schedule,
        Tab::Finance,
    ];

    fn key(self) -> &'static str {
        match self {
            Tab::Proposal => "proposal",
            Tab::Build => "build",
            Tab::Support => "support",
            Tab::Tokens => "tokens",
            Tab::Schedule => "schedule",
            Tab::Finance => "finance",
        }
    }
}

#[component]
pub fn QuoteScreen() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
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
                    {move || match tab.get() {
                        Tab::Proposal => view! {
                            <ProjectForm />
                            <Environments />
                            <Lines />
                            <SpecificLines />
                        }.into_any(),
                        Tab::Build => view! { <BuildBillingView /> }.into_any(),
                        Tab::Support => view! { <SupportAndTickets /> }.into_any(),
                        Tab::Tokens => view! { <TokensView /> }.into_any(),
                        Tab::Schedule => view! { <ScheduleView /> }.into_any(),
                        Tab::Finance => view! { <FinanceView /> }.into_any(),
                    }}
                </div>
            </div>
            <aside class="summary">
                <Totals />
            </aside>
        </div>
    }
}
