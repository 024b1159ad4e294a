//! The screens that arrive on first use (issue 18): finance, RACI, service
//! levels, comparison, portfolio, price book editor and the printable
//! proposal. Each is a split point, which the build (`scripts/split.mjs`)
//! moves into a wasm chunk of its own, fetched the first time the screen
//! opens and kept afterwards (the chunk's loader remembers it, and the
//! service worker caches every chunk).
//!
//! The split points are what Leptos' `#[lazy]` writes, through the same
//! macro (`leptos::wasm_split`), with one option more: `fallible`. Under
//! `#[lazy]` a chunk that fails to arrive panics, and a panic aborts the
//! whole app; here the screen says why it is missing instead, and the next
//! open tries again. A build with split points that is not split never
//! mounts: the build must split.
// The split points expand to the chunk's import and export (`extern "C"`,
// `no_mangle`): the only unsafe code of the crate, generated, not written.
#![allow(unsafe_code)]

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::engine::contract_life::invoiced_credit;
use crate::engine::contract_life::reversibility::after_the_end;
use crate::engine::finance::indices::IndexBook;
use crate::engine::finance::mrg::minimum_guaranteed_revenue_billed;
use crate::engine::finance::revision::revise;
use crate::ui::state::{use_state, FinanceCalls};
use crate::ui::views::compare::comparison_view::ComparisonView;
use crate::ui::views::finance::finance_view::FinanceView;
use crate::ui::views::guarantees::guarantees_view::GuaranteesView;
use crate::ui::views::portfolio::portfolio_view::PortfolioView;
use crate::ui::views::pricebook::price_book_editor::PriceBookEditor;
use crate::ui::views::print::proposal_view::ProposalView;
use crate::ui::views::raci::raci_view::RaciView;
use crate::ui::views::schedule::after_end::AfterEnd;

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
    /// Below the schedule: credits on later invoices and reversibility
    /// (§8.2, §9.9), which need the finance engine.
    AfterEnd,
}

/// The revision and the MRG, for the screens that show them: named here,
/// in the chunks, so that they stay out of the first load.
fn with_finance() {
    use_state().install_finance(FinanceCalls {
        revise: |q, b, p, i| revise(q, b, p, i).ok(),
        mrg: |q, p, r, credits| minimum_guaranteed_revenue_billed(q, p, r, credits).ok(),
        credit: invoiced_credit::of_quote,
        reversibility: |q, p, r| after_the_end(q, p, r).ok().flatten(),
        indices: IndexBook::builtin,
    });
}

#[wasm_split(finance_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn finance_screen() -> Result<AnyView, NotLoaded> {
    with_finance();
    Ok(view! { <FinanceView /> }.into_any())
}

#[wasm_split(raci_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn raci_screen() -> Result<AnyView, NotLoaded> {
    Ok(view! { <RaciView /> }.into_any())
}

#[wasm_split(guarantees_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn guarantees_screen() -> Result<AnyView, NotLoaded> {
    // The claim's invoice (§8.2) and the reversibility notice (§9.9).
    with_finance();
    Ok(view! { <GuaranteesView /> }.into_any())
}

#[wasm_split(after_end_section, wasm_split_path = ::leptos::wasm_split, fallible)]
fn after_end_section() -> Result<AnyView, NotLoaded> {
    with_finance();
    Ok(view! { <AfterEnd /> }.into_any())
}

#[wasm_split(compare_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn compare_screen() -> Result<AnyView, NotLoaded> {
    Ok(view! { <ComparisonView /> }.into_any())
}

#[wasm_split(portfolio_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn portfolio_screen() -> Result<AnyView, NotLoaded> {
    with_finance();
    Ok(view! { <PortfolioView /> }.into_any())
}

#[wasm_split(price_book_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn price_book_screen() -> Result<AnyView, NotLoaded> {
    Ok(view! { <PriceBookEditor /> }.into_any())
}

#[wasm_split(proposal_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
fn proposal_screen() -> Result<AnyView, NotLoaded> {
    with_finance();
    Ok(view! { <ProposalView /> }.into_any())
}

/// A chunk that did not arrive: the network was off before the service
/// worker had kept it, or a newer build replaced this one on the server.
/// Not remembered: the next open tries again.
#[derive(Debug, Clone, Copy)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// The screen's view, once its chunk is in (at once when it already is).
async fn load(screen: Screen) -> Result<AnyView, NotLoaded> {
    match screen {
        Screen::Finance => finance_screen().await,
        Screen::Raci => raci_screen().await,
        Screen::Guarantees => guarantees_screen().await,
        Screen::Compare => compare_screen().await,
        Screen::Portfolio => portfolio_screen().await,
        Screen::PriceBook => price_book_screen().await,
        Screen::Proposal => proposal_screen().await,
        Screen::AfterEnd => after_end_section().await,
    }
}

/// Shows "Chargement… / Loading…" until the screen's chunk has arrived,
/// then the screen, or why it could not come.
#[component]
pub fn OnDemand(screen: Screen) -> impl IntoView {
    let lang = use_state().lang;
    // A card below a screen of the quote screen is not a screen loading.
    let loading_id = if screen == Screen::AfterEnd {
        "card-loading"
    } else {
        "screen-loading"
    };
    let loading = move || {
        view! {
            <p class="loading" role="status" data-testid=loading_id>
                {move || lang.get().pick("Chargement…", "Loading…")}
            </p>
        }
    };
    let screen_or_reason = move || {
        Suspend::new(async move {
            load(screen).await.unwrap_or_else(|NotLoaded| {
                view! {
                    <p class="fatal" role="alert" data-testid="screen-not-loaded">
                        {move || lang.get().pick(
                            "Cet écran n'a pas pu être chargé : le réseau est coupé et il n'était pas encore gardé dans ce navigateur, ou une nouvelle version de l'application est en ligne. Rouvrez-le une fois le réseau revenu, ou rechargez la page.",
                            "This screen could not be loaded: the network is off and this browser had not kept it yet, or a new version of the app is online. Open it again once the network is back, or reload the page.",
                        )}
                    </p>
                }
                .into_any()
            })
        })
    };
    view! { <Suspense fallback=loading>{screen_or_reason}</Suspense> }
}
