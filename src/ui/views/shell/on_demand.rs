//! The screens that arrive on first use (issue 18): finance, RACI, service
//! levels, comparison, portfolio, price book editor and the printable
//! proposal. Each is a Leptos `#[lazy]` function, which the build
//! (`scripts/split.mjs`) moves into a wasm chunk of its own, fetched the
//! first time the screen opens and kept afterwards (the chunk's loader
//! remembers it, and the service worker caches every chunk).
//!
//! A `#[lazy]` build that is not split never mounts: the build must split.
// `#[lazy]` expands to the chunk's import and export (`extern "C"`,
// `no_mangle`): the only unsafe code of the crate, generated, not written.
#![allow(unsafe_code)]

use leptos::prelude::*;

use crate::engine::finance::indices::IndexBook;
use crate::engine::finance::mrg::minimum_guaranteed_revenue;
use crate::engine::finance::revision::revise;
use crate::ui::state::{use_state, FinanceCalls};
use crate::ui::views::compare::comparison_view::ComparisonView;
use crate::ui::views::finance::finance_view::FinanceView;
use crate::ui::views::guarantees::guarantees_view::GuaranteesView;
use crate::ui::views::portfolio::portfolio_view::PortfolioView;
use crate::ui::views::pricebook::price_book_editor::PriceBookEditor;
use crate::ui::views::print::proposal_view::ProposalView;
use crate::ui::views::raci::raci_view::RaciView;

/// A screen that loads on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Finance,
    Raci,
    Guarantees,
    Compare,
    Portfolio,
    PriceBook,
    Proposal,
}

/// The revision and the MRG, for the screens that show them: named here,
/// in the chunks, so that they stay out of the first load.
fn with_finance() {
    use_state().install_finance(FinanceCalls {
        revise: |q, b, p, i| revise(q, b, p, i).ok(),
        mrg: |q, p, r| minimum_guaranteed_revenue(q, p, r).ok(),
        indices: IndexBook::builtin,
    });
}

#[lazy]
fn finance_screen() -> AnyView {
    with_finance();
    view! { <FinanceView /> }.into_any()
}

#[lazy]
fn raci_screen() -> AnyView {
    view! { <RaciView /> }.into_any()
}

#[lazy]
fn guarantees_screen() -> AnyView {
    view! { <GuaranteesView /> }.into_any()
}

#[lazy]
fn compare_screen() -> AnyView {
    view! { <ComparisonView /> }.into_any()
}

#[lazy]
fn portfolio_screen() -> AnyView {
    with_finance();
    view! { <PortfolioView /> }.into_any()
}

#[lazy]
fn price_book_screen() -> AnyView {
    view! { <PriceBookEditor /> }.into_any()
}

#[lazy]
fn proposal_screen() -> AnyView {
    with_finance();
    view! { <ProposalView /> }.into_any()
}

/// The screen's view, once its chunk is in (at once when it already is).
async fn load(screen: Screen) -> AnyView {
    match screen {
        Screen::Finance => finance_screen().await,
        Screen::Raci => raci_screen().await,
        Screen::Guarantees => guarantees_screen().await,
        Screen::Compare => compare_screen().await,
        Screen::Portfolio => portfolio_screen().await,
        Screen::PriceBook => price_book_screen().await,
        Screen::Proposal => proposal_screen().await,
    }
}

/// Shows "Chargement… / Loading…" until the screen's chunk has arrived,
/// then the screen.
#[component]
pub fn OnDemand(screen: Screen) -> impl IntoView {
    let lang = use_state().lang;
    let loading = move || {
        view! {
            <p class="loading" role="status" data-testid="screen-loading">
                {move || lang.get().pick("Chargement…", "Loading…")}
            </p>
        }
    };
    view! { <Suspense fallback=loading>{move || Suspend::new(load(screen))}</Suspense> }
}
