//! The browser shell: Leptos components over the pure engine.

mod browser;
mod format;
mod i18n;
mod session;
mod state;
mod views;
mod widgets;

use leptos::prelude::*;

use session::Session;
use state::AppState;
use views::header::Header;
use views::library::LibraryBar;
use views::quote_screen::QuoteScreen;

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    match AppState::load() {
        Ok(state) => {
            provide_context(state);
            provide_context(Session::start(state));
            view! {
                <Header />
                <LibraryBar />
                <main class="page">
                    <QuoteScreen />
                </main>
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
