//! The page: its address (the share link's fragment), the other tabs'
//! storage events (`gloo-events`), focus, printing and the service worker.
//! `gloo-utils` gives the window, document and history.

use gloo_events::EventListener;
use gloo_utils::{document, history, window};
use wasm_bindgen::{JsCast, JsValue};

/// The URL fragment, without `#`.
pub fn fragment() -> String {
    window()
        .location()
        .hash()
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar without reloading.
pub fn clear_fragment() {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let _ = history().replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
}

/// The page's address without its fragment.
pub fn base_url() -> String {
    window()
        .location()
        .href()
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// A key another tab of this site wrote (or removed: `new_value` is none).
pub struct StorageChange {
    pub key: String,
    pub new_value: Option<String>,
}

/// Calls `on_change` whenever another tab of this browser changes the
/// storage, for as long as the page lives.
pub fn on_storage(on_change: impl Fn(StorageChange) + 'static) {
    EventListener::new(&window(), "storage", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        // A `clear()` elsewhere has no key: nothing of ours to follow.
        if let Some(key) = ev.key() {
            on_change(StorageChange {
                key,
                new_value: ev.new_value(),
            });
        }
    })
    .forget();
}

/// Calls `on_hide` when the page is hidden or left (a reload, a closed
/// tab): the last moment to write what is pending.
pub fn on_page_hide(on_hide: impl Fn() + 'static) {
    EventListener::new(&window(), "pagehide", move |_| on_hide()).forget();
}

/// Moves the keyboard focus to the first element matching `selector`.
pub fn focus(selector: &str) {
    if let Ok(Some(el)) = document().query_selector(selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Whether a key press happened in a text field (shortcuts leave those alone).
pub fn is_in_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Opens the browser's print dialog (print or save as PDF).
pub fn print() {
    let _ = window().print();
}

/// Registers the service worker that keeps the app for offline use (built
/// by scripts/post-build.mjs). Without one (`trunk serve` of an old build,
/// a browser without the API) the app simply stays online-only.
pub fn register_service_worker() {
    let _ = window().navigator().service_worker().register("/sw.js");
}
