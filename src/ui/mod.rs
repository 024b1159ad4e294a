//! The browser shell: Leptos components over the pure engine. Below the
//! screens (`views`) and their `widgets` sit `state` (the document and its
//! memos), `session` (storage, undo, other tabs), `browser` and the text
//! helpers (`format`, `i18n`, `clauses`); none of those imports a screen.

mod browser;
mod clauses;
mod finance_notes;
mod format;
mod i18n;
mod life_notes;
mod session;
mod state;
mod views;
mod widgets;

use leptos::prelude::*;

use session::Session;
use state::AppState;
use views::shell::header::Header;
use views::shell::library::library_bar::LibraryBar;
use views::shell::on_demand::{OnDemand, Screen};
use views::shell::quote_screen::QuoteScreen;

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    browser::register_service_worker();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    match AppState::load() {
        Ok(state) => {
            provide_context(state);
            let session = Session::start(state);
            provide_context(session);
            view! {
                <Header />
                <LibraryBar />
                <main class="page" class:hidden=move || session.proposal.get()>
                    <QuoteScreen />
                </main>
                <Show when=move || session.proposal.get()>
                    <main class="page proposal-page">
                        <OnDemand screen=Screen::Proposal />
                    </main>
                </Show>
            }
            .into_any()
        }
        // The built-in book is tested, so this only shows on a broken build.
        Err(message) => view! {
            <main class="page"><p class="fatal" role="alert">{message}</p></main>
        }
        .into_any(),
    }
}
